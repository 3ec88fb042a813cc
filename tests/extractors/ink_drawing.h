// Ink drawn in memory for the ink tests: printed words with their glyphs'
// ink, ellipses and signatures in several hands. No OCR involved.
#pragma once

#include <cmath>
#include <numbers>
#include <string>
#include <utility>

#include "page_builder.h"

namespace liasse::extractors::testing {

// Printed text: the OCR's words and the glyphs' ink inside their boxes.
inline void Printed(PageBuilder& p, double x, double y, const std::string& text, double size = 3) {
  p.Text(x, y, text, 95, size);
  const double char_w = 0.55 * size;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ') continue;
    const double cx = x + static_cast<double>(i) * char_w;
    p.Stroke(cx + 0.3, y - 0.85 * size, cx + 0.3, y - 0.1, 0.3).Stroke(cx + 0.3, y - 0.45 * size, cx + char_w - 0.5, y - 0.45 * size, 0.25);
  }
}

inline void Ellipse(PageBuilder& p, double cx, double cy, double rx, double ry, double pen, double tilt = 0) {
  const int n = 48;
  for (int i = 0; i < n; ++i) {
    const double a0 = 2 * std::numbers::pi * i / n, a1 = 2 * std::numbers::pi * (i + 1) / n;
    auto at = [&](double a) {
      const double x = rx * std::cos(a), y = ry * std::sin(a);
      return std::pair{cx + x * std::cos(tilt) - y * std::sin(tilt), cy + x * std::sin(tilt) + y * std::cos(tilt)};
    };
    const auto [x0, y0] = at(a0);
    const auto [x1, y1] = at(a1);
    p.Stroke(x0, y0, x1, y1, pen);
  }
}

// A signature in the w × h zone at (x, y), in one of several hands.
inline void Sign(PageBuilder& p, const std::string& style, double x, double y, double w, double h, double pen = 0.45) {
  if (style == "zigzag") {
    for (int i = 0; i < 8; ++i) p.Stroke(x + w * i / 8, y + h * (i % 2 ? 0.2 : 0.9), x + w * (i + 1) / 8, y + h * (i % 2 ? 0.9 : 0.2), pen);
  } else if (style == "loops") {
    for (int i = 0; i < 5; ++i) Ellipse(p, x + w * (0.1 + 0.18 * i), y + h * 0.5, w * 0.06, h * 0.3, pen);
    p.Stroke(x, y + h * 0.8, x + w, y + h * 0.5, pen);
  } else if (style == "paraphe") {
    Ellipse(p, x + w * 0.45, y + h * 0.5, w * 0.3, h * 0.4, pen, 0.2);
    p.Stroke(x, y + h * 0.75, x + w * 0.45, y + h * 0.5, pen).Stroke(x + w * 0.45, y + h * 0.5, x + w, y + h * 0.3, pen);
  } else {  // initials: two tall letters of a hand, "J" and "M", underlined
    p.Stroke(x + 4, y, x + 4, y + h * 0.8, pen).Stroke(x + 4, y + h * 0.8, x + 1, y + h * 0.7, pen);
    p.Stroke(x + 8, y + h * 0.8, x + 10, y, pen).Stroke(x + 10, y, x + 12, y + h * 0.5, pen);
    p.Stroke(x + 12, y + h * 0.5, x + 14, y, pen).Stroke(x + 14, y, x + 16, y + h * 0.8, pen);
    p.Stroke(x, y + h, x + w * 0.6, y + h * 0.9, pen);
  }
}

}  // namespace liasse::extractors::testing
