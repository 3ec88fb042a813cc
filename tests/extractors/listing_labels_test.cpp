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
      .Text(18, 83, "DATE PRESCR .... : 28.07.2025");
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

}  // namespace
}  // namespace liasse::extractors
