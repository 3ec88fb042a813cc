#include "signature.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <tuple>

#include "raster.h"

namespace liasse::extractors::internal {

namespace {

bool Overlaps(int a0, int a1, int b0, int b1) { return a0 < b1 && b0 < a1; }

size_t Alnum(const std::string& folded) {
  return static_cast<size_t>(std::count_if(folded.begin(), folded.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }));
}

bool IsPrinted(const PlacedWord& w, double word_height) {
  return w.confidence >= 70 && Alnum(w.folded) >= 2 && w.box.height <= 1.6 * word_height;
}

// The horizontal extent a zone under or over the label may take: from a
// little left of the label to the next element of its row (words after a
// gap: another label; the words continuing the label's sentence are not),
// at most `max_mm` wide.
std::pair<int, int> ColumnOf(const PageView& v, const Box& label, int row, int first, int last, double max_mm) {
  const double mm = v.mm();
  int left = std::max(0, static_cast<int>(label.x - 3 * mm));
  int right = std::min(v.page().width, static_cast<int>(label.x + max_mm * mm));
  if (row < 0) return {left, right};
  const auto& ids = v.rows()[static_cast<size_t>(row)].words;  // left to right
  int edge = label.x + label.width;
  for (int i : ids) {
    const Box& b = v.words()[static_cast<size_t>(i)].box;
    if ((i >= first && i <= last) || b.x < label.x + label.width) continue;
    if (b.x - edge >= 4 * mm) {
      right = std::min(right, static_cast<int>(b.x - mm));
      break;
    }
    edge = b.x + b.width;
  }
  edge = label.x;
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
    const Box& b = v.words()[static_cast<size_t>(*it)].box;
    if ((*it >= first && *it <= last) || b.x + b.width > label.x) continue;
    if (edge - (b.x + b.width) >= 4 * mm) {
      left = std::max(left, static_cast<int>(b.x + b.width + mm));
      break;
    }
    edge = b.x;
  }
  return {left, right};
}

// Rows from the first to the last inked one in `word` (rows inked across
// four fifths of it, a rule, left out); 0 when none, the box's height
// when there is no raster.
int InkHeight(const GreyRaster& ink, const Box& word) {
  if (ink.empty()) return word.height;
  const Box b = ClipToRaster(ink, word);
  int first = -1, last = -1;
  for (int y = b.y; y < b.y + b.height; ++y) {
    int n = 0;
    for (int x = b.x; x < b.x + b.width; ++x) n += IsInk(ink, x, y) ? 1 : 0;
    if (n == 0 || 5 * n >= 4 * b.width) continue;
    if (first < 0) first = y;
    last = y;
  }
  return first < 0 ? 0 : last - first + 1;
}

}  // namespace

std::vector<Box> PrintedWordBoxes(const PageView& v) {
  std::vector<Box> out;
  for (const auto& w : v.words()) {
    if (IsPrinted(w, v.word_height())) {
      out.push_back(w.box);
      continue;
    }
    // The OCR's box may run well taller than the glyphs it read (a bold
    // word, the box run into the space under it): a sure word whose ink
    // is of print height is printed whatever its box. A box hugging its
    // ink (handwriting read surely) is judged by the box, as above.
    if (w.confidence < 70 || Alnum(w.folded) < 2) continue;
    const int ink = InkHeight(v.page().ink, w.box);
    if (ink <= 1.6 * v.word_height() && 4 * ink <= 3 * w.box.height) out.push_back(w.box);
  }
  return out;
}

// The first row of pixels from `from` down to `to` that ink covers over
// three fifths of [x0, x1) (the row or one next to it): the bottom of a
// frame drawn round the place to sign, or the line signed on. `to` when
// there is none or no raster. The place to sign ends there: what lies
// under it (a check box and its phrase the OCR read too badly to be
// printed matter) is not the signature's.
int RuleBelow(const GreyRaster& ink, int x0, int x1, int from, int to) {
  if (ink.empty()) return to;
  x0 = std::max(0, x0), x1 = std::min(ink.width, x1);
  from = std::max(1, from), to = std::min(ink.height - 1, to);
  if (x1 - x0 <= 0) return to;
  for (int y = from; y < to; ++y) {
    int covered = 0;
    for (int x = x0; x < x1; ++x) covered += IsInk(ink, x, y - 1) || IsInk(ink, x, y) || IsInk(ink, x, y + 1) ? 1 : 0;
    if (5 * covered >= 3 * (x1 - x0)) return y;
  }
  return to;
}

