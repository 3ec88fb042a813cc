// Readers of the B2 lot's paper (seed 003): bordereau récapitulatif,
// feuille de soins auxiliaire médical, prescription, entente préalable.
#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include "act_reread.h"
#include "bordereau_header.h"
#include "bordereau_row.h"
#include "field_values.h"
#include "locate.h"
#include "page_dates.h"
#include "ink.h"
#include "letterhead.h"
#include "liasse/core/identifiers.h"
#include "table.h"
#include "validate.h"
#include "labels.h"
#include "value_first.h"

namespace liasse::extractors::internal {

namespace {

bool IsAmountToken(const std::string& t) {
  const auto comma = t.find_last_of(",.");
  if (comma == std::string::npos || t.size() - comma != 3) return false;
  int digits = 0;
  for (char c : t) digits += (c >= '0' && c <= '9') ? 1 : 0;
  return digits >= 3;
}

// The words of `row` as trimmed texts with their word ids.
std::vector<std::pair<std::string, int>> RowTokens(const PageView& v, const TableRow& row) {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& c : row.cells) {
    for (int i : c.words) {
      std::string t = TrimPunctuation(v.words()[static_cast<size_t>(i)].text);
      // The currency sign printed or read against the amount ("22,68€").
      static const std::string kEuro = "€";
      if (t.size() > kEuro.size() && t.ends_with(kEuro)) t = TrimPunctuation(t.substr(0, t.size() - kEuro.size()));
      if (t == kEuro || t.empty()) continue;
      // The currency written out after an amount ("9,30 EUR") is the amount's, not a nom.
      const std::string folded = FoldKey(t);
      if ((folded == "eur" || folded == "euros") && !out.empty() && IsAmountToken(out.back().first)) continue;
      out.emplace_back(t, i);
    }
  }
  return out;
}

// Amount tokens from position `k` on, a thousands group glued to the next
// token when they are close ("1" "234,56").
std::vector<std::pair<std::string, std::vector<int>>> Amounts(const PageView& v,
                                                              const std::vector<std::pair<std::string, int>>& toks, size_t k) {
  std::vector<std::pair<std::string, std::vector<int>>> out;
  for (size_t i = k; i < toks.size(); ++i) {
    bool repaired = false;
    const std::string t = MapConfusables(toks[i].first, &repaired);
    if (IsAmountToken(t)) {
      out.push_back({toks[i].first, {toks[i].second}});
      continue;
    }
    // "26, 00": the cents read as a word of their own after the comma.
    const std::string& raw = v.words()[static_cast<size_t>(toks[i].second)].text;
    if (i + 1 < toks.size() && !t.empty() && !raw.empty() && (raw.back() == ',' || raw.back() == '.') &&
        std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      const std::string cents = MapConfusables(toks[i + 1].first, &repaired);
      const auto& a = v.words()[static_cast<size_t>(toks[i].second)];
      const auto& b = v.words()[static_cast<size_t>(toks[i + 1].second)];
      if (cents.size() == 2 && std::all_of(cents.begin(), cents.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
          b.x0 - a.x1 < 1.2 * v.word_height()) {
        out.push_back({toks[i].first + "," + toks[i + 1].first, {toks[i].second, toks[i + 1].second}});
        ++i;
        continue;
      }
    }
    const bool group = t.size() <= 3 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (group && i + 1 < toks.size() && IsAmountToken(MapConfusables(toks[i + 1].first, &repaired))) {
      const auto& a = v.words()[static_cast<size_t>(toks[i].second)];
      const auto& b = v.words()[static_cast<size_t>(toks[i + 1].second)];
      if (b.x0 - a.x1 < 0.6 * v.word_height()) {
        out.push_back({toks[i].first + " " + toks[i + 1].first, {toks[i].second, toks[i + 1].second}});
        ++i;
      }
    }
  }
  return out;
}

double MinConf(const PageView& v, const std::vector<int>& ids) { return v.MinConfidence(ids); }

std::string NoSpaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ') out += c;
  }
  return out;
}

// `amount` with one of its 6, 8 and 9 read for a 0 (a dotted or slashed
// zero), each way.
std::vector<std::string> ZeroVariants(const std::string& amount) {
  std::vector<std::string> out;
  for (size_t i = 0; i < amount.size(); ++i) {
    if (amount[i] != '6' && amount[i] != '8' && amount[i] != '9') continue;
    std::string v = amount;
    v[i] = '0';
    out.push_back(std::move(v));
  }
  return out;
}

// A line whose readings never add up: the one amount that does with one of
// its digits of a bowl read as the 0 it may be, the two others as read, is
// taken and flagged with its reading; none or several, nothing changes.
template <typename Sums>
void SettleZeroInLineAmount(DocReader& r, Line& line, const std::vector<std::string> (&options)[3], const Sums& sums) {
  static const char* kCols[] = {fields::kMontantTotal, fields::kMontantAmo, fields::kMontantAmc};
  std::vector<std::pair<size_t, std::pair<std::string, std::string>>> found;  // column, (read, settled)
  for (size_t a = 0; a < 3; ++a) {
    for (const auto& read : options[a]) {
      for (const auto& v : ZeroVariants(read)) {
        for (const auto& t : a == 0 ? std::vector<std::string>{v} : options[0]) {
          for (const auto& o : a == 1 ? std::vector<std::string>{v} : options[1]) {
            for (const auto& c : a == 2 ? std::vector<std::string>{v} : options[2]) {
              if (sums(&t, &o, &c)) found.push_back({a, {read, v}});
            }
          }
        }
      }
    }
  }
  if (found.size() != 1) return;
  const auto& [a, readings] = found.front();
  line.values[kCols[a]] = readings.second;
  r.Review(kCols[a], "lu « " + readings.first + " », un zéro lu comme un chiffre à boucle : « " + readings.second +
                         " » fait le total de la ligne, à vérifier",
           static_cast<int>(r.doc().lines.size()));
}

