// A feuille de soins whose identification labels are in no data file
// ("CLEF PERSONNELLE", "CODE CONVENTION", "ARRÊTÉ À"): the values are
// found by their kind (a NIR whose key passes, printed one digit per box
// with its key in boxes of its own; a numéro AM whose Luhn key passes;
// the amount the act lines add up to; a numéro AM printed in groups), and flagged only when nothing but
// the kind names their role or two of a kind compete.
#include <algorithm>
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

PageBuilder FeuilleWithUnknownLabels(const std::string& nir_row, const std::string& total_row) {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 40, nir_row)
      .Text(18, 50, "CODE CONVENTION 751 234 568")
      .Text(18, 70, "DATE")
      .Text(50, 70, "ACTE")
      .Text(80, 70, "COEF")
      .Text(120, 70, "MONTANT")
      .Text(18, 77, "05/08/2025")
      .Text(50, 77, "AMI")
      .Text(80, 77, "1")
      .Text(120, 77, "3,15")
      .Text(18, 84, "06/08/2025")
      .Text(50, 84, "AMI")
      .Text(80, 84, "1")
      .Text(120, 84, "3,15")
      .Text(80, 100, total_row);
  return p;
}

Document Read(const PageBuilder& p) { return testing::ReadSingle(p.Build(), DocumentType::kFeuilleDeSoins); }

TEST(ValueFirst, NirInBoxesWithItsKeyApartIsTheAssuresWhenItIsTheOnlyValidOne) {
  const Document d = Read(FeuilleWithUnknownLabels("CLEF PERSONNELLE 2|5|6|0|6|9|7|1|2|0|2|6|3| |8|2", "ARRÊTÉ À 6,30"));
  EXPECT_EQ(T(d, "assure.nir"), "256069712026382");
  EXPECT_FALSE(Flagged(d, "assure.nir"));
}

TEST(ValueFirst, NirInGroupsUnderAnUnknownLabelIsRead) {
  const Document d = Read(FeuilleWithUnknownLabels("CLEF PERSONNELLE 2 56 06 97 120 263 82", "ARRÊTÉ À 6,30"));
  EXPECT_EQ(T(d, "assure.nir"), "256069712026382");
}

TEST(ValueFirst, TwoValidNirsWithoutLabelGoToReviewWithBoth) {
  const Document d = Read(FeuilleWithUnknownLabels("CLEF PERSONNELLE 256069712026382 ET 169029935011101", "ARRÊTÉ À 6,30"));
  EXPECT_EQ(T(d, "assure.nir"), "<absent>");
  ASSERT_TRUE(Flagged(d, "assure.nir"));
  const auto flag = std::find_if(d.review.begin(), d.review.end(), [](const ReviewFlag& f) { return f.field == "assure.nir"; });
  EXPECT_NE(flag->reason.find("256069712026382"), std::string::npos) << flag->reason;
  EXPECT_NE(flag->reason.find("169029935011101"), std::string::npos) << flag->reason;
}

TEST(ValueFirst, NumeroAmInGroupsUnderAnUnknownLabelIsTakenAndFlagged) {
  const Document d = Read(FeuilleWithUnknownLabels("CLEF PERSONNELLE 2 56 06 97 120 263 82", "ARRÊTÉ À 6,30"));
  EXPECT_EQ(T(d, "praticien.identifiant"), "751234568");
  EXPECT_TRUE(Flagged(d, "praticien.identifiant"));
}

// The feuille above with a known label of the praticien's number beside
// twelve digits: no numéro AM there.
PageBuilder FeuilleWhoseNumeroAmLabelHeadsAnotherRow() {
  PageBuilder p = FeuilleWithUnknownLabels("CLEF PERSONNELLE 2 56 06 97 120 263 82", "ARRÊTÉ À 6,30");
  p.Text(18, 58, "N° AM 1052 4460 2913");
  return p;
}

const ReviewFlag* FlagOf(const Document& d, const std::string& field) {
  const auto it = std::find_if(d.review.begin(), d.review.end(), [&](const ReviewFlag& f) { return f.field == field && !f.line; });
  return it == d.review.end() ? nullptr : &*it;
}

