#include "liasse/store/outbox_store.h"

#include <sqlite3.h>

#include <mutex>

#include "sqlite_handle.h"

namespace liasse::store {

namespace {


struct DbCloser {
  void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* stmt) const noexcept { sqlite3_finalize(stmt); }
};
using DbPtr = std::unique_ptr<sqlite3, DbCloser>;
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS schema_versions(
  component TEXT PRIMARY KEY,
  version INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS outbox(
  id INTEGER PRIMARY KEY,
  decompte_id TEXT NOT NULL UNIQUE,
  message_id TEXT NOT NULL,
  envelope_from TEXT NOT NULL,
  recipient TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'queued'
    CHECK (state IN ('queued', 'sending', 'sent', 'retry', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_ms INTEGER NOT NULL DEFAULT 0,
  last_reply TEXT NOT NULL DEFAULT ''
);
-- The message bytes live apart so that state changes rewrite a small row,
-- not a 150 KB one.
CREATE TABLE IF NOT EXISTS outbox_mime(
  id INTEGER PRIMARY KEY REFERENCES outbox(id) ON DELETE CASCADE,
  mime BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_ready ON outbox(next_attempt_ms, id)
  WHERE state IN ('queued', 'retry');
CREATE INDEX IF NOT EXISTS outbox_state ON outbox(state);
)sql";

}  // namespace

class OutboxStore::Impl {
 public:
  // Owns its connection (`liasse mail send`, tests).
  Impl(DbPtr db, std::string path, bool full_sync)
      : owned_(std::move(db)), db_(owned_.get()), path_(std::move(path)), full_sync_(full_sync), mutex_(&own_mutex_) {}
  // On the store's connection, serialised by its mutex: a message is queued
  // inside the envelope's transaction (liasse::store::Transaction).
  Impl(Database& store, bool full_sync)
      : db_(store.connection().db), path_(sqlite3_db_filename(db_, "main")), full_sync_(full_sync),
        mutex_(&store.mutex()) {}

  Status Error(std::string_view what) const {
    return Status::IoError(path_ + ": " + std::string(what) + ": " + sqlite3_errmsg(db_));
  }

  Status Exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
      std::string text = message != nullptr ? message : "unknown error";
      sqlite3_free(message);
      return Status::IoError(path_ + ": " + text);
    }
    return Status::Ok();
  }

  Result<StmtPtr> Prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK)
      return Error("prepare");
    return StmtPtr(stmt);
  }

  void BindText(sqlite3_stmt* stmt, int index, std::string_view text) {
    sqlite3_bind_text(stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  }

  static std::string ColumnText(sqlite3_stmt* stmt, int index) {
    const auto* text = sqlite3_column_text(stmt, index);
    const int n = sqlite3_column_bytes(stmt, index);
    return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(n));
  }

  // Runs a statement that returns no row; returns the number of rows changed.
  Result<int64_t> Step(sqlite3_stmt* stmt, std::string_view what) {
    const int rc = sqlite3_step(stmt);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return Error(what);
    return static_cast<int64_t>(sqlite3_changes(db_));
  }

  // Moves message `id` out of `sending`; a message in any other state is a
  // bug in the caller (or two senders at once).
  Status Settle(int64_t id, std::string_view state, int64_t next_attempt_ms, std::string_view reply) {
    std::lock_guard lock(*mutex_);
    LIASSE_ASSIGN_OR_RETURN(auto stmt, Prepare(
        "UPDATE outbox SET state = ?1, next_attempt_ms = ?2, last_reply = ?3 WHERE id = ?4 AND state = 'sending'"));
    BindText(stmt.get(), 1, state);
    sqlite3_bind_int64(stmt.get(), 2, next_attempt_ms);
    BindText(stmt.get(), 3, reply);
    sqlite3_bind_int64(stmt.get(), 4, id);
    LIASSE_ASSIGN_OR_RETURN(auto changed, Step(stmt.get(), "settling a message"));
    if (changed != 1)
      return Status::FailedPrecondition(path_ + ": outbox message " + std::to_string(id) + " is not in state sending");
    return Status::Ok();
  }

  // Health data never goes to an address the store holds as unproven (the
  // members' table of liasse::Store; an outbox alone in its file has none).
  Status CheckRecipient(const OutboxMessage& m) {
    if (!m.health_data) return Status::Ok();
    auto table = Prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'email_addresses'");
    if (!table.ok()) return table.status();
    if (sqlite3_step(table->get()) != SQLITE_ROW) return Status::Ok();
    auto unproven = Prepare(
        "SELECT 1 FROM email_addresses WHERE lower(email) = lower(?1) AND state = 'unproven' LIMIT 1");
    if (!unproven.ok()) return unproven.status();
    BindText(unproven->get(), 1, m.recipient);
    const int rc = sqlite3_step(unproven->get());
    if (rc == SQLITE_ROW) {
      return Status::FailedPrecondition("adresse e-mail en attente de confirmation par un opérateur : " +
                                        m.decompte_id + " non mis en file (données de santé)");
    }
    if (rc != SQLITE_DONE) return Error("checking the recipient of " + m.decompte_id);
    return Status::Ok();
  }

  Result<int64_t> EnqueueInTransaction(const OutboxMessage& m) {
    LIASSE_RETURN_IF_ERROR(CheckRecipient(m));
    LIASSE_ASSIGN_OR_RETURN(auto select, Prepare("SELECT id FROM outbox WHERE decompte_id = ?1"));
    BindText(select.get(), 1, m.decompte_id);
    const int rc = sqlite3_step(select.get());
    if (rc == SQLITE_ROW) return static_cast<int64_t>(sqlite3_column_int64(select.get(), 0));
    if (rc != SQLITE_DONE) return Error("looking up " + m.decompte_id);
    LIASSE_ASSIGN_OR_RETURN(auto insert, Prepare(
        "INSERT INTO outbox(decompte_id, message_id, envelope_from, recipient) VALUES (?1, ?2, ?3, ?4)"));
    BindText(insert.get(), 1, m.decompte_id);
    BindText(insert.get(), 2, m.message_id);
    BindText(insert.get(), 3, m.envelope_from);
    BindText(insert.get(), 4, m.recipient);
    LIASSE_RETURN_IF_ERROR(Step(insert.get(), "enqueuing " + m.decompte_id));
    const int64_t id = sqlite3_last_insert_rowid(db_);
    LIASSE_ASSIGN_OR_RETURN(auto body, Prepare("INSERT INTO outbox_mime(id, mime) VALUES (?1, ?2)"));
    sqlite3_bind_int64(body.get(), 1, id);
    sqlite3_bind_blob64(body.get(), 2, m.mime.data(), m.mime.size(), SQLITE_TRANSIENT);
    LIASSE_RETURN_IF_ERROR(Step(body.get(), "enqueuing " + m.decompte_id));
    return id;
  }

  // Reads the bytes straight into `mime` (sqlite3_blob_read), keeping its
  // capacity: no 150 KB intermediate copy, no fresh allocation.
  Status ReadMime(int64_t id, std::string& mime) {
    sqlite3_blob* blob = nullptr;
    const int rc = sqlite3_blob_open(db_, "main", "outbox_mime", "mime", id, 0, &blob);
    if (rc != SQLITE_OK) {
      sqlite3_blob_close(blob);
      if (rc == SQLITE_ERROR)
        return Status::Corrupt(path_ + ": outbox message " + std::to_string(id) + " has no bytes (" +
                               sqlite3_errmsg(db_) + ")");
      return Error("reading a message");
    }
    const int size = sqlite3_blob_bytes(blob);
    mime.resize(static_cast<std::size_t>(size));
    const int read = sqlite3_blob_read(blob, mime.data(), size, 0);
    sqlite3_blob_close(blob);
    if (read != SQLITE_OK) return Error("reading a message");
    return Status::Ok();
  }

  static void AssignColumn(sqlite3_stmt* stmt, int index, std::string& out) {
    const auto* text = sqlite3_column_text(stmt, index);
    const int n = sqlite3_column_bytes(stmt, index);
    out.assign(text == nullptr ? "" : reinterpret_cast<const char*>(text), static_cast<std::size_t>(n));
  }

  // Sets the fsync policy of the next commits (outside any transaction).
  Status Synchronous(bool full) { return Exec(full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL"); }

  DbPtr owned_;  // null on the store's connection
  sqlite3* db_;
  std::string path_;
  bool full_sync_;  // state changes fsynced too (OutboxStoreOptions::full_sync)
  std::mutex own_mutex_;
  std::mutex* mutex_;  // own_mutex_, or the store's
};

// The outbox table and its version, created when missing (one transaction,
// fsynced like a message); then the fsync policy of `options`.
Status CreateSchema(OutboxStore::Impl& impl, const OutboxStoreOptions& options) {
  LIASSE_RETURN_IF_ERROR(impl.Exec("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;"));
  // The schema is created with an fsync whatever the policy, like messages.
  LIASSE_RETURN_IF_ERROR(impl.Synchronous(true));
  LIASSE_RETURN_IF_ERROR(impl.Exec("BEGIN IMMEDIATE"));
  LIASSE_RETURN_IF_ERROR(impl.Exec(kSchema));
  LIASSE_ASSIGN_OR_RETURN(auto version, impl.Prepare("SELECT version FROM schema_versions WHERE component = 'outbox'"));
  if (sqlite3_step(version.get()) == SQLITE_ROW) {
    const int found = sqlite3_column_int(version.get(), 0);
    version.reset();
    if (found > OutboxStore::kSchemaVersion) {
      (void)impl.Exec("ROLLBACK");
      return Status::FailedPrecondition(impl.path_ + ": outbox schema version " + std::to_string(found) +
                                        " is newer than this program's " + std::to_string(OutboxStore::kSchemaVersion));
    }
  } else {
    version.reset();
    if (Status s = impl.Exec("INSERT INTO schema_versions(component, version) VALUES ('outbox', 1)"); !s.ok())
      return s;
  }
  LIASSE_RETURN_IF_ERROR(impl.Exec("COMMIT"));
  LIASSE_RETURN_IF_ERROR(impl.Synchronous(options.full_sync));
  return Status::Ok();
}

OutboxStore::OutboxStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
OutboxStore::~OutboxStore() = default;

Result<std::unique_ptr<OutboxStore>> OutboxStore::Open(const std::string& path, const OutboxStoreOptions& options) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  DbPtr db(raw);
  if (rc != SQLITE_OK) {
    return Status::IoError(path + ": cannot open the outbox database: " +
                           (raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  sqlite3_busy_timeout(db.get(), options.busy_timeout_ms);
  auto impl = std::make_unique<Impl>(std::move(db), path, options.full_sync);
  LIASSE_RETURN_IF_ERROR(CreateSchema(*impl, options));
  return std::unique_ptr<OutboxStore>(new OutboxStore(std::move(impl)));
}

Result<std::unique_ptr<OutboxStore>> OutboxStore::Open(Database& store, const OutboxStoreOptions& options) {
  auto impl = std::make_unique<Impl>(store, options.full_sync);
  {
    std::lock_guard lock(*impl->mutex_);
    LIASSE_RETURN_IF_ERROR(CreateSchema(*impl, options));
  }
  return std::unique_ptr<OutboxStore>(new OutboxStore(std::move(impl)));
}

Result<int64_t> OutboxStore::Enqueue(const OutboxMessage& m) {
  std::lock_guard lock(*impl_->mutex_);
  // A queued message is the only copy of the décompte's mail: its commit is
  // always fsynced (which also makes every earlier WAL commit durable), even
  // when the state changes are not (see OutboxStoreOptions::full_sync).
  // Inside an envelope's transaction the level cannot change (SQLite
  // refuses); that transaction's commit is fsynced (store::Transaction).
  const bool own_commit = sqlite3_get_autocommit(impl_->db_) != 0;
  const bool raise_sync = own_commit && !impl_->full_sync_;
  if (raise_sync) {
    LIASSE_RETURN_IF_ERROR(impl_->Synchronous(true));
  }
  auto result = [&]() -> Result<int64_t> {
    auto scope = detail::WriteScope::Begin(impl_->db_);
    if (!scope.ok()) return impl_->Error("BEGIN");
    LIASSE_ASSIGN_OR_RETURN(auto id, impl_->EnqueueInTransaction(m));
    LIASSE_RETURN_IF_ERROR(scope->Commit());
    return id;
  }();
  if (raise_sync) {
    if (Status s = impl_->Synchronous(false); !s.ok() && result.ok()) return s;
  }
  return result;
}

Result<int64_t> OutboxStore::RecoverInFlight() {
  std::lock_guard lock(*impl_->mutex_);
  LIASSE_ASSIGN_OR_RETURN(auto stmt, impl_->Prepare(
      "UPDATE outbox SET state = 'queued', next_attempt_ms = 0, "
      "last_reply = 'in flight when a sender stopped; sent again with the same Message-ID' "
      "WHERE state = 'sending'"));
  return impl_->Step(stmt.get(), "recovering messages in flight");
}

Result<bool> OutboxStore::ClaimNextInto(int64_t now_ms, OutboxEntry& entry) {
  std::lock_guard lock(*impl_->mutex_);
  // One statement, so claiming is atomic even with other processes.
  LIASSE_ASSIGN_OR_RETURN(auto stmt, impl_->Prepare(
      "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ("
      "  SELECT id FROM outbox WHERE state IN ('queued', 'retry') AND next_attempt_ms <= ?1"
      "  ORDER BY next_attempt_ms, id LIMIT 1) "
      "RETURNING id, decompte_id, message_id, envelope_from, recipient, attempts"));
  sqlite3_stmt* s = stmt.get();
  sqlite3_bind_int64(s, 1, now_ms);
  const int rc = sqlite3_step(s);
  if (rc == SQLITE_DONE) return false;
  if (rc != SQLITE_ROW) return impl_->Error("claiming a message");
  entry.id = sqlite3_column_int64(s, 0);
  Impl::AssignColumn(s, 1, entry.message.decompte_id);
  Impl::AssignColumn(s, 2, entry.message.message_id);
  Impl::AssignColumn(s, 3, entry.message.envelope_from);
  Impl::AssignColumn(s, 4, entry.message.recipient);
  entry.attempts = sqlite3_column_int(s, 5);
  // Finish the statement so the claim is committed before sending starts.
  if (sqlite3_step(s) != SQLITE_DONE) return impl_->Error("claiming a message");
  LIASSE_RETURN_IF_ERROR(impl_->ReadMime(entry.id, entry.message.mime));
  return true;
}

Status OutboxStore::MarkSent(int64_t id, std::string_view reply) { return impl_->Settle(id, "sent", 0, reply); }

Status OutboxStore::MarkRetry(int64_t id, int64_t next_attempt_ms, std::string_view reply) {
  return impl_->Settle(id, "retry", next_attempt_ms, reply);
}

Status OutboxStore::MarkFailed(int64_t id, std::string_view reply) { return impl_->Settle(id, "failed", 0, reply); }

Result<OutboxCounts> OutboxStore::Counts() {
  std::lock_guard lock(*impl_->mutex_);
  LIASSE_ASSIGN_OR_RETURN(auto stmt, impl_->Prepare("SELECT state, count(*) FROM outbox GROUP BY state"));
  OutboxCounts counts;
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    const auto state = OutboxStateFromName(Impl::ColumnText(stmt.get(), 0));
    const int64_t n = sqlite3_column_int64(stmt.get(), 1);
    if (!state) return Status::Corrupt(impl_->path_ + ": unknown outbox state");
    switch (*state) {
      case OutboxState::kQueued: counts.queued = n; break;
      case OutboxState::kSending: counts.sending = n; break;
      case OutboxState::kSent: counts.sent = n; break;
      case OutboxState::kRetry: counts.retry = n; break;
      case OutboxState::kFailed: counts.failed = n; break;
    }
  }
  if (rc != SQLITE_DONE) return impl_->Error("counting messages");
  return counts;
}

Result<std::vector<OutboxRow>> OutboxStore::List(std::optional<OutboxState> state) {
  std::lock_guard lock(*impl_->mutex_);
  LIASSE_ASSIGN_OR_RETURN(auto stmt, impl_->Prepare(
      "SELECT id, decompte_id, message_id, recipient, state, attempts, next_attempt_ms, last_reply FROM outbox "
      "WHERE ?1 IS NULL OR state = ?1 ORDER BY id"));
  sqlite3_stmt* s = stmt.get();
  if (state) impl_->BindText(s, 1, OutboxStateName(*state));
  std::vector<OutboxRow> rows;
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    OutboxRow row;
    row.id = sqlite3_column_int64(s, 0);
    row.decompte_id = Impl::ColumnText(s, 1);
    row.message_id = Impl::ColumnText(s, 2);
    row.recipient = Impl::ColumnText(s, 3);
    const auto parsed = OutboxStateFromName(Impl::ColumnText(s, 4));
    if (!parsed) return Status::Corrupt(impl_->path_ + ": unknown outbox state in message " + std::to_string(row.id));
    row.state = *parsed;
    row.attempts = sqlite3_column_int(s, 5);
    row.next_attempt_ms = sqlite3_column_int64(s, 6);
    row.last_reply = Impl::ColumnText(s, 7);
    rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) return impl_->Error("listing messages");
  return rows;
}

}  // namespace liasse::store
