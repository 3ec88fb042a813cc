// A page's OCR words in a form the field readers can search: folded text
// (lower case, no accents), coordinates corrected for the residual skew the
// OCR left, grouped in rows. Internal to the extractors. Immutable after
// construction; safe to share read-only.
#pragma once

#include <any>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/edit_distance.h"
#include "liasse/extractors/ocr_input.h"

namespace liasse::extractors::internal {

struct PlacedWord {
  std::string text;     // as recognised
  std::string folded;   // FoldFrench, punctuation kept
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // deskewed pixels
  float confidence = 0;  // 0..100
  Box box;               // original box on the page
  int row = -1;          // index into PageView::rows()
};

struct Row {
  std::vector<int> words;  // indices into words(), left to right
  double y0 = 0, y1 = 0;   // extent of the row
  double center() const { return (y0 + y1) / 2; }
};

// Where a label was found: words [first, last] of the page.
struct LabelHit {
  int first = 0;
  int last = 0;
  double similarity = 0;  // 0..1
  // Digits the OCR glued to the label's last word ("identification336047097"):
  // the start of the value.
  std::string glued_value;
};

class PageView {
 public:
  explicit PageView(const OcrPage& page);

  const OcrPage& page() const { return *page_; }
  const std::vector<PlacedWord>& words() const { return words_; }
  const std::vector<Row>& rows() const { return rows_; }
  double residual_skew() const { return slope_; }
  // Pixels per millimetre of the page.
  double mm() const { return page_->dpi / 25.4; }
  // Median word height (pixels): the unit of row tolerances.
  double word_height() const { return word_height_; }

  // Every occurrence of `label` (words separated by spaces, matched in
  // order on one row after folding; each word fuzzy-matched), best first.
  std::vector<LabelHit> Find(std::string_view label, double min_similarity = 0.78) const;
  // The best occurrence, or a hit with similarity 0.
  LabelHit FindBest(std::string_view label, double min_similarity = 0.78) const;

  // Words of the same row right of the hit, left to right, stopping at a gap
  // wider than `max_gap_mm` or at x beyond `max_x` (deskewed pixels).
  std::vector<int> RightOf(const LabelHit& hit, double max_gap_mm = 25,
                           double max_x = std::numeric_limits<double>::max()) const;
  // Words of the first non-empty row below the hit, starting within
  // [x_from, x_to] (deskewed pixels), left to right.
  std::vector<int> RowBelow(const LabelHit& hit, double x_from, double x_to) const;

  // The texts of `ids` joined by one space.
  std::string Join(const std::vector<int>& ids) const;
  // The lowest word confidence of `ids` (0..1); 0 when empty.
  double MinConfidence(const std::vector<int>& ids) const;
  // The page box covering `ids` (original coordinates).
  Box Cover(const std::vector<int>& ids) const;
  // Words `first`..`last` of one row with the words continuing them on it,
  // left to right: neighbours less than `max_gap` pixels apart (original
  // coordinates), the run of words a phrase stands in. Just `first`..`last`
  // when they are not on one row.
  std::vector<int> Phrase(int first, int last, double max_gap) const;
  // The words of row `r` joined by spaces.
  std::string RowText(size_t r) const { return Join(rows_[r].words); }
  // The whole page text folded (for keyword scoring).
  const std::string& folded_text() const { return folded_text_; }

  // Data a reader derives from the page, made by `make` the first time
  // `key` asks for it and kept as long as the view (a form's section
  // headings, asked for by every field of a section). `key` must outlive
  // the view (a form of the loaded catalogue). Single thread, as the view.
  template <class T, class Make>
  const T& Derived(const void* key, Make make) const {
    auto it = derived_.find(key);
    if (it == derived_.end()) it = derived_.emplace(key, std::make_any<T>(make())).first;
    return std::any_cast<const T&>(it->second);
  }

 private:
  void FindKeys(const std::vector<std::string>& keys, double min_similarity, std::vector<LabelHit>& hits) const;

  const OcrPage* page_;
  std::vector<PlacedWord> words_;
  std::vector<Row> rows_;
  double slope_ = 0;
  double word_height_ = 30;
  std::string folded_text_;
  mutable std::map<const void*, std::any> derived_;
};

// Similarity of two folded words (1 − edit distance / longer length).
double WordSimilarity(std::string_view a, std::string_view b);
// Lower case, no accents, punctuation other than letters/digits dropped.
std::string FoldKey(std::string_view text);

}  // namespace liasse::extractors::internal
