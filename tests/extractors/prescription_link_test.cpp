// The prescription date of a feuille de soins against the prescription of
// the same patient in the envelope: a doubtful reading settled by the
// other, an unread one taken from it and still flagged.
#include "prescription_link.h"

#include <gtest/gtest.h>

#include "document_checks.h"

namespace liasse::extractors::internal {
namespace {

using testing::Flagged;
using testing::ReadingDoubt;
using testing::T;
using testing::TextField;

// A feuille for MARTIN whose prescription is dated 2025-03-14, and that
// prescription.
std::vector<Document> Envelope(const std::string& on_feuille, const std::string& on_prescription) {
  Document feuille;
  feuille.type = DocumentType::kFeuilleDeSoins;
  feuille.pages = {0};
  feuille.fields["beneficiaire.nom"] = TextField("MARTIN");
  feuille.fields["prescription.date"] = TextField(on_feuille);
  Document prescription;
  prescription.type = DocumentType::kPrescription;
  prescription.pages = {1};
  prescription.fields["patient.nom"] = TextField("MARTIN");
  prescription.fields["date"] = TextField(on_prescription);
  return {feuille, prescription};
}

TEST(PrescriptionLink, ADoubtfulDateOnTheFeuilleIsSettledByTheSameDateReadSurelyOnThePrescription) {
  auto docs = Envelope("2025-03-14", "2025-03-14");
  docs[0].review.push_back(ReadingDoubt("prescription.date"));
  LinkPrescriptionDates(docs);
  EXPECT_FALSE(Flagged(docs[0], "prescription.date"));
  EXPECT_EQ(T(docs[0], "prescription.date"), "2025-03-14");
}

TEST(PrescriptionLink, ADoubtfulDateOnThePrescriptionIsSettledByTheFeuillesSureReading) {
  auto docs = Envelope("2025-03-14", "2025-03-14");
  docs[1].review.push_back(ReadingDoubt("date"));
  LinkPrescriptionDates(docs);
  EXPECT_FALSE(Flagged(docs[1], "date"));
}

TEST(PrescriptionLink, DatesThatAgreeSettleNothingForAnotherPatientOrWhenBothAreDoubtful) {
  auto other = Envelope("2025-03-14", "2025-03-14");
  other[1].fields["patient.nom"] = TextField("DURAND");
  other[0].review.push_back(ReadingDoubt("prescription.date"));
  auto both = Envelope("2025-03-14", "2025-03-14");
  both[0].review.push_back(ReadingDoubt("prescription.date"));
  both[1].review.push_back(ReadingDoubt("date"));
  LinkPrescriptionDates(other);
  LinkPrescriptionDates(both);
  EXPECT_TRUE(Flagged(other[0], "prescription.date"));
  EXPECT_TRUE(Flagged(both[0], "prescription.date"));
  EXPECT_TRUE(Flagged(both[1], "date"));
}

TEST(PrescriptionLink, AFlagThatIsNotADoubtOfReadingStaysWhenTheDatesAgree) {
  auto docs = Envelope("2025-03-14", "2025-03-14");
  docs[0].review.push_back({"prescription.date", std::nullopt, "date postérieure aux soins : à vérifier"});
  LinkPrescriptionDates(docs);
  EXPECT_TRUE(Flagged(docs[0], "prescription.date"));
}

TEST(PrescriptionLink, ADateMisreadOnTheFeuilleIsTakenFromThePrescriptionAndStaysFlagged) {
  auto docs = Envelope("2025-08-14", "2025-03-14");
  docs[0].review.push_back(ReadingDoubt("prescription.date"));
  LinkPrescriptionDates(docs);
  EXPECT_EQ(T(docs[0], "prescription.date"), "2025-03-14");
  ASSERT_TRUE(Flagged(docs[0], "prescription.date"));
  EXPECT_NE(docs[0].review.front().reason.find("repris de la prescription"), std::string::npos);
}

}  // namespace
}  // namespace liasse::extractors::internal

namespace liasse::extractors::internal {
namespace {

TEST(PrescriptionLink, AnotherPersonOfTheSameNomIsNoPatientOfTheFeuille) {
  // The feuille of MARTIN Léa, its date read beside no label of the data;
  // the prescription of MARTIN Paul, two digits apart, is not hers.
  auto docs = Envelope("2025-03-14", "2025-03-23");
  docs[0].fields["beneficiaire.prenom"] = TextField("Léa");
  docs[1].fields["patient.prenom"] = TextField("Paul");
  docs[0].review.push_back({"prescription.date", std::nullopt, "libellé introuvable ; seule date récente hors du tableau, son rôle est à vérifier"});
  LinkPrescriptionDates(docs);
  EXPECT_EQ(T(docs[0], "prescription.date"), "2025-03-14");
}

}  // namespace
}  // namespace liasse::extractors::internal
