// The lines of an invoice under headings printed with wide letter spacing
// and in wordings of no data file: a heading of two words is one column,
// the designations' column is found by what it holds.
#include <gtest/gtest.h>

#include <string>

#include "liasse/extractors/extract.h"
#include "document_checks.h"
#include "page_builder.h"

namespace liasse::extractors {
namespace {

using testing::L;
using testing::PageBuilder;

// A dental invoice whose table reads "DATE SOIN | CODE | DENT | TOTAL
// NET | NATURE": each two-word heading with a wide space, its amounts
// printed under its second word, the designations under a heading the
// data does not know.
PageBuilder DentalInvoice() {
  PageBuilder p;
  p.Text(20, 20, "Dr Paul MARTIN - Chirurgien-dentiste");
  p.Text(90, 35, "FACTURE", 95, 5);
  p.Text(20, 50, "Patient : Sophie DURAND");
  p.Text(20, 80, "DATE");
  p.Text(28.5, 80, "SOIN");
  p.Text(62, 80, "CODE");
  p.Text(85, 80, "DENT");
  p.Text(105, 80, "TOTAL");
  p.Text(115.5, 80, "NET");
  p.Text(128, 80, "NATURE");
  const char* dates[] = {"12.03.2024", "19.03.2024"};
  const char* codes[] = {"HBGD036", "HBLD036"};
  const char* teeth[] = {"28", "17"};
  const char* amounts[] = {"33,40", "488,50"};
  const char* natures[] = {"Avulsion simple", "Couronne céramique"};
  for (int i = 0; i < 2; ++i) {
    const double y = 88 + 7 * i;
    p.Text(20, y, dates[i]);
    p.Text(62, y, codes[i]);
    p.Text(85, y, teeth[i]);
    p.Text(114, y, amounts[i]);
    p.Text(128, y, natures[i]);
  }
  p.Text(90, 110, "Somme à régler : 521,90");
  return p;
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

// A pharmacy's receipt whose headings are all in no data file: "Produit
// | Délivré le | Cotation | Coût | Nb".
PageBuilder PharmacyReceipt() {
  PageBuilder p;
  p.Text(120, 20, "PHARMACIE DU MARCHÉ");
  p.Text(90, 35, "FACTURE", 95, 5);
  p.Text(20, 50, "Patient : Sophie DURAND");
  p.Text(20, 80, "Produit");
  p.Text(80, 80, "Délivré le");
  p.Text(115, 80, "Cotation");
  p.Text(145, 80, "Coût");
  p.Text(170, 80, "Nb");
  const char* products[] = {"Paracétamol 1000 mg cp x3", "Amoxicilline 1 g B/6 x2"};
  const char* codes[] = {"PH7", "PH4"};
  const char* amounts[] = {"6,54", "12,18"};
  for (int i = 0; i < 2; ++i) {
    const double y = 88 + 7 * i;
    p.Text(20, y, products[i]);
    p.Text(80, y, "05/02/2025");
    p.Text(115, y, codes[i]);
    p.Text(145, y, amounts[i]);
    p.Text(170, y, i == 0 ? "3" : "2");
  }
  p.Text(110, 110, "Total : 18,72");
  return p;
}

TEST(InvoiceTable, HeadingsAllInNoWordingAreTheRowAboveTheFirstLineAndItsColumnsNamedByTheirValues) {
  const Document d = testing::ReadSingle(PharmacyReceipt().Build(), DocumentType::kFacture);
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(L(d.lines[0], "montant"), "6.54");
  EXPECT_EQ(L(d.lines[0], "date"), "2025-02-05");
  EXPECT_EQ(L(d.lines[0], "code"), "PH7");
  EXPECT_EQ(L(d.lines[1], "libelle"), "Amoxicilline 1 g B/6 x2");
  EXPECT_EQ(L(d.lines[1], "montant"), "12.18");
}

TEST(InvoiceTable, ThePricesAreTheColumnOfAmountsInTheMostRowsNotTheLensMeasures) {
  // "Tarif" and "Équipement" are in no data file; the designations print signed measures
  // with cents in two rows of three ("Sph +6,00").
  PageBuilder p;
  p.Text(120, 20, "OPTIQUE DU CENTRE");
  p.Text(90, 35, "FACTURE", 95, 5);
  p.Text(20, 50, "Patient : Sophie DURAND");
  p.Text(20, 80, "Date");
  p.Text(45, 80, "Équipement");
  p.Text(170, 80, "Tarif");
  const char* designations[] = {"Monture acétate", "Verre OD Sph +6,00 Cyl -1,00", "Verre OG Sph -3,50 Cyl -0,75"};
  const char* amounts[] = {"42,80", "138,30", "138,30"};
  for (int i = 0; i < 3; ++i) {
    const double y = 88 + 7 * i;
    p.Text(20, y, "28/03/2025");
    p.Text(45, y, designations[i]);
    p.Text(170, y, amounts[i]);
  }
  p.Text(120, 115, "Net à payer : 319,40");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFacture);
  ASSERT_EQ(d.lines.size(), 3u);
  EXPECT_EQ(L(d.lines[0], "montant"), "42.80");
  EXPECT_EQ(L(d.lines[2], "montant"), "138.30");
  EXPECT_EQ(L(d.lines[1], "libelle"), "Verre OD Sph +6,00 Cyl -1,00");
}

}  // namespace
}  // namespace liasse::extractors
