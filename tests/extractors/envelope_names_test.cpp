// A person's nom and prénom read in capitals ("CHRISTIAN DUFOUR"): the
// print tells neither their order nor the prénom's accents. Another
// printing of the same two names in the envelope, the nom in capitals and
// the prénom in small letters, settles both; nothing else does.
#include "envelope_names.h"

#include <gtest/gtest.h>

#include "document_checks.h"

namespace liasse::extractors::internal {
namespace {

using testing::Flagged;
using testing::T;
using testing::TextField;

Document Of(DocumentType type, int page, std::initializer_list<std::pair<const char*, const char*>> values) {
  return testing::DocumentOf(type, page, values);
}

// A prescription whose patient was printed "CHRISTIAN DUFOUR": the first word taken for the nom, both flagged.
Document PrescriptionInCapitals(const char* first, const char* second) {
  Document d = Of(DocumentType::kPrescription, 2, {{"patient.nom", first}, {"patient.prenom", second}});
  const std::string reason = std::string(kNomPrenomInCapitals) + " (« ...) : le nom lu en premier, à vérifier";
  d.review.push_back({"patient.nom", std::nullopt, reason});
  d.review.push_back({"patient.prenom", std::nullopt, reason});
  return d;
}

TEST(EnvelopeNames, NamesInCapitalsTakeTheOrderAndAccentsOfTheFeuillesPrintingInSmallLetters) {
  std::vector<Document> docs = {Of(DocumentType::kFeuilleDeSoins, 1, {{"beneficiaire.nom", "DUFOUR"}, {"beneficiaire.prenom", "Gérard"}}),
                                PrescriptionInCapitals("GERARD", "Dufour")};
  EXPECT_EQ(SettleNamesInCapitals(docs), 1);
  EXPECT_EQ(T(docs[1], "patient.nom"), "DUFOUR");
  EXPECT_EQ(T(docs[1], "patient.prenom"), "Gérard");
  EXPECT_FALSE(Flagged(docs[1], "patient.nom"));
  EXPECT_FALSE(Flagged(docs[1], "patient.prenom"));
}

TEST(EnvelopeNames, ABordereauLinesColumnsTellTheOrderOfAFeuillesNamesInCapitals) {
  Document bordereau;
  bordereau.type = DocumentType::kBordereau;
  bordereau.pages = {0};
  bordereau.lines.push_back({{{"nom", "MULLER"}, {"prenom", "Hélène"}}});
  Document feuille = Of(DocumentType::kFeuilleDeSoins, 1, {{"assure.nom", "MULLER"}, {"assure.prenom", "Helene"}});
  feuille.review.push_back({"assure.prenom", std::nullopt, std::string(kPrenomInCapitals) + " : « HELENE », à vérifier"});
  std::vector<Document> docs = {bordereau, feuille};
  EXPECT_EQ(SettleNamesInCapitals(docs), 1);
  EXPECT_EQ(T(docs[1], "assure.prenom"), "Hélène");
  EXPECT_FALSE(Flagged(docs[1], "assure.prenom"));
}

TEST(EnvelopeNames, ALowConfidenceOnTheNomGoesWithTheCapitalsWhenTheOtherPrintingIsSure) {
  std::vector<Document> docs = {Of(DocumentType::kPrescription, 2, {{"patient.nom", "BLANCHARD"}, {"patient.prenom", "Stéphanie"}}),
                                PrescriptionInCapitals("BLANCHARD", "Stephanie")};
  docs[1].pages = {1};
  docs[1].review.front() = testing::ReadingDoubt("patient.nom");
  EXPECT_EQ(SettleNamesInCapitals(docs), 1);
  EXPECT_EQ(T(docs[1], "patient.prenom"), "Stéphanie");
  EXPECT_FALSE(Flagged(docs[1], "patient.nom"));
  EXPECT_FALSE(Flagged(docs[1], "patient.prenom"));
}

TEST(EnvelopeNames, AnotherPrintingInCapitalsTellsNothing) {
  std::vector<Document> docs = {PrescriptionInCapitals("CHRISTIAN", "Dufour"), PrescriptionInCapitals("DUFOUR", "Christian")};
  docs[1].pages = {3};
  EXPECT_EQ(SettleNamesInCapitals(docs), 0);
  EXPECT_EQ(T(docs[0], "patient.nom"), "CHRISTIAN");
  EXPECT_TRUE(Flagged(docs[0], "patient.nom"));
}

TEST(EnvelopeNames, APairWithAnotherDoubtThanItsCapitalsKeepsItsReading) {
  std::vector<Document> docs = {Of(DocumentType::kFeuilleDeSoins, 1, {{"beneficiaire.nom", "DUFOUR"}, {"beneficiaire.prenom", "Christian"}}),
                                PrescriptionInCapitals("CHRISTIAN", "Dufour")};
  docs[1].review.front().reason = "libellé introuvable ; son rôle est à vérifier";
  EXPECT_EQ(SettleNamesInCapitals(docs), 0);
  EXPECT_EQ(T(docs[1], "patient.nom"), "CHRISTIAN");
}

TEST(EnvelopeNames, TwoPrintingsThatDisagreeSettleNothing) {
  std::vector<Document> docs = {Of(DocumentType::kFeuilleDeSoins, 1, {{"beneficiaire.nom", "DUFOUR"}, {"beneficiaire.prenom", "Christian"}}),
                                Of(DocumentType::kFeuilleDeSoins, 3, {{"assure.nom", "CHRISTIAN"}, {"assure.prenom", "Dufour"}}),
                                PrescriptionInCapitals("CHRISTIAN", "Dufour")};
  EXPECT_EQ(SettleNamesInCapitals(docs), 0);
  EXPECT_TRUE(Flagged(docs[2], "patient.prenom"));
}

}  // namespace
}  // namespace liasse::extractors::internal

