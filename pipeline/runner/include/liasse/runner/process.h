// `liasse process`: runs the chain on each envelope and writes one result
// JSON per envelope (shared/spec/results.md). Stages land one by one; an
// envelope that cannot be read is reported with its error and copied to
// DIR/quarantine/, never dropped, and the batch goes on.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "liasse/core/status.h"

namespace liasse::runner {

struct ProcessOptions {
  std::vector<std::filesystem::path> inputs;
  std::filesystem::path out_dir;
  std::filesystem::path contract;  // optional member/contract file
  int jobs = 0;                    // 0: one per core
};

struct ProcessSummary {
  int envelopes = 0;
  int unreadable = 0;  // listed with an "error" and quarantined
  std::vector<std::string> messages;  // one line per envelope, for the terminal
};

// Processes every envelope. Fails only when the inputs cannot be listed or
// the output directory cannot be written; per-envelope failures are in the
// summary and the JSON.
Result<ProcessSummary> RunProcess(const ProcessOptions& options);

}  // namespace liasse::runner
