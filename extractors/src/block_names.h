// A name whose label is in no wording of the data ("IDENTITÉ : MARIE
// Raphaël" under the praticien's heading): the one name of its section's
// block, told by its shape, a word in capitals beside a given name. Internal.
#pragma once

#include "doc_reader.h"
#include "forms.h"

namespace liasse::extractors::internal {

// Sets `field` (kind name or person, with a section) from the block of
// its section above the acts: the names printed as "NOM Prénom" or
// "Prénom NOM" standing alone (after a leader, a colon or at a cell's
// start, never after a title or another word). One name: the nom (and,
// for a person, the prénom as the field's pair), flagged when the block's
// heading is in no wording (its values told its section). Several: to
// review with two of them. Nothing when the field is set or no block of
// its section is found.
void ReadNameInBlock(DocReader& r, const FormSpec& form, const FieldSpec& field);

}  // namespace liasse::extractors::internal
