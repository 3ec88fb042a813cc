// One value printed in several places of an envelope (the praticien on the
// feuille and as the bordereau's partner, the prescriber on the feuille and
// the prescription, a surname for the assuré and the bénéficiaire): a doubt
// of the reading alone settled by another place read without doubt.
#include "envelope_witnesses.h"

#include <gtest/gtest.h>

#include "document_checks.h"

namespace liasse::extractors::internal {
namespace {

using testing::Flagged;
using testing::ReadingDoubt;
using testing::T;
using testing::TextField;

Document Of(DocumentType type, int page, std::initializer_list<std::pair<const char*, const char*>> values) {
  return testing::DocumentOf(type, page, values);
}

TEST(EnvelopeWitnesses, ThePraticiensDoubtfulNumberOnAFeuilleIsSettledByTheBordereausSurePartner) {
  std::vector<Document> docs = {Of(DocumentType::kBordereau, 0, {{"partenaire.identifiant", "596991778"}}),
                                Of(DocumentType::kFeuilleDeSoins, 1, {{"praticien.identifiant", "596991778"}})};
  docs[1].review.push_back(ReadingDoubt("praticien.identifiant"));
  EXPECT_EQ(ConfirmByOtherPrintings(docs), 1);
  EXPECT_FALSE(Flagged(docs[1], "praticien.identifiant"));
  EXPECT_EQ(T(docs[1], "praticien.identifiant"), "596991778");
}

TEST(EnvelopeWitnesses, AFeuillesSurePrescriberSettlesThePrescriptionsDoubtAndTheOtherWayRound) {
  std::vector<Document> docs = {Of(DocumentType::kFeuilleDeSoins, 0, {{"prescripteur.nom", "BELAIR"}}),
                                Of(DocumentType::kPrescription, 1, {{"prescripteur.nom", "BELAIR"}})};
  docs[1].review.push_back(ReadingDoubt("prescripteur.nom"));
  EXPECT_EQ(ConfirmByOtherPrintings(docs), 1);
  EXPECT_FALSE(Flagged(docs[1], "prescripteur.nom"));

  std::swap(docs[0].review, docs[1].review);
  docs[0].review.push_back(ReadingDoubt("prescripteur.nom"));
  EXPECT_EQ(ConfirmByOtherPrintings(docs), 1);
  EXPECT_FALSE(Flagged(docs[0], "prescripteur.nom"));
}

TEST(EnvelopeWitnesses, TheBeneficiarysSurnameIsSettledByTheAssuresOnTheSameFeuille) {
  std::vector<Document> docs = {
      Of(DocumentType::kFeuilleDeSoins, 0, {{"assure.nom", "DUFOUR"}, {"beneficiaire.nom", "DUFOUR"}})};
  docs[0].review.push_back(ReadingDoubt("beneficiaire.nom"));
  EXPECT_EQ(ConfirmByOtherPrintings(docs), 1);
  EXPECT_FALSE(Flagged(docs[0], "beneficiaire.nom"));
}

TEST(EnvelopeWitnesses, ADifferentValueOrAnUnrelatedFieldSettlesNothing) {
  std::vector<Document> docs = {
      Of(DocumentType::kBordereau, 0, {{"partenaire.identifiant", "596991778"}, {"partenaire.nom", "DUBOIS"}}),
      Of(DocumentType::kFeuilleDeSoins, 1,
         {{"praticien.identifiant", "596991779"}, {"prescripteur.nom", "DUBOIS"}, {"beneficiaire.prenom", "DUBOIS"}})};
  for (const char* f : {"praticien.identifiant", "prescripteur.nom", "beneficiaire.prenom"}) {
    docs[1].review.push_back(ReadingDoubt(f));
  }
  EXPECT_EQ(ConfirmByOtherPrintings(docs), 0);
  EXPECT_TRUE(Flagged(docs[1], "praticien.identifiant"));
  EXPECT_TRUE(Flagged(docs[1], "prescripteur.nom"));
  EXPECT_TRUE(Flagged(docs[1], "beneficiaire.prenom"));
}

TEST(EnvelopeWitnesses, TwoDoubtfulReadingsThatAgreeStayFlagged) {
  std::vector<Document> docs = {Of(DocumentType::kFeuilleDeSoins, 0, {{"praticien.nom", "DUBOIS"}}),
                                Of(DocumentType::kFeuilleDeSoins, 1, {{"praticien.nom", "DUBOIS"}}),
                                Of(DocumentType::kBordereau, 2, {{"partenaire.nom", "DUBOIS"}})};
  for (auto& d : docs) d.review.push_back(ReadingDoubt(d.type == DocumentType::kBordereau ? "partenaire.nom" : "praticien.nom"));
  EXPECT_EQ(ConfirmByOtherPrintings(docs), 0);
  for (const auto& d : docs) EXPECT_EQ(d.review.size(), 1u);
}

TEST(EnvelopeWitnesses, AWitnessWithAnAnomalyOrADoubtThatIsNotOfTheReadingAloneConfirmsNothingAndIsNotConfirmed) {
  std::vector<Document> docs = {Of(DocumentType::kBordereau, 0, {{"partenaire.nom", "DUBOIS"}}),
                                Of(DocumentType::kFeuilleDeSoins, 1, {{"praticien.nom", "DUBOIS"}})};
  docs[0].review.push_back({"partenaire.nom", std::nullopt, "différent de celui de la feuille : à vérifier", false});
  docs[1].review.push_back(ReadingDoubt("praticien.nom"));
  EXPECT_EQ(ConfirmByOtherPrintings(docs), 0);
  EXPECT_TRUE(Flagged(docs[0], "partenaire.nom"));
  EXPECT_TRUE(Flagged(docs[1], "praticien.nom"));
}

TEST(EnvelopeWitnesses, TheOnePrintingOfTheLotsPartnerReadOneLetterShortIsFlagged) {
  std::vector<Document> docs = {Of(DocumentType::kBordereau, 0, {{"partenaire.nom", "MULLE"}}),
                                Of(DocumentType::kFeuilleDeSoins, 1, {{"praticien.nom", "MULLER"}}),
                                Of(DocumentType::kFeuilleDeSoins, 2, {{"praticien.nom", "MULLER"}})};
  EXPECT_EQ(FlagNearlyAlikePrintings(docs), 1);
  EXPECT_TRUE(Flagged(docs[0], "partenaire.nom"));
  EXPECT_FALSE(Flagged(docs[1], "praticien.nom"));
  EXPECT_EQ(T(docs[0], "partenaire.nom"), "MULLE");  // flagged, never changed
}

TEST(EnvelopeWitnesses, ASurnameTheOcrCutInTwoOnAFeuilleIsFlaggedBesideTheSameSurnameWhole) {
  std::vector<Document> docs = {
      Of(DocumentType::kFeuilleDeSoins, 0, {{"assure.nom", "DAVID"}, {"beneficiaire.nom", "DA VID"}})};
  EXPECT_EQ(FlagNearlyAlikePrintings(docs), 2);  // one document, one witness each: both
  EXPECT_TRUE(Flagged(docs[0], "beneficiaire.nom"));
  EXPECT_TRUE(Flagged(docs[0], "assure.nom"));
}

TEST(EnvelopeWitnesses, PatientsOfTwoFeuillesOrPrenomsOneLetterApartAreOtherPeople) {
  std::vector<Document> docs = {
      Of(DocumentType::kFeuilleDeSoins, 0, {{"assure.nom", "GIRARD"}, {"assure.prenom", "Louis"}, {"beneficiaire.prenom", "Louise"}}),
      Of(DocumentType::kFeuilleDeSoins, 1, {{"assure.nom", "GIRAUD"}})};
  EXPECT_EQ(FlagNearlyAlikePrintings(docs), 0);
  for (const auto& d : docs) EXPECT_TRUE(d.review.empty());
}

TEST(EnvelopeWitnesses, TheSameReadingEverywhereOrAnotherPersonFarApartFlagsNothing) {
  std::vector<Document> docs = {Of(DocumentType::kBordereau, 0, {{"partenaire.nom", "HENRY"}}),
                                Of(DocumentType::kFeuilleDeSoins, 1, {{"praticien.nom", "HENRY"}, {"prescripteur.nom", "BOYER"}}),
                                Of(DocumentType::kPrescription, 2, {{"prescripteur.nom", "MOREL"}})};
  EXPECT_EQ(FlagNearlyAlikePrintings(docs), 0);
}

TEST(EnvelopeWitnesses, ThePatientOfAPrescriptionWithTheSamePrenomWitnessesTheFeuillesBeneficiary) {
  // The assuré's nom printed on the same feuille in the same font, split alike, is no second witness.
  std::vector<Document> docs = {
      Of(DocumentType::kFeuilleDeSoins, 0,
         {{"assure.nom", "DA VID"}, {"assure.prenom", "Rémi"}, {"beneficiaire.nom", "DA VID"}, {"beneficiaire.prenom", "Brigitte"}}),
      Of(DocumentType::kPrescription, 1, {{"patient.nom", "DAVID"}, {"patient.prenom", "Brigitte"}}),
      Of(DocumentType::kPrescription, 2, {{"patient.nom", "DAVID"}, {"patient.prenom", "Brigitte"}})};
  EXPECT_EQ(FlagNearlyAlikePrintings(docs), 1);
  EXPECT_TRUE(Flagged(docs[0], "beneficiaire.nom"));
  docs[0].review.clear();
  docs[1].fields["patient.prenom"] = TextField("Paul");  // another person of the family: no witness
  docs[2].fields["patient.prenom"] = TextField("Paul");
  EXPECT_EQ(FlagNearlyAlikePrintings(docs), 0);
}

TEST(EnvelopeWitnesses, ASureReadingBesideANearlyAlikeOneAlreadyInReviewStands) {
  std::vector<Document> docs = {
      Of(DocumentType::kFeuilleDeSoins, 0, {{"beneficiaire.nom", "DENIS"}, {"beneficiaire.prenom", "Louis"}}),
      Of(DocumentType::kPrescription, 1, {{"patient.nom", "DENTS"}, {"patient.prenom", "Louis"}})};
  docs[1].review.push_back(ReadingDoubt("patient.nom"));
  EXPECT_EQ(FlagNearlyAlikePrintings(docs), 0);
  EXPECT_FALSE(Flagged(docs[0], "beneficiaire.nom"));
}

}  // namespace
}  // namespace liasse::extractors::internal