TEST(ValueFirst, ANumeroAmFoundByValueIsFlaggedForHowItWasFoundNotForTheNumberBesideItsLabel) {
  const Document d = Read(FeuilleWhoseNumeroAmLabelHeadsAnotherRow());
  EXPECT_EQ(T(d, "praticien.identifiant"), "751234568");
  const ReviewFlag* flag = FlagOf(d, "praticien.identifiant");
  ASSERT_NE(flag, nullptr);
  EXPECT_EQ(flag->reason.find("1052"), std::string::npos) << flag->reason;
  EXPECT_TRUE(flag->reading_doubt) << flag->reason;
}

// A lot's bordereau of partner n° AM 751234568, its one line for the
// feuille of NIR 2 56 06 97 120 263 82.
OcrPage Bordereau() {
  PageBuilder b(0);
  b.Text(40, 20, "BORDEREAU RÉCAPITULATIF DES FACTURES", 95, 4.5)
      .Text(18, 35, "Partenaire de santé : Claire DUVAL")
      .Text(120, 35, "Identifiant : 751234568")
      .Text(18, 42, "N° de lot : 042")
      .Text(120, 42, "Date de constitution : 26/09/2025")
      .Text(18, 60, "N° facture")
      .Text(45, 60, "NIR")
      .Text(95, 60, "Nom")
      .Text(125, 60, "Total")
      .Text(150, 60, "Part AMO")
      .Text(175, 60, "Part AMC")
      .Text(18, 67, "123456789")
      .Text(45, 67, "2 56 06 97 120 263 82")
      .Text(95, 67, "MARTIN")
      .Text(125, 67, "6,30")
      .Text(150, 67, "3,78")
      .Text(175, 67, "2,52");
  return b.Build();
}

// The feuille of the lot (ExtractDocuments over the bordereau, then it).
Document ReadInLot(const PageBuilder& p) {
  OcrPage feuille = p.Build();
  feuille.index = 1;
  const auto docs = ExtractDocuments({Bordereau(), feuille}, nullptr, testing::Options());
  EXPECT_EQ(docs.size(), 2u);
  if (docs.size() != 2) return Document{};
  EXPECT_EQ(docs[1].type, DocumentType::kFeuilleDeSoins);
  return docs[1];
}

TEST(ValueFirst, ANumeroAmFoundByValueIsSettledByTheLotsPartnerReadSurelyWithTheSameNumber) {
  const Document d = ReadInLot(FeuilleWhoseNumeroAmLabelHeadsAnotherRow());
  EXPECT_EQ(T(d, "praticien.identifiant"), "751234568");
  EXPECT_FALSE(Flagged(d, "praticien.identifiant"));
}

TEST(ValueFirst, ANirsFirstDigitOnlyTheKeyChoseStaysForAPersonEvenWhenTheBordereauAgrees) {
  // The sex digit lost: the key alone chooses 1 or 2.
  const PageBuilder p = FeuilleWithUnknownLabels("N° d'immatriculation 56 06 97 120 263 82", "ARRÊTÉ À 6,30");
  const Document in_lot = ReadInLot(p);
  EXPECT_EQ(T(in_lot, "assure.nir"), "256069712026382");
  EXPECT_TRUE(Flagged(in_lot, "assure.nir"));
}

TEST(ValueFirst, ANirInBoxesTheOcrReadWithTheirRulesIsToldFromTheRulesWhenNoBoxCanBeReread) {
  // No page raster: only the OCR's own reading, a blank before its first rule.
  const PageBuilder p = FeuilleWithUnknownLabels("CLEF PERSONNELLE  |2[5[6[0161917111210121613| |[812|", "ARRÊTÉ À 6,30");
  const Document alone = Read(p);
  EXPECT_EQ(T(alone, "assure.nir"), "256069712026382");
  EXPECT_TRUE(Flagged(alone, "assure.nir"));  // a doubt of the reading
  const Document in_lot = ReadInLot(p);
  EXPECT_EQ(T(in_lot, "assure.nir"), "256069712026382");
  EXPECT_FALSE(Flagged(in_lot, "assure.nir"));  // the bordereau's line reads it surely
}

