#include "liasse/core/status.h"

#include <gtest/gtest.h>

namespace liasse {
namespace {

TEST(Status, OkByDefaultAndPrintsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "ok");
}

TEST(Status, WithContextPrefixesTheFileName) {
  Status s = Status::Corrupt("page 3: truncated strip").WithContext("lot_0001.tiff");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kCorrupt);
  EXPECT_EQ(s.message(), "lot_0001.tiff: page 3: truncated strip");
  EXPECT_EQ(s.ToString(), "corrupt: lot_0001.tiff: page 3: truncated strip");
  EXPECT_TRUE(Status::Ok().WithContext("x").ok());
}

TEST(Result, HoldsValueOrStatus) {
  Result<int> good = 42;
  Result<int> bad = Status::NotFound("member 12");
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 42);
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(bad.value_or(7), 7);
  EXPECT_TRUE(good.status().ok());
}

TEST(ResultDeathTest, ValueOfFailureAborts) {
  Result<int> bad = Status::Internal("x");
  EXPECT_DEATH({ (void)bad.value(); }, "");
}

}  // namespace
}  // namespace liasse
