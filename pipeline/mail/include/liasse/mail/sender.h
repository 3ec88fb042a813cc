// Sending what is in the outbox: a bounded number of parallel SMTP
// connections, each taking messages one by one from the outbox, and the
// retry policy (exponential backoff with jitter) for temporary failures.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "liasse/core/clock.h"
#include "liasse/core/outbox.h"
#include "liasse/core/status.h"
#include "liasse/mail/smtp.h"

namespace liasse::mail {

struct RetryPolicy {
  int64_t base_delay_ms = 60'000;       // delay after the first failed attempt
  int64_t max_delay_ms = 6 * 3'600'000; // the delay doubles up to this
  int max_attempts = 10;                // after this many, a temporary failure is final
  int jitter_percent = 20;              // the delay is drawn in ±20 % of its value
};

// Delay before the next attempt after `attempts` attempts (1-based):
// base·2^(attempts-1), capped by max_delay_ms, then spread by the jitter
// using `random` (a uniform value in [0, 1)). Never negative.
int64_t RetryDelayMs(const RetryPolicy& policy, int attempts, double random);

struct SendOptions {
  int connections = 1;  // parallel SMTP sessions, at least 1
  int64_t limit = 0;    // at most this many messages claimed; 0: no limit
  int max_session_failures = 3;  // a connection gives up after this many
                                 // sessions in a row lost a message
  RetryPolicy retry;
  const Clock* clock = &SystemClock();  // borrowed: when a message is due
  uint64_t seed = 0;                     // jitter seed; 0: from the clock
};

struct SendReport {
  int64_t recovered = 0;  // messages found in `sending` (a crash) and re-queued
  int64_t sent = 0;
  int64_t retry = 0;
  int64_t failed = 0;
  std::vector<std::string> errors;  // one line per connection that gave up
};

// Recovers messages left in flight, then sends every ready message (up to
// options.limit) over up to options.connections parallel sessions. Each
// message is claimed in the outbox before it is sent and settled after the
// server's answer: sent; retry on 4xx, network error or timeout (failed once
// retries are exhausted); failed on 5xx. When a connection cannot be opened
// the message it claimed goes to retry and that connection stops; the
// others go on. Returns the counts; fails only when the outbox itself fails.
// Blocks until done; one SendPending at a time per outbox.
Result<SendReport> SendPending(Outbox& outbox, const SmtpOptions& smtp, const SendOptions& options);

}  // namespace liasse::mail
