// The lines of an invoice under headings printed with wide letter spacing
// and in wordings of no data file: a heading of two words is one column,
// the designations' column is found by what it holds.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "liasse/extractors/extract.h"
#include "document_checks.h"
#include "page_builder.h"

namespace liasse::extractors {
namespace {

using testing::L;
using testing::PageBuilder;

using Cells = std::vector<std::pair<double, std::string>>;

// An invoice from `issuer`: its table's `headings` (x in mm, text) on one
// row, `rows` of cells (x in mm, text) 7 mm apart below, then `closing`
// (a total) under them.
PageBuilder InvoiceGrid(const std::string& issuer, const Cells& headings, const std::vector<Cells>& rows, const std::string& closing) {
  PageBuilder p;
  p.Text(20, 20, issuer);
  p.Text(90, 35, "FACTURE", 95, 5);
  p.Text(20, 50, "Patient : Sophie DURAND");
  for (const auto& [x, text] : headings) p.Text(x, 80, text);
  double y = 88;
  for (const auto& row : rows) {
    for (const auto& [x, text] : row) p.Text(x, y, text);
    y += 7;
  }
  p.Text(90, y + 8, closing);
  return p;
}

// A dental invoice whose table reads "DATE SOIN | CODE | DENT | TOTAL
// NET | NATURE": each two-word heading with a wide space, its amounts
// printed under its second word, the designations under a heading the
// data does not know.
PageBuilder DentalInvoice() {
  return InvoiceGrid("Dr Paul MARTIN - Chirurgien-dentiste",
                     {{20, "DATE"}, {28.5, "SOIN"}, {62, "CODE"}, {85, "DENT"}, {105, "TOTAL"}, {115.5, "NET"}, {128, "NATURE"}},
                     {{{20, "12.03.2024"}, {62, "HBGD036"}, {85, "28"}, {114, "33,40"}, {128, "Avulsion simple"}},
                      {{20, "19.03.2024"}, {62, "HBLD036"}, {85, "17"}, {114, "488,50"}, {128, "Couronne céramique"}}},
                     "Somme à régler : 521,90");
}

TEST(InvoiceTable, AHeadingsSecondWordPrintedWideIsTheSameColumnAndItsAmountsAreTheLines) {
  const Document d = testing::ReadSingle(DentalInvoice().Build(), DocumentType::kFacture);
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(L(d.lines[0], "montant"), "33.40");
  EXPECT_EQ(L(d.lines[1], "montant"), "488.50");
  EXPECT_EQ(L(d.lines[1], "date"), "2024-03-19");
}

TEST(InvoiceTable, TheDesignationsUnderAHeadingOfNoWordingAreTheLibelles) {
  const Document d = testing::ReadSingle(DentalInvoice().Build(), DocumentType::kFacture);
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(L(d.lines[0], "libelle"), "Avulsion simple");
  EXPECT_EQ(L(d.lines[1], "libelle"), "Couronne céramique");
}

TEST(InvoiceTable, HeadingsAllInNoWordingAreTheRowAboveTheFirstLineAndItsColumnsNamedByTheirValues) {
  // A pharmacy's receipt: "Produit | Délivré le | Cotation | Coût | Nb".
  const PageBuilder p = InvoiceGrid(
      "PHARMACIE DU MARCHÉ", {{20, "Produit"}, {80, "Délivré le"}, {115, "Cotation"}, {145, "Coût"}, {170, "Nb"}},
      {{{20, "Paracétamol 1000 mg cp x3"}, {80, "05/02/2025"}, {115, "PH7"}, {145, "6,54"}, {170, "3"}},
       {{20, "Amoxicilline 1 g B/6 x2"}, {80, "05/02/2025"}, {115, "PH4"}, {145, "12,18"}, {170, "2"}}},
      "Total : 18,72");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFacture);
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(L(d.lines[0], "montant"), "6.54");
  EXPECT_EQ(L(d.lines[0], "date"), "2025-02-05");
  EXPECT_EQ(L(d.lines[0], "code"), "PH7");
  EXPECT_EQ(L(d.lines[1], "libelle"), "Amoxicilline 1 g B/6 x2");
  EXPECT_EQ(L(d.lines[1], "montant"), "12.18");
}

TEST(InvoiceTable, ThePricesAreTheColumnOfAmountsInTheMostRowsNotTheLensMeasures) {
  // "Tarif" and "Équipement" are in no data file; the designations print
  // signed measures with cents in two rows of three ("Sph +6,00").
  std::vector<Cells> rows;
  const char* designations[] = {"Monture acétate", "Verre OD Sph +6,00 Cyl -1,00", "Verre OG Sph -3,50 Cyl -0,75"};
  const char* amounts[] = {"42,80", "138,30", "138,30"};
  for (int i = 0; i < 3; ++i) rows.push_back({{20, "28/03/2025"}, {45, designations[i]}, {170, amounts[i]}});
  const PageBuilder p =
      InvoiceGrid("OPTIQUE DU CENTRE", {{20, "Date"}, {45, "Équipement"}, {170, "Tarif"}}, rows, "Net à payer : 319,40");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFacture);
  ASSERT_EQ(d.lines.size(), 3u);
  EXPECT_EQ(L(d.lines[0], "montant"), "42.80");
  EXPECT_EQ(L(d.lines[2], "montant"), "138.30");
  EXPECT_EQ(L(d.lines[1], "libelle"), "Verre OD Sph +6,00 Cyl -1,00");
}

