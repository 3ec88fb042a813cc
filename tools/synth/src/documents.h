// Document renderers: each draws one document's pages and fills its truth
// (contract fields and lines, docs/results.md). Layout variants are
// picked from the context's random stream.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model.h"

namespace liasse::synth {

struct Act {
  Date date = Date::FromSerial(0);
  std::string code;
  std::string coefficient;  // as printed, e.g. "7.5"
  Money montant = Money::Zero();
};

// One feuille de soins of a B2 lot and what its paper shows.
struct Invoice {
  std::string numero;  // 9 digits
  Person assure, beneficiaire;
  bool beneficiaire_is_assure = true;
  Professional prescripteur;
  Date prescription_date = Date::FromSerial(0);
  std::vector<Act> acts;
  Money total = Money::Zero();
  bool signature_praticien = true, signature_patient = true, impossibilite_signer = false;
  bool nir_blank = false;           // FDS_INCOMPLETE
  std::string printed_nir;          // the NIR on the feuille (may carry a wrong key)
  bool prescription_raturee = false;
  std::string prescription_text;    // what the prescription orders
};

struct BordereauLine {
  std::string numero, nir, nom, prenom;
  std::optional<Date> date_naissance;  // absent: LOT_LINE_INCOMPLETE
  Money total = Money::Zero(), amo = Money::Zero(), amc = Money::Zero();
};

struct Bordereau {
  std::string numero;  // 3 digits
  Date date = Date::FromSerial(0);
  Professional partenaire;
  std::string organisme;        // "971" (empty: LOT_HEADER_INCOMPLETE)
  std::string organisme_nom;    // "CGSS de la Guadeloupe"
  std::string reglement = "partenaire";
  std::vector<BordereauLine> lines;
};

GenDoc DrawBordereau(Context& ctx, const Bordereau& b);
GenDoc DrawFeuilleDeSoins(Context& ctx, const Professional& pro, const Invoice& inv);
GenDoc DrawPrescription(Context& ctx, const Professional& prescripteur, const Person& patient, Date date,
                        const std::string& text, bool raturee);
GenDoc DrawEntentePrealable(Context& ctx, const Professional& pro, const Person& patient, Date date,
                            const std::string& acte);

// Stand-alone claims and correspondence (doc_claims.cpp, doc_letters.cpp).
GenDoc DrawFacture(Context& ctx, const std::string& categorie, const Person& patient, Date date);
GenDoc DrawDevisDentaire(Context& ctx, const Person& patient, Date date);
GenDoc DrawDecompteRo(Context& ctx, const Person& patient, Date date);
GenDoc DrawAttestationDroits(Context& ctx, const Person& patient, Date date);
GenDoc DrawReclamation(Context& ctx, const Person& member, Date date);
GenDoc DrawRenonciation(Context& ctx, const Person& member, Date souscription, Date date);

}  // namespace liasse::synth
