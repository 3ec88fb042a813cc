// Hand-made OCR pages for the extractor tests: text placed in millimetres
// on an A4 page, cut into words with plausible boxes, optionally skewed,
// and a grey raster to draw ink on. No OCR involved: fast and deterministic.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "liasse/extractors/ocr_input.h"

namespace liasse::extractors::testing {

class PageBuilder {
 public:
  explicit PageBuilder(int index = 0, int dpi = 300) {
    page_.index = index;
    page_.dpi = dpi;
    page_.width = static_cast<int>(210 * Mm());
    page_.height = static_cast<int>(297 * Mm());
    page_.mean_confidence = 90;
  }
  double Mm() const { return page_.dpi / 25.4; }
  // Residual skew: y grows by `slope` pixels per pixel of x.
  PageBuilder& Skew(double slope) {
    slope_ = slope;
    return *this;
  }
  // `text` with its baseline at (x_mm, y_mm), characters `size_mm` high.
  PageBuilder& Text(double x_mm, double y_mm, const std::string& text, float confidence = 95, double size_mm = 3) {
    OcrLine line;
    double x = x_mm * Mm();
    const double h = size_mm * Mm();
    const double char_w = 0.55 * h;
    size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && text[i] == ' ') {
        x += char_w;
        ++i;
      }
      size_t j = i;
      while (j < text.size() && text[j] != ' ') ++j;
      if (j == i) break;
      const std::string word = text.substr(i, j - i);
      const double w = static_cast<double>(Utf8Length(word)) * char_w;
      const double y = y_mm * Mm() - h + slope_ * x;
      line.words.push_back({word, {static_cast<int>(x), static_cast<int>(y), static_cast<int>(w), static_cast<int>(h)}, confidence});
      x += w;
      i = j;
    }
    if (line.words.empty()) return *this;
    const Box& a = line.words.front().box;
    const Box& b = line.words.back().box;
    line.box = {a.x, std::min(a.y, b.y), b.x + b.width - a.x, std::max(a.y + a.height, b.y + b.height) - std::min(a.y, b.y)};
    page_.text += text + "\n";
    page_.lines.push_back(std::move(line));
    return *this;
  }
  // A white raster of the page size, to draw ink on.
  PageBuilder& WithRaster() {
    page_.ink.width = page_.width;
    page_.ink.height = page_.height;
    page_.ink.pixels.assign(static_cast<size_t>(page_.width) * static_cast<size_t>(page_.height), 255);
    return *this;
  }
  // A black stroke (mm), `width_mm` thick.
  PageBuilder& Stroke(double x0, double y0, double x1, double y1, double width_mm = 0.4) {
    const double len = std::hypot(x1 - x0, y1 - y0);
    const int steps = std::max(1, static_cast<int>(len * Mm()));
    const int r = std::max(1, static_cast<int>(width_mm * Mm() / 2));
    for (int s = 0; s <= steps; ++s) {
      const double t = static_cast<double>(s) / steps;
      const int cx = static_cast<int>((x0 + (x1 - x0) * t) * Mm()), cy = static_cast<int>((y0 + (y1 - y0) * t) * Mm());
      for (int dy = -r; dy <= r; ++dy) {
        for (int dx = -r; dx <= r; ++dx) Set(cx + dx, cy + dy);
      }
    }
    return *this;
  }
  // A rectangle outline (mm).
  PageBuilder& Rect(double x, double y, double w, double h) {
    Stroke(x, y, x + w, y, 0.25).Stroke(x + w, y, x + w, y + h, 0.25).Stroke(x + w, y + h, x, y + h, 0.25).Stroke(x, y + h, x, y, 0.25);
    return *this;
  }
  OcrPage Build() const { return page_; }

 private:
  static size_t Utf8Length(const std::string& s) {
    return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  }
  void Set(int x, int y) {
    if (x < 0 || y < 0 || x >= page_.ink.width || y >= page_.ink.height) return;
    page_.ink.pixels[static_cast<size_t>(y) * static_cast<size_t>(page_.ink.width) + static_cast<size_t>(x)] = 0;
  }
  OcrPage page_;
  double slope_ = 0;
};

}  // namespace liasse::extractors::testing
