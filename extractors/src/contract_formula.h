// The contract formulas a form's data lists ("PASS1" … "PASS5", the
// operator's products) as the OCR may print them. Internal.
#pragma once

#include <regex>
#include <string>

#include "forms.h"
#include "page_view.h"

namespace liasse::extractors::internal {

// A formula's wording as the OCR may give it: "PASS5", "PASS 5", a letter
// doubled before the number ("PASSS5"), the number read as a letter
// ("PASSS"); case ignored. Group 1 is the number as read.
std::regex FormulaPattern(const std::string& wording);

// The page's rows joined by spaces in reading order: where formulas are
// looked for (a contract's name may wrap onto the next row).
std::string FlatText(const PageView& page);

// True when `text` names a formula of a field of `form` (FormulaPattern).
bool NamesAFormula(const FormSpec& form, const std::string& text);

}  // namespace liasse::extractors::internal
