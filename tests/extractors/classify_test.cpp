// Page classification by structure as well as wording: act rows as hand
// fonts print them, the act table's header, amounts a prescription never
// prints, titles inside longer headings, short titles read fuzzily. Pages
// are built in memory with titles in no data file.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "liasse/extractors/extract.h"
#include "document_checks.h"
#include "page_builder.h"

namespace liasse::extractors {
namespace {

using testing::Options;
using testing::PageBuilder;

Document Classified(const PageBuilder& p) {
  const auto docs = ExtractDocuments({p.Build()}, nullptr, Options());
  EXPECT_EQ(docs.size(), 1u);
  return docs.empty() ? Document{} : docs.front();
}

// A NIR of 13 digits with its key (97 − the number modulo 97).
std::string WithKey(const std::string& thirteen) {
  const int64_t n = std::stoll(thirteen);
  const int64_t key = 97 - n % 97;
  return thirteen + (key < 10 ? "0" : "") + std::to_string(key);
}

// The sections of a feuille that also name a prescription: its heading, the
// prescriber after "Prescrit par le Dr", the date after "Ordonnance du".
PageBuilder& PrescriptionSection(PageBuilder& p, double y) {
  p.Text(20, y, "Prescription", 95, 4);
  p.Text(20, y + 10, "Prescrit par le Dr : DR CAMILLE MOREL - RPPS 10757982401");
  p.Text(130, y + 10, "Ordonnance du : 13/12/2023");
  return p;
}

TEST(Classify, AFeuilleWhoseActCodesAHandFontBlursIsNoPrescription) {
  // Title in no data file; codes read in small letters and with an accent.
  PageBuilder p;
  p.Text(70, 20, "Relevé des actes infirmiers", 95, 5);
  p.Text(20, 50, "Nom : BLANC");
  PrescriptionSection(p, 80);
  p.Text(30, 120, "Coef");
  p.Text(70, 120, "Montant");
  p.Text(100, 120, "Le");
  p.Text(170, 120, "Acte");
  const char* codes[] = {"AMÔ", "amo", "Amo", "AMO"};
  for (int i = 0; i < 4; ++i) {
    const double y = 130 + 8 * i;
    p.Text(30, y, "15");
    p.Text(70, y, "37,50 €");
    p.Text(100, y, std::to_string(16 + i) + "/12/2023");
    p.Text(170, y, codes[i]);
  }
  p.Text(100, 170, "Somme totale : 150,00 €");
  EXPECT_EQ(Classified(p).type, DocumentType::kFeuilleDeSoins);
}

TEST(Classify, ActRowsWhoseAmountsLostTheirSeparatorStillMakeAFeuille) {
  // "2210 €" for 22,10 €: digits before the euro sign; the columns are
  // headed in words of no data file.
  PageBuilder p;
  p.Text(80, 20, "Note de passage", 95, 5);
  PrescriptionSection(p, 60);
  p.Text(20, 100, "Qté   Tarif   Jour   Lettre");
  for (int i = 0; i < 3; ++i) {
    const double y = 110 + 8 * i;
    p.Text(20, y, "10");
    p.Text(40, y, "2210 €");
    p.Text(70, y, std::to_string(25 + i) + " juillet 2025");
    p.Text(120, y, "AMK");
  }
  EXPECT_EQ(Classified(p).type, DocumentType::kFeuilleDeSoins);
}

TEST(Classify, AFormsTitleAfterAnotherHeadNounIsHalfATitle) {
  // "Bordereau des feuilles de soins" lists feuilles: its rows of NIRs and
  // amounts make it a bordereau.
  PageBuilder p;
  p.Text(50, 30, "Bordereau des feuilles de soins", 95, 5);
  p.Text(20, 50, "Lot : 735");
  const char* nirs[] = {"2661163113290", "2861259350303"};
  for (int i = 0; i < 2; ++i) {
    p.Text(20, 80 + 8 * i, WithKey(nirs[i]) + "   MARTIN   69588283" + std::to_string(4 + i) + "   13,26   33,16");
  }
  EXPECT_EQ(Classified(p).type, DocumentType::kBordereau);
}

TEST(Classify, ANameOneLetterFromAShortTitleIsNoTitle) {
  // "DENIS" is one letter from "Devis"; the phone numbers are no prices.
  PageBuilder p;
  p.Text(20, 20, "Dr Hugo DENIS", 95, 4);
  p.Text(20, 30, "Médecin généraliste");
  p.Text(20, 40, "Tél 01.17.63.21.16");
  p.Text(20, 46, "Fax 01.17.63.21.17");
  p.Text(20, 52, "N° RPPS : 10648407799");
  p.Text(110, 70, "Fait à BAIE-MAHAULT, le 28-12-2024");
  p.Text(20, 90, "Madame RIVIERE Chloé");
  p.Text(120, 250, "Dr HUGO DENIS", 95, 4);
  EXPECT_EQ(Classified(p).type, DocumentType::kPrescription);
}

TEST(Classify, AnInvoiceTitledInNoWordingIsAFactureByItsTableHeader) {
  PageBuilder p;
  p.Text(20, 20, "OPTIQUE DU CENTRE", 95, 4);
  p.Text(20, 40, "NOTE DE FRAIS", 95, 4);
  p.Text(20, 60, "MONTANT TTC   DÉSIGNATION   CODE   JOUR");
  p.Text(20, 70, "129,70 EUR   Monture RAY-BAN   MONTURE   02.01.2025");
  p.Text(20, 78, "331,30 EUR   Verre OD progressif   VERRE   02.01.2025");
  p.Text(20, 95, "TOTAL GÉNÉRAL 461,00 EUR");
  const Document d = Classified(p);
  EXPECT_EQ(d.type, DocumentType::kFacture);
}

TEST(Classify, ALongTitlePrintedLargeIsATitle) {
  PageBuilder p;
  p.Text(30, 20, "Feuille de soins - actes paramédicaux", 95, 6);
  p.Text(30, 30, "Infirmier(e) - masseur-kinésithérapeute - orthophoniste");
  p.Text(20, 60, "Prescription", 95, 4);
  p.Text(20, 70, "Médecin prescripteur : Dr Jean CLEMENT - RPPS 10968627687");
  const Document d = Classified(p);
  EXPECT_EQ(d.type, DocumentType::kFeuilleDeSoins);
}

TEST(Classify, ATitleInLargeCapitalsSetWideApartIsOneWording) {
  // A listing's title in a fixed-width font 6 mm high: 8 mm between its
  // words, more than two of the page's 3 mm word heights.
  PageBuilder p;
  p.Text(25, 20, "FEUILLE", 95, 6);
  p.Text(56, 20, "DE", 95, 6);
  p.Text(73, 20, "SOINS", 95, 6);
  p.Text(20, 40, "NOM PRENOM : MERCIER SYLVIE");
  p.Text(20, 48, "ADR : 41 RESIDENCE DE LA REPUBLIQUE");
  EXPECT_EQ(Classified(p).type, DocumentType::kFeuilleDeSoins);
}

TEST(Classify, TwoTitlesOfOneFormInTheSameWordsCountOnce) {
  // "Facture" and "Facture de soins" are both facture titles of the data:
  // one heading, one title; the acts and the prescription make a feuille.
  PageBuilder p;
  p.Text(20, 20, "FACTURE DE SOINS AUXILIAIRE", 95, 5);
  p.Text(20, 40, "N° de facture : 690243979");
  p.Text(20, 50, "Date de la prescription : 17/02/2025");
  p.Text(20, 70, "DATE");
  p.Text(70, 70, "CODE");
  p.Text(150, 70, "MONTANT");
  p.Text(20, 78, "21/02/2025");
  p.Text(70, 78, "AMI");
  p.Text(150, 78, "6,30");
  p.Text(100, 90, "TOTAL : 6,30");
  EXPECT_EQ(Classified(p).type, DocumentType::kFeuilleDeSoins);
}

TEST(Classify, AFormsTitleAloneMidPageInThePagesPrintHeadsASection) {
  // "Prescription" over the prescriber's block, half-way down a feuille
  // whose title is in no data file and whose act codes the OCR mangled:
  // a section's heading, not the page's title.
  PageBuilder p;
  p.Text(80, 20, "Relevé de soins", 95, 5);
  p.Text(20, 40, "Nom / prénom : PERRIN PHILIPPE");
  p.Text(20, 110, "Prescription");
  p.Text(20, 118, "Prescrit par le Docteur Marie MARCHAND - RPPS 10000808072");
  p.Text(20, 126, "Médecin traitant : oui");
  p.Text(20, 140, "Prix");
  p.Text(50, 140, "Coef");
  p.Text(70, 140, "Le");
  p.Text(150, 140, "Code acte");
  for (int i = 0; i < 4; ++i) {
    const double y = 148 + 8 * i;
    p.Text(20, y, "18,79");
    p.Text(50, y, "8.5");
    p.Text(70, y, std::to_string(21 + i) + "/10/2024");
    p.Text(150, y, "ArIR");
  }
  EXPECT_EQ(Classified(p).type, DocumentType::kFeuilleDeSoins);
}

TEST(Classify, APageWhoseTitleAndActsWereNotReadIsToldByItsFieldsLabels) {
  // A hand-filled sheet scanned at low resolution: its title is in no data
  // file and no act row was read, but the labels of a feuille's fields and
  // the headings of its sections stand on it.
  PageBuilder p;
  p.Text(70, 20, "Fiche de passage", 95, 5);
  p.Text(20, 45, "Bénéficiaire des soins");
  p.Text(20, 52, "Date de naissance : 12/03/1956");
  p.Text(20, 65, "Professionnel de santé");
  p.Text(20, 72, "Numéro AM :");
  p.Text(20, 85, "Prescrit par :");
  p.Text(20, 98, "Date de l'ordonnance :");
  p.Text(20, 200, "Signature du professionnel :");
  EXPECT_EQ(Classified(p).type, DocumentType::kFeuilleDeSoins);
}

TEST(Classify, LabelsEveryFormPrintsMakeNoType) {
  // Name, first name and birth date belong to every form: a page of them
  // alone is nothing in particular.
  PageBuilder p;
  p.Text(20, 45, "Nom : BLANC");
  p.Text(20, 52, "Prénom : Marie");
  p.Text(20, 59, "Date de naissance : 12/03/1956");
  EXPECT_EQ(Classified(p).type, DocumentType::kAutre);
}

// A member's block at the top left of a letter, the addressee's at the right.
PageBuilder& Heading(PageBuilder& p, const std::vector<std::string>& addressee) {
  p.Text(18, 20, "Sophie BELAIR").Text(18, 26, "111 rue Schoelcher").Text(18, 32, "06000 NICE");
  double y = 50;
  for (const auto& row : addressee) {
    p.Text(110, y, row);
    y += 6;
  }
  return p;
}

// A member's letter in no wording of the data files: the sender, the
// insurer, a line `body` and its place and date.
PageBuilder Letter(const std::string& body) {
  PageBuilder p;
  Heading(p, {"GFM", "Service commercial - Pôle individuel", "10, rue du 4 Septembre", "75089 Paris cedex 2"})
      .Text(18, 84, "Au sujet de : mon adhésion")
      .Text(18, 96, body)
      .Text(18, 110, "NICE le 12/11/2024")
      .Text(18, 120, "Signature");
  return p;
}

TEST(Classify, ALetterNamingOneOfTheOperatorsFormulasIsARenunciationWhateverItsWording) {
  // "PASSA": the formula's 4 read as an A.
  for (const char* body : {"Moi Sophie BELAIR, j'annule le contrat santé CPMS formule PASS4 signé le 22/10/2024.",
                           "Moi Sophie BELAIR, j'annule le contrat santé CPMS formule PASSA signé le 22/10/2024."}) {
    const Document d = Classified(Letter(body));
    EXPECT_EQ(d.type, DocumentType::kRenonciation) << body;
    EXPECT_EQ(testing::T(d, "contrat"), "CPMS Santé PASS4") << body;
  }
}

TEST(Classify, ALetterNamingNoFormulaIsNoRenunciationByItsShapeAlone) {
  const Document d = Classified(Letter("Moi Sophie BELAIR, je vous écris au sujet de mon adhésion du 22/10/2024."));
  EXPECT_NE(d.type, DocumentType::kRenonciation);
}

TEST(Classify, AComplaintNamingItsContractsFormulaStaysAComplaint) {
  PageBuilder p;
  Heading(p, {"CPMS", "Service réclamations", "5, rue Geoffroy Marie", "75009 PARIS"})
      .Text(18, 84, "NICE, le 12/11/2024")
      .Text(18, 92, "Objet : réclamation")
      .Text(18, 104, "Adhérente au contrat PASS 3, je conteste le remboursement de mes soins du 02/10/2024.");
  EXPECT_EQ(Classified(p).type, DocumentType::kReclamation);
}

}  // namespace
}  // namespace liasse::extractors
