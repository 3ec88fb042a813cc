// The one edit distance of Liasse (Levenshtein): how many characters must be
// changed, added or dropped to turn one text into the other. Works on bytes
// (std::string_view) or on code points (std::u32string_view).
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

namespace liasse {

template <typename Char>
std::size_t EditDistance(std::basic_string_view<Char> a, std::basic_string_view<Char> b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

inline std::size_t EditDistance(std::string_view a, std::string_view b) { return EditDistance<char>(a, b); }
inline std::size_t EditDistance(std::u32string_view a, std::u32string_view b) { return EditDistance<char32_t>(a, b); }

// True when `a` and `b` are one edit apart — one character changed in texts
// of two or more, or one dropped from a text of two or more — the typical
// single OCR slip. A one-character text is never "one edit" from another.
inline bool OneEditApart(std::string_view a, std::string_view b) {
  const std::size_t shorter = std::min(a.size(), b.size()), longer = std::max(a.size(), b.size());
  return shorter >= 1 && longer >= 2 && longer - shorter <= 1 && EditDistance(a, b) == 1;
}

}  // namespace liasse
