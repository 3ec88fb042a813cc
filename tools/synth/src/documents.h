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
  bool feuille_raturee = false;     // FDS_RATUREE: drawn in a layout family 1…N only
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
// A bordereau line in the truth (`lines[]`), and the totals of every line.
Json BordereauLineTruth(const BordereauLine& l);
struct BordereauTotals {
  Money total = Money::Zero(), amo = Money::Zero(), amc = Money::Zero();
};
BordereauTotals SumLines(const Bordereau& b);
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

// The same documents in layout families 1…N (fam_lot.cpp, fam_claims.cpp,
// fam_letters.cpp): the Draw… functions above call them when the family
// drawn for the document is not 0.
GenDoc DrawBordereauFamily(Context& ctx, int family, const Bordereau& b);
GenDoc DrawFeuilleFamily(Context& ctx, int family, const Professional& pro, const Invoice& inv);
GenDoc DrawPrescriptionFamily(Context& ctx, int family, const Professional& prescripteur, const Person& patient,
                              Date date, const std::string& text, bool raturee);
GenDoc DrawFactureFamily(Context& ctx, int family, const std::string& categorie, const Person& patient, Date date);
GenDoc DrawReclamationFamily(Context& ctx, int family, const Person& member, Date date);
GenDoc DrawRenonciationFamily(Context& ctx, int family, const Person& member, Date souscription, Date date);
// The "décomptes par mail" coupon of seed 000 (families 1…N only): the
// member's société, name, NIR and new e-mail address.
GenDoc DrawCouponEmail(Context& ctx, int family, const Person& member);

// Who issues an invoice of `categorie` (optician, dentist, hospital, pharmacy,
// osteopath or chiropractor) and the items it bills (doc_claims.cpp).
struct Emitter {
  std::string nom, identifiant, subtitle;
  Professional pro;
};
Emitter MakeEmitter(Context& ctx, const std::string& categorie);
struct FactureLine {
  Date date;
  std::string libelle, code;
  Money montant;
  std::string extra;  // dent, quantité
};
// The lines of an invoice; `notes` gets the lines printed under the table
// (médecine douce: holds the emitter's subtitle on entry).
std::vector<FactureLine> MakeFactureLines(Context& ctx, const std::string& categorie, Date date,
                                          std::vector<std::string>& notes);
// An invoice line in the truth (`dent` for a dental one).
Json FactureLineTruth(const FactureLine& l, bool dental);
// The invoice's truth fields.
struct FactureTruth {
  std::string categorie, numero;
  Date date = Date::FromSerial(0);
  Money total = Money::Zero();
  bool acquittee = false;
};
void SetFactureFields(GenDoc& d, const FactureTruth& f, const Emitter& e, const Person& patient);

// Sets the feuille's assuré and bénéficiaire fields from the invoice.
void SetPeopleFields(GenDoc& d, const Invoice& inv);

// "Infirmier(e) diplômé(e) d'État" for "infirmier" (bordereau, feuille, stamp).
std::string ProfessionLabel(const std::string& profession);

}  // namespace liasse::synth
