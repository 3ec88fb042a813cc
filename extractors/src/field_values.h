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
// The NIR right of `label`: as the OCR read it when its key passes, else
// from the character boxes re-read one by one (boxed_digits.h), else as
// SetNir does with the OCR's reading.
std::optional<std::string> SetNirRightOf(DocReader& r, std::string_view name, std::string_view label, double max_gap_mm);
// N° AM (9 digits, Luhn key).
std::optional<std::string> SetNumeroAm(DocReader& r, std::string_view name, const std::optional<Found>& found);
// A run of exactly `length` digits (lot, invoice, RPPS, FINESS, ADELI numbers).
std::optional<std::string> SetDigits(DocReader& r, std::string_view name, const std::optional<Found>& found, size_t length);

// "NOM Prénom" / "Prénom NOM" (capitals tell which is the nom): sets both.
bool SetPersonName(DocReader& r, std::string_view nom_field, std::string_view prenom_field, const std::optional<Found>& found);
// The first all-capitals word of `found` (hyphens kept) as a nom.
std::optional<std::string> SetUpperName(DocReader& r, std::string_view name, const std::optional<Found>& found);
// Plain text, trimmed of glued punctuation.
std::optional<std::string> SetPlain(DocReader& r, std::string_view name, const std::optional<Found>& found);

// The words of `found` (punctuation-trimmed), for readers that split values.
std::vector<std::string> Tokens(const DocReader& r, const Found& found);

}  // namespace liasse::extractors::internal
