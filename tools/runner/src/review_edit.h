// The edits an operator makes to an envelope's documents, before the chain
// runs again (liasse/runner/review.h): a typed value set, the values read
// accepted; each edit described for the audit. Internal to the runner.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "liasse/core/document.h"
#include "liasse/core/status.h"
#include "liasse/store/review_audit.h"

namespace liasse::runner {

// The field the reader flags when unsure of a document's type.
inline constexpr std::string_view kTypeField = "type";

// The text of `field` of `document` (of lines[line] when set): a text
// value, "true"/"false" for a boolean, the type's name for kTypeField,
// nullopt when not read.
std::optional<std::string> ValueText(const Document& document, std::string_view field, std::optional<int> line);

// Sets `value` for `field` (confidence 1, page and box kept) and removes
// the field's review flags. Returns the change for the audit (action
// "correction"), or nullopt when the value was already that and nothing was
// flagged: nothing to do.
std::optional<store::ReviewChange> SetValue(Document& document, int index, const std::string& field,
                                            std::optional<int> line, const std::variant<std::string, bool>& value);

// Sets the document's type from its contract name (kTypeField) and removes
// the type's review flags; kInvalidArgument for a name the contract does
// not know. The change for the audit, or nullopt as SetValue.
Result<std::optional<store::ReviewChange>> SetType(Document& document, int index, const std::string& name);

// Removes the review flags of every value present on `document`; one
// change per flag removed (action "validation", old = new = the value).
// Flags of values not read stay.
std::vector<store::ReviewChange> AcceptReadValues(Document& document, int index);

// Applies again, in order, the recorded `changes` of the envelope whose
// bytes hash to `sha256` to its freshly read `documents` (`liasse process`
// or `reprocess` run again on an envelope an operator corrected): values set
// again (checked again for their field's kind, `data_dir` as
// CheckTypedValue's), flags of values validated removed. `version` becomes
// the highest version applied; a change that no longer applies (document,
// field or line gone, value refused) is named in `review` (French).
void ReplayChanges(const std::vector<store::ReviewChange>& changes, const std::string& sha256,
                   const std::filesystem::path& data_dir, std::vector<Document>& documents,
                   std::vector<std::string>& review, int& version);

// The review items of `document` as French lines ("assure.nir : why").
std::vector<std::string> RemainingReview(const Document& document);

}  // namespace liasse::runner
