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

}  // namespace liasse::store
