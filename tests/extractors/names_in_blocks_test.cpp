// A feuille de soins printed as a software listing or with labels of no
// data file ("IDENTITÉ", "CODE PS", "EXÉCUTANT", "ORDO"): what the blocks
// hold tells the fields all the same — the one "NOM Prénom" of a section's
// block is its name, the one block left unnamed is the one section left,
// a numéro AM read with a digit too many still names the praticien's
// block, and a date by value is looked for above the first act row.
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

// The praticien's block under `heading`, its name after a label of no
// wording, its number after `number_label` (of no wording either).
PageBuilder PraticienBlock(const std::string& heading, const std::string& number_label, const std::string& number) {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 30, heading)
      .Text(18, 36, "IDENTITÉ ........ : DURAND Marc")
      .Text(110, 36, number_label + " ...... : " + number)
      .Text(18, 42, "Infirmier(e) diplômé(e) d'État - 3 rue Pasteur, 69003 LYON");
  return p;
}

TEST(NamesInBlocks, TheOneNameOfANamedBlockIsItsSectionsName) {
  const Document d = Read(PraticienBlock("Praticien", "CODE PS", "751234568"));
  EXPECT_EQ(T(d, "praticien.nom"), "DURAND");
  EXPECT_FALSE(Flagged(d, "praticien.nom"));
}

TEST(NamesInBlocks, ABlockToldByItsNumberGivesItsNameFlagged) {
  const Document d = Read(PraticienBlock("-- EXÉCUTANT", "CODE PS", "751234568"));
  EXPECT_EQ(T(d, "praticien.nom"), "DURAND");
  EXPECT_TRUE(Flagged(d, "praticien.nom"));
}

TEST(NamesInBlocks, ANumeroAmWithADigitTooManyStillTellsTheBlockAndIsMended) {
  // "7512345680": dropping the last digit is the one way the key passes.
  const Document d = Read(PraticienBlock("-- EXÉCUTANT", "CODE PS", "7512345680"));
  EXPECT_EQ(T(d, "praticien.identifiant"), "751234568");
  EXPECT_TRUE(Flagged(d, "praticien.identifiant"));
  EXPECT_EQ(T(d, "praticien.nom"), "DURAND");
}

TEST(NamesInBlocks, ANumeroAmWithADigitTooManyBesideItsLabelIsMendedFlagged) {
  const Document d = Read(PraticienBlock("Praticien", "N° AM", "7512345680"));
  EXPECT_EQ(T(d, "praticien.identifiant"), "751234568");
  EXPECT_TRUE(Flagged(d, "praticien.identifiant"));
}

TEST(NamesInBlocks, ALineOfTheBlockStartingWithAHeadingsWordIsNoHeading) {
  // "Infirmier(e)" is a wording of the praticien's heading; followed by
  // more words it is the block's line of qualification, which does not cut
  // the block told by its number below.
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 30, "-- EXÉCUTANT")
      .Text(18, 36, "IDENTITÉ ........ : DURAND Marc")
      .Text(18, 42, "Infirmier(e) diplômé(e) d'État - 3 rue Pasteur, 69003 LYON")
      .Text(18, 48, "CODE PS ...... : 751234568");
  EXPECT_EQ(T(Read(p), "praticien.nom"), "DURAND");
}

TEST(NamesInBlocks, ALabelAloneOnItsRowStartsNoBlock) {
  // "NOM PRÉNOM" and "N° AM" alone on their rows, each over its value, are
  // the fields' labels: the block under "EXÉCUTANT" goes on to the number
  // that tells it, its name with it.
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 30, "EXÉCUTANT")
      .Text(18, 38, "NOM PRÉNOM")
      .Text(18, 43, "DURAND Marc")
      .Text(18, 51, "N° AM")
      .Text(18, 56, "751234568");
  EXPECT_EQ(T(Read(p), "praticien.nom"), "DURAND");
}

TEST(NamesInBlocks, OfTwoValidNumerosAmTheOneInThePraticiensBlockIsTaken) {
  // "871199667" above every heading passes the key by chance (the title,
  // centred, heads no block).
  PageBuilder p;
  p.Text(70, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(110, 22, "DOSSIER 871199667")
      .Text(18, 30, "Praticien")
      .Text(18, 36, "CODE PS ...... : 979681277");
  const Document d = Read(p);
  EXPECT_EQ(T(d, "praticien.identifiant"), "979681277");
  EXPECT_TRUE(Flagged(d, "praticien.identifiant"));
}

TEST(NamesInBlocks, ThePagesTitleAtTheMarginHeadsNoBlock) {
  // The title printed at the left margin, over a number that passes the
  // numéro AM's key by chance: no praticien's block of its own.
  PageBuilder p;
  p.Text(18, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 24, "871199667")
      .Text(18, 34, "Praticien")
      .Text(18, 40, "CODE PS ...... : 979681277");
  EXPECT_EQ(T(Read(p), "praticien.identifiant"), "979681277");
}

TEST(NamesInBlocks, NoIsTheNumeroSignOfAnAbbreviatedLabel) {
  // "NO FACT": "N° facture" as a listing abbreviates it, "No" for "N°".
  PageBuilder p;
  p.Text(70, 15, "FEUILLE DE SOINS", 95, 5).Text(18, 25, "NO FACT ...... : 270453917");
  EXPECT_EQ(T(Read(p), "numero_facture"), "270453917");
}

// "MÉDECIN" over the prescriber's name and "DU" over the date, in the
// next column: wordings of no file.
PageBuilder PrescriberBesideADate(const std::string& name, const std::string& date) {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 30, "ORDONNANCE")
      .Text(18, 36, "MÉDECIN")
      .Text(110, 36, "DU")
      .Text(18, 41, name)
      .Text(110, 41, date);
  return p;
}

