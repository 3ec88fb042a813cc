#include "liasse/store/database.h"

#include <fmt/format.h>

#include <map>

#include "sqlite_handle.h"

namespace liasse::store {

namespace detail {

Status SqliteError(sqlite3* db, std::string_view what) {
  const int code = db != nullptr ? sqlite3_errcode(db) : SQLITE_ERROR;
  const std::string msg = fmt::format("{}: {}", what, db != nullptr ? sqlite3_errmsg(db) : "sqlite");
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) return Status::Unavailable(msg);
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) return Status::Corrupt(msg);
  if (code == SQLITE_CONSTRAINT) return Status::FailedPrecondition(msg);
  return Status::IoError(msg);
}

Result<Statement> Statement::Prepare(Connection& c, std::string_view sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(c.db, sql.data(), static_cast<int>(sql.size()), &s, nullptr) != SQLITE_OK) {
    return SqliteError(c.db, fmt::format("préparation de « {} »", sql.substr(0, 60)));
  }
  return Statement(s, c.db);
}

Statement& Statement::Bind(int i, std::string_view v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::Bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Statement& Statement::BindBlob(int i, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_, i, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::BindNull(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(db_, "exécution");
}

Status Statement::Run() {
  for (;;) {
    LIASSE_ASSIGN_OR_RETURN(auto more, Step());
    if (!more) return Status::Ok();
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);

}

std::string Statement::Text(int col) const {
  const unsigned char* t = sqlite3_column_text(stmt_, col);
  if (t == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::string Statement::Blob(int col) const {
  const void* b = sqlite3_column_blob(stmt_, col);
  if (b == nullptr) return {};
  return std::string(static_cast<const char*>(b), static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

Result<WriteScope> WriteScope::Begin(sqlite3* db) {
  const bool nested = sqlite3_get_autocommit(db) == 0;
  const char* sql = nested ? "SAVEPOINT liasse_write" : "BEGIN IMMEDIATE";
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) return SqliteError(db, sql);
  return WriteScope(db, nested);
}

Status WriteScope::Commit() {
  const char* sql = nested_ ? "RELEASE liasse_write" : "COMMIT";
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
    Status st = SqliteError(db_, sql);
    Rollback();
    return st;
  }
  open_ = false;
  return Status::Ok();
}

void WriteScope::Rollback() {
  if (!open_) return;
  open_ = false;
  if (nested_) {
    sqlite3_exec(db_, "ROLLBACK TO liasse_write; RELEASE liasse_write", nullptr, nullptr, nullptr);
  } else if (sqlite3_get_autocommit(db_) == 0) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

}  // namespace detail

Database::Database(std::unique_ptr<detail::Connection> conn)
    : conn_(std::move(conn)), mu_(std::make_unique<std::mutex>()) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

Result<Database> Database::Open(const std::string& path) {
  auto conn = std::make_unique<detail::Connection>();
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path.c_str(), &conn->db, flags, nullptr) != SQLITE_OK) {
    return Status::IoError(fmt::format("{}: ouverture impossible : {}", path,
                                       conn->db != nullptr ? sqlite3_errmsg(conn->db) : "mémoire"));
  }
  sqlite3_busy_timeout(conn->db, 5000);
  Database db(std::move(conn));
  // WAL lets readers run beside the one writer; NORMAL sync is safe in WAL.
  if (auto st = db.Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"); !st.ok()) {
    return st.WithContext(path);
  }
  if (auto st = db.Exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                        " component TEXT NOT NULL, version INTEGER NOT NULL, applied_at TEXT NOT NULL"
                        " DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')), PRIMARY KEY (component, version))");
      !st.ok()) {
    return st.WithContext(path);
  }
  return db;
}

Status Database::Exec(std::string_view sql) {
  std::lock_guard<std::mutex> lock(*mu_);
  char* err = nullptr;
  const std::string owned(sql);
  if (sqlite3_exec(conn_->db, owned.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    Status st = detail::SqliteError(conn_->db, "SQL");
    sqlite3_free(err);
    return st;
  }
  return Status::Ok();
}

Result<int> Database::SchemaVersion(std::string_view component) {
  std::lock_guard<std::mutex> lock(*mu_);
  LIASSE_ASSIGN_OR_RETURN(auto s, detail::Statement::Prepare(*conn_, "SELECT COALESCE(MAX(version),0) FROM schema_migrations WHERE component=?"));
  s.Bind(1, component);
  LIASSE_RETURN_IF_ERROR(s.Step());
  return static_cast<int>(s.Int(0));
}

Result<std::string> Database::JournalMode() {
  std::lock_guard<std::mutex> lock(*mu_);
  LIASSE_ASSIGN_OR_RETURN(auto s, detail::Statement::Prepare(*conn_, "PRAGMA journal_mode"));
  LIASSE_RETURN_IF_ERROR(s.Step());
  return s.Text(0);
}

Status Database::Migrate(std::span<const Migration> migrations) {
  std::map<std::string, int> last;
  for (const auto& m : migrations) {
    for (char c : m.component) {
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
        return Status::InvalidArgument(fmt::format("composant de migration invalide « {} »", m.component));
      }
    }
    if (m.version <= last[m.component]) {
      return Status::InvalidArgument(
          fmt::format("migrations {} : version {} hors ordre", m.component, m.version));
    }
    last[m.component] = m.version;
  }
  for (const auto& [component, newest] : last) {
    LIASSE_ASSIGN_OR_RETURN(auto current, SchemaVersion(component));
    if (current > newest) {
      return Status::FailedPrecondition(fmt::format(
          "base au schéma {} v{}, plus récent que ce programme (v{})", component, current, newest));
    }
  }
  for (const auto& m : migrations) {
    LIASSE_ASSIGN_OR_RETURN(auto current, SchemaVersion(m.component));
    if (m.version <= current) continue;
    const std::string sql = fmt::format(
        "BEGIN IMMEDIATE; {}; INSERT INTO schema_migrations(component, version) VALUES ('{}', {}); COMMIT;", m.sql,
        m.component, m.version);
    if (auto st = Exec(sql); !st.ok()) {
      (void)Exec("ROLLBACK");
      return st.WithContext(fmt::format("migration {} v{}", m.component, m.version));
    }
  }
  return Status::Ok();
}

namespace {

// Back to the store's usual policy (Database::Open): NORMAL is safe in WAL.
void NormalSync(sqlite3* db) { sqlite3_exec(db, "PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr); }

}  // namespace

Result<Transaction> Transaction::Begin(Database& db) {
  std::lock_guard<std::mutex> lock(db.mutex());
  sqlite3* c = db.connection().db;
  if (sqlite3_get_autocommit(c) == 0) {
    return Status::FailedPrecondition("une transaction est déjà ouverte sur la base");
  }
  // The synchronous level cannot change inside a transaction: set before.
  if (sqlite3_exec(c, "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr) != SQLITE_OK) {
    return detail::SqliteError(c, "PRAGMA synchronous");
  }
  if (sqlite3_exec(c, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
    Status st = detail::SqliteError(c, "BEGIN IMMEDIATE");
    NormalSync(c);
    return st;
  }
  return Transaction(db);
}

Status Transaction::Commit() {
  if (db_ == nullptr) return Status::FailedPrecondition("transaction déjà terminée");
  std::lock_guard<std::mutex> lock(db_->mutex());
  sqlite3* c = db_->connection().db;
  Status st = Status::Ok();
  if (sqlite3_exec(c, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    st = detail::SqliteError(c, "COMMIT");
    sqlite3_exec(c, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  NormalSync(c);
  db_ = nullptr;
  return st;
}

Transaction::~Transaction() {
  if (db_ == nullptr) return;
  std::lock_guard<std::mutex> lock(db_->mutex());
  sqlite3* c = db_->connection().db;
  if (sqlite3_get_autocommit(c) == 0) sqlite3_exec(c, "ROLLBACK", nullptr, nullptr, nullptr);
  NormalSync(c);
}

}  // namespace liasse::store
