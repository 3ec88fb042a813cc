#include "liasse/runner/process.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "fixed_time.h"
#include "test_files.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;
using liasse::test_support::FreshTestDir;
using liasse::test_support::ReadJson;
using liasse::test_support::Sample;

class ProcessTest : public testing::Test {
 protected:
  void SetUp() override {
    root_ = FreshTestDir("liasse_process_");
    fs::create_directories(root_ / "in");
  }
  void TearDown() override { fs::remove_all(root_); }

  Result<ProcessSummary> Run(int jobs = 2) {
    ProcessOptions options;
    options.inputs = {root_ / "in"};
    options.out_dir = root_ / "out";
    options.jobs = jobs;
    // The day of the run and the files' dates are fixed: what may differ
    // between two runs is the thread timing only.
    options.clock = &time_.clock;
    options.env = &time_.env;
    return RunProcess(options);
  }

  fs::path root_;
  liasse::test_support::FixedTime time_{Date::FromYmd(2025, 6, 12).value(), Date::FromYmd(2025, 6, 16).value()};
};

TEST_F(ProcessTest, QuarantinesUnreadableEnvelopesAndGoesOnWithTheBatch) {
  std::ofstream(root_ / "in" / "a_text.tif") << "this is not a TIFF";
  std::ofstream(root_ / "in" / "b_empty.pdf");
  std::ofstream(root_ / "in" / "c_fake.png", std::ios::binary) << std::string("\x89PNG\r\n\x1a\n....", 12);
  fs::copy_file(Sample("reclamation_01.tiff"), root_ / "in" / "d_reclamation.tiff");

  auto summary = Run();
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->envelopes, 4);
  EXPECT_EQ(summary->unreadable, 3);
  EXPECT_EQ(summary->pages, 1);

  const auto text = ReadJson(root_ / "out" / "a_text.json");
  EXPECT_EQ(text["schema"], "liasse.result/1");
  EXPECT_EQ(text["source"], "a_text.tif");
  EXPECT_EQ(text["sha256"].get<std::string>().size(), 64u);
  EXPECT_NE(text["error"].get<std::string>().find("a_text.tif: format non reconnu"), std::string::npos);
  EXPECT_NE(ReadJson(root_ / "out" / "b_empty.json")["error"].get<std::string>().find("fichier vide"),
            std::string::npos);
  // A PNG signature followed by garbage passes the sniffing but not the
  // decoder, whose message names the file.
  EXPECT_NE(ReadJson(root_ / "out" / "c_fake.json")["error"].get<std::string>().find("c_fake.png"),
            std::string::npos);
  for (const char* name : {"a_text.tif", "b_empty.pdf", "c_fake.png"}) {
    EXPECT_TRUE(fs::exists(root_ / "out" / "quarantine" / name)) << name;
  }
  EXPECT_EQ(ReadJson(root_ / "out" / "b_empty.json")["sha256"],
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  const auto ok = ReadJson(root_ / "out" / "d_reclamation.json");
  EXPECT_TRUE(ok["error"].is_null());
  EXPECT_FALSE(fs::exists(root_ / "out" / "quarantine" / "d_reclamation.tiff"));
  ASSERT_EQ(ok["pages"].size(), 1u);
  EXPECT_EQ(ok["pages"][0]["index"], 0);
  EXPECT_GT(ok["pages"][0]["ocr_confidence"].get<double>(), 50.0);
  EXPECT_EQ(ok["searchable_pdf"], "d_reclamation/d_reclamation.ocr.pdf");
  EXPECT_GT(fs::file_size(root_ / "out" / "d_reclamation" / "d_reclamation.ocr.pdf"), 1000u);
}

TEST_F(ProcessTest, SameEnvelopeGivesTheSameJsonWhateverTheNumberOfWorkers) {
  fs::copy_file(Sample("renonciation_01.pdf"), root_ / "in" / "renonciation.pdf");
  fs::copy_file(Sample("reclamation_01.tiff"), root_ / "in" / "reclamation.tiff");
  ASSERT_TRUE(Run(2).ok());
  const auto first = ReadJson(root_ / "out" / "renonciation.json");
  const auto first_rec = ReadJson(root_ / "out" / "reclamation.json");
  fs::remove_all(root_ / "out");
  ASSERT_TRUE(Run(1).ok());
  EXPECT_EQ(ReadJson(root_ / "out" / "renonciation.json"), first);
  EXPECT_EQ(ReadJson(root_ / "out" / "reclamation.json"), first_rec);
}

}  // namespace
}  // namespace liasse::runner
