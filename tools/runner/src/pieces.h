// Missing justificatifs of an envelope's factures (seed 004 §3.3.3): for
// each facture whose category names a prestation, the member the store
// knows by its numéro d'adhérent, and the pieces the envelope lacks for that
// prestation (with or without the member's télétransmission). Internal to
// the runner.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "liasse/core/document.h"
#include "liasse/rules/justificatifs.h"
#include "liasse/store/store.h"

namespace liasse::runner {

// The justificatifs check of one facture whose member and prestation are
// known.
struct FactureCheck {
  int document = 0;  // the facture
  store::Member member;
  rules::DemandeDePieces demande;  // complete(): the claim may be paid
  std::string libelle_prestation;  // "Équipement optique (monture et verres)"
};

struct PieceRequest {
  int document = 0;  // the facture
  store::Member member;
  rules::DemandeDePieces demande;
  std::string libelle_prestation;  // "Équipement optique (monture et verres)"
};

// True when the facture's beneficiary (nom and prénom, case and accents
// folded) is the member.
bool BeneficiaireIsMember(const Document& facture, const store::Member& member);

// Checks every facture; `review` gets a French line for each facture whose
// member or prestation cannot be told (it is then absent from the result):
// among them a numéro d'adhérent read with low confidence that names a member
// who is not the beneficiary (a misread number would send the letters to a
// stranger).
std::vector<FactureCheck> CheckFactures(const std::vector<Document>& documents,
                                        const rules::JustificatifTable& table, store::Store& store,
                                        std::vector<std::string>& review);

// The requests for the checks that are not complete.
std::vector<PieceRequest> PieceRequestsOf(const std::vector<FactureCheck>& checks);

// CheckFactures then PieceRequestsOf.
std::vector<PieceRequest> MissingPieces(const std::vector<Document>& documents,
                                        const rules::JustificatifTable& table, store::Store& store,
                                        std::vector<std::string>& review);

}  // namespace liasse::runner
