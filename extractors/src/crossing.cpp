#include "crossing.h"

#include <algorithm>
#include <cmath>

#include "raster.h"

namespace liasse::extractors::internal {

namespace {

int Alnum(const std::string& s) {
  return static_cast<int>(std::count_if(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }));
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// The middle of a text line along x: a straight line through the centres
// of its words (least squares), and the height of its letters.
struct Middle {
  double a = 0, b = 0;  // centre y = a + b·x
  double height = 0;
  double At(double x) const { return a + b * x; }
};

Middle MiddleOf(const TextLine& line) {
  Middle m;
  std::vector<double> heights;
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const Box& w : line.words) {
    const double cx = w.x + w.width / 2.0, cy = w.y + w.height / 2.0;
    sx += cx;
    sy += cy;
    sxx += cx * cx;
    sxy += cx * cy;
    heights.push_back(w.height);
  }
  const double n = static_cast<double>(line.words.size());
  const double den = n * sxx - sx * sx;
  // A slope steeper than a skew the OCR leaves is two rows grouped: flat.
  m.b = std::abs(den) > 1e-9 ? std::clamp((n * sxy - sx * sy) / den, -0.03, 0.03) : 0;
  m.a = (sy - m.b * sx) / n;
  m.height = Median(heights);
  return m;
}

// Any ink in column x between rows y0 and y1 (inclusive, clipped).
bool InkInColumn(const GreyRaster& r, int x, int y0, int y1) {
  if (x < 0 || x >= r.width) return false;
  for (int y = std::max(0, y0); y <= std::min(r.height - 1, y1); ++y) {
    if (IsInk(r, x, y)) return true;
  }
  return false;
}

// The longest run of ink (pixels) along the line's middle band: bands one
// stroke thick at each height of the middle half of the letters, gaps of
// `bridge` pixels bridged.
double LongestRun(const GreyRaster& r, const TextLine& line, const Middle& m, double mm) {
  const int x0 = std::max(0, line.words.front().x - static_cast<int>(2 * mm));
  const Box& last = line.words.back();
  const int x1 = std::min(r.width, last.x + last.width + static_cast<int>(2 * mm));
  const int thick = std::max(1, static_cast<int>(0.5 * mm));
  const int step = std::max(1, static_cast<int>(0.25 * mm));
  const int bridge = std::max(1, static_cast<int>(0.2 * mm));
  const int half = static_cast<int>(0.25 * m.height);
  int longest = 0;
  for (int d = -half; d <= half; d += step) {
    int run = 0, gap = 0;
    for (int x = x0; x < x1; ++x) {
      const int y = static_cast<int>(std::lround(m.At(x))) + d;
      if (InkInColumn(r, x, y, y + thick - 1)) {
        run += gap + 1;
        gap = 0;
      } else if (run > 0 && ++gap > bridge) {
        run = 0;
        gap = 0;
      }
      longest = std::max(longest, run);
    }
  }
  return longest;
}

// Spaces between words whose every column (nine in ten) has ink in the
// line's middle band: a stroke across them.
int CrossedGaps(const GreyRaster& r, const TextLine& line, const Middle& m, double mm) {
  const int half = static_cast<int>(0.25 * m.height);
  const int min_gap = std::max(2, static_cast<int>(0.6 * mm));
  int crossed = 0;
  for (size_t i = 0; i + 1 < line.words.size(); ++i) {
    const int g0 = line.words[i].x + line.words[i].width, g1 = line.words[i + 1].x;
    if (g1 - g0 < min_gap) continue;
    int inked = 0;
    for (int x = g0; x < g1; ++x) {
      const int y = static_cast<int>(std::lround(m.At(x)));
      inked += InkInColumn(r, x, y - half, y + half) ? 1 : 0;
    }
    if (inked >= 0.9 * (g1 - g0)) ++crossed;
  }
  return crossed;
}

Crossed Verdict(double run_heights, int gaps) {
  if (run_heights >= 4 || gaps >= 2) return Crossed::kCrossed;
  if (run_heights >= 2.5 || gaps == 1) return Crossed::kUncertain;
  return Crossed::kClean;
}

int Rank(Crossed c) { return c == Crossed::kCrossed ? 2 : c == Crossed::kUncertain ? 1 : 0; }

}  // namespace

std::vector<TextLine> TextLines(const PageView& v) {
  std::vector<TextLine> out;
  const double wh = v.word_height();
  for (const Row& row : v.rows()) {
    TextLine line;
    int text_words = 0;
    for (int id : row.words) {
      const PlacedWord& w = v.words()[static_cast<size_t>(id)];
      if (w.box.height > 1.8 * wh || w.box.height < 0.4 * wh) continue;  // a mark, a frame, a speck
      line.words.push_back(w.box);
      text_words += (w.confidence >= 60 && Alnum(w.folded) >= 2) ? 1 : 0;
    }
    if (text_words < 2) continue;
    std::sort(line.words.begin(), line.words.end(), [](const Box& a, const Box& b) { return a.x < b.x; });
    out.push_back(std::move(line));
  }
  return out;
}

CrossingReading FindCrossing(const GreyRaster& raster, const std::vector<TextLine>& lines, double mm) {
  CrossingReading out;
  if (raster.empty()) return out;
  out.verdict = Crossed::kClean;
  for (const TextLine& line : lines) {
    if (line.words.size() < 2) continue;
    const Middle m = MiddleOf(line);
    if (m.height <= 0) continue;
    const double run = LongestRun(raster, line, m, mm);
    const int gaps = CrossedGaps(raster, line, m, mm);
    const Crossed c = Verdict(run / m.height, gaps);
    const bool worse = Rank(c) > Rank(out.verdict) || (Rank(c) == Rank(out.verdict) && Rank(c) > 0 && run / mm > out.run_mm);
    if (!worse) continue;
    out.verdict = c;
    out.run_mm = run / mm;
    out.crossed_gaps = gaps;
    const Box& a = line.words.front();
    const Box& b = line.words.back();
    const int top = std::min(a.y, b.y), bottom = std::max(a.y + a.height, b.y + b.height);
    out.zone = {a.x, top, b.x + b.width - a.x, bottom - top};
  }
  return out;
}

}  // namespace liasse::extractors::internal
