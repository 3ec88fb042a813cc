#include "liasse/store/prescription_history_store.h"

#include <gtest/gtest.h>

#include "temp_db.h"
#include "testing/status_matchers.h"

namespace liasse::store {
namespace {

using ::liasse::test_support::StatusIs;
using ::testing::HasSubstr;
using PrescriptionHistoryStore = testing::TempDbTest;

PrescriptionRecord Record(std::string facture) {
  PrescriptionRecord r;
  r.key = {"756123458", "295109912611193", "1995-10-03"};
  r.date = Date::FromYmd(2025, 9, 1).value();
  r.numero_facture = std::move(facture);
  return r;
}

TEST_F(PrescriptionHistoryStore, RemembersAcrossReopeningTheFile) {
  {
    auto db = Database::Open(Path());
    ASSERT_TRUE(db.ok());
    auto history = SqlitePrescriptionHistory::Open(*db);
    ASSERT_TRUE(history.ok()) << history.status().ToString();
    auto none = (*history)->Find(Record("").key);
    ASSERT_TRUE(none.ok());
    EXPECT_FALSE(none->has_value());
    ASSERT_TRUE((*history)->Remember(Record("000000101")).ok());
  }
  auto db = Database::Open(Path());
  ASSERT_TRUE(db.ok());
  auto history = SqlitePrescriptionHistory::Open(*db);
  ASSERT_TRUE(history.ok());
  auto found = (*history)->Find(Record("").key);
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->numero_facture, "000000101");
  EXPECT_EQ((*found)->date, Date::FromYmd(2025, 9, 1).value());
  EXPECT_EQ(db->SchemaVersion("prescriptions").value(), 1);
}

TEST_F(PrescriptionHistoryStore, KeysOnAuxiliairePatientAndBirthDate) {
  auto db = Database::Open(Path());
  ASSERT_TRUE(db.ok());
  auto history = SqlitePrescriptionHistory::Open(*db);
  ASSERT_TRUE(history.ok());
  ASSERT_TRUE((*history)->Remember(Record("000000101")).ok());
  PrescriptionKey other_auxiliaire = Record("").key;
  other_auxiliaire.partenaire = "756123466";
  EXPECT_FALSE((*history)->Find(other_auxiliaire)->has_value());
  PrescriptionKey other_beneficiaire = Record("").key;
  other_beneficiaire.date_naissance = "2015-04-02";
  EXPECT_FALSE((*history)->Find(other_beneficiaire)->has_value());
  // A newer prescription for the same key replaces the old one.
  ASSERT_TRUE((*history)->Remember(Record("000000207")).ok());
  EXPECT_EQ((*(*history)->Find(Record("").key))->numero_facture, "000000207");
  PrescriptionRecord incomplete = Record("000000300");
  incomplete.key.nir.clear();
  EXPECT_THAT((*history)->Remember(incomplete),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("prescription sans patient ou auxiliaire identifié")));
}

}  // namespace
}  // namespace liasse::store