// A bordereau line whose AMO + AMC ≠ total: each amount re-read alone, and
// the one combination of first and second readings that adds up is kept
// (the three then confirm one another).
void RereadLineAmounts(DocReader& r, Line& line, const std::vector<std::pair<std::string, std::vector<int>>>& amounts,
                       std::vector<std::string>& doubts) {
  static const char* kCols[] = {fields::kMontantTotal, fields::kMontantAmo, fields::kMontantAmc};
  auto sums = [](const std::string* t, const std::string* o, const std::string* c) {
    if (!t || !o || !c) return false;
    auto mt = Money::ParseDecimal(*t), mo = Money::ParseDecimal(*o), mc = Money::ParseDecimal(*c);
    return mt.ok() && mo.ok() && mc.ok() && mo.value() + mc.value() == mt.value();
  };
  if (sums(line.Find(kCols[0]), line.Find(kCols[1]), line.Find(kCols[2]))) {
    std::erase_if(doubts, [](const std::string& d) { return d.starts_with("montant_"); });
    return;
  }
  std::vector<std::string> options[3];
  for (size_t a = 0; a < 3; ++a) {
    if (const std::string* first = line.Find(kCols[a])) options[a].push_back(*first);
    const auto again = r.Reread(amounts[a].second, RegionKind::kAmount, [](std::string_view t) -> std::optional<std::string> {
      auto m = ParseAmountText(t);
      if (!m) return std::nullopt;
      return m->value.ToDecimal();
    });
    if (again && std::find(options[a].begin(), options[a].end(), *again) == options[a].end()) options[a].push_back(*again);
  }
  std::vector<std::array<std::string, 3>> passing;
  for (const auto& t : options[0]) {
    for (const auto& o : options[1]) {
      for (const auto& c : options[2]) {
        if (sums(&t, &o, &c)) passing.push_back({t, o, c});
      }
    }
  }
  if (passing.empty()) return SettleZeroInLineAmount(r, line, options, sums);
  if (passing.size() != 1) return;
  for (size_t a = 0; a < 3; ++a) line.values[kCols[a]] = passing.front()[a];
  std::erase_if(doubts, [](const std::string& d) { return d.starts_with("montant_"); });
}

// The three amounts of a bordereau line. One read with a stray third
// decimal ("78,006": a rule or the € read as a digit) is kept without it
// when the two others are read; `stray` tells which (the caller flags it).
std::vector<std::pair<std::string, std::vector<int>>> LineAmounts(const PageView& v, const std::vector<std::pair<std::string, int>>& toks,
                                                                  size_t k, std::optional<std::pair<size_t, std::string>>& stray) {
  auto amounts = Amounts(v, toks, k);
  if (amounts.size() != 2) return amounts;
  auto three_decimals = [](const std::string& t) {
    const auto comma = t.find_first_of(",.");
    if (comma == std::string::npos || comma < 1 || comma > 4 || t.size() - comma != 4) return false;
    for (size_t i = 0; i < t.size(); ++i) {
      if (i != comma && (t[i] < '0' || t[i] > '9')) return false;
    }
    return true;
  };
  std::optional<size_t> found;
  for (size_t i = k; i < toks.size(); ++i) {
    if (!three_decimals(toks[i].first)) continue;
    if (found) return amounts;  // two candidates: none chosen
    found = i;
  }
  if (!found) return amounts;
  size_t at = 0;
  for (const auto& a : amounts) {
    const auto pos = std::find_if(toks.begin(), toks.end(), [&](const auto& t) { return t.second == a.second.front(); });
    if (static_cast<size_t>(pos - toks.begin()) < *found) ++at;
  }
  const std::string& t = toks[*found].first;
  amounts.insert(amounts.begin() + static_cast<long>(at), {t.substr(0, t.size() - 1), {toks[*found].second}});
  stray = std::make_pair(at, t);
  return amounts;
}

