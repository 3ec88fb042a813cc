// Readers of stand-alone claims: devis, décompte RO, attestation de droits,
// and the act lines and amounts an invoice shares with them (claim_lines.h).
#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

#include "field_values.h"
#include "form_fields.h"
#include "labels.h"
#include "liasse/core/fields.h"
#include "liasse/core/text.h"
#include "normalise.h"
#include "table.h"
#include "validate.h"
#include "value_first.h"

#include "claim_lines.h"
namespace liasse::extractors::internal {

bool IsAmountText(const std::string& t) {
  bool rep = false;
  // The currency sign printed or read against the amount ("8,12€", "8,12EUR").
  std::string bare = TrimPunctuation(t);
  for (const std::string unit : {"€", "EUR"}) {
    if (bare.size() > unit.size() && bare.compare(bare.size() - unit.size(), unit.size(), unit) == 0) bare.resize(bare.size() - unit.size());
  }
  const std::string m = MapConfusables(TrimPunctuation(bare), &rep);
  const auto sep = m.find_last_of(",.");
  return sep != std::string::npos && m.size() - sep == 3;
}

// An act code as printed: a CCAM code is 4 letters and 3 digits, so an
// 'O' among the digits is a 0, and a doubled digit ("HBLDO036") is undone
// when only one way fits (`repaired` is then set).
std::string NormaliseActCode(std::string_view raw, bool* repaired) {
  std::string code = NormaliseCode(raw);
  if (code.size() < 7 || code.size() > 8) return code;
  for (size_t i = 0; i < 4; ++i) {
    if (!std::isalpha(static_cast<unsigned char>(code[i]))) return code;
  }
  bool changed = false;
  const std::string digits = MapConfusables(code.substr(4), &changed);
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) return code;
  if (digits.size() == 3) {
    *repaired = *repaired || changed;
    return code.substr(0, 4) + digits;
  }
  const auto collapsed = CollapseDoubledDigit(digits, 3);
  if (collapsed.size() != 1) return code;
  *repaired = true;
  return code.substr(0, 4) + collapsed.front();
}

// A CCAM code the tariff does not know, one character from exactly one
// CCAM code it knows ("HBJ0001", "HBJD00" → HBJD001): that code; nullopt
// otherwise. Short codes are left as read: invoices carry codes of their
// own ("CP", "VERRE") one letter from a tariff code.
std::optional<std::string> NearestCcamCode(const NgapTariffs* tariffs, const std::string& code) {
  if (tariffs == nullptr || code.size() < 6 || tariffs->Knows(code)) return std::nullopt;
  std::optional<std::string> found;
  for (const auto& k : tariffs->Codes()) {
    if (k.size() != 7 || !OneEditApart(code, k)) continue;
    if (found) return std::nullopt;
    found = k;
  }
  return found;
}

// The one line of an invoice whose montant was read with a stray third
// decimal ("67,170": a rule or the € read as a digit), every other line and
// the total read: the montant is the one way of dropping a decimal that
// makes the lines add up to the total, flagged. Nothing otherwise.
void SettleStrayDecimal(DocReader& r, int index, const std::string& raw) {
  static const std::regex shape(R"(^(\d{1,5})[,.](\d{3})$)");
  std::smatch m;
  const auto sum = StoredAmount(r.doc().Text(fields::kMontantTotal));
  if (!std::regex_match(raw, m, shape) || !sum) return;
  Money others = Money::Zero();
  for (size_t i = 0; i < r.doc().lines.size(); ++i) {
    if (static_cast<int>(i) == index) continue;
    const auto parsed = StoredAmount(r.doc().lines[i].Find(fields::kMontant));
    if (!parsed) return;
    others += *parsed;
  }
  std::vector<std::string> fits;
  const std::string decimals = m[2].str();
  for (size_t drop = 0; drop < 3; ++drop) {
    const std::string candidate = m[1].str() + "." + decimals.substr(0, drop) + decimals.substr(drop + 1);
    auto value = Money::ParseDecimal(candidate);
    if (value.ok() && others + *value == *sum && std::find(fits.begin(), fits.end(), candidate) == fits.end()) {
      fits.push_back(candidate);
    }
  }
  if (fits.size() != 1) return;
  Line& line = r.doc().lines[static_cast<size_t>(index)];
  line.values[fields::kMontant] = fits.front();
  // The reading was taken for the end of the libellé.
  if (auto it = line.values.find(fields::kLibelle); it != line.values.end() && it->second.ends_with(raw)) {
    it->second = liasse::text::Trim(it->second.substr(0, it->second.size() - raw.size()));
    if (it->second.empty()) line.values.erase(it);
  }
  for (auto& f : r.doc().review) {
    if (f.field == fields::kMontant && f.line == index) {
      f.reason = "montant lu « " + raw + " » : un chiffre en trop ignoré (les lignes font alors le total), à vérifier";
    }
  }
}

