#include "signature_role.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "checkbox.h"
#include "labels.h"
#include "locate.h"
#include "liasse/core/edit_distance.h"
#include "liasse/core/text.h"
#include "signature.h"

namespace liasse::extractors::internal {

namespace {

// The folded words of `wording` of four letters or more: shorter ones are
// small words ("de", "du") or abbreviations that name nothing surely.
void AddWords(std::string_view wording, std::set<std::string>& out) {
  std::string word;
  auto flush = [&] {
    if (word.size() >= 4) out.insert(word);
    word.clear();
  };
  for (char c : text::FoldFrench(wording)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) word += c;
    else if (c >= 'A' && c <= 'Z') word += static_cast<char>(c - 'A' + 'a');
    else flush();
  }
  flush();
}

std::set<std::string> WordsOf(const FormSpec& form, const FieldSpec& field) {
  std::set<std::string> out;
  for (const auto& label : field.labels) AddWords(label, out);
  for (const auto& role : field.roles) {
    const auto it = form.sections.find(role);
    if (it == form.sections.end()) continue;
    for (const auto& heading : it->second) AddWords(heading, out);
  }
  return out;
}

size_t CommonPrefix(const std::string& a, const std::string& b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

bool StandsFor(const std::string& read, const std::string& word) {
  if (read.size() < 4) return false;
  if (EditDistance(read, word) <= AllowedDistance(word.size())) return true;
  const size_t stem = CommonPrefix(read, word);
  return stem >= 6 && 4 * stem >= 3 * std::min(read.size(), word.size());
}

// The phrases of a row: its words left to right, cut at a gap of four
// millimetres or where the OCR's word order leaves the row (two blocks).
std::vector<std::vector<int>> Phrases(const PageView& v) {
  std::vector<std::vector<int>> out;
  const double gap = 4 * v.mm();
  for (const Row& row : v.rows()) {
    std::vector<int> phrase;
    for (int id : row.words) {
      const PlacedWord& w = v.words()[static_cast<size_t>(id)];
      if (!phrase.empty()) {
        const PlacedWord& prev = v.words()[static_cast<size_t>(phrase.back())];
        if (id != phrase.back() + 1 || w.x0 - prev.x1 >= gap) out.push_back(std::move(phrase)), phrase.clear();
      }
      phrase.push_back(id);
    }
    if (!phrase.empty()) out.push_back(std::move(phrase));
  }
  return out;
}

bool Intersects(const Box& a, const Box& b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

}  // namespace

std::vector<std::string> DistinctWords(const FormSpec& form, const FieldSpec& field,
                                       const std::vector<const FieldSpec*>& others) {
  std::set<std::string> mine = WordsOf(form, field), theirs;
  for (const FieldSpec* other : others) {
    if (other == nullptr || other == &field) continue;
    const auto words = WordsOf(form, *other);
    theirs.insert(words.begin(), words.end());
  }
  std::vector<std::string> out;
  for (const auto& w : mine) {
    // A word one confusion away from one of theirs tells no one apart either.
    const bool shared = std::any_of(theirs.begin(), theirs.end(), [&](const std::string& t) { return StandsFor(w, t); });
    if (!shared) out.push_back(w);
  }
  return out;
}

bool HoldsWord(const PageView& v, const std::vector<int>& ids, const std::vector<std::string>& words) {
  return std::any_of(ids.begin(), ids.end(), [&](int id) {
    const std::string& read = v.words()[static_cast<size_t>(id)].folded;
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return StandsFor(read, w); });
  });
}

std::vector<std::vector<int>> PhrasesHolding(const PageView& v, const std::vector<std::string>& words) {
  std::vector<std::vector<int>> out;
  for (auto& phrase : Phrases(v)) {
    if (HoldsWord(v, phrase, words)) out.push_back(std::move(phrase));
  }
  return out;
}

