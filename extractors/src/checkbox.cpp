#include "checkbox.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "raster.h"

namespace liasse::extractors::internal {

namespace {

double DarkFraction(const GreyRaster& r, const Box& box) {
  const Box b = ClipToRaster(r, box);
  if (b.width <= 0 || b.height <= 0) return 1.0;
  long dark = 0;
  for (int y = b.y; y < b.y + b.height; ++y) {
    for (int x = b.x; x < b.x + b.width; ++x) dark += IsInk(r, x, y) ? 1 : 0;
  }
  return static_cast<double>(dark) / (static_cast<double>(b.width) * b.height);
}

// Bounding boxes of the 8-connected pieces of ink in `area`.
std::vector<Box> Pieces(const GreyRaster& r, const Box& area) {
  std::vector<Box> out;
  std::vector<char> seen(static_cast<size_t>(area.width) * static_cast<size_t>(area.height), 0);
  auto index = [&](int x, int y) { return static_cast<size_t>(y - area.y) * static_cast<size_t>(area.width) + static_cast<size_t>(x - area.x); };
  std::vector<std::pair<int, int>> stack;
  for (int y = area.y; y < area.y + area.height; ++y) {
    for (int x = area.x; x < area.x + area.width; ++x) {
      if (seen[index(x, y)] || !IsInk(r, x, y)) continue;
      int x0 = x, x1 = x, y0 = y, y1 = y;
      stack.assign(1, {x, y});
      seen[index(x, y)] = 1;
      while (!stack.empty()) {
        const auto [cx, cy] = stack.back();
        stack.pop_back();
        x0 = std::min(x0, cx), x1 = std::max(x1, cx), y0 = std::min(y0, cy), y1 = std::max(y1, cy);
        for (int dy = -1; dy <= 1; ++dy) {
          for (int dx = -1; dx <= 1; ++dx) {
            const int nx = cx + dx, ny = cy + dy;
            if (nx < area.x || ny < area.y || nx >= area.x + area.width || ny >= area.y + area.height) continue;
            if (seen[index(nx, ny)] || !IsInk(r, nx, ny)) continue;
            seen[index(nx, ny)] = 1;
            stack.push_back({nx, ny});
          }
        }
      }
      out.push_back({x0, y0, x1 - x0 + 1, y1 - y0 + 1});
    }
  }
  return out;
}

bool IsFrame(const GreyRaster& r, const Box& b, double word_height) {
  const double w = b.width, h = b.height;
  if (w < 0.6 * word_height || w > 2.5 * word_height || h < 0.6 * word_height || h > 2.5 * word_height) return false;
  if (w / h < 0.7 || w / h > 1.43) return false;
  const int thick = std::max(2, static_cast<int>(std::lround(std::min(w, h) * 0.12)));
  for (int side = 0; side < 4; ++side) {
    if (SideCover(r, b, side, thick) < 0.75) return false;
  }
  return true;
}

// The frame inside the piece whose box is `b` when a tick overshoots it (a
// check mark rising above the box, a cross past its corners): the first
// and last rows and columns of the piece's box holding a straight run of
// ink seven tenths as long as the longest, a frame there (IsFrame).
std::optional<Box> FrameUnderTick(const GreyRaster& r, const Box& b, double word_height) {
  if (b.width > 4 * word_height || b.height > 4 * word_height) return std::nullopt;
  auto longest = [&](int k, bool row) {
    int best = 0, run = 0;
    const int n = row ? b.width : b.height;
    for (int i = 0; i < n; ++i) {
      run = (row ? IsInk(r, b.x + i, k) : IsInk(r, k, b.y + i)) ? run + 1 : 0;
      best = std::max(best, run);
    }
    return best;
  };
  auto sides = [&](bool row) -> std::optional<std::pair<int, int>> {
    const int from = row ? b.y : b.x, n = row ? b.height : b.width;
    std::vector<int> runs;
    for (int k = from; k < from + n; ++k) runs.push_back(longest(k, row));
    const int most = *std::max_element(runs.begin(), runs.end());
    if (most < 0.6 * word_height) return std::nullopt;
    int first = -1, last = -1;
    for (int i = 0; i < n; ++i) {
      if (runs[static_cast<size_t>(i)] < 0.7 * most) continue;
      if (first < 0) first = i;
      last = i;
    }
    return std::make_pair(from + first, from + last);
  };
  const auto rows = sides(true), cols = sides(false);
  if (!rows || !cols) return std::nullopt;
  const Box frame{cols->first, rows->first, cols->second - cols->first + 1, rows->second - rows->first + 1};
  if (frame == b || !IsFrame(r, frame, word_height)) return std::nullopt;
  return frame;
}

// True when half of `b` or more lies inside one printed word's box: a
// letter or letters fused by the scan, not a box beside the words.
bool InsideAWord(const Box& b, const std::vector<Box>& printed) {
  const double area = static_cast<double>(b.width) * b.height;
  return std::any_of(printed.begin(), printed.end(), [&](const Box& w) {
    const int x0 = std::max(b.x, w.x), x1 = std::min(b.x + b.width, w.x + w.width);
    const int y0 = std::max(b.y, w.y), y1 = std::min(b.y + b.height, w.y + w.height);
    return x1 > x0 && y1 > y0 && 2.0 * (x1 - x0) * (y1 - y0) >= area;
  });
}

double GapTo(const Box& a, const Box& label) {
  const double dx = std::max({0, label.x - (a.x + a.width), a.x - (label.x + label.width)});
  const double ay = a.y + a.height / 2.0, ly = label.y + label.height / 2.0;
  return dx + 2 * std::abs(ay - ly);
}

}  // namespace

std::optional<Box> FindCheckbox(const GreyRaster& raster, const Box& label, const Box& phrase, double word_height,
                                const std::vector<Box>& printed) {
  if (raster.empty()) return std::nullopt;
  const int reach = static_cast<int>(4 * word_height);
  const Box area = ClipToRaster(raster, {phrase.x - reach, phrase.y - static_cast<int>(1.5 * word_height), phrase.width + 2 * reach,
                                   phrase.height + static_cast<int>(3 * word_height)});
  if (area.width <= 0 || area.height <= 0) return std::nullopt;
  std::optional<Box> best;
  for (const Box& piece : Pieces(raster, area)) {
    const std::optional<Box> frame = IsFrame(raster, piece, word_height) ? piece : FrameUnderTick(raster, piece, word_height);
    if (!frame || InsideAWord(*frame, printed)) continue;
    if (!best || GapTo(*frame, label) < GapTo(*best, label)) best = frame;
  }
  return best;
}

CheckboxReading ReadCheckbox(const GreyRaster& raster, const Box& frame) {
  CheckboxReading out;
  const int border = std::max(2, static_cast<int>(std::lround(std::min(frame.width, frame.height) * 0.2)));
  const Box inside{frame.x + border, frame.y + border, frame.width - 2 * border, frame.height - 2 * border};
  if (inside.width <= 1 || inside.height <= 1) return out;
  out.ink = DarkFraction(raster, inside);
  // The paper beside the box, above and below it: the cleanest patch is the floor.
  out.noise = 1.0;
  for (const int dy : {-2, 2}) {
    const Box patch{inside.x, inside.y + dy * frame.height, inside.width, inside.height};
    if (ClipToRaster(raster, patch).width == inside.width && ClipToRaster(raster, patch).height == inside.height) {
      out.noise = std::min(out.noise, DarkFraction(raster, patch));
    }
  }
  // Patches on printed text are no paper: blank paper holds a few percent at most.
  out.noise = std::min(out.noise, 0.03);
  if (out.ink <= out.noise + 0.02) out.tick = Tick::kEmpty;
  else if (out.ink >= out.noise + 0.08) out.tick = Tick::kTicked;
  else out.tick = Tick::kUncertain;
  return out;
}

}  // namespace liasse::extractors::internal