// Table rows: date, code, [dent], libellé..., [base], montant.
void ReadClaimLines(DocReader& r, bool dental_columns, bool devis) {
  const PageView& v = r.view();
  const TableSpec* spec = r.form() ? r.form()->Table("lines") : nullptr;
  if (spec == nullptr) return;
  const TableHeader header = FindTableHeader(v, *spec);
  if (!header.ok()) return;
  const auto rows = RowsBelow(v, header.row, StopKeys(*spec));
  std::vector<std::pair<int, std::string>> unread;  // line, last word of the row
  for (const auto& row : rows) {
    std::vector<std::pair<std::string, int>> toks;
    for (const auto& c : row.cells) {
      for (int i : c.words) {
        std::string t = TrimPunctuation(v.words()[static_cast<size_t>(i)].text);
        if (!t.empty() && t != "€") toks.emplace_back(t, i);
      }
    }
    if (toks.size() < 3) continue;
    Line line;
    const int index = static_cast<int>(r.doc().lines.size());
    size_t k = 0;
    std::vector<std::string> doubts;
    if (!devis) {
      auto d = ParseDateText(toks[k].first);
      if (!d) {
        // A row is kept when it ends with an amount (dropping it would shift
        // the next rows): its date re-read alone, else flagged.
        if (!IsAmountText(toks.back().first)) continue;
        const auto again = r.Reread({toks[k].second}, RegionKind::kDate, [](std::string_view t) -> std::optional<std::string> {
          auto p = ParseDateText(t);
          if (!p) return std::nullopt;
          return p->value.ToIso();
        });
        if (again) {
          line.values[fields::kDate] = *again;
          doubts.push_back(fields::kDate);
        } else {
          r.Review(fields::kDate, "date de la ligne illisible : « " + toks[k].first + " »", index);
        }
      } else {
        line.values[fields::kDate] = d->value.ToIso();
        if (d->repaired || v.MinConfidence({toks[k].second}) < 0.75) doubts.push_back(fields::kDate);
      }
      ++k;
    } else {
      line.values["dent"] = DigitsOf(toks[k++].first);
    }
    bool code_repaired = false;
    line.values[fields::kCode] = NormaliseActCode(toks[k].first, &code_repaired);
    if (auto nearest = NearestCcamCode(r.ctx().tariffs, line.values[fields::kCode])) {
      line.values[fields::kCode] = *nearest;
      code_repaired = true;
    }
    if (code_repaired || v.MinConfidence({toks[k].second}) < 0.75) doubts.push_back(fields::kCode);
    ++k;
    if (dental_columns && k < toks.size()) {
      line.values["dent"] = DigitsOf(toks[k++].first);
    }
    // The amounts are the last tokens; the libellé is what lies between.
    size_t end = toks.size();
    std::vector<std::string> amounts;
    std::vector<int> amount_ids;
    while (end > k && IsAmountText(toks[end - 1].first) && amounts.size() < (devis ? 2u : 1u)) {
      amounts.insert(amounts.begin(), toks[end - 1].first);
      amount_ids.push_back(toks[end - 1].second);
      --end;
    }
    std::string libelle;
    for (size_t i = k; i < end; ++i) libelle += (libelle.empty() ? "" : " ") + toks[i].first;
    if (!libelle.empty()) line.values[fields::kLibelle] = libelle;
    if (!amounts.empty()) {
      if (auto m = ParseAmountText(amounts.back())) {
        line.values[fields::kMontant] = m->value.ToDecimal();
        if (m->repaired || v.MinConfidence(amount_ids) < 0.75) doubts.push_back(fields::kMontant);
      }
      if (devis && amounts.size() == 2) {
        if (auto b = ParseAmountText(amounts.front())) line.values["base"] = b->value.ToDecimal();
      }
    }
    if (!line.Find(fields::kMontant)) {
      r.Review(fields::kMontant, "montant de la ligne illisible", index);
      if (!devis) unread.emplace_back(index, toks.back().first);
    }
    for (const auto& d : doubts) r.Doubt(d, "lu avec une confiance faible : à vérifier", index);
    r.doc().lines.push_back(std::move(line));
  }
  if (unread.size() == 1) SettleStrayDecimal(r, unread.front().first, unread.front().second);
}

