// The date of receipt of an envelope: given, else the day its scan was
// written, as the clock's local date, else today.
#include <gtest/gtest.h>

#include "envelope_chain.h"
#include "fixed_time.h"

namespace liasse::runner {
namespace {

Date D(int y, int m, int d) { return Date::FromYmd(y, m, d).value(); }

TEST(ReceptionDate, IsTheDayTheScanWasWritten) {
  test_support::FixedTime fixed(D(2025, 1, 15), D(2026, 11, 23));
  ProcessOptions options;
  options.clock = &fixed.clock;
  options.env = &fixed.env;
  EXPECT_EQ(ReceptionDate(options, "lot_01.tiff"), D(2025, 1, 15));
}

TEST(ReceptionDate, GivenDateWinsOverTheScanDate) {
  test_support::FixedTime fixed(D(2025, 1, 15), D(2026, 11, 23));
  ProcessOptions options;
  options.clock = &fixed.clock;
  options.env = &fixed.env;
  options.date_reception = D(2024, 12, 2);
  EXPECT_EQ(ReceptionDate(options, "lot_01.tiff"), D(2024, 12, 2));
}

TEST(ReceptionDate, IsTodayByTheClockWhenTheFileHasNoDate) {
  FixedClock clock = FixedClock::At(D(2026, 11, 23), 10);
  ProcessOptions options;
  options.clock = &clock;
  options.env = Env::Default();  // the file does not exist: no modification time
  EXPECT_EQ(ReceptionDate(options, "/nonexistent/liasse/lot_01.tiff"), D(2026, 11, 23));
}

}  // namespace
}  // namespace liasse::runner
