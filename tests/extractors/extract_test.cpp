// ExtractDocuments on hand-made OCR pages laid out like the forms of the
// synthetic corpus (tools/synth): classification, splitting, field and
// table reading, validators and review flags.
#include "liasse/extractors/extract.h"

#include <cmath>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "document_checks.h"
#include "page_builder.h"

namespace liasse::extractors {
namespace {

using testing::L;
using testing::Options;
using testing::T;
using testing::Flagged;

using testing::PageBuilder;

// One act row as printed: date, code, coefficient, montant ("" leaves the
// cell empty).
struct ActRow {
  std::string date, code, coefficient, montant;
  double date_x = 20, coefficient_x = 110;  // where the hand wrote them (mm)
};

// A feuille de soins (S3129 duplicata layout) with `acts` (up to three rows)
// and the given total.
PageBuilder FeuilleWithActs(const std::vector<ActRow>& acts, const std::string& total = "25,20 €",
                            const std::string& nir = "2 85 07 75 115 042 30", double skew = 0,
                            const std::string& prescription_date = "02/06/2025");

// A feuille de soins (S3129 duplicata layout) with two AMI 4 acts of 2025.
PageBuilder Feuille(const std::string& nir = "2 85 07 75 115 042 30", const std::string& montant2 = "12,60",
                    double skew = 0) {
  return FeuilleWithActs({{"05/06/2025", "AMI", "4", "12,60"}, {"06/06/2025", "AMI", "4", montant2}}, "25,20 €", nir, skew);
}

PageBuilder FeuilleWithActs(const std::vector<ActRow>& acts, const std::string& total, const std::string& nir,
                            double skew, const std::string& prescription_date) {
  PageBuilder p;
  p.Skew(skew);
  p.Text(40, 16, "FEUILLE DE SOINS AUXILIAIRE MÉDICAL", 95, 4)
      .Text(50, 21, "(duplicata édité par le logiciel du praticien - modèle S3129)")
      .Text(120, 33, "N° de facture : 123456789")
      .Text(18, 43, "PERSONNE RECEVANT LES SOINS")
      .Text(18, 49, "Nom et prénom")
      .Text(50, 49, "MARTIN Sophie")
      .Text(18, 56, "Date de naissance")
      .Text(50, 56, "12/07/1985")
      .Text(18, 64, "ASSURÉ(E) : la personne recevant les soins")
      .Text(18, 71, "Nom et prénom")
      .Text(50, 71, "MARTIN Sophie")
      .Text(18, 80, "N° d'immatriculation")
      .Text(50, 80, nir)
      .Text(18, 90, "Adresse")
      .Text(50, 90, "3 rue des Lilas, 97110 Pointe-à-Pitre")
      .Text(18, 101, "CONDITIONS DE PRISE EN CHARGE - PRESCRIPTION")
      .Text(18, 108, "Identification du prescripteur")
      .Text(68, 108, "Dr Paul DURAND RPPS 10001234567")
      .Text(18, 115, "Date de la prescription")
      .Text(68, 115, prescription_date)
      .Text(18, 123, "AUXILIAIRE MÉDICAL(E)")
      .Text(18, 130, "Nom et prénom")
      .Text(50, 130, "LEROY Anne - Infirmier(e) diplômé(e) d'État")
      .Text(18, 136, "N° d'identification")
      .Text(50, 136, "971123450")
      .Text(20, 148, "Date")
      .Text(48, 148, "Acte (lettre clé)")
      .Text(92, 148, "Coefficient")
      .Text(120, 148, "Montant des honoraires");
  double y = 155;
  for (const auto& a : acts) {
    const std::pair<double, const std::string*> cells[] = {
        {a.date_x, &a.date}, {48, &a.code}, {a.coefficient_x, &a.coefficient}, {150, &a.montant}};
    for (const auto& [x, text] : cells) {
      if (!text->empty()) p.Text(x, y, *text);
    }
    y += 6;
  }
  p.Text(90, 175, "MONTANT TOTAL")
      .Text(145, 175, total)
      .Text(18, 185, "L'auxiliaire médical certifie exactes les mentions")
      .Text(108, 185, "Signature de la personne recevant les soins")
      .Text(114, 221, "impossibilité de signer");
  return p;
}

TEST(ExtractDocuments, ReadsEveryFieldOfAFeuilleDeSoins) {
  const auto docs = ExtractDocuments({Feuille().Build()}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  EXPECT_EQ(d.type, DocumentType::kFeuilleDeSoins);
  EXPECT_GE(d.confidence, 0.8);
  EXPECT_EQ(T(d, "numero_facture"), "123456789");
  EXPECT_EQ(T(d, "beneficiaire.nom"), "MARTIN");
  EXPECT_EQ(T(d, "beneficiaire.prenom"), "Sophie");
  EXPECT_EQ(T(d, "beneficiaire.date_naissance"), "1985-07-12");
  EXPECT_EQ(T(d, "assure.nir"), "285077511504230");
  EXPECT_EQ(T(d, "prescripteur.nom"), "DURAND");
  EXPECT_EQ(T(d, "prescription.date"), "2025-06-02");
  EXPECT_EQ(T(d, "praticien.nom"), "LEROY");
  EXPECT_EQ(T(d, "praticien.identifiant"), "971123450");
  EXPECT_EQ(T(d, "montant_total"), "25.20");
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(L(d.lines[1], "date"), "2025-06-06");
  EXPECT_EQ(L(d.lines[1], "code"), "AMI");
  EXPECT_EQ(L(d.lines[1], "coefficient"), "4");
  EXPECT_EQ(L(d.lines[1], "montant"), "12.60");
  EXPECT_FALSE(Flagged(d, "assure.nir"));
  EXPECT_FALSE(Flagged(d, "montant_total"));
}

TEST(ExtractDocuments, TableRowsSurviveResidualSkew) {
  // 0.6° of skew left by the deskew: 13 px over the table's width at 300 dpi.
  const auto docs = ExtractDocuments({Feuille("2 85 07 75 115 042 30", "12,60", 0.0105).Build()}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].lines.size(), 2u);
  EXPECT_EQ(L(docs[0].lines[0], "montant"), "12.60");
  EXPECT_EQ(T(docs[0], "assure.nir"), "285077511504230");
}

TEST(ExtractDocuments, NirWithAWrongKeyIsKeptAsReadAndFlagged) {
  const auto docs = ExtractDocuments({Feuille("2 85 07 75 115 042 31").Build()}, nullptr, Options());
  EXPECT_EQ(T(docs[0], "assure.nir"), "285077511504231");
  EXPECT_TRUE(Flagged(docs[0], "assure.nir"));
}

TEST(ExtractDocuments, LettersReadForDigitsInANirAreRepairedWhenTheKeyPasses) {
  const auto docs = ExtractDocuments({Feuille("2 85 O7 75 1l5 042 30").Build()}, nullptr, Options());
  EXPECT_EQ(T(docs[0], "assure.nir"), "285077511504230");
}

TEST(ExtractDocuments, ActMontantIsRepairedOnlyWhenOneDigitFitsTheTariff) {
  // 4 × AMI (3.15) = 12.60; read "12,80": the only one-digit repair that fits is 12.60.
  // No total printed: nothing else confirms the repair.
  const auto docs = ExtractDocuments(
      {FeuilleWithActs({{"05/06/2025", "AMI", "4", "12,60"}, {"06/06/2025", "AMI", "4", "12,80"}}, "").Build()}, nullptr, Options());
  ASSERT_EQ(docs[0].lines.size(), 2u);
  EXPECT_EQ(L(docs[0].lines[1], "montant"), "12.60");
  EXPECT_TRUE(Flagged(docs[0], "montant", 1));
}

TEST(ExtractDocuments, AMontantFarFromTheTariffIsFlaggedNotChanged) {
  const auto docs = ExtractDocuments({Feuille("2 85 07 75 115 042 30", "19,99").Build()}, nullptr, Options());
  EXPECT_EQ(L(docs[0].lines[1], "montant"), "19.99");
  EXPECT_TRUE(Flagged(docs[0], "montant", 1));
  EXPECT_TRUE(Flagged(docs[0], "montant_total"));  // the sum no longer matches
}

TEST(ExtractDocuments, HandwrittenCoefficientMisreadIsRestoredFromMontantAndFlagged) {
  // IFD is worth 2.75 in 2025: "4" for 1 (a handwritten 1) fails the check,
  // and only coefficient 1 makes the montant read.
  const auto docs = ExtractDocuments(
      {FeuilleWithActs({{"05/06/2025", "AMI", "4", "12,60"}, {"05/06/2025", "IFD", "4", "2,75"}}, "").Build()},
      nullptr, Options());
  ASSERT_EQ(docs[0].lines.size(), 2u);
  EXPECT_EQ(L(docs[0].lines[1], "coefficient"), "1");
  EXPECT_EQ(L(docs[0].lines[1], "montant"), "2.75");
  EXPECT_TRUE(Flagged(docs[0], "coefficient", 1));
  EXPECT_FALSE(Flagged(docs[0], "montant", 1));
}

TEST(ExtractDocuments, GarbledCodeIsTakenFromTheFeuillesOtherActsWhenOnlyOneFitsTheMontant) {
  // "KG" (IK with its I lost and 6 read as G): of the feuille's codes (AMI,
  // IFD, IK) only IK prices 2.10, with coefficient 6.
  const auto docs = ExtractDocuments({FeuilleWithActs({{"05/06/2025", "AMI", "1.5", "4,73"},
                                                      {"05/06/2025", "IK", "6", "2,10"},
                                                      {"06/06/2025", "KG", "", "2,10"}},
                                                     "")
                                          .Build()},
                                     nullptr, Options());
  ASSERT_EQ(docs[0].lines.size(), 3u);
  EXPECT_EQ(L(docs[0].lines[2], "code"), "IK");
  EXPECT_EQ(L(docs[0].lines[2], "coefficient"), "6");
  EXPECT_TRUE(Flagged(docs[0], "code", 2));
  EXPECT_TRUE(Flagged(docs[0], "coefficient", 2));
}

TEST(ExtractDocuments, AGarbledCodeThatTwoActsCouldPriceStaysUnread) {
  // 6.30 is AMI 2 and IK 18: nothing read tells which, so nothing is chosen.
  const auto docs = ExtractDocuments({FeuilleWithActs({{"05/06/2025", "AMI", "2", "6,30"},
                                                      {"05/06/2025", "IK", "18", "6,30"},
                                                      {"06/06/2025", "XQ", "", "6,30"}},
                                                     "18,90 €")
                                          .Build()},
                                     nullptr, Options());
  ASSERT_EQ(docs[0].lines.size(), 3u);
  EXPECT_NE(L(docs[0].lines[2], "code"), "AMI");
  EXPECT_NE(L(docs[0].lines[2], "code"), "IK");
  EXPECT_EQ(L(docs[0].lines[2], "coefficient"), "<absent>");
  EXPECT_TRUE(Flagged(docs[0], "coefficient", 2));
}

TEST(ExtractDocuments, CoefficientGluedToTheMontantIsSplitOff) {
  // "IFD" then "12,75" in the montant column: coefficient 1 and 2.75.
  const auto docs = ExtractDocuments(
      {FeuilleWithActs({{"05/06/2025", "AMI", "4", "12,60"}, {"05/06/2025", "IFD", "", "12,75"}}, "").Build()},
      nullptr, Options());
  ASSERT_EQ(docs[0].lines.size(), 2u);
  EXPECT_EQ(L(docs[0].lines[1], "coefficient"), "1");
  EXPECT_EQ(L(docs[0].lines[1], "montant"), "2.75");
  EXPECT_TRUE(Flagged(docs[0], "montant", 1));
}

TEST(ExtractDocuments, RepairsTheTotalConfirmsLeaveReview) {
  // The same repairs on a feuille whose total, read by its label, is what
  // the repaired lines add up to: a witness apart from the tariff.
  const auto docs = ExtractDocuments(
      {FeuilleWithActs({{"05/06/2025", "AMI", "4", "12,60"}, {"05/06/2025", "IFD", "4", "2,75"}, {"06/06/2025", "AMI", "4", "12,80"}},
                       "27,95 €")
           .Build()},
      nullptr, Options());
  ASSERT_EQ(docs[0].lines.size(), 3u);
  EXPECT_EQ(L(docs[0].lines[1], "coefficient"), "1");
  EXPECT_EQ(L(docs[0].lines[2], "montant"), "12.60");
  EXPECT_FALSE(Flagged(docs[0], "coefficient", 1));
  EXPECT_FALSE(Flagged(docs[0], "montant", 2));
  EXPECT_FALSE(Flagged(docs[0], "montant_total"));
}

TEST(ExtractDocuments, RepairsATotalDoesNotConfirmStayInReview) {
  // The total says 28,00: the repaired lines (27,95) do not make it.
  const auto docs = ExtractDocuments(
      {FeuilleWithActs({{"05/06/2025", "AMI", "4", "12,60"}, {"05/06/2025", "IFD", "4", "2,75"}, {"06/06/2025", "AMI", "4", "12,80"}},
                       "28,00 €")
           .Build()},
      nullptr, Options());
  ASSERT_EQ(docs[0].lines.size(), 3u);
  EXPECT_TRUE(Flagged(docs[0], "coefficient", 1));
  EXPECT_TRUE(Flagged(docs[0], "montant", 2));
  EXPECT_TRUE(Flagged(docs[0], "montant_total"));
}

TEST(ExtractDocuments, AMontantThatLostItsDecimalSeparatorIsRestoredByTheTariff) {
  // Hand-filled "1768" for 17,68 (AMK 8 at 2,21), "275" for 2,75 (IFD 1):
  // whole euros a hundred times the price; the total confirms both.
  const auto docs = ExtractDocuments(
      {FeuilleWithActs({{"05/06/2025", "AMK", "8", "1768"}, {"05/06/2025", "IFD", "1", "275"}}, "20,43 €").Build()}, nullptr,
      Options());
  ASSERT_EQ(docs[0].lines.size(), 2u);
  EXPECT_EQ(L(docs[0].lines[0], "montant"), "17.68");
  EXPECT_EQ(L(docs[0].lines[1], "montant"), "2.75");
  EXPECT_EQ(L(docs[0].lines[1], "coefficient"), "1");
  EXPECT_FALSE(Flagged(docs[0], "montant", 0));
  EXPECT_FALSE(Flagged(docs[0], "montant", 1));
}

TEST(ExtractDocuments, AMontantThatLostItsSeparatorWithoutATotalStaysFlagged) {
  const auto docs = ExtractDocuments({FeuilleWithActs({{"05/06/2025", "AMK", "8", "1768"}}, "").Build()}, nullptr, Options());
  ASSERT_EQ(docs[0].lines.size(), 1u);
  EXPECT_EQ(L(docs[0].lines[0], "montant"), "17.68");
  EXPECT_TRUE(Flagged(docs[0], "montant", 0));
}

// The feuille of Feuille() with its prescription date written as
// `prescription_date`.
PageBuilder FeuilleWithPrescriptionDate(const std::string& prescription_date) {
  return FeuilleWithActs({{"05/06/2025", "AMI", "4", "12,60"}, {"06/06/2025", "AMI", "4", "12,60"}}, "25,20 €",
                         "2 85 07 75 115 042 30", 0, prescription_date);
}

// The prescription of Sophie MARTIN by Dr Paul DURAND, dated `date`.
PageBuilder Prescription(const std::string& date) {
  PageBuilder p;
  p.Text(18, 20, "Docteur Paul DURAND", 95, 4.5)
      .Text(18, 27, "Médecine générale - Conventionné secteur 1")
      .Text(18, 33, "12 rue de la Paix - 75002 PARIS")
      .Text(18, 45, "RPPS 10001234567")
      .Text(110, 60, "PARIS, le " + date)
      .Text(18, 75, "Mme Sophie MARTIN")
      .Text(18, 90, "Soins infirmiers à domicile : injection sous-cutanée une fois par jour")
      .Text(18, 96, "pendant 10 jours, dimanches et jours fériés compris.");
  return p;
}

TEST(ExtractDocuments, AnUnreadablePrescriptionDateIsTakenFromThePrescriptionAndFlagged) {
  // "03/96/2025": a handwritten 0 read as 9 — no such month; the
  // prescription of the same patient is dated 03/06/2025, one digit away.
  const auto docs = ExtractDocuments({FeuilleWithPrescriptionDate("03/96/2025").Build(), Prescription("03/06/2025").Build()},
                                     nullptr, Options());
  ASSERT_EQ(docs.size(), 2u);
  ASSERT_EQ(docs[1].type, DocumentType::kPrescription);
  EXPECT_EQ(T(docs[1], "date"), "2025-06-03");
  EXPECT_EQ(T(docs[0], "prescription.date"), "2025-06-03");
  EXPECT_TRUE(Flagged(docs[0], "prescription.date"));
}

TEST(ExtractDocuments, APrescriptionDateFarFromWhatTheFeuilleShowsIsNotTaken) {
  const auto docs = ExtractDocuments({FeuilleWithPrescriptionDate("03/96/2025").Build(), Prescription("15/01/2025").Build()},
                                     nullptr, Options());
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(T(docs[0], "prescription.date"), "<absent>");
  EXPECT_TRUE(Flagged(docs[0], "prescription.date"));
}

// A dental facture whose number is printed `numero`, with one act `code`.
PageBuilder FactureDentaire(const std::string& numero, const std::string& code = "HBLD036",
                            const std::string& montant = "848,20",
                            const std::string& patient = "Patient : LEFEVRE Stéphane Né(e) le 07/03/1990") {
  PageBuilder p;
  p.Text(18, 18, "DR INÈS BRUN", 95, 4.5)
      .Text(18, 25, "Chirurgien-dentiste")
      .Text(18, 30, "71 place du Général de Gaulle - 06000 NICE - Tél. 02 29 26 36 00")
      .Text(18, 35, "N° AM 064858640")
      .Text(18, 48, "FACTURE N° " + numero, 95, 4.5)
      .Text(18, 58, "Date : 25/12/2024")
      .Text(18, 66, patient)
      .Text(18, 72, "N° de sécurité sociale : 1 90 03 76 540 660 53")
      .Text(18, 80, "Mutuelle : CPMS - N° adhérent : A60033402")
      .Text(18, 92, "Date")
      .Text(42, 92, "Code CCAM")
      .Text(68, 92, "Dent")
      .Text(80, 92, "Désignation")
      .Text(170, 92, "Montant")
      .Text(18, 99, "25/12/2024")
      .Text(42, 99, code)
      .Text(68, 99, "35")
      .Text(80, 99, "Couronne dentoportée céramométallique")
      .Text(170, 99, montant)
      .Text(120, 110, "TOTAL TTC")
      .Text(165, 110, "848,20 €")
      .Text(18, 122, "Facture acquittée le 27/12/2024 - règlement par chèque");
  return p;
}

// The patient under a wording of no data file: the one "Prénom NOM" on a
// row with a birth date, flagged.
TEST(ExtractDocuments, AnInvoicesPatientUnderAWordingOfNoFileIsTheNameBesideABirthDateFlagged) {
  const auto docs = ExtractDocuments(
      {FactureDentaire("2024-52143", "HBLD036", "848,20", "Destinataire des soins : Valérie BELAIR 12/12/1947").Build()}, nullptr,
      Options());
  ASSERT_EQ(docs[0].type, DocumentType::kFacture);
  EXPECT_EQ(T(docs[0], "beneficiaire.nom"), "BELAIR");
  EXPECT_EQ(T(docs[0], "beneficiaire.prenom"), "Valérie");
  EXPECT_TRUE(Flagged(docs[0], "beneficiaire.nom"));
}

TEST(ExtractDocuments, AnInvoiceNumberWithADoubledYearDigitIsReadOnceAndFlagged) {
  const auto clean = ExtractDocuments({FactureDentaire("2024-52143").Build()}, nullptr, Options());
  ASSERT_EQ(clean[0].type, DocumentType::kFacture);
  EXPECT_EQ(T(clean[0], "numero_facture"), "2024-52143");
  EXPECT_FALSE(Flagged(clean[0], "numero_facture"));
  const auto doubled = ExtractDocuments({FactureDentaire("22024-52143").Build()}, nullptr, Options());
  EXPECT_EQ(T(doubled[0], "numero_facture"), "2024-52143");
  EXPECT_TRUE(Flagged(doubled[0], "numero_facture"));
  // "22224-52143": 2224 is no year of ours, 2024 would need two digits dropped.
  const auto garbled = ExtractDocuments({FactureDentaire("22224-52143").Build()}, nullptr, Options());
  EXPECT_EQ(T(garbled[0], "numero_facture"), "<absent>");
}

TEST(ExtractDocuments, ACcamCodeOneCharacterFromOneTariffCodeIsThatCodeFlagged) {
  const auto d0 = ExtractDocuments({FactureDentaire("2024-52143", "HBL0036").Build()}, nullptr, Options());
  ASSERT_EQ(d0[0].lines.size(), 1u);
  EXPECT_EQ(L(d0[0].lines[0], "code"), "HBLD036");
  EXPECT_TRUE(Flagged(d0[0], "code", 0));
  // A short code of the invoice's own stays as printed.
  const auto cp = ExtractDocuments({FactureDentaire("2024-52143", "CP").Build()}, nullptr, Options());
  ASSERT_EQ(cp[0].lines.size(), 1u);
  EXPECT_EQ(L(cp[0].lines[0], "code"), "CP");
}

TEST(ExtractDocuments, HandwritingOutsideItsPrintedColumnKeepsItsMeaning) {
  // The second date is written under "Acte", its coefficient right after
  // the code, both left of where the columns are printed.
  const auto docs = ExtractDocuments({FeuilleWithActs({{"05/06/2025", "AMI", "4", "12,60"},
                                                      {"06/06/2025", "AMI", "4", "12,60", 40, 62}})
                                          .Build()},
                                     nullptr, Options());
  ASSERT_EQ(docs[0].lines.size(), 2u);
  EXPECT_EQ(L(docs[0].lines[1], "date"), "2025-06-06");
  EXPECT_EQ(L(docs[0].lines[1], "code"), "AMI");
  EXPECT_EQ(L(docs[0].lines[1], "coefficient"), "4");
}

TEST(ExtractDocuments, AnInvoiceLineWithAStrayThirdDecimalIsTheOneThatMakesTheTotal) {
  // "848,250": dropping the 5 gives 848.20, the total; 848.25 and 848.50 do not.
  const auto docs = ExtractDocuments({FactureDentaire("2024-52143", "HBLD036", "848,250").Build()}, nullptr, Options());
  ASSERT_EQ(docs[0].lines.size(), 1u);
  EXPECT_EQ(L(docs[0].lines[0], "montant"), "848.20");
  EXPECT_TRUE(Flagged(docs[0], "montant", 0));
  // No way of dropping a decimal gives the total: the montant stays unread.
  const auto off = ExtractDocuments({FactureDentaire("2024-52143", "HBLD036", "841,250").Build()}, nullptr, Options());
  ASSERT_EQ(off[0].lines.size(), 1u);
  EXPECT_EQ(L(off[0].lines[0], "montant"), "<absent>");
}

// An optician's invoice with a two-column table (no date, no code) whose
// columns stand at `libelle_x` and `montant_x` under the wordings given;
// the member's number after `adherent_label`.
OcrPage FactureOptique(const std::string& libelle_header, double libelle_x, const std::string& montant_header,
                       double montant_x, const std::string& adherent_label) {
  return PageBuilder(0)
      .Text(18, 20, "Lunetterie des Tilleuls")
      .Text(18, 26, "4 rue des Tilleuls, 21000 DIJON - FINESS 210098765")
      .Text(120, 34, "FACTURE N° T2025457")
      .Text(120, 40, "Date : 12/05/2025")
      .Text(18, 50, "Client : Lucie ROBIN")
      .Text(18, 56, adherent_label + " : 7730412")
      .Text(libelle_x, 70, libelle_header)
      .Text(montant_x, 70, montant_header)
      .Text(libelle_x, 78, "Monture acétate écaille")
      .Text(montant_x, 78, "95,00 €")
      .Text(libelle_x, 84, "Verre unifocal OD sph -1,75")
      .Text(montant_x, 84, "60,00 €")
      .Text(libelle_x, 90, "Verre unifocal OG sph -1,50")
      .Text(montant_x, 90, "60,00 €")
      .Text(110, 100, "Total TTC")
      .Text(150, 100, "215,00 €")
      .Text(18, 112, "Facture acquittée le 12/05/2025")
      .Build();
}

TEST(ExtractDocuments, AnInvoiceTableIsReadByItsHeaderWhateverItsColumnsAndTheirOrder) {
  struct Case {
    const char* libelle;
    double libelle_x;
    const char* montant;
    double montant_x;
  };
  // "Montant TTC" heads the amounts: it names the column, not the total.
  for (const Case& c : {Case{"Désignation", 18, "Montant TTC", 150}, Case{"Article", 60, "Prix", 18},
                        Case{"Libellé", 18, "Prix TTC", 120}}) {
    const auto docs = ExtractDocuments({FactureOptique(c.libelle, c.libelle_x, c.montant, c.montant_x, "N° adhérent")},
                                       nullptr, Options());
    ASSERT_EQ(docs.size(), 1u);
    ASSERT_EQ(docs[0].type, DocumentType::kFacture) << c.libelle;
    ASSERT_EQ(docs[0].lines.size(), 3u) << c.libelle;
    EXPECT_EQ(L(docs[0].lines[0], "montant"), "95.00") << c.libelle;
    EXPECT_EQ(L(docs[0].lines[1], "libelle"), "Verre unifocal OD sph -1,75") << c.libelle;
    EXPECT_EQ(L(docs[0].lines[2], "montant"), "60.00") << c.libelle;
    // No code column: the form's data names the lines by their libellé.
    EXPECT_EQ(L(docs[0].lines[0], "code"), "MONTURE") << c.libelle;
    EXPECT_EQ(L(docs[0].lines[2], "code"), "VERRE") << c.libelle;
    EXPECT_EQ(T(docs[0], "montant_total"), "215.00") << c.libelle;
    EXPECT_FALSE(Flagged(docs[0], "montant_total")) << c.libelle;
  }
}

TEST(ExtractDocuments, AnInvoiceDateIsNoBirthDateReadUnderTheLabelDate) {
  // "Date" heads the birth date; the invoice's own date has a label of no
  // data file ("Émise le", in letters, its 1er read "ler"): a date decades
  // before the page's newest is not taken silently for the invoice's.
  const auto page = PageBuilder(0)
                        .Text(18, 20, "Lunetterie des Tilleuls")
                        .Text(18, 26, "4 rue des Tilleuls, 21000 DIJON")
                        .Text(120, 34, "FACTURE N° T2025457")
                        .Text(120, 40, "Émise le ler juin 2025")
                        .Text(18, 50, "Client : Lucie ROBIN")
                        .Text(18, 56, "Date de naissance")
                        .Text(18, 62, "14/03/1961")
                        .Text(18, 70, "Désignation")
                        .Text(150, 70, "Montant")
                        .Text(18, 78, "Monture acétate écaille")
                        .Text(150, 78, "95,00 €")
                        .Text(110, 90, "Total TTC")
                        .Text(150, 90, "95,00 €")
                        .Build();
  const auto docs = ExtractDocuments({page}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].type, DocumentType::kFacture);
  // Never the birth date silently.
  if (T(docs[0], "date") != "2025-06-01") {
    EXPECT_TRUE(Flagged(docs[0], "date")) << T(docs[0], "date");
  }
}

TEST(ExtractDocuments, AnInvoicesPricesUnderAHeadingOfNoDataFileAreItsMontantColumn) {
  // "Tarif" is in no wording of the data: the column of amounts is the
  // montant's, the code printed after it stays the code.
  PageBuilder p(0);
  p.Text(18, 20, "Lunetterie des Tilleuls")
      .Text(120, 34, "FACTURE N° T2025457")
      .Text(120, 40, "Date : 12/05/2025")
      .Text(18, 50, "Client : Lucie ROBIN")
      .Text(18, 70, "Date")
      .Text(45, 70, "Désignation")
      .Text(120, 70, "Tarif")
      .Text(150, 70, "Code");
  const char* libelles[] = {"Monture acétate écaille", "Verre unifocal OD sph -1,75"};
  const char* codes[] = {"MONTURE", "VERRE"};
  const char* montants[] = {"95,00", "60,00"};
  for (int i = 0; i < 2; ++i) {
    p.Text(18, 78 + 6 * i, "12/05/2025").Text(45, 78 + 6 * i, libelles[i]).Text(120, 78 + 6 * i, montants[i]);
    p.Text(150, 78 + 6 * i, codes[i]);
  }
  p.Text(110, 100, "Total TTC").Text(150, 100, "155,00 €");
  const auto docs = ExtractDocuments({p.Build()}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].lines.size(), 2u);
  EXPECT_EQ(L(docs[0].lines[0], "montant"), "95.00");
  EXPECT_EQ(L(docs[0].lines[1], "montant"), "60.00");
  EXPECT_EQ(L(docs[0].lines[1], "code"), "VERRE");
  EXPECT_EQ(L(docs[0].lines[0], "libelle"), "Monture acétate écaille");
}