// The date de naissance of a bordereau line: the first token before the
// amounts that is a date, else those tokens together ("02 021954"). Ink
// there that is no date is flagged with its reading (the lot cross-check
// compares it with the feuille); no ink, nothing: blank on the paper.
void ReadLineBirthDate(DocReader& r, Line& line, const std::vector<std::pair<std::string, int>>& toks, size_t& k,
                       const std::vector<std::pair<std::string, std::vector<int>>>& amounts, std::vector<std::string>& doubts) {
  size_t end = toks.size();
  if (!amounts.empty()) {
    const int first_amount = amounts.front().second.front();
    for (size_t j = k; j < toks.size(); ++j) {
      if (toks[j].second == first_amount) end = j;
    }
  }
  std::string text;
  for (size_t j = k; j < end; ++j) {
    if (auto d = ParseDateText(toks[j].first)) {
      line.values[fields::kDateNaissance] = d->value.ToIso();
      if (d->repaired || j > k) doubts.push_back(fields::kDateNaissance);
      k = j + 1;
      return;
    }
    if (std::any_of(toks[j].first.begin(), toks[j].first.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      text += (text.empty() ? "" : " ") + toks[j].first;
    }
  }
  if (text.empty()) return;
  if (auto d = ParseDateText(NoSpaces(text))) {
    line.values[fields::kDateNaissance] = d->value.ToIso();
    doubts.push_back(fields::kDateNaissance);
  } else {
    r.Review(fields::kDateNaissance, "date de naissance illisible : « " + text + " »", static_cast<int>(r.doc().lines.size()));
  }
  k = end;
}

// A line of which most cells are unreadable (columns run together, a hand
// the OCR lost): what was read there is no surer than the rest, even a NIR
// whose key passes by chance. Each cell read without a flag is flagged.
void FlagAMostlyUnreadLine(DocReader& r, const Line& line, int index) {
  // The three amounts are read together: unreadable, they count once.
  constexpr size_t kUnreadParts = 3;  // of six: numéro, NIR, nom, prénom, date, amounts
  size_t unread = 0;
  bool amounts = false;
  for (const auto& f : r.doc().review) {
    if (f.line != index || f.reading_doubt) continue;
    const bool amount = f.field == fields::kMontantTotal || f.field == fields::kMontantAmo || f.field == fields::kMontantAmc;
    if (amount && amounts) continue;
    amounts = amounts || amount;
    ++unread;
  }
  if (unread < kUnreadParts) return;
  for (const auto& [column, value] : line.values) {
    r.Review(column, "ligne en grande partie illisible : valeur à vérifier", index);
  }
}

// True when a word of the row holds at least `min_digits` digits (an
// invoice number, a NIR or one of its groups of six or more): a line, not
// a totals row.
bool HoldsALineNumber(const std::vector<std::pair<std::string, int>>& toks, size_t min_digits) {
  return std::any_of(toks.begin(), toks.end(), [&](const auto& t) {
    return DigitsOf(t.first).size() >= std::max<size_t>(min_digits, 6);
  });
}

// Parts read the other way round from the régime's share of the total
// (the AMO's column holds the part at no share of `amo_shares`, the AMC's
// the part at one): a header read wrong, or a form printed so; a person says.
void FlagPartsAgainstTheirShares(DocReader& r, const Line& line, const std::vector<int>& amo_shares, int index) {
  const auto total = StoredAmount(line.Find(fields::kMontantTotal));
  const auto amo = StoredAmount(line.Find(fields::kMontantAmo));
  const auto amc = StoredAmount(line.Find(fields::kMontantAmc));
  if (!total || !amo || !amc || *amo + *amc != *total) return;
  if (PartAtShare(*amo, *amc, *total, amo_shares) != 1) return;
  for (const char* c : {fields::kMontantAmo, fields::kMontantAmc}) {
    r.Review(c, "parts AMO et AMC à l'inverse de la part du régime obligatoire : à vérifier", index);
  }
}

void ReadBordereauLines(DocReader& r) {
  const PageView& v = r.view();
  const TableSpec* table = r.form() ? r.form()->Table("lines") : nullptr;
  if (table == nullptr) return;
  std::pair<size_t, size_t> numero_len = {9, 9};
  if (auto it = table->digits.find(fields::kNumeroFacture); it != table->digits.end()) numero_len = it->second;
  static const std::vector<int> kNoShares;
  const auto shares_it = table->shares.find(fields::kMontantAmo);
  const std::vector<int>& amo_shares = shares_it != table->shares.end() ? shares_it->second : kNoShares;
  TableHeader header = FindTableHeader(v, *table);
  // A header in no wording of the data: the lines are read by the kinds of
  // their values under the row above the first line (ReorderLineTokens),
  // a row without a number of a NIR's or an invoice's size is no line.
  const bool by_value = !header.ok();
  if (by_value) {
    const auto first = FirstInvoiceRow(v);
    if (!first || *first == 0) return;
    header.row = static_cast<int>(*first) - 1;
  }
  const auto rows = RowsBelow(v, header.row, StopKeys(*table));
  const bool in_order = !by_value && InLineOrder(header);
  for (const auto& row : rows) {
    auto toks = RowTokens(v, row);
    if (toks.empty()) continue;
    if (by_value && !HoldsALineNumber(toks, numero_len.first)) continue;
    Line line;
    const int index = static_cast<int>(r.doc().lines.size());
    std::vector<std::string> doubts;
    if (!in_order) {
      // Columns printed in another order: the words put back in the reader's.
      const ReorderedRow reordered = ReorderLineTokens(v, header, toks, Amounts(v, toks, 0), numero_len, amo_shares);
      toks = reordered.tokens;
      if (toks.empty()) continue;
      if (reordered.numero_unsure) doubts.push_back(fields::kNumeroFacture);
      if (reordered.parts_unsure) {
        for (const char* c : {fields::kMontantAmo, fields::kMontantAmc}) {
          r.Review(c, "parts AMO et AMC non distinguées par l'en-tête : à vérifier", index);
        }
      }
    }
    size_t k = 0;
    // N° facture: a number of the length the form's data gives.
    bool rep = false;
    std::string numero = DigitsOf(toks[0].first, &rep);
    if (numero.size() < numero_len.first || numero.size() > numero_len.second) {
      // Not a line unless it carries the amounts: then keep it (later lines
      // would shift) with its number re-read alone, else flagged.
      if (Amounts(v, toks, 1).size() < 2) continue;
      const auto again = r.Reread({toks[0].second}, RegionKind::kDigits, [&](std::string_view t) -> std::optional<std::string> {
        std::string d = DigitsOf(t);
        if (d.size() < numero_len.first || d.size() > numero_len.second) return std::nullopt;
        return d;
      });
      const auto collapsed = numero.size() > numero_len.second ? CollapseDoubledDigit(numero, numero.size() - 1)
                                                               : std::vector<std::string>{};
      if (again) {
        line.values[fields::kNumeroFacture] = *again;
        // One reading of two: a person confirms it.
        doubts.push_back(fields::kNumeroFacture);
      } else {
        if (collapsed.size() == 1) line.values[fields::kNumeroFacture] = collapsed.front();
        r.Review(fields::kNumeroFacture, "numéro de facture illisible : « " + toks[0].first + " »", index);
      }
    } else {
      line.values[fields::kNumeroFacture] = numero;
      if (rep || MinConf(v, {toks[0].second}) < 0.8) doubts.push_back(fields::kNumeroFacture);
    }
    ++k;
    // NIR: digit groups up to 15 characters.
    std::string nir_text;
    std::vector<int> nir_ids;
    while (k < toks.size() && DigitsOf(nir_text).size() < 15 && !IsUpperName(toks[k].first)) {
      nir_text += " " + toks[k].first;
      nir_ids.push_back(toks[k].second);
      ++k;
    }
    auto nir = NirCandidate(nir_text);
    if ((!nir || !Nir::Parse(nir->value).ok()) && !nir_ids.empty()) {
      // Re-read alone with the digit whitelist: kept when its key passes.
      const auto again = r.Reread(nir_ids, RegionKind::kDigits, [](std::string_view t) -> std::optional<std::string> {
        auto c = NirCandidate(t);
        if (!c || !Nir::Parse(c->value).ok()) return std::nullopt;
        return c->value;
      });
      if (again) nir = Parsed<std::string>{*again, false};
    }
    if (nir) {
      // Corsica's "2B" ("2A") read "28" ("24"): the one repair the key accepts, flagged.
      if (auto corse = CorsicanNir(nir->value)) nir = Parsed<std::string>{*corse, true};
    }
    if (nir) {
      line.values[fields::kNir] = nir->value;
      if (!Nir::Parse(nir->value).ok()) r.Review(fields::kNir, "NIR de la ligne invalide (clé) : à vérifier", index);
      else if (nir->repaired) doubts.push_back(fields::kNir);
    } else {
      // The partial reading, quoted: the lot cross-check compares it with the feuille.
      const std::string quoted = nir_text.empty() ? "" : " : « " + nir_text.substr(1) + " »";
      r.Review(fields::kNir, "NIR de la ligne illisible" + quoted, index);
    }
    // Nom (capitals), prénom.
    if (k < toks.size() && IsUpperName(toks[k].first)) line.values[fields::kNom] = toks[k++].first;
    else r.Review(fields::kNom, "nom illisible", index);
    if (k < toks.size() && IsCapitalisedName(toks[k].first)) line.values[fields::kPrenom] = toks[k++].first;
    else r.Review(fields::kPrenom, "prénom illisible", index);
    std::optional<std::pair<size_t, std::string>> stray;  // column, raw reading
    const auto amounts = LineAmounts(v, toks, k, stray);
    // Date de naissance (may be blank on the paper): what lies before the amounts.
    ReadLineBirthDate(r, line, toks, k, amounts, doubts);
    static const char* kCols[] = {fields::kMontantTotal, fields::kMontantAmo, fields::kMontantAmc};
    if (amounts.size() == 3 && stray) {
      r.Review(kCols[stray->first], "montant lu « " + stray->second + " » : un chiffre en trop ignoré, à vérifier", index);
    }
    if (amounts.size() == 3) {
      for (size_t a = 0; a < 3; ++a) {
        auto m = ParseAmountText(amounts[a].first);
        if (m) line.values[kCols[a]] = m->value.ToDecimal();
        if (!m || m->repaired || MinConf(v, amounts[a].second) < 0.75) doubts.push_back(kCols[a]);
      }
      RereadLineAmounts(r, line, amounts, doubts);
      FlagPartsAgainstTheirShares(r, line, amo_shares, index);
    } else {
      for (const char* c : kCols) r.Review(c, "montants de la ligne illisibles", index);
    }
    for (const auto& d : doubts) r.Doubt(d, "lu avec une confiance faible : à vérifier", index);
    FlagAMostlyUnreadLine(r, line, index);
    r.doc().lines.push_back(std::move(line));
  }
}

}  // namespace

