// How Liasse re-reads one region of a cleaned page for the extractors
// (NIR, amounts, dates, act cells): the character set and segmentation of
// each region kind, the box clipped to the page. `liasse process` and
// `liasse extract --reread` both call it, so tuning the extractors measures
// what the product does.
#pragma once

#include "liasse/core/status.h"
#include "liasse/extractors/ocr_input.h"
#include "liasse/ocr/ocr.h"

namespace liasse::runner {

// The text of `box` on `page` read by `engine` as `kind`; the engine's error
// (an empty box after clipping is kInvalidArgument). Use on the engine's
// thread only.
Result<extractors::RegionText> RereadRegion(ocr::OcrEngine& engine, const ocr::PageImage& page,
                                            const Box& box, extractors::RegionKind kind);

}  // namespace liasse::runner
