// Encodes what the OCR made of an envelope for the store's OCR cache and
// decodes it back, and a RegionReader that answers from the region re-reads
// kept there. Internal to the runner.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "liasse/extractors/ocr_input.h"
#include "liasse/ocr/ocr.h"
#include "liasse/store/ocr_cache.h"

namespace liasse::runner {

// Every recognised page (each must hold its cleaned image) as a cache entry:
// words, boxes, geometry and timings as JSON, the cleaned image as PNG
// (the searchable PDF and hOCR are not kept). kInternal when a PNG cannot be
// encoded.
Result<store::CachedOcr> EncodeOcr(const std::vector<const ocr::PageResult*>& pages, const std::string& regions);

// The pages of a cache entry, each with its cleaned image; kCorrupt naming
// the page when an entry cannot be read back (the caller runs the OCR again).
Result<std::vector<ocr::PageResult>> DecodeOcr(const store::CachedOcr& entry);

// Region re-reads by (page, box, kind): the answers the extractors got, so a
// later run asks the engine only for regions it never read.
class RegionMemo {
 public:
  // From the `regions` text of a cache entry ("" or JSON); an unreadable
  // text gives an empty memo.
  static RegionMemo Parse(const std::string& regions);
  std::string Serialise() const;

  const extractors::RegionText* Find(int page, const Box& box, extractors::RegionKind kind) const;
  void Add(int page, const Box& box, extractors::RegionKind kind, const extractors::RegionText& text);
  std::size_t size() const { return reads_.size(); }

 private:
  using Key = std::tuple<int, int, int, int, int, int>;
  static Key KeyOf(int page, const Box& box, extractors::RegionKind kind);
  std::map<Key, extractors::RegionText> reads_;
};

// A RegionReader that answers from `memo` and asks `fallback` (the engine)
// for regions it does not hold, adding the answers to the memo. Borrows
// both; use on one thread.
class MemoRegionReader : public extractors::RegionReader {
 public:
  MemoRegionReader(RegionMemo& memo, extractors::RegionReader& fallback) : memo_(memo), fallback_(fallback) {}
  Result<extractors::RegionText> Reread(int page_index, const Box& box,
                                        extractors::RegionKind kind) override;
  int misses() const { return misses_; }

 private:
  RegionMemo& memo_;
  extractors::RegionReader& fallback_;
  int misses_ = 0;
};

}  // namespace liasse::runner
