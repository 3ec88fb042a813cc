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
#include "testing/scratch_dir.h"

namespace liasse::synth::testing {

using nlohmann::json;

inline std::filesystem::path FreshDir(const std::string& tag) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string test = info ? info->name() : "suite";
  auto dir = liasse::test_support::ProcessScratchDir() / ("synth_" + test + "_" + tag);
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

inline int64_t Cents(const json& v) { return Money::ParseDecimal(v.get<std::string>()).value().cents(); }

}  // namespace liasse::synth::testing