TEST(ExtractDocuments, AnInvoicesDatesUnderAHeadingOfNoDataFileAndItsTotalsRowInNoWording) {
  // "Jour" and "Tarif" are in no wording of the data: the columns of dates
  // and of amounts are named by what they hold; "Somme due" is the lines'
  // sum (a totals row), and the mentions below the table are no lines.
  PageBuilder p(0);
  p.Text(18, 20, "Cabinet dentaire des Tilleuls")
      .Text(120, 34, "FACTURE N° T2025457")
      .Text(18, 50, "Client : Lucie ROBIN")
      .Text(18, 70, "Jour")
      .Text(45, 70, "Désignation")
      .Text(120, 70, "Tarif")
      .Text(150, 70, "Code");
  const char* libelles[] = {"Couronne dentoportée", "Détartrage et polissage"};
  const char* codes[] = {"HBLD036", "HBJD001"};
  const char* montants[] = {"95,00", "60,00"};
  for (int i = 0; i < 2; ++i) {
    p.Text(18, 78 + 6 * i, "12/05/2025").Text(45, 78 + 6 * i, libelles[i]).Text(120, 78 + 6 * i, montants[i]);
    p.Text(150, 78 + 6 * i, codes[i]);
  }
  p.Text(60, 100, "Somme due : 155,00 €").Text(18, 112, "PAYÉ").Text(18, 120, "Dr Camille MULLER").Text(18, 128, "Merci de votre visite");
  p.Text(18, 136, "Cabinet ouvert du lundi au vendredi");
  const auto docs = ExtractDocuments({p.Build()}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].lines.size(), 2u);
  EXPECT_EQ(L(docs[0].lines[0], "date"), "2025-05-12");
  EXPECT_EQ(L(docs[0].lines[1], "montant"), "60.00");
}