TEST(NamesInBlocks, ADateInTheNextColumnDoesNotCutTheNameAfterATitle) {
  // The date far right of "MEUNIER" is no number that "MEUNIER" labels.
  EXPECT_EQ(T(Read(PrescriberBesideADate("Dr Jean MEUNIER", "28/03/2024")), "prescripteur.nom"), "MEUNIER");
}

TEST(NamesInBlocks, ADateTheOcrGarbledInTheNextColumnDoesNotCutTheNameAfterATitle) {
  // The same, in capitals, the date read "Oou.O1.2025": still no number's.
  const Document d = Read(PrescriberBesideADate("DR MANON PERRIN", "Oou.O1.2025"));
  EXPECT_EQ(T(d, "prescripteur.nom"), "PERRIN");
  EXPECT_TRUE(Flagged(d, "prescripteur.nom"));
}

// The beneficiary's and the praticien's blocks under headings of the data,
// the assuré's under `assure_heading`, no NIR in it to tell it; then `after`.
PageBuilder ThreeBlocks(const std::string& beneficiaire_heading, const std::string& assure_heading, const std::string& after) {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 30, "Praticien")
      .Text(18, 36, "Nom prénom : DURAND Marc")
      .Text(110, 36, "N° AM : 751234568")
      .Text(18, 50, beneficiaire_heading)
      .Text(18, 56, "Nom prénom : GARCIA Hélène")
      .Text(18, 70, assure_heading)
      .Text(18, 76, "Nom prénom : MARTIN Paul")
      .Text(18, 90, after);
  return p;
}

TEST(NamesInBlocks, TheOneBlockLeftUnnamedIsTheOneSectionLeftFlagged) {
  const Document d = Read(ThreeBlocks("Patient", "OUVRANT DROIT", "Prescription"));
  EXPECT_EQ(T(d, "assure.nom"), "MARTIN");
  EXPECT_EQ(T(d, "assure.prenom"), "Paul");
  EXPECT_TRUE(Flagged(d, "assure.nom"));
  EXPECT_EQ(T(d, "beneficiaire.nom"), "GARCIA");
  EXPECT_FALSE(Flagged(d, "beneficiaire.nom"));
}

TEST(NamesInBlocks, AHeadingWordingReadWithAConfusionMustStandAlone) {
  // "Maladie longue durée" is one letter from the heading "Malade": inside
  // a longer phrase it starts no beneficiary's block, which stays the one
  // block left unnamed.
  const Document d = Read(ThreeBlocks("PERSONNE SOIGNÉE", "Assuré", "Maladie longue durée : [ ] Accident : [ ]"));
  EXPECT_EQ(T(d, "beneficiaire.nom"), "GARCIA");
  EXPECT_TRUE(Flagged(d, "beneficiaire.nom"));
}

// A feuille whose labels and act header are in no data file: the birth
// date and the prescription's date as printed, then two acts.
PageBuilder DatesInNoWording(const std::string& birth, const std::string& ordo) {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 30, "NOM PRENOM ...... : GARCIA Hélène")
      .Text(110, 30, "NE(E) LE .. : " + birth)
      .Text(18, 40, "ORDO ...... : " + ordo)
      .Text(18, 52, "LC")
      .Text(50, 52, "MT")
      .Text(80, 52, "JOUR")
      .Text(120, 52, "QTE")
      .Text(18, 58, "AMI")
      .Text(50, 58, "6,30")
      .Text(80, 58, "01.05.2024")
      .Text(120, 58, "2")
      .Text(18, 64, "IFD")
      .Text(50, 64, "2,75")
      .Text(80, 64, "04.05.2024")
      .Text(120, 64, "1");
  return p;
}

TEST(NamesInBlocks, ADateByValueIsLookedForAboveTheFirstActRowWhenTheHeaderIsInNoWording) {
  const Document d = Read(DatesInNoWording("12.03.1950", "26.04.2024"));
  EXPECT_EQ(T(d, "prescription.date"), "2024-04-26");
  EXPECT_TRUE(Flagged(d, "prescription.date"));
}

