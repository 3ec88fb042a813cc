#include "crossing.h"

#include <algorithm>
#include <cmath>

#include "crossing_hatch.h"
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
  const std::vector<Box>& anchors = line.anchors.size() >= 2 ? line.anchors : line.words;
  for (const Box& w : anchors) {
    const double cx = w.x + w.width / 2.0, cy = w.y + w.height / 2.0;
    sx += cx;
    sy += cy;
    sxx += cx * cx;
    sxy += cx * cy;
    heights.push_back(w.height);
  }
  const double n = static_cast<double>(anchors.size());
  const double den = n * sxx - sx * sx;
  // A slope steeper than a skew the OCR leaves is two rows grouped: flat.
  // So is one from anchors bunched on a short stretch of a long line (two
  // words of a label before boxed digits read badly): a pixel of their
  // centres tilts the whole line through the letters.
  double lo = anchors.front().x, hi = lo;
  for (const Box& w : anchors) lo = std::min<double>(lo, w.x), hi = std::max<double>(hi, w.x + w.width);
  const double span = line.words.back().x + line.words.back().width - line.words.front().x;
  const bool spread = hi - lo >= 0.5 * span;
  m.b = spread && std::abs(den) > 1e-9 ? std::clamp((n * sxy - sx * sy) / den, -0.03, 0.03) : 0;
  m.a = (sy - m.b * sx) / n;
  m.height = Median(heights);
  return m;
}

// The ink about one text line, less the rules that pass above or below
// the middle of its letters: a horizontal run of three letter heights
// along one row of pixels there is a frame's side, the comb of boxes round
// printed digits, a table's rule or an underline, never a strike (which
// runs through the letters' middle).
class LineInk {
 public:
  LineInk(const GreyRaster& raster, const TextLine& line, const Middle& m, double mm)
      : raster_(raster), width(raster.width), height(raster.height) {
    x0_ = std::max(0, line.words.front().x - static_cast<int>(4 * mm));
    const Box& last = line.words.back();
    const int x1 = std::min(raster.width, last.x + last.width + static_cast<int>(4 * mm));
    const double reach = 0.5 * m.height + 2;
    y0_ = std::max(0, static_cast<int>(std::floor(std::min(m.At(x0_), m.At(x1)) - reach)));
    const int y1 = std::min(raster.height, static_cast<int>(std::ceil(std::max(m.At(x0_), m.At(x1)) + reach)) + 1);
    w_ = std::max(0, x1 - x0_);
    h_ = std::max(0, y1 - y0_);
    rule_.assign(static_cast<size_t>(w_) * static_cast<size_t>(h_), 0);
    const int min_run = static_cast<int>(3 * m.height);
    const double middle = 0.38 * m.height;
    for (int y = y0_; y < y0_ + h_; ++y) {
      for (int x = x0_; x < x0_ + w_;) {
        int end = x;
        while (end < x0_ + w_ && IsInk(raster, end, y)) ++end;
        if (end - x >= min_run && std::abs(y - m.At((x + end) / 2.0)) > middle) {
          for (int k = x; k < end; ++k) rule_[Index(k, y)] = 1;
        }
        x = std::max(end, x + 1);
      }
    }
  }
  // Ink at (x, y) inside the raster, a rule's pixel excepted.
  bool Ink(int x, int y) const {
    if (!IsInk(raster_, x, y)) return false;
    const bool inside = x >= x0_ && x < x0_ + w_ && y >= y0_ && y < y0_ + h_;
    return !inside || !rule_[Index(x, y)];
  }

 private:
  size_t Index(int x, int y) const { return static_cast<size_t>(y - y0_) * static_cast<size_t>(w_) + static_cast<size_t>(x - x0_); }
  const GreyRaster& raster_;
  int x0_ = 0, y0_ = 0, w_ = 0, h_ = 0;
  std::vector<uint8_t> rule_;

 public:
  const int width, height;
};

// What each column of a line holds: ink in the middle half of the
// letters, ink elsewhere in the line's height, and how much.
struct Column {
  bool middle = false;  // ink in the middle of the line's letters
  bool thin = false;    // only there, a stroke's thickness: a space crossed by a stroke
};

