#include "liasse/core/french.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "liasse/core/french_fmt.h"

namespace liasse {
namespace {

const std::string kNbsp = "\xC2\xA0";

template <typename T>
std::string Written(char* (*write)(char*, T), T value) {
  char buf[french::kMaxFrenchChars];
  return std::string(buf, write(buf, value));
}

TEST(French, WritesAmountsWithNoBreakSpaces) {
  EXPECT_EQ(Written(french::WriteMoney, Money::FromCents(123456)), "1" + kNbsp + "234,56" + kNbsp + "€");
  EXPECT_EQ(Written(french::WriteMoney, Money::FromCents(-5)), "-0,05" + kNbsp + "€");
  EXPECT_EQ(Written(french::WriteMoney, Money::FromCents(100000000)), "1" + kNbsp + "000" + kNbsp + "000,00" + kNbsp + "€");
}

TEST(French, WritesRatesWithoutTrailingZeros) {
  EXPECT_EQ(Written(french::WriteRate, Rate::Percent(130)), "130" + kNbsp + "%");
  EXPECT_EQ(Written(french::WriteRate, Rate::BasisPoints(6250)), "62,5" + kNbsp + "%");
  EXPECT_EQ(Written(french::WriteRate, Rate::BasisPoints(1025)), "10,25" + kNbsp + "%");
  EXPECT_EQ(Written(french::WriteRate, Rate::BasisPoints(-150)), "-1,5" + kNbsp + "%");
}

TEST(French, WritesDatesDayFirst) {
  EXPECT_EQ(Written(french::WriteDate, *Date::FromYmd(2025, 9, 5)), "05/09/2025");
  EXPECT_EQ(Written(french::WriteHundredths, int64_t{750}), "7,5");
  EXPECT_EQ(Written(french::WriteInteger, int64_t{-42}), "-42");
}

// ToFrench, the fmt formatters and the Write* functions are one text.
TEST(French, ToFrenchAndFmtAgreeOverRandomValues) {
  std::mt19937_64 rng(20261206);
  std::uniform_int_distribution<int64_t> cents(-10'000'000'000, 10'000'000'000);
  std::uniform_int_distribution<int64_t> bp(-20'000, 50'000);
  std::uniform_int_distribution<int64_t> serial(-25'000, 80'000);
  for (int i = 0; i < 2000; ++i) {
    const Money m = Money::FromCents(cents(rng));
    const Rate r = Rate::BasisPoints(bp(rng));
    const Date d = Date::FromSerial(serial(rng));
    EXPECT_EQ(fmt::format("{}", m), m.ToFrench());
    EXPECT_EQ(fmt::format("{}", r), r.ToFrench());
    EXPECT_EQ(fmt::format("{}", d), d.ToFrench());
  }
}

}  // namespace
}  // namespace liasse
