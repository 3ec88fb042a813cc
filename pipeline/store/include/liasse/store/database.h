// An embedded SQLite database file (WAL journal) and its versioned
// migrations. Each component (store, mail outbox, prescriptions memory, OCR
// cache…) owns its own migration set, keyed by (component, version), in its
// own files, and applies it with Database::Migrate at start-up.
#pragma once

#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>

#include "liasse/core/status.h"

namespace liasse::store {

// One schema step of a component: applied once, in version order, inside a
// transaction, and recorded in schema_migrations(component, version).
struct Migration {
  std::string component;  // "store", "mail", "ocr_cache" …
  int version = 0;        // 1, 2, 3 … strictly increasing per component
  std::string sql;        // one or more statements
};

namespace detail {
struct Connection;  // owns the sqlite3 handle (defined in src/)
}

// Move-only owner of one SQLite connection. Methods lock an internal mutex,
// so one Database may be shared between threads (calls are serialised).
class Database {
 public:
  // Opens (creating if needed) the file at `path` in WAL mode with foreign
  // keys on and a 5 s busy timeout. ":memory:" gives a private in-memory
  // database. Fails with IoError naming the path.
  static Result<Database> Open(const std::string& path);

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  // Runs statements without results. Fails with the SQLite message.
  Status Exec(std::string_view sql);

  // Applies the steps of `migrations` newer than those recorded, each in
  // its own transaction. Fails (leaving earlier steps applied) on the first
  // failing step, naming component and version; fails on versions out of
  // order or on a recorded version unknown to `migrations` (a newer
  // binary's database).
  Status Migrate(std::span<const Migration> migrations);

  // Highest applied version of `component`, 0 when none.
  Result<int> SchemaVersion(std::string_view component);

  // The journal mode SQLite reports ("wal").
  Result<std::string> JournalMode();

  // For the store's own statements (src/ only).
  detail::Connection& connection() { return *conn_; }
  std::mutex& mutex() { return *mu_; }

 private:
  Database(std::unique_ptr<detail::Connection> conn);
  std::unique_ptr<detail::Connection> conn_;
  std::unique_ptr<std::mutex> mu_;
};

// One unit of work on a Database, committed whole or not at all: every write
// made through the database's components (store, counters, prescription
// memory, paid invoices, OCR cache, journals, an outbox opened on it)
// between Begin and Commit, on any thread, belongs to it; their own
// transactions become savepoints of it. `liasse process` opens one per
// envelope, so a kill at any point leaves each envelope either fully
// written or not at all. Begin takes SQLite's write lock (BEGIN IMMEDIATE):
// another process waits for the busy timeout. The commit is fsynced
// (synchronous = FULL): it may hold the only copy of a queued message.
// Destroyed without Commit, it rolls back. At most one at a time per
// Database; reads from other threads meanwhile see its uncommitted rows.
class Transaction {
 public:
  // Fails with Unavailable when another process holds the write lock past
  // the busy timeout, FailedPrecondition when one is already open on `db`.
  static Result<Transaction> Begin(Database& db);
  Status Commit();

  Transaction(Transaction&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

 private:
  explicit Transaction(Database& db) : db_(&db) {}
  Database* db_;  // null once committed or rolled back
};

}  // namespace liasse::store
