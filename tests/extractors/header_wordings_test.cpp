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

}  // namespace
}  // namespace liasse::extractors
