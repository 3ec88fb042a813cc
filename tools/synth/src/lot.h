// A B2 lot (seed 003): invoices, their paper, the injected defects and the
// expected verdict with anomaly codes.
#pragma once

#include <string>
#include <vector>

#include "documents.h"

namespace liasse::synth {

struct LotBuild {
  std::vector<GenDoc> docs;  // in envelope order
  Json lot;                  // {"numero", "verdict", "anomalies": [...], "factures_rejetees": [...]}
  Json letters = Json::array();
};

// Builds a lot with exactly the listed defects (codes of LotDefectCodes()).
LotBuild BuildLot(Context& ctx, const std::vector<std::string>& defects);

// The French message of an anomaly code.
std::string AnomalyMessage(const std::string& code);

}  // namespace liasse::synth
