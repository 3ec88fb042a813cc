#include "font_coverage.h"

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "liasse/core/utf8.h"

namespace liasse::generators::internal {

namespace {

using Range = std::pair<char32_t, char32_t>;

// Parses "U+0020-007E,U+00A0-017F,U+20AC" (the fontTools --unicodes form).
std::vector<Range> ParseRanges(std::string_view spec) {
  std::vector<Range> ranges;
  size_t pos = 0;
  while (pos < spec.size()) {
    size_t comma = spec.find(',', pos);
    if (comma == std::string_view::npos) comma = spec.size();
    std::string item(spec.substr(pos, comma - pos));
    pos = comma + 1;
    if (item.rfind("U+", 0) == 0) item = item.substr(2);
    const size_t dash = item.find('-');
    const auto first = static_cast<char32_t>(std::stoul(item.substr(0, dash), nullptr, 16));
    const auto last = dash == std::string::npos ? first : static_cast<char32_t>(std::stoul(item.substr(dash + 1), nullptr, 16));
    ranges.emplace_back(first, last);
  }
  return ranges;
}

const std::vector<Range>& Ranges() {
  static const std::vector<Range> ranges = ParseRanges(LIASSE_FONT_UNICODES);
  return ranges;
}

}  // namespace

std::vector<char32_t> ExpandUnicodeRanges(std::string_view spec) {
  std::vector<char32_t> out;
  for (const auto& [first, last] : ParseRanges(spec)) {
    for (char32_t cp = first; cp <= last; ++cp) out.push_back(cp);
  }
  return out;
}

bool FontCovers(char32_t code_point) {
  if (code_point == '\n') return true;
  for (const auto& [first, last] : Ranges()) {
    if (code_point >= first && code_point <= last) return true;
  }
  return false;
}

Status CheckFontCoverage(std::string_view text, std::string_view where) {
  for (size_t i = 0; i < text.size();) {
    const char32_t cp = utf8::NextCodePoint(text, i);
    if (!FontCovers(cp)) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
      return Status::InvalidArgument(std::string(where) + " : le caractère " + code +
                                     " n'existe pas dans la police des courriers (« " + std::string(text) + " »)");
    }
  }
  return Status::Ok();
}

}  // namespace liasse::generators::internal
