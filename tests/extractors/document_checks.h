// What the extractor tests ask of a read document: its fields as text, its
// review flags, and the options that read with the repository's data/forms.
#pragma once

#include <algorithm>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "liasse/extractors/extract.h"

namespace liasse::extractors::testing {

// Options that read with the repository's data/ (not an installed copy).
inline ExtractionOptions Options() {
  ExtractionOptions o;
  o.data_dir = LIASSE_SOURCE_DIR "/data";
  return o;
}

// The text of a field, or "<absent>".
inline std::string T(const Document& d, const std::string& name) {
  const std::string* s = d.Text(name);
  return s ? *s : "<absent>";
}

// The text of a line's column, or "<absent>".
inline std::string L(const Line& l, const std::string& column) {
  const std::string* s = l.Find(column);
  return s ? *s : "<absent>";
}

// True when `field` (of `line`, or of the document when none) is in review.
inline bool Flagged(const Document& d, const std::string& field, std::optional<int> line = std::nullopt) {
  return std::any_of(d.review.begin(), d.review.end(),
                     [&](const ReviewFlag& f) { return f.field == field && f.line == line; });
}

// The one document `page` reads as with the repository's data, checked
// to be of `type`.
inline Document ReadSingle(const OcrPage& page, DocumentType type) {
  const auto docs = ExtractDocuments({page}, nullptr, Options());
  EXPECT_EQ(docs.size(), 1u);
  if (docs.empty()) return Document{};
  EXPECT_EQ(docs.front().type, type);
  return docs.front();
}

// A field holding text `v`, as a reader stores it.
inline Field TextField(const std::string& v) {
  Field f;
  f.value = v;
  return f;
}

// A document of `type` on page `page` holding the text fields `values`.
inline Document DocumentOf(DocumentType type, int page, std::initializer_list<std::pair<const char*, const char*>> values) {
  Document d;
  d.type = type;
  d.pages = {page};
  for (const auto& [name, value] : values) d.fields[name] = TextField(value);
  return d;
}

// A doubt of the reading alone on `field` (ReviewFlag::reading_doubt).
inline ReviewFlag ReadingDoubt(const std::string& field) {
  return {field, std::nullopt, "lu avec une confiance faible (41 %) : à vérifier", true};
}

}  // namespace liasse::extractors::testing