std::vector<Box> SignatureZones(const PageView& v, int first, int last) {
  std::vector<int> ids;
  for (int i = first; i <= last; ++i) ids.push_back(i);
  const Box label = v.Cover(ids);
  const double mm = v.mm();
  const int row = v.words()[static_cast<size_t>(last)].row;
  const int label_bottom = label.y + label.height;
  auto is_label = [&](size_t i) { return static_cast<int>(i) >= first && static_cast<int>(i) <= last; };
  std::vector<Box> zones;

  // Below: down to the first printed row a sign's height under the label.
  {
    const auto [x0, x1] = ColumnOf(v, label, row, first, last, 110);
    const int y0 = static_cast<int>(label_bottom + 0.5 * mm);
    int y1 = std::min(v.page().height, static_cast<int>(y0 + 35 * mm));
    for (size_t i = 0; i < v.words().size(); ++i) {
      const PlacedWord& w = v.words()[i];
      if (is_label(i) || !IsPrinted(w, v.word_height()) || !Overlaps(w.box.x, w.box.x + w.box.width, x0, x1)) continue;
      if (w.box.y >= y0 + 8 * mm) y1 = std::min(y1, static_cast<int>(w.box.y - 0.5 * mm));
    }
    y1 = RuleBelow(v.page().ink, x0, x1, static_cast<int>(y0 + 8 * mm), y1);
    if (x1 - x0 >= 20 * mm && y1 - y0 >= 6 * mm) zones.push_back({x0, y0, x1 - x0, y1 - y0});
  }
  // Right: the rest of the label's row when it is left blank to sign on.
  {
    // Punctuation after the label (":", a dotted leader) is part of the place to sign.
    const int x0 = static_cast<int>(label.x + label.width + mm);
    int x1 = std::min(v.page().width, static_cast<int>(x0 + 90 * mm));
    if (row >= 0) {
      for (int i : v.rows()[static_cast<size_t>(row)].words) {
        const PlacedWord& w = v.words()[static_cast<size_t>(i)];
        if (!is_label(static_cast<size_t>(i)) && w.box.x >= label.x + label.width && Alnum(w.folded) > 0) {
          x1 = std::min(x1, static_cast<int>(w.box.x - mm));
        }
      }
    }
    int y0 = std::max(0, static_cast<int>(label.y - 6 * mm));
    int y1 = std::min(v.page().height, static_cast<int>(label_bottom + 4 * mm));
    for (size_t i = 0; i < v.words().size(); ++i) {
      const PlacedWord& w = v.words()[i];
      if (is_label(i) || w.row == row || !IsPrinted(w, v.word_height())) continue;
      if (!Overlaps(w.box.x, w.box.x + w.box.width, x0, x1)) continue;
      if (w.box.y + w.box.height <= label.y) y0 = std::max(y0, static_cast<int>(w.box.y + w.box.height + 0.5 * mm));
      else if (w.box.y >= label_bottom) y1 = std::min(y1, static_cast<int>(w.box.y - 0.5 * mm));
    }
    if (x1 - x0 >= 25 * mm && y1 > y0) zones.push_back({x0, y0, x1 - x0, y1 - y0});
  }
  // Above: a label printed under the line the hand signs on.
  {
    const auto [x0, x1] = ColumnOf(v, label, row, first, last, 110);
    const int y1 = static_cast<int>(label.y - 0.5 * mm);
    int y0 = std::max(0, static_cast<int>(y1 - 30 * mm));
    for (size_t i = 0; i < v.words().size(); ++i) {
      const PlacedWord& w = v.words()[i];
      if (is_label(i) || !IsPrinted(w, v.word_height()) || !Overlaps(w.box.x, w.box.x + w.box.width, x0, x1)) continue;
      if (w.box.y + w.box.height <= label.y) y0 = std::max(y0, static_cast<int>(w.box.y + w.box.height + 0.5 * mm));
    }
    if (x1 - x0 >= 20 * mm && y1 - y0 >= 8 * mm) zones.push_back({x0, y0, x1 - x0, y1 - y0});
  }
  return zones;
}

