// Internal RAII wrappers of the sqlite3 C API.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "liasse/core/status.h"

namespace liasse::store::detail {

struct Connection {
  sqlite3* db = nullptr;
  Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection() {
    if (db != nullptr) sqlite3_close_v2(db);
  }
};

// A prepared statement, finalized on destruction. Bind indexes start at 1.
class Statement {
 public:
  static Result<Statement> Prepare(Connection& c, std::string_view sql);
  Statement(Statement&& o) noexcept : stmt_(o.stmt_), db_(o.db_) { o.stmt_ = nullptr; }
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement() {
    if (stmt_ != nullptr) sqlite3_finalize(stmt_);
  }

  Statement& Bind(int i, std::string_view v);
  Statement& Bind(int i, int64_t v);
  Statement& BindNull(int i);
  Statement& BindBlob(int i, std::string_view bytes);
  Statement& BindOpt(int i, const std::optional<std::string>& v) { return v ? Bind(i, std::string_view(*v)) : BindNull(i); }

  // Steps once: true when a row is available, false when done.
  Result<bool> Step();
  // Steps to completion (statements without rows).
  Status Run();
  void Reset();

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  std::string Text(int col) const;
  std::string Blob(int col) const;
  double Real(int col) const { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  Statement(sqlite3_stmt* s, sqlite3* db) : stmt_(s), db_(db) {}
  sqlite3_stmt* stmt_;
  sqlite3* db_;
};

Status SqliteError(sqlite3* db, std::string_view what);

// The writes of one store method, all or nothing: BEGIN IMMEDIATE on a
// connection in autocommit mode (the write lock first, so two processes
// cannot both read a row as free and both take it), else a savepoint of the
// transaction already open (an envelope's, see liasse::store::Transaction),
// whose fate it then shares. Rolled back when destroyed uncommitted. The
// caller holds the database's mutex.
class WriteScope {
 public:
  static Result<WriteScope> Begin(sqlite3* db);
  WriteScope(WriteScope&& o) noexcept : db_(o.db_), nested_(o.nested_), open_(o.open_) { o.open_ = false; }
  WriteScope(const WriteScope&) = delete;
  WriteScope& operator=(const WriteScope&) = delete;
  WriteScope& operator=(WriteScope&&) = delete;
  ~WriteScope() { Rollback(); }

  // COMMIT, or RELEASE of the savepoint.
  Status Commit();
  // ROLLBACK, or ROLLBACK TO and RELEASE of the savepoint; nothing once
  // committed or rolled back.
  void Rollback();
  // Whether it is a savepoint of a transaction opened before it.
  bool nested() const { return nested_; }

 private:
  WriteScope(sqlite3* db, bool nested) : db_(db), nested_(nested), open_(true) {}
  sqlite3* db_;
  bool nested_;
  bool open_;
};

}  // namespace liasse::store::detail