TEST(ValueFirst, TotalUnderAnUnknownLabelIsTheAmountTheActsAddUpTo) {
  const Document d = Read(FeuilleWithUnknownLabels("CLEF PERSONNELLE 2 56 06 97 120 263 82", "ARRÊTÉ À 6,30"));
  EXPECT_EQ(T(d, "montant_total"), "6.30");
  EXPECT_FALSE(Flagged(d, "montant_total"));
}

TEST(ValueFirst, AnAmountTheActsDoNotAddUpToIsNoTotal) {
  const Document d = Read(FeuilleWithUnknownLabels("CLEF PERSONNELLE 2 56 06 97 120 263 82", "ARRÊTÉ À 9,45"));
  EXPECT_EQ(T(d, "montant_total"), "<absent>");
  EXPECT_TRUE(Flagged(d, "montant_total"));
}

TEST(ValueFirst, AnActTableColumnHeadedInNoWordingIsTheDateColumnByItsDates) {
  // "QUAND" is in no data file; the other headers are.
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 70, "QUAND")
      .Text(50, 70, "ACTE")
      .Text(80, 70, "COEF")
      .Text(120, 70, "MONTANT")
      .Text(18, 77, "05/08/2025")
      .Text(50, 77, "AMI")
      .Text(80, 77, "1")
      .Text(120, 77, "3,15")
      .Text(18, 84, "06/08/2025")
      .Text(50, 84, "AIS")
      .Text(80, 84, "3")
      .Text(120, 84, "7,95");
  const Document d = Read(p);
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(testing::L(d.lines[0], "date"), "2025-08-05");
  EXPECT_EQ(testing::L(d.lines[1], "date"), "2025-08-06");
  EXPECT_EQ(testing::L(d.lines[1], "code"), "AIS");
}

TEST(ValueFirst, AnActCodeColumnHeadedInNoWordingIsTheColumnOfActCodes) {
  // "TYPE" is in no data file; the coefficient comes first.
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 70, "COEF")
      .Text(40, 70, "DATE")
      .Text(80, 70, "TYPE")
      .Text(120, 70, "MONTANT")
      .Text(18, 77, "1")
      .Text(40, 77, "05/08/2025")
      .Text(80, 77, "AMI")
      .Text(120, 77, "3,15")
      .Text(18, 84, "3")
      .Text(40, 84, "06/08/2025")
      .Text(80, 84, "AIS")
      .Text(120, 84, "7,95");
  const Document d = Read(p);
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(testing::L(d.lines[0], "code"), "AMI");
  EXPECT_EQ(testing::L(d.lines[0], "coefficient"), "1");
  EXPECT_EQ(testing::L(d.lines[1], "code"), "AIS");
  EXPECT_EQ(testing::L(d.lines[1], "coefficient"), "3");
  EXPECT_EQ(testing::L(d.lines[1], "date"), "2025-08-06");
}

Document WithPrescriber(const std::string& row) {
  // No label: the doctor's title names the prescriber.
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5).Text(18, 46, row);
  return Read(p);
}

TEST(ValueFirst, ThePrescriberIsTheNameAfterADoctorsTitle) {
  const Document d = WithPrescriber("Dr Julie PERRIN - RPPS 10820942229");
  EXPECT_EQ(T(d, "prescripteur.nom"), "PERRIN");
  EXPECT_FALSE(Flagged(d, "prescripteur.nom"));
}

TEST(ValueFirst, ANameAllInCapitalsAfterATitleIsItsLastWordFlagged) {
  const Document d = WithPrescriber("DR NATHAN MEUNIER RPPS 10820942229");
  EXPECT_EQ(T(d, "prescripteur.nom"), "MEUNIER");
  EXPECT_TRUE(Flagged(d, "prescripteur.nom"));
}

}  // namespace
}  // namespace liasse::extractors
