#include "liasse/store/intake_journal.h"

#include <array>
#include <mutex>

#include "sqlite_handle.h"

namespace liasse::store {
namespace {

const std::array<Migration, 1> kIntakeMigrations = {{
    {"intake", 1,
     "CREATE TABLE intake ("
     " sha256 TEXT PRIMARY KEY,"
     " name TEXT NOT NULL,"
     " outcome TEXT NOT NULL CHECK (outcome IN ('done', 'quarantine')),"
     " result TEXT NOT NULL,"
     " finished_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))"},
}};

}  // namespace

Result<std::unique_ptr<IntakeJournal>> IntakeJournal::Open(Database& db) {
  LIASSE_RETURN_IF_ERROR(db.Migrate(kIntakeMigrations));
  return std::unique_ptr<IntakeJournal>(new IntakeJournal(db));
}

Result<std::optional<IntakeRecord>> IntakeJournal::Find(const std::string& sha256) const {
  std::lock_guard<std::mutex> lock(db_.mutex());
  LIASSE_ASSIGN_OR_RETURN(auto s, detail::Statement::Prepare(db_.connection(), "SELECT name, outcome, result FROM intake WHERE sha256=?"));
  s.Bind(1, sha256);
  LIASSE_ASSIGN_OR_RETURN(auto row, s.Step());
  if (!row) return std::optional<IntakeRecord>();
  return std::optional<IntakeRecord>(IntakeRecord{sha256, s.Text(0), s.Text(1), s.Text(2)});
}

Status IntakeJournal::Record(const IntakeRecord& record) {
  std::lock_guard<std::mutex> lock(db_.mutex());
  LIASSE_ASSIGN_OR_RETURN(auto s, detail::Statement::Prepare(db_.connection(),
                                      "INSERT OR REPLACE INTO intake (sha256, name, outcome, result) VALUES (?, ?, ?, ?)"));
  s.Bind(1, record.sha256).Bind(2, record.name).Bind(3, record.outcome).Bind(4, record.result);
  auto done = s.Step();
  return done.ok() ? Status::Ok() : done.status();
}

}  // namespace liasse::store