TEST(ExtractDocuments, TheMembersNumberIsTheFirstWordWithDigitsAfterItsLabel) {
  for (const char* label : {"N° adhérent mutuelle", "Adhérent n°", "Numéro d'adhérent complémentaire"}) {
    const auto docs = ExtractDocuments({FactureOptique("Désignation", 18, "Montant", 150, label)}, nullptr, Options());
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(T(docs[0], "numero_adherent"), "7730412") << label;
    EXPECT_FALSE(Flagged(docs[0], "numero_adherent")) << label;
  }
}

TEST(ExtractDocuments, AFeuilleWithAPrescriptionSectionIsAFeuilleWithoutDoubt) {
  // A sparse layout: its "PRESCRIPTION" heading and "Prescripteur : Dr …"
  // are a prescription's words too.
  const OcrPage page = PageBuilder(0)
                           .Text(18, 20, "FEUILLE DE SOINS", 95, 4)
                           .Text(18, 26, "Actes d'un auxiliaire médical")
                           .Text(18, 36, "PERSONNE RECEVANT LES SOINS")
                           .Text(18, 42, "Nom : BERNARD")
                           .Text(90, 42, "Prénom : Lucie")
                           .Text(18, 48, "N° d'immatriculation : 2 85 07 75 115 042 30")
                           .Text(18, 62, "PRESCRIPTION")
                           .Text(18, 68, "Prescripteur : Dr Morel")
                           .Text(90, 68, "Date de la prescription : 01/09/2025")
                           .Text(18, 82, "Date")
                           .Text(60, 82, "Code acte")
                           .Text(150, 82, "Montant")
                           .Text(18, 89, "08/09/2025")
                           .Text(60, 89, "AMI 4")
                           .Text(150, 89, "12,60 €")
                           .Build();
  const auto docs = ExtractDocuments({page}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].type, DocumentType::kFeuilleDeSoins);
  EXPECT_FALSE(Flagged(docs[0], "type"));
}

