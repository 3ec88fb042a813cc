#include "liasse/generators/reclamation.h"

#include <gtest/gtest.h>

#include "pdf_probe.h"

namespace liasse::generators {
namespace {

using testing::D;

TEST(Reclamation, AcknowledgmentDueTenWorkingDaysAfterReceiptAcrossChristmas) {
  // Friday 19 December 2025: 25 December and 1 January are holidays.
  const auto e = ComputeEngagements(D(2025, 12, 19));
  EXPECT_EQ(e.accuse_reception_avant, D(2026, 1, 6));
  EXPECT_EQ(e.reponse_avant, D(2026, 2, 19));
}

TEST(Reclamation, AnswerDueTwoMonthsLaterClampedToMonthEnd) {
  EXPECT_EQ(ComputeEngagements(D(2025, 12, 31)).reponse_avant, D(2026, 2, 28));
}

TEST(Reclamation, MissingItemsFollowSeedListAndOrder) {
  ReclamationModel r;
  r.nom = "GARÇON";
  r.prenom = "Jérôme";
  r.adresse = "27 boulevard Voltaire";
  r.email = "j@example.fr";
  r.objet = "remboursement";
  const auto missing = ElementsManquants(r);
  ASSERT_EQ(missing.size(), 3u);
  EXPECT_EQ(missing[0], "Numéro de sécurité sociale de l'adhérent concerné");
  EXPECT_EQ(missing[1], "Coordonnées (n° de téléphone)");
  EXPECT_EQ(missing[2], "Entreprise / Souscripteur du contrat");
}

TEST(Reclamation, NothingMissingWhenEveryItemIsGiven) {
  ReclamationModel r;
  r.nom = "A";
  r.prenom = "B";
  r.nir = "295109912611193";
  r.adresse = "x";
  r.email = "y";
  r.telephone = "z";
  r.entreprise = "ACME";
  r.objet = "cotisation";
  EXPECT_TRUE(ElementsManquants(r).empty());
}

}  // namespace
}  // namespace liasse::generators
