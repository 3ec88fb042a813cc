// Cross-checks of a document's values: sums, AMO + AMC = total, act
// montant = coefficient × lettre-clé value on the date, dates plausible and
// ordered, NIR birth year/month against a birth date. A failing check
// repairs a value only when exactly one digit-confusion repair makes every
// check pass; otherwise the values are flagged with a French reason. Internal.
#pragma once

#include "doc_reader.h"
#include "liasse/core/date.h"

namespace liasse::extractors::internal {

// The value of a normalised text ("17.00", "2025-09-05"), or nullopt when
// `text` is null or not of that form.
std::optional<Money> StoredAmount(const std::string* text);
std::optional<Date> StoredDate(const std::string* text);

// coefficient × lettre-clé value of the line's code on its date, rounded
// half up to the cent; nullopt when code, coefficient or date is missing or
// the tariff does not know them.
std::optional<Money> ActMontant(const NgapTariffs& tariffs, const Line& line);

void CheckBordereauTotals(DocReader& r);
void CheckFeuille(DocReader& r);
void CheckFactureLines(DocReader& r);
void CheckDecompte(DocReader& r, std::optional<Money> verse, std::optional<int> taux, std::optional<Money> retenue);
// Flags `nir_field` and the birth date when the NIR's year/month disagree with `birth`.
void CheckNirBirth(DocReader& r, std::string_view nir_field, Date birth);

}  // namespace liasse::extractors::internal