TEST(ExtractDocuments, RowsOfActsMakeAFeuilleWhateverItsTitleSays) {
  // A title and labels in no data file; a prescription section; the acts'
  // lettres-clés beside their prices are what tell the form.
  const OcrPage page = PageBuilder(0)
                           .Text(18, 20, "RELEVÉ D'ACTES DU CABINET", 95, 4)
                           .Text(18, 34, "Soigné : THOMAS Inès")
                           .Text(18, 40, "Ordonnance du Dr Morel, RPPS 10001234567, du 01/09/2025")
                           .Text(18, 56, "Jour")
                           .Text(60, 56, "Lettre")
                           .Text(90, 56, "Coef")
                           .Text(150, 56, "Somme")
                           .Text(18, 63, "08/09/2025")
                           .Text(60, 63, "AMI")
                           .Text(90, 63, "4")
                           .Text(150, 63, "12,60 €")
                           .Text(18, 69, "08/09/2025")
                           .Text(60, 69, "IFD")
                           .Text(90, 69, "1")
                           .Text(150, 69, "2,75 €")
                           .Text(18, 75, "09/09/2025")
                           .Text(60, 75, "AMI")
                           .Text(90, 75, "4")
                           .Text(150, 75, "12,60 €")
                           .Build();
  const auto docs = ExtractDocuments({page}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].type, DocumentType::kFeuilleDeSoins);
}

TEST(ExtractDocuments, ANumbersLabelEndingInAWordHasItsValueBelow) {
  // "N° d'adhérent Mutuelle" ends with a word, the number is on the next row.
  const OcrPage page = PageBuilder(0)
                           .Text(18, 20, "Cabinet d'ostéopathie du Parc")
                           .Text(120, 30, "Note d'honoraires")
                           .Text(18, 40, "Réf. facture : 3434988")
                           .Text(18, 50, "N° d'adhérent Mutuelle")
                           .Text(18, 56, "A06300179")
                           .Text(18, 70, "Désignation")
                           .Text(150, 70, "Prix")
                           .Text(18, 77, "Séance d'ostéopathie")
                           .Text(150, 77, "56,00 €")
                           .Text(110, 90, "Total TTC")
                           .Text(150, 90, "56,00 €")
                           .Build();
  const auto docs = ExtractDocuments({page}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].type, DocumentType::kFacture);
  EXPECT_EQ(T(docs[0], "numero_adherent"), "A06300179");
}

TEST(ExtractDocuments, InkFieldsAreFlaggedWhenThePageImageIsMissing) {
  const auto docs = ExtractDocuments({Feuille().Build()}, nullptr, Options());
  EXPECT_EQ(docs[0].Find("signature.patient"), nullptr);
  EXPECT_TRUE(Flagged(docs[0], "signature.patient"));
  EXPECT_TRUE(Flagged(docs[0], "impossibilite_signer"));
}

TEST(ExtractDocuments, SignaturesAndTickedBoxAreReadFromInk) {
  PageBuilder p = Feuille();
  p.WithRaster();
  p.Rect(18, 191, 80, 24).Rect(108, 191, 84, 24).Rect(108, 218, 3.5, 3.5);
  // A signature in the practitioner's frame only; the box is ticked.
  p.Stroke(25, 200, 45, 208, 0.5).Stroke(45, 208, 60, 196, 0.5).Stroke(60, 196, 80, 206, 0.5);
  p.Stroke(108.5, 218.5, 111, 221, 0.45).Stroke(111, 218.5, 108.5, 221, 0.45);
  const auto docs = ExtractDocuments({p.Build()}, nullptr, Options());
  EXPECT_EQ(docs[0].Flag("signature.praticien"), true);
  EXPECT_EQ(docs[0].Flag("signature.patient"), false);
  EXPECT_EQ(docs[0].Flag("impossibilite_signer"), true);
}

