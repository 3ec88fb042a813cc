#include "validate.h"

#include <fmt/format.h>

#include "liasse/core/digit_repair.h"
#include "liasse/core/identifiers.h"
#include "liasse/core/fields.h"
#include "normalise.h"

namespace liasse::extractors::internal {

namespace {

std::optional<Money> FieldAmount(DocReader& r, std::string_view name) { return StoredAmount(r.doc().Text(name)); }

int64_t Tenths(const std::string& coef) {
  const auto dot = coef.find('.');
  if (dot == std::string::npos) return std::stoll(coef) * 10;
  if (coef.size() - dot != 2) return -1;
  return std::stoll(coef.substr(0, dot)) * 10 + (coef[dot + 1] - '0');
}

// coefficient × value, rounded half up to the cent, as the tariff prices acts.
std::optional<Money> ExpectedMontant(const NgapTariffs& t, const Line& line) {
  const std::string* code = line.Find(fields::kCode);
  const std::string* coef = line.Find(fields::kCoefficient);
  const auto date = StoredDate(line.Find(fields::kDate));
  if (!code || !coef || !date) return std::nullopt;
  const auto value = t.ValueOn(*code, *date);
  if (!value) return std::nullopt;
  const int64_t tenths = Tenths(*coef);
  if (tenths < 0) return std::nullopt;
  return value->MulDiv(tenths, 10, Rounding::kHalfUp);
}

}  // namespace

std::optional<Money> StoredAmount(const std::string* text) {
  if (text == nullptr) return std::nullopt;
  auto m = Money::ParseDecimal(*text);
  if (!m.ok()) return std::nullopt;
  return m.value();
}

std::optional<Date> StoredDate(const std::string* text) {
  if (text == nullptr) return std::nullopt;
  auto d = Date::Parse(*text);
  if (!d.ok()) return std::nullopt;
  return d.value();
}

std::optional<Money> ActMontant(const NgapTariffs& tariffs, const Line& line) { return ExpectedMontant(tariffs, line); }

void CheckNirBirth(DocReader& r, std::string_view nir_field, Date birth) {
  const std::string* nir_text = r.doc().Text(nir_field);
  if (!nir_text) return;
  auto nir = Nir::Parse(*nir_text);
  if (!nir.ok()) return;
  if (!nir->MatchesBirthDate(birth)) {
    r.Review(nir_field, "l'année ou le mois de naissance du NIR ne correspond pas à la date de naissance");
  }
}

void CheckBordereauTotals(DocReader& r) {
  auto& lines = r.doc().lines;
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto total = StoredAmount(lines[i].Find(fields::kMontantTotal));
    const auto amo = StoredAmount(lines[i].Find(fields::kMontantAmo));
    const auto amc = StoredAmount(lines[i].Find(fields::kMontantAmc));
    if (total && amo && amc && *amo + *amc != *total) {
      // Either a misread digit or an anomaly on the paper: the rules judge, a person checks.
      for (const char* col : {fields::kMontantTotal, fields::kMontantAmo, fields::kMontantAmc}) {
        r.Review(col, "part AMO + part AMC ≠ total de la ligne : à vérifier", static_cast<int>(i));
      }
    }
  }
}

namespace {

// The acts of a feuille are written in the order they were given: a date
// before one of an earlier row is a misreading of one of the two (a 2 read
// 1, a 9 read 4), both flagged.
void FlagActsOutOfOrder(DocReader& r) {
  const auto& lines = r.doc().lines;
  std::optional<Date> latest;
  int latest_row = -1;
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto d = StoredDate(lines[i].Find(fields::kDate));
    if (!d) continue;
    if (latest && *d < *latest) {
      const std::string reason = "date de l'acte antérieure à celle d'une ligne précédente : à vérifier";
      r.Review(fields::kDate, reason, static_cast<int>(i));
      r.Review(fields::kDate, reason, latest_row);
      continue;
    }
    latest = d;
    latest_row = static_cast<int>(i);
  }
}

}  // namespace

