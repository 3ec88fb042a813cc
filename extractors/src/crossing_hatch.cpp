#include "crossing_hatch.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "raster.h"

namespace liasse::extractors::internal {

namespace {

// The band a stroke is looked for in: a path leaning `slant` columns per
// row (> 0: "/") through column x crosses the band's middle row there.
struct Path {
  const GreyRaster& r;
  double a, b;  // the band's middle row: y = a + b·x
  int half;     // rows each side of the middle the stroke must ink
  int thin;     // widest run of ink along a row that is a pen's stroke
  int length;   // rows a stroke spans at least
};

// True when the path through column `x` of slant `slant` is a stroke: ink
// (within a pixel) on all rows of the middle band but one in ten, the run
// of ink along the row a pen's width on half of them at least (where it
// crosses a letter it is wider; a grey fill is wide everywhere), and the
// centres of those narrow runs leaning as the path does, four fifths of
// its slant at least: a thick upright or italic stem fits a slanted path
// within its width, but its own centres stand upright or lean as a hand
// slants (a name written large in an italic script, 15 to 22 degrees,
// lean less than four fifths of the 27 degrees a hatch starts at).
bool StrokeAt(const Path& p, int x, double slant) {
  const int yc = static_cast<int>(std::lround(p.a + p.b * x));
  const int allowed = (2 * p.half + 1) / 10;
  int misses = 0, hits = 0;
  double n = 0, sd = 0, sc = 0, sdd = 0, sdc = 0;  // narrow runs: row offset d, centre c
  for (int d = -p.half; d <= p.half; ++d) {
    const int y = yc + d;
    const int xp = static_cast<int>(std::lround(x - slant * d));
    if (y < 0 || y >= p.r.height || xp < 1 || xp + 1 >= p.r.width) return false;
    int hit = -1;
    for (const int t : {0, -1, 1}) {
      if (IsInk(p.r, xp + t, y)) {
        hit = xp + t;
        break;
      }
    }
    if (hit < 0) {
      if (++misses > allowed) return false;
      continue;
    }
    ++hits;
    int lo = hit, hi = hit;
    while (lo > 0 && hit - lo <= p.thin && IsInk(p.r, lo - 1, y)) --lo;
    while (hi + 1 < p.r.width && hi - hit <= p.thin && IsInk(p.r, hi + 1, y)) ++hi;
    if (hi - lo + 1 > p.thin) continue;
    const double c = (lo + hi) / 2.0;
    n += 1, sd += d, sc += c, sdd += d * d, sdc += d * c;
  }
  if (2 * n < hits) return false;
  const double den = n * sdd - sd * sd;
  if (den <= 0) return false;
  const double lean = -(n * sdc - sd * sc) / den;  // columns per row up, as `slant`
  if (lean * slant < 0.8 * slant * slant) return false;
  // Its length: on up and down past the band until two rows miss; a
  // letter's slanted stroke (the shoulder of an n, the leg of a k) ends
  // within the height of its letters, a hand's hatch runs on.
  auto reach = [&](int dir) {
    int d = dir * p.half, gap = 0;
    for (int step = dir * (p.half + 1); std::abs(step) <= 3 * p.half && gap < 2; step += dir) {
      const int y = yc + step;
      const int xp = static_cast<int>(std::lround(x - slant * step));
      if (y < 0 || y >= p.r.height || xp < 1 || xp + 1 >= p.r.width) break;
      const bool ink = IsInk(p.r, xp, y) || IsInk(p.r, xp - 1, y) || IsInk(p.r, xp + 1, y);
      gap = ink ? 0 : gap + 1;
      if (ink) d = step;
    }
    return std::abs(d);
  };
  return reach(-1) + reach(1) >= p.length;
}

// The middle columns of the strokes of slant `slant` from x0 to x1 among
// the `seeds` (columns from x0 with ink at the middle row, where every
// path through the column passes): neighbouring columns on one stroke
// count once.
std::vector<int> Strokes(const Path& p, const std::vector<char>& seeds, int x0, int x1, double slant) {
  std::vector<int> centres;
  int start = -1, end = -1;
  for (int x = x0; x < x1; ++x) {
    if (!seeds[static_cast<size_t>(x - x0)] || !StrokeAt(p, x, slant)) continue;
    if (start >= 0 && x - end > 2) {
      centres.push_back((start + end) / 2);
      start = -1;
    }
    if (start < 0) start = x;
    end = x;
  }
  if (start >= 0) centres.push_back((start + end) / 2);
  return centres;
}

// `centres` sorted, those closer than `merge` taken as one.
std::vector<int> Merged(std::vector<int> centres, int merge) {
  std::sort(centres.begin(), centres.end());
  std::vector<int> out;
  for (const int c : centres) {
    if (!out.empty() && c - out.back() < merge) continue;
    out.push_back(c);
  }
  return out;
}

// The longest row of `centres` at a regular spacing: (first, last) index.
std::pair<size_t, size_t> RegularRow(const std::vector<int>& centres, double letter) {
  std::pair<size_t, size_t> best{0, 0};
  for (size_t i = 0; i < centres.size(); ++i) {
    int narrowest = 1 << 30, widest = 0;
    size_t j = i;
    while (j + 1 < centres.size()) {
      const int d = centres[j + 1] - centres[j];
      if (d < 0.4 * letter || d > 1.8 * letter) break;
      if (std::max(widest, d) > 2.2 * std::min(narrowest, d)) break;
      narrowest = std::min(narrowest, d);
      widest = std::max(widest, d);
      ++j;
    }
    if (j - i > best.second - best.first) best = {i, j};
  }
  return best;
}

// The longest row of parallel strokes along `path` from x0 to x1, a pen's
// spacing apart, and whether strokes of the other slant run among them.
Hatching HatchRow(const Path& path, int x0, int x1, double letter) {
  Hatching out;
  const double a = path.a, b = path.b;
  // Slants from 27 to 55 degrees off the vertical, each side, at steps a
  // path's end moves a pixel by (the pixel of tolerance covers between).
  const double step = std::max(0.06, 1.0 / path.half);
  std::vector<double> slants;
  for (double s = 0.5; s <= 1.43; s += step) slants.push_back(s);
  std::vector<char> seeds(static_cast<size_t>(std::max(0, x1 - x0)), 0);
  for (int x = std::max(x0, 1); x + 1 < x1; ++x) {
    const int y = static_cast<int>(std::lround(a + b * x));
    if (y < 0 || y >= path.r.height) continue;
    seeds[static_cast<size_t>(x - x0)] = IsInk(path.r, x - 1, y) || IsInk(path.r, x, y) || IsInk(path.r, x + 1, y) ? 1 : 0;
  }
  std::vector<std::vector<int>> right(slants.size()), left(slants.size());
  for (size_t k = 0; k < slants.size(); ++k) {
    right[k] = Strokes(path, seeds, x0, x1, slants[k]);
    left[k] = Strokes(path, seeds, x0, x1, -slants[k]);
  }
  const int merge = std::max(2, static_cast<int>(0.3 * letter));
  // The strokes of one slant, give or take a step (a hand's strokes vary).
  auto around = [&](const std::vector<std::vector<int>>& side, size_t k) {
    std::vector<int> all;
    for (size_t j = k == 0 ? 0 : k - 1; j <= std::min(k + 1, slants.size() - 1); ++j) {
      all.insert(all.end(), side[j].begin(), side[j].end());
    }
    return Merged(std::move(all), merge);
  };
  for (const bool to_right : {true, false}) {
    for (size_t k = 0; k < slants.size(); ++k) {
      const std::vector<int> mine = around(to_right ? right : left, k);
      if (mine.empty()) continue;
      const auto [i, j] = RegularRow(mine, letter);
      const int count = static_cast<int>(j - i + 1);
      if (count <= out.strokes) continue;
      // The other slant among them: a zig-zag's way back.
      const std::vector<int> other = around(to_right ? left : right, k);
      const int from = mine[i] - merge, to = mine[j] + merge;
      const auto back = std::count_if(other.begin(), other.end(), [&](int c) { return c >= from && c <= to; });
      out.strokes = count;
      out.zigzag = 2 * back >= count;
      const int y = static_cast<int>(std::lround(a + b * mine[i] - 0.5 * letter));
      out.zone = {mine[i] - static_cast<int>(letter), y, mine[j] - mine[i] + static_cast<int>(2 * letter), static_cast<int>(letter)};
    }
  }
  return out;
}

}  // namespace

Hatching FindLongHatching(const GreyRaster& raster, int y0, int y1, double letter, double mm) {
  Hatching best;
  if (raster.empty() || letter <= 0) return best;
  // A band of 0.8 letter heights every 0.8: one of them lies inside each stroke.
  const int half = std::max(2, static_cast<int>(std::lround(0.4 * letter)));
  const int step = std::max(1, static_cast<int>(0.8 * letter));
  for (int y = std::max(half, y0); y < std::min(raster.height - half, y1); y += step) {
    const Path path{raster, static_cast<double>(y), 0, half, std::max(3, static_cast<int>(1.2 * mm)), static_cast<int>(1.6 * letter)};
    const Hatching h = HatchRow(path, 0, raster.width, letter);
    if (h.zigzag || h.strokes <= best.strokes) continue;
    best = h;
  }
  return best;
}

}  // namespace liasse::extractors::internal
