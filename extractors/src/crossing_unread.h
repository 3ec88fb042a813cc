// Rows of handwriting-like text the OCR read nothing of, where crossing.h's
// measures along read lines cannot look (a prescription's order written in
// a joined hand the OCR left out whole), and their densest stretch: digits
// or a word written over others there. Internal.
#pragma once

#include <vector>

#include "liasse/extractors/ocr_input.h"

namespace liasse::extractors::internal {

struct UnreadRow {
  Box box;         // page pixels
  double dense = 0;  // its densest stretch, as a multiple of its median one
  Box dense_zone;  // that stretch
};

// The rows of ink between columns x0 and x1 of `raster` (0 = black) that
// no box of `words` (page pixels, padded by a quarter of `letter`) covers
// and that look like a line of text: as tall as one to two and a half
// letters (`letter` pixels, the page's letter height; a signature or a
// stamp's frame is taller, a rule thinner), eight letter heights wide or
// more, inked along half of that, in three runs or more. Each with the
// dark share of its densest stretch a letter height wide against the
// median of those stretches (0 when that median is under a tenth: specks,
// no letters). Top to bottom.
std::vector<UnreadRow> UnreadTextRows(const GreyRaster& raster, const std::vector<Box>& words, double letter, int x0, int x1);

}  // namespace liasse::extractors::internal
