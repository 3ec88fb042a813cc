// Crossed-out text found by geometry: a stroke that runs along a text
// line through the middle of its letters (a strike, a scribble's bar, a
// hatch) where print and handwriting leave the spaces between words blank
// and make no long straight stroke at mid-height. Underlines, rules and
// frames lie above or below the middle of a line and are not measured.
// Internal.
#pragma once

#include <vector>

#include "liasse/extractors/ocr_input.h"
#include "page_view.h"

namespace liasse::extractors::internal {

// One text line: the page boxes of its words, left to right.
struct TextLine {
  std::vector<Box> words;
};

// The text lines of a page: rows holding at least two words of text (some
// letters or digits, read with some confidence, of text height), with
// every word of the row of text height (a struck word may be read badly).
std::vector<TextLine> TextLines(const PageView& view);

enum class Crossed { kClean, kCrossed, kUncertain };

struct CrossingReading {
  Crossed verdict = Crossed::kUncertain;
  double run_mm = 0;     // the longest mid-height stroke of a line, mm
  int crossed_gaps = 0;  // spaces between words filled at mid-height, on that line
  Box zone;              // the line that decided (page pixels); empty when clean
};

// Measures each line of `lines` in `raster` (0 = black; `mm` pixels per
// mm): the longest run of ink along the line's middle band (bridging specks
// of a fifth of a millimetre) and the spaces between words whose every
// column has ink in that band. A line with a run of four letter heights or
// two filled spaces is crossed; a run of two and a half letter heights or
// one filled space is uncertain (a person looks); else clean. The page
// takes its worst line. Uncertain when the raster is empty.
CrossingReading FindCrossing(const GreyRaster& raster, const std::vector<TextLine>& lines, double mm);

}  // namespace liasse::extractors::internal