TEST(InvoiceTable, ADesignationRunningOnUnderAnotherColumnKeepsItsWordsAndItsPriceIsNoColumnOfItsOwn) {
  // "Tarif | Libellé | Quantité | Code": the designations print a unit
  // price ("x 20,00 €") that runs on under the quantities' heading.
  const PageBuilder p = InvoiceGrid(
      "Clinique des Eaux Claires", {{20, "Tarif"}, {45, "Libellé"}, {150, "Quantité"}, {175, "Code"}},
      {{{18, "160,00"}, {45, "Forfait journalier hospitalier - 8 jour(s) x 20,00 €"}, {155, "8"}, {175, "FJ"}},
       {{18, "560,00"}, {45, "Chambre particulière - 8 jour(s) x 70,00 €"}, {155, "8"}, {175, "CP"}}},
      "Total TTC 720,00");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFacture);
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(L(d.lines[0], "montant"), "160.00");
  EXPECT_EQ(L(d.lines[0], "libelle"), "Forfait journalier hospitalier - 8 jour(s) x 20,00 €");
  EXPECT_EQ(L(d.lines[1], "montant"), "560.00");
  EXPECT_EQ(L(d.lines[1], "code"), "CP");
}

TEST(InvoiceTable, ADateInLettersUnderTheDatesIsTheLinesDateNotTheStartOfItsDesignation) {
  const PageBuilder p = InvoiceGrid("OPTIQUE DU CENTRE", {{20, "Date"}, {60, "Désignation"}, {170, "Montant"}},
                                    {{{20, "5 septembre 2024"}, {60, "Monture acétate"}, {170, "42,80"}},
                                     {{20, "5 septembre 2024"}, {60, "Verre OD unifocal"}, {170, "96,20"}}},
                                    "Total : 139,00");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFacture);
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(L(d.lines[0], "date"), "2024-09-05");
  EXPECT_EQ(L(d.lines[0], "libelle"), "Monture acétate");
  EXPECT_EQ(L(d.lines[1], "date"), "2024-09-05");
  EXPECT_FALSE(testing::Flagged(d, "date", 0));
}

