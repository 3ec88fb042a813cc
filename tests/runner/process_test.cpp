#include "liasse/runner/process.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;

nlohmann::json ReadJson(const fs::path& p) {
  std::ifstream in(p);
  return nlohmann::json::parse(in);
}

TEST(Process, QuarantinesUnreadableEnvelopesAndGoesOnWithTheBatch) {
  const fs::path root = fs::path(testing::TempDir()) / "liasse_process_test";
  fs::remove_all(root);
  fs::create_directories(root / "in");
  std::ofstream(root / "in" / "a_text.tif") << "this is not a TIFF";
  std::ofstream(root / "in" / "b_empty.pdf");
  std::ofstream(root / "in" / "c_ok.png", std::ios::binary) << std::string("\x89PNG\r\n\x1a\n....", 12);

  ProcessOptions options;
  options.inputs = {root / "in"};
  options.out_dir = root / "out";
  auto summary = RunProcess(options);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->envelopes, 3);
  EXPECT_EQ(summary->unreadable, 2);

  const auto text = ReadJson(root / "out" / "a_text.json");
  EXPECT_EQ(text["schema"], "liasse.result/1");
  EXPECT_EQ(text["source"], "a_text.tif");
  EXPECT_EQ(text["sha256"].get<std::string>().size(), 64u);
  EXPECT_NE(text["error"].get<std::string>().find("a_text.tif: format non reconnu"), std::string::npos);
  EXPECT_NE(ReadJson(root / "out" / "b_empty.json")["error"].get<std::string>().find("fichier vide"),
            std::string::npos);
  EXPECT_TRUE(ReadJson(root / "out" / "c_ok.json")["error"].is_null());
  EXPECT_TRUE(fs::exists(root / "out" / "quarantine" / "a_text.tif"));
  EXPECT_TRUE(fs::exists(root / "out" / "quarantine" / "b_empty.pdf"));
  EXPECT_FALSE(fs::exists(root / "out" / "quarantine" / "c_ok.png"));
  // The SHA-256 of the empty file is the well-known constant.
  EXPECT_EQ(ReadJson(root / "out" / "b_empty.json")["sha256"],
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  fs::remove_all(root);
}

}  // namespace
}  // namespace liasse::runner
