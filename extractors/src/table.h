// Table rows read from word boxes: the rows of a page between a header and
// a stop label, each as its cells (words merged when they touch, e.g. a
// thousands group and its last digits). Rows come from deskewed word
// centres, so residual skew and missing ruling lines do not matter.
// Internal.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "forms.h"
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

// One column of a table header: a column of the form's data (`name`) or a
// header cell the data does not know (`name` empty: its cells are skipped).
struct HeaderColumn {
  std::string name;
  double x0 = 0, x1 = 0;  // deskewed pixels, the header words' extent
};

struct TableHeader {
  int row = -1;                       // PageView row, -1 when not found
  std::vector<HeaderColumn> columns;  // left to right
  bool ok() const { return row >= 0; }
  // The column whose header extent holds `x` (a word centre), else the
  // nearest; -1 without columns.
  int ColumnAt(double x) const;
  // The column named `name`, or nullptr.
  const HeaderColumn* Find(std::string_view name) const;
};

// The header of `spec`: the page row where most of its columns have a
// wording (at least `spec.min_columns`), whatever their order; each
// column's extent covers its wordings on that row; the row's other words
// are columns the data does not know.
TableHeader FindTableHeader(const PageView& view, const TableSpec& spec);

// The same among the page rows below row `above` (a row of the form's
// head that shares a wording with the table's columns passed over).
TableHeader FindTableHeaderBelow(const PageView& view, const TableSpec& spec, int above);

// Page row `row` as a header none of whose cells the data names: its
// words in columns as FindTableHeader groups them, every name empty (for
// NameColumnByKind to give).
TableHeader HeaderOfRow(const PageView& view, int row);

// A header cell the data does not know ("JOUR", "LE" over dates) named
// `name` by what its column holds: the one unnamed column under which
// `fits` accepts a value starting there (a word, or with the one or two
// words after it: "15 novembre 2023") in at least `min_rows` rows and half
// the rows, the most rows of all. Nothing when `name` is already a
// column, or no column qualifies, or two in as many rows. A kind specific
// enough to name a column from one row (a lettre-clé the tariff knows)
// may ask for one.
void NameColumnByKind(const PageView& view, TableHeader& header, const std::vector<TableRow>& rows, const std::string& name,
                      const std::function<bool(const std::string&)>& fits, size_t min_rows = 2);

// `spec`'s stop phrases as RowsBelow wants them (folded words).
std::vector<std::string> StopKeys(const TableSpec& spec);

}  // namespace liasse::extractors::internal
