#include "crossing_unread.h"

#include <algorithm>
#include <cstdint>
#include <tuple>
#include <utility>

#include "raster.h"

namespace liasse::extractors::internal {

namespace {

// The page's pixels no word box (padded by `pad`) covers: 1 where read.
class ReadMask {
 public:
  ReadMask(const GreyRaster& r, const std::vector<Box>& words, int pad) : r_(r), read_(Size(r), 0) {
    for (const Box& b : words) {
      for (int y = std::max(0, b.y - pad); y < std::min(r.height, b.y + b.height + pad); ++y) {
        for (int x = std::max(0, b.x - pad); x < std::min(r.width, b.x + b.width + pad); ++x) read_[At(x, y)] = 1;
      }
    }
  }
  // Ink at (x, y) that no word covers.
  bool Unread(int x, int y) const { return !read_[At(x, y)] && IsInk(r_, x, y); }

 private:
  static size_t Size(const GreyRaster& r) { return static_cast<size_t>(r.width) * static_cast<size_t>(r.height); }
  size_t At(int x, int y) const { return static_cast<size_t>(y) * static_cast<size_t>(r_.width) + static_cast<size_t>(x); }
  const GreyRaster& r_;
  std::vector<uint8_t> read_;
};

// The unread ink of rows y0..y1-1 between x0 and x1, column by column,
// when it looks like a line of text (eight letter heights or more from
// its first inked column to its last, inked along half of it, in three
// runs or more: words, a joined hand's too): its first and last columns.
bool TextLike(const ReadMask& mask, int y0, int y1, int x0, int x1, double letter, int& first, int& last) {
  first = -1, last = -1;
  int inked = 0, runs = 0;
  for (int x = x0; x < x1; ++x) {
    bool ink = false;
    for (int y = y0; y < y1 && !ink; ++y) ink = mask.Unread(x, y);
    if (!ink) continue;
    if (last < 0 || x > last + 1) ++runs;
    if (first < 0) first = x;
    last = x;
    ++inked;
  }
  const double extent = last - first + 1;
  return first >= 0 && extent >= 8 * letter && inked >= 0.5 * extent && runs >= 3;
}

// The densest stretch a letter height wide of the row `box` (every quarter
// letter height), as a multiple of the median stretch; 0 when the median
// holds under a tenth of ink.
std::pair<double, Box> Densest(const GreyRaster& r, const Box& box, double letter) {
  const int win = std::max(2, static_cast<int>(letter));
  std::vector<std::pair<double, int>> shares;
  for (int x = box.x; x + win <= box.x + box.width; x += std::max(1, win / 4)) {
    int ink = 0;
    for (int y = box.y; y < box.y + box.height; ++y) {
      for (int k = x; k < x + win; ++k) ink += IsInk(r, k, y) ? 1 : 0;
    }
    shares.emplace_back(static_cast<double>(ink) / (win * box.height), x);
  }
  if (shares.empty()) return {0, Box{}};
  const auto densest = *std::max_element(shares.begin(), shares.end());
  std::nth_element(shares.begin(), shares.begin() + static_cast<long>(shares.size() / 2), shares.end());
  const double median = shares[shares.size() / 2].first;
  if (median < 0.1) return {0, Box{}};
  return {densest.first / median, Box{densest.second, box.y, win, box.height}};
}

}  // namespace

std::vector<UnreadRow> UnreadTextRows(const GreyRaster& raster, const std::vector<Box>& words, double letter, int x0, int x1) {
  std::vector<UnreadRow> out;
  x0 = std::max(0, x0), x1 = std::min(raster.width, x1);
  if (raster.empty() || letter <= 0 || x1 - x0 < 8 * letter) return out;
  const ReadMask mask(raster, words, static_cast<int>(0.25 * letter));
  // Rows holding unread ink: three pixels or more (a speck is less).
  std::vector<char> inked(static_cast<size_t>(raster.height), 0);
  for (int y = 0; y < raster.height; ++y) {
    int n = 0;
    for (int x = x0; x < x1 && n < 3; ++x) n += mask.Unread(x, y) ? 1 : 0;
    inked[static_cast<size_t>(y)] = n >= 3 ? 1 : 0;
  }
  for (int y = 0; y < raster.height;) {
    int end = y;
    while (end < raster.height && inked[static_cast<size_t>(end)]) ++end;
    const int band = end - y;
    int first = 0, last = 0;
    if (band >= 0.6 * letter && band <= 2.5 * letter && TextLike(mask, y, end, x0, x1, letter, first, last)) {
      UnreadRow row;
      row.box = {first, y, last - first + 1, band};
      std::tie(row.dense, row.dense_zone) = Densest(raster, row.box, letter);
      out.push_back(row);
    }
    y = std::max(end, y + 1);
  }
  return out;
}

}  // namespace liasse::extractors::internal
