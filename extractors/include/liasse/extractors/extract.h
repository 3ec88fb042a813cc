// Reading an envelope: split its pages into documents, classify each,
// extract and normalise its fields and tables, cross-check them and flag
// what a person must look at (docs/results.md).
#pragma once

#include <filesystem>
#include <vector>

#include "liasse/core/document.h"
#include "liasse/extractors/ocr_input.h"

namespace liasse::extractors {

struct ExtractionOptions {
  // A field read with a confidence below this (0..1) is kept and flagged in
  // `review`; it is first re-read by region OCR when a RegionReader is given.
  double review_below_confidence = 0.80;
  // Where data/tarifs/actes.toml lives (NGAP lettre-clé values for the
  // montant = coefficient × value check); empty: the build's LIASSE_DATA_DIR.
  // When the file cannot be read the check is skipped, never guessed.
  std::filesystem::path data_dir;
};

// Loads and validates the form knowledge of `data_dir`/forms (empty: the
// build's data directory), as ExtractDocuments will use it: an error names
// the file and the key. Callers check it once at start.
Status CheckFormData(const std::filesystem::path& data_dir = {});

// The documents of one envelope, in page order. Deterministic: the same
// pages and options give the same documents. `reader` may be null (no region
// re-read); it is not owned. Never fails: what cannot be read is absent and
// named in the document's review flags; an unclassifiable page is an
// `autre` document, flagged (as every page is when the form knowledge
// cannot be loaded: see CheckFormData).
std::vector<Document> ExtractDocuments(const std::vector<OcrPage>& pages, RegionReader* reader,
                                       const ExtractionOptions& options = {});

}  // namespace liasse::extractors
