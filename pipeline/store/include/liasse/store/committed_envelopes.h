// The files of each envelope a run has committed, kept in the store in the
// envelope's own transaction (liasse::store::Transaction) until the run
// ends: a run stopped between an envelope's commit and the writing of its
// files (kill -9, power failure) is resumed by writing them again from here,
// instead of running the envelope again on a store that already holds its
// writes (its own prescriptions would then count as received before it).
// Table `committed_envelopes` in the store's file (component "envelopes").
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "liasse/core/status.h"
#include "liasse/store/database.h"

namespace liasse::store {

// One file of an envelope's output, by its path relative to the output
// directory, and its bytes.
struct CommittedFile {
  std::string path;
  std::string bytes;
  friend bool operator==(const CommittedFile&, const CommittedFile&) = default;
};

struct CommittedEnvelope {
  std::string name;         // file name of the envelope
  std::string sha256;       // of its bytes
  std::string options_key;  // what else its result depends on (dates, data)
  bool quarantined = false;  // unreadable: copied to DIR/quarantine/ too
  std::vector<CommittedFile> files;  // in the order they are written
};

class CommittedEnvelopes {
 public:
  // Applies the "envelopes" migrations to `db`, which must outlive this.
  static Result<std::unique_ptr<CommittedEnvelopes>> Open(Database& db);

  // Records the envelope (replacing an earlier record of the same name and
  // bytes), inside the transaction open on the database if any.
  Status Record(const CommittedEnvelope& envelope);
  // The record of this name and bytes, or nullopt.
  Result<std::optional<CommittedEnvelope>> Find(const std::string& name, const std::string& sha256) const;
  // Drops the record of this name and bytes (none: ok).
  Status Forget(const std::string& name, const std::string& sha256);
  // Drops every record but those of `keep` (same name, bytes and
  // options_key; their files are not compared), in one transaction.
  Status ForgetAllBut(const std::vector<CommittedEnvelope>& keep);

 private:
  explicit CommittedEnvelopes(Database& db) : db_(db) {}
  Database& db_;
};

}  // namespace liasse::store