namespace liasse::extractors::internal {
namespace {

using testing::Flagged;
using testing::TextField;

Document Person(DocumentType type, int page, const std::string& person, const char* nom, const char* prenom) {
  Document d;
  d.type = type;
  d.pages = {page};
  d.fields[person + "nom"] = TextField(nom);
  d.fields[person + "prenom"] = TextField(prenom);
  return d;
}

TEST(EnvelopeNames, ABeneficiaryWhoseBlockHeadingIsInNoWordingIsConfirmedByThePrescriptionsPatient) {
  std::vector<Document> docs = {Person(DocumentType::kFeuilleDeSoins, 1, "beneficiaire.", "DUFOUR", "Christian"),
                                Person(DocumentType::kPrescription, 2, "patient.", "DUFOUR", "Christian")};
  const std::string reason = std::string(kRoleOfTheBlocksName) + ", dont l'intitulé est inconnu : à vérifier";
  docs[0].review.push_back({"beneficiaire.nom", std::nullopt, reason});
  docs[0].review.push_back({"beneficiaire.prenom", std::nullopt, reason});
  EXPECT_EQ(SettleRolesOfNames(docs), 1);
  EXPECT_FALSE(Flagged(docs[0], "beneficiaire.nom"));
  EXPECT_FALSE(Flagged(docs[0], "beneficiaire.prenom"));
}

TEST(EnvelopeNames, AnAssuresNamesMatchingAPrescriptionsPatientKeepTheirRoleInDoubt) {
  // The prescription names the patient, not the assuré: the block may be
  // the patient's whom the reader took for the assuré.
  std::vector<Document> docs = {Person(DocumentType::kFeuilleDeSoins, 1, "assure.", "DUFOUR", "Christian"),
                                Person(DocumentType::kPrescription, 2, "patient.", "DUFOUR", "Christian")};
  docs[0].review.push_back({"assure.nom", std::nullopt, std::string(kRoleByElimination) + " : son rôle est à vérifier"});
  EXPECT_EQ(SettleRolesOfNames(docs), 0);
  EXPECT_TRUE(Flagged(docs[0], "assure.nom"));
}

TEST(EnvelopeNames, AnAssureIsConfirmedByHisBordereauLineButNotByAnotherPrenom) {
  Document bordereau;
  bordereau.type = DocumentType::kBordereau;
  bordereau.pages = {0};
  bordereau.lines.push_back({{{"nom", "MULLER"}, {"prenom", "Hélène"}}});
  const std::string reason = std::string(kRoleOfThePagesOnlyName) + " hors de l'en-tête, son rôle est à vérifier";
  std::vector<Document> docs = {bordereau, Person(DocumentType::kFeuilleDeSoins, 1, "assure.", "MULLER", "Helene"),
                                Person(DocumentType::kFeuilleDeSoins, 2, "assure.", "MULLER", "Paul")};
  docs[1].review.push_back({"assure.nom", std::nullopt, reason});
  docs[2].review.push_back({"assure.nom", std::nullopt, reason});
  EXPECT_EQ(SettleRolesOfNames(docs), 1);
  EXPECT_FALSE(Flagged(docs[1], "assure.nom"));
  EXPECT_TRUE(Flagged(docs[2], "assure.nom"));
}

TEST(EnvelopeNames, ABeneficiaryInDoubtOfRoleAndReadInCapitalsTakesThePrescriptionsPrinting) {
  // The nom flagged for its block, the prénom for its capitals (one flag a
  // field): the prescription's patient, printed in small letters, settles both.
  std::vector<Document> docs = {Person(DocumentType::kFeuilleDeSoins, 1, "beneficiaire.", "VINCENT", "Helene"),
                                Person(DocumentType::kPrescription, 2, "patient.", "VINCENT", "Hélène")};
  docs[0].review.push_back({"beneficiaire.nom", std::nullopt, std::string(kRoleByElimination) + " : son rôle est à vérifier"});
  docs[0].review.push_back({"beneficiaire.prenom", std::nullopt, std::string(kPrenomInCapitals) + " : « HELENE », à vérifier"});
  EXPECT_EQ(SettleRolesOfNames(docs), 1);
  EXPECT_EQ(T(docs[0], "beneficiaire.prenom"), "Hélène");
  EXPECT_FALSE(Flagged(docs[0], "beneficiaire.nom"));
  EXPECT_FALSE(Flagged(docs[0], "beneficiaire.prenom"));
}

}  // namespace
}  // namespace liasse::extractors::internal
