// JSON forms of claims for the CLI: reading a claim to price (the input of
// `liasse price`) and writing priced claims as the `claims[]` entries of
// docs/results.md. Kept in the CLI so the pricing API stays free of
// JSON types.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/date.h"
#include "liasse/core/status.h"
#include "liasse/core/claim.h"

namespace liasse::cli {

// What the member file says of an adhérent: contract level, coverage dates
// and birth date.
struct MemberCoverage {
  std::string contrat;  // "PASS2"
  Date date_naissance = Date::FromSerial(0);
  Date date_adhesion = Date::FromSerial(0);
  std::optional<Date> date_fin;
};

// Finds a member by numéro d'adhérent: nullopt when unknown; fails only on
// storage errors.
using MemberLookup = std::function<Result<std::optional<MemberCoverage>>(std::string_view numero_adherent)>;

// Reads one claim object, or every claim of {"claims": [...]}. Fails with
// the JSON path of the first bad field ("claims[0].lines[2].frais_reels").
// The member is "member" (or "numero_adherent"). When `lookup` knows it, the
// contract, adhesion and end dates come from the member file, as does the
// birth date unless the claim is for another beneficiary with its own
// "date_naissance"; "contrat", "date_adhesion" and "date_naissance" are then
// optional and, when given, overridden. Otherwise they are required.
Result<std::vector<Claim>> ClaimsFromJson(const nlohmann::json& j, const MemberLookup& lookup = {});

// A priced claim as in results.md: id, member, beneficiaire, lines[] (date,
// code, libelle, frais_reels, base, taux_ro, ro, retenues, mutuelle,
// reste_a_charge, garantie, trace), totals.
nlohmann::ordered_json PricedClaimToJson(const PricedClaim& claim);

}  // namespace liasse::cli
