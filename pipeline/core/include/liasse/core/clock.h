// The time as libraries see it. A library that needs "now" (the date of a
// letter, a log line's timestamp, when a mail may be retried) asks the Clock
// it was given instead of the system, so the CLI gives the real one and a
// test or a reprocessing run gives a fixed one: the same input and the same
// clock give the same output.
#pragma once

#include <chrono>
#include <cstdint>

#include "liasse/core/date.h"

namespace liasse {

class Clock {
 public:
  using TimePoint = std::chrono::system_clock::time_point;

  virtual ~Clock() = default;

  // The current instant.
  virtual TimePoint Now() const = 0;
  // The calendar date of `t` where the operator works (the system clock: the
  // machine's time zone).
  virtual Date LocalDate(TimePoint t) const = 0;

  // LocalDate(Now()).
  Date Today() const { return LocalDate(Now()); }
  // Now() in milliseconds since 1970-01-01 UTC.
  int64_t NowUnixMs() const;
};

// The machine's clock and time zone. Lives as long as the program.
const Clock& SystemClock();

// A clock that stands still at the instant it is given (and moves only when
// told), whose local time is UTC. For tests and for runs that must not
// depend on the day they run.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(TimePoint now) : now_(now) {}
  // `date` at hh:mm:ss UTC.
  static FixedClock At(Date date, int hours = 0, int minutes = 0, int seconds = 0);

  TimePoint Now() const override { return now_; }
  Date LocalDate(TimePoint t) const override;

  void Set(TimePoint now) { now_ = now; }
  void Advance(std::chrono::milliseconds by) { now_ += by; }

 private:
  TimePoint now_;
};

// The UTC calendar date of `t`.
Date UtcDate(Clock::TimePoint t);

}  // namespace liasse
