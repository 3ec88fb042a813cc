// The cross-document checks of a B2 lot: each feuille de soins against its
// bordereau line. Both carry the n° de facture, the assuré's NIR, nom and
// prénom, the bénéficiaire's date de naissance and the montant total, so
// each of these is read twice and one reading can settle the other.
// Internal to the extractors; pure functions on the envelope's documents,
// single thread.
#pragma once

#include <vector>

#include "liasse/core/document.h"
#include "forms.h"
#include "lot_match.h"

namespace liasse::extractors::internal {

// Cross-checks every feuille de soins matched to its bordereau line
// (MatchFeuillesToLines) and flags a numbered feuille matched to no line
// (« facture absente du bordereau »). For each shared value:
// - a doubtful side (flagged, or failing its own checks: n° format, NIR key,
//   plausible birth date, NIR year/month against the birth date of the same
//   person) takes the other side's value when that side is read, unflagged
//   and passes its checks, and the doubtful side shows it was written: a
//   reading there, or a partial reading quoted in its flag agreeing on most
//   characters. An amount must also make the side's own sums add up (AMO +
//   AMC on the line, the acts on the feuille).
// - a doubtful source settles the other side only when that side's own
//   reading is the source's value misread (one character apart for two
//   readings that both pass their checks; a NIR whose key fails, read alike
//   on both documents, is the paper's and is taken as printed).
// - a NIR whose key alone differs is never overwritten (a wrong key on the
//   paper is an anomaly the lot rules report).
// Every filled value stays flagged with its reason; a value missing on the
// paper (absent, nothing read there) stays absent: an anomaly of the lot.
// Two readings that disagree otherwise are flagged on both sides, neither
// changed. The same value read on both sides settles a doubt of the
// reading alone (ReviewFlag::reading_doubt) on one side when the other side
// is unflagged. Then the NIR of each feuille (and of its line) is checked
// against the birth date when the bénéficiaire is the assuré. `forms` (may
// be null) gives the n° de facture's length (the one length of every line
// of the bordereau when they share one); not owned.
void ReconcileLot(std::vector<Document>& docs, const FormCatalogue* forms = nullptr);

}  // namespace liasse::extractors::internal
