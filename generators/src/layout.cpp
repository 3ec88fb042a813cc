#include "layout.h"

#include <algorithm>
#include <string>

#include "font_coverage.h"
#include "liasse/core/utf8.h"

namespace liasse::generators::internal {

namespace {
constexpr float kCellPadding = 2.0f;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// French typography: a space after a number ("104 582", "01 47 70 30 97",
// "31 octobre", "10 jours") or after "n°" holds like a no-break space, so a
// number never ends a line apart from what it counts or continues.
bool HoldsTogether(std::string_view text, size_t space) {
  if (space == 0 || space + 1 >= text.size()) return false;
  if (IsDigit(text[space - 1])) return true;
  return IsDigit(text[space + 1]) && space >= 3 && text.substr(space - 3, 3) == "n\xC2\xB0";
}

// The next space at or after `from` where a line may break, or npos.
size_t NextBreak(std::string_view text, size_t from) {
  size_t sp = text.find(' ', from);
  while (sp != std::string_view::npos && HoldsTogether(text, sp)) sp = text.find(' ', sp + 1);
  return sp;
}
}  // namespace

Layout::Layout(HpdfDocument& doc, PageFrame frame) : doc_(doc), frame_(frame) {}

void Layout::NewPage() {
  page_ = doc_.AddPage();
  if (page_ == nullptr) return;  // the error is recorded in doc_
  pages_.push_back(page_);
  y_ = frame_.top;
  if (pages_.size() > 1 && !continuation_.empty()) {
    const Style style{false, 7.5f, 0.35f};
    TextAt(frame_.left, y_ + style.size, continuation_, style);
    y_ += LineHeight(style) + 2;
    Rule(0.75f);
    y_ += 6;
  }
}

float Layout::TextWidth(std::string_view text, const Style& style) const {
  if (text.empty()) return 0;
  const HPDF_TextWidth tw =
      HPDF_Font_TextWidth(FontOf(style), reinterpret_cast<const HPDF_BYTE*>(text.data()), static_cast<HPDF_UINT>(text.size()));
  return static_cast<float>(tw.width) * style.size / 1000.0f;
}

void Layout::TextAt(float x, float y, std::string_view text, const Style& style, Align align, float box) {
  if (page_ == nullptr || text.empty()) return;
  if (coverage_.ok()) coverage_ = CheckFontCoverage(text, "texte du courrier");
  float left = x;
  if (align != Align::kLeft) {
    const float w = TextWidth(text, style);
    left = align == Align::kRight ? x + box - w : x + (box - w) / 2;
  }
  const std::string owned(text);  // libharu wants a NUL-terminated string
  HPDF_Page_BeginText(page_);
  HPDF_Page_SetFontAndSize(page_, FontOf(style), style.size);
  HPDF_Page_SetGrayFill(page_, style.gray);
  HPDF_Page_TextOut(page_, left, frame_.height - y, owned.c_str());
  HPDF_Page_EndText(page_);
}

std::string Layout::BreakLongWord(std::string_view word, const Style& style, float width,
                                  std::vector<std::string>& lines, std::string& line, float& line_width) const {
  if (!line.empty()) {
    lines.push_back(line);
    line.clear();
    line_width = 0;
  }
  std::string current;
  for (size_t i = 0; i < word.size();) {
    const size_t start = i;
    utf8::NextCodePoint(word, i);
    const std::string_view cp = word.substr(start, i - start);
    if (!current.empty() && TextWidth(current + std::string(cp), style) > width) {
      lines.push_back(current);
      current.clear();
    }
    current += cp;
  }
  return current;  // the last piece starts the next line
}

std::vector<std::string> Layout::Wrap(std::string_view text, const Style& style, float width) const {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view para = text.substr(start, nl - start);
    std::string line;
    float line_width = 0;
    const float space = TextWidth(" ", style);
    size_t pos = 0;
    bool any = false;
    while (pos <= para.size()) {
      size_t sp = NextBreak(para, pos);
      if (sp == std::string_view::npos) sp = para.size();
      const std::string_view word = para.substr(pos, sp - pos);
      pos = sp + 1;
      if (word.empty()) {
        if (sp >= para.size()) break;
        continue;
      }
      float w = TextWidth(word, style);
      std::string broken;
      if (w > width) {
        // A word wider than the column (an e-mail address, a long code):
        // break it between characters rather than draw over the next cell.
        broken = BreakLongWord(word, style, width, lines, line, line_width);
        w = TextWidth(broken, style);
      }
      const std::string_view piece = broken.empty() ? word : std::string_view(broken);
      if (!line.empty() && line_width + space + w > width) {
        lines.push_back(line);
        line.clear();
        line_width = 0;
      }
      if (!line.empty()) {
        line += ' ';
        line_width += space;
      }
      line += piece;
      line_width += w;
      any = true;
      if (sp >= para.size()) break;
    }
    if (!line.empty() || !any) lines.push_back(line);
    if (nl >= text.size()) break;
    start = nl + 1;
  }
  return lines;
}

void Layout::EnsureSpace(float points) {
  if (page_ == nullptr || y_ + points > Bottom()) NewPage();
}

void Layout::Paragraph(std::string_view text, const Style& style, float indent, float space_after) {
  const float lh = LineHeight(style);
  for (const std::string& line : Wrap(text, style, content_width() - indent)) {
    EnsureSpace(lh);
    y_ += lh;
    TextAt(frame_.left + indent, Baseline(style), line, style);
  }
  y_ += space_after;
}

