#include "liasse/rules/lot.h"

namespace liasse::rules {


std::string_view FluxName(Flux flux) { return flux == Flux::kSecurise ? "securise" : "degrade"; }

namespace {

bool IsLotPiece(DocumentType t) {
  return t == DocumentType::kFeuilleDeSoins || t == DocumentType::kPrescription ||
         t == DocumentType::kEntentePrealable || t == DocumentType::kAttestationDroits;
}

Flux DecideFlux(const std::vector<Document>& documents, const Lot& lot) {
  if (lot.bordereau) {
    if (const std::string* f = documents[static_cast<size_t>(*lot.bordereau)].Text("lot.flux")) {
      if (*f == "securise") return Flux::kSecurise;
      if (*f == "degrade") return Flux::kDegrade;
    }
  }
  for (int i : lot.pieces) {
    if (documents[static_cast<size_t>(i)].type == DocumentType::kFeuilleDeSoins) return Flux::kDegrade;
  }
  return Flux::kSecurise;
}

}  // namespace

std::vector<Lot> AssembleLots(const std::vector<Document>& documents) {
  std::vector<Lot> lots;
  std::vector<int> orphans;  // pieces seen before any bordereau
  for (size_t i = 0; i < documents.size(); ++i) {
    const int index = static_cast<int>(i);
    const DocumentType t = documents[i].type;
    if (t == DocumentType::kBordereau) {
      Lot lot;
      lot.bordereau = index;
      if (lots.empty()) lot.pieces = std::move(orphans);
      orphans.clear();
      lots.push_back(std::move(lot));
    } else if (IsLotPiece(t)) {
      if (lots.empty()) {
        orphans.push_back(index);
      } else {
        lots.back().pieces.push_back(index);
      }
    }
  }
  bool has_feuille = false;
  for (int i : orphans) has_feuille = has_feuille || documents[static_cast<size_t>(i)].type == DocumentType::kFeuilleDeSoins;
  // Prescriptions alone are not a lot (a member's claim may carry one).
  if (lots.empty() && has_feuille) lots.push_back(Lot{std::nullopt, std::move(orphans), Flux::kDegrade});
  for (Lot& lot : lots) lot.flux = DecideFlux(documents, lot);
  return lots;
}

}  // namespace liasse::rules
