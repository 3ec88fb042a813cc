// Helpers on the cleaned page raster (0 = black) shared by the ink readers
// (check boxes, signatures, crossings, boxed digits). Internal.
#pragma once

#include <algorithm>
#include <cstddef>

#include "liasse/extractors/ocr_input.h"

namespace liasse::extractors::internal {

// `b` cut to the raster's extent; width or height 0 when it lies outside.
inline Box ClipToRaster(const GreyRaster& r, const Box& b) {
  const int x0 = std::clamp(b.x, 0, r.width), y0 = std::clamp(b.y, 0, r.height);
  const int x1 = std::clamp(b.x + b.width, 0, r.width), y1 = std::clamp(b.y + b.height, 0, r.height);
  return {x0, y0, x1 - x0, y1 - y0};
}

// True when the pixel (x, y), inside the raster, is ink (grey below 128).
inline bool IsInk(const GreyRaster& r, int x, int y) {
  return r.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) + static_cast<std::size_t>(x)] < 128;
}

}  // namespace liasse::extractors::internal
