#include "liasse/core/fields.h"

namespace liasse::fields {
namespace {

constexpr Entry kBordereauFields[] = {
    {kPartenaireIdentifiant, Kind::kText},
    {kPartenaireNom, Kind::kText},
    {kLotNumero, Kind::kText},
    {kLotDate, Kind::kIsoDate},
    {kOrganismeDestinataire, Kind::kText},
    {kReglementDestinataire, Kind::kText},
};
constexpr Entry kFeuilleDeSoinsFields[] = {
    {kNumeroFacture, Kind::kText},
    {kAssureNom, Kind::kText},
    {kAssurePrenom, Kind::kText},
    {kAssureNir, Kind::kNirNumber},
    {kBeneficiaireNom, Kind::kText},
    {kBeneficiairePrenom, Kind::kText},
    {kBeneficiaireDateNaissance, Kind::kIsoDate},
    {kPraticienIdentifiant, Kind::kText},
    {kPraticienNom, Kind::kText},
    {kPrescripteurNom, Kind::kText},
    {kPrescriptionDate, Kind::kIsoDate},
    {kMontantTotal, Kind::kAmount},
    {kSignaturePraticien, Kind::kBoolean},
    {kSignaturePatient, Kind::kBoolean},
    {kImpossibiliteSigner, Kind::kBoolean},
};
constexpr Entry kFactureFields[] = {
    {kCategorie, Kind::kText},
    {kNumeroFacture, Kind::kText},
    {kDate, Kind::kIsoDate},
    {kEmetteurNom, Kind::kText},
    {kEmetteurIdentifiant, Kind::kText},
    {kBeneficiaireNom, Kind::kText},
    {kBeneficiairePrenom, Kind::kText},
    {kNumeroAdherent, Kind::kText},
    {kMontantTotal, Kind::kAmount},
    {kAcquittee, Kind::kBoolean},
};
constexpr Entry kPrescriptionFields[] = {
    {kPrescripteurNom, Kind::kText},
    {kPrescripteurIdentifiant, Kind::kText},
    {kDate, Kind::kIsoDate},
    {kPatientNom, Kind::kText},
    {kPatientPrenom, Kind::kText},
    {kRaturee, Kind::kBoolean},
};
constexpr Entry kEntentePrealableFields[] = {
    {kPatientNom, Kind::kText},
    {kPatientPrenom, Kind::kText},
    {kPatientNir, Kind::kNirNumber},
    {kPraticienIdentifiant, Kind::kText},
    {kDate, Kind::kIsoDate},
};
constexpr Entry kAttestationDroitsFields[] = {
    {kNom, Kind::kText},
    {kPrenom, Kind::kText},
    {kNir, Kind::kNirNumber},
    {kDate, Kind::kIsoDate},
};
constexpr Entry kDecompteRoFields[] = {
    {kNir, Kind::kNirNumber},
    {kDateSoins, Kind::kIsoDate},
    {kMontantDepense, Kind::kAmount},
    {kBaseRemboursement, Kind::kAmount},
    {kMontantRembourse, Kind::kAmount},
};
constexpr Entry kDevisFields[] = {
    {kEmetteurNom, Kind::kText},
    {kEmetteurIdentifiant, Kind::kText},
    {kBeneficiaireNom, Kind::kText},
    {kBeneficiairePrenom, Kind::kText},
    {kDate, Kind::kIsoDate},
    {kMontantTotal, Kind::kAmount},
};
constexpr Entry kReclamationFields[] = {
    {kNom, Kind::kText},
    {kPrenom, Kind::kText},
    {kNir, Kind::kNirNumber},
    {kAdresse, Kind::kText},
    {kEmail, Kind::kText},
    {kTelephone, Kind::kText},
    {kEntreprise, Kind::kText},
    {kObjet, Kind::kText},
    {kDate, Kind::kIsoDate},
};
constexpr Entry kRenonciationFields[] = {
    {kNom, Kind::kText},
    {kPrenom, Kind::kText},
    {kAdresse, Kind::kText},
    {kContrat, Kind::kText},
    {kDateSouscription, Kind::kIsoDate},
    {kDate, Kind::kIsoDate},
    {kLieu, Kind::kText},
};
constexpr Entry kCouponEmailFields[] = {
    {kSociete, Kind::kText},
    {kNom, Kind::kText},
    {kPrenom, Kind::kText},
    {kNir, Kind::kNirNumber},
    {kEmail, Kind::kText},
};

}  // namespace

std::span<const Entry> Catalogue(DocumentType type) {
  switch (type) {
    case DocumentType::kBordereau: return kBordereauFields;
    case DocumentType::kFeuilleDeSoins: return kFeuilleDeSoinsFields;
    case DocumentType::kFacture: return kFactureFields;
    case DocumentType::kPrescription: return kPrescriptionFields;
    case DocumentType::kEntentePrealable: return kEntentePrealableFields;
    case DocumentType::kAttestationDroits: return kAttestationDroitsFields;
    case DocumentType::kDecompteRo: return kDecompteRoFields;
    case DocumentType::kDevis: return kDevisFields;
    case DocumentType::kReclamation: return kReclamationFields;
    case DocumentType::kRenonciation: return kRenonciationFields;
    case DocumentType::kCouponEmail: return kCouponEmailFields;
    default: return {};
  }
}

}  // namespace liasse::fields
