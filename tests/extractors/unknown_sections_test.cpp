// A feuille de soins whose section headings are in no data file
// ("PERSONNE PROTÉGÉE", "CHEF DE FAMILLE", "INTERVENANT"), each over the
// same generic label "Nom prénom": a short phrase alone at the left margin
// starts a block all the same, and what the block holds tells whose it is
// (a NIR: the assuré's; a numéro AM: the praticien's; a birth date and no
// NIR: the beneficiary's).
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

PageBuilder Blocks(const std::string& beneficiaire, const std::string& assure, const std::string& praticien) {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 30, beneficiaire)
      .Text(18, 36, "Nom prénom")
      .Text(110, 36, "Date de naissance")
      .Text(18, 41, "GARCIA Hélène")
      .Text(110, 41, "12/03/1950")
      .Text(18, 54, assure)
      .Text(18, 60, "Nom prénom")
      .Text(18, 65, "MARTIN Paul")
      .Text(18, 71, "N° de sécurité sociale 1 69 02 99 350 111 01")
      .Text(18, 84, praticien)
      .Text(18, 90, "Nom prénom")
      .Text(110, 90, "N° AM")
      .Text(18, 95, "DURAND Marc")
      .Text(110, 95, "751234568")
      .Text(18, 110, "Date")
      .Text(50, 110, "Acte")
      .Text(80, 110, "Coef")
      .Text(120, 110, "Montant")
      .Text(18, 117, "05/08/2025")
      .Text(50, 117, "AMI")
      .Text(80, 117, "1")
      .Text(120, 117, "3,15");
  return p;
}

Document Read(const PageBuilder& p) { return testing::ReadSingle(p.Build(), DocumentType::kFeuilleDeSoins); }

TEST(UnknownSections, EachBlockIsTheSectionOfWhatItHolds) {
  const Document d = Read(Blocks("PERSONNE PROTÉGÉE", "CHEF DE FAMILLE", "INTERVENANT"));
  EXPECT_EQ(T(d, "beneficiaire.nom"), "GARCIA");
  EXPECT_EQ(T(d, "beneficiaire.prenom"), "Hélène");
  EXPECT_EQ(T(d, "assure.nom"), "MARTIN");
  EXPECT_EQ(T(d, "assure.prenom"), "Paul");
  EXPECT_EQ(T(d, "praticien.nom"), "DURAND");
  EXPECT_EQ(T(d, "assure.nir"), "169029935011101");
  EXPECT_EQ(T(d, "praticien.identifiant"), "751234568");
}

TEST(UnknownSections, AnUnknownHeadingAfterAKnownOneIsNotTakenForItsSection) {
  // "Bénéficiaire" is a wording of the data: the block under the unknown
  // heading below it is the assuré's by its NIR, not the beneficiary's.
  const Document d = Read(Blocks("Bénéficiaire", "CHEF DE FAMILLE", "INTERVENANT"));
  EXPECT_EQ(T(d, "beneficiaire.nom"), "GARCIA");
  EXPECT_EQ(T(d, "assure.nom"), "MARTIN");
  EXPECT_FALSE(Flagged(d, "beneficiaire.nom"));
}

TEST(UnknownSections, ABlockThatHoldsNothingTellingStaysUnread) {
  // The praticien's block without its numéro AM: nothing says whose it is,
  // so its name is nobody's rather than a guess.
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 30, "INTERVENANT")
      .Text(18, 36, "Nom prénom")
      .Text(18, 41, "DURAND Marc")
      .Text(18, 54, "CHEF DE FAMILLE")
      .Text(18, 60, "Nom prénom")
      .Text(18, 65, "MARTIN Paul")
      .Text(18, 71, "N° de sécurité sociale 1 69 02 99 350 111 01");
  const Document d = Read(p);
  EXPECT_EQ(T(d, "assure.nom"), "MARTIN");
  EXPECT_EQ(T(d, "praticien.nom"), "<absent>");
  EXPECT_EQ(T(d, "beneficiaire.nom"), "<absent>");
}

TEST(UnknownSections, TheOneNameLabelUnderThePraticiensHeadingIsNoPatientsName) {
  // The OCR lost the patient's block: the one "Nom / prénom" left stands
  // under the praticien's heading; it is the praticien's, never the
  // beneficiary's.
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 30, "Assuré(e)")
      .Text(18, 36, "N° de sécurité sociale 1 69 02 99 350 111 01")
      .Text(18, 54, "Auxiliaire médical")
      .Text(18, 60, "Nom / prénom : DURAND Marc")
      .Text(110, 60, "N° AM : 751234568");
  const Document d = Read(p);
  EXPECT_EQ(T(d, "praticien.nom"), "DURAND");
  EXPECT_EQ(T(d, "beneficiaire.nom"), "<absent>");
  EXPECT_EQ(T(d, "beneficiaire.prenom"), "<absent>");
}

