#include "page_view.h"

#include <algorithm>
#include <cmath>

#include "liasse/core/text.h"

namespace liasse::extractors::internal {

namespace {

double Median(std::vector<double> v, double fallback) {
  if (v.empty()) return fallback;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// Least-squares slope of word bottoms along each OCR line; the median over
// lines is the skew the OCR's deskew left (bottoms: baselines of capitals
// and digits agree better than tops).
double EstimateSlope(const OcrPage& page) {
  std::vector<double> slopes;
  for (const auto& line : page.lines) {
    if (line.words.size() < 3) continue;
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    const double n = static_cast<double>(line.words.size());
    for (const auto& w : line.words) {
      const double x = w.box.x + w.box.width / 2.0, y = w.box.y + w.box.height;
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    const double den = n * sxx - sx * sx;
    const double span = line.words.back().box.x + line.words.back().box.width - line.words.front().box.x;
    if (den <= 0 || span < 300) continue;
    slopes.push_back((n * sxy - sx * sy) / den);
  }
  return std::clamp(Median(slopes, 0.0), -0.05, 0.05);
}

std::vector<std::string> LabelKeys(std::string_view label) {
  std::vector<std::string> keys;
  size_t i = 0;
  while (i < label.size()) {
    const size_t j = label.find(' ', i);
    const std::string key = FoldKey(label.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
    if (!key.empty()) keys.push_back(key);
    if (j == std::string_view::npos) break;
    i = j + 1;
  }
  return keys;
}

}  // namespace

std::string FoldKey(std::string_view text) {
  const std::string folded = text::FoldFrench(text);
  std::string out;
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

double WordSimilarity(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return 0;
  const double longer = static_cast<double>(std::max(a.size(), b.size()));
  return 1.0 - static_cast<double>(EditDistance(a, b)) / longer;
}

PageView::PageView(const OcrPage& page) : page_(&page) {
  slope_ = EstimateSlope(page);
  std::vector<double> heights;
  for (const auto& line : page.lines) {
    for (const auto& w : line.words) {
      if (text::Trim(w.text).empty()) continue;
      PlacedWord p;
      p.text = w.text;
      p.folded = FoldKey(w.text);
      p.box = w.box;
      p.confidence = w.confidence;
      const double shift = slope_ * (w.box.x + w.box.width / 2.0);
      p.x0 = w.box.x;
      p.x1 = w.box.x + w.box.width;
      p.y0 = w.box.y - shift;
      p.y1 = w.box.y + w.box.height - shift;
      words_.push_back(std::move(p));
      heights.push_back(w.box.height);
    }
  }
  word_height_ = Median(heights, 30.0);
  // Boxes the OCR stretched over a ruling line or an underline: in an OCR
  // line that also holds words of the usual height, a word box much taller
  // is put back on their centre when it covers it.
  {
    size_t i = 0;
    for (const auto& line : page.lines) {
      const size_t begin = i;
      std::vector<double> centres;
      for (const auto& w : line.words) {
        if (text::Trim(w.text).empty()) continue;
        const PlacedWord& p = words_[i++];
        const double h = p.y1 - p.y0;
        if (h <= 1.25 * word_height_ && h >= 0.6 * word_height_) centres.push_back((p.y0 + p.y1) / 2);
      }
      if (centres.empty()) continue;
      const double c = Median(centres, 0.0);
      for (size_t k = begin; k < i; ++k) {
        PlacedWord& p = words_[k];
        if (p.y1 - p.y0 <= 1.6 * word_height_ || c < p.y0 || c > p.y1) continue;
        p.y0 = c - word_height_ / 2;
        p.y1 = c + word_height_ / 2;
      }
    }
  }
  // A letter a few pixels high is a rule read as text.
  std::vector<PlacedWord> kept;
  for (auto& w : words_) {
    if (w.folded.empty() || w.y1 - w.y0 >= 0.25 * word_height_) kept.push_back(std::move(w));
  }
  words_ = std::move(kept);
  // Rows: words sorted by vertical centre, a new row when the centre moves
  // by more than half a word height from the row's running centre.
  std::vector<int> order(words_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  auto yc = [&](int i) { return (words_[static_cast<size_t>(i)].y0 + words_[static_cast<size_t>(i)].y1) / 2; };
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return yc(a) < yc(b); });
  double row_center = 0;
  for (int i : order) {
    if (rows_.empty() || yc(i) - row_center > 0.5 * word_height_) {
      rows_.emplace_back();
      row_center = yc(i);
    }
    Row& r = rows_.back();
    r.words.push_back(i);
    row_center = (row_center * static_cast<double>(r.words.size() - 1) + yc(i)) / static_cast<double>(r.words.size());
  }
  for (size_t r = 0; r < rows_.size(); ++r) {
    Row& row = rows_[r];
    std::sort(row.words.begin(), row.words.end(),
              [&](int a, int b) { return words_[static_cast<size_t>(a)].x0 < words_[static_cast<size_t>(b)].x0; });
    row.y0 = 1e18;
    row.y1 = -1e18;
    for (int i : row.words) {
      auto& w = words_[static_cast<size_t>(i)];
      w.row = static_cast<int>(r);
      row.y0 = std::min(row.y0, w.y0);
      row.y1 = std::max(row.y1, w.y1);
    }
  }
  for (const auto& row : rows_) {
    for (int i : row.words) folded_text_ += FoldKey(words_[static_cast<size_t>(i)].text) + " ";
    folded_text_ += "\n";
  }
}

std::vector<LabelHit> PageView::Find(std::string_view label, double min_similarity) const {
  const std::vector<std::string> base = LabelKeys(label);
  std::vector<LabelHit> hits;
  if (base.empty()) return hits;
  // The OCR may glue two label words ("delot"): also try each pair merged.
  std::vector<std::vector<std::string>> variants = {base};
  for (size_t m = 0; m + 1 < base.size(); ++m) {
    std::vector<std::string> v(base.begin(), base.begin() + static_cast<std::ptrdiff_t>(m));
    v.push_back(base[m] + base[m + 1]);
    v.insert(v.end(), base.begin() + static_cast<std::ptrdiff_t>(m) + 2, base.end());
    variants.push_back(std::move(v));
  }
  for (const auto& keys : variants) FindKeys(keys, min_similarity, hits);
  std::stable_sort(hits.begin(), hits.end(), [](const LabelHit& a, const LabelHit& b) { return a.similarity > b.similarity; });
  // The same words found by two variants: keep the best.
  std::vector<LabelHit> unique;
  for (const auto& h : hits) {
    if (std::none_of(unique.begin(), unique.end(), [&](const LabelHit& u) { return u.first == h.first && u.last == h.last; })) unique.push_back(h);
  }
  return unique;
}

void PageView::FindKeys(const std::vector<std::string>& keys, double min_similarity, std::vector<LabelHit>& hits) const {
  for (const auto& row : rows_) {
    std::vector<int> keyed;
    for (int i : row.words) {
      if (!words_[static_cast<size_t>(i)].folded.empty()) keyed.push_back(i);
    }
    for (size_t s = 0; s + keys.size() <= keyed.size(); ++s) {
      double sum = 0;
      bool ok = true;
      std::string glued;
      for (size_t k = 0; k < keys.size() && ok; ++k) {
        const std::string& folded = words_[static_cast<size_t>(keyed[s + k])].folded;
        double sim = WordSimilarity(keys[k], folded);
        if (k + 1 == keys.size() && folded.size() >= keys[k].size() + 3) {
          // The value glued to the label: compare the label part only.
          const std::string tail = folded.substr(keys[k].size());
          if (std::all_of(tail.begin(), tail.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            const double prefix_sim = WordSimilarity(keys[k], folded.substr(0, keys[k].size()));
            if (prefix_sim > sim) {
              sim = prefix_sim;
              glued = tail;
            }
          }
        }
        // Short words ("n", "de", "le") must match exactly: fuzzy on them
        // matches anything.
        ok = keys[k].size() <= 2 ? sim == 1.0 : sim >= 0.6;
        sum += sim;
      }
      const double mean = sum / static_cast<double>(keys.size());
      if (ok && mean >= min_similarity) hits.push_back({keyed[s], keyed[s + keys.size() - 1], mean, glued});
    }
  }
}

LabelHit PageView::FindBest(std::string_view label, double min_similarity) const {
  auto hits = Find(label, min_similarity);
  if (hits.empty()) return {0, 0, 0, {}};
  return hits.front();
}

std::vector<int> PageView::RightOf(const LabelHit& hit, double max_gap_mm, double max_x) const {
  std::vector<int> out;
  const auto& last = words_[static_cast<size_t>(hit.last)];
  const Row& row = rows_[static_cast<size_t>(last.row)];
  double x = last.x1;
  for (int i : row.words) {
    const auto& w = words_[static_cast<size_t>(i)];
    // Boxes of neighbouring words may overlap a little: right of the label's centre is enough.
    if (w.x0 < (last.x0 + last.x1) / 2 || i == hit.last) continue;
    if (w.x0 - x > max_gap_mm * mm() || w.x0 > max_x) break;
    x = w.x1;
    if (out.empty() && w.folded.empty() && w.text.size() <= 2) continue;  // the label's ":" read as a word
    out.push_back(i);
  }
  return out;
}

std::vector<int> PageView::RowBelow(const LabelHit& hit, double x_from, double x_to) const {
  const int r0 = words_[static_cast<size_t>(hit.last)].row;
  for (size_t r = static_cast<size_t>(r0) + 1; r < rows_.size(); ++r) {
    std::vector<int> out;
    for (int i : rows_[r].words) {
      const auto& w = words_[static_cast<size_t>(i)];
      if (w.x0 >= x_from && w.x0 <= x_to) out.push_back(i);
    }
    if (!out.empty()) return out;
  }
  return {};
}

std::string PageView::Join(const std::vector<int>& ids) const {
  std::string s;
  for (int i : ids) {
    if (!s.empty()) s += ' ';
    s += words_[static_cast<size_t>(i)].text;
  }
  return s;
}

double PageView::MinConfidence(const std::vector<int>& ids) const {
  if (ids.empty()) return 0;
  double m = 100;
  for (int i : ids) m = std::min(m, static_cast<double>(words_[static_cast<size_t>(i)].confidence));
  return m / 100.0;
}

std::vector<int> PageView::Phrase(int first, int last, double max_gap) const {
  std::vector<int> own;
  for (int i = first; i <= last; ++i) own.push_back(i);
  const int row = words_[static_cast<size_t>(first)].row;
  if (row < 0) return own;
  const std::vector<int>& on_row = rows_[static_cast<size_t>(row)].words;  // left to right
  auto begin = std::find(on_row.begin(), on_row.end(), first);
  auto end = std::find(on_row.begin(), on_row.end(), last);
  if (begin == on_row.end() || end == on_row.end() || end < begin) return own;
  auto close = [&](int left, int right) {
    const Box& l = words_[static_cast<size_t>(left)].box;
    return words_[static_cast<size_t>(right)].box.x - (l.x + l.width) <= max_gap;
  };
  ++end;
  while (begin != on_row.begin() && close(*(begin - 1), *begin)) --begin;
  while (end != on_row.end() && close(*(end - 1), *end)) ++end;
  return {begin, end};
}

Box PageView::Cover(const std::vector<int>& ids) const {
  if (ids.empty()) return {};
  int x0 = 1 << 30, y0 = 1 << 30, x1 = -(1 << 30), y1 = -(1 << 30);
  for (int i : ids) {
    const Box& b = words_[static_cast<size_t>(i)].box;
    x0 = std::min(x0, b.x);
    y0 = std::min(y0, b.y);
    x1 = std::max(x1, b.x + b.width);
    y1 = std::max(y1, b.y + b.height);
  }
  return {x0, y0, x1 - x0, y1 - y0};
}

}  // namespace liasse::extractors::internal
