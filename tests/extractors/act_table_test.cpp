// The act table of a feuille de soins headed and ended in words of no data
// file: a totals row with an ending of its own, dates written in letters
// under a header the data does not know.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "liasse/extractors/extract.h"
#include "document_checks.h"
#include "page_builder.h"

namespace liasse::extractors {
namespace {

using testing::L;
using testing::PageBuilder;

// A hand-filled feuille whose columns read, left to right: lettre-clé,
// date under "Le", montant, coefficient; `dates` one per row.
PageBuilder Releve(const std::vector<std::string>& dates, const std::string& total_row) {
  PageBuilder p;
  p.Text(70, 20, "Feuille de soins", 95, 5);
  p.Text(20, 120, "Cotation");
  p.Text(50, 120, "Le");
  p.Text(110, 120, "Montant");
  p.Text(160, 120, "Coeff.");
  double y = 130;
  for (const auto& d : dates) {
    p.Text(20, y, "AMI");
    p.Text(50, y, d);
    p.Text(110, y, "3,15 €");
    p.Text(160, y, "1");
    y += 8;
  }
  p.Text(90, y + 4, total_row);
  p.Text(20, y + 30, "Signature du praticien");
  return p;
}

TEST(ActTable, ATotalsRowWithAnEndingOfItsOwnEndsTheTable) {
  const Document d = testing::ReadSingle(Releve({"15/11/2023", "18/11/2023", "22/11/2023"}, "Somme totale : 9,45 €").Build(),
                                         DocumentType::kFeuilleDeSoins);
  ASSERT_EQ(d.lines.size(), 3u);
  EXPECT_EQ(L(d.lines[2], "montant"), "3.15");
}

// "945 €" under acts adding up to 9,45: the total's separator lost; the
// sum of the acts is what was printed, flagged.
TEST(ActTable, ATotalReadAHundredTimesTheActsSumLostItsSeparatorAndIsTheSumFlagged) {
  const Document d = testing::ReadSingle(Releve({"15/11/2023", "18/11/2023", "22/11/2023"}, "Total : 945 €").Build(),
                                         DocumentType::kFeuilleDeSoins);
  EXPECT_EQ(testing::T(d, "montant_total"), "9.45");
  EXPECT_TRUE(testing::Flagged(d, "montant_total"));
}

TEST(ActTable, DatesInLettersUnderAHeaderOfNoDataFileAreTheDateColumn) {
  const Document d = testing::ReadSingle(
      Releve({"15 novembre 2023", "18 novembre 2023", "22 novembre 2023"}, "Total : 9,45 €").Build(), DocumentType::kFeuilleDeSoins);
  ASSERT_EQ(d.lines.size(), 3u);
  EXPECT_EQ(L(d.lines[0], "date"), "2023-11-15");
  EXPECT_EQ(L(d.lines[2], "date"), "2023-11-22");
  EXPECT_EQ(L(d.lines[2], "montant"), "3.15");
  EXPECT_EQ(L(d.lines[2], "code"), "AMI");
}

TEST(ActTable, ADatedRowWhoseCodeIsUnreadableKeepsItsPlace) {
  // No header the data knows; the middle row's code is a blur: the row is
  // read (its code left to the solver or to a person), the next row does
  // not take its place. "2100" is 21,00 whose separator the hand lost.
  PageBuilder p;
  p.Text(70, 20, "Feuille de soins", 95, 5);
  p.Text(20, 120, "Jour   Lc   Px   Qté");
  const char* codes[] = {"AMS", "ÀMxZ", "AMS"};
  const char* dates[] = {"17-12-2024", "20-12-2024", "21-12-2024"};
  for (int i = 0; i < 3; ++i) {
    const double y = 130 + 8 * i;
    p.Text(20, y, dates[i]);
    p.Text(70, y, codes[i]);
    p.Text(110, y, "2100");
    p.Text(160, y, "9.5");
  }
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFeuilleDeSoins);
  ASSERT_EQ(d.lines.size(), 3u);
  EXPECT_EQ(L(d.lines[1], "date"), "2024-12-20");
  EXPECT_EQ(L(d.lines[2], "date"), "2024-12-21");
  EXPECT_EQ(L(d.lines[0], "coefficient"), "9.5");
  EXPECT_EQ(L(d.lines[0], "montant"), "21.00");
  EXPECT_TRUE(testing::Flagged(d, "montant", 0));
}

TEST(ActTable, RulesReadAsLettersBetweenRowsMakeNoLostRows) {
  // The rules under some rows read as a word of letters: marks, not rows.
  // Counted as rows they would halve the pitch, and the rows 8 mm apart
  // would each seem to have lost one between them.
  PageBuilder p;
  p.Text(70, 20, "Feuille de soins", 95, 5);
  p.Text(20, 120, "Le");
  p.Text(50, 120, "Cotation");
  p.Text(110, 120, "Coeff.");
  p.Text(160, 120, "Montant");
  const double rows[] = {130, 138, 146, 154, 162, 170};
  for (int i = 0; i < 6; ++i) {
    p.Text(20, rows[i], std::to_string(20 + i) + "-11-2024");
    p.Text(50, rows[i], "AMK");
    p.Text(110, rows[i], "8");
    p.Text(160, rows[i], "17,68");
  }
  for (double y : {134.0, 142.0, 158.0}) p.Text(50, y, "NEDENEEATINECREMENE", 30);
  p.Text(110, 182, "Total : 106,08");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFeuilleDeSoins);
  ASSERT_EQ(d.lines.size(), 6u);
  EXPECT_EQ(L(d.lines[5], "date"), "2024-11-25");
}

