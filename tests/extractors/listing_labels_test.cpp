// A feuille de soins printed as a software listing: labels abbreviated
// ("NUM FACT", "DATE PRESCR"), a wording the data does not have before
// the leader dots ("NOM USUEL ......"), section headings after marks
// ("-- ASSURE"). Each value read from the label it stands after.
#include <string>

#include <gtest/gtest.h>

#include "liasse/extractors/extract.h"
#include "document_checks.h"
#include "page_builder.h"

namespace liasse::extractors {
namespace {

using testing::L;
using testing::Options;
using testing::PageBuilder;
using testing::T;

Document ReadListing() {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(110, 25, "NUM FACT ............ 506022564")
      .Text(18, 35, "-- MALADE")
      .Text(18, 42, "NOM USUEL ...... GARCIA")
      .Text(90, 42, "PRENOM ......... Hélène")
      .Text(18, 52, "-- ASSURE")
      .Text(18, 59, "NOM USUEL ...... MARTIN")
      .Text(90, 59, "PRENOMS ....... Paul")
      .Text(18, 66, "NIR .................. 1 69 02 99 350 111 01")
      .Text(18, 76, "-- PRESCRIPTION")
      .Text(18, 83, "DATE PRESCR .... : 28.07.2025")
      // A table whose header is in no data file, its columns in another order.
      .Text(18, 100, "LC")
      .Text(40, 100, "JOUR")
      .Text(80, 100, "MT")
      .Text(110, 100, "QTE")
      .Text(18, 107, "AIS")
      .Text(40, 107, "05.08.2025")
      .Text(80, 107, "10.60")
      .Text(110, 107, "4")
      .Text(18, 114, "IFD")
      .Text(40, 114, "05.08.2025")
      .Text(80, 114, "2.75")
      .Text(110, 114, "1")
      .Text(18, 121, "AMI")
      .Text(40, 121, "06.08.2025")
      .Text(80, 121, "6.30")
      .Text(110, 121, "2")
      .Text(60, 135, "TOTAL FACTURE : 19.65");
  const auto docs = ExtractDocuments({p.Build()}, nullptr, Options());
  EXPECT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs.front().type, DocumentType::kFeuilleDeSoins);
  return docs.front();
}

TEST(ListingLabels, AbbreviatedWordingsAreTheirLabels) {
  const Document d = ReadListing();
  EXPECT_EQ(T(d, "numero_facture"), "506022564");
  EXPECT_EQ(T(d, "prescription.date"), "2025-07-28");
}

TEST(ListingLabels, WordsBeforeTheLeaderAreTheLabelsAndHeadingsAfterMarksSplitTheSections) {
  const Document d = ReadListing();
  EXPECT_EQ(T(d, "beneficiaire.nom"), "GARCIA");
  EXPECT_EQ(T(d, "beneficiaire.prenom"), "Hélène");
  EXPECT_EQ(T(d, "assure.nom"), "MARTIN");
  EXPECT_EQ(T(d, "assure.prenom"), "Paul");
  EXPECT_EQ(T(d, "assure.nir"), "169029935011101");
}

TEST(ListingLabels, ActRowsUnderAHeaderInNoDataFileAreReadByTheKindOfEachValue) {
  const Document d = ReadListing();
  ASSERT_EQ(d.lines.size(), 3u);
  EXPECT_EQ(L(d.lines[0], "code"), "AIS");
  EXPECT_EQ(L(d.lines[0], "date"), "2025-08-05");
  EXPECT_EQ(L(d.lines[0], "coefficient"), "4");
  EXPECT_EQ(L(d.lines[0], "montant"), "10.60");
  EXPECT_EQ(L(d.lines[1], "code"), "IFD");
  EXPECT_EQ(L(d.lines[1], "montant"), "2.75");
  EXPECT_EQ(L(d.lines[2], "code"), "AMI");
  EXPECT_EQ(L(d.lines[2], "coefficient"), "2");
  EXPECT_EQ(L(d.lines[2], "montant"), "6.30");
  EXPECT_EQ(T(d, "montant_total"), "19.65");
}

}  // namespace
}  // namespace liasse::extractors
