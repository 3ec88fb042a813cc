#include "page_dates.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <regex>
#include <string>

#include "normalise.h"

namespace liasse::extractors::internal {

namespace {

// "18/09/25", "18.09.25", "18-09-25": the year of the 21st century.
std::optional<Date> RecentShortDate(const std::string& word) {
  static const std::regex short_date(R"(^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2})$)");
  std::smatch m;
  const std::string t = TrimPunctuation(word);
  if (!std::regex_match(t, m, short_date)) return std::nullopt;
  const auto d = Date::FromYmd(2000 + std::stoi(m[3].str()), std::stoi(m[2].str()), std::stoi(m[1].str()));
  return d.ok() ? std::optional<Date>(d.value()) : std::nullopt;
}

bool DayMonthNameYear(const PageView& v, const std::vector<int>& span) {
  const std::string day = TrimPunctuation(v.words()[static_cast<size_t>(span[0])].text);
  const std::string month = TrimPunctuation(v.words()[static_cast<size_t>(span[1])].text);
  const std::string year = TrimPunctuation(v.words()[static_cast<size_t>(span[2])].text);
  const size_t letters = static_cast<size_t>(std::count_if(month.begin(), month.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80); }));
  // "1er", its 1 read as a letter ("ler", "Ier") as often as not.
  const bool first = day.size() == 3 && day.substr(1) == "er" && std::string("1lIi").find(day[0]) != std::string::npos;
  return ((IsAllDigits(day) && day.size() <= 2) || first) && letters >= 3 && IsAllDigits(year) && year.size() == 4;
}

// "12,60", "2.75", "1 234,56" read as one word: digits, then a comma or a
// dot and two digits.
bool AmountWithCents(const std::string& word) {
  static const std::regex amount(R"(^\d{1,5}[,.]\d{2}$)");
  return std::regex_match(TrimPunctuation(word), amount);
}

// A date glued to a label the OCR read as one word with it ("Faitle:_29/08/2024",
// "le:12/03/2024"): the text after the label's colon or the value's rule,
// when letters stand before it. Empty when the word is no such pair.
std::string AfterGluedLabel(const std::string& word) {
  const size_t cut = word.find_last_of(":_");
  if (cut == std::string::npos || cut == 0 || cut + 1 >= word.size()) return "";
  const std::string head = word.substr(0, cut);
  const bool letters = std::any_of(head.begin(), head.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
  return letters ? word.substr(cut + 1) : "";
}

// A numeric date whose year the OCR cut apart ("08/04/2 024", "01/10/1 940",
// a hand's wide stroke read as a space): the day, the month and the year's
// first digits with both separators, then, at less than a word's height,
// the year's last digits. The two words, glued, when they make a date of
// ten characters; empty otherwise.
std::string DateWithCutYear(const PageView& v, int a, int b) {
  static const std::regex head(R"(^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{1,3}$)");
  const PlacedWord& first = v.words()[static_cast<size_t>(a)];
  const PlacedWord& second = v.words()[static_cast<size_t>(b)];
  const std::string h = TrimPunctuation(first.text), t = TrimPunctuation(second.text);
  if (!std::regex_match(h, head) || !IsAllDigits(t) || second.x0 - first.x1 > v.word_height()) return "";
  const std::string glued = h + t;
  return glued.size() == 10 ? glued : "";
}

}  // namespace

size_t FirstDatedAmountRow(const PageView& v) {
  for (size_t row = 0; row < v.rows().size(); ++row) {
    const auto& ids = v.rows()[row].words;
    const bool amount = std::any_of(ids.begin(), ids.end(), [&](int i) { return AmountWithCents(v.words()[static_cast<size_t>(i)].text); });
    if (amount && !DatesInRows(v, {row}, true).empty()) return row;
  }
  return v.rows().size();
}

std::vector<DateOnPage> DatesInRows(const PageView& v, const std::vector<size_t>& rows, bool two_digit_years_are_recent) {
  std::vector<DateOnPage> out;
  for (size_t row : rows) {
    const auto& ids = v.rows()[row].words;
    for (size_t i = 0; i < ids.size(); ++i) {
      if (two_digit_years_are_recent) {
        if (const auto d = RecentShortDate(v.words()[static_cast<size_t>(ids[i])].text)) {
          out.push_back({*d, {ids[i]}, false});
          continue;
        }
      }
      for (size_t n : {size_t{1}, size_t{2}, size_t{3}}) {
        if (i + n > ids.size()) continue;
        const std::vector<int> span(ids.begin() + static_cast<long>(i), ids.begin() + static_cast<long>(i + n));
        if (n == 2) {
          const std::string cut = DateWithCutYear(v, span[0], span[1]);
          const auto date = cut.empty() ? std::nullopt : ParseDateText(cut);
          if (!date) continue;
          out.push_back({date->value, span, true});
          ++i;
          break;
        }
        const std::string text = v.Join(span);
        // One word: a date has its separators and eight characters or more
        // (a phone number's groups are not a date); three: a day, a
        // month's name, a year of four digits.
        const std::string glued = n == 1 ? AfterGluedLabel(text) : "";
        const std::string value = glued.empty() ? text : glued;
        if (n == 1 && (TrimPunctuation(value).size() < 8 || value.find_first_of("/.-") == std::string::npos)) continue;
        if (n == 3 && !DayMonthNameYear(v, span)) continue;
        const auto date = ParseDateText(value);
        if (!date) continue;
        out.push_back({date->value, span, date->repaired});
        i += n - 1;
        break;
      }
    }
  }
  return out;
}

std::optional<Date> NewestConfirmedDate(const std::vector<DateOnPage>& dates) {
  constexpr int64_t kConfirmingDays = 5 * 365;
  std::optional<Date> newest, confirmed;
  for (size_t i = 0; i < dates.size(); ++i) {
    const Date& d = dates[i].date;
    newest = newest ? std::max(*newest, d) : d;
    for (size_t j = 0; j < dates.size(); ++j) {
      if (j == i || std::abs(d.DaysUntil(dates[j].date)) > kConfirmingDays) continue;
      confirmed = confirmed ? std::max(*confirmed, d) : d;
      break;
    }
  }
  return confirmed ? confirmed : newest;
}

}  // namespace liasse::extractors::internal