void ReadBordereau(DocReader& r) {
  // The header fields are read from the form's data (ReadFormFields), then
  // by their values where no wording named them.
  ReadBordereauHeaderByValue(r);
  ReadPartnerLetterhead(r);
  ReadBordereauLines(r);
  CheckBordereauTotals(r);
}

namespace {

// One act row: date, code, coefficient, montant. A row is never dropped
// (later rows would shift): what cannot be read is absent and flagged.
// The flags of a read act row, then the row itself.
// `unsettled` gets the row's readings when it fails the tariff check
// (nullopt otherwise), for SolveActRows once the page's rows are read.
void StoreActRow(DocReader& r, Line line, const ActCells& cells, std::vector<std::string> doubts, const std::string& date_text,
                 std::vector<std::optional<ActReadings>>& unsettled) {
  const int index = static_cast<int>(r.doc().lines.size());
  unsettled.push_back(RereadActRow(r, line, cells, doubts));
  if (!line.Find(fields::kDate)) {
    if (cells.date.empty()) r.Review(fields::kDate, "date de l'acte absente", index);
    else r.Review(fields::kDate, "date de l'acte illisible : « " + date_text + " »", index);
  }
  for (const char* col : {fields::kCode, fields::kCoefficient, fields::kMontant}) {
    if (!line.Find(col)) r.Review(col, "illisible", index);
  }
  for (const auto& d : doubts) r.Doubt(d, "lu avec une confiance faible : à vérifier", index);
  r.doc().lines.push_back(std::move(line));
}

// A lettre-clé with digits read for its letters ("1FD" → IFD).
std::string ActCode(std::string_view text) {
  std::string code = NormaliseCode(text);
  size_t letters = 0;
  for (char c : code) letters += std::isalpha(static_cast<unsigned char>(c)) ? 1 : 0;
  if (letters < 1 || code.size() > 4) return code;
  return DigitsReadAsLetters(code);
}

// The left edges (deskewed pixels) of the act table's code, coefficient and
// montant columns, from the header's words; all -1 when not found.
struct ActColumns {
  double code = -1, coefficient = -1, montant = -1;
  bool ok() const { return code >= 0 && code < coefficient && coefficient < montant; }
};

// The left edges of the act columns from the header found by the form's
// data (all -1 when a column is missing).
ActColumns ActColumnsOf(const TableHeader& header) {
  ActColumns c;
  if (const HeaderColumn* col = header.Find(fields::kCode)) c.code = col->x0;
  if (const HeaderColumn* col = header.Find(fields::kCoefficient)) c.coefficient = col->x0;
  if (const HeaderColumn* col = header.Find(fields::kMontant)) c.montant = col->x0;
  return c;
}

// The act slot (0 date, 1 code, 2 coefficient, 3 montant) of a header
// column, -1 for a column that holds none of them.
int ActSlot(const TableHeader& header, int column) {
  if (column < 0) return -1;
  static const char* slots[] = {fields::kDate, fields::kCode, fields::kCoefficient, fields::kMontant};
  const std::string& name = header.columns[static_cast<size_t>(column)].name;
  for (int k = 0; k < 4; ++k) {
    if (name == slots[k]) return k;
  }
  return -1;
}

// "04/08/2624" or "04.05.2924" under a row dated 2024: a year one digit
// away from the year of the row above is that year misread (the only
// repair that makes the date plausible), flagged by the caller. nullopt
// otherwise.
std::optional<std::string> YearFromRowAbove(DocReader& r, const std::string& text) {
  const auto& lines = r.doc().lines;
  const bool separated = text.size() == 10 && (text[2] == '/' || text[2] == '.' || text[2] == '-') && text[5] == text[2];
  if (lines.empty() || !separated) return std::nullopt;
  const std::string* above = lines.back().Find(fields::kDate);
  if (above == nullptr || above->size() != 10) return std::nullopt;
  const std::string year = above->substr(0, 4);
  int differ = 0;
  for (size_t i = 0; i < 4; ++i) differ += text[6 + i] != year[i] ? 1 : 0;
  if (differ != 1) return std::nullopt;
  auto d = ParseDateText(text.substr(0, 6) + year);
  if (!d) return std::nullopt;
  return d->value.ToIso();
}

// Handwriting does not keep to the printed columns: a date written wide
// reaches into the code column, a coefficient written close to its code
// lies under "Acte", and a header cell "Coefficient de l'acte" may end
// over the code's column, its values with it. `col` is the column a
// word's centre lies in; a date there is a date, a number without cents
// (a lettre-clé starts with a letter) a coefficient.
int HandwrittenColumn(const std::string& text, int col, bool code_seen) {
  if (col != 1) return col;
  if (!code_seen && ParseDateText(text)) return 0;
  const bool number = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == ',';
  });
  if (number && text.find(',') == std::string::npos) return 2;
  return col;
}

// The words of `toks` that belong to a date of several words starting
// under the date column ("15 novembre 2023" reaching under the next
// header): true for each of them.
std::vector<bool> DateSpans(const PageView& v, const std::vector<std::pair<std::string, int>>& toks, const TableHeader& header) {
  std::vector<bool> out(toks.size(), false);
  for (size_t k = 0; k + 1 < toks.size(); ++k) {
    const PlacedWord& w = v.words()[static_cast<size_t>(toks[k].second)];
    if (ActSlot(header, header.ColumnAt((w.x0 + w.x1) / 2)) != 0 || ParseDateText(toks[k].first)) continue;
    std::string text = toks[k].first;
    for (size_t n = k + 1; n < toks.size() && n < k + 3; ++n) {
      text += " " + toks[n].first;
      if (!ParseDateText(text)) continue;
      for (size_t m = k; m <= n; ++m) out[m] = true;
      k = n;
      break;
    }
  }
  return out;
}