namespace {

// The zone's pixels as a mask (1 = ink), with its connected pieces.
class InkMask {
 public:
  InkMask(int width, int height) : w_(width), h_(height), ink_(static_cast<size_t>(width) * static_cast<size_t>(height), 0) {}
  int width() const { return w_; }
  int height() const { return h_; }
  uint8_t& at(int x, int y) { return ink_[static_cast<size_t>(y) * static_cast<size_t>(w_) + static_cast<size_t>(x)]; }
  uint8_t at(int x, int y) const { return ink_[static_cast<size_t>(y) * static_cast<size_t>(w_) + static_cast<size_t>(x)]; }

  // Marks every straight run of ink at least `min_h` long along a row or
  // `min_v` long down a column: the sides of frames and printed rules.
  std::vector<uint8_t> Runs(int min_h, int min_v) const {
    std::vector<uint8_t> run(ink_.size(), 0);
    for (int y = 0; y < h_; ++y) {
      for (int x = 0; x < w_;) {
        int end = x;
        while (end < w_ && at(end, y)) ++end;
        if (end - x >= min_h) {
          for (int k = x; k < end; ++k) run[Index(k, y)] = 1;
        }
        x = std::max(end, x + 1);
      }
    }
    for (int x = 0; x < w_; ++x) {
      for (int y = 0; y < h_;) {
        int end = y;
        while (end < h_ && at(x, end)) ++end;
        if (end - y >= min_v) {
          for (int k = y; k < end; ++k) run[Index(x, k)] = 1;
        }
        y = std::max(end, y + 1);
      }
    }
    return run;
  }
  void Clear(const std::vector<uint8_t>& marks) {
    for (size_t i = 0; i < ink_.size(); ++i) {
      if (marks[i]) ink_[i] = 0;
    }
  }
  // Clears the pixels of the pieces (of the last Label()) marked in `drop`.
  void ClearPieces(const std::vector<bool>& drop) {
    for (size_t i = 0; i < ink_.size(); ++i) {
      if (label_[i] >= 0 && drop[static_cast<size_t>(label_[i])]) ink_[i] = 0;
    }
  }
  // The piece (of the last Label()) the pixel belongs to, or -1.
  int PieceAt(int x, int y) const { return label_[Index(x, y)]; }
  // Share of the piece `id`'s pixels marked in `marks`.
  double ShareMarked(const std::vector<uint8_t>& marks, int id, int64_t pixels) const {
    int64_t n = 0;
    for (size_t i = 0; i < ink_.size(); ++i) n += (label_[i] == id && marks[i]) ? 1 : 0;
    return pixels > 0 ? static_cast<double>(n) / static_cast<double>(pixels) : 0;
  }

  struct Piece {
    int x0, y0, x1, y1;  // inclusive
    int64_t pixels = 0;
    int width() const { return x1 - x0 + 1; }
    int height() const { return y1 - y0 + 1; }
  };

  // 8-connected pieces; `label()` gives each pixel's piece (or -1).
  std::vector<Piece> Label() {
    label_.assign(ink_.size(), -1);
    std::vector<Piece> pieces;
    std::vector<std::pair<int, int>> stack;
    for (int y = 0; y < h_; ++y) {
      for (int x = 0; x < w_; ++x) {
        if (!at(x, y) || label_[Index(x, y)] >= 0) continue;
        const int id = static_cast<int>(pieces.size());
        Piece p{x, y, x, y, 0};
        stack.assign(1, {x, y});
        label_[Index(x, y)] = id;
        while (!stack.empty()) {
          const auto [cx, cy] = stack.back();
          stack.pop_back();
          ++p.pixels;
          p.x0 = std::min(p.x0, cx), p.x1 = std::max(p.x1, cx), p.y0 = std::min(p.y0, cy), p.y1 = std::max(p.y1, cy);
          for (int dy = -1; dy <= 1; ++dy) {
            for (int dx = -1; dx <= 1; ++dx) {
              const int nx = cx + dx, ny = cy + dy;
              if (nx < 0 || ny < 0 || nx >= w_ || ny >= h_ || !at(nx, ny) || label_[Index(nx, ny)] >= 0) continue;
              label_[Index(nx, ny)] = id;
              stack.push_back({nx, ny});
            }
          }
        }
        pieces.push_back(p);
      }
    }
    return pieces;
  }

