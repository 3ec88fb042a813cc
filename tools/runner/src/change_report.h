// What changed in an envelope's result between two runs: lot verdicts and
// anomalies, priced amounts, letters, documents, errors and review flags.
// Internal to the runner (`liasse reprocess`).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "liasse/core/status.h"

namespace liasse::runner {

struct ResultChange {
  std::string kind;    // "erreur", "documents", "lot", "montant", "lettre", "revue"
  std::string what;    // e.g. "lot 042", "B2-123-0007 mutuelle"
  std::string before;  // "—" when absent before
  std::string after;   // "—" when absent now
};

struct EnvelopeChanges {
  std::string envelope;
  bool had_previous = false;  // a result existed before this run
  std::vector<ResultChange> changes;
  long mutuelle_before_cents = 0, mutuelle_after_cents = 0;  // sum of claims' totals.mutuelle
};

// Compares two result JSON texts (`previous` absent for a first result).
// kCorrupt when a text is not a result JSON.
Result<EnvelopeChanges> CompareResults(const std::string& envelope, const std::optional<std::string>& previous,
                                       const std::string& current);

// To and from the journal's text (JSON).
std::string EncodeChanges(const EnvelopeChanges& changes);
Result<EnvelopeChanges> DecodeChanges(const std::string& text);

}  // namespace liasse::runner
