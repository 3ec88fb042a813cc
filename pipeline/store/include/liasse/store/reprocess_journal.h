// The journal of an archive reprocessing run: which envelopes a run has
// finished, with what changed against the results they had before, so an
// interrupted run resumes where it stopped and its final report still
// covers every envelope. Table `reprocess_done` in the store's file
// (component "reprocess"). A run is named by a key the runner derives from
// what decides the results (program, rule and pricing data, shard).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "liasse/core/status.h"
#include "liasse/store/database.h"

namespace liasse::store {

struct ReprocessEntry {
  std::string envelope;  // file name of the envelope
  std::string changes;   // what changed, encoded by the runner (JSON)
};

class ReprocessJournal {
 public:
  // Applies the "reprocess" migrations to `db`, which must outlive the journal.
  static Result<std::unique_ptr<ReprocessJournal>> Open(Database& db);

  // Every envelope run `run_key` has finished, in the order they finished.
  Result<std::vector<ReprocessEntry>> Finished(const std::string& run_key) const;
  // Records an envelope as finished by the run (replacing an earlier record
  // of the same envelope), committed before it returns.
  Status Record(const std::string& run_key, const ReprocessEntry& entry);
  // Forgets the run (to start it again from the first envelope).
  Status Forget(const std::string& run_key);

 private:
  explicit ReprocessJournal(Database& db) : db_(db) {}
  Database& db_;
};

}  // namespace liasse::store