// One act row read by column: each word goes to the column its centre
// lies in, so a stray mark or a lost word does not shift the others.
void ReadActRowByColumns(DocReader& r, const std::vector<std::pair<std::string, int>>& toks, const TableHeader& header,
                         std::vector<std::optional<ActReadings>>& unsettled) {
  const PageView& v = r.view();
  if (toks.size() < 2) return;  // a stray mark, not a row
  ActCells cells;
  std::string texts[4];
  bool code_seen = false;
  const auto dates = DateSpans(v, toks, header);
  for (size_t k = 0; k < toks.size(); ++k) {
    const auto& [text, id] = toks[k];
    const PlacedWord& w = v.words()[static_cast<size_t>(id)];
    int col = dates[k] ? 0 : ActSlot(header, header.ColumnAt((w.x0 + w.x1) / 2));
    if (col < 0) continue;  // a column the form's data does not read
    col = HandwrittenColumn(text, col, code_seen);
    code_seen = code_seen || col == 1;
    std::vector<int>* ids[] = {&cells.date, &cells.code, &cells.coefficient, &cells.montant};
    ids[col]->push_back(id);
    // The raw word for the montant keeps its comma ("26," "00").
    texts[col] += (texts[col].empty() ? "" : " ") + (col == 3 ? w.text : text);
  }
  Line line;
  std::vector<std::string> doubts;
  if (!texts[0].empty()) {
    auto d = ParseDateText(texts[0]);
    if (!d) d = ParseDateText(NoSpaces(texts[0]));
    if (d) {
      line.values[fields::kDate] = d->value.ToIso();
      if (d->repaired || MinConf(v, cells.date) < 0.75) doubts.push_back(fields::kDate);
    } else if (auto repaired = YearFromRowAbove(r, NoSpaces(texts[0]))) {
      line.values[fields::kDate] = *repaired;
      doubts.push_back(fields::kDate);
    }
  }
  if (const std::string code = ActCode(NoSpaces(texts[1])); !code.empty() && std::isalpha(static_cast<unsigned char>(code[0]))) {
    line.values[fields::kCode] = code;
    if (code != NormaliseCode(texts[1]) || MinConf(v, cells.code) < 0.75) doubts.push_back(fields::kCode);
  }
  if (auto c = NormaliseCoefficient(NoSpaces(texts[2]))) {
    line.values[fields::kCoefficient] = *c;
    if (MinConf(v, cells.coefficient) < 0.75) doubts.push_back(fields::kCoefficient);
  }
  auto m = ParseAmountText(texts[3]);
  if (!m) m = ParseAmountText(NoSpaces(texts[3]));
  if (m) {
    line.values[fields::kMontant] = m->value.ToDecimal();
    if (m->repaired || MinConf(v, cells.montant) < 0.75) doubts.push_back(fields::kMontant);
  }
  // Neither a date nor an amount: marks between two rows, not a row.
  if (!line.Find(fields::kDate) && !line.Find(fields::kMontant) && cells.date.empty()) return;
  StoreActRow(r, std::move(line), cells, std::move(doubts), texts[0], unsettled);
}

void ReadActRow(DocReader& r, const std::vector<std::pair<std::string, int>>& toks,
                std::vector<std::optional<ActReadings>>& unsettled) {
  const PageView& v = r.view();
  if (toks.size() < 2) return;  // a stray mark, not a row
  Line line;
  ActCells cells;
  std::vector<std::string> doubts;
  size_t k = 0;
  if (const auto date = ParseDateText(toks[0].first)) {
    line.values[fields::kDate] = date->value.ToIso();
    if (date->repaired || MinConf(v, {toks[0].second}) < 0.75) doubts.push_back(fields::kDate);
    cells.date = {toks[0].second};
    k = 1;
  } else if (!std::isalpha(static_cast<unsigned char>(toks[0].first[0]))) {
    cells.date = {toks[0].second};
    k = 1;
  }
  if (k < toks.size()) {
    const std::string code = NormaliseCode(toks[k].first);
    if (!code.empty() && std::isalpha(static_cast<unsigned char>(code[0]))) {
      line.values[fields::kCode] = code;
      if (MinConf(v, {toks[k].second}) < 0.75) doubts.push_back(fields::kCode);
      cells.code = {toks[k].second};
      ++k;
    }
  }
  const auto amounts = Amounts(v, toks, k);
  if (k < toks.size() && (amounts.empty() || amounts.front().second.front() != toks[k].second)) {
    if (auto c = NormaliseCoefficient(toks[k].first)) {
      line.values[fields::kCoefficient] = *c;
      if (MinConf(v, {toks[k].second}) < 0.75) doubts.push_back(fields::kCoefficient);
    }
    cells.coefficient = {toks[k].second};
  }
  if (!amounts.empty()) {
    if (auto m = ParseAmountText(amounts.back().first)) {
      line.values[fields::kMontant] = m->value.ToDecimal();
      if (m->repaired || MinConf(v, amounts.back().second) < 0.75) doubts.push_back(fields::kMontant);
    }
    cells.montant = amounts.back().second;
  }
  StoreActRow(r, std::move(line), cells, std::move(doubts), toks[0].first, unsettled);
}

// An act row the page's OCR did not give (a gap of a row's height in the
// table at deskewed height `y`): each column's cell re-read by region, every
// value flagged; an empty flagged line without a RegionReader. The line is
// kept so the rows after it stay in their place.
void ReadMissingActRow(DocReader& r, double y, double pitch, const ActColumns& cols,
                       std::vector<std::optional<ActReadings>>& unsettled) {
  const PageView& v = r.view();
  const double mm = v.mm();
  Line line;
  std::vector<std::string> doubts;
  if (RegionReader* reader = r.ctx().reader) {
    auto cell = [&](double x0, double x1, RegionKind kind) -> std::optional<std::string> {
      x0 = std::max(0.0, x0);
      // Back to page pixels: the view's rows are deskewed by the residual slope.
      const double yc = y + v.residual_skew() * (x0 + x1) / 2;
      const Box box{static_cast<int>(x0), static_cast<int>(yc - 0.45 * pitch), static_cast<int>(x1 - x0), static_cast<int>(0.9 * pitch)};
      if (box.width < 4 || box.height < 4 || box.y < 0) return std::nullopt;
      auto read = reader->Reread(v.page().index, box, kind);
      if (!read.ok() || read->text.empty()) return std::nullopt;
      return read->text;
    };
    if (auto t = cell(cols.code - 35 * mm, cols.code - 2 * mm, RegionKind::kDate)) {
      if (auto d = ParseDateText(NoSpaces(*t))) line.values[fields::kDate] = d->value.ToIso();
    }
    if (auto t = cell(cols.code - 2 * mm, cols.coefficient - 5 * mm, RegionKind::kText)) {
      if (const std::string code = ActCode(NoSpaces(*t)); !code.empty() && std::isalpha(static_cast<unsigned char>(code[0]))) {
        line.values[fields::kCode] = code;
      }
    }
    if (auto t = cell(cols.coefficient - 3 * mm, cols.montant - 3 * mm, RegionKind::kAmount)) {
      if (auto c = NormaliseCoefficient(NoSpaces(*t))) line.values[fields::kCoefficient] = *c;
    }
    if (auto t = cell(cols.montant - 3 * mm, cols.montant + 45 * mm, RegionKind::kAmount)) {
      if (auto m = ParseAmountText(*t)) line.values[fields::kMontant] = m->value.ToDecimal();
    }
    for (const auto& [col, value] : line.values) doubts.push_back(col);
  }
  StoreActRow(r, std::move(line), ActCells{}, std::move(doubts), "", unsettled);
}

// True when `toks` hold one of the act codes `codes` and a date: a row of
// acts, whatever its columns.
bool IsActRowByKind(const std::vector<std::pair<std::string, int>>& toks, const std::vector<std::string>& codes) {
  bool code = false, date = false;
  for (const auto& [text, id] : toks) {
    code = code || std::find(codes.begin(), codes.end(), ActCode(text)) != codes.end();
    date = date || ParseDateText(text).has_value();
  }
  return code && date;
}

