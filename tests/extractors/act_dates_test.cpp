// The dates of a feuille de soins weighed against each other: the acts are
// written in the order they were given and after the prescription, so a
// date out of that order is a misreading (of it or of the other date),
// flagged; a year the OCR misread into the future ("2073" among dates of
// 2023) does not make the page's real dates look years old; and a
// prescription date whose label heads a row holding no date is the one
// recent date above the acts, flagged.
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

Document Read(const PageBuilder& p) { return testing::ReadSingle(p.Build(), DocumentType::kFeuilleDeSoins); }

// A feuille with the prescription row `prescription` and acts on `dates`.
PageBuilder Feuille(const std::string& prescription, const std::vector<std::string>& dates) {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5).Text(18, 30, "Prescription").Text(18, 36, prescription);
  p.Text(18, 60, "Date").Text(50, 60, "Code").Text(80, 60, "Coefficient").Text(120, 60, "Montant");
  double y = 67;
  for (const auto& d : dates) {
    p.Text(18, y, d).Text(50, y, "AMI").Text(80, y, "1").Text(120, y, "3,15");
    y += 7;
  }
  return p;
}

TEST(ActDates, AnActDatedBeforeAnEarlierRowIsFlaggedWithThatRow) {
  const Document d = Read(Feuille("Date de la prescription : 01/09/2023", {"25/09/2023", "26/09/2023", "18/09/2023", "28/09/2023"}));
  ASSERT_EQ(d.lines.size(), 4u);
  EXPECT_TRUE(Flagged(d, "date", 2));
  EXPECT_TRUE(Flagged(d, "date", 1));
  EXPECT_FALSE(Flagged(d, "date", 0));
  EXPECT_FALSE(Flagged(d, "date", 3));
}

TEST(ActDates, AnActDatedBeforeThePrescriptionIsFlagged) {
  const Document d = Read(Feuille("Date de la prescription : 16/09/2023", {"25/09/2023", "30/04/2024"}));
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_FALSE(Flagged(d, "date", 0));
  const Document before = Read(Feuille("Date de la prescription : 16/09/2023", {"30/04/2023", "25/09/2023"}));
  ASSERT_EQ(before.lines.size(), 2u);
  EXPECT_TRUE(Flagged(before, "date", 0));
}

// Under the heading "Prescription" the prescriber's row, no date; the date
// stands far right on that row after a word of no wording.
PageBuilder PrescriptionRows(const std::vector<std::string>& dates) {
  PageBuilder p = Feuille("Médecin : DR SEAN DUPONT - RPPS 10508368690", dates);
  p.Text(150, 36, "Émise : 28/09/2023");
  return p;
}

TEST(ActDates, APrescriptionDateWhoseLabelsRowHoldsNoDateIsTheOneRecentDateAboveTheActsFlagged) {
  const Document d = Read(PrescriptionRows({"09/10/2023", "13/10/2023", "14/10/2023"}));
  EXPECT_EQ(T(d, "prescription.date"), "2023-09-28");
  EXPECT_TRUE(Flagged(d, "prescription.date"));
}

TEST(ActDates, AnActYearMisreadIntoTheFutureDoesNotMakeThePrescriptionDateOld) {
  const Document d = Read(PrescriptionRows({"09/10/2023", "13/10/2073", "14/10/2023"}));
  EXPECT_EQ(T(d, "prescription.date"), "2023-09-28");
  EXPECT_TRUE(Flagged(d, "prescription.date"));
}

}  // namespace
}  // namespace liasse::extractors
