#include "liasse/core/date.h"

#include <array>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "liasse/core/french.h"
#include "liasse/core/text.h"

namespace liasse {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {
    "janvier", "fevrier", "mars", "avril", "mai", "juin",
    "juillet", "aout", "septembre", "octobre", "novembre", "decembre"};
constexpr std::array<std::string_view, 12> kMonthNamesAccented = {
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre"};

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

Result<int> ParseInt(std::string_view s) {
  int value = 0;
  const auto* end = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), end, value);
  if (s.empty() || ec != std::errc() || ptr != end) {
    return Status::InvalidArgument("nombre attendu, lu « " + std::string(s) + " »");
  }
  return value;
}

int ExpandYear(int year, std::size_t digits, int pivot) {
  if (digits != 2) return year;
  return year <= pivot ? 2000 + year : 1900 + year;
}

std::vector<std::string> Tokens(std::string_view s, std::string_view separators) {
  std::vector<std::string> out;
  std::string current;
  for (char c : s) {
    if (separators.find(c) != std::string_view::npos) {
      if (!current.empty()) out.push_back(current);
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

// Month number from a French name or common abbreviation ("sept.", "févr").
int MonthFromName(std::string_view folded) {
  while (!folded.empty() && folded.back() == '.') folded.remove_suffix(1);
  if (folded.size() < 3) return 0;
  for (std::size_t i = 0; i < kMonthNames.size(); ++i) {
    const std::string_view name = kMonthNames[i];
    if (folded == name) return static_cast<int>(i) + 1;
    // Abbreviations: a prefix of at least 3 letters; "jui" is juin or juillet.
    if (folded.size() >= 3 && name.substr(0, folded.size()) == folded && folded != "jui") {
      return static_cast<int>(i) + 1;
    }
  }
  if (folded == "juil") return 7;
  return 0;
}

Result<Date> ParseLongForm(const std::vector<std::string>& tokens, std::string_view original, int pivot) {
  // "5 septembre 2025", "1er mars 2024", "lundi 5 septembre 2025".
  std::size_t i = 0;
  if (tokens.size() == 4) i = 1;  // weekday name first
  if (tokens.size() - i != 3) return Status::InvalidArgument("date illisible « " + std::string(original) + " »");
  std::string day_text = tokens[i];
  if (day_text == "1er") day_text = "1";
  auto day = ParseInt(day_text);
  const int month = MonthFromName(tokens[i + 1]);
  auto year = ParseInt(tokens[i + 2]);
  if (!day.ok() || month == 0 || !year.ok()) {
    return Status::InvalidArgument("date illisible « " + std::string(original) + " »");
  }
  return Date::FromYmd(ExpandYear(*year, tokens[i + 2].size(), pivot), month, *day);
}

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeap(year)) return 29;
  return kDays[static_cast<std::size_t>(month - 1)];
}

Result<Date> Date::FromYmd(int year, int month, int day) {
  if (year < 1900 || year > 2199) {
    return Status::InvalidArgument("année " + std::to_string(year) + " hors de la plage 1900–2199");
  }
  if (month < 1 || month > 12) return Status::InvalidArgument("mois " + std::to_string(month) + " impossible");
  if (day < 1 || day > DaysInMonth(year, month)) {
    return Status::InvalidArgument("jour " + std::to_string(day) + " impossible en " + std::to_string(month) + "/" +
                                   std::to_string(year));
  }
  return Date(year, month, day);
}

Result<Date> Date::Parse(std::string_view raw, int pivot) {
  const std::string normalized = text::FoldFrench(text::NormalizeSpaces(text::Trim(raw)));
  const std::string_view s = text::Trim(normalized);
  if (s.empty()) return Status::InvalidArgument("date vide");
  const std::string original(text::Trim(raw));

  const bool has_letters = s.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string_view::npos;
  if (has_letters) return ParseLongForm(Tokens(s, " ,"), original, pivot);

  const auto parts = Tokens(s, "/.- ");
  if (parts.size() != 3) return Status::InvalidArgument("date illisible « " + original + " »");
  auto a = ParseInt(parts[0]);
  auto b = ParseInt(parts[1]);
  auto c = ParseInt(parts[2]);
  if (!a.ok() || !b.ok() || !c.ok()) return Status::InvalidArgument("date illisible « " + original + " »");
  if (parts[0].size() == 4) {  // ISO year-month-day
    return FromYmd(*a, *b, *c);
  }
  if (parts[2].size() != 4 && parts[2].size() != 2) {
    return Status::InvalidArgument("date illisible « " + original + " » : année sur 2 ou 4 chiffres attendue");
  }
  if (parts[0].size() > 2 || parts[1].size() > 2) return Status::InvalidArgument("date illisible « " + original + " »");
  return FromYmd(ExpandYear(*c, parts[2].size(), pivot), *b, *a);
}

Date Date::FromSerial(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date(static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d));
}

