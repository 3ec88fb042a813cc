// Fixed time for the runner tests: a clock that stands still and a file
// system whose files were all written (scanned) at one instant, so a result
// does not depend on the day the test runs or when the checkout was made.
// Header-only, test code only.
#pragma once

#include "liasse/core/clock.h"
#include "liasse/core/env.h"

namespace liasse::test_support {

// The local file system, except that every file's modification time is
// `scanned`.
class FixedScanTimeEnv : public EnvWrapper {
 public:
  explicit FixedScanTimeEnv(Clock::TimePoint scanned) : EnvWrapper(Env::Default()), scanned_(scanned) {}
  Result<Clock::TimePoint> ModificationTime(const std::filesystem::path&) override { return scanned_; }

 private:
  Clock::TimePoint scanned_;
};

// A clock at `today` 10:00 UTC and envelopes scanned on `scanned` 09:00 UTC.
struct FixedTime {
  FixedTime(Date scanned, Date today)
      : clock(FixedClock::At(today, 10)), env(FixedClock::At(scanned, 9).Now()) {}
  FixedClock clock;
  FixedScanTimeEnv env;
};

}  // namespace liasse::test_support
