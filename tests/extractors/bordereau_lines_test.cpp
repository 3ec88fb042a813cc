// The bordereau's lines read whatever the order of its columns: each value
// by its kind, the amounts by the header's columns or, when the header's
// wordings are in no data file, by the line's arithmetic (total = AMO + AMC).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "bordereau_row.h"
#include "liasse/extractors/extract.h"
#include "document_checks.h"
#include "page_builder.h"

namespace liasse::extractors {
namespace {

using testing::Flagged;
using testing::L;
using testing::Options;
using testing::PageBuilder;
using testing::T;

struct Column {
  double x;
  std::string title;
  std::string values[2];
};

// A bordereau whose table has `columns` (left to right) under a header row.
Document ReadBordereau(const std::vector<Column>& columns) {
  PageBuilder p;
  p.Text(18, 20, "BORDEREAU RÉCAPITULATIF DES FACTURES", 95, 4.5)
      .Text(18, 40, "N° de lot : 042")
      .Text(90, 40, "Date de constitution : 26/09/2025");
  for (const auto& c : columns) {
    p.Text(c.x, 90, c.title);
    p.Text(c.x, 97, c.values[0], 93, 2.6);
    p.Text(c.x, 103.5, c.values[1], 93, 2.6);
  }
  p.Text(100, 117, "Nombre de factures : 2");
  const auto docs = ExtractDocuments({p.Build()}, nullptr, Options());
  EXPECT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs.front().type, DocumentType::kBordereau);
  return docs.front();
}

void ExpectLines(const Document& d) {
  ASSERT_EQ(d.lines.size(), 2u);
  const Line& a = d.lines[0];
  EXPECT_EQ(L(a, "numero_facture"), "123456789");
  EXPECT_EQ(L(a, "nir"), "285077511504230");
  EXPECT_EQ(L(a, "nom"), "MARTIN");
  EXPECT_EQ(L(a, "prenom"), "Sophie");
  EXPECT_EQ(L(a, "date_naissance"), "1985-07-12");
  EXPECT_EQ(L(a, "montant_total"), "25.20");
  EXPECT_EQ(L(a, "montant_amo"), "15.12");
  EXPECT_EQ(L(a, "montant_amc"), "10.08");
  const Line& b = d.lines[1];
  EXPECT_EQ(L(b, "numero_facture"), "123456790");
  EXPECT_EQ(L(b, "nir"), "169029935011101");
  EXPECT_EQ(L(b, "montant_total"), "8.40");
  EXPECT_EQ(L(b, "montant_amo"), "5.04");
  EXPECT_EQ(L(b, "montant_amc"), "3.36");
}

TEST(BordereauLines, ColumnsInAnotherOrderAreReadByTheirHeader) {
  const Document d = ReadBordereau({{18, "Part AMC", {"10,08", "3,36"}},
                                    {36, "Nom", {"MARTIN", "DUBOIS"}},
                                    {56, "NIR", {"2 85 07 75 115 042 30", "1 69 02 99 350 111 01"}},
                                    {100, "Total", {"25,20", "8,40"}},
                                    {118, "N° facture", {"123456789", "123456790"}},
                                    {142, "Part AMO", {"15,12", "5,04"}},
                                    {160, "Prénom", {"Sophie", "Jean"}},
                                    {180, "Né(e) le", {"12/07/1985", "03/02/1969"}}});
  ExpectLines(d);
  EXPECT_FALSE(Flagged(d, "montant_amo", 0));
  EXPECT_FALSE(Flagged(d, "numero_facture", 0));
}

TEST(BordereauLines, TheTotalIsTheAmountThatIsTheSumOfTheOthersWhenItsHeaderIsInNoDataFile) {
  // "Somme due" names the total in no data file; "Part AMO" and "Part AMC"
  // are known: the parts by their columns, the total by the arithmetic.
  const Document d = ReadBordereau({{18, "N° facture", {"123456789", "123456790"}},
                                    {40, "Part AMO", {"15,12", "5,04"}},
                                    {60, "NIR", {"285077511504230", "169029935011101"}},
                                    {100, "Nom", {"MARTIN", "DUBOIS"}},
                                    {120, "Prénom", {"Sophie", "Jean"}},
                                    {140, "Somme due", {"25,20", "8,40"}},
                                    {160, "Part AMC", {"10,08", "3,36"}},
                                    {180, "Né(e) le", {"12/07/1985", "03/02/1969"}}});
  ExpectLines(d);
  EXPECT_FALSE(Flagged(d, "montant_amo", 0));
}

TEST(BordereauLines, AShortWordingReadExactlyIsNotTakenForALongerOneOfTheOtherPart) {
  // "Part AM" is one letter from both "Part AMO" and "Part AMC": it is the
  // AMO's own wording "Part AM"; the part in a column of no wording is then
  // the AMC. The nom's column is "Nom", not "l'assuré" of the prénom's title.
  const Document d = ReadBordereau({{18, "Part AM", {"15,12", "5,04"}},
                                    {36, "Prénom de l'assuré", {"Sophie", "Jean"}},
                                    {70, "Né(e) le", {"12/07/1985", "03/02/1969"}},
                                    {92, "N° facture", {"123456789", "123456790"}},
                                    {112, "Part versée", {"10,08", "3,36"}},
                                    {132, "Total", {"25,20", "8,40"}},
                                    {150, "NIR", {"285077511504230", "169029935011101"}},
                                    {186, "Nom", {"MARTIN", "DUBOIS"}}});
  ExpectLines(d);
  EXPECT_FALSE(Flagged(d, "montant_amo", 0));
}

TEST(BordereauLines, AHeadingOfNoWordingBetweenTwoKnownOnesMeansTheWordsAreNotReadInTurn) {
  internal::TableHeader header;
  header.row = 0;
  header.columns = {{"numero_facture", 10, 40}, {"nir", 60, 90}, {"prenom", 100, 120}, {"montant_total", 150, 170}};
  EXPECT_TRUE(internal::InLineOrder(header));
  header.columns.insert(header.columns.begin() + 1, internal::HeaderColumn{"", 45, 55});
  EXPECT_FALSE(internal::InLineOrder(header));
  // Before the first known heading (a row number) it changes nothing.
  header.columns.erase(header.columns.begin() + 1);
  header.columns.insert(header.columns.begin(), internal::HeaderColumn{"", 0, 5});
  EXPECT_TRUE(internal::InLineOrder(header));
}

TEST(BordereauLines, KnownHeadingsInTheReadersOrderWithOthersBetweenAreReadByKind) {
  // N° facture, NIR, Prénom, Total stand in the reader's order; "Mutuelle",
  // "Part RO" and "Titulaire" (no data file's) sit between them: each word
  // is read by its kind.
  const Document d = ReadBordereau({{14, "N° facture", {"123456789", "123456790"}},
                                    {40, "Mutuelle", {"10,08 EUR", "3,36 EUR"}},
                                    {64, "NIR", {"285077511504230", "169029935011101"}},
                                    {100, "Prénom", {"Sophie", "Jean"}},
                                    {118, "Part RO", {"15,12 EUR", "5,04 EUR"}},
                                    {140, "Titulaire", {"MARTIN", "DUBOIS"}},
                                    {162, "Total", {"25,20 EUR", "8,40 EUR"}},
                                    {184, "Né(e) le", {"12/07/1985", "03/02/1969"}}});
  ExpectLines(d);
}

TEST(BordereauLines, ThePartAtTheRegimesShareOfTheTotalIsTheAmoWhenNoHeaderTellsThePartsApart) {
  // "Caisse" and "Mutuelle" are in no data file; 15,12 is 60 % of 25,20
  // (the auxiliaires' rate of the data), 10,08 is at no share: AMO, unflagged.
  const Document d = ReadBordereau({{18, "Nom", {"MARTIN", "DUBOIS"}},
                                    {38, "N° facture", {"123456789", "123456790"}},
                                    {60, "NIR", {"285077511504230", "169029935011101"}},
                                    {100, "Prénom", {"Sophie", "Jean"}},
                                    {120, "Mutuelle", {"10,08", "3,36"}},
                                    {140, "Total", {"25,20", "8,40"}},
                                    {160, "Caisse", {"15,12", "5,04"}},
                                    {180, "Né(e) le", {"12/07/1985", "03/02/1969"}}});
  ExpectLines(d);
  EXPECT_FALSE(Flagged(d, "montant_amo", 0));
  EXPECT_FALSE(Flagged(d, "montant_amc", 1));
}

TEST(BordereauLines, PartsReadAgainstTheRegimesShareGoToReview) {
  // The header says AMO over 10,08 and AMC over 15,12: 60 % of the total is
  // under the AMC's wording. Kept as printed, both parts to review.
  const Document d = ReadBordereau({{18, "N° facture", {"123456789", "123456790"}},
                                    {40, "Part AMO", {"10,08", "3,36"}},
                                    {60, "NIR", {"285077511504230", "169029935011101"}},
                                    {100, "Nom", {"MARTIN", "DUBOIS"}},
                                    {120, "Prénom", {"Sophie", "Jean"}},
                                    {140, "Total", {"25,20", "8,40"}},
                                    {160, "Part AMC", {"15,12", "5,04"}},
                                    {180, "Né(e) le", {"12/07/1985", "03/02/1969"}}});
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(L(d.lines[0], "montant_amo"), "10.08");
  EXPECT_TRUE(Flagged(d, "montant_amo", 0));
  EXPECT_TRUE(Flagged(d, "montant_amc", 0));
  EXPECT_TRUE(Flagged(d, "montant_amo", 1));
}

TEST(BordereauLines, PartsNoHeaderTellsApartGoToReview) {
  // Neither part's header is in a data file and neither part of the first
  // line is at a share of the data (11,20 and 14,00 of 25,20): the total is
  // found by the arithmetic, the two parts stay as printed and go to review.
  const Document d = ReadBordereau({{18, "Nom", {"MARTIN", "DUBOIS"}},
                                    {38, "N° facture", {"123456789", "123456790"}},
                                    {60, "NIR", {"285077511504230", "169029935011101"}},
                                    {100, "Prénom", {"Sophie", "Jean"}},
                                    {120, "Caisse", {"11,20", "3,36"}},
                                    {140, "Total", {"25,20", "8,40"}},
                                    {160, "Mutuelle", {"14,00", "5,04"}},
                                    {180, "Né(e) le", {"12/07/1985", "03/02/1969"}}});
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(L(d.lines[0], "montant_total"), "25.20");
  EXPECT_EQ(L(d.lines[0], "nom"), "MARTIN");
  EXPECT_EQ(L(d.lines[0], "numero_facture"), "123456789");
  EXPECT_TRUE(Flagged(d, "montant_amo", 0));
  EXPECT_TRUE(Flagged(d, "montant_amc", 0));
}

TEST(BordereauLines, AHeaderInNoWordingOfTheDataIsReadByTheKindsOfItsValues) {
  // Not one header word is in a data file: each line's values by their
  // kinds, the total by the arithmetic, the parts by the régime's share.
  const Document d = ReadBordereau({{18, "REF", {"123456789", "123456790"}},
                                    {38, "MATR", {"285077511504230", "169029935011101"}},
                                    {80, "PATRONYME", {"MARTIN", "DUBOIS"}},
                                    {104, "USUEL", {"Sophie", "Jean"}},
                                    {124, "DDN", {"12/07/1985", "03/02/1969"}},
                                    {146, "MT", {"25,20", "8,40"}},
                                    {162, "RO", {"15,12", "5,04"}},
                                    {180, "RC", {"10,08", "3,36"}}});
  ASSERT_EQ(d.lines.size(), 2u);
  const Line& a = d.lines[0];
  EXPECT_EQ(L(a, "numero_facture"), "123456789");
  EXPECT_EQ(L(a, "nir"), "285077511504230");
  EXPECT_EQ(L(a, "nom"), "MARTIN");
  EXPECT_EQ(L(a, "prenom"), "Sophie");
  EXPECT_EQ(L(a, "date_naissance"), "1985-07-12");
  EXPECT_EQ(L(a, "montant_total"), "25.20");
  EXPECT_EQ(L(d.lines[1], "numero_facture"), "123456790");
  EXPECT_EQ(L(d.lines[1], "montant_total"), "8.40");
  EXPECT_EQ(L(a, "montant_amo"), "15.12");
  EXPECT_EQ(L(a, "montant_amc"), "10.08");
  EXPECT_FALSE(Flagged(d, "montant_amo", 0));
  EXPECT_FALSE(Flagged(d, "nir", 0));
}

TEST(BordereauLines, CentsWhoseEurosTheOcrLostDoNotTakeTheNomsPlace) {
  // ".08" read for "10,08": not the NIR's end; the nom and prénom keep
  // their places, the line's amounts go to review.
  const Document d = ReadBordereau({{18, "N° facture", {"123456789", "123456790"}},
                                    {40, "Part AMO", {"15,12", "5,04"}},
                                    {60, "Total", {"25,20", "8,40"}},
                                    {80, "NIR", {"285077511504230", "169029935011101"}},
                                    {120, "Nom", {"MARTIN", "DUBOIS"}},
                                    {145, "Part AMC", {".08", ".36"}},
                                    {162, "Prénom", {"Sophie", "Jean"}},
                                    {180, "Né(e) le", {"12/07/1985", "03/02/1969"}}});
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(L(d.lines[0], "nir"), "285077511504230");
  EXPECT_EQ(L(d.lines[0], "nom"), "MARTIN");
  EXPECT_EQ(L(d.lines[0], "prenom"), "Sophie");
  EXPECT_EQ(L(d.lines[1], "nom"), "DUBOIS");
  EXPECT_TRUE(Flagged(d, "montant_amc", 0));
  EXPECT_NE(L(d.lines[0], "montant_amc"), "8.00");
}

TEST(BordereauLines, WhatIsReadOfAMostlyUnreadableLineIsFlaggedWithIt) {
  // The nom, prénom and amounts of the first line unreadable: its NIR,
  // though its key passes, and its number go to review with them.
  const Document d = ReadBordereau({{18, "N° facture", {"123456789", "123456790"}},
                                    {40, "NIR", {"285077511504230", "169029935011101"}},
                                    {80, "Nom", {"|||", "DUBOIS"}},
                                    {104, "Prénom", {"///", "Jean"}},
                                    {124, "Né(e) le", {"12/07/1985", "03/02/1969"}},
                                    {146, "Total", {"2~,~0", "8,40"}},
                                    {162, "Part AMO", {"", "5,04"}},
                                    {180, "Part AMC", {"", "3,36"}}});
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(L(d.lines[0], "nir"), "285077511504230");
  EXPECT_TRUE(Flagged(d, "nir", 0));
  EXPECT_TRUE(Flagged(d, "numero_facture", 0));
  EXPECT_FALSE(Flagged(d, "nir", 1));
  EXPECT_FALSE(Flagged(d, "numero_facture", 1));
}

TEST(BordereauLines, TheCurrencyWrittenAfterAnAmountIsNotTheNom) {
  // Amounts first, "EUR" after each: the nom is the word in capitals after them.
  const Document d = ReadBordereau({{18, "Part AMO", {"15,12 EUR", "5,04 EUR"}},
                                    {40, "Part AMC", {"10,08 EUR", "3,36 EUR"}},
                                    {62, "NIR", {"285077511504230", "169029935011101"}},
                                    {100, "N° facture", {"123456789", "123456790"}},
                                    {122, "Total", {"25,20 EUR", "8,40 EUR"}},
                                    {144, "Nom", {"MARTIN", "DUBOIS"}},
                                    {165, "Prénom", {"Sophie", "Jean"}},
                                    {183, "Né(e) le", {"12/07/1985", "03/02/1969"}}});
  ExpectLines(d);
}

TEST(BordereauLines, APageOfInvoiceLinesIsABordereauWhateverItsTitleAndLabels) {
  // Neither the title nor a label is in a data file: lines each holding a
  // NIR whose key passes and amounts make it a bordereau.
  PageBuilder p;
  p.Text(18, 20, "RELEVÉ DES ENVOIS TÉLÉTRANSMIS", 95, 4.5);
  const char* rows[][5] = {{"804427438", "182059712020861", "FOURNIER Julien", "15,50", "9,30"},
                           {"804427462", "156036311399196", "DUBOIS Gérard", "28,25", "16,95"},
                           {"804427465", "243057511557469", "MOREAU Inès", "10,60", "6,36"}};
  double y = 50;
  for (const auto& r : rows) {
    p.Text(18, y, r[0]).Text(45, y, r[1]).Text(90, y, r[2]).Text(140, y, r[3]).Text(165, y, r[4]);
    y += 7;
  }
  const auto docs = ExtractDocuments({p.Build()}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].type, DocumentType::kBordereau);
}

}  // namespace
}  // namespace liasse::extractors
