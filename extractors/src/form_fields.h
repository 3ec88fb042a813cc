// Reading the fields a form's data describes fully (a label, a kind, the
// relations of the value to its label): each located on the page
// (locate.h) and set by the typed setter of its kind (field_values.h).
// Where two different values fit equally well, the field goes to review
// with both. Internal.
#pragma once

#include <optional>
#include <string_view>

#include "doc_reader.h"

namespace liasse::extractors::internal {

// Reads every field of the reader's form that has relations and a kind
// with a generic setter, unless already set.
void ReadFormFields(DocReader& r);

// The best value located for field `name` of the reader's form (nullopt
// when the form or the field is unknown or nothing was found near a label).
std::optional<Found> AtField(const DocReader& r, std::string_view name);

// The best occurrence of a label of field `name` (similarity 0 when none).
LabelHit FieldLabel(const DocReader& r, std::string_view name);

}  // namespace liasse::extractors::internal
