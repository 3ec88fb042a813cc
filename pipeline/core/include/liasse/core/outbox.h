// The outbox the mail sender works from: messages persisted before they are
// sent, and the states they go through. The mail module defines this
// interface; the store implements it (liasse/store/outbox_store.h), so mail
// does not depend on a database.
//
//   queued ──► sending ──► sent
//                 │ ──────► retry (4xx, network error, timeout) ──► sending …
//                 └───────► failed (5xx, or retries exhausted; with the reply)
//
// A message is claimed (state `sending`) before its first byte is written and
// marked `sent` only after the server accepted the end of DATA. After a crash
// the rows left in `sending` are put back in the queue: a duplicate can only
// be such a message, and it carries the same Message-ID.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/status.h"

namespace liasse {

enum class OutboxState { kQueued, kSending, kSent, kRetry, kFailed };

// "queued", "sending", "sent", "retry", "failed".
std::string_view OutboxStateName(OutboxState state);
// The state named `name`; nullopt for an unknown name.
std::optional<OutboxState> OutboxStateFromName(std::string_view name);

// What is queued: the exact bytes to send and their envelope.
struct OutboxMessage {
  std::string decompte_id;  // unique: enqueuing the same décompte twice keeps the first
  std::string message_id;   // "<…@…>", the Message-ID header inside `mime`
  std::string envelope_from;
  std::string recipient;
  std::string mime;  // the complete message, CRLF line ends
  // Whether the message carries health data (a décompte, a letter about the
  // member's claims). Such a message is refused for an address the store
  // holds as unproven (see Store::EmailStateOf); only a message without
  // health data (the confirmation of a new address) may go there.
  bool health_data = true;
};

// A message claimed for sending.
struct OutboxEntry {
  int64_t id = 0;
  OutboxMessage message;
  int attempts = 0;  // including the one now starting
};

// A message's state, for `liasse mail status` and the tests.
struct OutboxRow {
  int64_t id = 0;
  std::string decompte_id;
  std::string message_id;
  std::string recipient;
  OutboxState state = OutboxState::kQueued;
  int attempts = 0;
  int64_t next_attempt_ms = 0;  // unix ms; meaningful in state retry
  std::string last_reply;       // the server's last reply, or the network error
};

struct OutboxCounts {
  int64_t queued = 0;
  int64_t sending = 0;
  int64_t sent = 0;
  int64_t retry = 0;
  int64_t failed = 0;
  int64_t total() const { return queued + sending + sent + retry + failed; }
};

// Persistent outbox. Implementations are thread-safe: the sender calls them
// from one thread per SMTP connection. Every method returns a non-ok Status
// (kIoError, kCorrupt) when the storage fails; the sender then stops.
class Outbox {
 public:
  virtual ~Outbox() = default;

  // Persists a message in state queued, durably before returning. Returns
  // its id; when the décompte is already in the outbox, returns the existing
  // id and changes nothing. Fails with kFailedPrecondition, queuing nothing,
  // when the message carries health data and its recipient is an address
  // not yet confirmed.
  virtual Result<int64_t> Enqueue(const OutboxMessage& message) = 0;

  // Puts every message left in `sending` (a sender that crashed) back in
  // state queued. Returns how many. Call once before sending, with no other
  // sender running on the same outbox.
  virtual Result<int64_t> RecoverInFlight() = 0;

  // Claims the oldest message that is queued, or in retry with a next
  // attempt at or before `now_ms`: moves it to `sending`, counts one more
  // attempt, and returns it. nullopt when there is none.
  Result<std::optional<OutboxEntry>> ClaimNext(int64_t now_ms);

  // ClaimNext into `entry`, reusing its buffers: a sender claiming message
  // after message then reads each 150 KB message without a fresh allocation
  // (whose page faults cost more CPU than the sending). Returns false, and
  // leaves `entry` unspecified, when there is none.
  virtual Result<bool> ClaimNextInto(int64_t now_ms, OutboxEntry& entry) = 0;

  // sending → sent, keeping the server's reply.
  virtual Status MarkSent(int64_t id, std::string_view reply) = 0;
  // sending → retry, to be claimed again at or after `next_attempt_ms`.
  virtual Status MarkRetry(int64_t id, int64_t next_attempt_ms, std::string_view reply) = 0;
  // sending → failed for good, with the reply that made it fail.
  virtual Status MarkFailed(int64_t id, std::string_view reply) = 0;

  virtual Result<OutboxCounts> Counts() = 0;
  // Every message (without its bytes), by id; `state` filters when given.
  virtual Result<std::vector<OutboxRow>> List(std::optional<OutboxState> state) = 0;
};

}  // namespace liasse
