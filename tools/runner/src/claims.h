// The claims of an envelope: each accepted feuille de soins of a B2 lot
// becomes a claim for the member the store knows by the assuré's NIR, priced
// line by line (pricing core, counters in the store) and checked against the
// AMO/AMC amounts the auxiliaire médical invoiced on the bordereau. Internal
// to the runner.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "liasse/core/date.h"
#include "liasse/core/money.h"
#include "liasse/core/document.h"
#include "liasse/core/claim.h"
#include "liasse/pricing/pricer.h"
#include "liasse/rules/lot.h"
#include "liasse/store/store.h"

namespace liasse::runner {

struct ClaimResult {
  int document = 0;                // the feuille de soins (or facture), index in the envelope
  bool from_bordereau = true;      // a B2 feuille (checked against its bordereau line)
  std::string numero_facture;
  std::optional<store::Member> member;
  std::optional<PricedClaim> priced;
  std::optional<Money> amo_facture;  // from the bordereau line, when read
  std::optional<Money> amc_facture;
  // Why a person must look (French): member unknown, an unreadable line,
  // pricing refused, the invoiced AMC differs from the guarantee's.
  std::vector<std::string> review;
};

// Builds and prices the claims of the feuilles the lot verdicts accept.
// `received` is the date of receipt (declaration deadline). Counters are
// consumed once per claim id (idempotent on reprocessing) and each priced
// claim is saved in the store. Never fails: a claim that cannot be priced
// carries its reason in `review`.
std::vector<ClaimResult> PriceLotClaims(const std::vector<Document>& documents,
                                        const std::vector<rules::LotVerdict>& lots, const pricing::Pricer& pricer,
                                        store::Store& store, Date received);

// The `claims[]` entry of a result: the priced claim's contract members plus
// document, numero_facture, the bordereau control (B2 feuilles only) and
// review reasons.
std::string ClaimResultToJson(const ClaimResult& claim);

// The first review flag the extractors put on line `i` of `document` (a
// value read with low confidence, repaired or unread), or nullptr. A claim
// is not priced from such a line: a person confirms it first.
const ReviewFlag* LineDoubt(const Document& document, std::size_t i);

// Prices `claim` on the store's counters and saves it into `result.priced`;
// a failure goes to `result.review` (pricing: nothing priced; saving: priced
// but not stored). Shared by B2 feuilles and members' factures.
void PriceAndSave(const Claim& claim, const pricing::Pricer& pricer, store::Store& store,
                  ClaimResult& result);

}  // namespace liasse::runner
