// Who changed what and when in an envelope's readings: every correction
// and validation an operator makes (`liasse review set` / `validate`, the
// verification station) is a row, written in the same transaction as the
// envelope's new result (claims, payments, outbox). The station's
// `GET /api/audit` reads it; each row names the result version it made.
// Table `revue_corrections` in the store's file (component "review").
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "liasse/core/status.h"
#include "liasse/store/database.h"

namespace liasse::store {

struct ReviewChange {
  std::string envelope;  // stem of the result file (DIR/<envelope>.json)
  std::string sha256;    // of the envelope's bytes
  int version = 0;       // the result version the change produced (1, 2, …)
  std::string at;        // ISO 8601 UTC, "2026-12-06T15:04:05Z"
  std::string user;      // the operator
  std::string action;    // "correction" (a value typed) or "validation" (the value read accepted)
  int document = 0;      // index in the result's documents
  std::string field;
  std::optional<int> line;  // a column of lines[line]
  std::optional<std::string> old_value, new_value;  // nullopt: absent (not read)
  friend bool operator==(const ReviewChange&, const ReviewChange&) = default;
};

class ReviewAudit {
 public:
  // Applies the "review" migrations to `db`, which must outlive this.
  static Result<std::unique_ptr<ReviewAudit>> Open(Database& db);

  // Appends `change`, inside the transaction open on the database if any.
  Status Record(const ReviewChange& change);
  // The highest version recorded for `envelope`, 0 when none.
  Result<int> Version(const std::string& envelope) const;
  // The changes of `envelope` (every envelope when empty), oldest first.
  Result<std::vector<ReviewChange>> Changes(const std::string& envelope = "") const;

 private:
  explicit ReviewAudit(Database& db) : db_(db) {}
  Database& db_;
};

}  // namespace liasse::store
