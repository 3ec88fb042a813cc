// Minimal UTF-8 decoding for the renderer's own checks (font coverage,
// PDFDocEncoding of metadata).
#pragma once

#include <cstddef>
#include <string_view>

namespace liasse::generators::internal {

// Decodes the code point at `i` and advances `i`; a malformed or truncated
// sequence yields U+FFFD and advances one byte.
inline char32_t NextCodePoint(std::string_view s, size_t& i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  const int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
  if (extra < 0 || i + static_cast<size_t>(extra) >= s.size()) {
    if (extra == 0) return static_cast<char32_t>(byte(i++));
    ++i;
    return 0xFFFD;
  }
  char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1Fu) : extra == 2 ? (c & 0x0Fu) : (c & 0x07u);
  for (int k = 1; k <= extra; ++k) {
    const unsigned char cont = byte(i + static_cast<size_t>(k));
    if ((cont & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cont & 0x3Fu);
  }
  i += static_cast<size_t>(extra) + 1;
  return cp;
}

}  // namespace liasse::generators::internal
