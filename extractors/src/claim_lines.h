// What the readers of stand-alone claims share (fields_claims.cpp,
// fields_invoice.cpp): amounts and act codes as printed, the act lines of
// a table read left to right, the issuer's name.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "doc_reader.h"
#include "tariffs.h"

namespace liasse::extractors::internal {

// True when `t` is an amount with two decimals, a currency sign glued to it
// ("8,12€") allowed and OCR confusions of digits mapped.
bool IsAmountText(const std::string& t);

// An act code as printed, a CCAM code's letter-for-digit confusions and one
// doubled digit undone; `repaired` set when a change was made.
std::string NormaliseActCode(std::string_view raw, bool* repaired);

// The one CCAM code of the tariff one character from an unknown `code` of
// six characters or more; nullopt otherwise.
std::optional<std::string> NearestCcamCode(const NgapTariffs* tariffs, const std::string& code);

// The line `index` whose montant `raw` had a stray third decimal, settled
// when exactly one dropped decimal makes the lines add up to the total.
void SettleStrayDecimal(DocReader& r, int index, const std::string& raw);

// The rows under the form's table header read left to right: date (or dent
// for a devis), code, [dent], libellé, [base], montant.
void ReadClaimLines(DocReader& r, bool dental_columns, bool devis);

// The letterhead's first line as the issuer's name (flagged in capitals).
void ReadEmetteurNom(DocReader& r);

}  // namespace liasse::extractors::internal
