// A document's dates against the dates of the care it bills: a date of the
// document (the invoice's, the prescription's) read years before every act
// is a birth date or another date taken for it. Internal.
#pragma once

#include "forms.h"
#include "liasse/core/document.h"

namespace liasse::extractors::internal {

// Flags each field of `form` of kind "date" (birth dates, "…date_naissance",
// aside) whose value lies more than five
// years before the newest date of `doc`'s lines (act or care dates), with a
// French reason; the value is kept for the person who checks it. Nothing
// happens for a document without dated lines or a null form.
void FlagDatesLongBeforeTheCare(Document& doc, const FormSpec* form);

}  // namespace liasse::extractors::internal
