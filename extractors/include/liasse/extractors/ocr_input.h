// What the extractors read: the OCR of each page as plain data (words with
// boxes and confidences, grouped in lines) and, for ink checks (signatures,
// ticked boxes, crossed-out prescriptions), the cleaned grey raster the boxes
// refer to. The runner fills these from liasse::ocr results; the extractors
// never see Tesseract, Leptonica or OpenCV types. Plain value types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "liasse/core/status.h"
#include "liasse/core/document.h"

namespace liasse::extractors {

struct OcrWord {
  std::string text;        // UTF-8, as recognised
  Box box;                 // pixels of the cleaned page
  float confidence = 0;    // 0..100 (Tesseract's scale)
};

struct OcrLine {
  Box box;
  std::vector<OcrWord> words;  // left to right
};

// 8-bit grey raster, row-major, 0 = black, 255 = white; empty when the
// runner did not keep the image (ink checks then flag their field).
struct GreyRaster {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;  // width * height bytes
  bool empty() const { return pixels.empty(); }
};

struct OcrPage {
  int index = 0;              // 0-based page index in the envelope
  int width = 0;              // of the cleaned page, pixels
  int height = 0;
  int dpi = 300;
  std::vector<OcrLine> lines; // reading order
  std::string text;           // page text, lines separated by '\n'
  double mean_confidence = 0; // 0..100
  GreyRaster ink;
};

// What a region re-read is for: the character set and segmentation the
// reader should use.
enum class RegionKind {
  kDigits,    // NIR, numbers: digits (and spaces) only
  kAmount,    // digits, ',', '.', '€'
  kDate,      // digits and '/', '.', '-'
  kText,      // anything, single line
};

struct RegionText {
  std::string text;
  float confidence = 0;  // 0..100
};

// Re-reads one rectangle of one page with another segmentation mode and a
// whitelist (the OCR stage implements it). Implementations must be safe to
// call from the thread that called ExtractDocuments.
class RegionReader {
 public:
  virtual ~RegionReader() = default;
  // The text in `box` of page `page_index`, or an error Status (the caller
  // then keeps its first reading and flags the field).
  virtual Result<RegionText> Reread(int page_index, const Box& box, RegionKind kind) = 0;
};

}  // namespace liasse::extractors