std::vector<Column> Profile(const LineInk& r, int x0, int x1, const Middle& m) {
  // The middle: where a stroke through the letters runs, clear of an
  // underline (at the baseline and below) and of the line above.
  const double middle = 0.38 * m.height;
  const int reach = static_cast<int>(0.5 * m.height);
  std::vector<Column> out(static_cast<size_t>(std::max(0, x1 - x0)));
  for (int x = x0; x < x1; ++x) {
    const int c = static_cast<int>(std::lround(m.At(x)));
    int top = -1, bottom = -1;
    for (int y = std::max(0, c - reach); y <= std::min(r.height - 1, c + reach); ++y) {
      if (!r.Ink(x, y)) continue;
      if (top < 0) top = y;
      bottom = y;
    }
    if (top < 0) continue;
    Column& col = out[static_cast<size_t>(x - x0)];
    const bool top_in = std::abs(top - c) <= middle, bottom_in = std::abs(bottom - c) <= middle;
    col.middle = top_in || bottom_in || (top < c && bottom > c);
    col.thin = top_in && bottom_in && bottom - top <= 0.25 * m.height;
  }
  return out;
}

// The runs of columns with ink in the middle band (gaps of `bridge`
// bridged): print and hand leave the spaces between words blank there. A
// run holding stretches of thin ink alone at mid-height, each wider than a
// letter's stem, crossed a space or ran past the words: a stroke. The run
// with most such stretches: (length, stretches); a run across a blank
// wider than four letter heights is a rule, not counted.
std::pair<int, int> StrokeAcrossSpaces(const LineInk& r, const TextLine& line, const Middle& m, double mm) {
  const int x0 = std::max(0, line.words.front().x - static_cast<int>(3 * mm));
  const Box& last = line.words.back();
  const int x1 = std::min(r.width, last.x + last.width + static_cast<int>(3 * mm));
  const auto cols = Profile(r, x0, x1, m);
  const int bridge = std::max(1, static_cast<int>(0.2 * mm));
  const int min_thin = std::max(2, static_cast<int>(0.6 * mm));
  // Where the spaces are (columns from x0): between the words and past
  // the line's ends. A thin stretch elsewhere is a letter's bar (t, f, e).
  std::vector<char> space(cols.size(), 0);
  auto mark = [&](int a, int b) {
    for (int x = std::max(a, x0); x < std::min(b, x1); ++x) space[static_cast<size_t>(x - x0)] = 1;
  };
  mark(x0, line.words.front().x);
  mark(last.x + last.width, x1);
  std::vector<std::pair<int, int>> wide;
  for (size_t i = 0; i + 1 < line.words.size(); ++i) {
    const int g0 = line.words[i].x + line.words[i].width, g1 = line.words[i + 1].x;
    mark(g0, g1);
    if (g1 - g0 > 4 * m.height) wide.emplace_back(g0, g1);
  }
  auto counts = [&](size_t from, int length) {
    if (length < min_thin) return false;
    if (length >= 0.5 * m.height) return true;
    int in_space = 0;
    for (size_t k = from; k < from + static_cast<size_t>(length); ++k) in_space += space[k];
    return 2 * in_space >= length;
  };
  std::pair<int, int> best{0, 0};
  size_t i = 0;
  while (i < cols.size()) {
    if (!cols[i].middle) {
      ++i;
      continue;
    }
    // One run: from i while middle ink lasts, gaps of `bridge` bridged.
    size_t end = i, gap = 0;
    int stretches = 0, thin = 0;
    for (size_t k = i; k < cols.size(); ++k) {
      if (cols[k].middle) {
        end = k;
        gap = 0;
      } else if (++gap > static_cast<size_t>(bridge)) {
        break;
      }
      if (cols[k].thin) {
        ++thin;
      } else {
        stretches += counts(k - static_cast<size_t>(thin), thin) ? 1 : 0;
        thin = 0;
      }
    }
    stretches += counts(end + 1 - static_cast<size_t>(thin), thin) ? 1 : 0;
    const int length = static_cast<int>(end - i + 1);
    // Across a blank wider than four letter heights (a table's columns): a rule.
    const bool rule = std::any_of(wide.begin(), wide.end(), [&](const std::pair<int, int>& g) {
      return g.first - x0 >= static_cast<int>(i) && g.second - x0 <= static_cast<int>(end) + 1;
    });
    if (rule) {
      i = end + 1;
      continue;
    }
    if (stretches > best.second || (stretches == best.second && length > best.first)) best = {length, stretches};
    i = end + 1;
  }
  return best;
}

