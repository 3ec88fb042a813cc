// Digit-confusion repair for numbers read by OCR: O→0, D→0, Q→0, l/I/|→1,
// S→5, B→8, Z→2, G→6. A validator may use a repair only when exactly one
// candidate passes its check key; otherwise the field goes to review.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace liasse {

struct DigitRepair {
  enum class Outcome {
    kAlreadyValid,  // the text as read passes the check
    kRepaired,      // exactly one candidate passes: `value` holds it
    kNoCandidate,   // no candidate passes
    kAmbiguous,     // two or more candidates pass: never guess
  };
  Outcome outcome = Outcome::kNoCandidate;
  std::string value;       // the accepted text (as read, or repaired)
  int passing_candidates = 0;
  bool ok() const { return outcome == Outcome::kAlreadyValid || outcome == Outcome::kRepaired; }
};

struct DigitRepairOptions {
  // Also try replacing one digit by a digit OCR often confuses it with
  // (0↔8, 1↔7, 3↔8, 5↔6, 6↔8): catches a misread digit the key detects.
  bool try_digit_swaps = false;
  // Upper bound on the candidates examined (each confusable letter doubles them).
  int max_candidates = 4096;
};

// Tries `text` as read, then every candidate obtained by mapping confusable
// letters to digits (each letter either kept or mapped, so "2B" of a Corsican
// NIR can survive) and, with try_digit_swaps, one digit swap. `accepts` is the
// full check (format and key). Separators in `text` are left as they are.
DigitRepair RepairDigits(std::string_view text, const std::function<bool(std::string_view)>& accepts,
                         const DigitRepairOptions& options = {});

}  // namespace liasse
