// Numbers written one character per printed box (the NIR of the feuille de
// soins): the OCR of the whole line reads the box rules as '1', '|', 'l'.
// The boxes are found in the ink raster (vertical rules of one height,
// evenly spaced) and each box interior is re-read alone with the digit
// whitelist. Needs both the page raster and a RegionReader; without them
// nothing is read. Internal.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "doc_reader.h"
#include "liasse/extractors/ocr_input.h"

namespace liasse::extractors::internal {

// The interiors of a row of character boxes in `band` (page pixels), left
// to right: rules of the same height, spaced by one box width, interiors
// holding ink. Empty when no such row is there. `mm` = pixels per mm.
std::vector<Box> FindCharacterBoxes(const GreyRaster& raster, const Box& band, double mm);

struct BoxedReading {
  std::string value;          // one character per box
  std::vector<int> unsure;    // indices of boxes read with doubt or not at all ('?')
  Box cover;                  // the boxes' extent
};

// Reads the character boxes right of `label` on the reader's current page
// (up to `width_mm` right of it), one re-read per box. nullopt when the
// page has no raster, there is no RegionReader, the label or the boxes are
// not found, or fewer than `min_boxes` boxes are found.
std::optional<BoxedReading> ReadBoxedRightOf(const DocReader& r, const LabelHit& label, double width_mm, size_t min_boxes);

// The same for boxes under `label` (a label in a cell's corner or above its
// value), from 15 mm left of it.
std::optional<BoxedReading> ReadBoxedBelow(const DocReader& r, const LabelHit& label, double width_mm, size_t min_boxes);

// The NIR in boxes right of `label`, else under it, when its key passes (one box read
// with doubt may be the key's only solution: then `deduced` is set).
struct BoxedNir {
  std::string value;
  Box cover;
  bool deduced = false;
};
std::optional<BoxedNir> ReadBoxedNir(const DocReader& r, const LabelHit& label);

// The NIR in boxes on the row of word `word` of the reader's page (the
// OCR read the boxes' rules among the digits), from 3 mm left of it over
// 130 mm, as ReadBoxedNir reads them: what no label points at.
std::optional<BoxedNir> ReadBoxedNirAt(const DocReader& r, int word);

}  // namespace liasse::extractors::internal
