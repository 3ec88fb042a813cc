// The audit of operators' corrections: rows kept across reopening, in
// order, with the version each made; a row without operator refused.
#include "liasse/store/review_audit.h"

#include <gtest/gtest.h>

#include "temp_db.h"

namespace liasse::store {
namespace {

using ReviewAuditStore = testing::TempDbTest;

ReviewChange Change(std::string envelope, int version, std::string field) {
  ReviewChange c;
  c.envelope = std::move(envelope);
  c.sha256 = "ab12";
  c.version = version;
  c.at = "2026-12-06T15:04:05Z";
  c.user = "alice";
  c.action = "correction";
  c.document = 1;
  c.field = std::move(field);
  c.old_value = "192063155564012";
  c.new_value = "292063155564012";
  return c;
}

TEST_F(ReviewAuditStore, ChangesAreKeptInOrderAcrossReopeningWithTheirVersion) {
  {
    auto db = Database::Open(Path());
    ASSERT_TRUE(db.ok());
    auto audit = ReviewAudit::Open(*db);
    ASSERT_TRUE(audit.ok()) << audit.status().ToString();
    ASSERT_TRUE((*audit)->Record(Change("lot_01", 1, "assure.nir")).ok());
    ReviewChange line = Change("lot_01", 2, "montant");
    line.line = 0;
    line.old_value.reset();
    ASSERT_TRUE((*audit)->Record(line).ok());
    ASSERT_TRUE((*audit)->Record(Change("lot_02", 1, "assure.nir")).ok());
  }
  auto db = Database::Open(Path());
  ASSERT_TRUE(db.ok());
  auto audit = ReviewAudit::Open(*db);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ((*audit)->Version("lot_01").value(), 2);
  EXPECT_EQ((*audit)->Version("lot_09").value(), 0);
  const auto changes = (*audit)->Changes("lot_01");
  ASSERT_TRUE(changes.ok());
  ASSERT_EQ(changes->size(), 2u);
  EXPECT_EQ((*changes)[0], Change("lot_01", 1, "assure.nir"));
  EXPECT_EQ((*changes)[1].line, 0);
  EXPECT_FALSE((*changes)[1].old_value.has_value());
  EXPECT_EQ((*audit)->Changes().value().size(), 3u);
}

TEST_F(ReviewAuditStore, ChangeWithoutOperatorIsRefused) {
  auto db = Database::Open(Path());
  ASSERT_TRUE(db.ok());
  auto audit = ReviewAudit::Open(*db);
  ASSERT_TRUE(audit.ok());
  ReviewChange c = Change("lot_01", 1, "assure.nir");
  c.user.clear();
  const Status s = (*audit)->Record(c);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "correction sans pli, sans opérateur ou sans champ");
}

}  // namespace
}  // namespace liasse::store