// Spaces between words whose every column (nine in ten) has ink in the
// line's middle, most of them (three in five) a stroke's thin ink alone
// (specks and a neighbour's letters fill a space with no stroke): (spaces
// between words, wider blanks such as a table's columns). A hand crosses
// words; a line filling a blank wider than four letter heights is a rule.
std::pair<int, int> CrossedGaps(const LineInk& r, const TextLine& line, const Middle& m, double mm) {
  const int min_gap = std::max(2, static_cast<int>(0.6 * mm));
  std::pair<int, int> crossed{0, 0};
  for (size_t i = 0; i + 1 < line.words.size(); ++i) {
    const int g0 = line.words[i].x + line.words[i].width, g1 = line.words[i + 1].x;
    if (g1 - g0 < min_gap) continue;
    const auto cols = Profile(r, g0, g1, m);
    const double middle = static_cast<double>(std::count_if(cols.begin(), cols.end(), [](const Column& c) { return c.middle; }));
    const double thin = static_cast<double>(std::count_if(cols.begin(), cols.end(), [](const Column& c) { return c.thin; }));
    if (middle < 0.9 * (g1 - g0) || thin < 0.6 * (g1 - g0)) continue;
    if (g1 - g0 > 4 * m.height) ++crossed.second;
    else ++crossed.first;
  }
  return crossed;
}

// What a path holds at a column: ink, none, or a break (the path leaves
// where a stroke may run; a run ends there).
enum class PathCell { kInk, kBlank, kBreak };

// Walks the columns x0..x1-1 of a path, `at(x)` telling what each holds,
// and calls `run(start, end)` for each run of inked columns (gaps of
// `bridge` blank columns bridged).
template <typename At, typename Run>
void InkRuns(int x0, int x1, int bridge, const At& at, const Run& run) {
  int start = -1, end = -1;
  for (int x = x0; x < x1; ++x) {
    const PathCell cell = at(x);
    if (cell == PathCell::kBlank) continue;
    if (start >= 0 && (cell == PathCell::kBreak || x - end - 1 > bridge)) {
      run(start, end);
      start = -1;
    }
    if (cell == PathCell::kBreak) continue;
    if (start < 0) start = x;
    end = x;
  }
  if (start >= 0) run(start, end);
}

// The straight paths through the middle of a line's letters (within 0.3
// of a letter height of it), from column x0 to x1.
struct PathFan {
  int turns;      // slopes the line's, give or take `turns` steps
  double step;    // of a slope, rows per column
  int bridge;     // blank columns a run bridges
  bool in_middle; // a path ends where it leaves the middle (an underline, the next line)
};

// Calls `run(start, end)` for each run of inked columns (ink within a
// pixel of the path, rules excepted) along each path of `fan`.
template <typename Run>
void MiddlePaths(const LineInk& r, const Middle& m, int x0, int x1, const PathFan& fan, const Run& run) {
  const int reach = static_cast<int>(0.3 * m.height);
  for (int k = -fan.turns; k <= fan.turns; ++k) {
    const double slope = m.b + fan.step * k;
    for (int dy = -reach; dy <= reach; ++dy) {
      auto at = [&](int x) {
        const int y = static_cast<int>(std::lround(m.At(x0) + dy + slope * (x - x0)));
        if (fan.in_middle && std::abs(y - m.At(x)) > reach) return PathCell::kBreak;
        bool ink = false;
        for (int t = -1; t <= 1 && !ink; ++t) ink = y + t >= 0 && y + t < r.height && r.Ink(x, y + t);
        return ink ? PathCell::kInk : PathCell::kBlank;
      };
      InkRuns(x0, x1, fan.bridge, at, run);
    }
  }
}

// The longest straight stroke along the line through the middle of its
// letters, in pixels: columns where a straight path (the line's slope, give
// or take a degree, within the middle of the letters) meets
// ink, gaps of `bridge` bridged, that runs through a space between two
// words read surely (a millimetre of it, or all of a narrower one: a
// struck stretch the OCR could not read is such a space) or past the
// line's ends. A pen's strike runs straight for centimetres
// across words; printed letters break it every letter or two (bold capitals
// at most within one word), and a joined hand's links rise and fall.
int StraightStroke(const LineInk& r, const TextLine& line, const Middle& m, double mm) {
  const Box& front = line.words.front();
  const Box& last = line.words.back();
  const int x0 = std::max(0, front.x - static_cast<int>(3 * mm));
  const int x1 = std::min(r.width, last.x + last.width + static_cast<int>(3 * mm));
  const int bridge = std::max(1, static_cast<int>(0.2 * mm));
  const int past = std::max(2, static_cast<int>(mm));
  // Spaces between the words read surely: a struck stretch is read badly or as one word.
  std::vector<Box> sure = line.anchors.size() >= 2 ? line.anchors : line.words;
  std::sort(sure.begin(), sure.end(), [](const Box& a, const Box& b) { return a.x < b.x; });
  std::vector<std::pair<int, int>> spaces;
  for (size_t i = 0; i + 1 < sure.size(); ++i) {
    const int g0 = sure[i].x + sure[i].width, g1 = sure[i + 1].x;
    if (g1 - g0 >= std::max(2, static_cast<int>(0.6 * mm))) spaces.emplace_back(g0, g1);
  }
  auto across = [&](int a, int b) {
    if (a <= front.x - past || b >= last.x + last.width + past) return true;
    return std::any_of(spaces.begin(), spaces.end(), [&](const std::pair<int, int>& g) {
      return std::min(b + 1, g.second) - std::max(a, g.first) >= std::min(g.second - g.first, past);
    });
  };
  int best = 0;
  MiddlePaths(r, m, x0, x1, {5, 0.004, bridge, true}, [&](int start, int end) {
    if (end - start + 1 > best && across(start, end)) best = end - start + 1;
  });
  return best;
}

