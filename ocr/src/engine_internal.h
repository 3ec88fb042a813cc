// Internal: what an OcrEngine holds.
#pragma once

#include <tesseract/baseapi.h>

#include "liasse/ocr/ocr.h"
#include "pix.h"

namespace liasse::ocr {

struct OcrEngine::Impl {
  OcrOptions options;
  tesseract::TessBaseAPI api;
  std::unique_ptr<tesseract::TessBaseAPI> osd;        // null when orientation detection is off
  std::unique_ptr<tesseract::TessBaseAPI> osd_quick;  // the same on a smaller character sample
  std::string identity;                               // see OcrEngine::Identity


  Result<PixPtr> Straighten(const PageImage& page, int quads, PageResult& result);
};

// Renders the page last recognised by `api` as a one-page searchable PDF and
// returns its bytes (empty on failure).
std::string RenderPdfPage(tesseract::TessBaseAPI& api);

// OcrEngine::Identity of an engine whose APIs are initialised.
std::string DescribeEngine(OcrEngine::Impl& impl);

}  // namespace liasse::ocr
