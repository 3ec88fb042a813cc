#include "boxed_digits.h"

#include <algorithm>
#include <cmath>

#include "ink.h"
#include "liasse/core/identifiers.h"
#include "normalise.h"
#include "raster.h"

namespace liasse::extractors::internal {

namespace {

// A vertical rule candidate: adjacent columns whose longest run of ink has
// a box's height.
struct Rule {
  int x0 = 0, x1 = 0;  // columns
  int y0 = 0, run = 0; // the longest run: first row and length
  double center() const { return (x0 + x1) / 2.0; }
};

std::vector<Rule> VerticalRuns(const GreyRaster& raster, const Box& b, int min_run, int max_run) {
  std::vector<Rule> rules;
  for (int x = b.x; x < b.x + b.width; ++x) {
    int best = 0, best_y = 0, run = 0;
    for (int y = b.y; y < b.y + b.height; ++y) {
      run = IsInk(raster, x, y) ? run + 1 : 0;
      if (run > best) {
        best = run;
        best_y = y - run + 1;
      }
    }
    if (best < min_run || best > max_run) continue;
    if (!rules.empty() && x - rules.back().x1 <= 2) {
      Rule& r = rules.back();
      r.x1 = x;
      if (best > r.run) {
        r.run = best;
        r.y0 = best_y;
      }
    } else {
      rules.push_back({x, x, best_y, best});
    }
  }
  return rules;
}

// The rules of the boxes: the largest set of runs sharing one height and top
// (a digit's stroke is shorter than its box and starts lower).
std::vector<Rule> BoxRules(const std::vector<Rule>& runs) {
  std::vector<Rule> best;
  for (const Rule& ref : runs) {
    std::vector<Rule> same;
    for (const Rule& r : runs) {
      if (std::abs(r.run - ref.run) <= 0.12 * ref.run && std::abs(r.y0 - ref.y0) <= 0.12 * ref.run) same.push_back(r);
    }
    if (same.size() > best.size()) best = std::move(same);
  }
  return best;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

std::string OnlyDigits(std::string_view text) {
  std::string out;
  for (char ch : text) {
    if (ch >= '0' && ch <= '9') out += ch;
  }
  return out;
}

// A box's digit read under this confidence (0..100) is in doubt.
constexpr float kSureConfidence = 70;

}  // namespace

std::vector<Box> FindCharacterBoxes(const GreyRaster& raster, const Box& band, double mm) {
  std::vector<Box> out;
  if (raster.empty()) return out;
  const Box b = ClipToRaster(raster, band);
  if (b.width <= 0 || b.height <= 0) return out;
  // A character box is 3 to 10 mm high.
  const auto rules = BoxRules(VerticalRuns(raster, b, static_cast<int>(3 * mm), static_cast<int>(10 * mm)));
  if (rules.size() < 3) return out;
  std::vector<double> spacing;
  for (size_t i = 0; i + 1 < rules.size(); ++i) spacing.push_back(rules[i + 1].center() - rules[i].center());
  const double width = Median(spacing);
  if (width < 2 * mm || width > 9 * mm) return out;
  for (size_t i = 0; i + 1 < rules.size(); ++i) {
    const Rule& l = rules[i];
    const Rule& r = rules[i + 1];
    if (std::abs(spacing[i] - width) > 0.2 * width) continue;  // the gap between two groups of boxes
    // Inside the box: clear of its rules (their thickness plus 0.3 mm).
    const int thick = std::max(l.x1 - l.x0, r.x1 - r.x0) + 1;
    const int pad = thick + static_cast<int>(0.3 * mm);
    const int top = std::min(l.y0, r.y0), bottom = std::max(l.y0 + l.run, r.y0 + r.run);
    Box interior{l.x1 + 1 + static_cast<int>(0.3 * mm), top + pad, r.x0 - l.x1 - 1 - 2 * static_cast<int>(0.3 * mm),
                 bottom - top - 2 * pad};
    if (interior.width < 4 || interior.height < 4) continue;
    const auto ink = InkFraction(raster, interior);
    if (!ink || *ink < 0.02) continue;  // an empty box
    out.push_back(interior);
  }
  return out;
}

namespace {

// Reads the character boxes found in `band` (page pixels), one re-read per
// box; nullopt without raster or reader, or with fewer than `min_boxes`.
std::optional<BoxedReading> ReadBoxesIn(const DocReader& r, const Box& band, size_t min_boxes) {
  const PageView& v = r.view();
  const GreyRaster& ink = v.page().ink;
  RegionReader* reader = r.ctx().reader;
  if (ink.empty() || reader == nullptr) return std::nullopt;
  const double mm = v.mm();
  const auto boxes = FindCharacterBoxes(ink, band, mm);
  if (boxes.size() < min_boxes) return std::nullopt;
  BoxedReading out;
  int x1 = 0, y1 = 0;
  out.cover = boxes.front();
  for (size_t i = 0; i < boxes.size(); ++i) {
    const Box& bx = boxes[i];
    char c = '?';
    bool sure = false;
    auto read = reader->Reread(v.page().index, bx, RegionKind::kDigits);
    if (read.ok()) {
      const std::string digits = OnlyDigits(read->text);
      if (digits.size() == 1) c = digits[0];
      sure = digits.size() == 1 && read->confidence >= kSureConfidence;
    }
    if (c == '?') {
      // The whitelist sometimes yields nothing for a lone glyph: read it
      // freely and map a letter shaped like a digit ('g' → 9), in doubt.
      auto free = reader->Reread(v.page().index, bx, RegionKind::kText);
      if (free.ok()) {
        const std::string digits = DigitsOf(free->text);
        if (digits.size() == 1) c = digits[0];
        // Read as that very digit, surely: as good as a whitelisted reading.
        sure = free->text.size() == 1 && free->text == digits && free->confidence >= kSureConfidence;
      }
    }
    if (c == '?') {
      // Last, the whole box with its two rules and some white around: the
      // rules read as '1's on both sides of the digit ("191"), in doubt.
      const int grow = static_cast<int>(1.2 * mm);
      const Box wide{bx.x - grow, bx.y - grow / 2, bx.width + 2 * grow, bx.height + grow};
      auto framed = reader->Reread(v.page().index, wide, RegionKind::kDigits);
      if (framed.ok()) {
        const std::string digits = OnlyDigits(framed->text);
        if (digits.size() == 3 && digits[0] == '1' && digits[2] == '1') c = digits[1];
        else if (digits.size() == 1) c = digits[0];
      }
    }
    if (!sure) out.unsure.push_back(static_cast<int>(i));
    out.value += c;
    out.cover.x = std::min(out.cover.x, bx.x);
    out.cover.y = std::min(out.cover.y, bx.y);
    x1 = std::max(x1, bx.x + bx.width);
    y1 = std::max(y1, bx.y + bx.height);
  }
  out.cover.width = x1 - out.cover.x;
  out.cover.height = y1 - out.cover.y;
  return out;
}

// The NIR of a boxed reading, as ReadBoxedNir says.
std::optional<BoxedNir> NirOf(const std::optional<BoxedReading>& reading);

}  // namespace

std::optional<BoxedReading> ReadBoxedRightOf(const DocReader& r, const LabelHit& label, double width_mm, size_t min_boxes) {
  if (label.similarity <= 0) return std::nullopt;
  const PageView& v = r.view();
  const double mm = v.mm();
  const Box& lb = v.words()[static_cast<size_t>(label.last)].box;
  // From the middle of the label's last word (digits glued to it may lie in
  // the first box), on a band 12 mm high centred on the label.
  const int x0 = lb.x + lb.width / 2;
  const int yc = lb.y + lb.height / 2;
  const Box band{x0, yc - static_cast<int>(6 * mm), static_cast<int>(width_mm * mm), static_cast<int>(12 * mm)};
  return ReadBoxesIn(r, band, min_boxes);
}

std::optional<BoxedReading> ReadBoxedBelow(const DocReader& r, const LabelHit& label, double width_mm, size_t min_boxes) {
  if (label.similarity <= 0) return std::nullopt;
  const PageView& v = r.view();
  const double mm = v.mm();
  const Box& first = v.words()[static_cast<size_t>(label.first)].box;
  const Box& last = v.words()[static_cast<size_t>(label.last)].box;
  // From 15 mm left of the label (a worn label may be found from its second
  // word on), on a band 10 mm high under it.
  const int bottom = std::max(first.y + first.height, last.y + last.height);
  const int left = std::max(0, first.x - static_cast<int>(15 * mm));
  const Box band{left, bottom, static_cast<int>(width_mm * mm) + (first.x - left), static_cast<int>(10 * mm)};
  return ReadBoxesIn(r, band, min_boxes);
}

std::optional<BoxedNir> ReadBoxedNir(const DocReader& r, const LabelHit& label) {
  auto nir = NirOf(ReadBoxedRightOf(r, label, 130, 15));
  // A form that prints its boxes under the label (a cell's corner, a label above).
  return nir ? nir : NirOf(ReadBoxedBelow(r, label, 130, 15));
}

std::optional<BoxedNir> ReadBoxedNirAt(const DocReader& r, int word) {
  const PageView& v = r.view();
  const double mm = v.mm();
  const Box& wb = v.words()[static_cast<size_t>(word)].box;
  const int x0 = std::max(0, wb.x - static_cast<int>(3 * mm));
  const int yc = wb.y + wb.height / 2;
  const Box band{x0, std::max(0, yc - static_cast<int>(6 * mm)), static_cast<int>(130 * mm), static_cast<int>(12 * mm)};
  return NirOf(ReadBoxesIn(r, band, 15));
}

namespace {

std::optional<BoxedNir> NirOf(const std::optional<BoxedReading>& reading) {
  if (!reading || reading->value.size() != 15) return std::nullopt;
  const std::string& value = reading->value;
  const auto unreadable = std::count(value.begin(), value.end(), '?');
  if (unreadable == 0 && Nir::Parse(value).ok()) return BoxedNir{value, reading->cover, false};
  // Boxes in doubt: the key decides, when changing exactly one of them
  // makes exactly one NIR (a box not read at all must be the one).
  // Corsica's "2A"/"2B": the digit whitelist reads the letter as a digit.
  std::vector<size_t> doubtful;
  if (unreadable == 1) doubtful.push_back(value.find('?'));
  else if (unreadable == 0) {
    for (int i : reading->unsure) doubtful.push_back(static_cast<size_t>(i));
    if (value[5] == '2' && std::find(doubtful.begin(), doubtful.end(), 6) == doubtful.end()) doubtful.push_back(6);
  }
  std::vector<std::string> passing;
  for (size_t at : doubtful) {
    std::string options = "0123456789";
    if (at == 6 && value[5] == '2') options += "AB";
    for (char c : options) {
      std::string trial = value;
      if (trial[at] == c) continue;
      trial[at] = c;
      if (Nir::Parse(trial).ok()) passing.push_back(trial);
    }
  }
  if (passing.size() != 1) return std::nullopt;
  return BoxedNir{passing.front(), reading->cover, true};
}

}  // namespace

}  // namespace liasse::extractors::internal

