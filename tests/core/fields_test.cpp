#include "liasse/core/fields.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace liasse::fields {
namespace {

TEST(Fields, BordereauCatalogueNamesTheLotFields) {
  std::set<std::string> names;
  for (const Entry& e : Catalogue(DocumentType::kBordereau)) names.insert(e.name);
  EXPECT_TRUE(names.count(kLotNumero));
  EXPECT_TRUE(names.count(kLotDate));
  EXPECT_EQ(names.size(), 6u);
}

TEST(Fields, KindsFollowTheResultContract) {
  for (const Entry& e : Catalogue(DocumentType::kFeuilleDeSoins)) {
    if (std::string(e.name) == kAssureNir) {
      EXPECT_EQ(e.kind, Kind::kNirNumber);
    }
    if (std::string(e.name) == kMontantTotal) {
      EXPECT_EQ(e.kind, Kind::kAmount);
    }
    if (std::string(e.name) == kSignaturePatient) {
      EXPECT_EQ(e.kind, Kind::kBoolean);
    }
    if (std::string(e.name) == kPrescriptionDate) {
      EXPECT_EQ(e.kind, Kind::kIsoDate);
    }
  }
}

TEST(Fields, NoNameTwiceInACatalogueAndNoneForAutre) {
  for (DocumentType t : {DocumentType::kBordereau, DocumentType::kFeuilleDeSoins, DocumentType::kFacture,
                         DocumentType::kPrescription, DocumentType::kEntentePrealable, DocumentType::kAttestationDroits,
                         DocumentType::kDecompteRo, DocumentType::kDevis, DocumentType::kReclamation,
                         DocumentType::kRenonciation, DocumentType::kCouponEmail}) {
    std::set<std::string> names;
    for (const Entry& e : Catalogue(t)) EXPECT_TRUE(names.insert(e.name).second) << e.name;
    EXPECT_FALSE(names.empty());
  }
  EXPECT_TRUE(Catalogue(DocumentType::kAutre).empty());
}

}  // namespace
}  // namespace liasse::fields
