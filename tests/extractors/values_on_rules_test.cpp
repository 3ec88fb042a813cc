// Values written on the rule a form prints for them ("Prénoms : _Léa",
// "N° : _181550897") or glued by the OCR to a label of no data file
// ("Faitle:_29/08/2024"): the rule and the label are no part of the value.
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

TEST(ValuesOnRules, APrenomReadWithItsRuleIsThePrenomUnflagged) {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 30, "Bénéficiaire")
      .Text(18, 36, "Nom :_ BERTRAND")
      .Text(90, 36, "Prénom : _Léa")
      .Text(140, 36, "Date de naissance : 20/06/1963");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFeuilleDeSoins);
  EXPECT_EQ(T(d, "beneficiaire.nom"), "BERTRAND");
  EXPECT_EQ(T(d, "beneficiaire.prenom"), "Léa");
  EXPECT_FALSE(Flagged(d, "beneficiaire.prenom"));
}

// An invoice whose date's label is in no wording and glued to the date by
// the OCR: the one recent date above the lines, flagged (nothing names it).
TEST(ValuesOnRules, ADateGluedToALabelOfNoFileIsReadByValueFlagged) {
  PageBuilder p;
  p.Text(20, 15, "FACTURE", 95, 5)
      .Text(18, 30, "PHARMACIE DES LILAS")
      .Text(18, 40, "N° de facture : 2024-08140")
      .Text(110, 40, "Etabli:_29/08/2024")
      .Text(18, 46, "Patient : Inès THOMAS")
      .Text(110, 46, "Née le : 05/10/1960")
      .Text(18, 60, "Date")
      .Text(50, 60, "Désignation")
      .Text(170, 60, "Montant")
      .Text(18, 67, "29/08/2024")
      .Text(50, 67, "Doliprane 1000 mg")
      .Text(170, 67, "4,36")
      .Text(120, 80, "Total TTC")
      .Text(170, 80, "4,36");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFacture);
  EXPECT_EQ(T(d, "date"), "2024-08-29");
  EXPECT_TRUE(Flagged(d, "date"));
}

// "8,12€": the amount with its currency sign read against it; the total
// under a wording of no file ("Somme due") is the amount the lines add up to.
TEST(ValuesOnRules, InvoiceAmountsGluedToTheirEuroSignAreReadAndAddUpToTheTotal) {
  PageBuilder p;
  p.Text(20, 15, "FACTURE", 95, 5)
      .Text(18, 30, "PHARMACIE DE LA GARE")
      .Text(18, 40, "N° de facture : 8650225")
      .Text(18, 52, "Code")
      .Text(50, 52, "Montant €")
      .Text(80, 52, "Désignation")
      .Text(18, 59, "PH4")
      .Text(50, 59, "8,12€")
      .Text(80, 59, "Amoxicilline 1 g cp B/6 x2")
      .Text(18, 66, "PH2")
      .Text(50, 66, "6,68€")
      .Text(80, 66, "Spasfon Lyoc 80 mg B/10 x2")
      .Text(100, 80, "Somme due :")
      .Text(170, 80, "14,80 €");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFacture);
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(testing::L(d.lines[0], "montant"), "8.12");
  EXPECT_EQ(testing::L(d.lines[1], "montant"), "6.68");
  EXPECT_EQ(T(d, "montant_total"), "14.80");
}

// A bordereau whose lot number's label the OCR lost ("... +: 591"): the
// one number of three digits above the lines that no other field holds,
// the caisse's code beside its name aside, flagged.
TEST(ValuesOnRules, ALotNumberWhoseLabelWasLostIsTheOneNumberOfItsLengthAboveTheLinesFlagged) {
  PageBuilder p;
  p.Text(18, 20, "BORDEREAU RÉCAPITULATIF DES FACTURES", 95, 4.5)
      .Text(18, 40, "... +: 591")
      .Text(90, 40, "Date de constitution : 08/12/2023")
      .Text(18, 46, "131 - CPAM des Bouches-du-Rhône")
      .Text(18, 90, "N° facture")
      .Text(50, 90, "NIR")
      .Text(100, 90, "Nom")
      .Text(130, 90, "Total")
      .Text(18, 97, "220379193")
      .Text(50, 97, "2 91 01 67 482 839 77")
      .Text(100, 97, "LOUIS-JEAN")
      .Text(130, 97, "57,15");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kBordereau);
  EXPECT_EQ(T(d, "lot.numero"), "591");
  EXPECT_TRUE(Flagged(d, "lot.numero"));
}

}  // namespace
}  // namespace liasse::extractors
