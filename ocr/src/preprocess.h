// Internal: image cleaning steps on Leptonica rasters.
#pragma once

#include "pix.h"

namespace liasse::ocr {

// 8-bit grey copy of any 1/8/32-bit raster, resolution kept.
PixPtr ToGrey(Pix* pix);

struct Skew {
  double degrees = 0;     // rotate by this (Leptonica's sign) to deskew
  float confidence = 0;   // Leptonica's score ratio; below 3 the estimate is unreliable
};

// Projection-profile search (sweep at 1/4 scale, then binary search at 1/2
// scale down to 0.01°) on a thresholded copy of `grey`, within ±max_degrees.
Skew MeasureSkew(Pix* grey, double max_degrees);

// Rotates `grey` by `degrees` around its centre, enlarging the canvas so no
// corner is cut, bringing in white.
PixPtr RotateGrey(Pix* grey, double degrees);

// Contrast of a washed-out page (paper greyish, ink grey): the page's ink
// level and paper level, and whether stretching them apart is worth it.
struct ContrastLevels {
  int ink = 0;      // 0.5th percentile, pepper specks (<= 8) left out
  int paper = 255;  // median: most of a page is paper
  bool has_black = false;  // more pixels at 0-8 than pepper specks account for
  bool washed_out() const;  // no black, and ink 40 to 130 levels below the paper
};
ContrastLevels MeasureContrast(Pix* grey);

// Sauvola binarisation with a window of about 1/12 inch, after stretching a
// washed-out page's grey levels so its ink reaches black and its paper near
// white; falls back to a global threshold on images too small for the window.
PixPtr Binarise(Pix* grey);

// Clears black components touching the image edge (scanner lid, shadows).
void RemoveDarkBorder(PixPtr& binary);

// One connected-component pass over `binary`: clears specks (components
// that fit in 2 x 2 pixels) when `specks`, and filled, roughly round blobs
// of 4–9 mm near the page edges (punch holes) when `punch_holes`. Returns
// the number of punch holes cleared.
int RemoveSpecksAndPunchHoles(Pix* binary, bool specks, bool punch_holes);

// A copy of the two-level page `binary` without its dotted and dashed
// lines: rows of small marks (at most 2 mm wide, 0.7 mm high) evenly laid
// out at most 1.5 mm apart over 10 mm or more, with writing standing on
// them — a form's fill-in lines. Tesseract takes such a row for a picture
// or a rule and drops the words written on it. Leaders (dots with nothing
// just above them, between a label and its value) stay: Tesseract reads
// them as text. Text is left whole: a mark joined to a letter is no small
// mark. Null when `binary` is not two-level or nothing was found.
PixPtr WithoutDottedLines(Pix* binary);

}  // namespace liasse::ocr
