// A feuille de soins's total printed in the amounts' column, far right of
// its label: the total is read all the same.
#include <string>

#include <gtest/gtest.h>

#include "liasse/extractors/extract.h"
#include "document_checks.h"
#include "page_builder.h"

namespace liasse::extractors {
namespace {

using testing::PageBuilder;
using testing::T;

Document Read(const PageBuilder& p) { return testing::ReadSingle(p.Build(), DocumentType::kFeuilleDeSoins); }

TEST(FeuilleTotal, TheTotalStandsFarRightOfItsLabelInTheAmountsColumn) {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5).Text(60, 120, "Total :").Text(160, 120, "73,75 €");
  EXPECT_EQ(T(Read(p), "montant_total"), "73.75");
}

// "5190 €" far right of "Total": 51,90 whose comma the OCR lost, or 5 190 €?
// Nothing so far from the label tells: the field goes to review.
TEST(FeuilleTotal, AFarTotalWithoutCentsIsFlagged) {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5).Text(60, 120, "Total :").Text(160, 120, "5190 €");
  const Document d = Read(p);
  EXPECT_TRUE(T(d, "montant_total") == "<absent>" || testing::Flagged(d, "montant_total")) << T(d, "montant_total");
}

// Beside its label an amount without cents is as printed.
TEST(FeuilleTotal, ATotalWithoutCentsBesideItsLabelStands) {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5).Text(60, 120, "Total :").Text(80, 120, "52 €");
  const Document d = Read(p);
  EXPECT_EQ(T(d, "montant_total"), "52.00");
  EXPECT_FALSE(testing::Flagged(d, "montant_total"));
}

// "25.20 ©)": the euro sign read as specks beside the amount.
TEST(FeuilleTotal, ATotalWithItsEuroSignReadAsSpecksIsTheAmount) {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5).Text(60, 120, "Total :").Text(80, 120, "25.20 ©)");
  EXPECT_EQ(T(Read(p), "montant_total"), "25.20");
}

// The totals row under a wording of no data file ("ARRÊTÉ À PAYER 9,45"),
// read as one more act line without a date: the amount the acts before it
// add up to is the total all the same (that the row is no act is the act
// table's to tell).
TEST(FeuilleTotal, ATotalsRowReadAsAnUndatedActLineStillGivesTheTotalOfTheActs) {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
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
      .Text(80, 84, "2")
      .Text(120, 84, "6,30")
      .Text(18, 91, "ARRÊTÉ À PAYER")
      .Text(120, 91, "9,45");
  const Document d = Read(p);
  EXPECT_EQ(T(d, "montant_total"), "9.45");
}

}  // namespace
}  // namespace liasse::extractors
