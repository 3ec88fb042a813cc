#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "liasse/core/clock.h"
#include "liasse/core/env.h"

namespace liasse {
namespace {

namespace fs = std::filesystem;
using std::chrono::hours;
using std::chrono::minutes;

Date D(int y, int m, int d) { return Date::FromYmd(y, m, d).value(); }

TEST(Clock, FixedClockStandsStillUntilMoved) {
  FixedClock clock = FixedClock::At(D(2026, 11, 23), 23, 30);
  EXPECT_EQ(clock.Today(), D(2026, 11, 23));
  EXPECT_EQ(clock.Now(), clock.Now());
  EXPECT_EQ(clock.NowUnixMs(), (D(2026, 11, 23).ToSerial() * 86'400 + 23 * 3'600 + 30 * 60) * 1000);
  clock.Advance(minutes(31));  // past midnight UTC: the next day
  EXPECT_EQ(clock.Today(), D(2026, 11, 24));
  clock.Set(FixedClock::At(D(2024, 2, 29)).Now());
  EXPECT_EQ(clock.Today(), D(2024, 2, 29));
}

TEST(Clock, UtcDateOfAnInstantBeforeTheEpoch) {
  EXPECT_EQ(UtcDate(FixedClock::At(D(1969, 12, 31), 12).Now()), D(1969, 12, 31));
}

class EnvTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(testing::TempDir()) /
           ("liasse_env_" + std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(EnvTest, WriteFileAtomicallyCreatesTheFoldersAndLeavesNoTemporaryFile) {
  Env* env = Env::Default();
  const fs::path file = dir_ / "a" / "b" / "result.json";
  ASSERT_TRUE(env->WriteFileAtomically(file, std::string("{\"x\":\0}", 8)).ok());
  auto read = env->ReadFile(file);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(*read, std::string("{\"x\":\0}", 8));  // bytes as given, NUL included
  EXPECT_FALSE(fs::exists(file.string() + ".tmp"));
  auto prefix = env->ReadPrefix(file, 3);
  ASSERT_TRUE(prefix.ok());
  EXPECT_EQ(*prefix, "{\"x");
}

TEST_F(EnvTest, MissingFileIsAnIoErrorNamingIt) {
  Env* env = Env::Default();
  const fs::path missing = dir_ / "absent.pdf";
  auto read = env->ReadFile(missing);
  ASSERT_EQ(read.status().code(), StatusCode::kIoError);
  EXPECT_EQ(read.status().message(), missing.string() + " : lecture impossible");
  auto written = env->ModificationTime(missing);
  ASSERT_EQ(written.status().code(), StatusCode::kIoError);
  EXPECT_NE(written.status().message().find(missing.string()), std::string::npos);
}

TEST_F(EnvTest, ModificationTimeIsWhenTheFileWasWritten) {
  Env* env = Env::Default();
  const fs::path file = dir_ / "scan.tiff";
  ASSERT_TRUE(env->WriteFileAtomically(file, "II*").ok());
  const auto scanned = FixedClock::At(D(2025, 1, 15), 9).Now();
  fs::last_write_time(file, std::chrono::file_clock::from_sys(scanned));
  auto written = env->ModificationTime(file);
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  EXPECT_EQ(*written, scanned);
}

TEST_F(EnvTest, WrapperChangesOneOperationAndForwardsTheRest) {
  class Scanned : public EnvWrapper {
   public:
    Scanned() : EnvWrapper(Env::Default()) {}
    Result<Clock::TimePoint> ModificationTime(const fs::path&) override {
      return FixedClock::At(D(2025, 3, 1)).Now();
    }
  } env;
  const fs::path file = dir_ / "x.txt";
  ASSERT_TRUE(env.WriteFileAtomically(file, "abc").ok());
  EXPECT_EQ(env.ReadFile(file).value(), "abc");
  EXPECT_EQ(UtcDate(env.ModificationTime(dir_ / "whatever").value()), D(2025, 3, 1));
}

}  // namespace
}  // namespace liasse