std::vector<PlaceToSign> PlacesToSign(const PageView& v, const std::vector<Box>& printed) {
  std::vector<PlaceToSign> out;
  const double mm = v.mm();
  for (auto& phrase : Phrases(v)) {
    if (phrase.size() > 8) continue;
    const Box label = v.Cover(phrase);
    std::vector<Box> own;
    for (int id : phrase) own.push_back(v.words()[static_cast<size_t>(id)].box);
    PlaceToSign place{std::move(phrase), {}};
    for (const Box& zone : SignatureZones(v, place.words.front(), place.words.back())) {
      // Below it only: the blank right of a heading or above a label is as
      // often the form's spacing as a place to sign.
      if (zone.y < label.y + label.height || zone.height < 10 * mm) continue;
      const bool blank = std::none_of(printed.begin(), printed.end(), [&](const Box& p) {
        return Intersects(p, zone) && std::find(own.begin(), own.end(), p) == own.end();
      });
      if (blank) place.zones.push_back(zone);
    }
    if (!place.zones.empty()) out.push_back(std::move(place));
  }
  return out;
}

namespace {

std::vector<int> Span(const SignatureLabel& l) {
  std::vector<int> ids;
  for (int i = l.first; i <= l.last; ++i) ids.push_back(i);
  return ids;
}

bool Shares(const std::vector<int>& phrase, const SignatureLabel& l) {
  return std::any_of(phrase.begin(), phrase.end(), [&](int id) { return id >= l.first && id <= l.last; });
}

// The places no known label stands in and no check box stands beside (the
// phrase of a box, "le patient ne peut signer", is no signer's label).
std::vector<PlaceToSign> FreePlaces(const PageView& v, const std::vector<std::optional<SignatureLabel>>& known,
                                    const std::vector<Box>& printed) {
  std::vector<PlaceToSign> out;
  for (auto& p : PlacesToSign(v, printed)) {
    const bool taken = std::any_of(known.begin(), known.end(), [&](const auto& k) { return k && Shares(p.words, *k); });
    const Box phrase = v.Cover(p.words);
    if (taken || FindCheckbox(v.page().ink, phrase, phrase, v.word_height(), printed)) continue;
    out.push_back(std::move(p));
  }
  return out;
}

double MidY(const Box& b) { return b.y + b.height / 2.0; }

// The signers whose words several places hold (a heading "Assuré(e)" over
// fields the OCR left unread, "N° du praticien" over the blank beside a
// value, and the place to sign itself), told by where a form puts its
// signatures: side by side on one row. Each such signer gets the one of its
// places on the row of every label already known; with none known, the one
// choice of places, one per such signer, all on one row, is theirs. More
// than one such place or choice: left unknown. Returns (signer, place).
std::vector<std::pair<size_t, size_t>> ByRow(const PageView& v, const std::vector<std::optional<SignatureLabel>>& known,
                                             const std::vector<PlaceToSign>& places,
                                             const std::vector<std::vector<size_t>>& mine) {
  const double tolerance = v.word_height();
  std::vector<size_t> open;  // the signers still unknown with several places
  std::vector<double> rows;  // the middles of the labels known
  for (size_t i = 0; i < known.size(); ++i) {
    if (known[i]) rows.push_back(MidY(v.Cover(Span(*known[i]))));
    else if (mine[i].size() >= 2) open.push_back(i);
  }
  auto mid = [&](size_t p) { return MidY(v.Cover(places[p].words)); };
  std::vector<std::pair<size_t, size_t>> out;
  if (!rows.empty()) {
    for (size_t i : open) {
      std::vector<size_t> on_row;
      for (size_t p : mine[i]) {
        const bool beside = std::all_of(rows.begin(), rows.end(), [&](double y) { return std::abs(mid(p) - y) <= tolerance; });
        if (beside) on_row.push_back(p);
      }
      if (on_row.size() == 1) out.emplace_back(i, on_row.front());
    }
    return out;
  }
  if (open.size() < 2) return out;
  // Every choice of one place per open signer (a form has two or three
  // signers, each a few places: the choices stay few).
  std::vector<size_t> pick(open.size(), 0), found;
  int choices = 0;
  for (bool more = true; more && choices <= 1;) {
    double lo = mid(mine[open[0]][pick[0]]), hi = lo;
    std::set<size_t> distinct;
    for (size_t k = 0; k < open.size(); ++k) {
      const size_t p = mine[open[k]][pick[k]];
      distinct.insert(p);
      lo = std::min(lo, mid(p)), hi = std::max(hi, mid(p));
    }
    if (distinct.size() == open.size() && hi - lo <= tolerance) {
      ++choices;
      found.clear();
      for (size_t k = 0; k < open.size(); ++k) found.push_back(mine[open[k]][pick[k]]);
    }
    more = false;
    for (size_t k = 0; k < open.size() && !more; ++k) {
      if (++pick[k] < mine[open[k]].size()) more = true;
      else pick[k] = 0;
    }
  }
  if (choices != 1) return out;
  for (size_t k = 0; k < open.size(); ++k) out.emplace_back(open[k], found[k]);
  return out;
}

}  // namespace

