// Internal: the pricing trace's one number form of its own, a coefficient in
// hundredths ("7,5" for 750); Money, Rate and Date come in French from core
// (liasse/core/french_fmt.h).
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <string_view>

#include "liasse/core/french.h"
#include "liasse/core/french_fmt.h"

namespace liasse::pricing::detail {
// A coefficient in hundredths, printed as "7,5" (750), "10,25", "8" (800).
struct Centiemes {
  int64_t value;
};

inline char* WriteCentiemes(char* out, Centiemes c) { return french::WriteHundredths(out, c.value); }
}  // namespace liasse::pricing::detail

template <>
struct fmt::formatter<liasse::pricing::detail::Centiemes>
    : liasse::french::internal::Formatter<liasse::pricing::detail::Centiemes, liasse::pricing::detail::WriteCentiemes> {};
