// A document's own dates against the dates of the care it bills: a date
// years before every act (a birth date taken for the invoice's) is flagged.
#include "care_dates.h"

#include <gtest/gtest.h>

#include "document_checks.h"

namespace liasse::extractors::internal {
namespace {

using testing::Flagged;
using testing::T;

FormSpec FactureForm() {
  FormSpec form;
  FieldSpec date;
  date.name = "date";
  date.kind = "date";
  FieldSpec birth;
  birth.name = "beneficiaire.date_naissance";
  birth.kind = "date";  // as a feuille's data has it
  form.fields = {date, birth};
  return form;
}

Document Facture(const std::string& date, const std::string& care) {
  Document d;
  d.type = DocumentType::kFacture;
  d.fields["date"].value = date;
  d.fields["beneficiaire.date_naissance"].value = std::string("1976-01-29");
  Line line;
  line.values["date_soins"] = care;
  d.lines.push_back(line);
  return d;
}

TEST(CareDates, AnInvoiceDateYearsBeforeItsCareIsFlaggedAndKept) {
  Document d = Facture("1976-01-29", "2025-02-21");
  const FormSpec form = FactureForm();
  FlagDatesLongBeforeTheCare(d, &form);
  EXPECT_TRUE(Flagged(d, "date"));
  EXPECT_EQ(T(d, "date"), "1976-01-29");
  EXPECT_FALSE(Flagged(d, "beneficiaire.date_naissance"));
}

TEST(CareDates, DatesNearTheCareOrADocumentWithoutDatedLinesAreLeftAlone) {
  const FormSpec form = FactureForm();
  Document near = Facture("2024-11-30", "2025-02-21");
  FlagDatesLongBeforeTheCare(near, &form);
  EXPECT_FALSE(Flagged(near, "date"));
  Document undated = Facture("1976-01-29", "2025-02-21");
  undated.lines.clear();
  FlagDatesLongBeforeTheCare(undated, &form);
  EXPECT_FALSE(Flagged(undated, "date"));
}

}  // namespace
}  // namespace liasse::extractors::internal
