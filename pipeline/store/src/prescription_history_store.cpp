#include "liasse/store/prescription_history_store.h"

#include <array>
#include <mutex>

#include "sqlite_handle.h"

namespace liasse::store {
namespace {

const std::array<Migration, 1> kPrescriptionMigrations = {{
    {"prescriptions", 1,
     "CREATE TABLE prescriptions_recues ("
     " partenaire TEXT NOT NULL,"
     " nir TEXT NOT NULL,"
     " date_naissance TEXT NOT NULL,"
     " date_prescription TEXT,"
     " numero_facture TEXT NOT NULL,"
     " PRIMARY KEY (partenaire, nir, date_naissance))"},
}};

}  // namespace

Result<std::unique_ptr<SqlitePrescriptionHistory>> SqlitePrescriptionHistory::Open(Database& db) {
  LIASSE_RETURN_IF_ERROR(db.Migrate(kPrescriptionMigrations));
  return std::unique_ptr<SqlitePrescriptionHistory>(new SqlitePrescriptionHistory(db));
}

Result<std::optional<PrescriptionRecord>> SqlitePrescriptionHistory::Find(const PrescriptionKey& key) const {
  std::lock_guard<std::mutex> lock(db_.mutex());
  LIASSE_ASSIGN_OR_RETURN(auto s, detail::Statement::Prepare(
      db_.connection(),
      "SELECT date_prescription, numero_facture FROM prescriptions_recues"
      " WHERE partenaire=? AND nir=? AND date_naissance=?"));
  s.Bind(1, key.partenaire).Bind(2, key.nir).Bind(3, key.date_naissance);
  LIASSE_ASSIGN_OR_RETURN(auto row, s.Step());
  if (!row) return std::optional<PrescriptionRecord>();
  PrescriptionRecord record;
  record.key = key;
  if (!s.IsNull(0)) {
    auto date = Date::Parse(s.Text(0));
    if (!date.ok()) return Status::Corrupt("prescriptions_recues: date « " + s.Text(0) + " » illisible");
    record.date = *date;
  }
  record.numero_facture = s.Text(1);
  return std::optional<PrescriptionRecord>(std::move(record));
}

Status SqlitePrescriptionHistory::Remember(const PrescriptionRecord& record) {
  if (!record.key.complete()) return Status::InvalidArgument("prescription sans patient ou auxiliaire identifié");
  std::lock_guard<std::mutex> lock(db_.mutex());
  LIASSE_ASSIGN_OR_RETURN(auto s, detail::Statement::Prepare(
      db_.connection(),
      "INSERT INTO prescriptions_recues (partenaire, nir, date_naissance, date_prescription, numero_facture)"
      " VALUES (?, ?, ?, ?, ?) ON CONFLICT (partenaire, nir, date_naissance) DO UPDATE SET"
      " date_prescription=excluded.date_prescription, numero_facture=excluded.numero_facture"));
  s.Bind(1, record.key.partenaire).Bind(2, record.key.nir).Bind(3, record.key.date_naissance);
  s.BindOpt(4, record.date ? std::optional<std::string>(record.date->ToIso()) : std::nullopt);
  s.Bind(5, record.numero_facture);
  return s.Run();
}

}  // namespace liasse::store
