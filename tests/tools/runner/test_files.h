// Files for the runner tests: the committed samples, a result JSON read
// back, and a fresh folder per test. Header-only, test code only.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "testing/scratch_dir.h"

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

// An empty folder "<prefix><running test's name>" in the test process's
// scratch folder (testing/scratch_dir.h: named after the process id, so two
// checkouts running the same test at once keep out of each other's files,
// and removed when the process exits).
inline std::filesystem::path FreshTestDir(const std::string& prefix) {
  const auto dir = ProcessScratchDir() / (prefix + testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// What of each member of a members CSV (columns of samples/README.md) must
// never reach a log: nom, prénom, NIR, e-mail, IBAN, and the password of the
// member's e-mailed PDFs (the rule of templates/letterhead.toml: the birth
// date, JJMMAAAA). Values under 4 characters are left out: they match words
// by chance.
inline std::vector<std::string> MemberSecrets(const std::filesystem::path& csv) {
  std::ifstream members(csv);
  std::string line;
  std::getline(members, line);  // header
  std::vector<std::string> secrets;
  while (std::getline(members, line)) {
    std::vector<std::string> cells;
    std::stringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    EXPECT_GE(cells.size(), 10u) << line;
    if (cells.size() < 10) continue;
    const std::string& birth = cells[4];  // AAAA-MM-JJ
    for (const std::string& secret : {cells[1], cells[2], cells[3], cells[8], cells[9],
                                      birth.substr(8, 2) + birth.substr(5, 2) + birth.substr(0, 4)}) {
      if (secret.size() >= 4) secrets.push_back(secret);
    }
  }
  return secrets;
}

}  // namespace liasse::test_support
