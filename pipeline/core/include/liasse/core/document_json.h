// JSON form of the document model (docs/results.md). Reading
// validates the shape and fails with a Status naming `origin` (a file name)
// and the member at fault; it never throws. Writing is deterministic
// (members in contract order). Thread-safe: pure functions.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "liasse/core/status.h"
#include "liasse/core/document.h"

namespace liasse {

// Parses one document object: {"type", "pages", "confidence", "fields",
// "lines", "review"}; a field is {"value", "confidence"?, "page"?, "box"?}
// with box = [x, y, width, height]; written review flags are
// {"field", "line"?, "reason"}. Field values may be strings, booleans or numbers
// (numbers kept as their decimal text). Review flags may be objects
// {"field", "line"?, "reason"} or bare field-name strings.
Result<Document> DocumentFromJson(std::string_view json_text, std::string_view origin = "document");
std::string DocumentToJson(const Document& document, int indent = 2);

// Parses a whole envelope JSON; `documents` is required, the other
// contract members are optional.
Result<Envelope> EnvelopeFromJson(std::string_view json_text, std::string_view origin = "envelope");
std::string EnvelopeToJson(const Envelope& envelope, int indent = 2);

// Reads and parses the file at `path` (errors name the file).
Result<Envelope> ReadEnvelopeFile(const std::filesystem::path& path);

}  // namespace liasse
