#include "care_dates.h"

#include <algorithm>
#include <optional>
#include <string>

#include "liasse/core/date.h"
#include "liasse/core/fields.h"
#include "validate.h"

namespace liasse::extractors::internal {

namespace {

// The newest date of the document's lines (acts, care), if any.
std::optional<Date> NewestCareDate(const Document& doc) {
  std::optional<Date> newest;
  for (const Line& line : doc.lines) {
    for (const char* column : {fields::kDate, fields::kDateSoins}) {
      if (const auto d = StoredDate(line.Find(column))) newest = newest ? std::max(*newest, *d) : *d;
    }
  }
  return newest;
}

}  // namespace

void FlagDatesLongBeforeTheCare(Document& doc, const FormSpec* form) {
  if (form == nullptr) return;
  const auto newest = NewestCareDate(doc);
  if (!newest) return;
  // A prescription may precede its acts by months, an invoice follow them:
  // five years before the care is no date of the same claim.
  constexpr int kYears = 5;
  for (const FieldSpec& field : form->fields) {
    // Birth dates are years before the care by nature.
    if (field.kind != "date" || field.name.find(fields::kDateNaissance) != std::string::npos) continue;
    const auto d = StoredDate(doc.Text(field.name));
    if (!d || d->year() + kYears >= newest->year()) continue;
    if (doc.InReview(field.name)) continue;
    doc.review.push_back({field.name, std::nullopt,
                          "date lue « " + d->ToFrench() + " », antérieure de plus de cinq ans aux soins du document : à vérifier"});
  }
}

}  // namespace liasse::extractors::internal
