// Fault tests of `liasse process` as a user runs it (label "slow"): a batch
// of fifty envelopes with one corrupt, and a kill -9 in the middle of a batch
// followed by a restart, whose results must equal an uninterrupted run.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include "child_process.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>


namespace {

namespace fs = std::filesystem;

nlohmann::json ReadJson(const fs::path& p) {
  std::ifstream in(p);
  return nlohmann::json::parse(in);
}

using liasse::test_support::Spawn;
using liasse::test_support::Wait;

class CrashTest : public testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(testing::TempDir()) /
            ("liasse_crash_" + std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "in");
  }
  void TearDown() override { fs::remove_all(root_); }

  std::vector<std::string> Process(const std::string& out) {
    return {LIASSE_BIN, "process", (root_ / "in").string(), "--out", (root_ / out).string(), "--jobs", "2",
            "--date", "2026-11-23", "--date-reception", "2026-11-20"};
  }

  fs::path root_;
};

const fs::path kTinyPage = fs::path(LIASSE_SOURCE_DIR) / "tests/runner/data/tiny_page.png";

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
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
  while (!fs::exists(root_ / "out" / "lot_01_clean.json") && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid, SIGKILL);
  EXPECT_EQ(Wait(pid), 128 + SIGKILL);
  ASSERT_EQ(Wait(Spawn(Process("out"))), 0);

  int compared = 0;
  for (const auto& entry : fs::directory_iterator(root_ / "reference")) {
    if (entry.path().extension() != ".json") continue;
    EXPECT_EQ(ReadJson(root_ / "out" / entry.path().filename()), ReadJson(entry.path())) << entry.path().filename();
    ++compared;
  }
  EXPECT_EQ(compared, 9);
}

}  // namespace
