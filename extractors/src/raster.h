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

// Share of side `side` of `b` (0 top, 1 bottom, 2 left, 3 right; a line
// `thick` pixels deep inwards) that holds ink. `b` lies inside the raster.
inline double SideCover(const GreyRaster& r, const Box& b, int side, int thick) {
  const int n = side < 2 ? b.width : b.height;
  int covered = 0;
  for (int k = 0; k < n; ++k) {
    bool ink = false;
    for (int t = 0; t < thick && !ink; ++t) {
      int x = 0, y = 0;
      switch (side) {
        case 0: x = b.x + k, y = b.y + t; break;                   // top
        case 1: x = b.x + k, y = b.y + b.height - 1 - t; break;    // bottom
        case 2: x = b.x + t, y = b.y + k; break;                   // left
        default: x = b.x + b.width - 1 - t, y = b.y + k; break;    // right
      }
      ink = IsInk(r, x, y);
    }
    covered += ink ? 1 : 0;
  }
  return n > 0 ? static_cast<double>(covered) / n : 0;
}

}  // namespace liasse::extractors::internal
