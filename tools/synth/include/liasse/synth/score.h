// `liasse score`: compares result JSONs (docs/results.md) with the
// generator's truth (`<name>.truth.json`) and counts what was right.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "liasse/core/status.h"

namespace liasse::synth {

struct Tally {
  int total = 0;
  int ok = 0;
  double Rate() const { return total == 0 ? 1.0 : static_cast<double>(ok) / total; }
};

struct PageCer {
  std::string envelope;
  int page = 0;
  int truth_chars = 0;
  int distance = 0;  // Levenshtein over code points, whitespace runs collapsed
};

struct ScoreReport {
  int envelopes = 0;
  int results_missing = 0;       // truth without any result file
  Tally errors;                  // envelopes whose `error` is null/non-null as in the truth
  Tally document_types;          // truth documents whose matched result document has the same type
  Tally splitting;               // truth documents found with exactly the same page span
  int fields_total = 0;
  int fields_exact = 0;          // present with the truth value
  int fields_flagged = 0;        // named in the document's review list (right, wrong or absent)
  int fields_silent_wrong = 0;   // present, wrong, not flagged: the worst outcome
  int fields_missing_unflagged = 0;  // absent and not named in review (a contract breach)
  Tally cells;                   // table cells (lines[i][key]) equal to the truth
  Tally lot_verdicts;            // lots (matched by numero) with the truth verdict
  Tally lot_anomalies;           // lots whose set of anomaly codes equals the truth's
  Tally letters;                 // expected letter kinds found (multiset)
  Tally rotations;               // pages with the truth rotation
  int skew_pages = 0;
  double skew_abs_error_sum = 0;  // degrees
  std::vector<PageCer> cer;      // pages whose result carries a "text"

  double FieldRate(int n) const { return fields_total == 0 ? 0.0 : static_cast<double>(n) / fields_total; }
  double SkewMeanError() const { return skew_pages == 0 ? 0.0 : skew_abs_error_sum / skew_pages; }
  // Sum of distances over sum of truth characters; 0 when no page had text.
  double CerOverall() const;
};

// Scores every `*.truth.json` of `truth_dir` against `results_dir/<name>.json`,
// or `results_dir/<name>.truth.json` when there is no `<name>.json` (so a
// truth directory scores against itself). Fails when `truth_dir` has no truth
// or a file is not valid JSON (naming it).
Result<ScoreReport> Score(const std::filesystem::path& truth_dir, const std::filesystem::path& results_dir);

// A readable table (French labels, percentages) and the JSON form.
std::string ScoreTable(const ScoreReport& report);
std::string ScoreJson(const ScoreReport& report);

}  // namespace liasse::synth
