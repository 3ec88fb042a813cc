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

// Share of a side (a line of the box, `thick` pixels deep inwards) that holds ink.
double SideCover(const GreyRaster& r, const Box& b, int side, int thick) {
  const int n = side < 2 ? b.width : b.height;
  int covered = 0;
  for (int k = 0; k < n; ++k) {
    bool ink = false;
    for (int t = 0; t < thick && !ink; ++t) {
      int x = 0, y = 0;
      switch (side) {
        case 0: x = b.x + k, y = b.y + t; break;                   // top
        case 1: x = b.x + k, y = b.y + b.height - 1 - t; break;    // bottom
        case 2: x = b.x + t, y = b.y + k; break;                   // left
        default: x = b.x + b.width - 1 - t, y = b.y + k; break;    // right
      }
      ink = IsInk(r, x, y);
    }
    covered += ink ? 1 : 0;
  }
  return n > 0 ? static_cast<double>(covered) / n : 0;
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
  for (const Box& b : Pieces(raster, area)) {
    if (!IsFrame(raster, b, word_height) || InsideAWord(b, printed)) continue;
    if (!best || GapTo(b, label) < GapTo(*best, label)) best = b;
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
