#include "liasse/core/money.h"

#include <gtest/gtest.h>

#include <numeric>
#include <random>
#include <utility>

#include "testing/status_matchers.h"

namespace liasse {
namespace {
using ::liasse::test_support::StatusIs;
using ::testing::HasSubstr;

const std::string kNbsp = "\xC2\xA0";

int64_t ParseCents(std::string_view text) {
  auto m = Money::Parse(text);
  EXPECT_TRUE(m.ok()) << text << " -> " << m.status().ToString();
  return m.ok() ? m->cents() : INT64_MIN;
}

TEST(Money, ParsesTheFormsOcrReads) {
  EXPECT_EQ(ParseCents("1 234,56 €"), 123456);
  EXPECT_EQ(ParseCents("1234,56"), 123456);
  EXPECT_EQ(ParseCents("1.234,56"), 123456);
  EXPECT_EQ(ParseCents("1 234.56"), 123456);
  EXPECT_EQ(ParseCents("12,5 EUR"), 1250);
  EXPECT_EQ(ParseCents("-3,00"), -300);
  EXPECT_EQ(ParseCents("1" + kNbsp + "234,56" + kNbsp + "\xE2\x82\xAC"), 123456);
  EXPECT_EQ(ParseCents("1\xE2\x80\xAF" "234,56"), 123456);
  EXPECT_EQ(ParseCents("17"), 1700);
  EXPECT_EQ(ParseCents("0,05"), 5);
  EXPECT_EQ(ParseCents("1.234.567,89"), 123456789);
  EXPECT_EQ(ParseCents("1,234.56"), 123456);
  EXPECT_EQ(ParseCents("€ 15,00"), 1500);
  EXPECT_EQ(ParseCents("\xE2\x88\x92" "2,00"), -200);
  EXPECT_EQ(ParseCents("30 euros"), 3000);
}

TEST(Money, RejectsGarbageAndAmbiguityWithTheReason) {
  const std::pair<const char*, const char*> cases[] = {
      {"", "montant vide"},
      {"abc", "montant illisible « abc »"},
      {"12,3a", "montant illisible « 12,3a »"},
      {"1.234", "montant ambigu « 1.234 » : séparateur de milliers ou décimales ?"},
      {"1,234", "montant ambigu « 1,234 » : séparateur de milliers ou décimales ?"},
      {"3,456", "montant ambigu « 3,456 » : séparateur de milliers ou décimales ?"},
      {"12,3456", "montant « 12,3456 » : plus de deux décimales"},
      {"1 23,45", "montant ambigu « 1 23,45 » : groupes de milliers irréguliers"},
      {"1.23.45", "montant ambigu « 1.23.45 » : groupes de milliers irréguliers"},
      {"--3", "montant illisible « --3 »"},
      {"1,2,3", "montant ambigu « 1,2,3 » : groupes de milliers irréguliers"},
      {"12 €€", "montant illisible « 12 €€ »"},
      {"1.234 567,00", "montant ambigu « 1.234 567,00 » : séparateurs de milliers mélangés"},
      {"99999999999999999,00", "montant « 99999999999999999,00 » trop grand"},
      {"€", "montant vide"},
  };
  for (const auto& [bad, reason] : cases) {
    EXPECT_THAT(Money::Parse(bad), StatusIs(StatusCode::kInvalidArgument, HasSubstr(reason))) << bad;
  }
  EXPECT_THAT(Money::Parse("3,4567"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("« 3,4567 » : plus de deux décimales")));
}

TEST(Money, FormatsTheFrenchWay) {
  EXPECT_EQ(Money::FromCents(123456).ToFrench(), "1" + kNbsp + "234,56" + kNbsp + "\xE2\x82\xAC");
  EXPECT_EQ(Money::FromCents(5).ToFrench(), "0,05" + kNbsp + "\xE2\x82\xAC");
  EXPECT_EQ(Money::FromCents(-300).ToFrench(), "-3,00" + kNbsp + "\xE2\x82\xAC");
  EXPECT_EQ(Money::FromCents(100000000).ToFrench(), "1" + kNbsp + "000" + kNbsp + "000,00" + kNbsp + "\xE2\x82\xAC");
  EXPECT_EQ(Money::FromCents(1700).ToDecimal(), "17.00");
  EXPECT_EQ(Money::FromCents(-5).ToDecimal(), "-0.05");
}

TEST(Money, ParseOfFormatRoundTripsOverRandomValues) {
  std::mt19937_64 rng(20261123);
  std::uniform_int_distribution<int64_t> dist(-999'999'999'99, 999'999'999'99);
  for (int i = 0; i < 20000; ++i) {
    const Money m = Money::FromCents(dist(rng));
    auto french = Money::Parse(m.ToFrench());
    ASSERT_TRUE(french.ok()) << m.ToFrench();
    EXPECT_EQ(*french, m);
    auto decimal = Money::ParseDecimal(m.ToDecimal());
    ASSERT_TRUE(decimal.ok()) << m.ToDecimal();
    EXPECT_EQ(*decimal, m);
  }
}

TEST(Money, ParseDecimalIsStrict) {
  EXPECT_EQ(Money::ParseDecimal("17.5")->cents(), 1750);
  EXPECT_THAT(Money::ParseDecimal("17,50"), StatusIs(StatusCode::kInvalidArgument, HasSubstr("« 17,50 »")));
  EXPECT_THAT(Money::ParseDecimal("17."), StatusIs(StatusCode::kInvalidArgument, HasSubstr("« 17. »")));
  EXPECT_THAT(Money::ParseDecimal("1.234"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("montant décimal invalide « 1.234 »")));
}

TEST(Money, ApplyRateRoundsOnceWithTheChosenMode) {
  const Money base = Money::FromCents(3000);
  EXPECT_EQ(base.ApplyRate(Rate::Percent(130), Rounding::kHalfUp).cents(), 3900);
  EXPECT_EQ(base.ApplyRate(Rate::Percent(70), Rounding::kHalfUp).cents(), 2100);
  // 2,65 € × 60 % = 1,59 € ; 5,90 × 60 % = 3,54
  EXPECT_EQ(Money::FromCents(590).ApplyRate(Rate::Percent(60), Rounding::kHalfUp).cents(), 354);
  // 0,125 € cases: half-up goes up, half-even to even, down truncates.
  const Money m = Money::FromCents(25);  // 25 × 50 % = 12,5 cents
  EXPECT_EQ(m.ApplyRate(Rate::Percent(50), Rounding::kHalfUp).cents(), 13);
  EXPECT_EQ(m.ApplyRate(Rate::Percent(50), Rounding::kHalfEven).cents(), 12);
  EXPECT_EQ(m.ApplyRate(Rate::Percent(50), Rounding::kDown).cents(), 12);
  EXPECT_EQ(Money::FromCents(21).ApplyRate(Rate::Percent(50), Rounding::kUp).cents(), 11);
  EXPECT_EQ(Money::FromCents(-25).ApplyRate(Rate::Percent(50), Rounding::kHalfUp).cents(), -13);
  EXPECT_EQ(Rate::BasisPoints(6250).ToFrench(), "62,5" + kNbsp + "%");
  EXPECT_EQ(Rate::Percent(130).ToFrench(), "130" + kNbsp + "%");
}

TEST(Money, CheckedArithmeticReportsOverflow) {
  const Money big = Money::FromCents(INT64_MAX - 1);
  EXPECT_THAT(big.CheckedAdd(Money::FromCents(5)),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("dépassement de capacité (addition)")));
  EXPECT_THAT(Money::FromCents(INT64_MIN + 1).CheckedSub(Money::FromCents(5)),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("dépassement de capacité (soustraction)")));
  EXPECT_THAT(big.CheckedMul(2),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("dépassement de capacité (multiplication)")));
  EXPECT_EQ((Money::Euros(2) + Money::FromCents(50)).cents(), 250);
  EXPECT_EQ(Min(Money::Euros(2), Money::Euros(3)), Money::Euros(2));
}

