// A person under a wording of no data file ("Nom du malade : MORIN
// Michel"): the one nom in capitals beside a prénom on the page that is
// no other field's (the prescriber of the letterhead) and no label's
// ("Numéro AM :") is taken, flagged; two such people, nothing. A word its
// colon follows is a label, not a prénom; a feuille with one person block
// gives it to the assuré and the person receiving the care, flagged.
#include <string>

#include <gtest/gtest.h>

#include "liasse/extractors/extract.h"
#include "document_checks.h"
#include "page_builder.h"

namespace liasse::extractors {
namespace {

using testing::Flagged;
using testing::PageBuilder;
using testing::T;

PageBuilder Ordonnance(const std::string& patient_row) {
  PageBuilder p;
  p.Text(18, 15, "Docteur Hélène SAINT-AIME")
      .Text(18, 21, "Médecin généraliste, sur rendez-vous")
      .Text(18, 27, "80 place du Moulin")
      .Text(18, 33, "97122 BAIE-MAHAULT")
      .Text(18, 39, "Numéro RPPS : 10079218681")
      .Text(18, 45, "Numéro AM : 971158413")
      .Text(90, 60, "Ordonnance", 95, 5)
      .Text(100, 70, "Fait à BAIE-MAHAULT, le 31-10-2024")
      .Text(18, 82, patient_row)
      .Text(18, 95, "Verres correcteurs : OD et OG selon réfraction. Renouvellement de l'équipement optique.");
  return p;
}

TEST(UnlabelledPeople, ThePatientUnderAWordingOfNoFileIsTheOneNameBesideAPrenomFlagged) {
  const Document d = testing::ReadSingle(Ordonnance("Nom du malade : MORIN Michel").Build(), DocumentType::kPrescription);
  EXPECT_EQ(T(d, "prescripteur.nom"), "SAINT-AIME");
  EXPECT_EQ(T(d, "patient.nom"), "MORIN");
  EXPECT_EQ(T(d, "patient.prenom"), "Michel");
  EXPECT_TRUE(Flagged(d, "patient.nom"));
  EXPECT_TRUE(Flagged(d, "patient.prenom"));
  // Two such people: nothing tells which is the patient.
  const Document two =
      testing::ReadSingle(Ordonnance("Nom du malade : MORIN Michel   accompagné de : Julie PERRIN").Build(), DocumentType::kPrescription);
  EXPECT_EQ(T(two, "patient.nom"), "<absent>");
}

// "Pour: MORIN Michel Naissance: 18/05/1989": the word its colon follows
// is the label, not a prénom beside the nom.
TEST(UnlabelledPeople, AnInvoicesPatientAfterALabelOfNoFileBesideABirthDateIsReadFlagged) {
  PageBuilder p;
  p.Text(20, 15, "FACTURE", 95, 5)
      .Text(18, 30, "Atol Les Opticiens")
      .Text(18, 40, "N° de facture : 2025-37204")
      .Text(18, 46, "Pour: MORIN Michel Naissance: 18/05/1989")
      .Text(18, 60, "Date")
      .Text(50, 60, "Désignation")
      .Text(170, 60, "Montant")
      .Text(18, 67, "31/01/2025")
      .Text(50, 67, "Monture OAKLEY OX8046")
      .Text(170, 67, "148,90")
      .Text(120, 80, "Total TTC")
      .Text(170, 80, "148,90");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFacture);
  EXPECT_EQ(T(d, "beneficiaire.nom"), "MORIN");
  EXPECT_EQ(T(d, "beneficiaire.prenom"), "Michel");
  EXPECT_TRUE(Flagged(d, "beneficiaire.nom"));
}

// One person block only ("Titulaire des droits", a heading of no file,
// with the NIR): the person receiving the care is the assuré, flagged.
TEST(UnlabelledPeople, AFeuilleWithOnePersonBlockGivesItToBothTheAssureAndThePatientFlagged) {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 30, "Titulaire des droits")
      .Text(18, 36, "Nom / prénom : MARTIN Isabelle")
      .Text(18, 42, "N° d'immatriculation : 2 56 06 97 120 263 82");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFeuilleDeSoins);
  EXPECT_EQ(T(d, "assure.nom"), "MARTIN");
  EXPECT_EQ(T(d, "beneficiaire.nom"), "MARTIN");
  EXPECT_EQ(T(d, "beneficiaire.prenom"), "Isabelle");
  EXPECT_TRUE(Flagged(d, "beneficiaire.nom"));
  EXPECT_TRUE(Flagged(d, "beneficiaire.prenom"));
}

}  // namespace
}  // namespace liasse::extractors
