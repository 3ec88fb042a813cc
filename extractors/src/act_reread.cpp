#include "act_reread.h"

#include <algorithm>

#include "normalise.h"
#include "validate.h"
#include "liasse/core/fields.h"

namespace liasse::extractors::internal {

namespace {

void Erase(std::vector<std::string>& doubts, const std::string& col) { std::erase(doubts, col); }

void Add(std::vector<std::string>& doubts, const std::string& col) {
  if (std::find(doubts.begin(), doubts.end(), col) == doubts.end()) doubts.push_back(col);
}

// The page box of a cell, with a margin (the first reading may have cut a
// character off).
Box Padded(const PageView& v, Box b) {
  const int dx = static_cast<int>(v.mm()), dy = static_cast<int>(0.6 * v.mm());
  b.x = std::max(0, b.x - dx);
  b.y = std::max(0, b.y - dy);
  b.width += 2 * dx;
  b.height += 2 * dy;
  return b;
}

// The box between two read cells of the row (a cell the first reading
// missed), or an empty box.
Box Between(const PageView& v, const std::vector<int>& left, const std::vector<int>& right) {
  if (left.empty() || right.empty()) return {};
  const Box l = v.Cover(left), r = v.Cover(right);
  const int x0 = l.x + l.width, x1 = r.x;
  if (x1 - x0 < static_cast<int>(2 * v.mm())) return {};
  return {x0, std::min(l.y, r.y), x1 - x0, std::max(l.y + l.height, r.y + r.height) - std::min(l.y, r.y)};
}

std::optional<std::string> ReadCell(const DocReader& r, const Box& box, RegionKind kind) {
  if (box.width <= 0 || box.height <= 0) return std::nullopt;
  auto read = r.ctx().reader->Reread(r.view().page().index, Padded(r.view(), box), kind);
  if (!read.ok() || read->text.empty()) return std::nullopt;
  return read->text;
}

// The NGAP codes an unknown code may stand for: itself with digits read
// for letters mapped back, or the known codes one letter away.
std::vector<std::string> CodeOptions(const NgapTariffs& tariffs, const std::string& code, const std::vector<std::string>& known) {
  std::vector<std::string> out;
  if (code.empty()) return out;
  if (tariffs.Knows(code)) return {code};
  const std::string mapped = DigitsReadAsLetters(code);
  if (tariffs.Knows(mapped)) return {mapped};
  for (const auto& k : known) {
    if (WordSimilarity(code, k) >= 0.66 && (k.size() + 1 == code.size() || code.size() + 1 == k.size())) out.push_back(k);
  }
  return out;
}

bool Passes(const NgapTariffs& tariffs, const Line& line) {
  const auto expected = ActMontant(tariffs, line);
  const auto montant = StoredAmount(line.Find(fields::kMontant));
  return expected && montant && *expected == *montant;
}

void RereadDate(const DocReader& r, Line& line, const ActCells& cells, std::vector<std::string>& doubts) {
  if (cells.date.empty()) return;
  const auto text = ReadCell(r, r.view().Cover(cells.date), RegionKind::kDate);
  const auto again = text ? ParseDateText(*text) : std::nullopt;
  if (!again) return;
  const std::string iso = again->value.ToIso();
  const std::string* first = line.Find(fields::kDate);
  if (first == nullptr) {
    line.values[fields::kDate] = iso;
    Add(doubts, "date");
  } else if (*first != iso) {
    Add(doubts, "date");
  } else if (!again->repaired) {
    Erase(doubts, fields::kDate);
  }
}

// The first readings of a row that failed the check.
ActReadings FirstReadings(const Line& line) {
  ActReadings read;
  if (const std::string* c = line.Find(fields::kCode)) read.codes.push_back(*c);
  if (const std::string* c = line.Find(fields::kCoefficient)) read.coefficients.push_back(*c);
  if (const std::string* m = line.Find(fields::kMontant)) read.montants.push_back(*m);
  return read;
}

void AddOnce(std::vector<std::string>& options, const std::string& s) {
  if (!s.empty() && std::find(options.begin(), options.end(), s) == options.end()) options.push_back(s);
}

}  // namespace

std::optional<ActReadings> RereadActRow(const DocReader& r, Line& line, const ActCells& cells,
                                        std::vector<std::string>& doubts) {
  const NgapTariffs* tariffs = r.ctx().tariffs;
  if (r.ctx().reader != nullptr) RereadDate(r, line, cells, doubts);
  if (tariffs == nullptr || tariffs->empty()) return std::nullopt;
  if (Passes(*tariffs, line)) {
    // Three readings that agree with the tariff confirm one another.
    for (const char* col : {fields::kCode, fields::kCoefficient, fields::kMontant}) Erase(doubts, col);
    return std::nullopt;
  }
  ActReadings read = FirstReadings(line);
  if (r.ctx().reader == nullptr) return read;
  const PageView& v = r.view();
  const std::vector<int>& after_code = !cells.coefficient.empty() ? cells.coefficient : cells.montant;
  const Box code_box = !cells.code.empty() ? v.Cover(cells.code) : Between(v, cells.date, after_code);
  const Box coef_box = !cells.coefficient.empty() ? v.Cover(cells.coefficient) : Between(v, cells.code, cells.montant);
  const Box montant_box = !cells.montant.empty() ? v.Cover(cells.montant) : Box{};

  // The lettres-clés an act row may carry: the tariff's short letter codes.
  std::vector<std::string> known;
  for (const auto& k : tariffs->Codes()) {
    if (k.size() <= 4 && std::all_of(k.begin(), k.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) known.push_back(k);
  }
  std::vector<std::string> codes, coefs, montants;
  if (const std::string* c = line.Find(fields::kCode)) {
    for (const auto& o : CodeOptions(*tariffs, *c, known)) AddOnce(codes, o);
  }
  if (auto t = ReadCell(r, code_box, RegionKind::kText)) {
    const std::string code = NormaliseCode(*t);
    AddOnce(read.codes, code);
    for (const auto& o : CodeOptions(*tariffs, code, known)) AddOnce(codes, o);
  }
  if (const std::string* c = line.Find(fields::kCoefficient)) AddOnce(coefs, *c);
  if (auto t = ReadCell(r, coef_box, RegionKind::kAmount)) {
    if (auto c = NormaliseCoefficient(*t)) {
      AddOnce(coefs, *c);
      AddOnce(read.coefficients, *c);
    }
  }
  if (const std::string* m = line.Find(fields::kMontant)) AddOnce(montants, *m);
  if (auto t = ReadCell(r, montant_box, RegionKind::kAmount)) {
    if (auto m = ParseAmountText(*t)) {
      AddOnce(montants, m->value.ToDecimal());
      AddOnce(read.montants, m->value.ToDecimal());
    }
  }
  std::vector<Line> passing;
  for (const auto& code : codes) {
    for (const auto& coef : coefs) {
      for (const auto& montant : montants) {
        Line trial = line;
        trial.values[fields::kCode] = code;
        trial.values[fields::kCoefficient] = coef;
        trial.values[fields::kMontant] = montant;
        if (Passes(*tariffs, trial)) passing.push_back(std::move(trial));
      }
    }
  }
  if (passing.size() != 1) return read;
  line = std::move(passing.front());
  for (const char* col : {fields::kCode, fields::kCoefficient, fields::kMontant}) Erase(doubts, col);
  return std::nullopt;
}

}  // namespace liasse::extractors::internal
