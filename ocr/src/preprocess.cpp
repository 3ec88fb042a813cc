#include "preprocess.h"

#include <algorithm>
#include <cmath>

namespace liasse::ocr {

PixPtr ToGrey(Pix* pix) {
  PixPtr grey;
  switch (pixGetDepth(pix)) {
    case 1: grey.reset(pixConvert1To8(nullptr, pix, 255, 0)); break;
    case 32: grey.reset(pixConvertRGBToLuminance(pix)); break;
    default: grey.reset(pixConvertTo8(pix, 0)); break;
  }
  if (grey) pixCopyResolution(grey.get(), pix);
  return grey;
}

Skew MeasureSkew(Pix* grey, double max_degrees) {
  Skew skew;
  // Otsu-like global threshold is enough for measuring line directions.
  PixPtr binary(pixConvertTo1(grey, 160));
  if (!binary) return skew;
  l_float32 angle = 0, conf = 0;
  if (pixFindSkewSweepAndSearch(binary.get(), &angle, &conf, 4, 2, static_cast<l_float32>(max_degrees), 1.0f,
                                0.01f) == 0) {
    skew.degrees = angle;
    skew.confidence = conf;
  }
  return skew;
}

PixPtr RotateGrey(Pix* grey, double degrees) {
  const double rad = degrees * M_PI / 180.0;
  const double w = pixGetWidth(grey), h = pixGetHeight(grey);
  const auto new_w = static_cast<l_int32>(std::ceil(std::abs(w * std::cos(rad)) + std::abs(h * std::sin(rad))));
  const auto new_h = static_cast<l_int32>(std::ceil(std::abs(w * std::sin(rad)) + std::abs(h * std::cos(rad))));
  PixPtr rotated(pixRotate(grey, static_cast<l_float32>(rad), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, new_w, new_h));
  if (rotated) pixCopyResolution(rotated.get(), grey);
  return rotated;
}

// At least 40 levels between ink and paper: on a page with little text (a
// short prescription: 0.13 % of black pixels, below pepper's share) the
// darkest half-percent is the paper's own grain (242 on 252); stretching
// it turned the whole page to black dust and its text to noise.
bool ContrastLevels::washed_out() const { return !has_black && paper - ink < 130 && paper - ink >= 40; }

ContrastLevels MeasureContrast(Pix* grey) {
  ContrastLevels levels;
  Numa* histogram = pixGetGrayHistogram(grey, 2);
  if (histogram == nullptr) return levels;
  l_float32 total = 0;
  numaGetSum(histogram, &total);
  l_float32 pepper = 0;
  for (int v = 0; v <= 8; ++v) {
    l_float32 n = 0;
    numaGetFValue(histogram, v, &n);
    pepper += n;
  }
  // More than pepper's share of black (salt and pepper leaves ~0.15 %):
  // the page has black ink (a bilevel fax, a normal scan), not washed out.
  levels.has_black = pepper > 0.005 * total;
  const double ink_count = 0.005 * (total - pepper), half = 0.5 * total;
  double below = 0, ink_seen = 0;
  bool ink_found = false;
  for (int v = 0; v < 256; ++v) {
    l_float32 n = 0;
    numaGetFValue(histogram, v, &n);
    below += n;
    if (v > 8) ink_seen += n;
    if (!ink_found && ink_seen >= ink_count) {
      levels.ink = v;
      ink_found = true;
    }
    if (below >= half) {
      levels.paper = v;
      break;
    }
  }
  numaDestroy(&histogram);
  return levels;
}

// Sauvola's threshold assumes a dynamic range of 128 grey levels: on a page
// whose ink is grey (110) and paper dull (200), the local deviation stays
// small, the threshold falls under the thin strokes and regular-weight text
// (labels, handwriting, addresses) breaks into dust while bold titles survive.
// Mapping ink to black and paper to 230 gives Sauvola the range it expects.
// Only below 130 levels between ink and paper: on pages a little less washed
// out (ink 97, paper 230) the stretch thickened blurred strokes until "21/02"
// read "2122" (synthetic seeds 58211 and 91733, pages compared one by one).
PixPtr StretchWashedOut(Pix* grey) {
  const ContrastLevels levels = MeasureContrast(grey);
  if (!levels.washed_out()) return nullptr;
  // Stretching multiplies the noise too: a 3 x 3 median first takes out
  // the specks (salt and pepper, JPEG blocks) that would become black dust.
  PixPtr smooth(pixMedianFilter(grey, 3, 3));
  if (!smooth) return nullptr;
  const int white = levels.ink + (levels.paper - levels.ink) * 255 / 230;
  PixPtr stretched(pixGammaTRC(nullptr, smooth.get(), 1.0f, levels.ink, white));
  if (stretched) pixCopyResolution(stretched.get(), grey);
  return stretched;
}

PixPtr Binarise(Pix* grey) {
  PixPtr stretched = StretchWashedOut(grey);
  if (stretched) grey = stretched.get();
  const int dpi = std::max(pixGetXRes(grey), 72);
  const int window = std::max(7, dpi / 12);
  PixPtr binary;
  if (pixGetWidth(grey) > 2 * window + 3 && pixGetHeight(grey) > 2 * window + 3) {
    // Tiles of ~600 px keep Leptonica's mean-square accumulator in cache:
    // 5-6x faster than one tile on an A4 page, with the same pixels out
    // (tiles overlap by the window).
    const int nx = std::max(1, pixGetWidth(grey) / 600), ny = std::max(1, pixGetHeight(grey) / 600);
    Pix* out = nullptr;
    if (pixSauvolaBinarizeTiled(grey, window, 0.34f, nx, ny, nullptr, &out) == 0) binary.reset(out);
  }
  if (!binary) binary.reset(pixConvertTo1(grey, 128));
  if (binary) pixCopyResolution(binary.get(), grey);
  return binary;
}

void RemoveDarkBorder(PixPtr& binary) {
  // Only large components count as border: a letter touching the edge stays.
  PixPtr touching(pixExtractBorderConnComps(binary.get(), 8));
  if (!touching) return;
  const int min_side = std::max(pixGetXRes(binary.get()) / 2, 50);  // half an inch
  PixPtr big(pixSelectBySize(touching.get(), min_side, min_side, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, nullptr));
  if (big) pixSubtract(binary.get(), binary.get(), big.get());
}

int RemoveSpecksAndPunchHoles(Pix* binary, bool specks, bool punch_holes) {
  // Boxes only (no per-component raster): one labelling pass serves both.
  Boxa* boxa = pixConnCompBB(binary, 8);
  if (boxa == nullptr) return 0;
  const double dpi = std::max(pixGetXRes(binary), 72);
  const int min_d = static_cast<int>(dpi * 4.0 / 25.4), max_d = static_cast<int>(dpi * 9.0 / 25.4);
  const int w = pixGetWidth(binary), h = pixGetHeight(binary);
  int removed = 0;
  for (int i = 0; i < boxaGetCount(boxa); ++i) {
    l_int32 x = 0, y = 0, bw = 0, bh = 0;
    boxaGetBoxGeometry(boxa, i, &x, &y, &bw, &bh);
    if (bw < 3 && bh < 3) {
      // Any other black pixel inside a 2 x 2 box would touch this component
      // (8-connected) and belong to it: clearing the box clears only the speck.
      if (specks) pixRasterop(binary, x, y, bw, bh, PIX_CLR, nullptr, 0, 0);
      continue;
    }
    if (!punch_holes || bw < min_d || bw > max_d || bh < min_d || bh > max_d) continue;
    if (std::abs(bw - bh) * 4 > std::max(bw, bh)) continue;  // not round
    const bool near_edge = x < w / 8 || x + bw > w - w / 8 || y < h / 10 || y + bh > h - h / 10;
    if (!near_edge) continue;
    Box* box = boxCreate(x, y, bw, bh);
    l_int32 count = 0;
    pixCountPixelsInRect(binary, box, &count, nullptr);
    const double fill = static_cast<double>(count) / (static_cast<double>(bw) * bh);
    if (fill >= 0.65 && fill <= 0.9) {  // a disk fills pi/4 of its box
      pixClearInRect(binary, box);
      ++removed;
    }
    boxDestroy(&box);
  }
  boxaDestroy(&boxa);
  return removed;
}

}  // namespace liasse::ocr
