#include <gtest/gtest.h>

#include "liasse/rules/lot.h"
#include "lot_fixture.h"

namespace liasse::rules {
namespace {

using liasse::Document;
using liasse::DocumentType;

Document Of(DocumentType t) {
  Document d;
  d.type = t;
  return d;
}

TEST(LotAssembly, EachBordereauStartsALotAndOtherDocumentsAreNotPieces) {
  const std::vector<Document> docs = {
      Of(DocumentType::kBordereau),      Of(DocumentType::kFeuilleDeSoins), Of(DocumentType::kPrescription),
      Of(DocumentType::kReclamation),    Of(DocumentType::kBordereau),      Of(DocumentType::kFeuilleDeSoins),
      Of(DocumentType::kEntentePrealable), Of(DocumentType::kAttestationDroits)};
  const auto lots = AssembleLots(docs);
  ASSERT_EQ(lots.size(), 2u);
  EXPECT_EQ(lots[0].bordereau, 0);
  EXPECT_EQ(lots[0].pieces, (std::vector<int>{1, 2}));
  EXPECT_EQ(lots[1].bordereau, 4);
  EXPECT_EQ(lots[1].pieces, (std::vector<int>{5, 6, 7}));
  EXPECT_EQ(lots[0].flux, Flux::kDegrade);
}

TEST(LotAssembly, PiecesBeforeTheBordereauJoinTheFirstLot) {
  const std::vector<Document> docs = {Of(DocumentType::kFeuilleDeSoins), Of(DocumentType::kBordereau),
                                      Of(DocumentType::kPrescription)};
  const auto lots = AssembleLots(docs);
  ASSERT_EQ(lots.size(), 1u);
  EXPECT_EQ(lots[0].pieces, (std::vector<int>{0, 2}));
}

TEST(LotAssembly, FeuillesWithoutBordereauMakeOneLotWithoutBordereau) {
  const auto lots = AssembleLots({Of(DocumentType::kFeuilleDeSoins), Of(DocumentType::kPrescription)});
  ASSERT_EQ(lots.size(), 1u);
  EXPECT_FALSE(lots[0].bordereau.has_value());
}

TEST(LotAssembly, AMemberClaimIsNoLot) {
  EXPECT_TRUE(AssembleLots({Of(DocumentType::kFacture), Of(DocumentType::kPrescription)}).empty());
}

TEST(LotAssembly, FluxSecuriseWhenNoFeuilleOrWhenTheBordereauSaysSo) {
  EXPECT_EQ(AssembleLots({Of(DocumentType::kBordereau), Of(DocumentType::kPrescription)})[0].flux, Flux::kSecurise);
  Document b = Of(DocumentType::kBordereau);
  b.fields["lot.flux"] = testing::Text("securise");
  EXPECT_EQ(AssembleLots({b, Of(DocumentType::kFeuilleDeSoins)})[0].flux, Flux::kSecurise);
}

}  // namespace
}  // namespace liasse::rules
