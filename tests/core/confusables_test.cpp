#include "liasse/core/confusables.h"

#include <gtest/gtest.h>

namespace liasse::confusables {
namespace {

TEST(Confusables, CommonLettersReadAsDigitsForEveryReader) {
  EXPECT_EQ(DigitFor('O', Reach::kCommon), '0');
  EXPECT_EQ(DigitFor('l', Reach::kCommon), '1');
  EXPECT_EQ(DigitFor('B', Reach::kCommon), '8');
  EXPECT_EQ(DigitFor('G', Reach::kToken), '6');  // kToken includes the common ones
}

TEST(Confusables, RareConfusionsOnlyForWholeTokenReaders) {
  EXPECT_EQ(DigitFor('!', Reach::kCommon), 0);
  EXPECT_EQ(DigitFor('!', Reach::kToken), '1');
  EXPECT_EQ(DigitFor('T', Reach::kCommon), 0);
  EXPECT_EQ(DigitFor('T', Reach::kToken), '7');
  EXPECT_EQ(DigitFor('A', Reach::kToken), 0);
}

TEST(Confusables, EachDigitHasAtMostOneLetterInCodes) {
  EXPECT_EQ(LetterFor('1'), 'I');
  EXPECT_EQ(LetterFor('0'), 'O');
  EXPECT_EQ(LetterFor('5'), 'S');
  EXPECT_EQ(LetterFor('8'), 'B');
  EXPECT_EQ(LetterFor('2'), 0);
  for (char d = '0'; d <= '9'; ++d) {
    int letters = 0;
    for (const LetterForDigit& l : kLetters) letters += l.digit == d && l.letter_of_digit ? 1 : 0;
    EXPECT_LE(letters, 1) << d;
  }
}

}  // namespace
}  // namespace liasse::confusables