// One act row whose columns no header names, each word by its kind: the
// date, the act code among `codes`, the amount with its cents (the
// montant; two of them: the last, in doubt), a coefficient in what is left.
void ReadActRowByKinds(DocReader& r, const std::vector<std::pair<std::string, int>>& toks, const std::vector<std::string>& codes,
                       std::vector<std::optional<ActReadings>>& unsettled) {
  const PageView& v = r.view();
  auto amounts = Amounts(v, toks, 0);
  if (amounts.empty()) {
    // A number above 100 and no separator ("2100" for 21,00, "250" for
    // 2,50): a montant whose separator the hand or the scan lost (the
    // solver restores it), never a coefficient (at most 100: acts or km).
    for (const auto& [text, id] : toks) {
      if (text.size() >= 3 && text.size() <= 6 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
          std::stoi(text) > 100) {
        amounts.push_back({text, {id}});
      }
    }
    if (amounts.size() > 1) amounts.clear();
  }
  std::set<int> used;
  for (const auto& a : amounts) used.insert(a.second.begin(), a.second.end());
  Line line;
  ActCells cells;
  std::vector<std::string> doubts;
  std::string date_text;
  for (const auto& [text, id] : toks) {
    if (used.contains(id)) continue;
    if (const auto d = ParseDateText(text); d && cells.date.empty()) {
      line.values[fields::kDate] = d->value.ToIso();
      if (d->repaired || MinConf(v, {id}) < 0.75) doubts.push_back(fields::kDate);
      cells.date = {id};
      date_text = text;
    } else if (const std::string code = ActCode(text);
               cells.code.empty() && std::find(codes.begin(), codes.end(), code) != codes.end()) {
      line.values[fields::kCode] = code;
      if (code != NormaliseCode(text) || MinConf(v, {id}) < 0.75) doubts.push_back(fields::kCode);
      cells.code = {id};
    } else if (const auto c = NormaliseCoefficient(text); c && cells.coefficient.empty()) {
      line.values[fields::kCoefficient] = *c;
      if (MinConf(v, {id}) < 0.75) doubts.push_back(fields::kCoefficient);
      cells.coefficient = {id};
    }
  }
  if (!amounts.empty()) {
    if (auto m = ParseAmountText(amounts.back().first)) {
      line.values[fields::kMontant] = m->value.ToDecimal();
      if (m->repaired || amounts.size() > 1 || MinConf(v, amounts.back().second) < 0.75) doubts.push_back(fields::kMontant);
    }
    cells.montant = amounts.back().second;
  }
  StoreActRow(r, std::move(line), cells, std::move(doubts), date_text, unsettled);
}

// The words of page row `row` as trimmed texts with their word ids.
std::vector<std::pair<std::string, int>> PageRowTokens(const PageView& v, size_t row) {
  std::vector<std::pair<std::string, int>> toks;
  for (int i : v.rows()[row].words) toks.emplace_back(TrimPunctuation(v.words()[static_cast<size_t>(i)].text), i);
  return toks;
}

// A row among the acts whose code is unreadable is an act row still when
// it holds a date or an amount (its date too may be misread,
// "27/07/1024"): dropping it would give the next row its place.
bool DatedOrPriced(const std::vector<std::pair<std::string, int>>& toks) {
  return toks.size() >= 2 && std::any_of(toks.begin(), toks.end(), [](const auto& t) {
           return ParseDateText(t.first).has_value() || IsAmountToken(t.first);
         });
}

// The acts of a table whose header the form's data does not know ("LC
// JOUR MT QTE"): the rows holding an act code and a date, from the first
// of them to a stop phrase or two rows that are not acts.
void ReadActsWithoutHeader(DocReader& r, const TableSpec& spec) {
  const PageView& v = r.view();
  const std::vector<std::string>& codes = r.form()->act_rows.codes;
  if (codes.empty()) return;
  int first = -1;
  for (size_t row = 1; row < v.rows().size() && first < 0; ++row) {
    if (IsActRowByKind(PageRowTokens(v, row), codes)) first = static_cast<int>(row);
  }
  if (first < 0) return;
  // The first act rows may have their code misread too ("AS" for AIS):
  // the dated rows right above the first one recognised are acts.
  while (first > 1 && DatedOrPriced(PageRowTokens(v, static_cast<size_t>(first - 1)))) --first;
  const size_t start = r.doc().lines.size();
  std::vector<std::optional<ActReadings>> unsettled;
  int misses = 0;
  for (const auto& row : RowsBelow(v, first - 1, StopKeys(spec))) {
    const auto toks = RowTokens(v, row);
    if (!IsActRowByKind(toks, codes) && !DatedOrPriced(toks)) {
      if (++misses >= 2) break;
      continue;
    }
    misses = 0;
    ReadActRowByKinds(r, toks, codes, unsettled);
  }
  SolveActRows(r, start, unsettled);
}

// Two table rows merged by the row grouping (a tall handwritten word
// bridging them): one piece per date, each word going to the piece whose
// date lies nearest to it vertically, so that no row takes its
// neighbour's cells. The dates cut the row when they start their rows
// (`date_first`) or stand at different heights; one piece otherwise.
std::vector<std::vector<std::pair<std::string, int>>> SplitMergedRow(const PageView& v,
                                                                     const std::vector<std::pair<std::string, int>>& all,
                                                                     bool date_first) {
  auto centre = [&](int id) { return (v.words()[static_cast<size_t>(id)].y0 + v.words()[static_cast<size_t>(id)].y1) / 2; };
  std::vector<double> anchors;
  for (const auto& [text, id] : all) {
    if (ParseDateText(text)) anchors.push_back(centre(id));
  }
  std::sort(anchors.begin(), anchors.end());
  const bool apart = anchors.size() >= 2 && anchors.back() - anchors.front() > 0.5 * v.word_height();
  if (anchors.size() < 2 || (!date_first && !apart)) return {all};
  if (!apart) {
    // Dates at one height, first in their rows: cut before each later date.
    std::vector<std::vector<std::pair<std::string, int>>> pieces(1);
    for (size_t i = 0; i < all.size(); ++i) {
      if (i > 0 && ParseDateText(all[i].first) && !pieces.back().empty()) pieces.emplace_back();
      pieces.back().push_back(all[i]);
    }
    return pieces;
  }
  std::vector<std::vector<std::pair<std::string, int>>> pieces(anchors.size());
  for (const auto& tok : all) {
    const double y = centre(tok.second);
    size_t nearest = 0;
    for (size_t a = 1; a < anchors.size(); ++a) {
      if (std::abs(anchors[a] - y) < std::abs(anchors[nearest] - y)) nearest = a;
    }
    pieces[nearest].push_back(tok);
  }
  return pieces;
}

