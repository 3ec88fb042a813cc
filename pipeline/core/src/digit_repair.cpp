#include "liasse/core/digit_repair.h"

#include <set>
#include <vector>

namespace liasse {
namespace {

char LetterToDigit(char c) {
  switch (c) {
    case 'O': case 'o': case 'D': case 'Q': return '0';
    case 'l': case 'I': case '|': case 'i': return '1';
    case 'S': case 's': return '5';
    case 'B': return '8';
    case 'Z': case 'z': return '2';
    case 'G': return '6';
    default: return 0;
  }
}

std::string_view DigitSwaps(char d) {
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

}  // namespace

DigitRepair RepairDigits(std::string_view text, const std::function<bool(std::string_view)>& accepts,
                         const DigitRepairOptions& options) {
  DigitRepair result;
  if (accepts(text)) {
    result.outcome = DigitRepair::Outcome::kAlreadyValid;
    result.value = std::string(text);
    result.passing_candidates = 1;
    return result;
  }
  std::vector<std::size_t> letters;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (LetterToDigit(text[i]) != 0) letters.push_back(i);
  }
  std::set<std::string> candidates;
  const std::size_t combos = letters.size() >= 20 ? SIZE_MAX : (std::size_t{1} << letters.size());
  for (std::size_t mask = 0; mask < combos && static_cast<int>(candidates.size()) < options.max_candidates; ++mask) {
    std::string candidate(text);
    for (std::size_t k = 0; k < letters.size(); ++k) {
      if (mask & (std::size_t{1} << k)) candidate[letters[k]] = LetterToDigit(text[letters[k]]);
    }
    candidates.insert(candidate);
  }
  if (options.try_digit_swaps) {
    const std::set<std::string> base = candidates;
    for (const std::string& c : base) {
      for (std::size_t i = 0; i < c.size(); ++i) {
        for (char swap : DigitSwaps(c[i])) {
          std::string swapped = c;
          swapped[i] = swap;
          candidates.insert(swapped);
        }
      }
    }
  }
  candidates.erase(std::string(text));
  for (const std::string& c : candidates) {
    if (accepts(c)) {
      ++result.passing_candidates;
      result.value = c;
    }
  }
  if (result.passing_candidates == 1) {
    result.outcome = DigitRepair::Outcome::kRepaired;
  } else {
    result.outcome = result.passing_candidates == 0 ? DigitRepair::Outcome::kNoCandidate : DigitRepair::Outcome::kAmbiguous;
    result.value.clear();
  }
  return result;
}

}  // namespace liasse