// True when `w` is one of the words `line` read surely (its anchors).
bool ReadSurely(const TextLine& line, const Box& w) {
  return std::any_of(line.anchors.begin(), line.anchors.end(), [&](const Box& a) {
    return a.x == w.x && a.y == w.y && a.width == w.width && a.height == w.height;
  });
}

// The word of `line` read unsurely (not among its anchors) a straight
// stroke at the middle of its letters runs along most, among those it runs
// along nine tenths of (gaps of a fifth of
// a millimetre bridged, the line's slope give or take a third of a degree):
// its width in letter heights and its box; 0 when none.
std::pair<double, Box> StruckWord(const LineInk& r, const TextLine& line, const Middle& m, double mm) {
  const int bridge = std::max(1, static_cast<int>(0.2 * mm));
  std::pair<double, Box> best{0, Box{}};
  for (const Box& w : line.words) {
    if (w.width <= best.first * m.height) continue;
    // A word read surely is print (bold digits touching along its middle).
    if (ReadSurely(line, w)) continue;
    const int x0 = std::max(0, w.x - bridge), x1 = std::min(r.width, w.x + w.width + bridge);
    int longest = 0;
    MiddlePaths(r, m, x0, x1, {3, 0.006, bridge, false}, [&](int start, int end) { longest = std::max(longest, end - start + 1); });
    if (longest >= 0.9 * w.width) best = {w.width / m.height, w};
  }
  return best;
}

// A straight stroke through a row of letters the OCR read nothing of: a
// struck short line (a paragraph's last word) is the one it leaves out
// whole, and a struck line squeezed under a correction may be read as
// part of it. Along the ink between a read line and the next one above
// or below, more than half a letter height from every read line's
// middle, the longest straight stroke (the line's slope, give or take)
// whose columns hold ink within a pixel, and the share of its columns
// with ink both above and below it within half a letter height: a strike
// goes through its letters' stems and bowls, an underline or a rule has
// ink on one side at most.
struct OffLineStroke {
  int length = 0;      // pixels
  double through = 0;  // share of its columns with letters above and below
  double stems = 0;    // share of its columns through a letter's stem
  Box zone;            // the row of letters it crosses
  bool tall = false;   // found inside a line read with boxes twice the words' height
};

// Along a straight path: the share of its columns where the ink through
// the path runs on up and down over 0.45 of a letter height (a letter's
// stem crossed), and the share with ink both above and below the path's
// own ink within half a letter height (stems, bowls: letters crossed).
std::pair<double, double> Through(const GreyRaster& r, int x0, int x1, double ya, double slope, double h) {
  const int far = static_cast<int>(0.45 * h);
  int stems = 0, both = 0;
  for (int x = x0; x <= x1; ++x) {
    const int y = static_cast<int>(std::lround(ya + slope * (x - x0)));
    int at = -1;
    for (int t = -1; t <= 1 && at < 0; ++t) {
      if (y + t >= 0 && y + t < r.height && IsInk(r, x, y + t)) at = y + t;
    }
    if (at < 0) continue;
    int top = at, bottom = at;
    while (top > 0 && IsInk(r, x, top - 1)) --top;
    while (bottom + 1 < r.height && IsInk(r, x, bottom + 1)) ++bottom;
    if (bottom - top + 1 >= far) {
      ++stems;
      ++both;
      continue;
    }
    auto any = [&](int from, int to) {
      for (int yy = std::max(0, from); yy <= std::min(r.height - 1, to); ++yy) {
        if (IsInk(r, x, yy)) return true;
      }
      return false;
    };
    both += any(top - far, top - 2) && any(bottom + 2, bottom + far) ? 1 : 0;
  }
  const double n = std::max(1, x1 - x0 + 1);
  return {stems / n, both / n};
}

