#include "unread_rows.h"

#include <algorithm>
#include <cctype>
#include <numeric>

namespace liasse::ocr {
namespace {

struct Mark {
  int x0, y0, x1, y1;  // inclusive-exclusive pixel extents
  int height() const { return y1 - y0; }
};

// A group of marks standing on one row.
struct Row {
  Mark extent;
  int marks = 0;
  std::vector<int> heights;
};

class Millimetres {
 public:
  explicit Millimetres(Pix* pix) : per_mm_(std::max(pixGetXRes(pix), 72) / 25.4) {}
  int operator()(double mm) const { return std::max(1, static_cast<int>(mm * per_mm_ + 0.5)); }

 private:
  double per_mm_;
};

// The ink of `binary` that no recognised word covers, without long rules.
PixPtr InkLeftUnread(Pix* binary, const std::vector<Block>& blocks, const Millimetres& px) {
  PixPtr ink(pixCopy(nullptr, binary));
  if (!ink) return nullptr;
  const int pad = px(0.4);
  for (const Block& block : blocks) {
    for (const Line& line : block.lines) {
      for (const Word& w : line.words) {
        pixRasterop(ink.get(), w.box.x - pad, w.box.y - pad, w.box.width + 2 * pad, w.box.height + 2 * pad, PIX_CLR,
                    nullptr, 0, 0);
      }
    }
  }
  // Table rules and frames are longer than any letter is wide or tall.
  for (auto [w, h] : {std::pair{px(12), 1}, std::pair{1, px(12)}}) {
    PixPtr rules(pixOpenCompBrick(nullptr, ink.get(), w, h));
    if (rules) pixSubtract(ink.get(), ink.get(), rules.get());
  }
  return ink;
}

// The letter-sized marks of `ink`: not specks or dots, not taller than a
// line of writing, not wider than a handwritten word joined up.
std::vector<Mark> LetterMarks(Pix* ink, const Millimetres& px) {
  std::vector<Mark> marks;
  Boxa* raw = pixConnCompBB(ink, 8);
  if (raw == nullptr) return marks;
  const int n = boxaGetCount(raw);
  for (int i = 0; i < n; ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    boxaGetBoxGeometry(raw, i, &x, &y, &w, &h);
    if (h < px(1.0) || h > px(8.0) || w > px(25.0)) continue;
    if (w < px(0.3)) continue;
    marks.push_back({x, y, x + w, y + h});
  }
  boxaDestroy(&raw);
  return marks;
}

bool SameRow(const Mark& a, const Mark& b) {
  const int overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  return overlap * 2 >= std::min(a.height(), b.height());
}

// Marks side by side (gaps up to `max_gap`) on one row, grouped left to right.
std::vector<Row> GroupIntoRows(std::vector<Mark> marks, int max_gap) {
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.x0 < b.x0; });
  std::vector<Row> rows;
  for (const Mark& m : marks) {
    auto joined = std::find_if(rows.begin(), rows.end(), [&](const Row& r) {
      return m.x0 - r.extent.x1 <= max_gap && SameRow(r.extent, m);
    });
    if (joined == rows.end()) {
      rows.push_back({m, 1, {m.height()}});
      continue;
    }
    joined->extent = {std::min(joined->extent.x0, m.x0), std::min(joined->extent.y0, m.y0),
                      std::max(joined->extent.x1, m.x1), std::max(joined->extent.y1, m.y1)};
    joined->marks += 1;
    joined->heights.push_back(m.height());
  }
  return rows;
}

int Median(std::vector<int> v) {
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

}  // namespace

std::vector<Box> UnreadTextRows(Pix* binary, const std::vector<Block>& blocks) {
  std::vector<Box> out;
  if (binary == nullptr || pixGetDepth(binary) != 1) return out;
  const Millimetres px(binary);
  PixPtr ink = InkLeftUnread(binary, blocks, px);
  if (!ink) return out;
  // Letters of a word lie a stroke apart, words a few millimetres: a label
  // and the value written after it are one row to read.
  const std::vector<Row> rows = GroupIntoRows(LetterMarks(ink.get(), px), px(6.0));
  const int page_w = pixGetWidth(binary), page_h = pixGetHeight(binary);
  const int pad = px(1.0);
  for (const Row& r : rows) {
    const int width = r.extent.x1 - r.extent.x0, height = r.extent.y1 - r.extent.y0;
    if (r.marks < 3 || width < px(6.0) || height < px(1.8) || height > px(10.0)) continue;
    if (Median(r.heights) < px(1.3)) continue;
    const int x = std::max(0, r.extent.x0 - pad), y = std::max(0, r.extent.y0 - pad);
    out.push_back({x, y, std::min(page_w, r.extent.x1 + pad) - x, std::min(page_h, r.extent.y1 + pad) - y});
  }
  std::sort(out.begin(), out.end(), [](const Box& a, const Box& b) { return a.y != b.y ? a.y < b.y : a.x < b.x; });
  return out;
}

bool LooksLikeText(const Line& line) {
  int alnum = 0;
  double confidence = 0;
  for (const Word& w : line.words) {
    for (char ch : w.text) {
      const auto c = static_cast<unsigned char>(ch);
      alnum += std::isalnum(c) != 0 || c >= 0x80 ? 1 : 0;
    }
    confidence += w.confidence;
  }
  if (line.words.empty()) return false;
  return alnum >= 3 && confidence / static_cast<double>(line.words.size()) >= 55.0;
}

}  // namespace liasse::ocr
