#include "act_solve.h"

#include <algorithm>

#include "validate.h"
#include "liasse/core/fields.h"

namespace liasse::extractors::internal {

namespace {

// How a candidate value is supported by the readings of its cell.
// A lettre-clé of the feuille is kInferred for a row, kSimilar when the
// row's reading starts with its first letter.
enum Support { kInferred = 0, kSimilar = 1, kRepaired = 2, kRead = 4 };

struct Option {
  std::string value;
  int support = kInferred;
};

void Add(std::vector<Option>& options, std::string value, int support) {
  if (value.empty()) return;
  for (auto& o : options) {
    if (o.value == value) {
      o.support = std::max(o.support, support);
      return;
    }
  }
  options.push_back({std::move(value), support});
}

bool IsLettreCle(const std::string& code) {
  return !code.empty() && code.size() <= 4 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The lettres-clés read on the feuille's rows: the acts this practitioner
// bills on this feuille.
std::vector<std::string> CodesOfTheFeuille(const NgapTariffs& tariffs, const std::vector<Line>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines) {
    const std::string* code = l.Find(fields::kCode);
    if (code && IsLettreCle(*code) && tariffs.Knows(*code) && std::find(out.begin(), out.end(), *code) == out.end()) {
      out.push_back(*code);
    }
  }
  return out;
}

// A digit read as the letter it looks like, glued to the code ("KG": IK 6).
std::optional<char> TrailingDigit(const std::string& code) {
  if (code.size() < 2) return std::nullopt;
  switch (code.back()) {
    case 'G': return '6';
    case 'S': return '5';
    case 'B': return '8';
    case 'Z': return '2';
    case 'O': return '0';
    case 'I': case 'L': return '1';
    default: return std::nullopt;
  }
}

std::vector<Option> CodeOptions(const NgapTariffs& tariffs, const ActReadings& read, const std::vector<std::string>& context) {
  std::vector<std::string> known;
  for (const auto& k : tariffs.Codes()) {
    if (IsLettreCle(k)) known.push_back(k);
  }
  std::vector<Option> out;
  for (const auto& text : read.codes) {
    if (tariffs.Knows(text) && IsLettreCle(text)) Add(out, text, kRead);
    const std::string mapped = DigitsReadAsLetters(text);
    if (mapped != text && tariffs.Knows(mapped)) Add(out, mapped, kRepaired);
    std::vector<std::string> forms = {mapped};
    if (TrailingDigit(mapped)) forms.push_back(mapped.substr(0, mapped.size() - 1));
    for (const auto& form : forms) {
      if (tariffs.Knows(form) && IsLettreCle(form) && form != text) Add(out, form, kRepaired);
      for (const auto& k : known) {
        if (OneEditApart(form, k)) Add(out, k, kRepaired);
      }
    }
  }
  for (const auto& k : context) {
    const bool similar = std::any_of(read.codes.begin(), read.codes.end(),
                                     [&](const std::string& t) { return !t.empty() && t[0] == k[0]; });
    Add(out, k, similar ? kSimilar : kInferred);
  }
  return out;
}

std::vector<Option> CoefficientOptions(const ActReadings& read) {
  std::vector<Option> out;
  for (const auto& code : read.codes) {
    if (auto digit = TrailingDigit(code)) Add(out, std::string(1, *digit), kRepaired);
  }
  for (const auto& c : read.coefficients) {
    Add(out, c, kRead);
    // "15" for 1.5: the decimal point is the first thing a scan loses.
    if (c.find('.') == std::string::npos && c.size() >= 2) Add(out, c.substr(0, c.size() - 1) + "." + c.back(), kRepaired);
  }
  return out;
}

// "1768.00" for 17,68: a montant of whole euros with three digits or more
// whose decimal separator the scan lost (hand-filled rows), nullopt
// otherwise.
std::optional<std::string> WithLostSeparator(const std::string& montant) {
  const auto dot = montant.find('.');
  if (dot == std::string::npos || dot < 3 || montant.substr(dot) != ".00" || montant[0] == '0') return std::nullopt;
  return montant.substr(0, dot - 2) + "." + montant.substr(dot - 2, 2);
}

std::vector<Option> MontantOptions(const ActReadings& read, std::vector<Option>& coefficients) {
  std::vector<Option> out;
  for (const auto& m : read.montants) {
    Add(out, m, kRead);
    if (auto cents = WithLostSeparator(m)) Add(out, *cents, kRepaired);
    // "12.75" or "103.50" with no coefficient read: the coefficient ("1",
    // "10") glued in front.
    const auto dot = m.find('.');
    for (size_t glued = 1; read.coefficients.empty() && dot != std::string::npos && glued < dot && glued <= 2; ++glued) {
      if (m[0] == '0') break;
      std::string rest = m.substr(glued);
      while (rest.size() > 4 && rest[0] == '0') rest.erase(0, 1);
      Add(out, rest, kRepaired);
      Add(coefficients, m.substr(0, glued), kRepaired);
    }
  }
  return out;
}

// `value` and one of `readings` differ in exactly one character.
bool OneDigitFromAny(const std::string& value, const std::vector<std::string>& readings) {
  for (const auto& r : readings) {
    if (r.size() != value.size()) continue;
    int differ = 0;
    for (size_t i = 0; i < r.size(); ++i) differ += r[i] != value[i] ? 1 : 0;
    if (differ == 1) return true;
  }
  return false;
}

struct Candidate {
  std::string code, coefficient, montant;
  int score = 0;
  bool any_read = false;
};

std::string TenthsText(int64_t tenths) {
  std::string s = std::to_string(tenths / 10);
  if (tenths % 10 != 0) s += "." + std::to_string(tenths % 10);
  return s;
}

// A coefficient above 100 (an act or 100 km) is not derived: such a quotient
// comes from a montant read with extra digits.
constexpr int64_t kMaxDerivedTenths = 1000;

// The coefficient (in tenths, up to 100) that makes `montant` the
// tariff's price of `code` on `date`, or nullopt.
std::optional<std::string> DerivedCoefficient(const NgapTariffs& tariffs, const std::string& code, Date date, Money montant) {
  const auto value = tariffs.ValueOn(code, date);
  if (!value || value->cents() <= 0 || montant.cents() <= 0) return std::nullopt;
  const int64_t tenths = (montant.cents() * 10 + value->cents() / 2) / value->cents();
  if (tenths <= 0 || tenths > kMaxDerivedTenths) return std::nullopt;
  if (value->MulDiv(tenths, 10, Rounding::kHalfUp) != montant) return std::nullopt;
  return TenthsText(tenths);
}

bool Passes(const NgapTariffs& tariffs, Date date, const std::string& code, const std::string& coefficient, Money montant) {
  Line trial;
  trial.values = {{"date", date.ToIso()}, {"code", code}, {"coefficient", coefficient}};
  const auto expected = ActMontant(tariffs, trial);
  return expected && *expected == montant;
}

// A coefficient an act may carry (up to 100: acts or kilometres); a
// larger number is a montant read in the coefficient's place.
bool PlausibleCoefficient(const std::string& coefficient) {
  const auto tenths = Money::ParseDecimal(coefficient);
  return tenths.ok() && tenths->cents() > 0 && tenths->cents() <= kMaxDerivedTenths * 10;
}

// The date the row is priced on: its own, else that of the row above (or
// below): the rows of a feuille are in date order, and a lettre-clé's
// value changes a few times a decade, so the neighbour's date gives the
// row's value; the date itself stays unread.
std::optional<Date> PricingDate(const std::vector<Line>& lines, size_t i) {
  auto date_of = [&](size_t k) { return k < lines.size() ? StoredDate(lines[k].Find(fields::kDate)) : std::nullopt; };
  if (auto d = date_of(i)) return d;
  if (auto above = i > 0 ? date_of(i - 1) : std::nullopt) return above;
  return date_of(i + 1);
}

std::vector<Candidate> Candidates(const NgapTariffs& tariffs, Date date, const ActReadings& read,
                                  const std::vector<std::string>& context) {
  const auto codes = CodeOptions(tariffs, read, context);
  auto coefficients = CoefficientOptions(read);
  const auto montants = MontantOptions(read, coefficients);
  std::vector<Candidate> out;
  for (const auto& code : codes) {
    for (const auto& m : montants) {
      const auto montant = Money::ParseDecimal(m.value);
      if (!montant.ok()) continue;
      bool explained = false;
      for (const auto& c : coefficients) {
        if (!Passes(tariffs, date, code.value, c.value, *montant)) continue;
        explained = true;
        out.push_back({code.value, c.value, m.value, code.support + c.support + m.support,
                       code.support == kRead || c.support == kRead || m.support == kRead});
      }
      if (explained) continue;
      if (auto c = DerivedCoefficient(tariffs, code.value, date, *montant)) {
        out.push_back({code.value, *c, m.value, code.support + m.support, code.support == kRead || m.support == kRead});
      }
    }
    // The montant lost or misread by one digit: the price of a code and a
    // coefficient both read, one of them as is. A montant read that differs
    // more is what was billed (an anomaly for a person), never rewritten.
    for (const auto& c : coefficients) {
      if (code.support + c.support < kRead + kRepaired || !PlausibleCoefficient(c.value)) continue;
      Line trial;
      trial.values = {{"date", date.ToIso()}, {"code", code.value}, {"coefficient", c.value}};
      const auto expected = ActMontant(tariffs, trial);
      if (expected && (read.montants.empty() || OneDigitFromAny(expected->ToDecimal(), read.montants))) {
        // Below a montant read as is: a printed amount is read more surely
        // than a handwritten coefficient.
        out.push_back({code.value, c.value, expected->ToDecimal(), code.support + c.support - 1, true});
      }
    }
  }
  return out;
}

// The one best candidate, or nullopt when none or a tie.
std::optional<Candidate> Best(const std::vector<Candidate>& candidates) {
  const Candidate* best = nullptr;
  bool tie = false;
  for (const auto& c : candidates) {
    if (best == nullptr || c.score > best->score) {
      best = &c;
      tie = false;
    } else if (c.score == best->score && (c.code != best->code || c.coefficient != best->coefficient || c.montant != best->montant)) {
      tie = true;
    }
  }
  // Evidence enough: one value read as is, or two read with a repair.
  if (best == nullptr || tie || (!best->any_read && best->score < 2 * kRepaired)) return std::nullopt;
  return *best;
}

// Replaces the flag of (column, line) with `reason`, or adds it.
void Reflag(DocReader& r, const std::string& column, int line, const std::string& reason) {
  for (auto& f : r.doc().review) {
    if (f.field == column && f.line == line) {
      f.reason = reason;
      return;
    }
  }
  r.Review(column, reason, line);
}

const std::string kSolvedReason = "rétabli par le contrôle montant = coefficient × valeur de la lettre-clé : à vérifier";

// True when another lettre-clé of the tariff has `code`'s value on `date`:
// a price then does not tell the two apart.
bool ValueShared(const NgapTariffs& tariffs, const std::string& code, Date date) {
  const auto value = tariffs.ValueOn(code, date);
  if (!value) return true;
  for (const auto& k : tariffs.Codes()) {
    if (k == code || !IsLettreCle(k)) continue;
    if (const auto other = tariffs.ValueOn(k, date); other && *other == *value) return true;
  }
  return false;
}

// The total printed on the feuille and read by its label is a witness
// apart from the tariff: when every act line agrees with the tariff and
// the lines add up to it exactly, the solver's repairs are confirmed and
// their flags go (a code's only when no other lettre-clé has its value
// that day: the sum cannot tell those apart). Otherwise they stay.
void ConfirmRepairsByTotal(DocReader& r, const NgapTariffs& tariffs) {
  const auto total = StoredAmount(r.doc().Text(fields::kMontantTotal));
  const auto& lines = r.doc().lines;
  if (!total || lines.empty()) return;
  Money sum = Money::Zero();
  for (const Line& line : lines) {
    const auto montant = StoredAmount(line.Find(fields::kMontant));
    const auto expected = ActMontant(tariffs, line);
    if (!montant || !expected || *montant != *expected) return;
    sum += *montant;
  }
  if (sum != *total) return;
  std::erase_if(r.doc().review, [&](const ReviewFlag& f) {
    if (f.reason != kSolvedReason || !f.line || *f.line < 0 || static_cast<size_t>(*f.line) >= lines.size()) return false;
    if (f.field != fields::kCode) return true;
    const Line& line = lines[static_cast<size_t>(*f.line)];
    const auto date = StoredDate(line.Find(fields::kDate));
    return date && !ValueShared(tariffs, *line.Find(fields::kCode), *date);
  });
}

}  // namespace

void SolveActRows(DocReader& r, size_t first, const std::vector<std::optional<ActReadings>>& readings) {
  const NgapTariffs* tariffs = r.ctx().tariffs;
  if (tariffs == nullptr || tariffs->empty()) return;
  auto& lines = r.doc().lines;
  const auto context = CodesOfTheFeuille(*tariffs, lines);
  for (size_t k = 0; k < readings.size() && first + k < lines.size(); ++k) {
    if (!readings[k]) continue;
    const size_t i = first + k;
    const auto date = PricingDate(lines, i);
    if (!date) continue;
    const auto best = Best(Candidates(*tariffs, *date, *readings[k], context));
    if (!best) continue;
    const std::pair<const char*, const std::string*> solved[] = {
        {"code", &best->code}, {"coefficient", &best->coefficient}, {"montant", &best->montant}};
    for (const auto& [column, value] : solved) {
      const std::string* old = lines[i].Find(column);
      if (old != nullptr && *old == *value) continue;
      lines[i].values[column] = *value;
      Reflag(r, column, static_cast<int>(i), kSolvedReason);
    }
  }
  ConfirmRepairsByTotal(r, *tariffs);
}

}  // namespace liasse::extractors::internal
