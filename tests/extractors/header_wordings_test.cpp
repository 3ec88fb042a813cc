// The bordereau's header read whatever its wording and placement: labels
// of the data in several wordings, left of their value, above it, two
// fields on one row, and a label in no data file (the value then found by
// its kind and flagged).
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "liasse/extractors/extract.h"
#include "document_checks.h"
#include "page_builder.h"

namespace liasse::extractors {
namespace {

using testing::Options;
using testing::T;
using testing::Flagged;

using testing::PageBuilder;

// A bordereau whose header rows are `header` (text at x, y in mm), then a
// two-line table.
PageBuilder Bordereau(const std::vector<std::tuple<double, double, std::string>>& header) {
  PageBuilder p;
  p.Text(18, 20, "BORDEREAU RÉCAPITULATIF DES FACTURES", 95, 4.5);
  for (const auto& [x, y, text] : header) p.Text(x, y, text);
  const double xs[] = {18, 39, 74, 101, 123, 146, 160, 177};
  const char* titles[] = {"N° facture", "N° immatriculation", "Nom", "Prénom", "Né(e) le", "Total", "Part AMO", "Part AMC"};
  for (int c = 0; c < 8; ++c) p.Text(xs[c], 90, titles[c]);
  const char* rows[][8] = {{"123456789", "2 85 07 75 115 042 30", "MARTIN", "Sophie", "12/07/1985", "25,20", "15,12", "10,08"},
                           {"123456790", "1 69 02 99 350 111 01", "DUBOIS", "Jean", "03/02/1969", "8,40", "5,04", "3,36"}};
  double y = 97;
  for (const auto& r : rows) {
    for (int c = 0; c < 8; ++c) p.Text(xs[c], y, r[c], 93, 2.6);
    y += 6.5;
  }
  p.Text(100, y + 7, "Nombre de factures : 2");
  return p;
}

Document Read(const PageBuilder& p) {
  const auto docs = ExtractDocuments({p.Build()}, nullptr, Options());
  EXPECT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs.front().type, DocumentType::kBordereau);
  return docs.front();
}

TEST(BordereauHeader, AChoiceAfterAConnectorIsReadThoughItsWordingIsAlsoALabel) {
  // "partenaire de santé" is a label of the partner's name: the value of
  // the règlement is still that wording, two fields sharing the row.
  const Document d = Read(Bordereau({{18, 40, "Partenaire de santé : LEROY Anne"},
                                     {18, 47, "Identifiant (N° AM) : 971123450"},
                                     {18, 54, "N° du lot : 307"},
                                     {90, 54, "Date de constitution : 26/09/2025"},
                                     {18, 61, "Organisme destinataire : 131"},
                                     {90, 61, "Règlement à : partenaire de santé"}}));
  EXPECT_EQ(T(d, "reglement.destinataire"), "partenaire");
  EXPECT_FALSE(Flagged(d, "reglement.destinataire"));
  EXPECT_EQ(T(d, "partenaire.identifiant"), "971123450");
  EXPECT_EQ(T(d, "lot.numero"), "307");
  EXPECT_EQ(T(d, "organisme.destinataire"), "131");
}

TEST(BordereauHeader, ValuesBelowTheirLabelsAreRead) {
  const Document d = Read(Bordereau({{18, 40, "Numéro AM"},
                                     {18, 46, "971123450"},
                                     {70, 40, "Numéro du lot"},
                                     {70, 46, "042"},
                                     {110, 40, "Paiement à"},
                                     {110, 46, "assuré"},
                                     {18, 60, "Caisse destinataire : 971"},
                                     {90, 60, "Constitué le : 20/06/2025"}}));
  EXPECT_EQ(T(d, "partenaire.identifiant"), "971123450");
  EXPECT_EQ(T(d, "lot.numero"), "042");
  EXPECT_EQ(T(d, "reglement.destinataire"), "assure");
  EXPECT_EQ(T(d, "organisme.destinataire"), "971");
}

TEST(BordereauHeader, ANumeroAmUnderAWordingInNoDataFileIsTakenByItsKeyAndFlagged) {
  // "Code émetteur PS" is in no file of data/forms: the one numéro AM
  // whose key passes outside the table is the partner's, sent to review.
  const Document d = Read(Bordereau({{18, 40, "Code émetteur PS 971123450"},
                                     {18, 54, "N° de lot : 042"},
                                     {18, 61, "Organisme destinataire : 971"}}));
  EXPECT_EQ(T(d, "partenaire.identifiant"), "971123450");
  EXPECT_TRUE(Flagged(d, "partenaire.identifiant"));
}

TEST(BordereauHeader, TwoUnlabelledNumerosAmGoToReviewUnread) {
  const Document d = Read(Bordereau({{18, 40, "Code émetteur PS 971123450"},
                                     {110, 40, "Remplaçant 971123468"},
                                     {18, 54, "N° de lot : 042"}}));
  EXPECT_EQ(T(d, "partenaire.identifiant"), "<absent>");
  EXPECT_TRUE(Flagged(d, "partenaire.identifiant"));
}

TEST(BordereauHeader, AnUnlabelledNumberFailingTheKeyIsNotTaken) {
  const Document d = Read(Bordereau({{18, 40, "Code émetteur PS 971123451"}, {18, 54, "N° de lot : 042"}}));
  EXPECT_EQ(T(d, "partenaire.identifiant"), "<absent>");
}

// A bordereau as some billing software prints it: the partner's letterhead
// on top, then the header in wordings of no data file.
PageBuilder SoftwareBordereau(const std::vector<std::tuple<double, double, std::string>>& header) {
  std::vector<std::tuple<double, double, std::string>> all = {{18, 8, "Jean-Claude GUERIN"},
                                                              {18, 12, "Infirmier diplômé d'État"},
                                                              {18, 16, "Numéro AM : 206512576"}};
  all.insert(all.end(), header.begin(), header.end());
  return Bordereau(all);
}

TEST(BordereauHeader, FieldsUnderWordingsOfNoFileAreReadByTheirValues) {
  const Document d = Read(SoftwareBordereau({{18, 40, "N°lot: 311"},
                                             {100, 40, "Fait le: 08/02/2024"},
                                             {18, 47, "Adressé à : CGSS de la Guadeloupe (971)"},
                                             {18, 54, "Payer à: le partenaire de santé"}}));
  EXPECT_EQ(T(d, "lot.numero"), "311");
  EXPECT_FALSE(Flagged(d, "lot.numero"));
  EXPECT_EQ(T(d, "lot.date"), "2024-02-08");
  EXPECT_FALSE(Flagged(d, "lot.date"));
  EXPECT_EQ(T(d, "organisme.destinataire"), "971");
  EXPECT_FALSE(Flagged(d, "organisme.destinataire"));
  EXPECT_EQ(T(d, "partenaire.nom"), "GUERIN");
  // Its label is unknown: the choice is read, and a person confirms it.
  EXPECT_EQ(T(d, "reglement.destinataire"), "partenaire");
  EXPECT_TRUE(Flagged(d, "reglement.destinataire"));
}

TEST(BordereauHeader, AChoiceUnderAWordOfItsOwnWordingsIsReadWhenItsLabelIsInNoFile) {
  // "Versement du règlement" is in no data file; "règlement" is a word of
  // that field's wordings alone: the choice under it is read, flagged.
  const Document d = Read(SoftwareBordereau({{18, 40, "Caisse de rattachement"},
                                             {110, 40, "Versement du règlement"},
                                             {18, 46, "CPAM de Lyon (691)"},
                                             {110, 46, "partenaire de santé"}}));
  EXPECT_EQ(T(d, "reglement.destinataire"), "partenaire");
  EXPECT_TRUE(Flagged(d, "reglement.destinataire"));
}

TEST(BordereauHeader, AChoiceUnderAWordOfNoWordingOfItsFieldIsNotTaken) {
  const Document d = Read(SoftwareBordereau({{18, 40, "Caisse de rattachement"},
                                             {110, 40, "Remarque"},
                                             {18, 46, "CPAM de Lyon (691)"},
                                             {110, 46, "partenaire de santé"}}));
  EXPECT_EQ(T(d, "reglement.destinataire"), "<absent>");
}

TEST(BordereauHeader, TwoDatesOrANumberNamedByNoWordOfItsFieldAreNotTaken) {
  const Document d = Read(SoftwareBordereau({{18, 40, "Dossier : 311"},
                                             {100, 40, "Fait le: 08/02/2024"},
                                             {100, 47, "Reçu le : 10/02/2024"}}));
  EXPECT_EQ(T(d, "lot.numero"), "<absent>");
  EXPECT_TRUE(Flagged(d, "lot.numero"));
  EXPECT_EQ(T(d, "lot.date"), "<absent>");
  EXPECT_TRUE(Flagged(d, "lot.date"));
}

TEST(BordereauHeader, TheLetterheadGivesNoNameWhenItDoesNotHoldThePartnersNumber) {
  PageBuilder p = Bordereau({{18, 8, "Cabinet MARCEAU"}, {18, 12, "Tél. 04 75 17 61 28"}, {18, 40, "Numéro AM : 206512576"}});
  const Document d = Read(p);
  EXPECT_EQ(T(d, "partenaire.identifiant"), "206512576");
  EXPECT_EQ(T(d, "partenaire.nom"), "<absent>");
}

}  // namespace
}  // namespace liasse::extractors
