// Internal: rows of text-like ink that the page recognition left without a
// word. Tesseract's page layout sometimes takes a row for a picture and
// drops its words whole (a hand font on a fill-in line, a row of italic
// capitals): they are found here so that they can be read as single lines.
#pragma once

#include <vector>

#include "liasse/ocr/ocr.h"
#include "pix.h"

namespace liasse::ocr {

// The boxes (page pixels, padded) of the rows of `binary` (1 bpp, the image
// that was recognised) made of several letter-sized marks that no box of
// `blocks` covers. Rules, frames, specks, dots and shapes taller than a
// line of writing are not text; a row needs a few marks side by side, so a
// lone tick or box is none. Empty when nothing was left unread.
std::vector<Box> UnreadTextRows(Pix* binary, const std::vector<Block>& blocks);

// True when a line read inside such a row is text and not the reading of
// a scribble: enough letters or digits, read with enough confidence.
bool LooksLikeText(const Line& line);

}  // namespace liasse::ocr
