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

PixPtr Binarise(Pix* grey) {
  const int dpi = std::max(pixGetXRes(grey), 72);
  const int window = std::max(7, dpi / 12);
  PixPtr binary;
  if (pixGetWidth(grey) > 2 * window + 3 && pixGetHeight(grey) > 2 * window + 3) {
    Pix* out = nullptr;
    if (pixSauvolaBinarizeTiled(grey, window, 0.34f, 1, 1, nullptr, &out) == 0) binary.reset(out);
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

int RemovePunchHoles(Pix* binary) {
  const double dpi = std::max(pixGetXRes(binary), 72);
  const int min_d = static_cast<int>(dpi * 4.0 / 25.4), max_d = static_cast<int>(dpi * 9.0 / 25.4);
  const int w = pixGetWidth(binary), h = pixGetHeight(binary);
  Pixa* pixa = nullptr;
  Boxa* boxa = pixConnCompPixa(binary, &pixa, 8);
  if (boxa == nullptr) return 0;
  int removed = 0;
  for (int i = 0; i < boxaGetCount(boxa); ++i) {
    l_int32 x = 0, y = 0, bw = 0, bh = 0;
    boxaGetBoxGeometry(boxa, i, &x, &y, &bw, &bh);
    if (bw < min_d || bw > max_d || bh < min_d || bh > max_d) continue;
    if (std::abs(bw - bh) * 4 > std::max(bw, bh)) continue;  // not round
    const bool near_edge = x < w / 8 || x + bw > w - w / 8 || y < h / 10 || y + bh > h - h / 10;
    if (!near_edge) continue;
    Pix* comp = pixaGetPix(pixa, i, L_CLONE);
    l_int32 count = 0;
    pixCountPixels(comp, &count, nullptr);
    pixDestroy(&comp);
    const double fill = static_cast<double>(count) / (static_cast<double>(bw) * bh);
    if (fill < 0.65 || fill > 0.9) continue;  // a disk fills π/4 of its box
    Box* box = boxCreate(x, y, bw, bh);
    pixClearInRect(binary, box);
    boxDestroy(&box);
    ++removed;
  }
  pixaDestroy(&pixa);
  boxaDestroy(&boxa);
  return removed;
}

void Denoise(PixPtr& binary) {
  PixPtr kept(pixSelectBySize(binary.get(), 3, 3, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, nullptr));
  if (kept) binary = std::move(kept);
}

}  // namespace liasse::ocr
