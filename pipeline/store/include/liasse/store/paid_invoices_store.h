// The register of claims priced for payment (port liasse::PaidInvoices),
// kept in the store's SQLite file: an invoice paid by one envelope is
// recognised when another envelope presents it again — across runs and
// whatever the scan's file name.
#pragma once

#include <memory>
#include <optional>

#include "liasse/core/paid_invoices.h"
#include "liasse/store/database.h"

namespace liasse::store {

class SqlitePaidInvoices final : public PaidInvoices {
 public:
  // Applies the "paid_invoices" migrations to `db`, which must outlive the
  // returned object. Fails with the migration's Status.
  static Result<std::unique_ptr<SqlitePaidInvoices>> Open(Database& db);

  // Thread-safe: calls are serialised by the Database's mutex.
  Result<std::optional<PaidInvoice>> PaidElsewhere(std::string_view claim_id, std::string_view envelope) const override;

  // Records that `paid.envelope` priced `paid.claim_id`. The first envelope
  // keeps the invoice: recording it again (reprocessing, or another
  // envelope) changes nothing.
  Status Record(const PaidInvoice& paid);

 private:
  explicit SqlitePaidInvoices(Database& db) : db_(db) {}
  Database& db_;
};

}  // namespace liasse::store