// A hand's date whose year the OCR cut apart ("26.04.2 024", "12.03.1 950"),
// under wordings of no data file: each is read whole, the birth date and
// the prescription's by their age.
TEST(NamesInBlocks, ADateWhoseYearTheOcrCutApartIsReadWhole) {
  const Document d = Read(DatesInNoWording("12.03.1 950", "26.04.2 024"));
  EXPECT_EQ(T(d, "prescription.date"), "2024-04-26");
  EXPECT_EQ(T(d, "beneficiaire.date_naissance"), "1950-03-12");
}

// A hand-filled form's prénom written in capitals ("JEAN-CLAUDE"): stored
// as a prénom is ("Jean-Claude"), flagged.
TEST(NamesInBlocks, APrenomWrittenInCapitalsIsReadAsAPrenomFlagged) {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 30, "Assuré(e)")
      .Text(18, 36, "Nom : MARTIN")
      .Text(110, 36, "Prénom : JEAN-CLAUDE");
  const Document d = Read(p);
  EXPECT_EQ(T(d, "assure.prenom"), "Jean-Claude");
  EXPECT_TRUE(Flagged(d, "assure.prenom"));
}

// The feuille's number under a wording of no data file, between the title
// and the first section's heading: the one number of its length there,
// flagged (nothing names its role).
TEST(NamesInBlocks, TheOneNumberBetweenTheTitleAndTheFirstHeadingIsTheFeuillesNumberFlagged) {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(110, 24, "Feuillet : 154020915")
      .Text(18, 34, "Assuré(e)")
      .Text(18, 40, "Nom : MARTIN")
      .Text(110, 40, "Prénom : Paul")
      .Text(18, 46, "N° de sécurité sociale 1 69 02 99 350 111 01");
  const Document d = Read(p);
  EXPECT_EQ(T(d, "numero_facture"), "154020915");
  EXPECT_TRUE(Flagged(d, "numero_facture"));
}

// A compound nom the OCR cut at its hyphen ("SAINT -AIME"): one nom.
TEST(NamesInBlocks, ANomCutAtItsHyphenIsOneNom) {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 30, "Assuré(e)")
      .Text(18, 36, "Nom : SAINT -AIME")
      .Text(110, 36, "Prénom : Jean- Claude");
  const Document d = Read(p);
  EXPECT_EQ(T(d, "assure.nom"), "SAINT-AIME");
  EXPECT_EQ(T(d, "assure.prenom"), "Jean-Claude");
}

// A birth date under a wording of no data file ("DN"): the one date years
// before the acts above them, flagged.
TEST(NamesInBlocks, TheOneOldDateAboveTheActsIsTheBirthDateFlagged) {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 30, "Patient")
      .Text(18, 36, "Nom : MARTIN")
      .Text(110, 36, "DN : 12/03/1950")
      .Text(18, 60, "Date")
      .Text(50, 60, "Acte")
      .Text(80, 60, "Coef")
      .Text(120, 60, "Montant")
      .Text(18, 67, "05/08/2025")
      .Text(50, 67, "AMI")
      .Text(80, 67, "1")
      .Text(120, 67, "3,15");
  const Document d = Read(p);
  EXPECT_EQ(T(d, "beneficiaire.date_naissance"), "1950-03-12");
  EXPECT_TRUE(Flagged(d, "beneficiaire.date_naissance"));
}

// "NOM PRENOM : CLEMENT PHILIPPE": the label gives the order of the two
// words in capitals; the prénom is stored as a prénom, flagged.
TEST(NamesInBlocks, UnderALabelNamingNomThenPrenomTwoWordsInCapitalsAreBoth) {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 30, "Bénéficiaire")
      .Text(18, 36, "NOM PRENOM ........ : CLEMENT PHILIPPE");
  const Document d = Read(p);
  EXPECT_EQ(T(d, "beneficiaire.nom"), "CLEMENT");
  EXPECT_FALSE(Flagged(d, "beneficiaire.nom"));
  EXPECT_EQ(T(d, "beneficiaire.prenom"), "Philippe");
  EXPECT_TRUE(Flagged(d, "beneficiaire.prenom"));
}

// "DR ANNE LEROY" beside the prescriber's label: after the title the nom
// is the last word in capitals, flagged (a prénom in capitals is no nom).
TEST(NamesInBlocks, AfterATitleTheLastOfSeveralWordsInCapitalsIsTheNomFlagged) {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 36, "Prescripteur : DR ANNE LEROY");
  const Document d = Read(p);
  EXPECT_EQ(T(d, "prescripteur.nom"), "LEROY");
  EXPECT_TRUE(Flagged(d, "prescripteur.nom"));
}

}  // namespace
}  // namespace liasse::extractors