void ReadDevis(DocReader& r) {
  ReadEmetteurNom(r);
  ReadClaimLines(r, false, true);
  CheckFactureLines(r);
}

void ReadDecompteRo(DocReader& r) {
  const PageView& v = r.view();
  std::optional<int> taux;
  if (auto t = r.RightOfLabel("Taux", 200)) {
    const std::string d = DigitsOf(t->text);
    if (!d.empty() && d.size() <= 3) taux = std::stoi(d);
  }
  // Table layout: Date des soins | Nature | Dépense | Base | Taux | Remboursé.
  const TableSpec* spec = r.form() ? r.form()->Table("lines") : nullptr;
  const TableHeader header = spec ? FindTableHeader(v, *spec) : TableHeader{};
  if (header.ok()) {
    const auto rows = RowsBelow(v, header.row, StopKeys(*spec), 1);
    if (!rows.empty()) {
      std::vector<std::pair<std::string, int>> toks;
      for (const auto& c : rows.front().cells) {
        for (int i : c.words) {
          std::string t = TrimPunctuation(v.words()[static_cast<size_t>(i)].text);
          if (!t.empty()) toks.emplace_back(t, i);
        }
      }
      if (!toks.empty()) SetDate(r, fields::kDateSoins, r.Make({toks.front().second}));
      std::vector<int> amount_ids;
      for (const auto& [t, i] : toks) {
        if (IsAmountText(t)) amount_ids.push_back(i);
      }
      if (amount_ids.size() == 3) {
        SetAmount(r, fields::kMontantDepense, r.Make({amount_ids[0]}));
        SetAmount(r, fields::kBaseRemboursement, r.Make({amount_ids[1]}));
        SetAmount(r, fields::kMontantRembourse, r.Make({amount_ids[2]}));
      }
      for (size_t k = 0; k + 1 < toks.size(); ++k) {
        if (toks[k + 1].first == "%") {
          const std::string d = DigitsOf(toks[k].first);
          if (!d.empty() && d.size() <= 3) taux = std::stoi(d);
        }
      }
    }
  }
  std::optional<Money> verse, retenue;
  if (auto f = r.RightOfLabelWhere("Montant versé sur votre compte", [](const Found&) { return true; }, 200)) {
    const auto pos = f->text.rfind(':');
    if (pos != std::string::npos) {
      if (auto m = ParseAmountText(f->text.substr(pos + 1))) verse = m->value;
    }
  }
  if (auto f = r.RightOfLabel("déduite :", 30)) {
    if (auto m = ParseAmountText(f->text)) retenue = m->value;
  }
  CheckDecompte(r, verse, taux, retenue);
}

void ReadAttestationDroits(DocReader&) {
  // Every field of the attestation is read from the form's data (ReadFormFields).
}

}  // namespace liasse::extractors::internal