#include "liasse/store/backup.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <system_error>

#include "liasse/core/system_error.h"

namespace liasse::store {
namespace {

namespace fs = std::filesystem;

struct CloseDb {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using DbHandle = std::unique_ptr<sqlite3, CloseDb>;

Result<DbHandle> OpenDb(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  DbHandle db(raw);
  if (rc != SQLITE_OK) {
    return Status::IoError(fmt::format("{} : ouverture impossible : {}", path, raw ? sqlite3_errmsg(raw) : "mémoire"));
  }
  sqlite3_busy_timeout(db.get(), 5000);
  return db;
}

// The whole database in one step (-1): one read transaction, so the copy is
// one consistent state even while another process writes.
Result<long long> Copy(sqlite3* from, sqlite3* to, const std::string& source) {
  sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
  if (backup == nullptr) return Status::IoError(fmt::format("{} : copie impossible : {}", source, sqlite3_errmsg(to)));
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(backup, -1);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  const long long pages = sqlite3_backup_pagecount(backup);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    return Status::IoError(fmt::format("{} : copie interrompue : {}", source, sqlite3_errstr(rc)));
  }
  return pages;
}

Result<std::string> IntegrityCheck(sqlite3* db, const std::string& path) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &raw, nullptr) != SQLITE_OK) {
    return Status::IoError(fmt::format("{} : vérification impossible : {}", path, sqlite3_errmsg(db)));
  }
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, sqlite3_finalize);
  std::string result;
  while (sqlite3_step(stmt.get()) == SQLITE_ROW) {
    if (!result.empty()) result += " / ";
    const unsigned char* text = sqlite3_column_text(stmt.get(), 0);
    result += text != nullptr ? reinterpret_cast<const char*>(text) : "";
  }
  return result;
}

}  // namespace

Result<BackupReport> BackupDatabase(const std::string& source, const std::string& destination) {
  std::error_code ec;
  if (!fs::exists(source, ec)) return Status::NotFound(source + " : base introuvable");
  if (fs::exists(destination, ec) && fs::equivalent(source, destination, ec)) {
    return Status::InvalidArgument(destination + " : la copie ne peut pas remplacer la base elle-même");
  }
  const std::string partial = destination + ".partiel";
  // Made here, mode 0600 and exclusively: SQLite would create it world-readable.
  const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Status::InvalidArgument(partial + " : existe déjà (une autre copie en cours ?) ou ne peut être créé");
  }
  ::close(fd);
  auto fail = [&partial](Status s) {
    std::error_code ignored;
    fs::remove(partial, ignored);
    return s;
  };
  auto from = OpenDb(source, SQLITE_OPEN_READONLY);
  if (!from.ok()) return fail(from.status());
  Result<BackupReport> report = BackupReport{};
  {
    auto to = OpenDb(partial, SQLITE_OPEN_READWRITE);
    if (!to.ok()) return fail(to.status());
    auto pages = Copy(from->get(), to->get(), source);
    if (!pages.ok()) return fail(pages.status());
    auto integrity = IntegrityCheck(to->get(), partial);
    if (!integrity.ok()) return fail(integrity.status());
    if (*integrity != "ok") return fail(Status::Corrupt(partial + " : copie non intègre : " + *integrity));
    report->pages = *pages;
    report->integrity = *integrity;
  }
  fs::rename(partial, destination, ec);
  if (ec) return fail(Status::IoError(destination + " : " + FrenchSystemError(ec)));
  return report;
}

}  // namespace liasse::store
