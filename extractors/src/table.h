// Table rows read from word boxes: the rows of a page between a header and
// a stop label, each as its cells (words merged when they touch, e.g. a
// thousands group and its last digits). Rows come from deskewed word
// centres, so residual skew and missing ruling lines do not matter.
// Internal.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "page_view.h"

namespace liasse::extractors::internal {

struct Cell {
  std::string text;
  std::vector<int> words;
  double x0 = 0, x1 = 0;
  double confidence = 1;  // 0..1, lowest word
};

struct TableRow {
  int row = -1;  // PageView row index
  std::vector<Cell> cells;
};

// The rows strictly below page row `header_row` and above the first row
// whose text contains one of `stops` (folded words), at most `max_rows`.
// Words closer than `join_gap` word heights are one cell.
std::vector<TableRow> RowsBelow(const PageView& view, int header_row, const std::vector<std::string>& stops,
                                size_t max_rows = 40, double join_gap = 0.45);

// The page row holding most of `header_words` (folded keys), or -1.
int FindHeaderRow(const PageView& view, const std::vector<std::string>& header_words, size_t min_hits);

}  // namespace liasse::extractors::internal
