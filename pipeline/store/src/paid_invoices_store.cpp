#include "liasse/store/paid_invoices_store.h"

#include <array>
#include <mutex>

#include "sqlite_handle.h"

namespace liasse::store {
namespace {

const std::array<Migration, 1> kPaidInvoicesMigrations = {{
    {"paid_invoices", 1,
     "CREATE TABLE factures_payees ("
     " claim_id TEXT PRIMARY KEY,"
     " envelope TEXT NOT NULL,"
     " source TEXT NOT NULL,"
     " date TEXT NOT NULL)"},
}};

}  // namespace

Result<std::unique_ptr<SqlitePaidInvoices>> SqlitePaidInvoices::Open(Database& db) {
  if (Status st = db.Migrate(kPaidInvoicesMigrations); !st.ok()) return st;
  return std::unique_ptr<SqlitePaidInvoices>(new SqlitePaidInvoices(db));
}

Result<std::optional<PaidInvoice>> SqlitePaidInvoices::PaidElsewhere(std::string_view claim_id,
                                                                     std::string_view envelope) const {
  std::lock_guard<std::mutex> lock(db_.mutex());
  auto s = detail::Statement::Prepare(db_.connection(),
                                      "SELECT envelope, source, date FROM factures_payees WHERE claim_id=?");
  if (!s.ok()) return s.status();
  s->Bind(1, claim_id);
  auto row = s->Step();
  if (!row.ok()) return row.status();
  if (!*row || s->Text(0) == envelope) return std::optional<PaidInvoice>();
  PaidInvoice paid;
  paid.claim_id = std::string(claim_id);
  paid.envelope = s->Text(0);
  paid.source = s->Text(1);
  auto date = Date::Parse(s->Text(2));
  if (!date.ok()) return Status::Corrupt("factures_payees : date « " + s->Text(2) + " » illisible");
  paid.date = *date;
  return std::optional<PaidInvoice>(std::move(paid));
}

Status SqlitePaidInvoices::Record(const PaidInvoice& paid) {
  if (paid.claim_id.empty() || paid.envelope.empty()) {
    return Status::InvalidArgument("facture payée sans identifiant ou sans pli");
  }
  std::lock_guard<std::mutex> lock(db_.mutex());
  auto s = detail::Statement::Prepare(db_.connection(),
                                      "INSERT INTO factures_payees (claim_id, envelope, source, date) VALUES (?, ?, ?, ?)"
                                      " ON CONFLICT (claim_id) DO NOTHING");
  if (!s.ok()) return s.status();
  s->Bind(1, paid.claim_id).Bind(2, paid.envelope).Bind(3, paid.source).Bind(4, paid.date.ToIso());
  return s->Run();
}

}  // namespace liasse::store