TEST(ExtractDocuments, ASignatureWhoseLabelIsLostGoesToReviewNotGuessed) {
  // The OCR read none of the signature labels (185 mm): no zone can be
  // told, whatever ink lies where this form's layout would put it (its
  // frames 14 mm under "MONTANT TOTAL", 6 mm under the labels).
  PageBuilder p = Feuille();
  p.WithRaster();
  p.Rect(18, 195, 80, 24).Rect(108, 195, 84, 24);
  p.Stroke(25, 204, 45, 212, 0.5).Stroke(45, 212, 60, 200, 0.5).Stroke(60, 200, 80, 210, 0.5);
  OcrPage page = p.Build();
  const double mm = 300 / 25.4;
  for (auto& line : page.lines) {
    for (auto& w : line.words) {
      if (w.box.y > 180 * mm && w.box.y < 190 * mm) w.text = "~~~";
    }
  }
  const auto docs = ExtractDocuments({page}, nullptr, Options());
  for (const char* field : {"signature.praticien", "signature.patient"}) {
    EXPECT_EQ(docs[0].Find(field), nullptr) << field;
    EXPECT_TRUE(Flagged(docs[0], field)) << field;
  }
}

TEST(ExtractDocuments, AStampedButUnsignedZoneIsNoSignature) {
  // The practitioner's oval stamp in his frame, its text unread by the OCR; no pen.
  PageBuilder p = Feuille();
  p.WithRaster();
  p.Rect(18, 191, 80, 24).Rect(108, 191, 84, 24).Rect(108, 218, 3.5, 3.5);
  const double cx = 55, cy = 203, pi = 3.14159265358979;
  for (int i = 0; i < 48; ++i) {
    const double a0 = 2 * pi * i / 48, a1 = 2 * pi * (i + 1) / 48;
    p.Stroke(cx + 24 * std::cos(a0), cy + 8 * std::sin(a0) + 2 * std::cos(a0), cx + 24 * std::cos(a1),
             cy + 8 * std::sin(a1) + 2 * std::cos(a1), 0.5);
  }
  for (double x = cx - 12; x < cx + 12; x += 2.2) p.Stroke(x, cy - 1.5, x + 0.8, cy, 0.3).Stroke(x, cy + 0.5, x + 1, cy + 2, 0.3);
  p.Stroke(115, 200, 135, 208, 0.5).Stroke(135, 208, 150, 196, 0.5).Stroke(150, 196, 170, 206, 0.5);
  const auto docs = ExtractDocuments({p.Build()}, nullptr, Options());
  EXPECT_EQ(docs[0].Flag("signature.praticien"), false);
  EXPECT_FALSE(Flagged(docs[0], "signature.praticien"));
  EXPECT_EQ(docs[0].Flag("signature.patient"), true);
}

// `birth0`: the first line's date de naissance as printed ("" = blank).
// `total0`: the first line's total as printed.
PageBuilder Bordereau(double skew = 0, const char* birth0 = "12/07/1985", const char* total0 = "25,20") {
  PageBuilder p(0);
  p.Skew(skew);
  p.Text(18, 22, "Anne LEROY", 95, 5)
      .Text(18, 28, "Infirmier(e) diplômé(e) d'État")
      .Text(18, 46, "Bordereau récapitulatif - Lot B2", 95, 4.5)
      .Text(18, 55, "Partenaire de santé : Anne LEROY")
      .Text(118, 55, "Identifiant : 971123450")
      .Text(18, 61, "N° de lot : 042")
      .Text(118, 61, "Date de constitution : 20/06/2025")
      .Text(18, 67, "Organisme destinataire : 971 CGSS de la Guadeloupe")
      .Text(18, 73, "Destinataire du règlement : partenaire de santé")
      .Text(18, 84, "N° facture")
      .Text(39, 84, "N° immatriculation")
      .Text(74, 84, "Nom")
      .Text(101, 84, "Prénom")
      .Text(123, 84, "Né(e) le")
      .Text(146, 84, "Total")
      .Text(158, 84, "Part AMO")
      .Text(175, 84, "Part AMC");
  const char* rows[][8] = {{"123456789", "2 85 07 75 115 042 30", "MARTIN", "Sophie", birth0, total0, "15,12", "10,08"},
                           {"123456790", "1 69 02 99 350 111 01", "DUBOIS", "Jean", "03/02/1969", "8,40", "5,04", "3,36"}};
  double y = 91;
  for (const auto& r : rows) {
    const double xs[] = {18, 39, 74, 101, 123, 146, 160, 177};
    for (int c = 0; c < 8; ++c) p.Text(xs[c], y, r[c], 93, 2.6);
    y += 6.5;
  }
  p.Text(100, y + 7, "Nombre de factures : 2").Text(100, y + 13, "Totaux : 33,60 20,16 13,44");
  return p;
}

TEST(ExtractDocuments, ReadsABordereauHeaderAndItsLinesRowByRow) {
  const auto docs = ExtractDocuments({Bordereau(0.008).Build()}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  EXPECT_EQ(d.type, DocumentType::kBordereau);
  EXPECT_EQ(T(d, "partenaire.nom"), "LEROY");
  EXPECT_EQ(T(d, "partenaire.identifiant"), "971123450");
  EXPECT_EQ(T(d, "lot.numero"), "042");
  EXPECT_EQ(T(d, "lot.date"), "2025-06-20");
  EXPECT_EQ(T(d, "organisme.destinataire"), "971");
  EXPECT_EQ(T(d, "reglement.destinataire"), "partenaire");
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(L(d.lines[1], "numero_facture"), "123456790");
  EXPECT_EQ(L(d.lines[1], "nir"), "169029935011101");
  EXPECT_EQ(L(d.lines[1], "nom"), "DUBOIS");
  EXPECT_EQ(L(d.lines[1], "prenom"), "Jean");
  EXPECT_EQ(L(d.lines[1], "date_naissance"), "1969-02-03");
  EXPECT_EQ(L(d.lines[1], "montant_total"), "8.40");
  EXPECT_EQ(L(d.lines[1], "montant_amo"), "5.04");
  EXPECT_EQ(L(d.lines[1], "montant_amc"), "3.36");
}

OcrPage FeuilleOnPage(int index) {
  OcrPage page = Feuille().Build();
  page.index = index;
  return page;
}

TEST(ExtractDocuments, ALineAmountWithTheEuroSignAgainstItIsRead) {
  const auto docs = ExtractDocuments({Bordereau(0, "12/07/1985", "25,20€").Build()}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].lines.size(), 2u);
  EXPECT_EQ(L(docs[0].lines[0], "montant_total"), "25.20");
  EXPECT_EQ(L(docs[0].lines[0], "montant_amo"), "15.12");
  EXPECT_FALSE(Flagged(docs[0], "montant_total", 0));
}

TEST(ExtractDocuments, ALineAmountWithAZeroReadAsANineIsSettledByTheLineSumAndFlagged) {
  // "25,20" read "25,29" (a dotted zero): 15,12 + 10,08 make 25,20, the one
  // amount a bowl read for a 0 gives.
  const auto docs = ExtractDocuments({Bordereau(0, "12/07/1985", "25,29").Build()}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(L(docs[0].lines[0], "montant_total"), "25.20");
  EXPECT_TRUE(Flagged(docs[0], "montant_total", 0));
}

TEST(ExtractDocuments, ALineAmountNoZeroMendsStaysAsReadAndFlagged) {
  const auto docs = ExtractDocuments({Bordereau(0, "12/07/1985", "25,27").Build()}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(L(docs[0].lines[0], "montant_total"), "25.27");
  EXPECT_TRUE(Flagged(docs[0], "montant_total", 0));
}

TEST(ExtractDocuments, AnIllegibleBirthDateOnTheBordereauIsTakenFromItsFeuilleAndFlagged) {
  const auto docs = ExtractDocuments({Bordereau(0, "12/97/1985").Build(), FeuilleOnPage(1)}, nullptr, Options());
  ASSERT_EQ(docs.size(), 2u);
  ASSERT_EQ(docs[0].lines.size(), 2u);
  EXPECT_EQ(L(docs[0].lines[0], "date_naissance"), "1985-07-12");
  const auto flag = std::find_if(docs[0].review.begin(), docs[0].review.end(),
                                 [](const ReviewFlag& f) { return f.field == "date_naissance" && f.line == 0; });
  ASSERT_NE(flag, docs[0].review.end());
  EXPECT_NE(flag->reason.find("repris de la feuille de soins"), std::string::npos) << flag->reason;
  EXPECT_NE(flag->reason.find("12/97/1985"), std::string::npos) << flag->reason;
}

TEST(ExtractDocuments, ABirthDateBlankOnTheBordereauStaysAbsentDespiteTheFeuille) {
  // A line left incomplete on the paper is an anomaly of the lot, not a misreading.
  const auto docs = ExtractDocuments({Bordereau(0, "").Build(), FeuilleOnPage(1)}, nullptr, Options());
  ASSERT_EQ(docs.size(), 2u);
  ASSERT_EQ(docs[0].lines.size(), 2u);
  EXPECT_EQ(L(docs[0].lines[0], "date_naissance"), "<absent>");
  EXPECT_EQ(L(docs[0].lines[0], "montant_total"), "25.20");
}

TEST(ExtractDocuments, ALineTotalWithAStrayThirdDecimalIsReadWithoutItAndFlagged) {
  const auto docs = ExtractDocuments({Bordereau(0, "12/07/1985", "25,206").Build()}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].lines.size(), 2u);
  EXPECT_EQ(L(docs[0].lines[0], "montant_total"), "25.20");
  EXPECT_EQ(L(docs[0].lines[0], "montant_amo"), "15.12");
  EXPECT_EQ(L(docs[0].lines[0], "montant_amc"), "10.08");
  EXPECT_TRUE(Flagged(docs[0], "montant_total", 0));
}

TEST(ExtractDocuments, AContinuationSheetJoinsThePreviousDocument) {
  PageBuilder unknown(2);
  unknown.Text(20, 30, "Suite des actes - page 2/2", 90).Text(20, 40, "Observations : néant");
  PageBuilder b = Bordereau();
  OcrPage feuille = Feuille().Build();
  feuille.index = 1;
  const auto docs = ExtractDocuments({b.Build(), feuille, unknown.Build()}, nullptr, Options());
  ASSERT_EQ(docs.size(), 2u);  // the "page 2/2" sheet continues the feuille
  EXPECT_EQ(docs[0].type, DocumentType::kBordereau);
  EXPECT_EQ(docs[1].type, DocumentType::kFeuilleDeSoins);
  EXPECT_EQ(docs[1].pages, (std::vector<int>{1, 2}));
}

TEST(ExtractDocuments, APageWithoutEvidenceIsAutreAndFlaggedEvenAfterADocument) {
  PageBuilder p(1);
  p.Text(20, 30, "Bonjour, voici un papier sans rapport", 90);
  const auto docs = ExtractDocuments({Bordereau().Build(), p.Build()}, nullptr, Options());
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].type, DocumentType::kAutre);
  EXPECT_EQ(docs[1].pages, (std::vector<int>{1}));
  EXPECT_TRUE(Flagged(docs[1], "type"));
}

