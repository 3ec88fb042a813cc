// The mail outbox in SQLite: the persistent implementation of
// liasse::Outbox (see liasse/core/outbox.h for the states).
//
// Owns its database connection (WAL journal, busy timeout). Its table
// `outbox` is created when missing and its schema version recorded in
// `schema_versions` under component 'outbox'.
//
// Durability. Every method that changes the outbox commits one transaction
// before it returns, so a `kill -9` of the process never loses what a method
// reported done (a WAL commit is in the operating system's hands as soon as
// it is written). Enqueue always fsyncs its commit, so a queued message also
// survives an operating-system crash or a power failure. The state changes
// (ClaimNext, Mark*, RecoverInFlight) are fsynced only with `full_sync`; by
// default (`synchronous = NORMAL`, two fsyncs fewer per message sent) an OS
// crash or power failure can undo the last state changes, never a queued
// message: the messages concerned are then sent again with the same
// Message-ID (more duplicates than the one in flight per connection, never a
// loss). With `full_sync` a power failure has the same effect as a kill -9.
#pragma once

#include <memory>
#include <string>

#include "liasse/core/outbox.h"
#include "liasse/store/database.h"

namespace liasse::store {

struct OutboxStoreOptions {
  int busy_timeout_ms = 5000;  // waiting for another process's lock
  // Fsync every state change too (synchronous = FULL): duplicates after a
  // power failure limited to the messages in flight, at the price of two
  // fsyncs per message (≈ 13 ms each on a loaded virtual disk).
  bool full_sync = false;
};

class OutboxStore final : public Outbox {
 public:
  // Opens (creating when missing) the database file `path` and its outbox
  // table. Fails with kIoError naming the file when it cannot be opened, or
  // kFailedPrecondition when its outbox schema is newer than this program.
  static Result<std::unique_ptr<OutboxStore>> Open(const std::string& path, const OutboxStoreOptions& options = {});
  // The outbox on the store's own connection (borrowed: `store` must outlive
  // it), so a message is queued inside the transaction the envelope opened
  // on it (liasse::store::Transaction) and commits or rolls back with it.
  static Result<std::unique_ptr<OutboxStore>> Open(Database& store, const OutboxStoreOptions& options = {});

  ~OutboxStore() override;
  OutboxStore(const OutboxStore&) = delete;
  OutboxStore& operator=(const OutboxStore&) = delete;

  // Outbox. Thread-safe (one internal mutex); several processes may
  // share the file, but only one may send at a time (see RecoverInFlight).
  Result<int64_t> Enqueue(const OutboxMessage& message) override;
  Result<int64_t> RecoverInFlight() override;
  Result<bool> ClaimNextInto(int64_t now_ms, OutboxEntry& entry) override;
  Status MarkSent(int64_t id, std::string_view reply) override;
  Status MarkRetry(int64_t id, int64_t next_attempt_ms, std::string_view reply) override;
  Status MarkFailed(int64_t id, std::string_view reply) override;
  Result<OutboxCounts> Counts() override;
  Result<std::vector<OutboxRow>> List(std::optional<OutboxState> state) override;

  // The outbox schema version this program writes.
  static constexpr int kSchemaVersion = 1;

  class Impl;

 private:
  explicit OutboxStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace liasse::store
