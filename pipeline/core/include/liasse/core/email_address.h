// An e-mail address as a member writes it on a form (the "décomptes par
// mail" coupon of seed 000): checked for the shape mail servers accept, so
// that a misread address is refused with its reason instead of receiving
// mail. Failures are in French, ready for a review flag.
#pragma once

#include <string>
#include <string_view>

#include "liasse/core/status.h"

namespace liasse {

// The address in `text` (surrounding spaces and punctuation trimmed), in
// lower case: one '@', a local part of letters, digits and . _ % + -
// (no leading, trailing or doubled dot), a domain of at least two labels
// (letters, digits, inner hyphens) whose last is 2 to 24 letters; at most
// 254 characters. InvalidArgument saying what is wrong otherwise.
Result<std::string> ParseEmailAddress(std::string_view text);

}  // namespace liasse