TEST(ExtractDocuments, ReadingTwiceGivesTheSameDocuments) {
  const std::vector<OcrPage> pages = {Bordereau().Build(), Feuille().Build()};
  EXPECT_EQ(ExtractDocuments(pages, nullptr, Options()), ExtractDocuments(pages, nullptr, Options()));
}

// Answers every region re-read with the same text and records the calls.
class FakeRegionReader : public RegionReader {
 public:
  explicit FakeRegionReader(std::string text = "2 85 07 75 115 042 30") : text_(std::move(text)) {}
  Result<RegionText> Reread(int, const Box&, RegionKind kind) override {
    ++calls;
    kinds.push_back(kind);
    return RegionText{text_, 96};
  }
  int calls = 0;
  std::vector<RegionKind> kinds;  // of every call (act cells are re-read too)

 private:
  std::string text_;
};

TEST(ExtractDocuments, AnIncompleteNirIsReReadByRegionWithADigitWhitelist) {
  FakeRegionReader reader;
  const auto docs = ExtractDocuments({Feuille("2 85 07 75 1.. 042 30").Build()}, &reader, Options());
  EXPECT_GE(reader.calls, 1);
  EXPECT_NE(std::find(reader.kinds.begin(), reader.kinds.end(), RegionKind::kDigits), reader.kinds.end());
  EXPECT_EQ(T(docs[0], "assure.nir"), "285077511504230");
}

TEST(ExtractDocuments, LowConfidenceFieldsArePresentAndFlagged) {
  OcrPage page = Feuille().Build();
  for (auto& line : page.lines) {
    for (auto& w : line.words) {
      if (w.text == "25,20") w.confidence = 40;
    }
  }
  const auto docs = ExtractDocuments({page}, nullptr, Options());
  ASSERT_NE(docs[0].Text("montant_total"), nullptr);
  EXPECT_TRUE(Flagged(docs[0], "montant_total"));
}


OcrPage BordereauWithLotNumberReadAt(float confidence) {
  OcrPage page = Bordereau().Build();
  for (auto& line : page.lines) {
    for (auto& w : line.words) {
      if (w.text == "042") w.confidence = confidence;
    }
  }
  return page;
}

TEST(ExtractDocuments, AnUnsureLotNumberThatASecondReadingContradictsIsFlagged) {
  FakeRegionReader reader("046");
  const auto docs = ExtractDocuments({BordereauWithLotNumberReadAt(85)}, &reader, Options());
  EXPECT_EQ(T(docs[0], "lot.numero"), "042");
  const auto flag = std::find_if(docs[0].review.begin(), docs[0].review.end(),
                                 [](const ReviewFlag& f) { return f.field == "lot.numero"; });
  ASSERT_NE(flag, docs[0].review.end());
  EXPECT_NE(flag->reason.find("« 042 » puis « 046 »"), std::string::npos) << flag->reason;
}

TEST(ExtractDocuments, AnUnsureLotNumberConfirmedByASecondReadingIsNotFlagged) {
  FakeRegionReader reader("042");
  const auto docs = ExtractDocuments({BordereauWithLotNumberReadAt(85)}, &reader, Options());
  EXPECT_EQ(T(docs[0], "lot.numero"), "042");
  EXPECT_FALSE(Flagged(docs[0], "lot.numero"));
}

TEST(ExtractDocuments, AFeuilleWhoseActTableWasLostIsFlagged) {
  const auto docs = ExtractDocuments({FeuilleWithActs({}).Build()}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_TRUE(docs[0].lines.empty());
  EXPECT_EQ(T(docs[0], "montant_total"), "25.20");
  EXPECT_TRUE(Flagged(docs[0], "lines"));
}

// A page holding `texts` (x, y in mm; regular size).
struct Placed {
  double x, y;
  std::string text;
};
OcrPage PageOf(const std::vector<Placed>& texts) {
  PageBuilder p(0);
  for (const auto& t : texts) p.Text(t.x, t.y, t.text);
  return p.Build();
}

// A pharmacy's invoice ending with `last_rows` (each at the left margin).
OcrPage FacturePharmacie(const std::vector<std::string>& last_rows) {
  std::vector<Placed> texts = {{18, 20, "PHARMACIE DES TILLEULS"}, {120, 30, "FACTURE N° FA2024057"},
                               {120, 36, "Date : 28/05/2024"},       {18, 50, "Patient : Julien MARIE"},
                               {18, 66, "Désignation"},              {150, 66, "Prix TTC"},
                               {18, 73, "Paracétamol 1000 mg"},      {150, 73, "2,18"}};
  double y = 90;
  for (const auto& row : last_rows) texts.push_back({18, y, row}), y += 8;
  return PageOf(texts);
}

// A pharmacy's invoice of one line and its total, its header holding
// `head` besides the pharmacy's name and the invoice's number.
OcrPage PharmacieHeadedBy(std::vector<Placed> head) {
  const std::vector<Placed> rest = {{18, 20, "PHARMACIE DES TILLEULS"}, {120, 30, "FACTURE N° FA2024057"},
                                    {18, 66, "Désignation"},            {150, 66, "Prix TTC"},
                                    {18, 73, "Paracétamol 1000 mg"},    {150, 73, "2,18"},
                                    {18, 90, "Total TTC : 2,18"}};
  head.insert(head.end(), rest.begin(), rest.end());
  return PageOf(head);
}

TEST(ExtractDocuments, AnInvoicesDateAndIssuerNumberUnderWordingsOfNoDataFileAreReadByTheirValuesFlagged) {
  // "Émise le" and "Code établissement" are in no data file: the one recent
  // date above the lines (the birth date is decades older) and the one
  // number of nine digits whose Luhn key passes, its role told by where it
  // stands (under the pharmacy's name, in its letterhead): not flagged.
  const auto docs = ExtractDocuments({PharmacieHeadedBy({{18, 27, "Code établissement 344043237"},
                                                         {120, 36, "Émise le 28/05/2024"},
                                                         {18, 50, "Patient : Julien MARIE né le 16/11/1977"}})},
                                     nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].type, DocumentType::kFacture);
  EXPECT_EQ(T(docs[0], "date"), "2024-05-28");
  EXPECT_TRUE(Flagged(docs[0], "date"));
  EXPECT_EQ(T(docs[0], "emetteur.identifiant"), "344043237");
  EXPECT_FALSE(Flagged(docs[0], "emetteur.identifiant"));
}

TEST(ExtractDocuments, AMembersNumberAfterTheMarkOfItsFillInLineKeepsItsLetter) {
  // The line the value is written on read as "_" glued before it.
  const auto docs = ExtractDocuments({FacturePharmacie({"N° adhérent : _A18942180", "Total TTC : 2,18"})}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(T(docs[0], "numero_adherent"), "A18942180");
}

TEST(ExtractDocuments, AnInvoicesDateIsNotTheBirthDateUnderTheOnlyDateLabelFound) {
  // "Fait le" is in no data file; "Date de naiss." holds a wording of the
  // invoice's date: the recent date above the lines is the invoice's.
  const auto docs = ExtractDocuments({PageOf({{18, 20, "VISION PLUS"},
                                              {120, 30, "N° de pièce : F2332795 Fait le : 30-10-2023"},
                                              {18, 40, "Nom du patient : BLANCHARD Rose"},
                                              {120, 40, "Date de naiss. : 16-11-1977"},
                                              {18, 66, "Désignation"},
                                              {150, 66, "Prix TTC"},
                                              {18, 73, "Monture"},
                                              {150, 73, "202,50"},
                                              {18, 90, "Total TTC : 202,50"}})},
                                     nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].type, DocumentType::kFacture);
  EXPECT_EQ(T(docs[0], "date"), "2023-10-30");
  EXPECT_TRUE(Flagged(docs[0], "date"));
}

