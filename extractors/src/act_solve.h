// Settling the act rows of a feuille de soins that fail the tariff check
// (montant = coefficient × lettre-clé value) after their re-reads, from
// every reading of the row and the lettres-clés of the feuille's other
// rows. Internal.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "doc_reader.h"

namespace liasse::extractors::internal {

// What was read in the cells of one act row, first reading and region
// re-read, before normalisation to a known code (empty: nothing read).
struct ActReadings {
  std::vector<std::string> codes;         // upper-case, no spaces
  std::vector<std::string> coefficients;  // normalised ("1.5")
  std::vector<std::string> montants;      // decimal ("2.75")
};

// For each row `first + i` of the document whose `readings[i]` is set (a
// row that failed the check), looks for the one (code, coefficient,
// montant) that passes the check and is best supported by the readings:
// - code: read, one letter away from a reading (a digit glued to it read
//   as a letter: "KG" is IK 6), or a lettre-clé read on another row of the
//   feuille (better when it starts like the reading);
// - coefficient: read, read without its decimal point, or the montant
//   divided by the lettre-clé's value;
// - montant: read, read with the coefficient glued in front, or the price
//   of a code and coefficient read when no montant was read or one digit
//   of it differs (a montant read otherwise is what was billed).
// A row is changed only when one candidate is strictly best and one of its
// values was read as is (or two with a repair); every value it changes is
// flagged for review with the reason, so a settled row still waits for a
// person before being paid.
void SolveActRows(DocReader& r, size_t first, const std::vector<std::optional<ActReadings>>& readings);

}  // namespace liasse::extractors::internal
