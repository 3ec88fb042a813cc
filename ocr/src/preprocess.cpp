#include "preprocess.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>
#include <vector>

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

namespace {

struct DottedRun {
  l_int32 x = 0, y = 0, w = 0, h = 0;
  bool written_on = false;  // ink stands just above it
  size_t chain = 0;         // the dotted line it is a piece of
};

// The pieces of each dotted line: runs on one height less than 8 mm apart
// (a scan loses dots, a letter's foot joins others) are one line.
void ChainRuns(std::vector<DottedRun>& runs, double mm) {
  for (size_t i = 0; i < runs.size(); ++i) runs[i].chain = i;
  std::function<size_t(size_t)> root = [&](size_t i) { return runs[i].chain == i ? i : root(runs[i].chain); };
  for (size_t i = 0; i < runs.size(); ++i) {
    for (size_t j = i + 1; j < runs.size(); ++j) {
      const DottedRun& a = runs[i];
      const DottedRun& b = runs[j];
      const double dy = std::abs((a.y + a.h / 2.0) - (b.y + b.h / 2.0));
      const l_int32 gap = std::max(a.x, b.x) - std::min(a.x + a.w, b.x + b.w);
      if (dy <= 0.6 * mm && gap <= 8 * mm) runs[root(j)].chain = root(i);
    }
  }
  for (auto& run : runs) run.chain = root(run.chain);
}

// Clears from `lines` (the dotted lines found on `binary`) those with no
// writing on any of their pieces: a blank band just above the dots is a
// listing's leader between a label and its value ("NOM PRENOM ........ :
// MERCIER"), which Tesseract reads as text and the reader uses; a line
// carrying written words is the one that makes Tesseract drop them.
// Returns how many pieces are left.
int KeepLeaders(Pix* binary, Pix* lines, double mm) {
  Boxa* boxa = pixConnCompBB(lines, 8);
  if (boxa == nullptr) return 0;
  std::vector<DottedRun> runs(static_cast<size_t>(boxaGetCount(boxa)));
  for (size_t i = 0; i < runs.size(); ++i) {
    boxaGetBoxGeometry(boxa, static_cast<l_int32>(i), &runs[i].x, &runs[i].y, &runs[i].w, &runs[i].h);
  }
  boxaDestroy(&boxa);
  // A letter's ink, 2 mm², standing within 2.5 mm above the dots.
  const l_int32 min_ink = static_cast<l_int32>(2.0 * mm * mm);
  const l_int32 band = static_cast<l_int32>(2.5 * mm), gap = std::max(1, static_cast<int>(0.3 * mm));
  for (DottedRun& run : runs) {
    const l_int32 top = std::max(0, run.y - gap - band);
    Box* above = boxCreate(run.x, top, run.w, std::max(0, run.y - gap - top));
    l_int32 ink = 0;
    pixCountPixelsInRect(binary, above, &ink, nullptr);
    boxDestroy(&above);
    run.written_on = ink >= min_ink;
  }
  ChainRuns(runs, mm);
  std::set<size_t> written;
  for (const DottedRun& run : runs) {
    if (run.written_on) written.insert(run.chain);
  }
  int left = 0;
  for (const DottedRun& run : runs) {
    if (written.contains(run.chain)) {
      ++left;
      continue;
    }
    Box* box = boxCreate(run.x, run.y, run.w, run.h);
    pixClearInRect(lines, box);
    boxDestroy(&box);
  }
  return left;
}

}  // namespace

PixPtr WithoutDottedLines(Pix* binary) {
  if (binary == nullptr || pixGetDepth(binary) != 1) return nullptr;
  const double mm = std::max(pixGetXRes(binary), 72) / 25.4;
  auto px = [mm](double millimetres) { return std::max(1, static_cast<int>(millimetres * mm + 0.5)); };
  // The marks: small enough to be a dot or a dash, not a letter.
  PixPtr narrow(pixSelectBySize(binary, px(2.0), 0, 8, L_SELECT_WIDTH, L_SELECT_IF_LTE, nullptr));
  if (!narrow) return nullptr;
  PixPtr marks(pixSelectBySize(narrow.get(), 0, px(0.7), 8, L_SELECT_HEIGHT, L_SELECT_IF_LTE, nullptr));
  if (!marks) return nullptr;
  // Marks a small gap apart run together; a row of them is a line.
  PixPtr bridged(pixCloseBrick(nullptr, marks.get(), px(1.5) | 1, 1));
  if (!bridged) return nullptr;
  PixPtr long_runs(pixSelectBySize(bridged.get(), px(10.0), 0, 8, L_SELECT_WIDTH, L_SELECT_IF_GTE, nullptr));
  if (!long_runs) return nullptr;
  PixPtr lines(pixSelectBySize(long_runs.get(), 0, px(1.0), 8, L_SELECT_HEIGHT, L_SELECT_IF_LTE, nullptr));
  if (!lines) return nullptr;
  if (KeepLeaders(binary, lines.get(), mm) == 0) return nullptr;
  // Only the marks under a line go: the closing filled the gaps between them.
  PixPtr dots(pixAnd(nullptr, lines.get(), marks.get()));
  if (!dots) return nullptr;
  return PixPtr(pixSubtract(nullptr, binary, dots.get()));
}

}  // namespace liasse::ocr
