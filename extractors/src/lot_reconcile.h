// The cross-document checks of a B2 lot: each feuille de soins against its
// bordereau line. Both carry the n° de facture, the assuré's NIR, nom and
// prénom, the bénéficiaire's date de naissance and the montant total, so
// each of these is read twice and one reading can settle the other.
// Internal to the extractors; pure functions on the envelope's documents,
// single thread.
#pragma once

#include <vector>

#include "liasse/extractors/document.h"
#include "lot_match.h"

namespace liasse::extractors::internal {

// Cross-checks every matched pair and flags a numbered feuille matched to
// no line (« facture absente du bordereau »). For each shared value:
// - a doubtful side (flagged, or failing its own check: NIR key, plausible
//   date, NIR year/month against the birth date of the same person) takes
//   the other side's value when that side is read, unflagged and passes its
//   checks, and the doubtful side shows it was written (a reading there, or
//   a partial reading quoted in its flag agreeing on most characters; an
//   amount must also make AMO + AMC, or the sum of the acts, add up). The
//   filled value stays flagged with the reason; a value missing on the paper
//   (absent, no reading) stays absent: it is an anomaly of the lot.
// - two readings that disagree otherwise are flagged on both sides.
// Then the NIR of each feuille (and line) is checked against the birth
// date when the bénéficiaire is the assuré.
void ReconcileLot(std::vector<Document>& docs);

}  // namespace liasse::extractors::internal
