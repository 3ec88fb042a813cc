#include "liasse/core/clock.h"

#include <ctime>

namespace liasse {
namespace {

class SystemClockImpl final : public Clock {
 public:
  TimePoint Now() const override { return std::chrono::system_clock::now(); }
  Date LocalDate(TimePoint t) const override {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
    std::tm local{};
    localtime_r(&seconds, &local);
    return Date::FromYmd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday).value();
  }
};

}  // namespace

int64_t Clock::NowUnixMs() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Now().time_since_epoch()).count();
}

const Clock& SystemClock() {
  static const SystemClockImpl clock;
  return clock;
}

Date UtcDate(Clock::TimePoint t) {
  return Date::FromSerial(std::chrono::floor<std::chrono::days>(t).time_since_epoch().count());
}

FixedClock FixedClock::At(Date date, int hours, int minutes, int seconds) {
  const TimePoint midnight{std::chrono::days(date.ToSerial())};
  return FixedClock(midnight + std::chrono::hours(hours) + std::chrono::minutes(minutes) +
                    std::chrono::seconds(seconds));
}

Date FixedClock::LocalDate(TimePoint t) const { return UtcDate(t); }

}  // namespace liasse
