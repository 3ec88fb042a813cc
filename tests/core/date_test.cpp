#include "liasse/core/date.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

#include "testing/status_matchers.h"

namespace liasse {
namespace {
using ::liasse::test_support::StatusIs;
using ::testing::HasSubstr;

Date D(int y, int m, int d) { return Date::FromYmd(y, m, d).value(); }

std::string ParseIso(std::string_view text) {
  auto d = Date::Parse(text);
  EXPECT_TRUE(d.ok()) << text << " -> " << d.status().ToString();
  return d.ok() ? d->ToIso() : "";
}

TEST(Date, ParsesTheFormsOfFrenchDocuments) {
  EXPECT_EQ(ParseIso("05/09/2025"), "2025-09-05");
  EXPECT_EQ(ParseIso("5/9/25"), "2025-09-05");
  EXPECT_EQ(ParseIso("05.09.2025"), "2025-09-05");
  EXPECT_EQ(ParseIso("05-09-2025"), "2025-09-05");
  EXPECT_EQ(ParseIso("5 septembre 2025"), "2025-09-05");
  EXPECT_EQ(ParseIso("1er mars 2024"), "2024-03-01");
  EXPECT_EQ(ParseIso("2025-09-05"), "2025-09-05");
  EXPECT_EQ(ParseIso("15 août 2024"), "2024-08-15");
  EXPECT_EQ(ParseIso("3 Décembre 2023"), "2023-12-03");
  EXPECT_EQ(ParseIso("lundi 6 janvier 2025"), "2025-01-06");
  EXPECT_EQ(ParseIso("12 févr. 2025"), "2025-02-12");
  EXPECT_EQ(ParseIso("12/07/85"), "1985-07-12");
}

TEST(Date, RejectsImpossibleDatesWithTheReason) {
  const std::pair<const char*, const char*> cases[] = {
      {"31/02/2025", "jour 31 impossible en 2/2025"},
      {"29/02/2025", "jour 29 impossible en 2/2025"},
      {"00/01/2025", "jour 0 impossible en 1/2025"},
      {"12/13/2025", "mois 13 impossible"},
      {"32/01/2025", "jour 32 impossible en 1/2025"},
      {"5 brumaire 2025", "date illisible « 5 brumaire 2025 »"},
      {"", "date vide"},
      {"2025", "date illisible « 2025 »"},
      {"05/09", "date illisible « 05/09 »"},
      {"05/09/202", "« 05/09/202 » : année sur 2 ou 4 chiffres attendue"},
      {"aa/bb/cccc", "date illisible « aa/bb/cccc »"},
      {"1er 2024", "date illisible « 1er 2024 »"},
  };
  for (const auto& [bad, reason] : cases) {
    EXPECT_THAT(Date::Parse(bad), StatusIs(StatusCode::kInvalidArgument, HasSubstr(reason))) << bad;
  }
  EXPECT_TRUE(Date::Parse("29/02/2024").ok());
  EXPECT_THAT(Date::Parse("31/04/2025"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("jour 31 impossible en 4/2025")));
}

TEST(Date, SerialRoundTripsAndWeekdays) {
  for (int64_t s = -30000; s < 90000; s += 7) EXPECT_EQ(Date::FromSerial(s).ToSerial(), s);
  EXPECT_EQ(D(1970, 1, 1).ToSerial(), 0);
  EXPECT_EQ(D(2025, 9, 5).weekday(), Weekday::kFriday);
  EXPECT_EQ(D(2026, 11, 23).weekday(), Weekday::kMonday);
  EXPECT_EQ(D(2024, 2, 28).AddDays(1), D(2024, 2, 29));
  EXPECT_EQ(D(2024, 1, 31).AddMonths(1), D(2024, 2, 29));
  EXPECT_EQ(D(2025, 12, 15).AddMonths(2), D(2026, 2, 15));
  EXPECT_EQ(D(2025, 1, 1).DaysUntil(D(2025, 12, 31)), 364);
  EXPECT_EQ(D(2024, 3, 1).ToFrenchLong(), "1er mars 2024");
  EXPECT_EQ(D(2025, 8, 15).ToFrench(), "15/08/2025");
}

TEST(Date, EasterMatchesPublishedDates) {
  EXPECT_EQ(EasterSunday(2024), D(2024, 3, 31));
  EXPECT_EQ(EasterSunday(2025), D(2025, 4, 20));
  EXPECT_EQ(EasterSunday(2026), D(2026, 4, 5));
  EXPECT_EQ(EasterSunday(2019), D(2019, 4, 21));
}

// French public holidays 2024–2026 written out by hand from the calendar.
std::set<Date> HandMadeHolidays() {
  return {D(2024, 1, 1), D(2024, 4, 1), D(2024, 5, 1), D(2024, 5, 8), D(2024, 5, 9), D(2024, 5, 20),
          D(2024, 7, 14), D(2024, 8, 15), D(2024, 11, 1), D(2024, 11, 11), D(2024, 12, 25),
          D(2025, 1, 1), D(2025, 4, 21), D(2025, 5, 1), D(2025, 5, 8), D(2025, 5, 29), D(2025, 6, 9),
          D(2025, 7, 14), D(2025, 8, 15), D(2025, 11, 1), D(2025, 11, 11), D(2025, 12, 25),
          D(2026, 1, 1), D(2026, 4, 6), D(2026, 5, 1), D(2026, 5, 8), D(2026, 5, 14), D(2026, 5, 25),
          D(2026, 7, 14), D(2026, 8, 15), D(2026, 11, 1), D(2026, 11, 11), D(2026, 12, 25)};
}

TEST(Date, PublicHolidaysMatchAHandMadeCalendar2024To2026) {
  const auto holidays = HandMadeHolidays();
  int working[3] = {0, 0, 0};
  for (Date d = D(2024, 1, 1); d <= D(2026, 12, 31); d = d.AddDays(1)) {
    EXPECT_EQ(d.IsFrenchPublicHoliday(), holidays.count(d) == 1) << d.ToIso();
    if (d.IsWorkingDay()) ++working[d.year() - 2024];
  }
  EXPECT_EQ(working[0], 252);
  EXPECT_EQ(working[1], 251);
  EXPECT_EQ(working[2], 252);
}

TEST(Date, WorkingDayArithmeticMatchesANaiveWalk) {
  const auto holidays = HandMadeHolidays();
  const auto is_working = [&](Date d) {
    return d.weekday() != Weekday::kSaturday && d.weekday() != Weekday::kSunday && holidays.count(d) == 0;
  };
  for (Date start = D(2024, 1, 1); start <= D(2026, 11, 30); start = start.AddDays(3)) {
    for (int n : {0, 1, 5, 10, 20}) {
      Date expected = start;
      for (int added = 0; added < n;) {
        expected = expected.AddDays(1);
        if (is_working(expected)) ++added;
      }
      EXPECT_EQ(start.AddWorkingDays(n), expected) << start.ToIso() << " + " << n;
    }
  }
  // Concrete edges: 10 working days after Friday 2025-05-02 skip the 8 May holiday.
  EXPECT_EQ(D(2025, 5, 2).AddWorkingDays(10), D(2025, 5, 19));
  EXPECT_EQ(D(2025, 5, 3).NextWorkingDayOnOrAfter(), D(2025, 5, 5));
  EXPECT_EQ(D(2025, 12, 25).NextWorkingDayOnOrAfter(), D(2025, 12, 26));
  EXPECT_EQ(D(2026, 5, 24).NextWorkingDayOnOrAfter(), D(2026, 5, 26));
}

TEST(Date, AgeAtADate) {
  const Date birth = D(2008, 3, 15);
  EXPECT_EQ(birth.AgeOn(D(2026, 3, 14)), 17);
  EXPECT_EQ(birth.AgeOn(D(2026, 3, 15)), 18);
  EXPECT_EQ(D(2000, 2, 29).AgeOn(D(2001, 2, 28)), 0);
  EXPECT_EQ(D(2000, 2, 29).AgeOn(D(2001, 3, 1)), 1);
}

}  // namespace
}  // namespace liasse
