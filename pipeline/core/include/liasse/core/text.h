// Small UTF-8 text helpers shared by the parsers of OCR text.
#pragma once

#include <string>
#include <string_view>

namespace liasse::text {

// Replaces every Unicode space that OCR and French typography produce
// (U+00A0 no-break space, U+202F narrow no-break space, U+2009 thin space,
// tabs) by one ASCII space. Other bytes are copied unchanged.
std::string NormalizeSpaces(std::string_view in);

// Removes ASCII white space at both ends.
std::string_view Trim(std::string_view in);

// Lower-cases ASCII letters and folds the French accented letters
// (é è ê ë à â ä î ï ô ö ù û ü ç, upper or lower case) to their base letter.
std::string FoldFrench(std::string_view in);

// Removes every ASCII space, dot and hyphen: "2 95 10.99-126" -> "2951099126".
std::string StripSeparators(std::string_view in);

}  // namespace liasse::text