TEST(ActTable, APrescriptionDateUnderALabelOfNoDataFileIsTheOneRecentDateAboveTheActsFlagged) {
  PageBuilder p;
  p.Text(70, 20, "Feuille de soins", 95, 5);
  p.Text(20, 40, "Né(e) le : 03/04/1950");
  p.Text(20, 60, "Ordre médical établi : 12/10/2023");
  p.Text(20, 120, "Acte");
  p.Text(50, 120, "Date");
  p.Text(110, 120, "Montant");
  p.Text(160, 120, "Coefficient");
  const char* dates[] = {"15/11/2023", "18/11/2023"};
  for (int i = 0; i < 2; ++i) {
    const double y = 130 + 8 * i;
    p.Text(20, y, "AMI");
    p.Text(50, y, dates[i]);
    p.Text(110, y, "3,15 €");
    p.Text(160, y, "1");
  }
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFeuilleDeSoins);
  EXPECT_EQ(testing::T(d, "prescription.date"), "2023-10-12");
  EXPECT_TRUE(testing::Flagged(d, "prescription.date"));
}

// A feuille whose act table has `headings` (x in mm, text) on one row and
// below them `rows` of cells (x in mm, text), one every `pitch` mm.
using Cells = std::vector<std::pair<double, std::string>>;
PageBuilder ActGrid(const Cells& headings, const std::vector<Cells>& rows, double pitch = 8) {
  PageBuilder p;
  p.Text(70, 20, "Feuille de soins", 95, 5);
  for (const auto& [x, text] : headings) p.Text(x, 120, text);
  double y = 130;
  for (const auto& row : rows) {
    for (const auto& [x, text] : row) p.Text(x, y, text);
    y += pitch;
  }
  return p;
}

TEST(ActTable, ARowWhoseCodeAndDateAreMisreadButWhichHoldsAnAmountKeepsItsPlace) {
  // No header the data knows; the middle row's code and year are misread
  // ("1FD", "1024"), its amount is not: the row is there, the next row
  // does not take its place.
  const PageBuilder p = ActGrid({{20, "Jour   Lc   Px   Qté"}}, {{{20, "17-12-2024"}, {70, "AMI"}, {110, "6,30"}, {160, "2"}},
                                                               {{20, "17-12-1024"}, {70, "1FD"}, {110, "2,75"}, {160, "1"}},
                                                               {{20, "18-12-2024"}, {70, "IFD"}, {110, "2,75"}, {160, "1"}}});
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFeuilleDeSoins);
  ASSERT_EQ(d.lines.size(), 3u);
  EXPECT_EQ(L(d.lines[1], "montant"), "2.75");
  EXPECT_EQ(L(d.lines[2], "date"), "2024-12-18");
}

TEST(ActTable, ARowWithADottedDateWhoseYearIsMisreadTakesTheYearAboveFlaggedAndIsNoLostRow) {
  // "04.05.2924" under a row of 2024, no amount printed in the rows: the
  // row has its code, it is no gap where a row was lost.
  std::vector<Cells> rows;
  const char* codes[] = {"AMI", "IFD", "IK", "AMI", "IFD"};
  const char* dates[] = {"04.05.2024", "04.05.2924", "04.05.2024", "08.05.2024", "08.05.2024"};
  const char* coefficients[] = {"2", "1", "2", "2", "1"};
  for (int i = 0; i < 5; ++i) rows.push_back({{20, codes[i]}, {110, coefficients[i]}, {130, dates[i]}});
  const PageBuilder p = ActGrid({{20, "Acte"}, {110, "Coef"}, {130, "Date"}, {170, "Montant"}}, rows, 6);
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFeuilleDeSoins);
  ASSERT_EQ(d.lines.size(), 5u);
  EXPECT_EQ(L(d.lines[1], "code"), "IFD");
  EXPECT_EQ(L(d.lines[1], "date"), "2024-05-04");
  EXPECT_TRUE(testing::Flagged(d, "date", 1));
  EXPECT_EQ(L(d.lines[2], "code"), "IK");
}

