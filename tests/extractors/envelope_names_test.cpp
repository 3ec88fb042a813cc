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
  Document d;
  d.type = type;
  d.pages = {page};
  for (const auto& [name, value] : values) d.fields[name] = TextField(value);
  return d;
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
