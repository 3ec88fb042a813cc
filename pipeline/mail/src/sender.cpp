#include "liasse/mail/sender.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <mutex>
#include <random>
#include <thread>

namespace liasse::mail {

int64_t RetryDelayMs(const RetryPolicy& policy, int attempts, double random) {
  const int doublings = std::clamp(attempts - 1, 0, 40);
  int64_t delay = policy.base_delay_ms;
  for (int i = 0; i < doublings && delay < policy.max_delay_ms; ++i) delay *= 2;
  delay = std::min(delay, policy.max_delay_ms);
  // Jitter spreads the retries of a batch that failed together, so they do
  // not all hit the server again at the same second.
  const double spread = static_cast<double>(policy.jitter_percent) / 100.0 * (2.0 * random - 1.0);
  const auto jittered = static_cast<int64_t>(std::llround(static_cast<double>(delay) * (1.0 + spread)));
  return std::max<int64_t>(0, jittered);
}

namespace {

class Run {
 public:
  Run(Outbox& outbox, const SmtpOptions& smtp, const SendOptions& options)
      : outbox_(outbox), smtp_(smtp), options_(options) {
    rng_.seed(options_.seed != 0 ? options_.seed : static_cast<uint64_t>(options_.clock->NowUnixMs()));
  }

  void Worker() {
    std::unique_ptr<SmtpConnection> connection;
    int session_failures = 0;
    OutboxEntry entry;  // reused: its 150 KB buffer is allocated once per connection
    while (!stop_.load()) {
      if (options_.limit > 0 && claimed_.fetch_add(1) >= options_.limit) break;
      auto claimed = outbox_.ClaimNextInto(options_.clock->NowUnixMs(), entry);
      if (!claimed.ok()) return Fatal(claimed.status());
      if (!*claimed) break;

      if (!connection) {
        auto opened = SmtpConnection::Open(smtp_);
        if (!opened.ok()) {
          // The server is not taking mail now: this message waits, and this
          // connection stops rather than charge an attempt to every message.
          if (!Settle(entry, {SmtpOutcome::Kind::kTransient, opened.status().message(), false})) return;
          Note("connexion impossible : " + opened.status().message());
          return;
        }
        connection = std::move(opened).value();
      }
      const SmtpOutcome outcome =
          connection->Send(entry.message.envelope_from, entry.message.recipient, entry.message.mime);
      if (!Settle(entry, outcome)) return;
      if (!outcome.connection_alive) {
        connection.reset();
        if (++session_failures >= options_.max_session_failures) {
          Note("abandon après " + std::to_string(session_failures) + " sessions perdues : " + outcome.reply);
          return;
        }
      } else if (outcome.kind == SmtpOutcome::Kind::kDelivered) {
        session_failures = 0;
      }
    }
    if (connection) connection->Quit();
  }

  Result<SendReport> Finish() {
    std::lock_guard lock(mutex_);
    if (!fatal_.ok()) return fatal_;
    return report_;
  }

  void SetRecovered(int64_t n) { report_.recovered = n; }

 private:
  // Records the outcome in the outbox; false when the outbox failed.
  bool Settle(const OutboxEntry& entry, const SmtpOutcome& outcome) {
    Status s;
    switch (outcome.kind) {
      case SmtpOutcome::Kind::kDelivered:
        s = outbox_.MarkSent(entry.id, outcome.reply);
        Count(&SendReport::sent);
        break;
      case SmtpOutcome::Kind::kPermanent:
        s = outbox_.MarkFailed(entry.id, outcome.reply);
        Count(&SendReport::failed);
        break;
      case SmtpOutcome::Kind::kTransient:
        if (entry.attempts >= options_.retry.max_attempts) {
          s = outbox_.MarkFailed(entry.id, "retries exhausted after " + std::to_string(entry.attempts) +
                                               " attempts: " + outcome.reply);
          Count(&SendReport::failed);
        } else {
          s = outbox_.MarkRetry(entry.id, options_.clock->NowUnixMs() + RetryDelayMs(options_.retry, entry.attempts, Random()),
                                outcome.reply);
          Count(&SendReport::retry);
        }
        break;
    }
    if (!s.ok()) {
      Fatal(s);
      return false;
    }
    return true;
  }

  double Random() {
    std::lock_guard lock(mutex_);
    return std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
  }

  void Count(int64_t SendReport::*field) {
    std::lock_guard lock(mutex_);
    ++(report_.*field);
  }

  void Note(std::string line) {
    std::lock_guard lock(mutex_);
    report_.errors.push_back(std::move(line));
  }

  void Fatal(const Status& status) {
    std::lock_guard lock(mutex_);
    if (fatal_.ok()) fatal_ = status;
    stop_.store(true);
  }

  Outbox& outbox_;
  const SmtpOptions& smtp_;
  SendOptions options_;
  std::mutex mutex_;
  std::mt19937_64 rng_;
  SendReport report_;
  Status fatal_;
  std::atomic<bool> stop_{false};
  std::atomic<int64_t> claimed_{0};
};

}  // namespace

Result<SendReport> SendPending(Outbox& outbox, const SmtpOptions& smtp, const SendOptions& options) {
  LIASSE_ASSIGN_OR_RETURN(auto recovered, outbox.RecoverInFlight());
  Run run(outbox, smtp, options);
  run.SetRecovered(recovered);
  const int n = std::max(1, options.connections);
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) threads.emplace_back([&run] { run.Worker(); });
  for (auto& t : threads) t.join();
  return run.Finish();
}

}  // namespace liasse::mail