// A feuille whose header reads "Date des soins | Montant | Coefficient de
// l'acte | Nomenclature": the third heading ends in a word of the code's
// wordings, the fourth is in no data file; `rows` act rows.
PageBuilder ComplementedHeader(int rows) {
  PageBuilder p;
  p.Text(70, 20, "Feuille de soins", 95, 5);
  p.Text(20, 120, "Date des soins");
  p.Text(80, 120, "Montant");
  p.Text(120, 120, "Coefficient de l'acte");
  p.Text(175, 120, "Nomenclature");
  for (int i = 0; i < rows; ++i) {
    const double y = 130 + 8 * i;
    p.Text(20, y, std::to_string(12 + i) + "/03/2024");
    p.Text(80, y, "12,60");
    p.Text(150, y, "4");
    p.Text(175, y, "AMI");
  }
  p.Text(80, 130 + 8 * rows + 4, "Total : " + std::to_string(rows) + "2,60");
  return p;
}

TEST(ActTable, AnotherColumnsWordingEndingAHeadingIsAComplementNoColumn) {
  // "de l'acte" ends the coefficient's heading: the values under it are
  // coefficients, and the lettres-clés name the column of no wording.
  const Document d = testing::ReadSingle(ComplementedHeader(3).Build(), DocumentType::kFeuilleDeSoins);
  ASSERT_EQ(d.lines.size(), 3u);
  for (const auto& line : d.lines) {
    EXPECT_EQ(L(line, "code"), "AMI");
    EXPECT_EQ(L(line, "coefficient"), "4");
    EXPECT_EQ(L(line, "montant"), "12.60");
  }
}

TEST(ActTable, ALettreCleTheTariffKnowsNamesItsColumnFromOneRow) {
  const Document d = testing::ReadSingle(ComplementedHeader(1).Build(), DocumentType::kFeuilleDeSoins);
  ASSERT_EQ(d.lines.size(), 1u);
  EXPECT_EQ(L(d.lines[0], "code"), "AMI");
  EXPECT_EQ(L(d.lines[0], "coefficient"), "4");
  EXPECT_EQ(L(d.lines[0], "date"), "2024-03-12");
}

TEST(ActTable, ACoefficientWrittenBeforeItsCodeUnderTheCodesHeadingIsTheCoefficient) {
  // No coefficient column: the hand wrote "4 AMI" under "Acte".
  std::vector<Cells> rows;
  for (int i = 0; i < 3; ++i) rows.push_back({{20, std::to_string(12 + i) + "/03/2024"}, {70, "4 AMI"}, {130, "12,60"}});
  const PageBuilder p = ActGrid({{20, "Date"}, {70, "Acte"}, {130, "Montant"}}, rows);
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFeuilleDeSoins);
  ASSERT_EQ(d.lines.size(), 3u);
  EXPECT_EQ(L(d.lines[1], "code"), "AMI");
  EXPECT_EQ(L(d.lines[1], "coefficient"), "4");
}

TEST(ActTable, TheLinesBelowTheActsEndTheTableWhenNoStopWordingDoes) {
  // The table closes on "Net à payer" with its amount read as letters and
  // the signature boxes, wordings of no data file: they are no act rows.
  std::vector<Cells> rows;
  for (int i = 0; i < 3; ++i) rows.push_back({{20, std::to_string(20 + i) + "-11-2024"}, {50, "AMI"}, {110, "2"}, {160, "6,30"}});
  rows.push_back({});
  rows.push_back({{20, "NET À PAYER"}, {160, "ug.us"}});
  rows.push_back({{20, "VISA DE L'EXÉCUTANT"}, {110, "SIGNATURE DU PATIENT"}});
  const PageBuilder p = ActGrid({{20, "Le"}, {50, "Cotation"}, {110, "Coeff."}, {160, "Montant"}}, rows);
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFeuilleDeSoins);
  ASSERT_EQ(d.lines.size(), 3u);
  EXPECT_EQ(L(d.lines[2], "date"), "2024-11-22");
}

}  // namespace
}  // namespace liasse::extractors