TEST(InvoiceTable, AHeadRowSharingWordingsWithTheColumnsIsPassedOverForTheRowThatHeadsThePrices) {
  // "Référence | Date" over the invoice's number and date reads as a
  // header as well as "Jour | Réf. | Dent | Tarif | Nature" below it.
  PageBuilder p = InvoiceGrid("Dr Véronique DURAND", {{20, "Jour"}, {50, "Réf."}, {75, "Dent"}, {90, "Tarif"}, {115, "Nature"}},
                              {{{20, "11.07.2025"}, {50, "HBMD053"}, {75, "16"}, {90, "44,70"}, {115, "Restauration 2 faces"}},
                               {{20, "18.07.2025"}, {50, "HBLD036"}, {75, "34"}, {90, "454,50"}, {115, "Couronne céramométallique"}}},
                              "TOTAL 499,20");
  for (const auto& [x, heading, value] : {std::tuple{20.0, "Référence", "9161008"}, std::tuple{80.0, "Date", "11.07.2025"}}) {
    p.Text(x, 60, heading);
    p.Text(x, 66, value);
  }
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFacture);
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(L(d.lines[0], "montant"), "44.70");
  EXPECT_EQ(L(d.lines[0], "code"), "HBMD053");
  EXPECT_EQ(L(d.lines[1], "dent"), "34");
  EXPECT_EQ(L(d.lines[1], "montant"), "454.50");
}

TEST(InvoiceTable, ADentalInvoicesColumnOfToothNumbersUnderAHeadingOfNoWordingIsTheTeeth) {
  // "Localisation" is in no data file; the teeth are numbered as the FDI does.
  const PageBuilder p = InvoiceGrid("Dr Gabriel BRUNET - Chirurgien-dentiste",
                                    {{20, "Code"}, {45, "Date"}, {75, "Désignation"}, {150, "Montant"}, {175, "Localisation"}},
                                    {{{20, "HBLD634"}, {45, "09.05.2024"}, {75, "Couronne céramique"}, {150, "490,80"}, {178, "14"}},
                                     {{20, "HBLD036"}, {45, "16.05.2024"}, {75, "Couronne métallique"}, {150, "631,00"}, {178, "28"}}},
                                    "Net à payer : 1121,80");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFacture);
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(L(d.lines[0], "dent"), "14");
  EXPECT_EQ(L(d.lines[1], "dent"), "28");
  EXPECT_EQ(L(d.lines[1], "montant"), "631.00");
}

TEST(InvoiceTable, AnOpticiansColumnOfEyesIsNoCodeWhenTheDataCodesTheLinesByTheirDesignations) {
  // "Œil" is in no data file; "OD" and "OG" are capitals like a code.
  const PageBuilder p = InvoiceGrid("OPTIQUE DU CENTRE", {{20, "Date"}, {45, "Désignation"}, {120, "Œil"}, {170, "Montant"}},
                                    {{{20, "26/12/2024"}, {45, "Verre unifocal"}, {120, "OD"}, {170, "96,20"}},
                                     {{20, "26/12/2024"}, {45, "Verre unifocal"}, {120, "OG"}, {170, "96,20"}}},
                                    "Total : 192,40");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFacture);
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(L(d.lines[0], "code"), "VERRE");
  EXPECT_EQ(L(d.lines[1], "code"), "VERRE");
}

TEST(InvoiceTable, UnderAHeadRowSharingWordingsATableHeadedInNoWordingIsReadByWhatItsColumnsHold) {
  // "Référence | Date" heads the invoice's number; "Soin | Coût | Jour |
  // Acte" are in no data file.
  PageBuilder p = InvoiceGrid("Louis FAURE - Chiropracteur", {{20, "Soin"}, {100, "Coût"}, {120, "Jour"}, {155, "Acte"}},
                              {{{20, "Séance de chiropraxie"}, {100, "45,40"}, {120, "22.07.2025"}, {155, "CHIRO"}},
                               {{20, "Séance de chiropraxie"}, {100, "66,20"}, {120, "05.08.2025"}, {155, "CHIRO"}}},
                              "Somme : 111,60");
  for (const auto& [x, heading, value] : {std::tuple{20.0, "Référence", "2025-64998"}, std::tuple{80.0, "Date", "22.07.2025"}}) {
    p.Text(x, 60, heading);
    p.Text(x, 66, value);
  }
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFacture);
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(L(d.lines[0], "montant"), "45.40");
  EXPECT_EQ(L(d.lines[1], "date"), "2025-08-05");
  EXPECT_EQ(L(d.lines[1], "code"), "CHIRO");
}