TEST(Money, SplitByLargestRemainderAlwaysSumsToTheTotal) {
  const std::vector<int64_t> thirds = {1, 1, 1};
  auto parts = SplitLargestRemainder(Money::FromCents(100), thirds);
  ASSERT_TRUE(parts.ok());
  EXPECT_EQ((*parts)[0].cents(), 34);  // the tie goes to the earliest
  EXPECT_EQ((*parts)[1].cents(), 33);
  EXPECT_EQ((*parts)[2].cents(), 33);

  std::mt19937_64 rng(7);
  for (int i = 0; i < 5000; ++i) {
    const int n = 1 + static_cast<int>(rng() % 8);
    std::vector<int64_t> weights;
    for (int k = 0; k < n; ++k) weights.push_back(static_cast<int64_t>(rng() % 10000));
    if (std::accumulate(weights.begin(), weights.end(), int64_t{0}) == 0) weights[0] = 1;
    const Money total = Money::FromCents(static_cast<int64_t>(rng() % 10'000'000) - 5'000'000);
    auto split = SplitLargestRemainder(total, weights);
    ASSERT_TRUE(split.ok());
    Money sum = Money::Zero();
    for (std::size_t k = 0; k < split->size(); ++k) {
      sum += (*split)[k];
      if (weights[k] == 0) {
        EXPECT_TRUE((*split)[k].is_zero());
      }
    }
    EXPECT_EQ(sum, total);
  }
  EXPECT_THAT(SplitLargestRemainder(Money::Euros(1), std::vector<int64_t>{}),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("répartition sans part")));
  EXPECT_THAT(SplitLargestRemainder(Money::Euros(1), std::vector<int64_t>{0, 0}),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("tous les poids sont nuls")));
  EXPECT_THAT(SplitLargestRemainder(Money::Euros(1), std::vector<int64_t>{1, -1}),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("poids négatif")));
}

}  // namespace
}  // namespace liasse
