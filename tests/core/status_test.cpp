#include "liasse/core/status.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

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

Status FailsWhen(bool fail) { return fail ? Status::Corrupt("page 2: bande tronquée") : Status::Ok(); }
Result<int> ParsedOr(bool fail, int value) {
  if (fail) return Status::InvalidArgument("montant « 12,3x » illisible");
  return value;
}

// Runs two steps; `reached_end` says whether the second one ran.
Status TwoSteps(bool fail_first, bool& reached_end) {
  LIASSE_RETURN_IF_ERROR(FailsWhen(fail_first));
  LIASSE_RETURN_IF_ERROR(ParsedOr(false, 1));  // a Result's value is discarded
  reached_end = true;
  return Status::Ok();
}

TEST(StatusMacros, ReturnIfErrorPropagatesTheFailureUnchanged) {
  bool reached_end = false;
  Status s = TwoSteps(true, reached_end);
  EXPECT_EQ(s.code(), StatusCode::kCorrupt);
  EXPECT_EQ(s.message(), "page 2: bande tronquée");
  EXPECT_FALSE(reached_end);
}

TEST(StatusMacros, ReturnIfErrorContinuesOnSuccess) {
  bool reached_end = false;
  EXPECT_TRUE(TwoSteps(false, reached_end).ok());
  EXPECT_TRUE(reached_end);
}

Result<int> SumOfTwo(bool fail_second) {
  LIASSE_ASSIGN_OR_RETURN(int first, ParsedOr(false, 40));
  LIASSE_ASSIGN_OR_RETURN(const int second, ParsedOr(fail_second, 2));  // two on one scope
  return first + second;
}

TEST(StatusMacros, AssignOrReturnAssignsTheValue) {
  Result<int> sum = SumOfTwo(false);
  ASSERT_TRUE(sum.ok());
  EXPECT_EQ(*sum, 42);
}

TEST(StatusMacros, AssignOrReturnPropagatesTheFailureUnchanged) {
  Result<int> sum = SumOfTwo(true);
  ASSERT_FALSE(sum.ok());
  EXPECT_EQ(sum.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(sum.status().message(), "montant « 12,3x » illisible");
}

Result<std::unique_ptr<std::string>> OwnedText() { return std::make_unique<std::string>("lot 0001"); }

TEST(StatusMacros, AssignOrReturnMovesAMoveOnlyValueIntoAnExistingVariable) {
  std::unique_ptr<std::string> text;
  auto assign = [&]() -> Status {
    LIASSE_ASSIGN_OR_RETURN(text, OwnedText());
    return Status::Ok();
  };
  ASSERT_TRUE(assign().ok());
  ASSERT_NE(text, nullptr);
  EXPECT_EQ(*text, "lot 0001");
}

TEST(ResultDeathTest, ValueOfFailureAborts) {
  Result<int> bad = Status::Internal("x");
  EXPECT_DEATH({ (void)bad.value(); }, "");
}

}  // namespace
}  // namespace liasse