std::vector<std::optional<SignatureLabel>> SignatureLabels(const PageView& v, const FormSpec& form,
                                                           const std::vector<const FieldSpec*>& fields,
                                                           const std::vector<Box>& printed) {
  std::vector<std::optional<SignatureLabel>> out(fields.size());
  for (size_t i = 0; i < fields.size(); ++i) {
    const auto own = OwnLabels(v, form, *fields[i]);
    if (!own.empty()) out[i] = SignatureLabel{own.front().first, own.front().last, true};
  }
  if (std::all_of(out.begin(), out.end(), [](const auto& l) { return l.has_value(); })) return out;
  std::vector<std::vector<std::string>> words;
  for (const FieldSpec* f : fields) words.push_back(DistinctWords(form, *f, fields));
  std::vector<PlaceToSign> places = FreePlaces(v, out, printed);
  auto holds = [&](const PlaceToSign& p, size_t i) { return HoldsWord(v, p.words, words[i]); };
  std::vector<bool> used(places.size(), false);
  auto assign = [&](size_t i, size_t p) {
    out[i] = SignatureLabel{places[p].words.front(), places[p].words.back(), false};
    used[p] = true;
  };
  // By the signer's words: the one place whose phrase names this signer and no other.
  std::vector<std::vector<size_t>> mine(fields.size());
  for (size_t i = 0; i < fields.size(); ++i) {
    if (out[i]) continue;
    for (size_t p = 0; p < places.size(); ++p) {
      bool other = false;
      for (size_t j = 0; j < fields.size() && !other; ++j) other = j != i && holds(places[p], j);
      if (holds(places[p], i) && !other) mine[i].push_back(p);
    }
  }
  for (size_t i = 0; i < fields.size(); ++i) {
    if (mine[i].size() == 1) assign(i, mine[i].front());
  }
  for (const auto& [i, p] : ByRow(v, out, places, mine)) assign(i, p);
  // By elimination: beside the one other signer known, on its label's row.
  for (size_t i = 0; i < fields.size(); ++i) {
    if (out[i]) continue;
    std::vector<size_t> known;
    for (size_t j = 0; j < fields.size(); ++j) {
      if (j != i && out[j]) known.push_back(j);
    }
    if (known.size() + 1 != fields.size() || known.size() != 1) continue;
    const size_t j = known.front();
    const Box other = v.Cover(Span(*out[j]));
    std::vector<size_t> beside;
    for (size_t p = 0; p < places.size(); ++p) {
      if (used[p] || holds(places[p], j)) continue;
      const Box b = v.Cover(places[p].words);
      const double dy = (b.y + b.height / 2.0) - (other.y + other.height / 2.0);
      if (std::abs(dy) <= v.word_height()) beside.push_back(p);
    }
    if (beside.size() == 1) assign(i, beside.front());
  }
  return out;
}

}  // namespace liasse::extractors::internal
