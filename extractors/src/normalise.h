// Turning OCR text into the contract's normalised values (ISO dates,
// "17.00", 15-character NIR, upper-case codes, coefficients without
// trailing zeros). Each parser says whether it had to map confusable
// letters to digits, so the caller can lower its confidence. Internal.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/date.h"
#include "liasse/core/edit_distance.h"
#include "liasse/core/money.h"

namespace liasse::extractors::internal {

template <typename T>
struct Parsed {
  T value;
  bool repaired = false;  // confusable letters were read as digits
};

// Maps O/o/D/Q→0, l/I/|/i/!→1, S/s→5, B→8, Z/z→2, G→6 inside a token that is
// mostly digits; other characters are kept. `changed` says whether any was mapped.
std::string MapConfusables(std::string_view token, bool* changed);

// "05/09/2025", "05.09.2025", "5 septembre 2025", with OCR confusions in
// the digits. nullopt when no date can be read.
std::optional<Parsed<Date>> ParseDateText(std::string_view text);
// The first date found anywhere in `text` (searches every window of 1 to 3 words).
std::optional<Parsed<Date>> FindDate(std::string_view text);

// The `length`-digit numbers obtained by removing one of two equal
// neighbouring digits (the OCR sometimes doubles a digit); empty when
// `digits` is not `length + 1` long.
std::vector<std::string> CollapseDoubledDigit(const std::string& digits, size_t length);

// A code with digits read for the letters they look like mapped back
// ("1FD" → "IFD", "AM5" → "AMS"): 1→I, 0→O, 5→S, 8→B.
std::string DigitsReadAsLetters(std::string code);

// Characters printed one per box ("|2|8|5|..."): the characters without the
// box rules, confusables mapped to digits; empty when the pattern does not fit.
std::string DecodeBoxedCharacters(std::string_view text);

// "1 234,56 €", "12,50", "17.00 EUR" → cents. nullopt on garbage.
std::optional<Parsed<Money>> ParseAmountText(std::string_view text);

// Every character of `text` that is a digit (after mapping confusables in
// digit-heavy tokens); the two Corsican letters A/B are kept at NIR
// positions 6 when asked.
std::string DigitsOf(std::string_view text, bool* repaired = nullptr);

// A NIR candidate: the first 15 characters (digits, 2A/2B) of `text` once
// separators are dropped; nullopt when fewer than 15.
std::optional<Parsed<std::string>> NirCandidate(std::string_view text);

// Corsica's "2B" ("2A") read "28" ("24") at the département's place: the
// NIR with the letter put back when only then its key passes, else nullopt.
std::optional<std::string> CorsicanNir(const std::string& nir);

// "7,5" → "7.5", "10.0" → "10", "1" → "1"; nullopt when not a number.
std::optional<std::string> NormaliseCoefficient(std::string_view text);

// Upper-case ASCII letters and digits only ("ami" → "AMI").
std::string NormaliseCode(std::string_view text);

// True when `word` is written in capitals (letters, hyphen, apostrophe; at
// least two letters; accented capitals accepted).
bool IsUpperName(std::string_view word);
// True when `word` starts with a capital followed by lower-case letters.
bool IsCapitalisedName(std::string_view word);

// Drops leading/trailing punctuation OCR glues to words (":", ",", ".", ";", "|"),
// and the blanks it sometimes keeps in a word (" THOMAS").
std::string TrimPunctuation(std::string_view word);

// True when `text` is one or more ASCII digits and nothing else.
bool IsAllDigits(std::string_view text);

// True when `text` holds an ASCII digit.
bool HasDigit(std::string_view text);

}  // namespace liasse::extractors::internal
