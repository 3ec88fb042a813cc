#include "table.h"

#include <algorithm>

namespace liasse::extractors::internal {

namespace {

bool RowHasStop(const PageView& view, const Row& row, const std::vector<std::string>& stops) {
  std::string folded = " ";
  for (int i : row.words) folded += view.words()[static_cast<size_t>(i)].folded + " ";
  for (const auto& s : stops) {
    if (folded.find(" " + s + " ") != std::string::npos) return true;
  }
  return false;
}

}  // namespace

int FindHeaderRow(const PageView& view, const std::vector<std::string>& header_words, size_t min_hits) {
  int best = -1;
  size_t best_hits = 0;
  for (size_t r = 0; r < view.rows().size(); ++r) {
    size_t hits = 0;
    for (const auto& h : header_words) {
      for (int i : view.rows()[r].words) {
        if (WordSimilarity(view.words()[static_cast<size_t>(i)].folded, h) >= 0.75) {
          ++hits;
          break;
        }
      }
    }
    if (hits > best_hits) {
      best_hits = hits;
      best = static_cast<int>(r);
    }
  }
  return best_hits >= min_hits ? best : -1;
}

std::vector<TableRow> RowsBelow(const PageView& view, int header_row, const std::vector<std::string>& stops,
                                size_t max_rows, double join_gap) {
  std::vector<TableRow> out;
  if (header_row < 0) return out;
  for (size_t r = static_cast<size_t>(header_row) + 1; r < view.rows().size() && out.size() < max_rows; ++r) {
    const Row& row = view.rows()[r];
    if (RowHasStop(view, row, stops)) break;
    TableRow tr;
    tr.row = static_cast<int>(r);
    for (int i : row.words) {
      const PlacedWord& w = view.words()[static_cast<size_t>(i)];
      if (w.folded.empty() && (w.text == "|" || w.text == "—" || w.text == "-" || w.text == "_")) continue;  // ruling read as text
      if (!tr.cells.empty() && w.x0 - tr.cells.back().x1 < join_gap * view.word_height()) {
        Cell& c = tr.cells.back();
        c.text += " " + w.text;
        c.words.push_back(i);
        c.x1 = w.x1;
        c.confidence = std::min(c.confidence, w.confidence / 100.0);
      } else {
        tr.cells.push_back({w.text, {i}, w.x0, w.x1, w.confidence / 100.0});
      }
    }
    if (!tr.cells.empty()) out.push_back(std::move(tr));
  }
  return out;
}

}  // namespace liasse::extractors::internal
