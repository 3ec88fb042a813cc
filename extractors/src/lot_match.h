// Which bordereau line of a B2 lot each feuille de soins is the paper of.
// Internal; pure functions.
#pragma once

#include <cstddef>
#include <vector>

#include "liasse/core/document.h"

namespace liasse::extractors::internal {

// A feuille de soins and the bordereau line it was matched to.
struct LotPair {
  size_t feuille = 0;    // index in the documents
  size_t bordereau = 0;  // index in the documents
  int line = 0;          // index in the bordereau's lines
};

// Matches each feuille de soins to at most one bordereau line, one to one:
// the line agreeing with it on the most keys (n° de facture, which counts
// double, NIR, nom, prénom, date de naissance, montant total; a nom, prénom
// or birth date misread by a character still counts), at least two (the
// n° de facture alone is enough). A feuille whose best lines tie, or which
// agrees with no line, is left unmatched. Deterministic.
std::vector<LotPair> MatchFeuillesToLines(const std::vector<Document>& docs);

}  // namespace liasse::extractors::internal