// Act columns headed by wordings of no file ("LE", "JOUR" over the dates,
// "LC" over the codes, "QTE" over the coefficients): each the one column
// of its kind of value, the dates, the act codes of the form's data, the
// amounts with their cents, then the numbers left (coefficients).
void NameActColumnsByKind(const DocReader& r, TableHeader& header, const std::vector<TableRow>& rows) {
  const PageView& v = r.view();
  NameColumnByKind(v, header, rows, fields::kDate, [](const std::string& text) {
    const std::string t = TrimPunctuation(text);
    return t.size() >= 6 && ParseDateText(t).has_value();
  });
  const std::vector<std::string>& codes = r.form()->act_rows.codes;
  // A lettre-clé the tariff knows names its column from one act row.
  NameColumnByKind(
      v, header, rows, fields::kCode,
      [&](const std::string& text) { return std::find(codes.begin(), codes.end(), ActCode(TrimPunctuation(text))) != codes.end(); },
      1);
  NameColumnByKind(v, header, rows, fields::kMontant, [](const std::string& text) {
    bool repaired = false;
    return IsAmountToken(MapConfusables(TrimPunctuation(text), &repaired));
  });
  NameColumnByKind(v, header, rows, fields::kCoefficient, [](const std::string& text) {
    const std::string t = TrimPunctuation(text);
    bool repaired = false;
    return t.size() <= 5 && !IsAmountToken(MapConfusables(t, &repaired)) && NormaliseCoefficient(t).has_value();
  });
}

// True when a piece of a table row holds a word read as a date or an amount.
bool HoldsADateOrAnAmount(const std::vector<std::pair<std::string, int>>& toks) {
  return std::any_of(toks.begin(), toks.end(), [](const auto& t) { return IsAmountToken(t.first) || ParseDateText(t.first).has_value(); });
}

// True when a piece of a table row holds a date, an amount or one of the
// act codes `codes`: an act, however much of it was misread.
bool LooksLikeAnAct(const std::vector<std::pair<std::string, int>>& toks, const std::vector<std::string>& codes) {
  return HoldsADateOrAnAmount(toks) || std::any_of(toks.begin(), toks.end(), [&](const auto& t) {
           return std::find(codes.begin(), codes.end(), ActCode(t.first)) != codes.end();
         });
}

// The acts end where two pieces in a row, after an act, hold neither a
// date, an amount nor an act code: the lines below the table ("Net à
// payer" and a total read as letters, the signature boxes) when no stop
// wording of the data ends it. One such piece alone may be a row whose
// cells were all misread between two acts: it stays.
void CutAfterTheActs(std::vector<std::vector<std::pair<std::string, int>>>& pieces, const std::vector<std::string>& codes) {
  bool act_seen = false;
  for (size_t i = 0; i + 1 < pieces.size(); ++i) {
    act_seen = act_seen || LooksLikeAnAct(pieces[i], codes);
    if (act_seen && !LooksLikeAnAct(pieces[i], codes) && !LooksLikeAnAct(pieces[i + 1], codes)) {
      pieces.resize(i);
      return;
    }
  }
}

void ReadActs(DocReader& r) {
  const PageView& v = r.view();
  const TableSpec* spec = r.form() ? r.form()->Table("lines") : nullptr;
  if (spec == nullptr) return;
  TableHeader header = FindTableHeader(v, *spec);
  if (!header.ok()) return ReadActsWithoutHeader(r, *spec);
  const auto rows = RowsBelow(v, header.row, StopKeys(*spec));
  NameActColumnsByKind(r, header, rows);
  const ActColumns columns = ActColumnsOf(header);
  const bool by_columns = header.Find(fields::kCode) != nullptr && header.Find(fields::kMontant) != nullptr;
  const auto first_named = std::find_if(header.columns.begin(), header.columns.end(), [](const HeaderColumn& c) { return !c.name.empty(); });
  const bool date_first = first_named != header.columns.end() && first_named->name == fields::kDate;
  std::vector<std::vector<std::pair<std::string, int>>> pieces;
  for (const auto& row : rows) {
    const auto all = RowTokens(v, row);
    if (all.empty()) continue;
    if (FoldKey(all[0].first) == "montant") break;
    for (auto& piece : SplitMergedRow(v, all, date_first)) pieces.push_back(std::move(piece));
  }
  CutAfterTheActs(pieces, r.form()->act_rows.codes);
  const size_t first = r.doc().lines.size();
  std::vector<std::optional<ActReadings>> unsettled;
  if (!by_columns) {
    for (const auto& toks : pieces) ReadActRow(r, toks, unsettled);
    SolveActRows(r, first, unsettled);
    return;
  }
  // Rows are evenly spaced: a gap of two or more rows' height is a row the
  // OCR lost. Only pieces holding a date, an amount or an act code are
  // rows: marks between two rows (a rule read as letters) would halve the
  // pitch and make lost rows of rows that are there; a row whose date and
  // amount were misread ("IFD 1 04.05.2924") is there, not lost.
  auto centre = [&](const std::vector<std::pair<std::string, int>>& toks) {
    const PlacedWord& w = v.words()[static_cast<size_t>(toks.front().second)];
    return (w.y0 + w.y1) / 2;
  };
  std::vector<size_t> row_pieces;
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (LooksLikeAnAct(pieces[i], r.form()->act_rows.codes)) row_pieces.push_back(i);
  }
  std::vector<double> gaps;  // from each row piece to the next
  for (size_t k = 0; k + 1 < row_pieces.size(); ++k) gaps.push_back(centre(pieces[row_pieces[k + 1]]) - centre(pieces[row_pieces[k]]));
  std::vector<double> sorted = gaps;
  std::sort(sorted.begin(), sorted.end());
  const double pitch = sorted.size() >= 3 ? sorted[sorted.size() / 2] : 0;
  for (size_t i = 0; i < pieces.size(); ++i) {
    ReadActRowByColumns(r, pieces[i], header, unsettled);
    const auto at = static_cast<size_t>(std::find(row_pieces.begin(), row_pieces.end(), i) - row_pieces.begin());
    if (pitch <= 0 || at + 1 >= row_pieces.size() || !columns.ok()) continue;
    const double gap = gaps[at];
    const long lost = std::lround(gap / pitch) - 1;
    if (gap < 1.6 * pitch || lost < 1 || lost > 4) continue;
    for (long k = 1; k <= lost; ++k) {
      ReadMissingActRow(r, centre(pieces[i]) + gap * static_cast<double>(k) / static_cast<double>(lost + 1), pitch, columns,
                        unsettled);
    }
  }
  SolveActRows(r, first, unsettled);
}

}  // namespace