TEST(UnknownSections, WordsCarryingALabelOnAreTheLabelsAndTheValueIsBelow) {
  // "NOM D'USAGE" is in no data file; "Nom" is: the words after it at a
  // word's spacing are the label's, the name stands under it.
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 30, "Assuré")
      .Text(18, 36, "NOM D'USAGE")
      .Text(110, 36, "N° de sécurité sociale")
      .Text(18, 41, "MARTIN")
      .Text(110, 41, "1 69 02 99 350 111 01");
  const Document d = Read(p);
  EXPECT_EQ(T(d, "assure.nom"), "MARTIN");
  EXPECT_EQ(T(d, "assure.nir"), "169029935011101");
}

TEST(UnknownSections, AWordInSmallLettersAfterThePrenomFlagsItAsPerhapsCut) {
  // "Maë lys": the OCR cut the prénom in two; the first part is not written silently.
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 30, "Assuré")
      .Text(18, 36, "Nom et prénom : LEFEVRE Maë lys")
      .Text(18, 42, "N° de sécurité sociale 1 69 02 99 350 111 01");
  const Document d = Read(p);
  EXPECT_EQ(T(d, "assure.nom"), "LEFEVRE");
  EXPECT_TRUE(Flagged(d, "assure.prenom"));
}

TEST(UnknownSections, TwoLabelsFarApartOnARowAreTwoCellsNotOneWording) {
  // "NOM" and "PRÉNOMS" head two cells: together they are no "Nom prénom".
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 30, "PERSONNE PROTÉGÉE")
      .Text(18, 36, "NOM")
      .Text(70, 36, "PRÉNOMS")
      .Text(130, 36, "DATE DE NAISSANCE")
      .Text(18, 41, "GARCIA")
      .Text(70, 41, "Hélène")
      .Text(130, 41, "12/03/1950")
      .Text(18, 110, "Date")
      .Text(50, 110, "Acte")
      .Text(80, 110, "Coef")
      .Text(120, 110, "Montant")
      .Text(18, 117, "05/08/2025")
      .Text(50, 117, "AMI")
      .Text(80, 117, "1")
      .Text(120, 117, "3,15");
  const Document d = Read(p);
  EXPECT_EQ(T(d, "beneficiaire.nom"), "GARCIA");
  EXPECT_EQ(T(d, "beneficiaire.prenom"), "Hélène");
}

TEST(UnknownSections, AHeadingBetweenTheRulesOfItsBoxAfterASmallWordStillStartsItsSection) {
  // "| Le malade |": "Malade" is a wording of the data, "Le" before it and
  // the box's rules around it leave it a heading.
  const Document d = Read(Blocks("| Le malade |", "CHEF DE FAMILLE", "INTERVENANT"));
  EXPECT_EQ(T(d, "beneficiaire.nom"), "GARCIA");
  EXPECT_EQ(T(d, "beneficiaire.prenom"), "Hélène");
  EXPECT_EQ(T(d, "assure.nom"), "MARTIN");
}

// A heading in no wording right under the praticien's address line, at a
// line's spacing: an address labels nothing under it, the heading starts
// the beneficiary's block (its birth date tells it), whose name is hers.
TEST(UnknownSections, AHeadingRightUnderAnAddressLineStartsItsBlock) {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 30, "Praticien")
      .Text(18, 36, "Nom prénom : DURAND Marc")
      .Text(110, 36, "N° AM : 751234568")
      .Text(18, 41, "Infirmier - 12 rue des Lilas, 75011 PARIS")
      .Text(18, 46, "Personne protégée")
      .Text(18, 52, "Nom prénom : GARCIA Hélène")
      .Text(110, 52, "Date de naissance : 12/03/1950")
      .Text(18, 70, "Date")
      .Text(50, 70, "Acte")
      .Text(80, 70, "Coef")
      .Text(120, 70, "Montant")
      .Text(18, 77, "05/08/2025")
      .Text(50, 77, "AMI")
      .Text(80, 77, "1")
      .Text(120, 77, "3,15");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFeuilleDeSoins);
  EXPECT_EQ(T(d, "beneficiaire.nom"), "GARCIA");
  EXPECT_EQ(T(d, "praticien.nom"), "DURAND");
}

}  // namespace
}  // namespace liasse::extractors
