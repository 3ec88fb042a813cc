// A person under a wording of no data file ("Nom du malade : MORIN
// Michel"): the one nom in capitals beside a prénom on the page that is
// no other field's (the prescriber of the letterhead) and no label's
// ("Numéro AM :") is taken, flagged; two such people, nothing.
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

}  // namespace
}  // namespace liasse::extractors
