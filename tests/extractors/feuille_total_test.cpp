// A feuille de soins's total printed in the amounts' column, far right of
// its label: the total is read all the same.
#include <string>

#include <gtest/gtest.h>

#include "liasse/extractors/extract.h"
#include "document_checks.h"
#include "page_builder.h"

namespace liasse::extractors {
namespace {

using testing::PageBuilder;
using testing::T;

Document Read(const PageBuilder& p) { return testing::ReadSingle(p.Build(), DocumentType::kFeuilleDeSoins); }

TEST(FeuilleTotal, TheTotalStandsFarRightOfItsLabelInTheAmountsColumn) {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5).Text(60, 120, "Total :").Text(160, 120, "73,75 €");
  EXPECT_EQ(T(Read(p), "montant_total"), "73.75");
}

}  // namespace
}  // namespace liasse::extractors
