// A value a person types for a field the reader flagged (`liasse review
// set`, the verification station), checked as the reader checks what it
// reads: the field's kind comes from the form knowledge (data/forms), the
// keys and formats from liasse/core (NIR key, numéro AM Luhn, dates,
// amounts). The answer is the contract's normalised form (docs/results.md).
// Thread-safe: pure functions over the loaded form data.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "liasse/core/document.h"
#include "liasse/core/status.h"

namespace liasse::extractors {

// What `liasse review set` typed for `field` of a document of `type` (a
// column of lines[line] when `line` is set), normalised: an ISO date from
// AAAA-MM-JJ or JJ/MM/AAAA, an amount "17.00" from "17", "17,5" or "17.50",
// a 15-character NIR whose key is right, a numéro AM whose Luhn key is
// right, digits of the allowed length, a boolean from oui/non/true/false,
// one of the choices of a choice field, a name or text trimmed. Fails with
// kInvalidArgument and a French message that starts with the field's name
// (and line) and says why; kNotFound when the form knowledge of
// `data_dir`/forms (empty: the build's) does not know the field.
Result<std::variant<std::string, bool>> CheckTypedValue(DocumentType type, std::string_view field,
                                                        std::optional<int> line, std::string_view value,
                                                        const std::filesystem::path& data_dir = {});

}  // namespace liasse::extractors
