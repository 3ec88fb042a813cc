// The characters the embedded letter fonts can show: the same list the
// build subsets DejaVu Sans to (generators/fonts/unicodes.txt).
#pragma once

#include <string_view>
#include <vector>

#include "liasse/core/status.h"

namespace liasse::generators::internal {

bool FontCovers(char32_t code_point);

// Every code point of a fontTools-style list ("U+0020-007E,U+20AC"), in order.
std::vector<char32_t> ExpandUnicodeRanges(std::string_view spec);

// Ok when every character of `text` has a glyph; otherwise names the first
// one missing (U+XXXX) and `where` it occurs, so a letter is never printed
// with blank boxes.
Status CheckFontCoverage(std::string_view text, std::string_view where);

}  // namespace liasse::generators::internal
