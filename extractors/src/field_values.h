// Typed field setters shared by the per-type readers: parse a Found value
// into the contract's normalised form, check it (keys, plausibility), set
// it with its confidence or flag it. Internal.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "doc_reader.h"

namespace liasse::extractors::internal {

// Confidence multiplier when confusable letters had to be mapped to digits.
inline constexpr double kRepairPenalty = 0.8;
// Under this confidence, a value with no key or cross-check is read a
// second time (digits only) and flagged when the two readings differ.
inline constexpr double kSureReading = 0.93;

// Each returns the normalised value it set, or nullopt (the field is then
// flagged with the reason).
std::optional<std::string> SetDate(DocReader& r, std::string_view name, const std::optional<Found>& found);
std::optional<std::string> SetAmount(DocReader& r, std::string_view name, const std::optional<Found>& found);
// NIR: 15 characters, key checked; a wrong key keeps the value as read and flags it.
std::optional<std::string> SetNir(DocReader& r, std::string_view name, const std::optional<Found>& found);
// The NIR at `found`, the value of the label occurrence `hit`: as the OCR
// read it when its key passes, else from the character boxes right of the
// label re-read one by one (boxed_digits.h), else as SetNir does.
std::optional<std::string> SetNirAt(DocReader& r, std::string_view name, const std::optional<Found>& found, const LabelHit& hit);
// N° AM (9 digits, Luhn key).
std::optional<std::string> SetNumeroAm(DocReader& r, std::string_view name, const std::optional<Found>& found);
// A run of exactly `length` digits (lot, invoice, RPPS, FINESS, ADELI numbers).
std::optional<std::string> SetDigits(DocReader& r, std::string_view name, const std::optional<Found>& found, size_t length);
// A run of `min`..`max` digits (the first run of `found`); out of range as SetDigits with `min`.
std::optional<std::string> SetDigitsIn(DocReader& r, std::string_view name, const std::optional<Found>& found, size_t min, size_t max);

// A reference as printed (invoice numbers): the first word of `found` with
// three digits or more, confusable letters among its digits mapped.
void SetReference(DocReader& r, std::string_view name, const Found& found);

// "NOM Prénom" / "Prénom NOM" (capitals tell which is the nom): sets both.
bool SetPersonName(DocReader& r, std::string_view nom_field, std::string_view prenom_field, const std::optional<Found>& found);
// "DUFOUR MARIE" where the form prints the nom first: exactly two words in
// capitals, the first the nom, the second the prénom ("Marie"), both set
// and flagged (the order is the form's custom, nothing on the page checks
// it); the nom unflagged when `order_printed` (a label "NOM PRÉNOM" gives
// the order). False, and nothing set, for any other reading.
bool SetNomPrenomInCapitals(DocReader& r, std::string_view nom_field, std::string_view prenom_field, const Found& found,
                            bool order_printed = false);
// A prénom written in capitals ("JEAN-CLAUDE", "NOËL") as a prénom is
// stored ("Jean-Claude", "Noël").
std::string CapitalisedFromUpper(std::string_view word);
// The first all-capitals word of `found` (hyphens kept) as a nom.
std::optional<std::string> SetUpperName(DocReader& r, std::string_view name, const std::optional<Found>& found);
// Plain text, trimmed of glued punctuation.
std::optional<std::string> SetPlain(DocReader& r, std::string_view name, const std::optional<Found>& found);

// The words of `found` (punctuation-trimmed), for readers that split values.
std::vector<std::string> Tokens(const DocReader& r, const Found& found);

}  // namespace liasse::extractors::internal
