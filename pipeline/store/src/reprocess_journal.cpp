#include "liasse/store/reprocess_journal.h"

#include <array>
#include <mutex>

#include "sqlite_handle.h"

namespace liasse::store {
namespace {

using detail::Statement;

const std::array<Migration, 1> kReprocessMigrations = {{
    {"reprocess", 1,
     "CREATE TABLE reprocess_done ("
     " run_key TEXT NOT NULL,"
     " envelope TEXT NOT NULL,"
     " changes TEXT NOT NULL,"
     " seq INTEGER NOT NULL,"
     " finished_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
     " PRIMARY KEY (run_key, envelope))"},
}};

}  // namespace

Result<std::unique_ptr<ReprocessJournal>> ReprocessJournal::Open(Database& db) {
  LIASSE_RETURN_IF_ERROR(db.Migrate(kReprocessMigrations));
  return std::unique_ptr<ReprocessJournal>(new ReprocessJournal(db));
}

Result<std::vector<ReprocessEntry>> ReprocessJournal::Finished(const std::string& run_key) const {
  std::lock_guard<std::mutex> lock(db_.mutex());
  LIASSE_ASSIGN_OR_RETURN(auto s, Statement::Prepare(db_.connection(),
                              "SELECT envelope, changes FROM reprocess_done WHERE run_key=? ORDER BY seq"));
  s.Bind(1, run_key);
  std::vector<ReprocessEntry> out;
  for (;;) {
    LIASSE_ASSIGN_OR_RETURN(auto row, s.Step());
    if (!row) return out;
    out.push_back({s.Text(0), s.Text(1)});
  }
}

Status ReprocessJournal::Record(const std::string& run_key, const ReprocessEntry& entry) {
  std::lock_guard<std::mutex> lock(db_.mutex());
  LIASSE_ASSIGN_OR_RETURN(auto s, Statement::Prepare(
      db_.connection(),
      "INSERT OR REPLACE INTO reprocess_done (run_key, envelope, changes, seq)"
      " VALUES (?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM reprocess_done WHERE run_key=?))"));
  s.Bind(1, run_key).Bind(2, entry.envelope).Bind(3, entry.changes).Bind(4, run_key);
  return s.Run();
}

Status ReprocessJournal::Forget(const std::string& run_key) {
  std::lock_guard<std::mutex> lock(db_.mutex());
  LIASSE_ASSIGN_OR_RETURN(auto s, Statement::Prepare(db_.connection(), "DELETE FROM reprocess_done WHERE run_key=?"));
  s.Bind(1, run_key);
  return s.Run();
}

}  // namespace liasse::store
