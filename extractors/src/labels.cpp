#include "labels.h"

#include <algorithm>

namespace liasse::extractors::internal {

namespace {

size_t LeadingLetters(const std::string& folded) {
  size_t n = folded.size();
  while (n > 0 && folded[n - 1] >= '0' && folded[n - 1] <= '9') --n;
  return n;
}

// The widest blank inside one wording, in word heights.
constexpr double kWordingGap = 2.0;

// True when words `a` and `b` of a row stand further apart than one
// wording's spacing. The spacing scales with the print: a title in large
// capitals of a fixed-width font leaves blanks wider than two of the page's
// word heights between its words.
bool FarApart(const PageView& v, int a, int b) {
  const PlacedWord& left = v.words()[static_cast<size_t>(a)];
  const PlacedWord& right = v.words()[static_cast<size_t>(b)];
  const double print = std::max({v.word_height(), left.y1 - left.y0, right.y1 - right.y0});
  return right.x0 - left.x1 > kWordingGap * print;
}

struct Window {
  int last = -1;
  size_t distance = 0;
  std::string glued;
};

// The best window starting at keyed[s] of a row: words put together until
// they are longer than the key can be.
std::optional<Window> BestWindow(const PageView& v, const std::vector<int>& keyed, size_t s, const std::string& key, size_t allowed) {
  std::string joined;
  std::optional<Window> best;
  for (size_t e = s; e < keyed.size(); ++e) {
    // One wording is printed at a word's spacing: words far apart on a row
    // are two labels ("NOM" and "PRÉNOMS" heading two cells), not "Nom prénom".
    if (e > s && FarApart(v, keyed[e - 1], keyed[e])) break;
    const std::string& folded = v.words()[static_cast<size_t>(keyed[e])].folded;
    // The value glued to the label's last word: compare the letters only.
    const size_t letters = LeadingLetters(folded);
    if (letters < folded.size() && letters > 0) {
      const std::string with_prefix = joined + folded.substr(0, letters);
      const size_t d = EditDistance(with_prefix, key);
      if (d <= allowed && folded.size() - letters >= 2 && (!best || d < best->distance)) {
        best = Window{keyed[e], d, folded.substr(letters)};
      }
    }
    joined += folded;
    if (joined.size() > key.size() + allowed) break;
    const size_t d = EditDistance(joined, key);
    if (d <= allowed && (!best || d < best->distance || (d == best->distance && !best->glued.empty()))) best = Window{keyed[e], d, {}};
  }
  return best;
}

bool Overlaps(const LabelHit& a, const LabelHit& b) { return a.first <= b.last && b.first <= a.last; }

double Top(const PageView& v, const LabelHit& h) { return v.words()[static_cast<size_t>(h.first)].y0; }

void SortBestFirst(const PageView& v, std::vector<LabelHit>& hits) {
  std::stable_sort(hits.begin(), hits.end(), [&](const LabelHit& a, const LabelHit& b) {
    if (a.similarity != b.similarity) return a.similarity > b.similarity;
    return Top(v, a) < Top(v, b);
  });
}


// True when printed word `w` stands for wording word `c`: the same, or its
// start of three letters or more; "No" is the numero sign "N°" (folded "n").
bool StandsFor(const std::string& w, const std::string& c) {
  if (c == "n" && w == "no") return true;
  return w == c || (w.size() >= 3 && w.size() < c.size() && c.compare(0, w.size(), w) == 0);
}

// The abbreviated occurrences of the wording whose content words are
// `content` on the rows of the page.
void AddAbbreviations(const PageView& v, const std::vector<std::string>& content, std::vector<LabelHit>& hits) {
  if (content.size() < 2) return;
  for (const auto& row : v.rows()) {
    std::vector<int> keyed;
    for (int i : row.words) {
      if (!v.words()[static_cast<size_t>(i)].folded.empty()) keyed.push_back(i);
    }
    for (size_t s = 0; s + content.size() <= keyed.size(); ++s) {
      bool all = true, shortened = false;
      for (size_t k = 0; k < content.size() && all; ++k) {
        const std::string& w = v.words()[static_cast<size_t>(keyed[s + k])].folded;
        all = StandsFor(w, content[k]) && (k == 0 || !FarApart(v, keyed[s + k - 1], keyed[s + k]));
        shortened = shortened || w != content[k];
      }
      if (all && shortened) hits.push_back({keyed[s], keyed[s + content.size() - 1], kAbbreviationSimilarity, {}});
    }
  }
}

}  // namespace

std::vector<std::string> ContentWords(std::string_view wording) {
  static const std::vector<std::string> kSmall = {"de", "du", "des", "la", "le", "les", "l", "d", "a", "au", "aux"};
  std::vector<std::string> out;
  std::string piece;
  auto flush = [&] {
    std::string k = FoldKey(piece);
    piece.clear();
    if (!k.empty() && std::find(kSmall.begin(), kSmall.end(), k) == kSmall.end()) out.push_back(std::move(k));
  };
  for (size_t i = 0; i < wording.size(); ++i) {
    const bool apostrophe = wording[i] == '\'' || wording.substr(i, 3) == "\u2019";
    if (wording[i] == ' ' || apostrophe) {
      flush();
      if (apostrophe && wording[i] != '\'') i += 2;
      continue;
    }
    piece += wording[i];
  }
  flush();
  return out;
}

size_t AllowedDistance(size_t length) {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 1 + (length - 2) / 6;
}

std::vector<LabelHit> FindLabel(const PageView& v, std::string_view wording) {
  const std::string key = FoldKey(wording);
  std::vector<LabelHit> hits;
  if (key.empty()) return hits;
  const size_t allowed = AllowedDistance(key.size());
  for (const auto& row : v.rows()) {
    std::vector<int> keyed;
    for (int i : row.words) {
      if (!v.words()[static_cast<size_t>(i)].folded.empty()) keyed.push_back(i);
    }
    for (size_t s = 0; s < keyed.size(); ++s) {
      auto w = BestWindow(v, keyed, s, key, allowed);
      if (!w) continue;
      const double similarity = 1.0 - static_cast<double>(w->distance) / static_cast<double>(key.size());
      hits.push_back({keyed[s], w->last, similarity, w->glued});
    }
  }
  AddAbbreviations(v, ContentWords(wording), hits);
  SortBestFirst(v, hits);
  std::vector<LabelHit> kept;
  for (const auto& h : hits) {
    if (std::none_of(kept.begin(), kept.end(), [&](const LabelHit& k) { return Overlaps(k, h); })) kept.push_back(h);
  }
  return kept;
}

std::vector<LabelHit> FindAnyLabel(const PageView& v, const std::vector<std::string>& wordings) {
  std::vector<LabelHit> all;
  for (const auto& w : wordings) {
    for (auto& h : FindLabel(v, w)) all.push_back(std::move(h));
  }
  // Longer first where they overlap: "Nom et prénom" is not "Nom" followed by a value.
  std::stable_sort(all.begin(), all.end(), [](const LabelHit& a, const LabelHit& b) { return a.last - a.first > b.last - b.first; });
  std::vector<LabelHit> kept;
  for (const auto& h : all) {
    if (std::none_of(kept.begin(), kept.end(), [&](const LabelHit& k) { return Overlaps(k, h); })) kept.push_back(h);
  }
  SortBestFirst(v, kept);
  return kept;
}

bool PageHasPhrase(const PageView& v, std::string_view phrase) { return !FindLabel(v, phrase).empty(); }

}  // namespace liasse::extractors::internal