namespace {

// True when the page prints more name labels of `nom`'s wordings than
// the name fields sharing a wording of them that were read: a block whose
// name was not read (whose it is, nobody knows) may be the other person.
bool NameLabelsUnread(const DocReader& r, std::string_view nom) {
  const FieldSpec* field = r.form() ? r.form()->Field(nom) : nullptr;
  if (field == nullptr) return true;
  size_t read = 0;
  for (const auto& other : r.form()->fields) {
    if ((other.kind != "name" && other.kind != "person") || !r.Has(other.name)) continue;
    const bool shares = std::any_of(other.labels.begin(), other.labels.end(), [&](const std::string& l) {
      return std::find(field->labels.begin(), field->labels.end(), l) != field->labels.end();
    });
    if (shares) ++read;
  }
  return FindAnyLabel(r.view(), field->labels).size() > read;
}

// The Cerfa feuille de soins has the assuré's block filled only when the
// person receiving the care is not the assuré, and some printings give a
// single block for both ("Titulaire des droits"): a page where one of the
// two people was read and nothing of the other, every name label's value
// read, is one person, both
// blocks taken from the one read, flagged (the lot's bordereau, which
// names the assuré, settles it: ReconcileLot).
void OnePersonForBothBlocks(DocReader& r) {
  const std::pair<const char*, const char*> people[] = {{fields::kAssureNom, fields::kAssurePrenom},
                                                        {fields::kBeneficiaireNom, fields::kBeneficiairePrenom}};
  for (size_t k = 0; k < 2; ++k) {
    const auto& [nom, prenom] = people[k];
    const auto& [other_nom, other_prenom] = people[1 - k];
    if (r.Has(nom) || r.Has(prenom) || !r.Has(other_nom) || !r.Has(other_prenom)) continue;
    if (NameLabelsUnread(r, nom)) return;
    for (const auto& [to, from] : {std::pair{nom, other_nom}, std::pair{prenom, other_prenom}}) {
      Field copy = r.doc().fields.at(from);
      copy.confidence = std::min(copy.confidence, 0.5);
      r.doc().fields[to] = copy;
      r.Review(to, std::string("un seul des blocs assuré et personne soignée lu : la même personne, à vérifier"));
    }
    return;
  }
}

}  // namespace

void ReadFeuilleDeSoins(DocReader& r) {
  // The identification fields are read from the form's data (ReadFormFields).
  OnePersonForBothBlocks(r);
  ReadActs(r);
  // A total whose label is in no wording of the data: the amount the acts add up to.
  ReadTotalOfLines(r, fields::kMontantTotal);
  ReadFeuilleInk(r);
  CheckFeuille(r);
}

// The labels of a dedicated field of the prescription's form (none without a form).
std::vector<LabelHit> LabelsOf(const DocReader& r, std::string_view name) {
  const FieldSpec* f = r.form() ? r.form()->Field(name) : nullptr;
  return f ? FieldLabels(r.view(), *r.form(), *f) : std::vector<LabelHit>{};
}

// Every date of the page, two-digit years of this century (a prescription
// is recent), with the newest of them that another confirms.
struct PageDates {
  std::vector<DateOnPage> dates;
  std::optional<Date> newest;
};

PageDates DatesOfPage(const PageView& v) {
  std::vector<size_t> rows(v.rows().size());
  for (size_t i = 0; i < rows.size(); ++i) rows[i] = i;
  PageDates out{DatesInRows(v, rows, true), std::nullopt};
  out.newest = NewestConfirmedDate(out.dates);
  return out;
}

// A date more than a few years before the newest of the page is no
// prescription's date: a birth date.
bool IsYearsOlder(const Date& date, const Date& newest) {
  constexpr int kBirthDateYearsBefore = 5;
  return date.year() + kBirthDateYearsBefore < newest.year();
}

// A prescription's date in no wording of the data ("DATE 18/09/25"): the
// one date of the page once the dates far older than the newest are left
// out (a patient's birth date, years before). Two recent dates that
// differ: unread.
void ReadPrescriptionDateByValue(DocReader& r, const PageDates& page) {
  if (!page.newest) return;
  const DateOnPage* found = nullptr;
  for (const auto& d : page.dates) {
    if (IsYearsOlder(d.date, *page.newest)) continue;
    if (found != nullptr && found->date != d.date) return;
    found = &d;
  }
  r.SetText(fields::kDate, found->date.ToIso(),
            r.view().MinConfidence(found->words) * (found->repaired ? kRepairPenalty : 1.0), found->words);
}

void ReadPrescription(DocReader& r) {
  const PageView& v = r.view();
  // Letterhead: "Docteur Prénom NOM" (or all capitals): the nom is the last word.
  for (const auto& hit : LabelsOf(r, fields::kPrescripteurNom)) {
    const auto ids = v.RightOf(hit, 15);
    if (ids.empty()) continue;
    const std::string last = TrimPunctuation(v.words()[static_cast<size_t>(ids.back())].text);
    if (IsUpperName(last)) {
      r.SetText(fields::kPrescripteurNom, last, r.Make(ids, hit.similarity).confidence, {ids.back()});
      break;
    }
  }
  // "<commune>, le 05/09/2025": the first dated row holding a label of the date.
  std::set<int> date_rows;
  for (const auto& hit : LabelsOf(r, fields::kDate)) date_rows.insert(v.words()[static_cast<size_t>(hit.first)].row);
  const PageDates page_dates = DatesOfPage(v);
  const std::optional<Date>& newest = page_dates.newest;
  for (int row : date_rows) {
    const std::vector<int>& ids = v.rows()[static_cast<size_t>(row)].words;
    if (auto d = FindDate(v.Join(ids))) {
      // "né le 03/02/1951": the label "le" of a birth date, years older.
      if (newest && IsYearsOlder(d->value, *newest)) continue;
      r.SetText(fields::kDate, d->value.ToIso(), v.MinConfidence(ids) * (d->repaired ? kRepairPenalty : 1.0), ids);
      break;
    }
  }
  if (!r.Has(fields::kDate)) ReadPrescriptionDateByValue(r, page_dates);
  // "M. Prénom NOM" / "Mme Prénom NOM": a civility starting its row.
  for (const auto& hit : LabelsOf(r, fields::kPatientNom)) {
    const auto ids = v.RightOf(hit, 10);
    const int row = v.words()[static_cast<size_t>(hit.first)].row;
    if (ids.size() >= 2 && hit.first == v.rows()[static_cast<size_t>(row)].words.front()) {
      const Found found = r.Make(ids, 1.0);
      if (SetNomPrenomInCapitals(r, fields::kPatientNom, fields::kPatientPrenom, found)) break;
      if (SetPersonName(r, fields::kPatientNom, fields::kPatientPrenom, found)) break;
    }
  }
  if (const FieldSpec* patient = r.form() ? r.form()->Field(fields::kPatientNom) : nullptr) {
    ReadPersonWithoutLabel(r, *r.form(), *patient);
  }
  ReadPrescriptionInk(r);
}

void ReadEntentePrealable(DocReader&) {
  // Every field of the entente préalable is read from the form's data (ReadFormFields).
}

}  // namespace liasse::extractors::internal