// True when the stroke from `x0` to `x1` (its row `y0` at x0, `slope`)
// is a side of a frame: at one of its ends ink runs on, within two
// pixels, up or down over `reach` pixels (a stamp's frame, a box round
// text, a stretch of it where its texture broke the stroke). A hand's
// strike ends free or in a letter's stem.
bool FrameSide(const GreyRaster& r, int x0, int x1, double y0, double slope, int reach) {
  auto side = [&](int x, double y, int dir) {
    for (int t = 1; t <= reach; ++t) {
      const int yy = static_cast<int>(std::lround(y)) + dir * t;
      if (yy < 0 || yy >= r.height) return false;
      bool ink = false;
      for (int d = -2; d <= 2 && !ink; ++d) ink = x + d >= 0 && x + d < r.width && IsInk(r, x + d, yy);
      if (!ink) return false;
    }
    return true;
  };
  const double y1 = y0 + slope * (x1 - x0);
  for (const int dir : {-1, 1}) {
    if (side(x0, y0, dir) || side(x1, y1, dir)) return true;
  }
  return false;
}

// The bands above and below line `i` (offsets from its middle, pixels,
// over columns xa..xb): up to 2.6 letter heights, stopping 0.6 of a
// letter height short of any other read line over the same stretch.
std::pair<double, double> BandsOff(const std::vector<TextLine>& lines, const std::vector<Middle>& mids, size_t i, int xa,
                                   int xb) {
  const double h = mids[i].height;
  double lo = -2.6 * h, hi = 2.6 * h;
  for (size_t j = 0; j < lines.size(); ++j) {
    if (j == i || mids[j].height <= 0) continue;
    const Box& f = lines[j].words.front();
    const Box& l = lines[j].words.back();
    if (f.x >= xb || l.x + l.width <= xa) continue;
    const double x = (std::max(xa, f.x) + std::min(xb, l.x + l.width)) / 2.0;
    const double d = mids[j].At(x) - mids[i].At(x);
    if (d > 0) hi = std::min(hi, d - 0.6 * h);
    else lo = std::max(lo, d + 0.6 * h);
  }
  return {lo, hi};
}

