#include "lot_fixture.h"

namespace liasse::rules::testing {

using liasse::Document;
using liasse::DocumentType;
using liasse::Field;
using liasse::Line;

Field Text(std::string value) { return Field{std::move(value), 0.99, std::nullopt, std::nullopt}; }
Field Bool(bool value) { return Field{value, 0.99, std::nullopt, std::nullopt}; }

CleanLot MakeCleanLot() {
  struct Patient {
    std::string numero, nir, nom, prenom, naissance, total, amo, amc;
  };
  const std::vector<Patient> patients = {
      {"100000101", "295109912611193", "MARTIN", "Claire", "1995-10-01", "12.60", "7.56", "5.04"},
      {"100000115", "253072B07300470", "DUPONT", "Jean", "1953-07-12", "22.10", "13.26", "8.84"},
      {"100000130", "253072A07300443", "LEROY", "Paul", "1953-07-03", "5.90", "3.54", "2.36"}};
  const std::vector<std::vector<Line>> acts = {
      {Line{{{"date", "2025-09-05"}, {"code", "AMI"}, {"coefficient", "2"}, {"montant", "6.30"}}},
       Line{{{"date", "2025-09-06"}, {"code", "AMI"}, {"coefficient", "2"}, {"montant", "6.30"}}}},
      {Line{{{"date", "2025-09-10"}, {"code", "AMK"}, {"coefficient", "10"}, {"montant", "22.10"}}}},
      {Line{{{"date", "2025-09-12"}, {"code", "AMI"}, {"coefficient", "1"}, {"montant", "3.15"}}},
       Line{{{"date", "2025-09-12"}, {"code", "IFD"}, {"coefficient", "1"}, {"montant", "2.75"}}}}};
  CleanLot lot;
  Document b;
  b.type = DocumentType::kBordereau;
  b.fields = {{"partenaire.identifiant", Text("067805663")}, {"partenaire.nom", Text("LUCAS")},
              {"lot.numero", Text("042")}, {"lot.date", Text("2025-10-01")},
              {"organisme.destinataire", Text("971")}, {"reglement.destinataire", Text("partenaire")}};
  for (const Patient& p : patients) {
    b.lines.push_back(Line{{{"numero_facture", p.numero}, {"nir", p.nir}, {"nom", p.nom}, {"prenom", p.prenom},
                            {"date_naissance", p.naissance}, {"montant_total", p.total}, {"montant_amo", p.amo},
                            {"montant_amc", p.amc}}});
  }
  lot.docs.push_back(b);
  for (size_t i = 0; i < patients.size(); ++i) {
    const Patient& p = patients[i];
    Document f;
    f.type = DocumentType::kFeuilleDeSoins;
    f.fields = {{"numero_facture", Text(p.numero)}, {"assure.nom", Text(p.nom)}, {"assure.prenom", Text(p.prenom)},
                {"assure.nir", Text(p.nir)}, {"beneficiaire.nom", Text(p.nom)},
                {"beneficiaire.prenom", Text(p.prenom)}, {"beneficiaire.date_naissance", Text(p.naissance)},
                {"praticien.identifiant", Text("067805663")}, {"prescription.date", Text("2025-09-01")},
                {"montant_total", Text(p.total)}, {"signature.praticien", Bool(true)},
                {"signature.patient", Bool(true)}, {"impossibilite_signer", Bool(false)}};
    f.lines = acts[i];
    lot.feuilles.push_back(static_cast<int>(lot.docs.size()));
    lot.docs.push_back(f);
    Document pr;
    pr.type = DocumentType::kPrescription;
    pr.fields = {{"prescripteur.nom", Text("DENIS")}, {"date", Text("2025-09-01")}, {"patient.nom", Text(p.nom)},
                 {"patient.prenom", Text(p.prenom)}, {"raturee", Bool(false)}};
    lot.prescriptions.push_back(static_cast<int>(lot.docs.size()));
    lot.docs.push_back(pr);
    lot.numeros.push_back(p.numero);
  }
  return lot;
}

}  // namespace liasse::rules::testing
