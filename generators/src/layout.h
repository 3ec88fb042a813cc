// Layout: flows text, bullet lists and tables down A4 pages of one
// HpdfDocument, starting a new page when the bottom margin is reached
// (tables repeat their header row), then stamps every page with the footer
// and « Page i/n ». Coordinates are points measured from the top-left corner.
#pragma once

#include <hpdf.h>

#include <string>
#include <string_view>
#include <vector>

#include "hpdf_document.h"
#include "liasse/core/status.h"

namespace liasse::generators::internal {

struct Style {
  bool bold = false;
  float size = 9.5f;
  float gray = 0.0f;  // 0 black … 1 white
};

enum class Align { kLeft, kRight, kCenter };

struct TableColumn {
  std::string heading;
  float width = 50;
  Align align = Align::kLeft;
};

struct TableRow {
  std::vector<std::string> cells;
  bool bold = false;
  bool shaded = false;
  std::string note;  // full-width explanation printed under the row
};

struct Table {
  std::vector<TableColumn> columns;
  std::vector<TableRow> rows;
  float font_size = 7.5f;
};

struct PageFrame {
  float width = 595.276f;  // A4
  float height = 841.89f;
  float left = 48;
  float right = 48;
  float top = 42;
  float bottom = 72;  // room for the footer
};

class Layout {
 public:
  Layout(HpdfDocument& doc, PageFrame frame);

  // Printed at the top of pages 2..n.
  void SetContinuationHeader(std::string text) { continuation_ = std::move(text); }
  // Small grey lines centred at the bottom of every page.
  void SetFooter(std::vector<std::string> lines) { footer_ = std::move(lines); }

  void NewPage();
  float y() const { return y_; }
  void MoveTo(float y) { y_ = y; }
  float content_width() const { return frame_.width - frame_.left - frame_.right; }
  float left() const { return frame_.left; }
  const PageFrame& frame() const { return frame_; }

  // One line at an absolute position (no wrapping).
  void TextAt(float x, float y, std::string_view text, const Style& style, Align align = Align::kLeft, float box = 0);
  float TextWidth(std::string_view text, const Style& style) const;
  // Greedy word wrap on ASCII spaces (no-break spaces hold, and so do spaces
  // after a digit or after "n°" before one); explicit '\n' breaks.
  std::vector<std::string> Wrap(std::string_view text, const Style& style, float width) const;

  void Paragraph(std::string_view text, const Style& style, float indent = 0, float space_after = 3);
  void Bullet(std::string_view text, const Style& style, float indent = 10);
  void Space(float points) { y_ += points; }
  // Starts a new page unless `points` still fit above the bottom margin.
  void EnsureSpace(float points);
  void Rule(float gray = 0.6f, float thickness = 0.5f);
  void ShadedBox(float x, float y, float w, float h, float gray);
  void DrawTable(const Table& table);

  // Footer and page numbers on every page; the first libharu error if any.
  Status Finish();
  int page_count() const { return static_cast<int>(pages_.size()); }

 private:
  static float LineHeight(const Style& style) { return style.size * 1.32f; }
  HPDF_Font FontOf(const Style& style) const { return style.bold ? doc_.bold() : doc_.regular(); }
  float Bottom() const { return frame_.height - frame_.bottom; }
  // Baseline of the line that ends at the cursor.
  float Baseline(const Style& style) const { return y_ - (LineHeight(style) - style.size) * 0.5f - style.size * 0.22f; }
  void DrawTableHeader(const Table& table);
  // Flushes `line`, pushes the full-width pieces of `word` to `lines` and
  // returns its last piece.
  std::string BreakLongWord(std::string_view word, const Style& style, float width, std::vector<std::string>& lines,
                            std::string& line, float& line_width) const;

  HpdfDocument& doc_;
  PageFrame frame_;
  std::vector<HPDF_Page> pages_;
  HPDF_Page page_ = nullptr;
  float y_ = 0;
  std::string continuation_;
  std::vector<std::string> footer_;
  Status coverage_;  // the first text the fonts cannot show
};

}  // namespace liasse::generators::internal
