#include "email_value.h"

#include <algorithm>
#include <cctype>

#include "liasse/core/email_address.h"
#include "field_values.h"
#include "labels.h"
#include "normalise.h"

namespace liasse::extractors::internal {

namespace {

constexpr std::string_view kCopyright = "\xC2\xA9";  // ©, the OCR's reading of a hand-written @

// The words of `text` split at spaces.
std::vector<std::string> SpaceSplit(const std::string& text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    const size_t j = std::min(text.find(' ', i), text.size());
    if (j > i) out.push_back(text.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

bool HasAt(const std::string& w) { return w.find('@') != std::string::npos || w.find(kCopyright) != std::string::npos; }

bool Joiner(char c) { return c == '.' || c == '-' || c == '_' || c == '@'; }

// Whether `w` ends (starts) with a character that joins it to the next
// (previous) word of an address: '.', '-', '_', '@' or the OCR's '©'.
bool JoinsNext(const std::string& w) { return Joiner(w.back()) || w.ends_with(kCopyright); }
bool JoinsPrevious(const std::string& w) { return Joiner(w.front()) || w.starts_with(kCopyright); }

// The address's words glued back: from the word with the '@', neighbours
// that end or start with a joining character ('.', '-', '_', '@').
struct Assembled {
  std::string text;
  bool mended = false;
};

std::optional<Assembled> Assemble(const std::string& text) {
  const auto words = SpaceSplit(text);
  const auto at = std::find_if(words.begin(), words.end(), HasAt);
  if (at == words.end()) return std::nullopt;
  size_t first = static_cast<size_t>(at - words.begin()), last = first;
  while (first > 0 && (JoinsPrevious(words[first]) || JoinsNext(words[first - 1]))) --first;
  while (last + 1 < words.size() && (JoinsNext(words[last]) || JoinsPrevious(words[last + 1]))) ++last;
  Assembled a;
  a.mended = last > first;
  for (size_t k = first; k <= last; ++k) a.text += words[k];
  // '©' → '@', copied rather than replaced in place (GCC 12 warns wrongly
  // about std::string::replace here).
  std::string out;
  for (size_t i = 0; i < a.text.size();) {
    if (a.text.compare(i, kCopyright.size(), kCopyright) == 0) {
      out += '@';
      i += kCopyright.size();
      a.mended = true;
    } else {
      out += a.text[i++];
    }
  }
  a.text = std::move(out);
  return a;
}

// A domain whose last dot the OCR lost ("wanadoofr", "lapostenet"): the
// dot put back before the commonest extension it ends with. Nothing when
// the domain has a dot, or ends with none of them.
std::optional<std::string> WithDomainDotRestored(const std::string& address) {
  static const char* kExtensions[] = {"com", "net", "org", "info", "fr", "eu", "be", "ch"};
  const size_t at = address.find('@');
  if (at == std::string::npos || address.find('.', at) != std::string::npos) return std::nullopt;
  for (const char* ext : kExtensions) {
    const std::string e(ext);
    if (address.size() > at + 1 + e.size() + 1 && address.ends_with(e)) {
      return address.substr(0, address.size() - e.size()) + "." + e;
    }
  }
  return std::nullopt;
}

}  // namespace

bool LooksLikeEmail(const std::string& text) {
  for (const auto& w : SpaceSplit(text)) {
    const size_t at = HasAt(w) ? std::min(w.find('@'), w.find(kCopyright)) : std::string::npos;
    if (at != std::string::npos && w.find('.', at) != std::string::npos) return true;
  }
  // An address the OCR split at its '@' ("jean.dupont @ orange.fr").
  auto a = Assemble(text);
  return a && a->text.find('.', a->text.find('@')) != std::string::npos;
}

void SetEmail(DocReader& r, std::string_view name, const Found& found) {
  auto assembled = Assemble(found.text);
  if (assembled && !ParseEmailAddress(assembled->text).ok()) {
    if (auto restored = WithDomainDotRestored(assembled->text)) assembled = Assembled{*restored, true};
  }
  if (!assembled) {
    r.Review(name, "adresse électronique sans « @ » : « " + found.text + " »");
    return;
  }
  auto address = ParseEmailAddress(assembled->text);
  if (!address.ok()) {
    r.Review(name, address.status().message() + " : « " + found.text + " »");
    return;
  }
  r.SetText(name, *address, found.confidence * (assembled->mended ? kRepairPenalty : 1.0), found.words);
}

void ReadEmailWithoutLabel(DocReader& r, std::string_view name) {
  const PageView& v = r.view();
  std::vector<std::string> addresses;
  std::optional<Found> first;
  for (size_t row = 0; row < v.rows().size(); ++row) {
    for (int id : v.rows()[row].words) {
      if (!HasAt(v.words()[static_cast<size_t>(id)].text) || InRunningText(v, id)) continue;
      // The word with its neighbours on the row, for an address cut at '@'.
      const auto& ids = v.rows()[row].words;
      const auto at = std::find(ids.begin(), ids.end(), id);
      std::vector<int> around(at == ids.begin() ? at : at - 1, std::min(at + 2, ids.end()));
      const Found found = r.Make(around);
      auto assembled = Assemble(found.text);
      if (!assembled) continue;
      auto address = ParseEmailAddress(assembled->text);
      if (!address.ok() || std::find(addresses.begin(), addresses.end(), *address) != addresses.end()) continue;
      addresses.push_back(*address);
      if (!first) first = Found{*address, around, found.confidence * kRepairPenalty};
    }
  }
  if (addresses.size() == 1) {
    // The reason first: a field is flagged once, and this is why.
    r.Review(name, "adresse lue sans son libellé : à vérifier");
    r.SetText(name, first->text, first->confidence, first->words);
  } else if (addresses.size() > 1) {
    std::string list;
    for (const auto& a : addresses) list += (list.empty() ? "« " : ", « ") + a + " »";
    r.Review(name, "plusieurs adresses sans libellé : " + list);
  }
}

bool InRunningText(const PageView& v, int id) {
  const PlacedWord& w = v.words()[static_cast<size_t>(id)];
  const auto& row = v.rows()[static_cast<size_t>(w.row)].words;
  auto at = std::find(row.begin(), row.end(), id);
  if (at == row.end()) return false;
  // Over a colon or a dash standing alone ("par mail à : …").
  double x = w.x0;
  int skipped = 0;
  while (at != row.begin()) {
    --at;
    const PlacedWord& before = v.words()[static_cast<size_t>(*at)];
    const bool punctuation = std::none_of(before.text.begin(), before.text.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80;
    });
    if (x - before.x1 > 0.8 * v.word_height()) return false;
    if (punctuation && skipped == 0) {
      x = before.x0;
      ++skipped;
      continue;
    }
    const std::string& t = before.text;
    const auto lead = t.empty() ? 0 : static_cast<unsigned char>(t[0]);
    return (lead >= 'a' && lead <= 'z') || (lead >= 0x80 && !IsUpperName(t) && !IsCapitalisedName(t));
  }
  return false;
}

void DropLabelsInProse(const PageView& v, const FormSpec& form, std::vector<Located>& located) {
  std::vector<LabelHit> titles;
  for (const auto& cue : form.cues) {
    if (!cue.title) continue;
    for (const auto& h : FindLabel(v, cue.phrase)) titles.push_back(h);
  }
  std::erase_if(located, [&](const Located& l) {
    const bool in_title = std::any_of(titles.begin(), titles.end(), [&](const LabelHit& t) {
      return t.first <= l.hit.last && l.hit.first <= t.last;
    });
    return in_title || InRunningText(v, l.hit.first);
  });
}

}  // namespace liasse::extractors::internal
