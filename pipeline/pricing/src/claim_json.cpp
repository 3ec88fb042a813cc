#include "liasse/pricing/claim_json.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace liasse::pricing {
namespace {

using nlohmann::ordered_json;

std::string Percent(Rate r) {
  const int64_t bp = r.basis_points();
  if (bp % 100 == 0) return fmt::format("{}%", bp / 100);
  return fmt::format("{}.{:02}%", bp / 100, bp % 100);
}

ordered_json LineJson(const PricedLine& l) {
  ordered_json lj;
  lj["date"] = l.date.ToIso();
  lj["code"] = l.code;
  lj["libelle"] = l.libelle;
  lj["frais_reels"] = l.frais_reels.ToDecimal();
  lj["base"] = l.base.ToDecimal();
  lj["taux_ro"] = Percent(l.taux_ro);
  lj["ro"] = l.ro.ToDecimal();
  lj["retenues"] = l.retenues.ToDecimal();
  lj["mutuelle"] = l.mutuelle.ToDecimal();
  lj["reste_a_charge"] = l.reste_a_charge.ToDecimal();
  lj["garantie"] = l.garantie.empty() ? ordered_json(nullptr) : ordered_json(l.garantie);
  if (!l.motif_refus.empty()) lj["motif_refus"] = l.motif_refus;
  if (l.hors_100_sante) lj["hors_100_sante"] = l.hors_100_sante->ToDecimal();
  if (!l.tarifs_non_confirmes.empty()) lj["tarifs_non_confirmes"] = l.tarifs_non_confirmes;
  lj["trace"] = l.trace;
  return lj;
}

}  // namespace

std::string PricedClaimToJson(const PricedClaim& claim, int indent) {
  ordered_json j;
  j["id"] = claim.id;
  j["member"] = claim.member;
  j["beneficiaire"] = claim.beneficiaire;
  j["lines"] = ordered_json::array();
  for (const auto& l : claim.lines) j["lines"].push_back(LineJson(l));
  ordered_json t;
  t["frais_reels"] = claim.totals.frais_reels.ToDecimal();
  t["ro"] = claim.totals.ro.ToDecimal();
  t["retenues"] = claim.totals.retenues.ToDecimal();
  t["mutuelle"] = claim.totals.mutuelle.ToDecimal();
  t["reste_a_charge"] = claim.totals.reste_a_charge.ToDecimal();
  j["totals"] = std::move(t);
  return j.dump(indent);
}

}  // namespace liasse::pricing
