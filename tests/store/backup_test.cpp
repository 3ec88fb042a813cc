// `liasse store backup` (issue 21): a copy taken while another process
// commits is one consistent state: it opens, passes PRAGMA integrity_check
// and holds every row committed before the copy began.
#include "liasse/store/backup.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "liasse/store/database.h"
#include "liasse/store/intake_journal.h"
#include "temp_db.h"

namespace liasse::store {
namespace {

using ::testing::HasSubstr;

class BackupTest : public testing::TempDbTest {};

// The envelopes the intake journal of `path` holds.
int64_t Envelopes(const std::string& path) {
  auto db = Database::Open(path);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  auto journal = IntakeJournal::Open(*db);
  EXPECT_TRUE(journal.ok());
  int64_t n = 0;
  for (int64_t i = 0;; ++i) {
    auto found = (*journal)->Find("sha-" + std::to_string(i));
    if (!found.ok() || !found->has_value()) break;
    n = i + 1;
  }
  return n;
}

TEST_F(BackupTest, CopyTakenWhileAnotherProcessCommitsHoldsEverythingCommittedBefore) {
  {
    auto db = Database::Open(Path());
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(IntakeJournal::Open(*db).ok());
  }
  // The writer: one envelope per transaction, in order, as `watch` records them.
  const pid_t writer = fork();
  ASSERT_GE(writer, 0);
  if (writer == 0) {
    auto db = Database::Open(Path());
    if (!db.ok()) _exit(3);
    auto journal = IntakeJournal::Open(*db);
    if (!journal.ok()) _exit(4);
    for (int64_t i = 0;; ++i) {
      if (!(*journal)->Record({"sha-" + std::to_string(i), "pli", "done", std::string(2000, 'r')}).ok()) _exit(5);
    }
  }
  while (Envelopes(Path()) < 200) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const int64_t committed_before = Envelopes(Path());
  auto report = BackupDatabase(Path(), Path("copie.sqlite"));
  const int64_t committed_after = Envelopes(Path());
  kill(writer, SIGKILL);
  waitpid(writer, nullptr, 0);

  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->integrity, "ok");
  EXPECT_GT(committed_after, committed_before);  // the writer really ran during the copy
  auto copy = Database::Open(Path("copie.sqlite"));
  ASSERT_TRUE(copy.ok());
  ASSERT_TRUE(copy->Exec("PRAGMA integrity_check").ok());
  const int64_t in_copy = Envelopes(Path("copie.sqlite"));
  EXPECT_GE(in_copy, committed_before);
  EXPECT_LE(in_copy, committed_after);
  struct stat info {};
  ASSERT_EQ(stat(Path("copie.sqlite").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);  // health data: the owner's only
  EXPECT_FALSE(std::filesystem::exists(Path("copie.sqlite.partiel")));
}

TEST_F(BackupTest, MissingDatabaseIsNotFoundAndLeavesNoFile) {
  auto report = BackupDatabase(Path("absente.sqlite"), Path("copie.sqlite"));
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(report.status().message(), HasSubstr("absente.sqlite : base introuvable"));
  EXPECT_FALSE(std::filesystem::exists(Path("copie.sqlite.partiel")));
}

TEST_F(BackupTest, CopyOntoTheDatabaseItselfIsRefused) {
  ASSERT_TRUE(Database::Open(Path()).ok());
  auto report = BackupDatabase(Path(), Path());
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(report.status().message(), HasSubstr("ne peut pas remplacer la base"));
}

}  // namespace
}  // namespace liasse::store
