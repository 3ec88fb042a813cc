// Internal: fmt formatters writing Money ("1 234,56 €"), Rate ("130 %") and
// Date ("05/09/2025") in French straight into the output buffer — the same
// text as their ToFrench(), without a temporary string per amount (traces
// format some fifteen amounts per line). Each value is written into a stack
// buffer and appended in one copy: the traces are on the pricing hot path.
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

template <typename Out>
Out WriteDigits(Out out, uint64_t value) {
  char digits[24];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  while (n > 0) *out++ = digits[--n];
  return out;
}

// Writes [begin, end) to a formatting context in one append (the appender
// then copies a range instead of pushing char by char).
template <typename Ctx>
auto WriteChars(Ctx& ctx, const char* begin, const char* end) {
  return fmt::detail::copy_str<char>(begin, end, ctx.out());
}

// A coefficient in hundredths, printed as "7,5" (750), "10,25", "8" (800).
struct Centiemes {
  int64_t value;
};
}  // namespace liasse::pricing::detail

template <>
struct fmt::formatter<liasse::Money> {
  constexpr auto parse(format_parse_context& ctx) { return ctx.begin(); }
  template <typename Ctx>
  auto format(const liasse::Money& m, Ctx& ctx) const {
    char buf[48];
    char* out = buf;
    const int64_t c = m.cents();
    const uint64_t mag = c < 0 ? 0 - static_cast<uint64_t>(c) : static_cast<uint64_t>(c);
    if (c < 0) *out++ = '-';
    out = liasse::pricing::detail::WriteGrouped(out, mag / 100);
    *out++ = ',';
    *out++ = static_cast<char>('0' + (mag % 100) / 10);
    *out++ = static_cast<char>('0' + mag % 10);
    for (const char* p = "\xC2\xA0\xE2\x82\xAC"; *p != '\0'; ++p) *out++ = *p;
    return liasse::pricing::detail::WriteChars(ctx, buf, out);
  }
};

template <>
struct fmt::formatter<liasse::Rate> {
  constexpr auto parse(format_parse_context& ctx) { return ctx.begin(); }
  template <typename Ctx>
  auto format(const liasse::Rate& r, Ctx& ctx) const {
    char buf[48];
    char* out = buf;
    const int64_t bp = r.basis_points();
    const int64_t whole = bp / 100;
    const int64_t fraction = (bp < 0 ? -bp : bp) % 100;
    // Same text as Rate::ToFrench (std::to_string of the whole part).
    if (whole < 0) *out++ = '-';
    out = liasse::pricing::detail::WriteDigits(out, whole < 0 ? 0 - static_cast<uint64_t>(whole) : static_cast<uint64_t>(whole));
    if (fraction != 0) {
      *out++ = ',';
      if (fraction % 10 == 0) {
        *out++ = static_cast<char>('0' + fraction / 10);
      } else {
        *out++ = static_cast<char>('0' + fraction / 10);
        *out++ = static_cast<char>('0' + fraction % 10);
      }
    }
    for (const char* p = "\xC2\xA0%"; *p != '\0'; ++p) *out++ = *p;
    return liasse::pricing::detail::WriteChars(ctx, buf, out);
  }
};

template <>
struct fmt::formatter<liasse::Date> {
  constexpr auto parse(format_parse_context& ctx) { return ctx.begin(); }
  template <typename Ctx>
  auto format(const liasse::Date& d, Ctx& ctx) const {
    // "%02d/%02d/%04d" as Date::ToFrench; years are 1..9999.
    char buf[10] = {};
    const int day = d.day(), month = d.month(), year = d.year();
    buf[0] = static_cast<char>('0' + day / 10);
    buf[1] = static_cast<char>('0' + day % 10);
    buf[2] = '/';
    buf[3] = static_cast<char>('0' + month / 10);
    buf[4] = static_cast<char>('0' + month % 10);
    buf[5] = '/';
    buf[6] = static_cast<char>('0' + year / 1000 % 10);
    buf[7] = static_cast<char>('0' + year / 100 % 10);
    buf[8] = static_cast<char>('0' + year / 10 % 10);
    buf[9] = static_cast<char>('0' + year % 10);
    return liasse::pricing::detail::WriteChars(ctx, buf, buf + 10);
  }
};

template <>
struct fmt::formatter<liasse::pricing::detail::Centiemes> {
  constexpr auto parse(format_parse_context& ctx) { return ctx.begin(); }
  template <typename Ctx>
  auto format(const liasse::pricing::detail::Centiemes& c, Ctx& ctx) const {
    char buf[32];
    const uint64_t v = static_cast<uint64_t>(c.value);
    char* out = liasse::pricing::detail::WriteDigits(buf, v / 100);
    const uint64_t fraction = v % 100;
    if (fraction != 0) {
      *out++ = ',';
      *out++ = static_cast<char>('0' + fraction / 10);
      if (fraction % 10 != 0) *out++ = static_cast<char>('0' + fraction % 10);
    }
    return liasse::pricing::detail::WriteChars(ctx, buf, out);
  }
};