TEST(InvoiceTable, ADesignationRunningOnUnderTheCodesIsNoCode) {
  // No designation column is named: its words spill under "Code" before
  // the line's code.
  const PageBuilder p = InvoiceGrid("Clinique des Eaux Claires", {{20, "Date"}, {45, "Code"}, {80, "Montant"}},
                                    {{{20, "07/04/2025"}, {45, "x 102,20 € CP"}, {80, "919,80"}}}, "Total TTC : 919,80");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFacture);
  ASSERT_EQ(d.lines.size(), 1u);
  EXPECT_EQ(L(d.lines[0], "code"), "CP");
  EXPECT_EQ(L(d.lines[0], "montant"), "919.80");
}

// An issuer's letterhead whose numéro AM stands after a label in no
// wording, at `id_y` mm, `after` printed after it.
PageBuilder LetterheadWithNumber(double id_y, const std::string& after = "") {
  PageBuilder p = InvoiceGrid("Dr Paul MARTIN", {{20, "Date"}, {60, "Désignation"}, {170, "Montant"}},
                              {{{20, "12/03/2024"}, {60, "Consultation"}, {170, "30,00"}}}, "Total : 30,00");
  p.Text(20, 26, "Chirurgien-dentiste");
  p.Text(20, 32, "12 rue des Lilas 75011 PARIS");
  p.Text(20, id_y, "Immatriculation 974560104" + after);
  return p;
}

TEST(InvoiceLetterhead, ANumeroAmUnderTheIssuersNameIsTheIssuersWhateverItsLabel) {
  const Document d = testing::ReadSingle(LetterheadWithNumber(40).Build(), DocumentType::kFacture);
  EXPECT_EQ(testing::T(d, "emetteur.identifiant"), "974560104");
  EXPECT_FALSE(testing::Flagged(d, "emetteur.identifiant"));
}

TEST(InvoiceLetterhead, ANumeroAmFarFromTheIssuersNameStaysFlaggedForItsRole) {
  const Document d = testing::ReadSingle(LetterheadWithNumber(70).Build(), DocumentType::kFacture);
  EXPECT_EQ(testing::T(d, "emetteur.identifiant"), "974560104");
  EXPECT_TRUE(testing::Flagged(d, "emetteur.identifiant"));
}

TEST(InvoiceLetterhead, TheStartOfALongerNumberUnderTheIssuersNameStaysFlaggedForItsRole) {
  // "974560104 00012": a SIRET's first nine digits pass the Luhn key too.
  const Document d = testing::ReadSingle(LetterheadWithNumber(40, " 00012").Build(), DocumentType::kFacture);
  EXPECT_TRUE(testing::Flagged(d, "emetteur.identifiant"));
}

TEST(InvoiceLetterhead, TheInvoicesNumberUnderTheIssuersNameIsNoIssuersNumberWhateverItsDigits) {
  // "2024-52140": its nine digits pass the Luhn key; no numéro AM is printed.
  PageBuilder p = InvoiceGrid("Dr Paul MARTIN", {{20, "Date"}, {60, "Désignation"}, {170, "Montant"}},
                              {{{20, "12/03/2024"}, {60, "Consultation"}, {170, "30,00"}}}, "Total : 30,00");
  p.Text(20, 40, "FACTURE N° 2024-52140");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFacture);
  EXPECT_EQ(testing::T(d, "numero_facture"), "2024-52140");
  EXPECT_TRUE(testing::Flagged(d, "emetteur.identifiant"));
}

}  // namespace
}  // namespace liasse::extractors
