// Helpers shared by the synth test files: a fresh directory per test, truth
// reading, options at 200 dpi (small pages keep the tests quick).
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "liasse/core/money.h"
#include "liasse/synth/synth.h"

namespace liasse::synth::testing {

using nlohmann::json;

inline std::filesystem::path FreshDir(const std::string& tag) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string test = info ? info->name() : "suite";
  auto dir = std::filesystem::temp_directory_path() / ("liasse_synth_" + test + "_" + tag + "_" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// The truth of envelope file `file` (any extension) in `dir`.
inline json Truth(const std::filesystem::path& dir, const std::string& file) {
  const std::string stem = file.substr(0, file.find('.'));
  return json::parse(ReadAll(dir / (stem + ".truth.json")));
}

inline SynthOptions Options(const std::filesystem::path& out, uint64_t seed, int count, std::vector<std::string> kinds) {
  SynthOptions o;
  o.seed = seed;
  o.count = count;
  o.out_dir = out;
  o.data_dir = std::filesystem::path(LIASSE_SOURCE_DIR) / "data";
  o.kinds = std::move(kinds);
  o.dpi = 200;
  return o;
}

// The rows of a members.csv after its header, as columns (a trailing empty column kept).
inline std::vector<std::vector<std::string>> CsvRows(const std::filesystem::path& file, std::string* header = nullptr) {
  std::ifstream f(file);
  std::string line;
  std::getline(f, line);
  if (header) *header = line;
  std::vector<std::vector<std::string>> rows;
  while (std::getline(f, line)) {
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string c;
    while (std::getline(ss, c, ',')) cols.push_back(c);
    if (line.ends_with(",")) cols.push_back("");
    rows.push_back(cols);
  }
  return rows;
}

inline int64_t Cents(const json& v) { return Money::ParseDecimal(v.get<std::string>()).value().cents(); }

}  // namespace liasse::synth::testing