  // The part of the piece's box that the piece encloses (not reachable
  // from the box's border without crossing the piece), as a mask over the
  // box (1 = enclosed), row by row. With `edge_closes`, the zone's own
  // edges close the piece too (the box's border on them lets nothing in):
  // a frame the zone cuts open still encloses what it held.
  std::vector<uint8_t> EnclosedMask(const Piece& p, int id, bool edge_closes = false) const {
    const int bw = p.width(), bh = p.height();
    std::vector<uint8_t> outside(static_cast<size_t>(bw) * static_cast<size_t>(bh), 0);
    auto local = [&](int x, int y) { return static_cast<size_t>(y - p.y0) * static_cast<size_t>(bw) + static_cast<size_t>(x - p.x0); };
    auto mine = [&](int x, int y) { return label_[Index(x, y)] == id; };
    std::vector<std::pair<int, int>> stack;
    auto seed = [&](int x, int y) {
      if (mine(x, y) || outside[local(x, y)]) return;
      outside[local(x, y)] = 1;
      stack.push_back({x, y});
    };
    auto border = [&](int x, int y) {
      if (!edge_closes || (x > 0 && y > 0 && x < w_ - 1 && y < h_ - 1)) seed(x, y);
    };
    for (int x = p.x0; x <= p.x1; ++x) border(x, p.y0), border(x, p.y1);
    for (int y = p.y0; y <= p.y1; ++y) border(p.x0, y), border(p.x1, y);
    while (!stack.empty()) {
      const auto [cx, cy] = stack.back();
      stack.pop_back();
      const int nx[] = {cx + 1, cx - 1, cx, cx}, ny[] = {cy, cy, cy + 1, cy - 1};
      for (int k = 0; k < 4; ++k) {
        if (nx[k] < p.x0 || ny[k] < p.y0 || nx[k] > p.x1 || ny[k] > p.y1) continue;
        seed(nx[k], ny[k]);
      }
    }
    std::vector<uint8_t> enclosed(outside.size(), 0);
    for (int y = p.y0; y <= p.y1; ++y) {
      for (int x = p.x0; x <= p.x1; ++x) enclosed[local(x, y)] = !mine(x, y) && !outside[local(x, y)];
    }
    return enclosed;
  }

  // Share of the piece's box that the piece encloses, and whether any ink
  // of `all` lies in that enclosed part.
  std::pair<double, bool> Enclosed(const Piece& p, int id, const InkMask& all, bool edge_closes = false) const {
    const auto enclosed = EnclosedMask(p, id, edge_closes);
    int64_t area = 0;
    bool inked = false;
    for (int y = p.y0; y <= p.y1; ++y) {
      for (int x = p.x0; x <= p.x1; ++x) {
        if (!enclosed[static_cast<size_t>(y - p.y0) * static_cast<size_t>(p.width()) + static_cast<size_t>(x - p.x0)]) continue;
        ++area;
        inked = inked || all.at(x, y) != 0;
      }
    }
    return {static_cast<double>(area) / (static_cast<double>(p.width()) * p.height()), inked};
  }

