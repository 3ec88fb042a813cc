// Fault tests of `liasse process` as a user runs it (label "slow"): a batch
// of fifty envelopes with one corrupt, and a kill -9 in the middle of a batch
// followed by a restart, whose results must equal an uninterrupted run.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include "child_process.h"
#include "test_files.h"

#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <sstream>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>


namespace {

namespace fs = std::filesystem;
using liasse::test_support::FreshTestDir;
using liasse::test_support::KillOnceWritten;
using liasse::test_support::ReadJson;
using liasse::test_support::Spawn;
using liasse::test_support::Wait;

class CrashTest : public testing::Test {
 protected:
  void SetUp() override {
    root_ = FreshTestDir("liasse_crash_");
    fs::create_directories(root_ / "in");
  }
  void TearDown() override { fs::remove_all(root_); }

  std::vector<std::string> Process(const std::string& out) {
    return {LIASSE_BIN, "process", (root_ / "in").string(), "--out", (root_ / out).string(), "--jobs", "2",
            "--date", "2026-11-23", "--date-reception", "2026-11-20"};
  }

  fs::path root_;
};

const fs::path kTinyPage = fs::path(LIASSE_SOURCE_DIR) / "tests/tools/runner/data/tiny_page.png";

TEST_F(CrashTest, OneCorruptEnvelopeInFiftyIsQuarantinedAndTheOthersAreDone) {
  for (int i = 0; i < 50; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "pli_%02d.png", i);
    if (i == 23) {
      std::ofstream(root_ / "in" / name, std::ios::binary) << std::string("\x89PNG\r\n\x1a\ntruncated", 17);
    } else {
      fs::copy_file(kTinyPage, root_ / "in" / name);
    }
  }
  EXPECT_EQ(Wait(Spawn(Process("out"))), 1);  // exit 1: one envelope could not be read
  int done = 0;
  for (int i = 0; i < 50; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "pli_%02d.json", i);
    const auto result = ReadJson(root_ / "out" / name);
    if (i == 23) {
      EXPECT_NE(result["error"].get<std::string>().find("pli_23.png"), std::string::npos);
    } else {
      done += result["error"].is_null() && result["pages"].size() == 1 ? 1 : 0;
    }
  }
  EXPECT_EQ(done, 49);
  EXPECT_TRUE(fs::exists(root_ / "out" / "quarantine" / "pli_23.png"));
}

TEST_F(CrashTest, KillNineThenRestartGivesTheResultsOfAnUninterruptedRun) {
  for (const char* sample : {"reclamation_01.tiff", "lot_01_clean.tiff", "renonciation_01.pdf", "members.csv"}) {
    fs::copy_file(fs::path(LIASSE_SOURCE_DIR) / "samples" / sample, root_ / "in" / sample);
  }
  for (int i = 0; i < 6; ++i) fs::copy_file(kTinyPage, root_ / "in" / ("tiny_" + std::to_string(i) + ".png"));
  ASSERT_EQ(Wait(Spawn(Process("reference"))), 0);

  // Kill as soon as the first result is on disk, then run again.
  const pid_t pid = Spawn(Process("out"));
  ASSERT_GT(pid, 0);
  EXPECT_EQ(KillOnceWritten(pid, root_ / "out" / "lot_01_clean.json"), 128 + SIGKILL);
  ASSERT_EQ(Wait(Spawn(Process("out"))), 0);

  int compared = 0;
  for (const auto& entry : fs::directory_iterator(root_ / "reference")) {
    if (entry.path().extension() != ".json") continue;
    EXPECT_EQ(ReadJson(root_ / "out" / entry.path().filename()), ReadJson(entry.path())) << entry.path().filename();
    ++compared;
  }
  EXPECT_EQ(compared, 9);
}

// Files of a mailroom inbox, written a minute ago (complete for --stable-ms).
void FillInbox(const fs::path& inbox) {
  fs::create_directories(inbox);
  for (const char* sample : {"reclamation_01.tiff", "lot_01_clean.tiff", "renonciation_01.pdf"}) {
    fs::copy_file(fs::path(LIASSE_SOURCE_DIR) / "samples" / sample, inbox / sample);
  }
  for (int i = 0; i < 4; ++i) fs::copy_file(kTinyPage, inbox / ("tiny_" + std::to_string(i) + ".png"));
  for (const auto& e : fs::directory_iterator(inbox)) {
    fs::last_write_time(e.path(), fs::file_time_type::clock::now() - std::chrono::minutes(1));
  }
}

std::vector<std::string> WatchArgs(const fs::path& inbox, const fs::path& out, bool once) {
  std::vector<std::string> args = {LIASSE_BIN, "watch", inbox.string(), "--out", out.string(), "--jobs", "2",
                                   "--stable-ms", "1000", "--poll-ms", "100", "--contract",
                                   (fs::path(LIASSE_SOURCE_DIR) / "samples" / "members.csv").string()};
  if (once) args.push_back("--once");
  return args;
}

