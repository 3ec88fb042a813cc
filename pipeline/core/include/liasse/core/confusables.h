// The one table of characters OCR confuses with digits (O for 0, l for 1...)
// and of digits it confuses with each other (0 for 8...). Two readers use it
// with different reach: RepairDigits (digit_repair.h) tries each letter both
// ways against a check key, so it keeps to the common confusions; the
// extractors' MapConfusables maps a mostly-digit token outright and also
// takes the rarer ones (box rules "[", "]", "!" for 1; b, g, q, T).
#pragma once

#include <string_view>

namespace liasse::confusables {

// Which readers take a confusion.
enum class Reach {
  kCommon,  // every reader, RepairDigits included
  kToken,   // only readers mapping whole mostly-digit tokens
};

struct LetterForDigit {
  char letter;  // as OCR reads it
  char digit;   // the digit printed
  Reach reach;
  // The letter a digit is read as in a letter code (CCAM codes such as
  // "HBLD038" whose digits OCR read: "1"→"I"); one per digit at most.
  bool letter_of_digit = false;
};

inline constexpr LetterForDigit kLetters[] = {
    {'O', '0', Reach::kCommon, true}, {'o', '0', Reach::kCommon}, {'D', '0', Reach::kCommon},
    {'Q', '0', Reach::kCommon},       {'l', '1', Reach::kCommon}, {'I', '1', Reach::kCommon, true},
    {'|', '1', Reach::kCommon},       {'i', '1', Reach::kCommon}, {'!', '1', Reach::kToken},
    {']', '1', Reach::kToken},        {'[', '1', Reach::kToken},  {'S', '5', Reach::kCommon, true},
    {'s', '5', Reach::kCommon},       {'B', '8', Reach::kCommon, true}, {'Z', '2', Reach::kCommon},
    {'z', '2', Reach::kCommon},       {'G', '6', Reach::kCommon}, {'b', '6', Reach::kToken},
    {'g', '9', Reach::kToken},        {'q', '9', Reach::kToken},  {'T', '7', Reach::kToken},
};

// The digit `c` stands for within `reach` (kToken includes kCommon), or 0.
constexpr char DigitFor(char c, Reach reach) {
  for (const LetterForDigit& l : kLetters) {
    if (l.letter == c && (l.reach == Reach::kCommon || reach == Reach::kToken)) return l.digit;
  }
  return 0;
}

// The letter a digit is read as in a letter code, or 0 (see letter_of_digit).
constexpr char LetterFor(char digit) {
  for (const LetterForDigit& l : kLetters) {
    if (l.digit == digit && l.letter_of_digit) return l.letter;
  }
  return 0;
}

// The digits OCR often reads in place of `d` (0↔8, 1↔7, 3↔8, 5↔6, 6↔8).
constexpr std::string_view DigitSwaps(char d) {
  switch (d) {
    case '0': return "8";
    case '1': return "7";
    case '3': return "8";
    case '5': return "6";
    case '6': return "58";
    case '7': return "1";
    case '8': return "036";
    default: return "";
  }
}

}  // namespace liasse::confusables