  // Clears the frame `id` itself: its pixels within `reach` of the largest
  // space it encloses (the zone's edges closing it with `edge_closes`).
  // Strokes joined to it from outside (a signature the stamp was put down
  // on) run further from it and stay, the loops of a hand's letters with
  // them (they enclose small spaces of their own).
  void ClearFrame(const Piece& p, int id, int reach, bool edge_closes) {
    const int bw = p.width(), bh = p.height();
    auto near = LargestSpace(EnclosedMask(p, id, edge_closes), bw, bh);
    // Grown by `reach` along rows, then along columns (a square neighbourhood).
    std::vector<uint8_t> grown(near.size(), 0);
    for (int pass = 0; pass < 2; ++pass) {
      const int n = pass == 0 ? bw : bh, lines = pass == 0 ? bh : bw;
      for (int l = 0; l < lines; ++l) {
        auto at = [&](int k) { return pass == 0 ? static_cast<size_t>(l) * static_cast<size_t>(bw) + static_cast<size_t>(k)
                                                : static_cast<size_t>(k) * static_cast<size_t>(bw) + static_cast<size_t>(l); };
        int last = -reach - 1;  // the nearest marked cell before k
        for (int k = 0; k < n; ++k) {
          if (near[at(k)]) last = k;
          grown[at(k)] = k - last <= reach;
        }
        last = n + reach + 1;
        for (int k = n - 1; k >= 0; --k) {
          if (near[at(k)]) last = k;
          grown[at(k)] = grown[at(k)] || last - k <= reach;
        }
      }
      near.swap(grown);
      std::fill(grown.begin(), grown.end(), 0);
    }
    for (int y = p.y0; y <= p.y1; ++y) {
      for (int x = p.x0; x <= p.x1; ++x) {
        if (label_[Index(x, y)] == id && near[static_cast<size_t>(y - p.y0) * static_cast<size_t>(bw) + static_cast<size_t>(x - p.x0)]) {
          at(x, y) = 0;
        }
      }
    }
  }

 private:
  // The largest 4-connected part of `mask` (bw × bh, row by row).
  static std::vector<uint8_t> LargestSpace(const std::vector<uint8_t>& mask, int bw, int bh) {
    std::vector<int> part(mask.size(), -1);
    std::vector<size_t> stack;
    int best = -1;
    size_t best_size = 0;
    for (size_t start = 0; start < mask.size(); ++start) {
      if (!mask[start] || part[start] >= 0) continue;
      const int id = static_cast<int>(start);
      size_t size = 0;
      stack.assign(1, start);
      part[start] = id;
      while (!stack.empty()) {
        const size_t c = stack.back();
        stack.pop_back();
        ++size;
        const int x = static_cast<int>(c % static_cast<size_t>(bw)), y = static_cast<int>(c / static_cast<size_t>(bw));
        const int nx[] = {x + 1, x - 1, x, x}, ny[] = {y, y, y + 1, y - 1};
        for (int k = 0; k < 4; ++k) {
          if (nx[k] < 0 || ny[k] < 0 || nx[k] >= bw || ny[k] >= bh) continue;
          const size_t n = static_cast<size_t>(ny[k]) * static_cast<size_t>(bw) + static_cast<size_t>(nx[k]);
          if (!mask[n] || part[n] >= 0) continue;
          part[n] = id;
          stack.push_back(n);
        }
      }
      if (size > best_size) best = id, best_size = size;
    }
    std::vector<uint8_t> out(mask.size(), 0);
    for (size_t i = 0; i < mask.size(); ++i) out[i] = best >= 0 && part[i] == best;
    return out;
  }
  size_t Index(int x, int y) const { return static_cast<size_t>(y) * static_cast<size_t>(w_) + static_cast<size_t>(x); }
  int w_, h_;
  std::vector<uint8_t> ink_;
  std::vector<int> label_;
};

bool Inside(const InkMask::Piece& p, const InkMask::Piece& frame) {
  return p.x0 >= frame.x0 && p.x1 <= frame.x1 && p.y0 >= frame.y0 && p.y1 <= frame.y1;
}

// Whether the piece `id` of `hand` (the mask of `zone` on `raster`), cut by
// the zone's lower edge (`down`) or its upper edge, runs on past it
// `depth` pixels or more: followed through the page's ink (8-connected,
// within the piece's columns widened by its width). Used to tell what
// stands beyond the zone (a check box taller than the print under it, the
// foot of a value written on the row above).
bool RunsOnPast(const GreyRaster& raster, const Box& zone, const InkMask& hand, const InkMask::Piece& p, int id, bool down,
                int depth) {
  const int start = down ? zone.y + zone.height : zone.y - 1, step = down ? 1 : -1;
  const int x0 = std::max(0, zone.x + p.x0 - p.width()), x1 = std::min(raster.width - 1, zone.x + p.x1 + p.width());
  const int reach = std::min(depth, down ? raster.height - 1 - start : start);
  if (start < 0 || start >= raster.height) return false;
  const int w = x1 - x0 + 1;
  std::vector<uint8_t> seen(static_cast<size_t>(w) * static_cast<size_t>(reach + 1), 0);
  std::vector<std::pair<int, int>> stack;  // (x, rows past the edge)
  auto visit = [&](int x, int k) {
    if (x < x0 || x > x1 || k < 0 || k > reach || !IsInk(raster, x, start + step * k)) return;
    uint8_t& s = seen[static_cast<size_t>(k) * static_cast<size_t>(w) + static_cast<size_t>(x - x0)];
    if (s) return;
    s = 1;
    stack.push_back({x, k});
  };
  const int edge_row = down ? hand.height() - 1 : 0;
  for (int x = p.x0; x <= p.x1; ++x) {
    if (hand.PieceAt(x, edge_row) != id) continue;
    for (int dx = -1; dx <= 1; ++dx) visit(zone.x + x + dx, 0);
  }
  while (!stack.empty()) {
    const auto [cx, k] = stack.back();
    stack.pop_back();
    if (k + 1 >= depth) return true;
    for (int dk = -1; dk <= 1; ++dk) {
      for (int dx = -1; dx <= 1; ++dx) visit(cx + dx, k + dk);
    }
  }
  return false;
}

}  // namespace