// In the bands off every read line, the longest straight stroke of 2.5
// letter heights or more that goes through letters (ink above and below
// along three columns in ten, a stem crossed along one in ten).
OffLineStroke StrikeOffLines(const GreyRaster& r, const std::vector<TextLine>& lines, const std::vector<Middle>& mids,
                             double letter, double mm) {
  OffLineStroke best;
  const int gap = std::max(1, static_cast<int>(0.1 * mm));
  // Ink within a pixel above or below, row by row (one look-up a column).
  std::vector<uint8_t> near(static_cast<size_t>(r.width) * static_cast<size_t>(r.height), 0);
  for (int y = 0; y < r.height; ++y) {
    for (int x = 0; x < r.width; ++x) {
      if (!IsInk(r, x, y)) continue;
      for (int t = std::max(0, y - 1); t <= std::min(r.height - 1, y + 1); ++t) {
        near[static_cast<size_t>(t) * static_cast<size_t>(r.width) + static_cast<size_t>(x)] = 1;
      }
    }
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    const Middle& m = mids[i];
    if (m.height <= 0) continue;
    // A `tall` line (its boxes the height of two rows, the OCR reading a
    // struck row and its correction as one) is searched inside, with the
    // page's letter height: where its letters' middle runs is a guess.
    const bool tall = lines[i].tall && letter > 0;
    const double h = tall ? letter : m.height;
    const int xa = std::max(0, lines[i].words.front().x - static_cast<int>(3 * mm));
    const Box& back = lines[i].words.back();
    const int xb = std::min(r.width, back.x + back.width + static_cast<int>(3 * mm));
    if (xb - xa < 2.5 * h) continue;
    const auto [lo, hi] = BandsOff(lines, mids, i, xa, xb);
    for (const int side : {-1, 1}) {
      int from = side < 0 ? static_cast<int>(lo) : static_cast<int>(0.6 * h);
      int to = side < 0 ? static_cast<int>(-0.6 * h) : static_cast<int>(hi);
      if (tall) {
        from = side < 0 ? static_cast<int>(-0.5 * m.height) : 0;
        to = side < 0 ? -1 : static_cast<int>(0.5 * m.height);
      }
      // Every other row: a path sees the rows beside it.
      for (int dy = from; dy <= to; dy += 2) {
        for (int k = -2; k <= 2; ++k) {
          const double slope = m.b + 0.006 * k;
          const double ya = m.At(xa) + dy;
          auto inked = [&](int x) {
            const int y = static_cast<int>(std::lround(ya + slope * (x - xa)));
            return y >= 0 && y < r.height && near[static_cast<size_t>(y) * static_cast<size_t>(r.width) + static_cast<size_t>(x)];
          };
          auto at = [&](int x) { return inked(x) ? PathCell::kInk : PathCell::kBlank; };
          InkRuns(xa, xb, gap, at, [&](int start, int end) {
            const int length = end - start + 1;
            if (length <= best.length || length < 2.5 * h) return;
            const auto [stems, t] = Through(r, start, end, ya + slope * (start - xa), slope, h);
            // Through a stem at most columns: a thick band (a stamp's
            // double frame, a bar), not a pen's line through letters.
            if (t < 0.3 || stems < 0.1 || stems >= 0.6) return;
            // The stroke's own ends, past the line's stretch: a frame's corners.
            int x0 = start, x1 = end;
            for (int g = 0; x0 > 0 && g <= gap; --x0) g = inked(x0 - 1) ? 0 : g + 1;
            for (int g = 0; x1 + 1 < r.width && g <= gap; ++x1) g = inked(x1 + 1) ? 0 : g + 1;
            while (x0 < start && !inked(x0)) ++x0;
            while (x1 > end && !inked(x1)) --x1;
            if (FrameSide(r, x0, x1, ya + slope * (x0 - xa), slope, static_cast<int>(1.2 * h))) return;
            best.length = length;
            best.through = t;
            best.stems = stems;
            best.tall = tall;
            const int y = static_cast<int>(ya + slope * (start - xa));
            best.zone = {start, y - static_cast<int>(0.5 * h), length, static_cast<int>(h)};
          });
        }
      }
    }
  }
  return best;
}

// Two spaces between words the OCR saw filled by a thin stroke, one with
// two thin stretches along its run, or the middle of the letters unbroken
// over twelve letter heights (print breaks there every few letters) is a
// crossing. Less (one filled space, two stretches in a run of three
// letter heights, seven letter heights unbroken, one stretch in a run of
// four) is a doubt; a rule through a wide blank makes a doubt at most. A
// straight stroke of five letter heights through a space (StraightStroke)
// is a pen's strike, over a joined hand too (whose links rise and fall
// between its letters); one of three letter heights (a short word struck
// with the space beside it) is a doubt. Two thin stretches in a shorter
// run are print's marks at mid-height (dashes between spaces, " - "
// separators, a leader's dots): a hand striking out spans a few letters
// at least.
Crossed Verdict(double run_heights, int stretches, std::pair<int, int> gaps, double straight_heights) {
  const int spaces = gaps.first;
  const bool crossed = spaces >= 2 || (spaces == 1 && stretches >= 2) || run_heights >= 12 || straight_heights >= 4;
  if (crossed && gaps.second == 0) return Crossed::kCrossed;
  if (crossed || spaces == 1 || gaps.second > 0 || (stretches >= 2 && run_heights >= 3) || run_heights >= 7 ||
      (stretches == 1 && run_heights >= 4) || straight_heights >= 3) {
    return Crossed::kUncertain;
  }
  return Crossed::kClean;
}

// The dark share of columns x0..x1-1 over the line's letters (half a
// letter height each side of their middle).
double DarkShare(const GreyRaster& r, const Middle& m, int x0, int x1) {
  int ink = 0, all = 0;
  const int half = static_cast<int>(0.5 * m.height);
  for (int x = std::max(0, x0); x < std::min(r.width, x1); ++x) {
    const int c = static_cast<int>(std::lround(m.At(x)));
    for (int y = std::max(0, c - half); y <= std::min(r.height - 1, c + half); ++y) {
      ++all;
      ink += IsInk(r, x, y) ? 1 : 0;
    }
  }
  return all > 0 ? static_cast<double>(ink) / all : 0;
}

// The dark share of the print of `line`: the median over its words read
// surely (two at least), 0 with fewer.
double PrintShare(const GreyRaster& r, const TextLine& line, const Middle& m) {
  if (line.anchors.size() < 2) return 0;
  std::vector<double> print;
  for (const Box& a : line.anchors) print.push_back(DarkShare(r, m, a.x, a.x + a.width));
  return Median(print);
}

