// JSON forms of claims for the CLI: reading a claim to price (the input of
// `liasse price`) and writing priced claims as the `claims[]` entries of
// shared/spec/results.md. Kept in the CLI so the pricing API stays free of
// JSON types.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "liasse/core/status.h"
#include "liasse/pricing/claim.h"

namespace liasse::cli {

// Reads one claim object, or every claim of {"claims": [...]}. Fails with
// the JSON path of the first bad field ("claims[0].lines[2].frais_reels").
Result<std::vector<pricing::Claim>> ClaimsFromJson(const nlohmann::json& j);

// A priced claim as in results.md: id, member, beneficiaire, lines[] (date,
// code, libelle, frais_reels, base, taux_ro, ro, retenues, mutuelle,
// reste_a_charge, garantie, trace), totals.
nlohmann::ordered_json PricedClaimToJson(const pricing::PricedClaim& claim);

}  // namespace liasse::cli
