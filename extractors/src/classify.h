// Page classification and envelope splitting. Each page gets a score per
// document type from the title and keyword cues of data/forms; pages
// without a type of their own continue the previous document. Internal.
#pragma once

#include <vector>

#include "liasse/core/document.h"
#include "forms.h"
#include "page_view.h"

namespace liasse::extractors::internal {

struct PageClass {
  DocumentType type = DocumentType::kAutre;
  double confidence = 0;      // 0..1
  double score = 0;           // evidence of the best type
  bool continuation = false;  // no type of its own: continues the previous page's document
};

// Scores each type of `forms` by its cues found on the page (fuzzily, see
// labels.h), the structure its data describes (act rows, NIR rows, its
// table's header) and the labels of its fields found there, each weighed
// by how few forms print it; null `forms`: every page is `autre`. A title counts when it
// stands on its own as a heading (half as much again in the top third of
// the page); inside a sentence it is a mention, worth a plain cue.
PageClass ClassifyPage(const PageView& page, const FormCatalogue* forms);

// Groups consecutive pages into documents: a page starts a document unless
// it is a continuation of the previous one (or explicitly "page 2/2").
struct PageGroup {
  DocumentType type = DocumentType::kAutre;
  double confidence = 0;
  std::vector<int> pages;  // positions in the envelope's page vector
};
std::vector<PageGroup> SplitDocuments(const std::vector<PageClass>& classes);

}  // namespace liasse::extractors::internal
