// Files for the runner tests: the committed samples, a result JSON read
// back, and a fresh folder per test. Header-only, test code only.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace liasse::test_support {

// samples/<name> of the source tree.
inline std::filesystem::path Sample(const std::string& name) {
  return std::filesystem::path(LIASSE_SOURCE_DIR) / "samples" / name;
}

// The JSON document in `path` (throws on a malformed file: a test failure).
inline nlohmann::json ReadJson(const std::filesystem::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

// An empty folder "<prefix><running test's name>" under the test temp
// folder, whatever an earlier run left there. The caller removes it.
inline std::filesystem::path FreshTestDir(const std::string& prefix) {
  const auto dir = std::filesystem::path(testing::TempDir()) /
                   (prefix + testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace liasse::test_support
