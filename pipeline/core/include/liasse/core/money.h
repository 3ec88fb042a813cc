// Money: an amount of euros held as int64_t cents. Built only through named
// factories; there is deliberately no construction from floating point.
// Rates are integer basis points (1 % = 100 bp) and every rounding is
// explicit.
#pragma once

#include <compare>
#include <concepts>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/status.h"

namespace liasse {

enum class Rounding {
  kHalfUp,    // 0.5 cent away from zero (the gestionnaire's rule)
  kHalfEven,  // banker's rounding
  kDown,      // toward zero
  kUp,        // away from zero
};

// A rate in basis points: 10 000 bp = 100 %. 130 % is Rate::Percent(130).
class Rate {
 public:
  static constexpr Rate BasisPoints(int64_t bp) { return Rate(bp); }
  static constexpr Rate Percent(int64_t percent) { return Rate(percent * 100); }
  template <std::floating_point F>
  static Rate Percent(F) = delete;  // no floating point rates

  constexpr int64_t basis_points() const { return bp_; }
  // "130 %", "62,5 %" (French form, no-break space before %).
  std::string ToFrench() const;
  friend constexpr auto operator<=>(Rate, Rate) = default;

 private:
  constexpr explicit Rate(int64_t bp) : bp_(bp) {}
  int64_t bp_;
};

class Money {
 public:
  static constexpr Money Zero() { return Money(0); }
  static constexpr Money FromCents(int64_t cents) { return Money(cents); }
  // Whole euros: Money::Euros(30) is 30,00 €.
  static constexpr Money Euros(int64_t euros) { return Money(euros * 100); }
  template <std::floating_point F>
  static Money FromCents(F) = delete;
  template <std::floating_point F>
  static Money Euros(F) = delete;
  template <std::floating_point F>
  Money(F) = delete;

  // Parses an amount as OCR reads it on a French document, straight into
  // cents: "1 234,56 €", "1234,56", "1.234,56", "1 234.56", "12,5 EUR",
  // "-3,00". Fails with the reason on garbage, on more than two decimals and
  // on ambiguous text such as "1.234" (thousands or decimals?).
  static Result<Money> Parse(std::string_view text);

  // Parses the contract's decimal form "17.00" / "-3.5" (dot, no grouping).
  static Result<Money> ParseDecimal(std::string_view text);

  constexpr int64_t cents() const { return cents_; }
  constexpr bool is_zero() const { return cents_ == 0; }
  constexpr bool is_negative() const { return cents_ < 0; }

  // "1 234,56 €" with no-break spaces (U+00A0) for grouping and before €.
  std::string ToFrench() const;
  // "1234.56": the result contract's amount form.
  std::string ToDecimal() const;

  // Checked arithmetic. Overflow of the plain operators is a programming
  // error and aborts; the Checked* forms report it as a Status.
  Result<Money> CheckedAdd(Money other) const;
  Result<Money> CheckedSub(Money other) const;
  Result<Money> CheckedMul(int64_t factor) const;
  Money operator+(Money other) const;
  Money operator-(Money other) const;
  Money operator-() const;
  Money operator*(int64_t factor) const;
  Money& operator+=(Money other) { return *this = *this + other; }
  Money& operator-=(Money other) { return *this = *this - other; }

  // This amount times `rate`, rounded once to the cent with `mode`.
  Money ApplyRate(Rate rate, Rounding mode) const;
  // This amount times numerator/denominator, rounded once (denominator > 0).
  Money MulDiv(int64_t numerator, int64_t denominator, Rounding mode) const;

  friend constexpr auto operator<=>(Money, Money) = default;
  friend constexpr Money Min(Money a, Money b) { return a < b ? a : b; }
  friend constexpr Money Max(Money a, Money b) { return a < b ? b : a; }

 private:
  constexpr explicit Money(int64_t cents) : cents_(cents) {}
  int64_t cents_;
};

// Splits `total` into parts proportional to `weights` (all >= 0, sum > 0)
// by the largest-remainder method: the parts always sum exactly to `total`,
// ties go to the earlier weight. Fails on empty, negative or all-zero weights.
Result<std::vector<Money>> SplitLargestRemainder(Money total, std::span<const int64_t> weights);

}  // namespace liasse