// The densest stretch a letter height wide over the words of `line` read
// unsurely, as a multiple of `print` (the dark share of the line's print):
// digits written over digits in a bolder pen, with the stroke through
// them, lay two glyphs and a bar where print lays one; a word read surely
// is the line's own print, bold or not. (multiple, its box); 0 when none.
std::pair<double, Box> DenseStretch(const GreyRaster& r, const TextLine& line, const Middle& m, double print) {
  std::pair<double, Box> best{0, Box{}};
  if (print <= 0) return best;
  const int win = std::max(2, static_cast<int>(m.height));
  for (const Box& w : line.words) {
    if (ReadSurely(line, w)) continue;
    for (int x = w.x; x + win <= w.x + std::max(w.width, win); x += std::max(1, win / 4)) {
      const double d = DarkShare(r, m, x, x + win) / print;
      if (d > best.first) best = {d, Box{x, w.y, win, w.height}};
    }
  }
  return best;
}

int Rank(Crossed c) { return c == Crossed::kCrossed ? 2 : c == Crossed::kUncertain ? 1 : 0; }

}  // namespace

namespace {

// True when the OCR's box of `w` is a frame round the word (a boxed digit,
// a framed cell read with its box): ink along nine tenths of each of its
// four sides, a little outside the box or a little inside. A frame is no
// text a hand crosses, and its centre is not the middle of the row's letters.
bool Framed(const GreyRaster& r, const Box& w, double mm) {
  if (r.empty()) return false;
  const int pad = std::max(1, static_cast<int>(0.3 * mm)), thick = std::max(2, static_cast<int>(0.6 * mm));
  const Box b = ClipToRaster(r, {w.x - pad, w.y - pad, w.width + 2 * pad, w.height + 2 * pad});
  if (b.width <= 2 * thick || b.height <= 2 * thick) return false;
  for (int side = 0; side < 4; ++side) {
    if (SideCover(r, b, side, thick) < 0.9) return false;
  }
  return true;
}

}  // namespace

std::vector<TextLine> TextLines(const PageView& v) {
  std::vector<TextLine> out;
  const double wh = v.word_height();
  for (const Row& row : v.rows()) {
    TextLine line;
    int marked = 0;
    for (int id : row.words) {
      const PlacedWord& w = v.words()[static_cast<size_t>(id)];
      // A frame, a speck (no letter); a struck stretch may be read as one taller word.
      if (w.box.height > 2.5 * wh || w.box.height < 0.4 * wh || Alnum(w.folded) < 1) continue;
      if (Framed(v.page().ink, w.box, v.mm())) continue;
      line.words.push_back(w.box);
      ++marked;
      if (w.confidence >= 60 && Alnum(w.folded) >= 2) line.anchors.push_back(w.box);
    }
    // Two words with letters, however badly read: a struck line is the one
    // the OCR reads worst. One word read unsurely alone on its row is kept
    // for the stroke along it (a struck short line read as one word).
    // A frame's edge read as a word is thinner than letters.
    if (marked < 1 || (marked == 1 && (!line.anchors.empty() || line.words[0].height < 0.7 * wh))) continue;
    line.single = marked == 1;
    std::sort(line.words.begin(), line.words.end(), [](const Box& a, const Box& b) { return a.x < b.x; });
    std::vector<double> heights;
    for (const Box& w : line.words) heights.push_back(w.height);
    line.tall = Median(heights) >= 2 * wh;
    out.push_back(std::move(line));
  }
  return out;
}

