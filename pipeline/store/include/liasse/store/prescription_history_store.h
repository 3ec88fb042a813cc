// The B2 lot rules' memory of prescriptions already received (port
// liasse::PrescriptionHistory), kept in the store's SQLite file so a later
// lot for the same patient and auxiliaire médical, sent without a copy of the
// prescription, is recognised as a later transmission — across runs.
#pragma once

#include <memory>
#include <optional>

#include "liasse/core/prescription_history.h"
#include "liasse/store/database.h"

namespace liasse::store {

class SqlitePrescriptionHistory final : public PrescriptionHistory {
 public:
  // Applies the "prescriptions" migrations to `db`, which must outlive the
  // returned object. Fails with the migration's Status.
  static Result<std::unique_ptr<SqlitePrescriptionHistory>> Open(Database& db);

  // Thread-safe: calls are serialised by the Database's mutex.
  Result<std::optional<PrescriptionRecord>> Find(const PrescriptionKey& key) const override;
  Status Remember(const PrescriptionRecord& record) override;

 private:
  explicit SqlitePrescriptionHistory(Database& db) : db_(db) {}
  Database& db_;
};

}  // namespace liasse::store