TEST(ExtractDocuments, AnInvoicesIssuerNumberWhoseKeyFailsIsNotTakenByItsValue) {
  // One digit off: no number of the page passes the key, none is taken.
  const auto docs = ExtractDocuments({PharmacieHeadedBy({{18, 27, "Code établissement 344043238"}})}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(T(docs[0], "emetteur.identifiant"), "<absent>");
  EXPECT_TRUE(Flagged(docs[0], "emetteur.identifiant"));
}

TEST(ExtractDocuments, NetAPayerIsNoProofOfPaymentAndPaidWithABalanceGoesToReview) {
  const auto unpaid = ExtractDocuments({FacturePharmacie({"NET A PAYER : 2,18"})}, nullptr, Options());
  ASSERT_EQ(unpaid.size(), 1u);
  ASSERT_EQ(unpaid[0].type, DocumentType::kFacture);
  const auto paid = [](const Document& d) -> std::optional<bool> {
    const Field* f = d.Find("acquittee");
    return f ? f->boolean() : std::nullopt;
  };
  EXPECT_NE(paid(unpaid[0]), std::optional<bool>(true));
  const auto stamped = ExtractDocuments({FacturePharmacie({"Total TTC : 2,18", "PAYÉ"})}, nullptr, Options());
  EXPECT_EQ(paid(stamped[0]), std::optional<bool>(true));
  const auto both = ExtractDocuments({FacturePharmacie({"Facture acquittée le 28/05/2024", "Restant dû : 2,18"})}, nullptr,
                                     Options());
  EXPECT_EQ(paid(both[0]), std::nullopt);
  EXPECT_TRUE(Flagged(both[0], "acquittee"));
}

// A décompte of the régime obligatoire, statement layout; `base` as read.
OcrPage DecompteRo(const std::string& base) {
  return PageOf({
      {18, 15, "CPAM - Service des prestations"},
      {18, 22, "ameli Votre décompte de remboursement"},
      {18, 45, "Décompte de prestations"},
      {18, 55, "N° de sécurité sociale : 2 05 06 31 555 121 88"},
      {18, 62, "Soins du 24/05/2024"},
      {18, 69, "Nature des soins Kinésithérapie AMK 7,5"},
      {18, 76, "Montant de la dépense"},
      {150, 76, "16,58 EUR"},
      {18, 83, "Base de remboursement"},
      {150, 83, base},
      {18, 90, "Taux"},
      {150, 90, "60 %"},
      {18, 97, "Montant remboursé"},
      {150, 97, "8,95 EUR"},
      {18, 104, "Montant versé sur votre compte le 29/05/2024 : 8,95 €"},
      {18, 111, "Franchise médicale déduite : 1,00 €"}});
}

TEST(ExtractDocuments, AnAmountAmongSpecksReadAsLettersIsTakenAndFlagged) {
  const auto docs = ExtractDocuments({DecompteRo("CU 16,58 EUR È")}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].type, DocumentType::kDecompteRo);
  EXPECT_EQ(T(docs[0], "montant_depense"), "16.58");
  EXPECT_EQ(T(docs[0], "base_remboursement"), "16.58");
  EXPECT_TRUE(Flagged(docs[0], "base_remboursement"));
  EXPECT_FALSE(Flagged(docs[0], "montant_depense"));
}

TEST(ExtractDocuments, TwoNumbersBesideAnAmountLeaveItUnread) {
  const auto docs = ExtractDocuments({DecompteRo("1 16,58 EUR")}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(T(docs[0], "base_remboursement"), "<absent>");
  EXPECT_TRUE(Flagged(docs[0], "base_remboursement"));
}

TEST(ExtractDocuments, ANumeroAmWithOneDigitTooManyIsUndoubledAndFlagged) {
  OcrPage page = Bordereau().Build();
  for (auto& line : page.lines) {
    for (auto& w : line.words) {
      if (w.text == "971123450") w.text = "9711234500";
    }
  }
  const auto docs = ExtractDocuments({page}, nullptr, Options());
  EXPECT_EQ(T(docs[0], "partenaire.identifiant"), "971123450");
  EXPECT_TRUE(Flagged(docs[0], "partenaire.identifiant"));
}

TEST(ExtractDocuments, ANumeroAmMendedOnAFeuilleIsSettledByTheBordereausSurePartner) {
  // A reading of ten digits mended to the one number of nine its key passes
  // (a doubled zero, or a digit added inside) is a doubt of the reading: the
  // same number read surely as the lot's partner confirms it, so the
  // invoice is not held for a person.
  for (const char* read : {"9711234500", "9711234506"}) {
    SCOPED_TRACE(read);
    OcrPage feuille = FeuilleOnPage(1);
    for (auto& line : feuille.lines) {
      for (auto& w : line.words) {
        if (w.text == "971123450") w.text = read;
      }
    }
    const auto alone = ExtractDocuments({feuille}, nullptr, Options());
    ASSERT_EQ(alone.size(), 1u);
    EXPECT_EQ(T(alone[0], "praticien.identifiant"), "971123450");
    EXPECT_TRUE(Flagged(alone[0], "praticien.identifiant"));

    const auto docs = ExtractDocuments({Bordereau().Build(), feuille}, nullptr, Options());
    ASSERT_EQ(docs.size(), 2u);
    EXPECT_EQ(T(docs[0], "partenaire.identifiant"), "971123450");
    EXPECT_EQ(T(docs[1], "praticien.identifiant"), "971123450");
    EXPECT_FALSE(Flagged(docs[1], "praticien.identifiant"));
  }
}

TEST(ExtractDocuments, ALotNumberOnlyTheSecondReadingCompletesIsTakenAndFlagged) {
  OcrPage page = Bordereau().Build();
  for (auto& line : page.lines) {
    for (auto& w : line.words) {
      if (w.text == "042") w.text = "04";
    }
  }
  FakeRegionReader reader("042");
  const auto docs = ExtractDocuments({page}, &reader, Options());
  EXPECT_EQ(T(docs[0], "lot.numero"), "042");
  EXPECT_TRUE(Flagged(docs[0], "lot.numero"));
}

TEST(ExtractDocuments, ADepenseOneDigitFromTheBaseIsFlagged) {
  OcrPage page = DecompteRo("16,58 EUR");
  bool first = true;  // the dépense's line comes before the base's
  for (auto& line : page.lines) {
    for (auto& w : line.words) {
      if (w.text == "16,58" && first) {
        w.text = "16,88";
        first = false;
      }
    }
  }
  const auto docs = ExtractDocuments({page}, nullptr, Options());
  EXPECT_EQ(T(docs[0], "montant_depense"), "16.88");
  EXPECT_EQ(T(docs[0], "base_remboursement"), "16.58");
  EXPECT_TRUE(Flagged(docs[0], "montant_depense"));
}

// A complaint letter as the synthetic corpus writes it; `dated` is the
// "<commune>, le <date>" line as read.
OcrPage Reclamation(const std::string& dated) {
  return PageOf({
      {18, 20, "Théo BERTRAND"},
      {18, 26, "9 impasse des Lilas"},
      {18, 32, "97190 LE GOSIER"},
      {18, 38, "Tél. : 04 38 49 16 34"},
      {18, 44, "theo.bertrand@gmail.com"},
      {18, 50, "N° de sécurité sociale : 1 81 09 75 109 277 59"},
      {110, 64, "CENTRE DE PREVOYANCE MEDICO-SOCIAL"},
      {110, 70, "Service réclamations"},
      {110, 76, "5, rue Geoffroy Marie"},
      {110, 82, "75009 PARIS"},
      {110, 96, dated},
      {18, 110, "Objet : Réclamation - cotisation prélevée deux fois"},
      {18, 117, "Entreprise / souscripteur : Cabinet Lemaire & Associés"},
      {18, 130, "Madame, Monsieur,"},
      {18, 137, "Je constate sur mon relevé bancaire que la cotisation a été prélevée deux fois."},
      {18, 144, "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées."}});
}

TEST(ExtractDocuments, ALetterDateIsReadThroughTheUsualMisreadingsOfLeAnd1er) {
  const std::pair<const char*, const char*> cases[] = {{"LE GOSIER, le 5 septembre 2024", "2024-09-05"},
                                                       {"PARIS, ie 15 août 2024", "2024-08-15"},
                                                       {"LE GOSIER, le Ter janvier 2024", "2024-01-01"},
                                                       {"LE GOSIER, Ie ler mars 2024", "2024-03-01"},
                                                       {"Orléans, Le 14/10/2025", "2025-10-14"},
                                                       {"ORLÉANS, LE 2 JUIN 2025", "2025-06-02"},
                                                       {"LE GOSIER le 26.08.2025", "2025-08-26"},
                                                       {"FAIT A ORLÉANS LE 02/06/2025", "2025-06-02"},
                                                       {"Fait à Saint Martin de Ré, le 3 mars 2025", "2025-03-03"}};
  for (const auto& [dated, iso] : cases) {
    const auto docs = ExtractDocuments({Reclamation(dated)}, nullptr, Options());
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(docs[0].type, DocumentType::kReclamation) << dated;
    EXPECT_EQ(T(docs[0], "date"), iso) << dated;
  }
}

TEST(ExtractDocuments, ALetterDateAfterItsCommuneAndACommaWithoutLeIsRead) {
  const std::pair<const char*, const char*> cases[] = {{"BASTIA, 09.07.2024", "2024-07-09"}, {"Orléans, 3 mars 2025", "2025-03-03"}};
  for (const auto& [dated, iso] : cases) {
    const auto docs = ExtractDocuments({Reclamation(dated)}, nullptr, Options());
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(T(docs[0], "date"), iso) << dated;
  }
}

// A complaint whose sender block is `sender` (one row each, from 20 mm
// down, 6 mm apart), the recipient beside it on the right.
OcrPage ReclamationFrom(const std::vector<std::string>& sender) {
  std::vector<Placed> texts;
  double y = 20;
  for (const auto& row : sender) texts.push_back({18, y, row}), y += 6;
  for (const char* row : {"Mutuelle des Lauriers", "Service réclamations", "2 place du Marché", "44000 NANTES"}) {
    texts.push_back({115, y, row}), y += 6;
  }
  texts.push_back({115, y + 10, "Orléans, le 3 février 2025"});
  texts.push_back({18, y + 24, "Objet : réclamation - remboursement"});
  texts.push_back({18, y + 36, "Je conteste le montant remboursé pour mes soins du mois dernier."});
  return PageOf(texts);
}

TEST(ExtractDocuments, TheSendersAddressIsReadOnOneRowOrOverSeveralWhateverComesBetween) {
  const std::pair<std::vector<std::string>, const char*> cases[] = {
      {{"Léa FONTAINE", "3 chemin des Vignes, 84000 AVIGNON", "Tél. : 06 12 34 56 78"}, "3 chemin des Vignes, 84000 AVIGNON"},
      {{"Paul GIRARD", "Résidence Les Pins, bât. C", "12 rue Haute", "33000 BORDEAUX"},
       "Résidence Les Pins, bât. C, 12 rue Haute, 33000 BORDEAUX"},
      {{"Inès MOREAU", "Courriel : ines.moreau@exemple.org", "8 rue Basse", "45000 ORLÉANS", "Portable : 07 00 00 00 00"},
       "8 rue Basse, 45000 ORLÉANS"}};
  for (const auto& [sender, adresse] : cases) {
    const auto docs = ExtractDocuments({ReclamationFrom(sender)}, nullptr, Options());
    ASSERT_EQ(docs.size(), 1u);
    ASSERT_EQ(docs[0].type, DocumentType::kReclamation) << sender[0];
    EXPECT_EQ(T(docs[0], "adresse"), adresse) << sender[0];
    EXPECT_FALSE(Flagged(docs[0], "adresse")) << sender[0];
  }
}

TEST(ExtractDocuments, TheSenderIsTheTopmostHeadingBlockOnWhicheverSideItStands) {
  // Sender right-aligned at the top, the recipient lower on the left.
  const OcrPage page = PageOf({{150, 20, "Jules PERRIN"},
                               {128, 26, "7 allée des Cèdres"},
                               {150, 32, "38000 GRENOBLE"},
                               {120, 38, "MAIL : jules.perrin@exemple.net"},
                               {18, 60, "Mutuelle des Lauriers"},
                               {18, 66, "Service réclamations"},
                               {18, 72, "2 place du Marché"},
                               {18, 78, "44000 NANTES"},
                               {18, 92, "Grenoble, le 3 février 2025"},
                               {18, 104, "Objet : réclamation - remboursement"},
                               {18, 116, "Je conteste le montant remboursé pour mes soins du mois dernier."}});
  const auto docs = ExtractDocuments({page}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].type, DocumentType::kReclamation);
  EXPECT_EQ(T(docs[0], "nom"), "PERRIN");
  EXPECT_EQ(T(docs[0], "adresse"), "7 allée des Cèdres, 38000 GRENOBLE");
  EXPECT_EQ(T(docs[0], "email"), "jules.perrin@exemple.net");
}

