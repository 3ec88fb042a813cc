// Second readings of a feuille de soins act row (date, code, coefficient,
// montant) by region OCR on each cell, arbitrated by the tariff check
// montant = coefficient × lettre-clé value. Internal.
#pragma once

#include <string>
#include <vector>

#include "act_solve.h"
#include "doc_reader.h"

namespace liasse::extractors::internal {

// The page words each value of an act row was read from (empty: not read).
struct ActCells {
  std::vector<int> date, code, coefficient, montant;
};

// Re-reads the cells of `line` (read from `cells` on the reader's current
// page) when a RegionReader is there:
// - the date always: a second reading that disagrees puts the date in
//   `doubts`, one that agrees takes it out, one alone fills it in doubt;
// - code, coefficient and montant when they fail the tariff check: the one
//   combination of first and second readings that passes it is kept.
// `doubts` lists the columns to flag. Returns every reading of code,
// coefficient and montant when the row still fails the tariff check (for
// SolveActRows), nullopt when it passes or cannot be checked. Without a
// RegionReader the first readings alone are returned.
std::optional<ActReadings> RereadActRow(const DocReader& r, Line& line, const ActCells& cells,
                                        std::vector<std::string>& doubts);

}  // namespace liasse::extractors::internal
