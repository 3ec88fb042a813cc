// Check boxes read by geometry: the box is a small square frame of ink
// found near its label on the page raster (no offset from the label
// decides where it is); the ink inside its border, against the page's own
// noise floor around it, says ticked, empty or uncertain. Internal.
#pragma once

#include <optional>
#include <vector>

#include "liasse/extractors/ocr_input.h"

namespace liasse::extractors::internal {

// The frame of the check box nearest to `label` (page pixels) within four
// word heights of `phrase` on either side (the label's words with those
// continuing them on its row — "Patient dans l'impossibilité de signer"
// — or `label` itself): a connected piece of ink whose
// bounding box is square, `word_height` × 0.6 to 2.5 wide, with ink along
// its four sides, and that is not printed matter (not half or more inside
// one of the `printed` word boxes: letters fused by the scan, an "EN" or
// an "O", make squares too); a piece that is no square because its tick
// overshoots the frame (a check mark rising above it, a cross past its
// corners) gives the frame inside it, its sides the longest straight runs
// of the piece. nullopt when there is none or no raster.
std::optional<Box> FindCheckbox(const GreyRaster& raster, const Box& label, const Box& phrase, double word_height,
                                const std::vector<Box>& printed);

enum class Tick { kTicked, kEmpty, kUncertain };

struct CheckboxReading {
  Tick tick = Tick::kUncertain;
  double ink = 0;    // dark fraction inside the border
  double noise = 0;  // dark fraction of blank paper next to the box
};

// The state of the box `frame` (as FindCheckbox gives it): the inside,
// two border widths in, compared with patches of the same size beside the
// box. Empty only when the inside is as clean as the paper; ticked only
// when it holds clearly more ink; otherwise uncertain.
CheckboxReading ReadCheckbox(const GreyRaster& raster, const Box& frame);

}  // namespace liasse::extractors::internal
