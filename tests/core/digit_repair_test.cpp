#include "liasse/core/digit_repair.h"

#include <gtest/gtest.h>

#include "liasse/core/identifiers.h"

namespace liasse {
namespace {

bool ValidNir(std::string_view s) { return Nir::Parse(s).ok(); }

TEST(DigitRepair, MapsConfusableLettersWhenExactlyOneCandidatePasses) {
  auto r = RepairDigits("295lO99126lll93", ValidNir);
  EXPECT_EQ(r.outcome, DigitRepair::Outcome::kRepaired);
  EXPECT_EQ(r.value, "295109912611193");
}

TEST(DigitRepair, KeepsCorsicanLettersThatTheKeyConfirms) {
  auto r = RepairDigits("253072B07300470", ValidNir);
  EXPECT_EQ(r.outcome, DigitRepair::Outcome::kAlreadyValid);
  auto s = RepairDigits("253O72B073OO470", ValidNir);
  EXPECT_EQ(s.outcome, DigitRepair::Outcome::kRepaired);
  EXPECT_EQ(s.value, "253072B07300470");
}

TEST(DigitRepair, NoCandidateWhenTheKeyStillFails) {
  auto r = RepairDigits("295lO99126lll99", ValidNir);
  EXPECT_EQ(r.outcome, DigitRepair::Outcome::kNoCandidate);
  EXPECT_TRUE(r.value.empty());
}

TEST(DigitRepair, AmbiguousWhenSeveralCandidatesPass) {
  DigitRepairOptions swaps;
  swaps.try_digit_swaps = true;
  // "S6" gives 56 (letter) and, with one swap, 55 and 58: two of them pass.
  auto c = RepairDigits("S6", [](std::string_view s) { return s == "55" || s == "58"; }, swaps);
  EXPECT_EQ(c.outcome, DigitRepair::Outcome::kAmbiguous);
  EXPECT_EQ(c.passing_candidates, 2);
  EXPECT_FALSE(c.ok());
  // 'A' is no digit lookalike: nothing can make "A6" pass.
  auto b = RepairDigits("A6", [](std::string_view s) { return s == "56" || s == "58"; }, swaps);
  EXPECT_EQ(b.outcome, DigitRepair::Outcome::kNoCandidate);
}

TEST(DigitRepair, DigitSwapFindsAMisreadDigitTheKeyDetects) {
  // 295109912611193 with its fourth digit 1 misread as 7: only the key finds it.
  DigitRepairOptions swaps;
  swaps.try_digit_swaps = true;
  auto r = RepairDigits("295709912611193", ValidNir, swaps);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value, "295109912611193");
  EXPECT_EQ(RepairDigits("295709912611193", ValidNir).outcome, DigitRepair::Outcome::kNoCandidate);
}

}  // namespace
}  // namespace liasse
