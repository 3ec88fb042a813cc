#include <nlohmann/json.hpp>

#include "liasse/rules/lot.h"

namespace liasse::rules {

std::string LotsToJson(const std::vector<LotVerdict>& lots, int indent) {
  using Json = nlohmann::ordered_json;
  Json out = Json::array();
  for (const LotVerdict& lot : lots) {
    Json j;
    j["numero"] = lot.numero;
    j["verdict"] = std::string(VerdictName(lot.verdict));
    j["flux"] = std::string(FluxName(lot.flux));
    j["anomalies"] = Json::array();
    for (const Anomaly& a : lot.anomalies) {
      Json aj;
      aj["code"] = a.code;
      aj["document"] = a.document;
      if (a.line) aj["line"] = *a.line;
      if (a.numero_facture) aj["numero_facture"] = *a.numero_facture;
      aj["message"] = a.message;
      aj["a_renvoyer"] = a.a_renvoyer;
      if (a.illisible) aj["illisible"] = true;
      j["anomalies"].push_back(aj);
    }
    j["factures_rejetees"] = lot.factures_rejetees;
    j["factures_acceptees"] = lot.factures_acceptees;
    out.push_back(j);
  }
  return out.dump(indent);
}

}  // namespace liasse::rules