CrossingReading FindCrossing(const GreyRaster& raster, const std::vector<TextLine>& lines, double mm) {
  CrossingReading out;
  if (raster.empty()) return out;
  out.verdict = Crossed::kClean;
  int marked = 0;  // lines found crossed or doubtful
  std::vector<Middle> mids(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    const TextLine& line = lines[i];
    if (line.words.size() < 2) continue;
    mids[i] = MiddleOf(line);
    const Middle& m = mids[i];
    if (m.height <= 0) continue;
    const LineInk ink(raster, line, m, mm);
    const auto [length, stretches] = StrokeAcrossSpaces(ink, line, m, mm);
    const double run = length;
    const auto gaps = CrossedGaps(ink, line, m, mm);
    const double straight = StraightStroke(ink, line, m, mm);
    Crossed c = Verdict(run / m.height, stretches, gaps, straight / m.height);
    if (line.tall && c == Crossed::kCrossed) c = Crossed::kUncertain;
    if (!line.tall) {
      const auto [width, word] = StruckWord(ink, line, m, mm);
      if (width > out.struck_word) out.struck_word = width, out.struck_zone = word;
    }
    // Short marks count with the doubts for the ruled page: a table's rules
    // leave them on row after row.
    marked += c != Crossed::kClean || stretches >= 2 ? 1 : 0;
    const double stroke_mm = std::max(run, straight) / mm;
    const bool worse = Rank(c) > Rank(out.verdict) || (Rank(c) == Rank(out.verdict) && Rank(c) > 0 && stroke_mm > out.run_mm);
    if (!worse) continue;
    out.verdict = c;
    out.run_mm = stroke_mm;
    out.crossed_gaps = gaps.first;
    const Box& a = line.words.front();
    const Box& b = line.words.back();
    const int top = std::min(a.y, b.y), bottom = std::max(a.y + a.height, b.y + b.height);
    out.zone = {a.x, top, b.x + b.width - a.x, bottom - top};
  }
  // A strike through a row of letters the OCR left unread (off every line).
  std::vector<double> heights;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (mids[i].height > 0 && !lines[i].tall) heights.push_back(mids[i].height);
  }
  const double height = Median(heights);
  // The darkest stretch of a word read unsurely against its line's print
  // (where the middle of a `tall` line runs is a guess).
  for (size_t i = 0; i < lines.size(); ++i) {
    if (mids[i].height <= 0 || lines[i].tall) continue;
    const auto [dense, dense_zone] = DenseStretch(raster, lines[i], mids[i], PrintShare(raster, lines[i], mids[i]));
    if (dense > out.dense) out.dense = dense, out.dense_zone = dense_zone;
  }
  // A word alone on its row, read unsurely, a stroke runs along: its width
  // in the page's letter heights (what is written over it makes its own
  // box taller than its letters).
  for (const TextLine& line : lines) {
    if (!line.single || line.tall || height <= 0) continue;
    const Middle m = MiddleOf(line);
    const Box word = StruckWord(LineInk(raster, line, m, mm), line, m, mm).second;
    if (word.width > out.struck_word * height) out.struck_word = word.width / height, out.struck_zone = word;
  }
  const OffLineStroke off = StrikeOffLines(raster, lines, mids, height, mm);
  // Under three letter heights it is a letter's flourish or a short
  // dash (inside a tall line, where the middle is a guess, under four);
  // it is no rule through a table's rows (those run on read lines), so it
  // does not count toward the ruled page.
  if (height > 0 && off.length >= (off.tall ? 4 : 3) * height) {
    // Through letters along a third of it; a stroke of twelve letter
    // heights off every read line along three tenths (a scribble's bar
    // under the correction written over its words, which hides their
    // middle: no print or rule runs so long through letters).
    const bool through = off.through >= 0.33 || off.length >= 12 * height;
    const bool crossed = !off.tall && off.length >= 4 * height && off.stems >= 0.12 && through;
    const Crossed c = crossed ? Crossed::kCrossed : Crossed::kUncertain;
    if (Rank(c) > Rank(out.verdict)) {
      out.verdict = c;
      out.run_mm = off.length / mm;
      out.crossed_gaps = 0;
      out.zone = off.zone;
    }
  }
  // Long parallel strokes through a row, from the first read line to the
  // last (a table row hatched out): six or more a crossing; no print makes
  // them (rules are straight, letters' slants a letter tall).
  if (height > 0) {
    int top = raster.height, bottom = 0;
    for (const TextLine& l : lines) {
      if (l.single) continue;  // the band of the lines of text, not of a word alone
      for (const Box& w : l.words) top = std::min(top, w.y), bottom = std::max(bottom, w.y + w.height);
    }
    const Hatching hatch = FindLongHatching(raster, top, bottom, height, mm);
    if (hatch.strokes >= 6 && out.verdict != Crossed::kCrossed) {
      out.verdict = Crossed::kCrossed;
      out.run_mm = hatch.zone.width / mm;
      out.crossed_gaps = 0;
      out.zone = hatch.zone;
    }
  }
  // Three lines or more alike: the rules of a table or a form's ruled
  // lines running through its rows, not a hand's crossing; a person looks.
  if (marked >= 3 && out.verdict == Crossed::kCrossed) out.verdict = Crossed::kUncertain;
  return out;
}

}  // namespace liasse::extractors::internal