// One line of `sqlite3 DB SQL` (tools/setup installs the sqlite3 CLI).
std::string Sqlite(const fs::path& db, const std::string& sql) {
  const std::string cmd = "sqlite3 '" + db.string() + "' \"" + sql + "\"";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return "?";
  char buffer[256] = {};
  std::string out = fgets(buffer, sizeof buffer, pipe) != nullptr ? buffer : "";
  pclose(pipe);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

TEST_F(CrashTest, WatchKilledThenRestartedTakesEveryFileExactlyOnce) {
  FillInbox(root_ / "reference_inbox");
  ASSERT_EQ(Wait(Spawn(WatchArgs(root_ / "reference_inbox", root_ / "reference", true))), 0);

  // The mailroom loop (no --once), killed once the first result is written.
  FillInbox(root_ / "inbox");
  const pid_t pid = Spawn(WatchArgs(root_ / "inbox", root_ / "out", false));
  ASSERT_GT(pid, 0);
  EXPECT_EQ(KillOnceWritten(pid, root_ / "out" / "lot_01_clean.json"), 128 + SIGKILL);
  ASSERT_EQ(Wait(Spawn(WatchArgs(root_ / "inbox", root_ / "out", true))), 0);

  int left = 0, done = 0;
  for (const auto& e : fs::directory_iterator(root_ / "inbox")) left += e.is_regular_file() ? 1 : 0;
  for (const auto& e : fs::directory_iterator(root_ / "inbox" / "done")) done += e.is_regular_file() ? 1 : 0;
  EXPECT_EQ(left, 0);
  EXPECT_EQ(done, 7);
  // Exactly once as the store sees it: one intake record per content (the
  // journal is keyed by SHA-256; the four tiny pages are the same bytes).
  EXPECT_EQ(Sqlite(root_ / "out" / "liasse.db", "SELECT count(*), count(DISTINCT sha256) FROM intake"), "4|4");
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(root_ / "reference")) {
    if (entry.path().extension() != ".json") continue;
    EXPECT_EQ(ReadJson(root_ / "out" / entry.path().filename()), ReadJson(entry.path())) << entry.path().filename();
    ++compared;
  }
  EXPECT_EQ(compared, 7);
}

}  // namespace

namespace {

// `liasse store backup` while `liasse watch` commits envelopes: the copy
// opens, passes PRAGMA integrity_check and holds every envelope the intake
// journal had committed before the copy began.
TEST_F(CrashTest, StoreBackupDuringWatchHoldsEveryEnvelopeCommittedBefore) {
  FillInbox(root_ / "inbox");
  const pid_t pid = Spawn(WatchArgs(root_ / "inbox", root_ / "out", false));
  ASSERT_GT(pid, 0);
  const fs::path db = root_ / "out" / "liasse.db";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(10);
  std::string before;
  while (std::chrono::steady_clock::now() < deadline) {
    if (fs::exists(db)) before = Sqlite(db, "SELECT count(*) FROM intake");
    if (!before.empty() && before != "0") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_FALSE(before.empty() || before == "0") << "watch committed nothing";
  // The journal only grows: what was committed is every row up to this rowid.
  const std::string last_row = Sqlite(db, "SELECT max(rowid) FROM intake");
  before = Sqlite(db, "SELECT count(*) FROM intake WHERE rowid <= " + last_row);
  const fs::path copy = root_ / "copie.db";
  const int backup = Wait(Spawn({LIASSE_BIN, "store", "backup", "--db", db.string(), "--to", copy.string()}));
  const int watch_status = (kill(pid, SIGKILL), Wait(pid));
  EXPECT_EQ(watch_status, 128 + SIGKILL) << "watch had stopped before the copy: not a copy during a run";
  ASSERT_EQ(backup, 0);
  EXPECT_EQ(Sqlite(copy, "PRAGMA integrity_check"), "ok");
  const std::string in_copy = Sqlite(copy, "SELECT count(*) FROM intake WHERE rowid <= " + last_row);
  EXPECT_EQ(in_copy, before) << "envelopes committed before the copy are missing from it";
  EXPECT_GT(std::stoi(Sqlite(copy, "SELECT count(*) FROM members")), 0);
}

}  // namespace

namespace {

// A full run over the samples (issue 21): nothing in the structured log or
// on the error output holds a member's NIR, IBAN, name or PDF password.
TEST_F(CrashTest, FullRunOverTheSamplesLogsNoNirIbanNameOrPassword) {
  for (const auto& e : fs::directory_iterator(fs::path(LIASSE_SOURCE_DIR) / "samples")) {
    if (e.is_regular_file() && e.path().extension() != ".json" && e.path().extension() != ".md") {
      fs::copy_file(e.path(), root_ / "in" / e.path().filename());
    }
  }
  std::vector<std::string> args = Process("out");
  std::string command;
  for (const auto& a : args) command += "'" + a + "' ";
  const int status = std::system((command + "> /dev/null 2> '" + (root_ / "stderr.txt").string() + "'").c_str());
  ASSERT_NE(status, -1);
  std::string logs;
  for (const fs::path& f : {root_ / "out" / "liasse.log.jsonl", root_ / "stderr.txt"}) {
    std::ifstream in(f);
    logs.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  ASSERT_NE(logs.find("batch_end"), std::string::npos) << "the run did not finish (exit status " << status << ")\n"
                                                       << logs.substr(0, 3000);
  int checked = 0;
  for (const std::string& secret : liasse::test_support::MemberSecrets(fs::path(LIASSE_SOURCE_DIR) / "samples" /
                                                                       "members.csv")) {
    EXPECT_EQ(logs.find(secret), std::string::npos) << "« " << secret << " » dans les journaux";
    ++checked;
  }
  EXPECT_GT(checked, 20);
}

}  // namespace
