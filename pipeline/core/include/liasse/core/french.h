// French text of amounts, rates and dates, written once for every caller:
// Money::ToFrench, Rate::ToFrench, Date::ToFrench, the fmt formatters of
// french_fmt.h and the pricing trace. Each Write* puts the text at `out` (a
// buffer of at least kMaxFrenchChars) and returns the end, so a hot path
// (the pricing trace writes fifteen amounts per line) needs no allocation.
#pragma once

#include <cstddef>
#include <cstdint>

#include "liasse/core/date.h"
#include "liasse/core/money.h"

namespace liasse::french {

// Enough for any int64 amount with its grouping spaces, sign and " €".
inline constexpr std::size_t kMaxFrenchChars = 48;

namespace internal {
// Writes the decimal digits of `value`; with `group`, a no-break space
// (U+00A0) between groups of three.
inline char* WriteDigits(char* out, uint64_t value, bool group) {
  char digits[24];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  for (int i = n - 1; i >= 0; --i) {
    *out++ = digits[i];
    if (group && i > 0 && i % 3 == 0) {
      *out++ = '\xC2';
      *out++ = '\xA0';
    }
  }
  return out;
}

inline uint64_t Magnitude(int64_t v) { return v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v); }
}  // namespace internal

// "-12", "1234": an integer in decimal, no grouping.
inline char* WriteInteger(char* out, int64_t value) {
  if (value < 0) *out++ = '-';
  return internal::WriteDigits(out, internal::Magnitude(value), false);
}

// A count of hundredths with its trailing zeros dropped: 750 -> "7,5",
// 1025 -> "10,25", 800 -> "8". The sign is written only when the whole part
// is negative (-50 -> "0,5"), as Rate::ToFrench always did.
inline char* WriteHundredths(char* out, int64_t hundredths) {
  const int64_t whole = hundredths / 100;
  const uint64_t fraction = internal::Magnitude(hundredths) % 100;
  out = WriteInteger(out, whole);
  if (fraction != 0) {
    *out++ = ',';
    *out++ = static_cast<char>('0' + fraction / 10);
    if (fraction % 10 != 0) *out++ = static_cast<char>('0' + fraction % 10);
  }
  return out;
}

// "1 234,56 €" with no-break spaces (U+00A0) for grouping and before €.
inline char* WriteMoney(char* out, Money m) {
  const uint64_t magnitude = internal::Magnitude(m.cents());
  if (m.is_negative()) *out++ = '-';
  out = internal::WriteDigits(out, magnitude / 100, true);
  *out++ = ',';
  *out++ = static_cast<char>('0' + (magnitude % 100) / 10);
  *out++ = static_cast<char>('0' + magnitude % 10);
  for (const char* p = "\xC2\xA0\xE2\x82\xAC"; *p != '\0'; ++p) *out++ = *p;
  return out;
}

// "130 %", "62,5 %" (no-break space before %).
inline char* WriteRate(char* out, Rate r) {
  out = WriteHundredths(out, r.basis_points());
  *out++ = '\xC2';
  *out++ = '\xA0';
  *out++ = '%';
  return out;
}

// "05/09/2025" (dates are years 1900..2199).
inline char* WriteDate(char* out, Date d) {
  const int day = d.day(), month = d.month(), year = d.year();
  *out++ = static_cast<char>('0' + day / 10);
  *out++ = static_cast<char>('0' + day % 10);
  *out++ = '/';
  *out++ = static_cast<char>('0' + month / 10);
  *out++ = static_cast<char>('0' + month % 10);
  *out++ = '/';
  *out++ = static_cast<char>('0' + year / 1000 % 10);
  *out++ = static_cast<char>('0' + year / 100 % 10);
  *out++ = static_cast<char>('0' + year / 10 % 10);
  *out++ = static_cast<char>('0' + year % 10);
  return out;
}

}  // namespace liasse::french
