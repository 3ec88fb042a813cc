// Internal: fmt formatters writing Money ("1 234,56 €"), Rate ("130 %") and
// Date ("05/09/2025") in French straight into the output buffer — the same
// text as their ToFrench(), without a temporary string per amount (traces
// format some fifteen amounts per line).
#pragma once

#include <fmt/format.h>

#include <cstdint>

#include "liasse/core/date.h"
#include "liasse/core/money.h"

namespace liasse::pricing::detail {
inline constexpr char kNbsp[] = "\xC2\xA0";

template <typename Out>
Out WriteGrouped(Out out, uint64_t value) {
  char digits[24];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  for (int i = n - 1; i >= 0; --i) {
    *out++ = digits[i];
    if (i > 0 && i % 3 == 0) {
      *out++ = kNbsp[0];
      *out++ = kNbsp[1];
    }
  }
  return out;
}
}  // namespace liasse::pricing::detail

template <>
struct fmt::formatter<liasse::Money> {
  constexpr auto parse(format_parse_context& ctx) { return ctx.begin(); }
  template <typename Ctx>
  auto format(const liasse::Money& m, Ctx& ctx) const {
    auto out = ctx.out();
    const int64_t c = m.cents();
    const uint64_t mag = c < 0 ? 0 - static_cast<uint64_t>(c) : static_cast<uint64_t>(c);
    if (c < 0) *out++ = '-';
    out = liasse::pricing::detail::WriteGrouped(out, mag / 100);
    *out++ = ',';
    *out++ = static_cast<char>('0' + (mag % 100) / 10);
    *out++ = static_cast<char>('0' + mag % 10);
    for (const char* p = "\xC2\xA0\xE2\x82\xAC"; *p != '\0'; ++p) *out++ = *p;
    return out;
  }
};

template <>
struct fmt::formatter<liasse::Rate> {
  constexpr auto parse(format_parse_context& ctx) { return ctx.begin(); }
  template <typename Ctx>
  auto format(const liasse::Rate& r, Ctx& ctx) const {
    const int64_t bp = r.basis_points();
    const int64_t fraction = (bp < 0 ? -bp : bp) % 100;
    auto out = fmt::format_to(ctx.out(), "{}", bp / 100);
    if (fraction != 0) {
      out = fraction % 10 == 0 ? fmt::format_to(out, ",{}", fraction / 10) : fmt::format_to(out, ",{:02}", fraction);
    }
    for (const char* p = "\xC2\xA0%"; *p != '\0'; ++p) *out++ = *p;
    return out;
  }
};

template <>
struct fmt::formatter<liasse::Date> {
  constexpr auto parse(format_parse_context& ctx) { return ctx.begin(); }
  template <typename Ctx>
  auto format(const liasse::Date& d, Ctx& ctx) const {
    return fmt::format_to(ctx.out(), "{:02}/{:02}/{:04}", d.day(), d.month(), d.year());
  }
};
