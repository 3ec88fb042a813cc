// Internal: RAII ownership of Leptonica rasters, and what a PageImage holds.
#pragma once

#include <leptonica/allheaders.h>

#include <memory>

#include "liasse/ocr/page_image.h"

namespace liasse::ocr {

struct PixDeleter {
  void operator()(Pix* pix) const noexcept { pixDestroy(&pix); }
};
// Move-only owner of one reference to a Pix.
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

struct PageImage::Impl {
  PixPtr pix;
  int source_dpi = 0;
  int page_number = 1;
};

// Builds a PageImage that owns `pix` (whose resolution is already set).
PageImage MakePageImage(PixPtr pix, int source_dpi, int page_number);

// The raster of a page; valid as long as the PageImage lives. Leptonica's
// const-incorrect API takes Pix*, so callers must not modify it.
inline Pix* RawPix(const PageImage& page) { return page.impl().pix.get(); }

// Silences Leptonica's stderr messages once per process.
void QuietLeptonica();

}  // namespace liasse::ocr
