#include "liasse/core/digit_repair.h"

#include <set>
#include <vector>

#include "liasse/core/confusables.h"

namespace liasse {
namespace {

// RepairDigits tries each letter both ways, so it keeps to the common
// confusions: the rarer ones would multiply candidates a key cannot part.
char LetterToDigit(char c) { return confusables::DigitFor(c, confusables::Reach::kCommon); }

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
        for (char swap : confusables::DigitSwaps(c[i])) {
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
