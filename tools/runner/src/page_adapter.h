// Hands OCR results to the extractors in their own plain types, and lets
// them re-read a region with the engine of the worker that runs them.
// Internal to the runner.
#pragma once

#include <vector>

#include "liasse/extractors/ocr_input.h"
#include "liasse/ocr/ocr.h"

namespace liasse::runner {

// The extractors' view of one recognised page (`index` is 0-based in the
// envelope). Words, lines and boxes are copied; the ink raster is filled when
// the result kept its cleaned image.
extractors::OcrPage ToOcrPage(const ocr::PageResult& result, int index);

// RegionReader over one engine and the cleaned images of an envelope's
// pages. Borrows both; use on the engine's thread only.
class EngineRegionReader : public extractors::RegionReader {
 public:
  EngineRegionReader(ocr::OcrEngine& engine, const std::vector<const ocr::PageResult*>& pages)
      : engine_(engine), pages_(pages) {}
  Result<extractors::RegionText> Reread(int page_index, const Box& box,
                                        extractors::RegionKind kind) override;

 private:
  ocr::OcrEngine& engine_;
  std::vector<const ocr::PageResult*> pages_;
};

}  // namespace liasse::runner