void CheckFeuille(DocReader& r) {
  auto& lines = r.doc().lines;
  const NgapTariffs* tariffs = r.ctx().tariffs;
  Money sum = Money::Zero();
  bool complete = !lines.empty();
  if (lines.empty()) {
    // A feuille without acts is incomplete on paper, or its table was lost by the OCR: a person looks.
    r.Review("lines", "aucune ligne d'acte lue (tableau vierge ou illisible) : à vérifier");
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& line = lines[i];
    const int index = static_cast<int>(i);
    if (const std::string* code = line.Find(fields::kCode); code && tariffs && !tariffs->empty() && !tariffs->Knows(*code)) {
      r.Review(fields::kCode, "code d'acte inconnu de la NGAP : « " + *code + " »", index);
    }
    const auto expected = tariffs ? ExpectedMontant(*tariffs, line) : std::nullopt;
    const auto montant = StoredAmount(line.Find(fields::kMontant));
    if (!expected) {
      // Nothing confirms the coefficient and montant of this row.
      r.Review(fields::kCoefficient, "contrôle coefficient × lettre-clé impossible (code, date ou tarif inconnu) : à vérifier", index);
      r.Review(fields::kMontant, "contrôle coefficient × lettre-clé impossible (code, date ou tarif inconnu) : à vérifier", index);
    }
    if (expected && montant && *expected != *montant) {
      // One digit of the montant misread? Accept only a single candidate that fits the tariff.
      const std::string read = *line.Find(fields::kMontant);
      const std::string want = expected->ToDecimal();
      DigitRepairOptions o;
      o.try_digit_swaps = true;
      const DigitRepair fix = RepairDigits(read, [&](std::string_view s) { return s == want; }, o);
      // Or the coefficient's decimal point lost ("75" for "7.5").
      std::optional<std::string> coef_fix;
      if (const std::string* coef = line.Find(fields::kCoefficient); coef && coef->size() >= 2 && coef->find('.') == std::string::npos) {
        Line trial = line;
        trial.values[fields::kCoefficient] = coef->substr(0, coef->size() - 1) + "." + coef->substr(coef->size() - 1);
        if (const auto e = ExpectedMontant(*tariffs, trial); e && *e == *montant) coef_fix = trial.values[fields::kCoefficient];
      }
      if (fix.outcome == DigitRepair::Outcome::kRepaired && !coef_fix) {
        line.values[fields::kMontant] = fix.value;
        r.Review(fields::kMontant, "montant corrigé d'un chiffre d'après coefficient × lettre-clé : à vérifier", index);
      } else if (coef_fix && fix.outcome != DigitRepair::Outcome::kRepaired) {
        line.values[fields::kCoefficient] = *coef_fix;
        r.Review(fields::kCoefficient, "virgule du coefficient rétablie d'après le montant : à vérifier", index);
      } else {
        // Which of the code, coefficient, date or montant is wrong is not known: all flagged.
        for (const char* col : {fields::kMontant, fields::kCoefficient, fields::kCode, fields::kDate}) {
          r.Review(col, fmt::format("montant ≠ coefficient × lettre-clé ({}) : à vérifier", want), index);
        }
      }
    }
    if (const auto m = StoredAmount(line.Find(fields::kMontant))) sum += *m;
    else complete = false;
  }
  const auto total = FieldAmount(r, fields::kMontantTotal);
  if (complete && total && sum != *total) {
    r.Review(fields::kMontantTotal, fmt::format("somme des actes ({}) ≠ montant total : à vérifier", sum.ToDecimal()));
    for (size_t i = 0; i < lines.size(); ++i) r.Review(fields::kMontant, "la somme des actes ne fait pas le total : à vérifier", static_cast<int>(i));
  }
  // Dates: prescription ≤ care, all plausible; which of the two dates was
  // misread is not known, both are flagged.
  const auto prescription = StoredDate(r.doc().Text(fields::kPrescriptionDate));
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto d = StoredDate(lines[i].Find(fields::kDate));
    if (d && prescription && *d < *prescription) {
      r.Review(fields::kPrescriptionDate, "soins antérieurs à la prescription : à vérifier");
      r.Review(fields::kDate, "acte antérieur à la prescription : à vérifier", static_cast<int>(i));
    }
  }
  FlagActsOutOfOrder(r);
  const auto birth = StoredDate(r.doc().Text(fields::kBeneficiaireDateNaissance));
  if (birth && prescription && *birth > *prescription) r.Review(fields::kBeneficiaireDateNaissance, "naissance postérieure à la prescription");
}

void CheckFactureLines(DocReader& r) {
  const auto& lines = r.doc().lines;
  if (lines.empty()) {
    if (r.Has(fields::kMontantTotal)) r.Review("lines", "aucune ligne lue alors qu'un total est imprimé : à vérifier");
    return;
  }
  Money sum = Money::Zero();
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto m = StoredAmount(lines[i].Find(fields::kMontant));
    if (!m) {
      // The sum cannot confirm the other lines either.
      for (size_t k = 0; k < lines.size(); ++k) r.Review(fields::kMontant, "total des lignes invérifiable : à vérifier", static_cast<int>(k));
      return;
    }
    sum += *m;
  }
  const auto total = FieldAmount(r, fields::kMontantTotal);
  if (total && sum != *total) {
    r.Review(fields::kMontantTotal, fmt::format("somme des lignes ({}) ≠ total : à vérifier", sum.ToDecimal()));
    for (size_t i = 0; i < lines.size(); ++i) r.Review(fields::kMontant, "la somme des lignes ne fait pas le total : à vérifier", static_cast<int>(i));
  }
}

void CheckDecompte(DocReader& r, std::optional<Money> verse, std::optional<int> taux, std::optional<Money> retenue) {
  const auto base = FieldAmount(r, fields::kBaseRemboursement);
  const auto rembourse = FieldAmount(r, fields::kMontantRembourse);
  const auto depense = FieldAmount(r, fields::kMontantDepense);
  if (rembourse && verse && *rembourse != *verse) r.Review(fields::kMontantRembourse, "montant remboursé ≠ montant versé : à vérifier");
  if (base && rembourse && taux && retenue) {
    const Money expected = base->MulDiv(*taux, 100, Rounding::kHalfUp) - *retenue;
    if (expected != *rembourse) {
      r.Review(fields::kMontantRembourse, "base × taux − retenue ≠ montant remboursé : à vérifier");
      r.Review(fields::kBaseRemboursement, "base × taux − retenue ≠ montant remboursé : à vérifier");
    }
  }
  if (base && depense && *depense < *base) r.Review(fields::kMontantDepense, "dépense inférieure à la base : à vérifier");
  if (base && depense && *depense > *base && OneEditApart(depense->ToDecimal(), base->ToDecimal())) {
    // A dépassement is rarely one digit away from the base; a misread digit is.
    r.Review(fields::kMontantDepense, "dépense et base ne diffèrent que d'un chiffre : à vérifier");
  }
}

}  // namespace liasse::extractors::internal
