// `liasse watch INBOX`: mailroom intake. Takes only complete envelope files
// from the inbox — a `NAME.done` marker beside `NAME`, or a size and
// modification time unchanged for `stable_ms` — processes them with one
// long-lived Processor, then moves each to INBOX/done/ or INBOX/quarantine/
// (a rename: atomic) once its result JSON is written. An intake journal in
// the store (by SHA-256) makes a restart after `kill -9` finish the files a
// crash left behind without processing any twice.
#pragma once

#include <filesystem>
#include <functional>

#include "liasse/core/status.h"
#include "liasse/runner/process.h"

namespace liasse::runner {

struct WatchOptions {
  std::filesystem::path inbox;
  ProcessOptions process;   // out_dir, database, jobs… (inputs unused)
  int poll_ms = 2000;       // how often the inbox is listed
  int stable_ms = 3000;     // a file without marker is complete when unchanged this long
  bool once = false;        // stop when the inbox holds nothing complete
  std::size_t batch_size = 16;  // envelopes handed to the processor at a time
};

struct WatchSummary {
  int done = 0;         // moved to done/
  int quarantined = 0;  // moved to quarantine/
  int recovered = 0;    // finished before a crash, moved now without processing
};

// Runs until `once` finds nothing complete (or forever). Fails when the
// inbox cannot be listed, a file cannot be moved, or processing fails as a
// whole (store, engines).
Result<WatchSummary> Watch(const WatchOptions& options);

}  // namespace liasse::runner
