// The mailroom intake journal: which envelope files (by SHA-256 of their
// bytes) `liasse watch` has finished, so that after a crash a file already
// processed but not yet moved out of the inbox is moved, not processed again.
// Table `intake` in the store's file (component "intake").
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "liasse/core/status.h"
#include "liasse/store/database.h"

namespace liasse::store {

struct IntakeRecord {
  std::string sha256;
  std::string name;     // file name when it was taken
  std::string outcome;  // "done" or "quarantine"
  std::string result;   // path of the result JSON
};

class IntakeJournal {
 public:
  // Applies the "intake" migrations to `db`, which must outlive the journal.
  static Result<std::unique_ptr<IntakeJournal>> Open(Database& db);

  // The record of the file with this hash, or nullopt when never finished.
  Result<std::optional<IntakeRecord>> Find(const std::string& sha256) const;
  // Records a finished file (replacing an earlier record of the same hash)
  // in one committed transaction.
  Status Record(const IntakeRecord& record);

 private:
  explicit IntakeJournal(Database& db) : db_(db) {}
  Database& db_;
};

}  // namespace liasse::store
