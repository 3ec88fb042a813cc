// Signatures read by geometry: the zone labelled for a signature is found
// from its label (below it, right of it or above it, each up to the next
// printed element), and the ink in it that is neither printed matter (OCR
// word boxes, a stamp's frame and what it holds) nor a rule (frame sides,
// dotted lines) is the hand's. A printed name or a stamp alone is no
// signature; too little hand ink to tell is uncertain. Internal.
#pragma once

#include <vector>

#include "liasse/extractors/ocr_input.h"
#include "page_view.h"

namespace liasse::extractors::internal {

// The places a signature labelled by `label` (page box of the label's
// words `first`..`last`) may stand in: below the label down to the next
// printed row or the first rule across it (a frame's bottom, the line
// signed on), right of it on its row when the row leaves room, above it
// up to the previous printed row. A direction without room gives none.
std::vector<Box> SignatureZones(const PageView& view, int first, int last);

// Boxes of the words the OCR read surely and at the size of printed text
// (a sure word of handwriting size is no printed word; the size is that of
// the ink in the box when the OCR's box runs taller): the printed matter
// that a signature zone's ink is taken from.
std::vector<Box> PrintedWordBoxes(const PageView& view);

enum class Signed { kSigned, kBlank, kUncertain };

struct SignatureReading {
  Signed verdict = Signed::kUncertain;
  double hand_mm2 = 0;   // area of the hand's ink, mm²
  double extent_mm = 0;  // the longer side of the box around it, mm
};

// The hand's ink in `zone`: dark pixels outside `printed` boxes, less the
// long straight runs of rules, specks and dots, small pieces cut by the
// zone's lower or upper edge that run on beyond it (a check box under the
// zone, its tick rising into it; the foot of a value on the row above),
// and frames holding printed matter (a stamp, closed or cut open by the
// zone's edges) with what lies inside them. `mm` = pixels per mm,
// `word_height` in pixels. Uncertain when the raster is empty.
SignatureReading ReadSignature(const GreyRaster& raster, const Box& zone, const std::vector<Box>& printed, double mm,
                               double word_height);

}  // namespace liasse::extractors::internal
