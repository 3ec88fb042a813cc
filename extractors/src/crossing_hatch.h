// Hatching found by geometry: a row of long parallel slanted strokes drawn
// through text (a hand crossing a table row out with "/////"), which
// leaves no stroke along a line for crossing.cpp's measures and often no
// words the OCR reads. Internal.
#pragma once

#include <vector>

#include "liasse/extractors/ocr_input.h"

namespace liasse::extractors::internal {

struct Hatching {
  int strokes = 0;      // parallel slanted strokes in the best row of them
  bool zigzag = false;  // as many strokes of the other slant among them: a zig-zag
  Box zone;             // the stretch they cover (page pixels); empty when none
};

// The longest row of long parallel slanted strokes between rows `y0` and
// `y1` of `raster` (0 = black; `mm` pixels per mm), wherever the text
// lines run. A stroke is a straight pen line leaning 27 to 55 degrees from
// the vertical, inked (within a pixel) over 1.6 letter heights (`letter`
// pixels, the page's) or more, thin on most rows (a grey fill or a blot is
// no stroke), its ink leaning as it does (an upright or italic stem fits
// a slanted path within its width, leaning less). Strokes of one slant
// follow each other at a pen's regular spacing (0.4 to 1.8 letter heights,
// the widest at most 2.2 times the narrowest); as many of the other slant
// among them is a zig-zag, passed over. Print's slanted strokes (A, N, V,
// 7, a date's "/") are a letter tall at most.
Hatching FindLongHatching(const GreyRaster& raster, int y0, int y1, double letter, double mm);

}  // namespace liasse::extractors::internal
