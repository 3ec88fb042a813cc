// The JSON form of a priced claim: one `claims[]` entry of the result
// contract (docs/results.md) — id, member, beneficiaire, lines[]
// (date, code, libelle, frais_reels, base, taux_ro, ro, retenues, mutuelle,
// reste_a_charge, garantie, trace) and totals; amounts as "17.00", rates as
// "60%". Returned as text so the pricing API stays free of JSON types.
// Pure function, thread-safe.
#pragma once

#include <string>

#include "liasse/core/claim.h"

namespace liasse::pricing {

// `indent` < 0: one line.
std::string PricedClaimToJson(const PricedClaim& claim, int indent = -1);

}  // namespace liasse::pricing