int64_t Date::ToSerial() const {
  return DaysFromCivil(year_, static_cast<unsigned>(month_), static_cast<unsigned>(day_));
}

Weekday Date::weekday() const {
  // 1970-01-01 was a Thursday.
  const int64_t serial = ToSerial();
  const int64_t index = ((serial % 7) + 7 + 3) % 7;
  return static_cast<Weekday>(index);
}

std::string Date::ToIso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year_, month_, day_);
  return buffer;
}

std::string Date::ToFrench() const {
  char buffer[french::kMaxFrenchChars];
  return std::string(buffer, french::WriteDate(buffer, *this));
}

std::string Date::ToFrenchLong() const {
  std::string out = day_ == 1 ? "1er" : std::to_string(day_);
  out += ' ';
  out += kMonthNamesAccented[static_cast<std::size_t>(month_ - 1)];
  out += ' ';
  out += std::to_string(year_);
  return out;
}

Date Date::AddDays(int64_t days) const { return FromSerial(ToSerial() + days); }

Date Date::AddMonths(int months) const {
  const int total = year_ * 12 + (month_ - 1) + months;
  const int year = total / 12;
  const int month = total % 12 + 1;
  const int day = day_ > DaysInMonth(year, month) ? DaysInMonth(year, month) : day_;
  return Date(year, month, day);
}

bool Date::IsWeekend() const {
  const Weekday w = weekday();
  return w == Weekday::kSaturday || w == Weekday::kSunday;
}

bool Date::IsFrenchPublicHoliday() const {
  struct Fixed { int month; int day; };
  static constexpr std::array<Fixed, 8> kFixed = {{{1, 1}, {5, 1}, {5, 8}, {7, 14}, {8, 15}, {11, 1}, {11, 11}, {12, 25}}};
  for (const auto& f : kFixed) {
    if (month_ == f.month && day_ == f.day) return true;
  }
  const int64_t easter = EasterSunday(year_).ToSerial();
  const int64_t serial = ToSerial();
  // Lundi de Pâques (+1), Ascension (+39), Lundi de Pentecôte (+50).
  return serial == easter + 1 || serial == easter + 39 || serial == easter + 50;
}

Date Date::NextWorkingDayOnOrAfter() const {
  Date d = *this;
  while (!d.IsWorkingDay()) d = d.AddDays(1);
  return d;
}

Date Date::AddWorkingDays(int n) const {
  if (n < 0) std::abort();
  Date d = *this;
  for (int added = 0; added < n;) {
    d = d.AddDays(1);
    if (d.IsWorkingDay()) ++added;
  }
  return d;
}

int Date::AgeOn(Date on) const {
  int age = on.year_ - year_;
  if (on.month_ < month_ || (on.month_ == month_ && on.day_ < day_)) --age;
  return age;
}

Date EasterSunday(int year) {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date::FromSerial(DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

}  // namespace liasse
