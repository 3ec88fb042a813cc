#include "layout.h"

namespace liasse::synth {

double DrawTable(Canvas& c, double x, double y, const std::vector<Column>& cols,
                 const std::vector<std::vector<std::string>>& rows, const Font& head, const Font& body,
                 int style, double row_h) {
  double total_w = 0;
  for (const auto& col : cols) total_w += col.width;
  const double head_h = row_h + 1;
  if (style == 0) c.Fill(x, y, total_w, head_h, 0.12);
  double cx = x;
  for (const auto& col : cols) {
    if (col.right) c.TextRight(cx + col.width - 1.5, y + head_h - 2.2, col.header, head);
    else c.Text(cx + 1.5, y + head_h - 2.2, col.header, head);
    cx += col.width;
  }
  if (style <= 1) c.Line(x, y + head_h, x + total_w, y + head_h, 0.35);
  double ry = y + head_h;
  for (const auto& row : rows) {
    cx = x;
    for (size_t i = 0; i < cols.size() && i < row.size(); ++i) {
      if (cols[i].right) c.TextRight(cx + cols[i].width - 1.5, ry + row_h - 1.8, row[i], body);
      else c.Text(cx + 1.5, ry + row_h - 1.8, row[i], body);
      cx += cols[i].width;
    }
    ry += row_h;
    if (style == 0) c.Line(x, ry, x + total_w, ry, 0.2);
    if (style == 1) c.Line(x, ry, x + total_w, ry, 0.1, 0.4);
  }
  if (style == 0) {
    c.Rect(x, y, total_w, ry - y, 0.35);
    cx = x;
    for (size_t i = 0; i + 1 < cols.size(); ++i) {
      cx += cols[i].width;
      c.Line(cx, y, cx, ry, 0.2);
    }
  }
  if (style == 2) c.Line(x, ry + 1, x + total_w, ry + 1, 0.2);
  return ry;
}

double LabelValue(Canvas& c, double x, double y, const std::string& label, const std::string& value,
                  const Font& label_font, const Font& value_font) {
  const double w = c.Text(x, y, label, label_font);
  return x + w + 2 + c.Text(x + w + 2, y, value, value_font);
}

double Letterhead(Canvas& c, Rng& rng, int style, const std::string& name, const std::string& subtitle,
                  const Address& a, const std::string& phone, const std::string& id_line) {
  const Font big = PickFont(rng, style == 0 ? 15 : 13, true);
  const Font small = PickFont(rng, 9);
  double y;
  if (style == 0) {
    c.Text(18, 22, name, big);
    double yy = 28;
    if (!subtitle.empty()) { c.Text(18, yy, subtitle, small); yy += 4.5; }
    c.Text(18, yy, a.ligne, small);
    c.Text(18, yy + 4.5, a.commune.code_postal + " " + a.commune.nom, small);
    c.Text(18, yy + 9, "Tél. " + phone, small);
    if (!id_line.empty()) c.Text(18, yy + 13.5, id_line, small);
    c.Line(18, yy + 16.5, 192, yy + 16.5, 0.5);
    y = yy + 22;
  } else {
    c.TextCentered(105, 20, Upper(name), big);
    if (!subtitle.empty()) c.TextCentered(105, 26, subtitle, small);
    c.TextCentered(105, 31, a.ligne + " - " + a.commune.code_postal + " " + a.commune.nom + " - Tél. " + phone, small);
    if (!id_line.empty()) c.TextCentered(105, 35.5, id_line, small);
    c.Line(40, 38.5, 170, 38.5, 0.3);
    c.Line(40, 39.3, 170, 39.3, 0.15);
    y = 46;
  }
  return y;
}

void NirBoxes(Canvas& c, double x, double y, const std::string& nir, const Font& font) {
  const double w = 4.6, h = 6;
  double cx = x;
  for (size_t i = 0; i < nir.size(); ++i) {
    if (i == 13) cx += 3;
    c.Rect(cx, y, w, h, 0.2);
    cx += w;
  }
  cx = x;
  for (size_t i = 0; i < nir.size(); ++i) {
    if (i == 13) cx += 3;
    const std::string ch = nir.substr(i, 1);
    c.TextRotated(cx + (w - c.TextWidth(ch, font)) / 2, y + h - 1.3, 0, ch, font, 0.9, false);
    cx += w;
  }
  // Recorded as one string, grouped as printed, rather than 15 letters.
  c.Record(x, y + h - 1.3, SpacedNir(nir), font);
}

std::string SpacedNir(const std::string& nir) {
  if (nir.size() != 15) return nir;
  return nir.substr(0, 1) + " " + nir.substr(1, 2) + " " + nir.substr(3, 2) + " " + nir.substr(5, 2) + " " +
         nir.substr(7, 3) + " " + nir.substr(10, 3) + " " + nir.substr(13, 2);
}

}  // namespace liasse::synth