SignatureReading ReadSignature(const GreyRaster& raster, const Box& zone, const std::vector<Box>& printed, double mm,
                               double word_height) {
  SignatureReading out;
  if (raster.empty()) return out;
  const Box b = ClipToRaster(raster, zone);
  if (b.width <= 0 || b.height <= 0) return out;
  InkMask all(b.width, b.height), hand(b.width, b.height);
  for (int y = 0; y < b.height; ++y) {
    for (int x = 0; x < b.width; ++x) {
      const size_t at = static_cast<size_t>(b.y + y) * static_cast<size_t>(raster.width) + static_cast<size_t>(b.x + x);
      all.at(x, y) = hand.at(x, y) = raster.pixels[at] < 128 ? 1 : 0;
    }
  }
  // Printed words: their boxes (a little wider: OCR boxes hug the glyphs) hold no hand's ink.
  const int pad = static_cast<int>(0.3 * mm);
  for (const Box& p : printed) {
    const int x0 = std::max(0, p.x - pad - b.x), x1 = std::min(b.width, p.x + p.width + pad - b.x);
    const int y0 = std::max(0, p.y - pad - b.y), y1 = std::min(b.height, p.y + p.height + pad - b.y);
    for (int y = y0; y < y1; ++y) {
      for (int x = x0; x < x1; ++x) hand.at(x, y) = 0;
    }
  }
  // Stamps first, before rules are cleared (an oval's flat top would go
  // with them): a closed frame that is not made of straight rules, holding
  // printed matter (words read, or pieces no bigger than letters).
  const int min_h = static_cast<int>(10 * mm), min_v = static_cast<int>(8 * mm);
  {
    const auto runs = hand.Runs(min_h, min_v);
    const auto pieces = hand.Label();
    std::vector<bool> drop(pieces.size(), false);
    std::vector<size_t> frames;  // closed frames that may be a stamp's
    std::vector<bool> cut(pieces.size(), false);  // closed only by the zone's edges
    for (size_t i = 0; i < pieces.size(); ++i) {
      const auto& p = pieces[i];
      auto [share, holds_ink] = hand.Enclosed(p, static_cast<int>(i), all);
      // A stamp the zone cuts (put down across the frame round the place
      // to sign, or over its edge): its frame closes on the zone's edge.
      if (share < 0.35 && (p.x0 == 0 || p.y0 == 0 || p.x1 == hand.width() - 1 || p.y1 == hand.height() - 1)) {
        std::tie(share, holds_ink) = hand.Enclosed(p, static_cast<int>(i), all, true);
        cut[i] = share >= 0.35;
      }
      if (share < 0.35) continue;
      const bool small = !cut[i] && std::max(p.width(), p.height()) <= 2.5 * word_height;  // a check box
      if (small || (holds_ink && hand.ShareMarked(runs, static_cast<int>(i), p.pixels) < 0.6)) frames.push_back(i);
    }
    // Inner frames first: a stamp's double frame holds its inner frame.
    std::vector<bool> held_by_stamp(pieces.size(), false);
    for (bool changed = true; changed;) {
      changed = false;
      for (size_t i : frames) {
        if (drop[i]) continue;
        bool printed_only = true;
        std::vector<size_t> held;
        for (size_t k = 0; k < pieces.size() && printed_only; ++k) {
          if (k == i || !Inside(pieces[k], pieces[i])) continue;
          held.push_back(k);
          printed_only = drop[k] || std::max(pieces[k].width(), pieces[k].height()) <= 1.6 * word_height;
        }
        // Cut open, a frame must hold a stamp's print (letters, several),
        // not the odd dot a hand's stroke curls round at the zone's edge.
        if (!printed_only || (cut[i] && held.size() < 3)) continue;
        drop[i] = changed = true;
        for (size_t k : held) drop[k] = held_by_stamp[k] = true;
      }
    }
    // The outermost frame of a stamp goes by its ring alone (a hand's
    // strokes may join it); what it holds goes whole.
    const int ring = std::max(2, static_cast<int>(mm));
    for (size_t i : frames) {
      if (!drop[i] || held_by_stamp[i]) continue;
      hand.ClearFrame(pieces[i], static_cast<int>(i), ring, cut[i]);
      drop[i] = false;
    }
    hand.ClearPieces(drop);
  }
  // A pen stroke does not run straight for a centimetre along one row of pixels; a rule does.
  hand.Clear(hand.Runs(min_h, min_v));
  const auto pieces = hand.Label();
  std::vector<bool> dropped(pieces.size(), false);
  for (size_t i = 0; i < pieces.size(); ++i) {
    const auto& p = pieces[i];
    // Specks, dots of a dotted line, slivers of a rule left at its ends.
    dropped[i] = std::min(p.width(), p.height()) < 0.6 * mm || std::max(p.width(), p.height()) < 1.0 * mm;
    // A small piece cut by the zone's lower edge belongs to what stands
    // under it (the check box below a signature, the tick rising out of it).
    dropped[i] = dropped[i] || (p.y1 == b.height - 1 && std::max(p.width(), p.height()) <= 2.5 * word_height);
    // A larger check box (the print around it small), or the foot of a
    // glyph of the row above the zone, is no wider than a short word and
    // runs on past the edge half a row of print (or as far as it reaches
    // into the zone, when that is less); a signature's pieces are wider,
    // or cross the edge no more than a little.
    const int depth = std::min(p.height(), static_cast<int>(word_height / 2));
    if (!dropped[i] && p.width() <= 12 * mm && (p.y1 == b.height - 1 || p.y0 == 0)) {
      dropped[i] = RunsOnPast(raster, b, hand, p, static_cast<int>(i), p.y1 == b.height - 1, depth);
    }
  }
  int64_t pixels = 0;
  int x0 = b.width, y0 = b.height, x1 = -1, y1 = -1;
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (dropped[i]) continue;
    const auto& p = pieces[i];
    pixels += p.pixels;
    x0 = std::min(x0, p.x0), y0 = std::min(y0, p.y0), x1 = std::max(x1, p.x1), y1 = std::max(y1, p.y1);
  }
  out.hand_mm2 = static_cast<double>(pixels) / (mm * mm);
  out.extent_mm = x1 < 0 ? 0 : std::max(x1 - x0 + 1, y1 - y0 + 1) / mm;
  // A signature is several millimetres of pen; less than a short stroke is no signature.
  if (out.hand_mm2 >= 4 && out.extent_mm >= 6) out.verdict = Signed::kSigned;
  else if (out.hand_mm2 < 1.5) out.verdict = Signed::kBlank;
  else out.verdict = Signed::kUncertain;
  return out;
}

}  // namespace liasse::extractors::internal
