// Mailroom intake with real OCR on sample envelopes (label "slow").
#include "liasse/runner/watch.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "test_files.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;
using liasse::test_support::FreshTestDir;
using liasse::test_support::Sample;

class WatchTest : public testing::Test {
 protected:
  void SetUp() override {
    root_ = FreshTestDir("liasse_watch_");
    fs::create_directories(root_ / "inbox");
  }
  void TearDown() override { fs::remove_all(root_); }

  // Copies a sample into the inbox, written a minute ago unless `fresh`.
  void Drop(const std::string& sample, const std::string& name, bool fresh = false) {
    fs::copy_file(Sample(sample), root_ / "inbox" / name);
    if (!fresh) fs::last_write_time(root_ / "inbox" / name, fs::file_time_type::clock::now() - std::chrono::minutes(1));
  }

  Result<WatchSummary> RunOnce() {
    WatchOptions options;
    options.inbox = root_ / "inbox";
    options.process.out_dir = root_ / "out";
    options.process.jobs = 2;
    options.stable_ms = 30000;
    options.once = true;
    return Watch(options);
  }

  fs::path root_;
};

TEST_F(WatchTest, TakesCompleteFilesAndLeavesFilesStillBeingWritten) {
  Drop("reclamation_01.tiff", "a_reclamation.tiff");
  Drop("corrupt_01.pdf", "b_corrupt.pdf");
  Drop("renonciation_01.pdf", "c_marked.pdf", /*fresh=*/true);
  std::ofstream(root_ / "inbox" / "c_marked.pdf.done");
  Drop("dentaire_01.pdf", "d_writing.pdf", /*fresh=*/true);

  auto summary = RunOnce();
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->done, 2);
  EXPECT_EQ(summary->quarantined, 1);
  EXPECT_EQ(summary->recovered, 0);
  EXPECT_TRUE(fs::exists(root_ / "inbox" / "done" / "a_reclamation.tiff"));
  EXPECT_TRUE(fs::exists(root_ / "inbox" / "done" / "c_marked.pdf"));
  EXPECT_FALSE(fs::exists(root_ / "inbox" / "c_marked.pdf.done"));
  EXPECT_TRUE(fs::exists(root_ / "inbox" / "quarantine" / "b_corrupt.pdf"));
  EXPECT_TRUE(fs::exists(root_ / "inbox" / "d_writing.pdf"));  // still being written: left alone
  EXPECT_FALSE(fs::exists(root_ / "out" / "d_writing.json"));
  for (const char* result : {"a_reclamation.json", "b_corrupt.json", "c_marked.json"}) {
    EXPECT_TRUE(fs::exists(root_ / "out" / result)) << result;
  }
}

TEST_F(WatchTest, AfterACrashBetweenJournalAndMoveTheFileIsMovedNotProcessedAgain) {
  Drop("reclamation_01.tiff", "a_reclamation.tiff");
  ASSERT_TRUE(RunOnce().ok());
  // The state a kill -9 leaves after the journal recorded the file and before
  // the rename: the file is back in the inbox, its result written.
  fs::rename(root_ / "inbox" / "done" / "a_reclamation.tiff", root_ / "inbox" / "a_reclamation.tiff");
  const auto result_time = fs::last_write_time(root_ / "out" / "a_reclamation.json");

  auto summary = RunOnce();
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->recovered, 1);
  EXPECT_EQ(summary->done, 0);
  EXPECT_TRUE(fs::exists(root_ / "inbox" / "done" / "a_reclamation.tiff"));
  EXPECT_EQ(fs::last_write_time(root_ / "out" / "a_reclamation.json"), result_time);  // not processed again
}

// The journal is keyed by the file's bytes: a second file with the bytes of
// one already taken, under its own name, is not "finished before a crash".
// It once was moved to done/ without a result of its own (CrashTest.Watch…
// failed when the killed run had journaled one of four identical pages).
TEST_F(WatchTest, AFileWithTheBytesOfAnEarlierOneUnderAnotherNameHasItsOwnResult) {
  Drop("reclamation_01.tiff", "a_reclamation.tiff");
  ASSERT_TRUE(RunOnce().ok());
  Drop("reclamation_01.tiff", "b_copie.tiff");

  auto summary = RunOnce();
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->recovered, 0);
  EXPECT_EQ(summary->done, 1);
  EXPECT_TRUE(fs::exists(root_ / "inbox" / "done" / "b_copie.tiff"));
  EXPECT_TRUE(fs::exists(root_ / "out" / "b_copie.json"));
}

}  // namespace
}  // namespace liasse::runner