void Layout::Bullet(std::string_view text, const Style& style, float indent) {
  const float lh = LineHeight(style);
  const std::vector<std::string> lines = Wrap(text, style, content_width() - indent - 9);
  for (size_t i = 0; i < lines.size(); ++i) {
    EnsureSpace(lh);
    y_ += lh;
    if (i == 0) TextAt(frame_.left + indent, Baseline(style), "\xE2\x80\xA2", style);
    TextAt(frame_.left + indent + 9, Baseline(style), lines[i], style);
  }
  y_ += 2;
}

void Layout::Rule(float gray, float thickness) {
  if (page_ == nullptr) return;
  HPDF_Page_SetGrayStroke(page_, gray);
  HPDF_Page_SetLineWidth(page_, thickness);
  HPDF_Page_MoveTo(page_, frame_.left, frame_.height - y_);
  HPDF_Page_LineTo(page_, frame_.width - frame_.right, frame_.height - y_);
  HPDF_Page_Stroke(page_);
}

void Layout::ShadedBox(float x, float y, float w, float h, float gray) {
  if (page_ == nullptr) return;
  HPDF_Page_SetGrayFill(page_, gray);
  HPDF_Page_Rectangle(page_, x, frame_.height - y - h, w, h);
  HPDF_Page_Fill(page_);
}

void Layout::DrawTableHeader(const Table& table) {
  const Style style{true, table.font_size, 0.0f};
  const float lh = LineHeight(style);
  size_t lines = 1;
  std::vector<std::vector<std::string>> wrapped;
  for (const auto& column : table.columns) {
    wrapped.push_back(Wrap(column.heading, style, column.width - 2 * kCellPadding));
    lines = std::max(lines, wrapped.back().size());
  }
  const float height = static_cast<float>(lines) * lh + 2 * kCellPadding;
  ShadedBox(frame_.left, y_, content_width(), height, 0.88f);
  float x = frame_.left;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    float line_y = y_ + kCellPadding + style.size;
    for (const auto& line : wrapped[c]) {
      TextAt(x + kCellPadding, line_y, line, style, table.columns[c].align, table.columns[c].width - 2 * kCellPadding);
      line_y += lh;
    }
    x += table.columns[c].width;
  }
  y_ += height;
}

void Layout::DrawTable(const Table& table) {
  const Style regular{false, table.font_size, 0.0f};
  const Style note_style{false, table.font_size - 0.5f, 0.3f};
  const float lh = LineHeight(regular);
  EnsureSpace(4 * lh);
  DrawTableHeader(table);
  for (const TableRow& row : table.rows) {
    const Style style{row.bold, table.font_size, 0.0f};
    std::vector<std::vector<std::string>> cells;
    size_t lines = 1;
    for (size_t c = 0; c < table.columns.size(); ++c) {
      const std::string& text = c < row.cells.size() ? row.cells[c] : std::string();
      cells.push_back(Wrap(text, style, table.columns[c].width - 2 * kCellPadding));
      lines = std::max(lines, cells.back().size());
    }
    std::vector<std::string> note;
    if (!row.note.empty()) note = Wrap("\xE2\x86\x92 " + row.note, note_style, content_width() - 4 * kCellPadding - table.columns[0].width);
    const float height = static_cast<float>(lines) * lh + 2 * kCellPadding +
                         static_cast<float>(note.size()) * LineHeight(note_style);
    if (page_ == nullptr || y_ + height > Bottom()) {
      NewPage();
      DrawTableHeader(table);
    }
    if (row.shaded) ShadedBox(frame_.left, y_, content_width(), height, 0.94f);
    float x = frame_.left;
    for (size_t c = 0; c < table.columns.size(); ++c) {
      float line_y = y_ + kCellPadding + style.size;
      for (const auto& line : cells[c]) {
        TextAt(x + kCellPadding, line_y, line, style, table.columns[c].align, table.columns[c].width - 2 * kCellPadding);
        line_y += lh;
      }
      x += table.columns[c].width;
    }
    float note_y = y_ + kCellPadding + static_cast<float>(lines) * lh + note_style.size;
    for (const auto& line : note) {
      TextAt(frame_.left + table.columns[0].width + kCellPadding, note_y, line, note_style);
      note_y += LineHeight(note_style);
    }
    y_ += height;
    Rule(0.8f, 0.4f);
  }
  y_ += 6;
}

Status Layout::Finish() {
  const int total = page_count();
  const Style footer_style{false, 6.5f, 0.4f};
  const Style number_style{false, 8.0f, 0.2f};
  const float top = frame_.height - frame_.bottom;
  for (int i = 0; i < total; ++i) {
    page_ = pages_[static_cast<size_t>(i)];
    y_ = top + 6;
    Rule(0.75f, 0.4f);
    TextAt(frame_.left, top + 16, "Page " + std::to_string(i + 1) + "/" + std::to_string(total), number_style,
           Align::kRight, content_width());
    float y = top + 28;
    for (const auto& line : footer_) {
      TextAt(frame_.left, y, line, footer_style, Align::kCenter, content_width());
      y += LineHeight(footer_style);
    }
  }
  if (!coverage_.ok()) return coverage_;
  return doc_.status();
}

}  // namespace liasse::generators::internal
