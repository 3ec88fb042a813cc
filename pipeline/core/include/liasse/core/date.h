// Date: a civil (proleptic Gregorian) calendar date, no time zone. Parses the
// forms found on French claim documents and does working-day arithmetic with
// French public holidays (metropolitan list; Alsace-Moselle extras excluded).
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "liasse/core/status.h"

namespace liasse {

enum class Weekday { kMonday = 0, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };

class Date {
 public:
  // Fails with the reason on an impossible date (31/02, month 13, year < 1900
  // or > 2199).
  static Result<Date> FromYmd(int year, int month, int day);

  // Parses "05/09/2025", "5/9/25", "05.09.2025", "05-09-2025",
  // "5 septembre 2025", "1er mars 2024", "2025-09-05" (ISO). A two-digit year
  // yy means 20yy when yy <= `two_digit_pivot`, else 19yy.
  static Result<Date> Parse(std::string_view text, int two_digit_pivot = 50);

  // Days since 1970-01-01 (negative before); the inverse of ToSerial().
  static Date FromSerial(int64_t days);
  int64_t ToSerial() const;

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }
  Weekday weekday() const;

  std::string ToIso() const;     // "2025-09-05"
  std::string ToFrench() const;  // "05/09/2025"
  std::string ToFrenchLong() const;  // "5 septembre 2025", "1er mars 2024"

  Date AddDays(int64_t days) const;
  // The same day `months` later, clamped to the month's last day.
  Date AddMonths(int months) const;
  // Days from this date to `other` (positive when other is later).
  int64_t DaysUntil(Date other) const { return other.ToSerial() - ToSerial(); }

  bool IsWeekend() const;
  bool IsFrenchPublicHoliday() const;
  bool IsWorkingDay() const { return !IsWeekend() && !IsFrenchPublicHoliday(); }
  // This date if it is a working day, else the next working day.
  Date NextWorkingDayOnOrAfter() const;
  // Moves `n` >= 0 working days forward: the n-th working day after this date.
  Date AddWorkingDays(int n) const;

  // Completed years of age on `on` for someone born on this date.
  int AgeOn(Date on) const;

  friend constexpr auto operator<=>(const Date&, const Date&) = default;

 private:
  Date(int year, int month, int day) : year_(year), month_(month), day_(day) {}
  int year_;
  int month_;
  int day_;
};

// Easter Sunday of `year` (Gregorian computus).
Date EasterSunday(int year);

// Number of days in `month` of `year`.
int DaysInMonth(int year, int month);

}  // namespace liasse
