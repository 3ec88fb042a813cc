// fmt formatters writing Money, Rate and Date in French ("{}" of a Money is
// "1 234,56 €"): the text of french.h, appended in one copy through fmt's
// public string_view formatter. Include where fmt::format meets these types.
#pragma once

#include <fmt/format.h>

#include <string_view>

#include "liasse/core/french.h"

namespace liasse::french::internal {
// Formats a value through `write` (one of the french::Write* functions) into
// a stack buffer, then hands it to fmt's string_view formatter.
template <typename T, char* (*Write)(char*, T)>
struct Formatter : fmt::formatter<std::string_view> {
  template <typename Ctx>
  auto format(const T& value, Ctx& ctx) const {
    char buf[kMaxFrenchChars];
    const char* end = Write(buf, value);
    return fmt::formatter<std::string_view>::format(std::string_view(buf, static_cast<std::size_t>(end - buf)), ctx);
  }
};
}  // namespace liasse::french::internal

template <>
struct fmt::formatter<liasse::Money> : liasse::french::internal::Formatter<liasse::Money, liasse::french::WriteMoney> {};
template <>
struct fmt::formatter<liasse::Rate> : liasse::french::internal::Formatter<liasse::Rate, liasse::french::WriteRate> {};
template <>
struct fmt::formatter<liasse::Date> : liasse::french::internal::Formatter<liasse::Date, liasse::french::WriteDate> {};
