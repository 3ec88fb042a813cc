// Where a field's value stands on a page, from the form's data: every
// occurrence of the field's label wordings (in its section when it has
// one), then the value right of each or below it, kept when it has the
// shape of the field's kind. Internal.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "doc_reader.h"
#include "forms.h"

namespace liasse::extractors::internal {

struct Located {
  Found found;
  LabelHit hit;
  Relation relation = Relation::kRight;
  bool fits = false;  // the value has the shape of the field's kind
};

// The candidates for `field` on the reader's current page, best first:
// values that fit their kind before those that do not, then label
// similarity, then the order of the field's relations, then top to bottom.
std::vector<Located> LocateField(const DocReader& r, const FormSpec& form, const FieldSpec& field);

// True when `text` has the shape of a value of `field`'s kind (a date, an
// amount, a NIR's 15 characters, a run of the right number of digits…).
bool FitsKind(const FieldSpec& field, const std::string& text);

// The value of the choice wording of `field` that stands first in `text`
// (accents, case and punctuation folded), nullopt when none is there.
std::optional<std::string> ChoiceIn(const FieldSpec& field, const std::string& text);

// The occurrences of `field`'s labels that lie in its section (all of
// them when it has none), best first.
std::vector<LabelHit> FieldLabels(const PageView& view, const FormSpec& form, const FieldSpec& field);

// True when `hit` is `field`'s only by elimination: no heading of the
// field's section is on the page, and of the occurrences of its labels
// the others lie in other sections' blocks while this one lies under a
// heading nothing names. Its role is then to be checked.
bool ByElimination(const PageView& view, const FormSpec& form, const FieldSpec& field, const LabelHit& hit);

// Rows [from, to) that a heading of `section` starts, up to the next
// heading; `named` when a wording of the data names the heading (else the
// block's values told its section).
struct SectionBlock {
  size_t from = 0;
  size_t to = 0;
  bool named = false;
};

// The blocks of `section` on the page, top to bottom.
std::vector<SectionBlock> SectionBlocks(const PageView& view, const FormSpec& form, const std::string& section);

// FieldLabels less the occurrences that belong to another field of the
// form: inside a longer label of it ("Signature" in "Signature du
// patient"), or matching one of its wordings more closely ("Signature du
// patient" read where "Signature du praticien" is also a wording).
std::vector<LabelHit> OwnLabels(const PageView& view, const FormSpec& form, const FieldSpec& field);

}  // namespace liasse::extractors::internal
