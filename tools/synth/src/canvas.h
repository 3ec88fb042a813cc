// One A4 page drawn with Cairo in millimetres, ink only (an 8-bit alpha
// surface turned into a white-paper grey image). Every piece of text drawn
// is recorded so the page's exact text can go into the truth.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <opencv2/core.hpp>

#include "rng.h"

namespace liasse::synth {

struct Font {
  std::string family = "DejaVu Sans";
  double size_pt = 10;
  bool bold = false;
  bool italic = false;
  // Drawn and recorded in capitals without accents (a block-letter hand;
  // fonts without accented letters).
  bool capitals = false;
};

// One line of text as drawn: left x and baseline y, width and font size (mm),
// and the text itself (so a word's place on it can be measured).
struct TextLine {
  double x = 0, baseline = 0, width = 0, size_mm = 0;
  std::string text;
  Font font;
};

class Canvas {
 public:
  static constexpr double kWidthMm = 210.0;
  static constexpr double kHeightMm = 297.0;

  explicit Canvas(int dpi);
  ~Canvas();
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;
  Canvas(Canvas&&) noexcept;
  Canvas& operator=(Canvas&&) noexcept;

  int dpi() const { return dpi_; }
  // Text with its baseline at y; returns the width drawn (mm).
  double Text(double x, double y, const std::string& text, const Font& font, double ink = 0.92);
  double TextRight(double x_right, double y, const std::string& text, const Font& font);
  double TextCentered(double x_center, double y, const std::string& text, const Font& font);
  double TextWidth(const std::string& text, const Font& font);
  // Text not recorded in the page text (handwriting-like overlays, rotated stamp text).
  void TextRotated(double x, double y, double angle_deg, const std::string& text, const Font& font,
                   double ink, bool record);
  // Adds text to the page text without drawing it (for text drawn piecewise).
  void Record(double x, double y, const std::string& text, const Font& font);
  // Wraps `text` at `width` mm; returns the y after the last line. With
  // `lines`, appends each line drawn (what a crossing-out is drawn over).
  double Paragraph(double x, double y, double width, const std::string& text, const Font& font,
                   double leading = 1.35, std::vector<TextLine>* lines = nullptr);

  void Line(double x1, double y1, double x2, double y2, double width_mm = 0.25, double ink = 0.9);
  void Rect(double x, double y, double w, double h, double width_mm = 0.25, double ink = 0.9);
  void Fill(double x, double y, double w, double h, double ink);
  void Checkbox(double x, double y, double size, bool checked);
  // A handwritten-looking signature: a few Bézier loops in a w × h box.
  void Signature(Rng& rng, double x, double y, double w, double h);
  // An oval or rectangular rubber stamp with 1–3 lines, slightly rotated.
  void Stamp(Rng& rng, double cx, double cy, const std::vector<std::string>& lines);
  // Crossing-out strokes over a region ("raturée / surchargée").
  void Scribble(Rng& rng, double x, double y, double w, double h);
  void Ellipse(double cx, double cy, double rx, double ry, double width_mm, double ink);
  // A pen stroke through `points` (mm): straight segments, or a smooth curve
  // through them (Catmull-Rom) when `smooth`.
  void Stroke(const std::vector<std::pair<double, double>>& points, double width_mm, double ink, bool smooth);
  // A horizontal dotted line (a form's line to fill in) at height y.
  void DottedLine(double x1, double x2, double y, double pitch_mm = 1.0, double ink = 0.75);
  // A dashed rectangle (a coupon's cutting line).
  void DashedRect(double x, double y, double w, double h, double dash_mm = 2.0, double ink = 0.8);

  // Every piece of page text recorded, where it was drawn (font left default).
  std::vector<TextLine> RecordedText() const;
  // Recorded text, one line per baseline (top to bottom, left to right).
  std::string PageText() const;
  // The page as an 8-bit grey image (255 = paper).
  cv::Mat Image() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int dpi_;
};

// Whether Fontconfig resolves `family` to a font of that family (rather than
// to a fallback). Thread-safe.
bool FontInstalled(const std::string& family);

// Frees Cairo's and Fontconfig's process-wide font caches. Call only when no
// Canvas exists (end of a generation run); the next Canvas reloads them. Keeps
// LeakSanitizer quiet about the caches these libraries never free.
void ReleaseFontCaches();

}  // namespace liasse::synth
