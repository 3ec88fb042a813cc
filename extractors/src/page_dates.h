// The dates printed on some rows of a page, found by their shape whatever
// the label beside them: "08/02/2024", "08.02.2024", "8 février 2024" and,
// for documents that are recent by nature, "18/09/25". Internal.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "liasse/core/date.h"
#include "page_view.h"

namespace liasse::extractors::internal {

// A date read on the page and the words it was read from.
struct DateOnPage {
  Date date;
  std::vector<int> words;
  bool repaired = false;  // confusable letters read as digits, a lost zero
};

// Every date on `rows` of `v`, left to right and top to bottom: one word
// with its separators, two when the OCR cut the year apart ("08/04/2 024",
// marked repaired), or three ("8 février 2024"). With
// `two_digit_years_are_recent`, "dd/mm/yy" (or with dots or dashes) is
// also a date of the 21st century: say so only for dates that cannot be
// old (a prescription's, a lot's), never for a birth date.
std::vector<DateOnPage> DatesInRows(const PageView& v, const std::vector<size_t>& rows, bool two_digit_years_are_recent);

// The newest of `dates` that another of them confirms (one standing
// within five years of it): a year the OCR misread into the future
// ("4/10/2073" among dates of 2023) is not the page's newest. With no
// date confirmed so (a birth date and one date of care), the newest of
// all; nullopt without dates.
std::optional<Date> NewestConfirmedDate(const std::vector<DateOnPage>& dates);

// The first row of `v` holding both a date and an amount with its cents
// ("12/01/2024 … 12,60"): an act's row, where the rows of the form's
// identification end even when the act table's header is in no wording.
// The number of rows when there is none.
size_t FirstDatedAmountRow(const PageView& v);

}  // namespace liasse::extractors::internal
