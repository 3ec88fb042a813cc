// The OCR cache: what the OCR made of an envelope file, keyed by the SHA-256
// of the file's bytes and the engine's identity (Tesseract and language data
// versions, options, preprocessing revision), so that re-running the rules,
// pricing or letters on an archive does not run the OCR again. Tables
// `ocr_cache` and `ocr_cache_page` in the store's file (component
// "ocr_cache"). Entries are opaque to the store: the runner encodes them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "liasse/core/status.h"
#include "liasse/store/database.h"

namespace liasse::store {

struct OcrCacheKey {
  std::string sha256;  // of the envelope file
  std::string engine;  // ocr::OcrEngine::Identity()
};

struct CachedOcrPage {
  std::string result;       // the page's recognition (words, boxes, geometry), encoded by the runner
  std::string cleaned_png;  // the cleaned page the boxes refer to (ink checks, region re-reads)
};

struct CachedOcr {
  std::vector<CachedOcrPage> pages;  // in page order
  std::string regions;               // region re-reads done on these pages, encoded by the runner
};

class OcrCache {
 public:
  // Applies the "ocr_cache" migrations to `db`, which must outlive the cache.
  static Result<std::unique_ptr<OcrCache>> Open(Database& db);

  // Whether an entry exists (cheap: no page is read).
  Result<bool> Contains(const OcrCacheKey& key) const;
  // The entry with every page, or nullopt when there is none.
  Result<std::optional<CachedOcr>> Find(const OcrCacheKey& key) const;
  // Stores `entry`, replacing an earlier one with the same key, in one
  // committed transaction (a crash leaves the old entry or the new one).
  Status Put(const OcrCacheKey& key, const CachedOcr& entry);
  // Replaces the region re-reads of an existing entry (no-op when absent).
  Status SetRegions(const OcrCacheKey& key, const std::string& regions);

 private:
  explicit OcrCache(Database& db) : db_(db) {}
  Database& db_;
};

}  // namespace liasse::store