TEST(ExtractDocuments, ASenderBlockWithoutAPostalCodeHasItsAddressFlaggedNotGuessed) {
  const auto docs = ExtractDocuments({ReclamationFrom({"Hugo LEROY", "chez M. et Mme Leroy", "Tél. : 06 11 22 33 44"})}, nullptr,
                                     Options());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(T(docs[0], "adresse"), "<absent>");
  EXPECT_TRUE(Flagged(docs[0], "adresse"));
}

TEST(ExtractDocuments, ADateInASentenceOfTheBodyIsNotTheLettersDate) {
  const auto docs = ExtractDocuments({ReclamationFrom({"Léa FONTAINE", "3 chemin des Vignes, 84000 AVIGNON"})}, nullptr,
                                     Options());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(T(docs[0], "date"), "2025-02-03");  // "Orléans, le 3 février 2025"
  const OcrPage page = PageOf({{18, 20, "Léa FONTAINE"},
                               {18, 26, "3 chemin des Vignes, 84000 AVIGNON"},
                               {115, 40, "Mutuelle des Lauriers"},
                               {18, 60, "Objet : réclamation"},
                               {18, 70, "Je vous ai demandé la résiliation le 20.07.2025, sans réponse."},
                               {18, 76, "Je conteste les prélèvements qui ont suivi."}});
  const auto undated = ExtractDocuments({page}, nullptr, Options());
  ASSERT_EQ(undated.size(), 1u);
  EXPECT_EQ(T(undated[0], "date"), "<absent>");
}

// A renunciation letter as the synthetic corpus writes it; `contrat` is the
// contract line as read.
OcrPage Renonciation(const std::string& contrat) {
  return PageOf({
      {18, 20, "Joël ARNAUD"},
      {18, 26, "47 allée de la République"},
      {18, 32, "97122 BAIE-MAHAULT"},
      {110, 50, "GFM"},
      {110, 56, "Service commercial - Pôle individuel"},
      {110, 62, "10, rue du 4 Septembre"},
      {110, 68, "75089 Paris cedex 2"},
      {18, 84, "Lettre recommandée avec accusé de réception"},
      {18, 92, "Objet : Exercice du droit de renonciation"},
      {18, 104, "Je soussigné ARNAUD Joël demeurant à 47 allée de la République, 97122"},
      {18, 110, "BAIE-MAHAULT vous informe que je renonce à mon adhésion au contrat"},
      {18, 116, contrat + " que j'ai souscrit le 12/10/2024."},
      {18, 130, "À BAIE-MAHAULT, le 15/10/2024"},
      {18, 140, "Signature"}});
}

TEST(ExtractDocuments, TheContractFormulaIsReadThroughAnSTooManyOrA5ReadAsS) {
  const std::pair<const char*, const char*> cases[] = {{"CPMS Santé PASS2", "CPMS Santé PASS2"},
                                                       {"CPMS Santé PASSS5", "CPMS Santé PASS5"},
                                                       {"CPMS Santé. PASS3", "CPMS Santé PASS3"},
                                                       {"CPMS Santé PASSS option Confort", "CPMS Santé PASS5 option Confort"},
                                                       {"complémentaire santé de la mutuelle (PASS4)", "CPMS Santé PASS4"},
                                                       {"santé, formule Pass 2,", "CPMS Santé PASS2"}};
  for (const auto& [read, contrat] : cases) {
    const auto docs = ExtractDocuments({Renonciation(read)}, nullptr, Options());
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(docs[0].type, DocumentType::kRenonciation) << read;
    EXPECT_EQ(T(docs[0], "contrat"), contrat) << read;
    EXPECT_EQ(T(docs[0], "date_souscription"), "2024-10-12") << read;
  }
}

TEST(ExtractDocuments, ALetterNamingTwoFormulasHasItsContractFlaggedNotGuessed) {
  const auto docs = ExtractDocuments({Renonciation("PASS2 (et non PASS4 comme indiqué)")}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(T(docs[0], "contrat"), "<absent>");
  EXPECT_TRUE(Flagged(docs[0], "contrat"));
}

OcrPage BordereauWithIdentifierReadAt(float confidence) {
  OcrPage page = Bordereau().Build();
  for (auto& line : page.lines) {
    for (auto& w : line.words) {
      if (w.text == "971123450") w.confidence = confidence;
    }
  }
  return page;
}

TEST(ExtractDocuments, AnUnsureNumeroAmIsFlaggedWhenASecondReadingDiffersBeyondWhatItsKeySettles) {
  FakeRegionReader swapped("971123405");  // two digits differ: the key cannot tell which reading is right
  auto docs = ExtractDocuments({BordereauWithIdentifierReadAt(85)}, &swapped, Options());
  EXPECT_EQ(T(docs[0], "partenaire.identifiant"), "971123450");
  EXPECT_TRUE(Flagged(docs[0], "partenaire.identifiant"));
  FakeRegionReader one_off("971123459");  // one digit off and a wrong key: the first reading stands
  docs = ExtractDocuments({BordereauWithIdentifierReadAt(85)}, &one_off, Options());
  EXPECT_EQ(T(docs[0], "partenaire.identifiant"), "971123450");
  EXPECT_FALSE(Flagged(docs[0], "partenaire.identifiant"));
}

}  // namespace
}  // namespace liasse::extractors
