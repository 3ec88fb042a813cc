// The field catalogue (docs: results.md, "Field catalogue"): the names under
// which documents carry their values, published once so that the readers
// (extractors) and the services acting on the values (rules, pricing, the
// runner) spell them the same. How a field is found on a page is the
// reader's business (data/forms); these are only the names.
#pragma once

#include <span>
#include <string_view>

#include "liasse/core/document.h"

namespace liasse::fields {

// Document fields ("lot.numero" is the lot number of a bordereau).
inline constexpr char kPartenaireIdentifiant[] = "partenaire.identifiant";
inline constexpr char kPartenaireNom[] = "partenaire.nom";
// The partner's postal address, when its letterhead heads the bordereau
// (optional: not in the catalogue of fields a reader must flag when unread).
inline constexpr char kPartenaireAdresse[] = "partenaire.adresse";
inline constexpr char kLotNumero[] = "lot.numero";
inline constexpr char kLotDate[] = "lot.date";
inline constexpr char kOrganismeDestinataire[] = "organisme.destinataire";
inline constexpr char kReglementDestinataire[] = "reglement.destinataire";
inline constexpr char kNumeroFacture[] = "numero_facture";
inline constexpr char kAssureNom[] = "assure.nom";
inline constexpr char kAssurePrenom[] = "assure.prenom";
inline constexpr char kAssureNir[] = "assure.nir";
inline constexpr char kBeneficiaireNom[] = "beneficiaire.nom";
inline constexpr char kBeneficiairePrenom[] = "beneficiaire.prenom";
inline constexpr char kBeneficiaireDateNaissance[] = "beneficiaire.date_naissance";
inline constexpr char kPraticienIdentifiant[] = "praticien.identifiant";
inline constexpr char kPraticienNom[] = "praticien.nom";
inline constexpr char kPrescripteurNom[] = "prescripteur.nom";
inline constexpr char kPrescriptionDate[] = "prescription.date";
inline constexpr char kMontantTotal[] = "montant_total";
inline constexpr char kSignaturePraticien[] = "signature.praticien";
inline constexpr char kSignaturePatient[] = "signature.patient";
inline constexpr char kImpossibiliteSigner[] = "impossibilite_signer";
inline constexpr char kCategorie[] = "categorie";
inline constexpr char kDate[] = "date";
inline constexpr char kEmetteurNom[] = "emetteur.nom";
inline constexpr char kEmetteurIdentifiant[] = "emetteur.identifiant";
inline constexpr char kNumeroAdherent[] = "numero_adherent";
inline constexpr char kAcquittee[] = "acquittee";
inline constexpr char kPrescripteurIdentifiant[] = "prescripteur.identifiant";
inline constexpr char kPatientNom[] = "patient.nom";
inline constexpr char kPatientPrenom[] = "patient.prenom";
inline constexpr char kRaturee[] = "raturee";
inline constexpr char kPatientNir[] = "patient.nir";
inline constexpr char kNom[] = "nom";
inline constexpr char kPrenom[] = "prenom";
inline constexpr char kNir[] = "nir";
inline constexpr char kDateSoins[] = "date_soins";
inline constexpr char kMontantDepense[] = "montant_depense";
inline constexpr char kBaseRemboursement[] = "base_remboursement";
inline constexpr char kMontantRembourse[] = "montant_rembourse";
inline constexpr char kAdresse[] = "adresse";
inline constexpr char kEmail[] = "email";
inline constexpr char kTelephone[] = "telephone";
inline constexpr char kEntreprise[] = "entreprise";
inline constexpr char kObjet[] = "objet";
inline constexpr char kContrat[] = "contrat";
inline constexpr char kDateSouscription[] = "date_souscription";
inline constexpr char kLieu[] = "lieu";
inline constexpr char kSociete[] = "societe";

// Columns of a document's lines (bordereau, feuille de soins, facture); a
// column may share its name with a document field ("numero_facture").
inline constexpr char kDateNaissance[] = "date_naissance";
inline constexpr char kMontantAmo[] = "montant_amo";
inline constexpr char kMontantAmc[] = "montant_amc";
inline constexpr char kCode[] = "code";
inline constexpr char kCoefficient[] = "coefficient";
inline constexpr char kMontant[] = "montant";
inline constexpr char kLibelle[] = "libelle";

// What a field holds, as the result contract normalises it.
enum class Kind {
  kText,     // as printed
  kIsoDate,  // ISO YYYY-MM-DD
  kAmount,   // decimal string, two decimals
  kNirNumber,  // 15 characters
  kBoolean,  // a tick box or a mark
};

struct Entry {
  const char* name;
  Kind kind;
};

// The fields of a document of `type` that a reader must read or flag as
// unread, in the contract's order; empty for kAutre.
std::span<const Entry> Catalogue(DocumentType type);

}  // namespace liasse::fields
