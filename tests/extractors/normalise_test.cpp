// OCR text → the contract's normalised values.
#include "normalise.h"

#include <gtest/gtest.h>

#include "tariffs.h"

namespace liasse::extractors::internal {
namespace {

TEST(Normalise, DatesBecomeIsoWhateverTheSeparatorOrConfusableDigits) {
  EXPECT_EQ(ParseDateText("05/09/2025")->value.ToIso(), "2025-09-05");
  EXPECT_EQ(ParseDateText("05.09.2025")->value.ToIso(), "2025-09-05");
  const auto repaired = ParseDateText("O5/O9/2025");
  ASSERT_TRUE(repaired.has_value());
  EXPECT_EQ(repaired->value.ToIso(), "2025-09-05");
  EXPECT_TRUE(repaired->repaired);
  EXPECT_EQ(FindDate("Pointe-à-Pitre, le 5 septembre 2025")->value.ToIso(), "2025-09-05");
  EXPECT_FALSE(ParseDateText("31/02/2025").has_value());
}

TEST(Normalise, AMonthNameTheOcrMangledIsTheNearestMonthAndMarkedRepaired) {
  for (const auto& [read, iso] : std::vector<std::pair<std::string, std::string>>{
           {"14 DECETIBRE 2025", "2025-12-14"}, {"3 TUIN 2024", "2024-06-03"}, {"1er SEPTEMBPE 2025", "2025-09-01"},
           {"12 fevrjer 2025", "2025-02-12"}, {"ler juin 2025", "2025-06-01"}}) {
    const auto d = ParseDateText(read);
    ASSERT_TRUE(d.has_value()) << read;
    EXPECT_EQ(d->value.ToIso(), iso) << read;
    EXPECT_TRUE(d->repaired) << read;
  }
  EXPECT_EQ(FindDate("Lyon, le 14 DECETIBRE 2025")->value.ToIso(), "2025-12-14");
  // Too far from every month, or a short word: no date.
  EXPECT_FALSE(ParseDateText("3 mois 2024").has_value());
  EXPECT_FALSE(ParseDateText("3 MAX 2024").has_value());
  EXPECT_FALSE(ParseDateText("3 DECIDE 2024").has_value());
}

TEST(Normalise, ADateWithOneSeparatorLostIsReadAndMarkedRepaired) {
  const auto lost = ParseDateText("1909/2024");
  ASSERT_TRUE(lost.has_value());
  EXPECT_EQ(lost->value.ToIso(), "2024-09-19");
  EXPECT_TRUE(lost->repaired);
  EXPECT_EQ(ParseDateText("19/092024")->value.ToIso(), "2024-09-19");
  // "0527/2025": no month 27, so no date rather than a guess.
  EXPECT_FALSE(ParseDateText("0527/2025").has_value());
}

TEST(Normalise, AHandwrittenZeroReadAsSixOrEightIsPutBackWhenOnlyThatMakesADate) {
  for (const auto& [read, iso] : std::vector<std::pair<std::string, std::string>>{
           {"69/12/2023", "2023-12-09"}, {"18/65/2025", "2025-05-18"}, {"26/07/2824", "2024-07-26"},
           {"01/87/2624", "2024-07-01"}}) {
    const auto d = ParseDateText(read);
    ASSERT_TRUE(d.has_value()) << read;
    EXPECT_EQ(d->value.ToIso(), iso) << read;
    EXPECT_TRUE(d->repaired) << read;
  }
  // Each component on its own: day 68 → 08, month 68 → 08.
  EXPECT_EQ(ParseDateText("68/68/2024")->value.ToIso(), "2024-08-08");
  // Month 96: no 6 or 8 to put back to a month: no date.
  EXPECT_FALSE(ParseDateText("12/96/2024").has_value());
  // A valid date is never touched.
  EXPECT_FALSE(ParseDateText("16/08/1968")->repaired);
}

TEST(Normalise, TheBlankTheOcrKeptBeforeAWordIsTrimmedLikePunctuation) {
  EXPECT_EQ(TrimPunctuation(" THOMAS"), "THOMAS");
  EXPECT_TRUE(IsUpperName(TrimPunctuation(" THOMAS")));
}

TEST(Normalise, AmountsHaveTwoDecimalsAndADot) {
  EXPECT_EQ(ParseAmountText("1 234,56 €")->value.ToDecimal(), "1234.56");
  EXPECT_EQ(ParseAmountText("17,00")->value.ToDecimal(), "17.00");
  EXPECT_EQ(ParseAmountText("12,50 EUR")->value.ToDecimal(), "12.50");
  EXPECT_FALSE(ParseAmountText("abc").has_value());
}

TEST(Normalise, CoefficientsLoseTrailingZeros) {
  EXPECT_EQ(*NormaliseCoefficient("7,5"), "7.5");
  EXPECT_EQ(*NormaliseCoefficient("10.0"), "10");
  EXPECT_EQ(*NormaliseCoefficient("4"), "4");
  EXPECT_FALSE(NormaliseCoefficient("AMI").has_value());
}

TEST(Normalise, NirCandidatesAreFifteenCharactersWithoutSpaces) {
  EXPECT_EQ(NirCandidate("2 85 07 75 115 042 30")->value, "285077511504230");
  EXPECT_FALSE(NirCandidate("2 85 07 75 115").has_value());
}

TEST(Normalise, WordsAreNotMistakenForNumbers) {
  bool changed = false;
  EXPECT_EQ(MapConfusables("Sept", &changed), "Sept");
  EXPECT_FALSE(changed);
  EXPECT_EQ(MapConfusables("1O5", &changed), "105");
  EXPECT_TRUE(changed);
}

TEST(Normalise, NamesInCapitalsAndCapitalisedFirstNames) {
  EXPECT_TRUE(IsUpperName("SAINT-AIME"));
  EXPECT_TRUE(IsUpperName("LÉA"));
  EXPECT_FALSE(IsUpperName("Sophie"));
  EXPECT_TRUE(IsCapitalisedName("Jean-Claude"));
  EXPECT_TRUE(IsCapitalisedName("Éric"));
  EXPECT_FALSE(IsCapitalisedName("MARTIN"));
}

TEST(Tariffs, LettreCleValueDependsOnTheDateOfCare) {
  const auto t = NgapTariffs::FromText(
      "[AMK]\nlibelle = \"x\"\nvaleurs = [{ valid_from = \"2012-01-01\", base = \"2.15\" }, { valid_from = \"2024-02-22\", base = \"2.21\" }]\n");
  EXPECT_EQ(t.ValueOn("AMK", Date::FromYmd(2024, 2, 21).value())->ToDecimal(), "2.15");
  EXPECT_EQ(t.ValueOn("AMK", Date::FromYmd(2024, 2, 22).value())->ToDecimal(), "2.21");
  EXPECT_FALSE(t.ValueOn("XYZ", Date::FromYmd(2024, 2, 22).value()).has_value());
}

}  // namespace
}  // namespace liasse::extractors::internal

namespace liasse::extractors::internal {
namespace {

TEST(Normalise, CharactersPrintedInBoxesAreReadWithoutTheBoxRules) {
  // As Tesseract read a NIR printed in 13 + 2 boxes.
  EXPECT_EQ(DecodeBoxedCharacters("[2171710[112[Al0l0[41612|4| [217"), "277012A00462427");
  EXPECT_EQ(DecodeBoxedCharacters("[116[110[511131210/5191115] Lo|4|"), "161051320591504");
}

TEST(Normalise, ADoubledDigitCanBeUndoubledInEveryWay) {
  EXPECT_EQ(CollapseDoubledDigit("6972275766", 9), (std::vector<std::string>{"697275766", "697227576"}));
  EXPECT_TRUE(CollapseDoubledDigit("697275766", 9).empty());
}

}  // namespace
}  // namespace liasse::extractors::internal
