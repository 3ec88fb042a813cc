#include "liasse/store/database.h"

#include <gtest/gtest.h>

#include "liasse/store/store.h"
#include "temp_db.h"
#include "testing/status_matchers.h"

namespace liasse::store::testing {
namespace {

using ::liasse::test_support::StatusIs;
using ::testing::HasSubstr;
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
  EXPECT_THAT(db->Migrate(bad), StatusIs(StatusCode::kIoError, HasSubstr("migration mail v2: SQL: ")));
  EXPECT_EQ(db->SchemaVersion("mail").value_or(-1), 1);
}

TEST_F(DatabaseTest, NewerDatabaseThanProgramIsRefused) {
  {
    auto db = Database::Open(Path());
    ASSERT_TRUE(db->Migrate(std::vector<Migration>{{"mail", 1, "CREATE TABLE a(x)"}, {"mail", 2, "CREATE TABLE b(x)"}}).ok());
  }
  auto db = Database::Open(Path());
  EXPECT_THAT(
      db->Migrate(std::vector<Migration>{{"mail", 1, "CREATE TABLE a(x)"}}),
      StatusIs(StatusCode::kFailedPrecondition, HasSubstr("base au schéma mail v2, plus récent que ce programme")));
}

TEST_F(DatabaseTest, VersionsOutOfOrderAreRejected) {
  auto db = Database::Open(Path());
  EXPECT_THAT(db->Migrate(std::vector<Migration>{{"mail", 2, "SELECT 1"}, {"mail", 1, "SELECT 1"}}),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("migrations mail : version 1 hors ordre")));
}

TEST_F(DatabaseTest, UnwritablePathFailsWithItsName) {
  EXPECT_THAT(Database::Open("/nonexistent-dir/liasse.sqlite"),
              StatusIs(StatusCode::kIoError, HasSubstr("/nonexistent-dir/liasse.sqlite: ouverture impossible")));
}

TEST_F(DatabaseTest, StoreSchemaSurvivesReopening) {
  { ASSERT_TRUE(Store::Open(Path()).ok()); }
  auto again = Store::Open(Path());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->database().SchemaVersion("store").value_or(0), StoreMigrations().back().version);
}

}  // namespace
}  // namespace liasse::store::testing
