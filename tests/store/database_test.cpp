#include <gtest/gtest.h>

#include "liasse/store/database.h"
#include "liasse/store/store.h"
#include "temp_db.h"

namespace liasse::store::testing {
namespace {

using DatabaseTest = TempDbTest;

TEST_F(DatabaseTest, OpensTheFileInWalMode) {
  auto db = Database::Open(Path());
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ(db->JournalMode().value_or(""), "wal");
}

TEST_F(DatabaseTest, MigrationsAreKeyedByComponentAndAppliedOnce) {
  auto db = Database::Open(Path());
  ASSERT_TRUE(db.ok());
  const std::vector<Migration> mail = {{"mail", 1, "CREATE TABLE outbox(id INTEGER PRIMARY KEY, to_addr TEXT)"},
                                       {"mail", 2, "ALTER TABLE outbox ADD COLUMN sent_at TEXT"}};
  const std::vector<Migration> ocr = {{"ocr_cache", 1, "CREATE TABLE ocr_cache(sha TEXT PRIMARY KEY, text TEXT)"}};
  ASSERT_TRUE(db->Migrate(mail).ok());
  ASSERT_TRUE(db->Migrate(ocr).ok());
  ASSERT_TRUE(db->Migrate(mail).ok());  // again: nothing to do, no "table exists" error
  EXPECT_EQ(db->SchemaVersion("mail").value_or(-1), 2);
  EXPECT_EQ(db->SchemaVersion("ocr_cache").value_or(-1), 1);
  EXPECT_EQ(db->SchemaVersion("rules").value_or(-1), 0);
  EXPECT_TRUE(db->Exec("INSERT INTO outbox(to_addr, sent_at) VALUES ('a@b.fr', NULL)").ok());
}

TEST_F(DatabaseTest, FailingStepIsRolledBackAndNamed) {
  auto db = Database::Open(Path());
  ASSERT_TRUE(db.ok());
  const std::vector<Migration> bad = {{"mail", 1, "CREATE TABLE outbox(id INTEGER PRIMARY KEY)"},
                                      {"mail", 2, "CREATE TABLE outbox(id INTEGER)"}};
  Status st = db->Migrate(bad);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("migration mail v2"), std::string::npos) << st.message();
  EXPECT_EQ(db->SchemaVersion("mail").value_or(-1), 1);
}

TEST_F(DatabaseTest, NewerDatabaseThanProgramIsRefused) {
  {
    auto db = Database::Open(Path());
    ASSERT_TRUE(db->Migrate(std::vector<Migration>{{"mail", 1, "CREATE TABLE a(x)"}, {"mail", 2, "CREATE TABLE b(x)"}}).ok());
  }
  auto db = Database::Open(Path());
  Status st = db->Migrate(std::vector<Migration>{{"mail", 1, "CREATE TABLE a(x)"}});
  EXPECT_EQ(st.code(), StatusCode::kFailedPrecondition);
}

TEST_F(DatabaseTest, VersionsOutOfOrderAreRejected) {
  auto db = Database::Open(Path());
  Status st = db->Migrate(std::vector<Migration>{{"mail", 2, "SELECT 1"}, {"mail", 1, "SELECT 1"}});
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
}

TEST_F(DatabaseTest, UnwritablePathFailsWithItsName) {
  auto db = Database::Open("/nonexistent-dir/liasse.sqlite");
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.status().message().find("/nonexistent-dir/liasse.sqlite"), std::string::npos);
}

TEST_F(DatabaseTest, StoreSchemaSurvivesReopening) {
  { ASSERT_TRUE(Store::Open(Path()).ok()); }
  auto again = Store::Open(Path());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->database().SchemaVersion("store").value_or(0), StoreMigrations().back().version);
}

}  // namespace
}  // namespace liasse::store::testing
