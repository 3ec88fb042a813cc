#include "liasse/core/money.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <limits>
#include <string>

#include "liasse/core/french.h"
#include "liasse/core/text.h"

namespace liasse {
namespace {

// 128-bit intermediates: cents × basis points cannot overflow.
__extension__ typedef __int128 Int128;

constexpr int64_t kMaxEuroDigits = 13;  // keeps every amount far from int64 overflow

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Strips a currency mark at either end: "€", "EUR", "euros", "euro".
std::string_view StripCurrency(std::string_view s) {
  s = text::Trim(s);
  for (std::string_view mark : {"\xE2\x82\xAC", "EUR", "eur", "Eur", "euros", "Euros", "euro", "Euro"}) {
    if (s.size() >= mark.size() && s.substr(s.size() - mark.size()) == mark) {
      s = text::Trim(s.substr(0, s.size() - mark.size()));
      break;
    }
  }
  if (s.rfind("\xE2\x82\xAC", 0) == 0) s = text::Trim(s.substr(3));
  return s;
}

// Checks that `groups` (digit runs split by one grouping character) are a
// valid thousands grouping: first 1–3 digits, then exactly 3 each.
bool IsThousandsGrouping(const std::vector<std::string>& groups) {
  if (groups.empty() || groups.front().empty() || groups.front().size() > 3) return false;
  for (std::size_t i = 1; i < groups.size(); ++i) {
    if (groups[i].size() != 3) return false;
  }
  return true;
}

std::vector<std::string> SplitOn(std::string_view s, char sep) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : s) {
    if (c == sep) {
      parts.push_back(current);
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  parts.push_back(current);
  return parts;
}

// Parses the integer part, which may carry one kind of grouping separator
// (space, '.', or ',' — never the decimal mark).
Result<int64_t> ParseIntegerPart(std::string_view s, std::string_view original) {
  char grouping = 0;
  for (char c : s) {
    if (IsDigit(c)) continue;
    if (c != ' ' && c != '.' && c != ',') {
      return Status::InvalidArgument("montant illisible « " + std::string(original) + " » : caractère inattendu");
    }
    if (grouping != 0 && grouping != c) {
      return Status::InvalidArgument("montant ambigu « " + std::string(original) + " » : séparateurs de milliers mélangés");
    }
    grouping = c;
  }
  std::string digits;
  if (grouping != 0) {
    const auto groups = SplitOn(s, grouping);
    if (!IsThousandsGrouping(groups)) {
      return Status::InvalidArgument("montant ambigu « " + std::string(original) + " » : groupes de milliers irréguliers");
    }
    for (const auto& g : groups) digits += g;
  } else {
    digits = std::string(s);
  }
  if (digits.empty()) return Status::InvalidArgument("montant illisible « " + std::string(original) + " » : aucun chiffre");
  const auto first_significant = digits.find_first_not_of('0');
  if (first_significant != std::string::npos && digits.size() - first_significant > kMaxEuroDigits) {
    return Status::InvalidArgument("montant « " + std::string(original) + " » trop grand");
  }
  int64_t value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

Int128 RoundedDiv(Int128 value, Int128 denominator, Rounding mode) {
  const bool negative = value < 0;
  const Int128 magnitude = negative ? -value : value;
  Int128 q = magnitude / denominator;
  const Int128 r = magnitude % denominator;
  switch (mode) {
    case Rounding::kDown: break;
    case Rounding::kUp: if (r != 0) ++q; break;
    case Rounding::kHalfUp: if (2 * r >= denominator) ++q; break;
    case Rounding::kHalfEven:
      if (2 * r > denominator || (2 * r == denominator && (q % 2) == 1)) ++q;
      break;
  }
  return negative ? -q : q;
}

int64_t CheckedNarrow(Int128 v) {
  if (v > std::numeric_limits<int64_t>::max() || v < std::numeric_limits<int64_t>::min()) std::abort();
  return static_cast<int64_t>(v);
}

}  // namespace

std::string Rate::ToFrench() const {
  char buf[french::kMaxFrenchChars];
  return std::string(buf, french::WriteRate(buf, *this));
}

Result<Money> Money::Parse(std::string_view raw) {
  const std::string original(text::Trim(raw));
  std::string normalized = text::NormalizeSpaces(raw);
  // U+2212 minus sign as OCR sometimes returns it.
  if (auto pos = normalized.find("\xE2\x88\x92"); pos != std::string::npos) normalized.replace(pos, 3, "-");
  std::string_view s = StripCurrency(normalized);
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s = text::Trim(s.substr(1));
  }
  if (s.empty()) return Status::InvalidArgument("montant vide");
  if (!IsDigit(s.front()) || !IsDigit(s.back())) {
    return Status::InvalidArgument("montant illisible « " + original + " »");
  }

  // The decimal mark is the last '.' or ',' followed by one or two digits,
  // provided it is the only one of its kind or the other kind groups.
  const auto last_mark = s.find_last_of(".,");
  std::string_view integer_part = s;
  int64_t fraction_cents = 0;
  if (last_mark != std::string_view::npos) {
    const char mark = s[last_mark];
    const std::string_view after = s.substr(last_mark + 1);
    const bool single_of_kind = s.find(mark) == last_mark;
    const bool after_is_digits = after.find_first_not_of("0123456789") == std::string_view::npos;
    if (!after_is_digits) {
      return Status::InvalidArgument("montant illisible « " + original + " »");
    }
    if (single_of_kind && after.size() <= 2) {
      integer_part = s.substr(0, last_mark);
      fraction_cents = (after[0] - '0') * 10 + (after.size() == 2 ? after[1] - '0' : 0);
    } else if (single_of_kind && after.size() == 3) {
      return Status::InvalidArgument("montant ambigu « " + original + " » : séparateur de milliers ou décimales ?");
    } else if (single_of_kind) {
      return Status::InvalidArgument("montant « " + original + " » : plus de deux décimales");
    }
    // Otherwise the mark repeats: it is a grouping separator, no decimals.
  }
  LIASSE_ASSIGN_OR_RETURN(auto euros, ParseIntegerPart(text::Trim(integer_part), original));
  const int64_t cents = euros * 100 + fraction_cents;
  return Money(negative ? -cents : cents);
}

Result<Money> Money::ParseDecimal(std::string_view raw) {
  std::string_view s = text::Trim(raw);
  const std::string original(s);
  bool negative = false;
  if (!s.empty() && s.front() == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  const auto dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  const auto all_digits = [](std::string_view v) { return v.find_first_not_of("0123456789") == std::string_view::npos; };
  if (whole.empty() || !all_digits(whole) || !all_digits(fraction) || fraction.size() > 2 ||
      (dot != std::string_view::npos && fraction.empty()) || whole.size() > kMaxEuroDigits) {
    return Status::InvalidArgument("montant décimal invalide « " + original + " » (attendu 17.00)");
  }
  int64_t cents = 0;
  for (char c : whole) cents = cents * 10 + (c - '0');
  cents *= 100;
  if (!fraction.empty()) cents += (fraction[0] - '0') * 10 + (fraction.size() == 2 ? fraction[1] - '0' : 0);
  return Money(negative ? -cents : cents);
}

std::string Money::ToFrench() const {
  char buf[french::kMaxFrenchChars];
  return std::string(buf, french::WriteMoney(buf, *this));
}

std::string Money::ToDecimal() const {
  const bool negative = cents_ < 0;
  const uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(cents_) : static_cast<uint64_t>(cents_);
  const uint64_t fraction = magnitude % 100;
  std::string out = negative ? "-" : "";
  out += std::to_string(magnitude / 100);
  out += '.';
  out += static_cast<char>('0' + fraction / 10);
  out += static_cast<char>('0' + fraction % 10);
  return out;
}

Result<Money> Money::CheckedAdd(Money other) const {
  int64_t out = 0;
  if (__builtin_add_overflow(cents_, other.cents_, &out)) return Status::InvalidArgument("dépassement de capacité (addition)");
  return Money(out);
}

Result<Money> Money::CheckedSub(Money other) const {
  int64_t out = 0;
  if (__builtin_sub_overflow(cents_, other.cents_, &out)) return Status::InvalidArgument("dépassement de capacité (soustraction)");
  return Money(out);
}

Result<Money> Money::CheckedMul(int64_t factor) const {
  int64_t out = 0;
  if (__builtin_mul_overflow(cents_, factor, &out)) return Status::InvalidArgument("dépassement de capacité (multiplication)");
  return Money(out);
}

Money Money::operator+(Money other) const { return CheckedAdd(other).value(); }
Money Money::operator-(Money other) const { return CheckedSub(other).value(); }
Money Money::operator-() const { return Money::Zero().CheckedSub(*this).value(); }
Money Money::operator*(int64_t factor) const { return CheckedMul(factor).value(); }

Money Money::ApplyRate(Rate rate, Rounding mode) const { return MulDiv(rate.basis_points(), 10000, mode); }

Money Money::MulDiv(int64_t numerator, int64_t denominator, Rounding mode) const {
  if (denominator <= 0) std::abort();
  const Int128 product = static_cast<Int128>(cents_) * numerator;
  return Money(CheckedNarrow(RoundedDiv(product, denominator, mode)));
}

Result<std::vector<Money>> SplitLargestRemainder(Money total, std::span<const int64_t> weights) {
  if (weights.empty()) return Status::InvalidArgument("répartition sans part");
  Int128 weight_sum = 0;
  for (int64_t w : weights) {
    if (w < 0) return Status::InvalidArgument("répartition avec un poids négatif");
    weight_sum += w;
  }
  if (weight_sum == 0) return Status::InvalidArgument("répartition dont tous les poids sont nuls");
  const bool negative = total.is_negative();
  const Int128 magnitude = negative ? -static_cast<Int128>(total.cents()) : total.cents();
  std::vector<Int128> parts(weights.size());
  std::vector<Int128> remainders(weights.size());
  Int128 assigned = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const Int128 product = magnitude * weights[i];
    parts[i] = product / weight_sum;
    remainders[i] = product % weight_sum;
    assigned += parts[i];
  }
  // Hand the leftover cents to the largest remainders, earliest first on ties.
  Int128 leftover = magnitude - assigned;
  std::vector<std::size_t> order(weights.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
  for (std::size_t k = 0; leftover > 0; ++k, --leftover) ++parts[order[k]];
  std::vector<Money> out;
  out.reserve(parts.size());
  for (Int128 p : parts) out.push_back(Money::FromCents(CheckedNarrow(negative ? -p : p)));
  return out;
}

}  // namespace liasse
