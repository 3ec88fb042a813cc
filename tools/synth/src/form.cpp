#include "form.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "layout.h"

namespace liasse::synth {

namespace {

constexpr double kPtToMm = 25.4 / 72.0;

bool Allowed(const Context& ctx, int family) {
  return !ctx.families || std::find(ctx.families->begin(), ctx.families->end(), family) != ctx.families->end();
}

std::string Replace(std::string s, char from, char to) {
  std::replace(s.begin(), s.end(), from, to);
  return s;
}

// "LABEL ........ :" as wide as `width` in a fixed-pitch font.
std::string Leader(Canvas& c, const std::string& label, const std::string& colon, const Font& f, double width) {
  std::string s = label + " ";
  while (c.TextWidth(s + "." + colon, f) < width && s.size() < 80) s += ".";
  return s + colon;
}

double RowHeight(const std::string& placement) {
  if (placement == "leader") return 5.6;
  if (placement == "dotted") return 8.5;
  return 10.5;  // box, above
}

void DrawValue(Canvas& c, double x, double baseline, double width, const Field& f, const Font& font) {
  if (f.value.empty()) return;
  c.Text(x, baseline, f.value, FitFont(c, f.value, font, width));
}

void DrawNir(Canvas& c, double x, double y_top, const Field& f, const Font& font) {
  const std::string nir = f.value.size() == 15 ? f.value : std::string(15, ' ');
  Font boxed = font;
  boxed.size_pt = std::min(font.size_pt, 11.0);
  NirBoxes(c, x, y_top, nir, boxed);
}

void DrawField(Canvas& c, Rng& rng, const Look& look, double x, double y, double w, const Field& f) {
  const std::string& placement = look.style->placement;
  const Font vf = look.ValueFont(f.by_hand);
  if (placement == "box") {
    c.Rect(x, y, w, 10.5, 0.25);
    const std::string label = look.Label(rng, f.slot);
    c.Text(x + 1.2, y + 2.8, label, FitFont(c, label, look.label, w - 2.4));
    if (f.nir_boxes) DrawNir(c, x + 2, y + 3.8, f, vf);
    else DrawValue(c, x + 2, y + 8.8, w - 4, f, vf);
  } else if (placement == "above") {
    const std::string label = look.Label(rng, f.slot);
    c.Text(x, y + 3, label, FitFont(c, label, look.label, w - 2));
    if (f.nir_boxes) DrawNir(c, x, y + 4.2, f, vf);
    else DrawValue(c, x, y + 8.8, w - 3, f, vf);
  } else if (placement == "leader") {
    std::string word = look.Word(rng, f.slot);
    if (look.style->upper_labels) word = Upper(word);
    const double lw = w * 0.42;
    c.Text(x, y + 4.2, Leader(c, word, look.style->colon, look.label, lw), look.label);
    Field shown = f;
    if (f.nir_boxes) shown.value = f.value.size() == 15 ? SpacedNir(f.value) : "";
    DrawValue(c, x + lw + 2, y + 4.2, w - lw - 3, shown, vf);
  } else {  // dotted
    const std::string label = look.Label(rng, f.slot);
    const Font lf = FitFont(c, label, look.label, w * 0.6);
    const double lw = c.Text(x, y + 6, label, lf);
    if (f.nir_boxes) {
      DrawNir(c, x + lw + 2, y + 0.8, f, vf);
      return;
    }
    if (look.dotted_fill) c.DottedLine(x + lw + 1, x + w - 2, y + 6.6);
    else c.Line(x + lw + 1, y + 6.6, x + w - 2, y + 6.6, 0.15, 0.7);
    DrawValue(c, x + lw + 2.5, y + 5.9, w - lw - 4.5, f, vf);
  }
}

}  // namespace

namespace {

int Pick(Context& ctx, const std::string& type, bool historical) {
  std::vector<int> allowed;
  if (historical && Allowed(ctx, 0)) allowed.push_back(0);
  if (ctx.data.families.types.count(type)) {
    for (const auto& s : ctx.data.families.styles) {
      if (Allowed(ctx, s.id)) allowed.push_back(s.id);
    }
  }
  if (allowed.empty()) return historical ? 0 : -1;
  // A single choice draws nothing: a run restricted to family 0 leaves the stream as before families.
  if (allowed.size() == 1 || !ctx.family_rng) return allowed.front();
  return allowed[static_cast<size_t>(ctx.family_rng->Int(0, static_cast<int>(allowed.size()) - 1))];
}

}  // namespace

int PickFamily(Context& ctx, const std::string& type) { return Pick(ctx, type, type != "coupon_email"); }

GenDoc NewFamilyDoc(const Context& ctx, const std::string& type, int family) {
  GenDoc d;
  d.type = type;
  d.family = family;
  d.pages.emplace_back(ctx.dpi);
  return d;
}

bool HasNewFamily(const Context& ctx, const std::string& type) {
  if (!ctx.data.families.types.count(type)) return false;
  for (const auto& s : ctx.data.families.styles) {
    if (Allowed(ctx, s.id)) return true;
  }
  return false;
}

int PickNewFamily(Context& ctx, const std::string& type) {
  const int f = Pick(ctx, type, false);
  return f == 0 ? -1 : f;
}

std::string Look::Word(Rng& rng, const std::string& slot) const {
  const auto& list = words->Get(type, slot, family);
  if (list.empty()) {
    throw std::logic_error("data/synth/wording.toml : pas de libellé " + type + "." + slot + " pour f" +
                           std::to_string(family));
  }
  return rng.Pick(list);
}

std::string Look::Label(Rng& rng, const std::string& slot) const {
  std::string w = Word(rng, slot);
  if (style->upper_labels) w = Upper(w);
  return w + style->colon;
}

std::string Look::DateText(Date d, bool birth) const {
  const std::string& f = date_format;
  if (f == "dot") return Replace(d.ToFrench(), '/', '.');
  if (f == "dash") return Replace(d.ToFrench(), '/', '-');
  if (f == "long") return birth ? d.ToFrench() : d.ToFrenchLong();
  if (f == "short" && !birth) return d.ToFrench().substr(0, 6) + d.ToFrench().substr(8, 2);
  return d.ToFrench();
}

std::string Look::AmountText(Money m) const {
  if (amount_format == "dot") return Amount(m);
  if (amount_format == "comma_euro") return FrenchAmount(m) + " €";
  if (amount_format == "comma_eur") return FrenchAmount(m) + " EUR";
  return FrenchAmount(m);
}

Look MakeLook(Context& ctx, int family, const std::string& type, bool may_be_hand_filled) {
  const FamilyStyle* s = ctx.data.families.Style(family);
  if (!s) throw std::logic_error("famille de mise en page inconnue : " + std::to_string(family));
  Rng& rng = ctx.rng;
  Look l;
  l.style = s;
  l.words = &ctx.data.families.words;
  l.type = type;
  l.family = family;
  const std::string label_family = rng.Pick(s->label_fonts);
  l.label = Font{label_family, s->placement == "box" ? 6.5 : 7.5, false, false};
  l.small = Font{label_family, 7, false, false};
  // A listing prints labels and values in the same fixed-pitch font.
  l.value = Font{s->placement == "leader" ? label_family : rng.Pick(s->value_fonts), 9.5, rng.Chance(0.3), false};
  l.title = Font{rng.Pick(s->title_fonts), rng.Real(12, 15), true, false};
  for (const auto& f : s->hand_fonts) {
    const Families& all = ctx.data.families;
    l.hand_fonts.push_back(Font{f, all.large_hand_fonts.count(f) ? 13.5 : 11.5, false, false, all.capital_fonts.count(f) > 0});
  }
  l.hand = rng.Pick(l.hand_fonts);
  l.hand_filled = may_be_hand_filled && rng.Chance(s->hand_share);
  l.tick = rng.Pick(s->ticks);
  l.signature = rng.Pick(s->signatures);
  l.crossing = rng.Pick(s->crossings);
  l.date_format = rng.Pick(s->date_formats);
  l.amount_format = rng.Pick(s->amount_formats);
  l.dotted_fill = rng.Chance(0.5);
  return l;
}

Font FitFont(Canvas& c, const std::string& text, Font font, double width) {
  while (font.size_pt > 6 && c.TextWidth(text, font) > width) font.size_pt -= 0.5;
  return font;
}

double DrawFields(Canvas& c, Rng& rng, const Look& look, double x, double y, double width,
                  const std::vector<std::vector<Field>>& rows) {
  const double h = RowHeight(look.style->placement);
  const double gap = look.style->placement == "box" ? 0 : 3;  // boxed cells share their borders
  for (const auto& row : rows) {
    double shares = 0;
    for (const auto& f : row) shares += f.share;
    double fx = x;
    for (const auto& f : row) {
      const double w = (width - gap * static_cast<double>(row.size() - 1)) * f.share / shares;
      DrawField(c, rng, look, fx, y, w, f);
      fx += w + gap;
    }
    y += h + (look.style->placement == "box" ? 0 : 1);
  }
  return y;
}

double DrawSection(Canvas& c, Rng& rng, const Look& look, double x, double y, double width, const std::string& slot) {
  const std::string word = look.Word(rng, slot);
  const std::string& placement = look.style->placement;
  const Font bold{look.label.family, 8.5, true, false};
  if (placement == "box") {
    c.Fill(x, y, width, 5.5, 0.12);
    c.Rect(x, y, width, 5.5, 0.3);
    c.Text(x + 1.5, y + 4, word, bold);
    return y + 5.5;
  }
  if (placement == "leader") {
    const std::string text = "-- " + Upper(word) + " ";
    const double w = c.Text(x, y + 4.5, text, look.label);
    c.Line(x + w + 1, y + 3.2, x + width, y + 3.2, 0.2);
    return y + 6.5;
  }
  if (placement == "above") {
    c.Text(x, y + 4.5, Upper(word), bold);
    c.Line(x, y + 5.6, x + width, y + 5.6, 0.35);
    return y + 7.5;
  }
  c.Text(x, y + 5, word, Font{look.label.family, 9, true, false});
  return y + 7;
}

TableGeometry DrawFamilyTable(Canvas& c, Rng& rng, const Look& look, double x, double y, double width,
                              std::vector<TableColumn> cols, std::vector<std::vector<std::string>> rows,
                              double max_height, bool by_hand) {
  std::vector<size_t> order(cols.size());
  std::iota(order.begin(), order.end(), size_t{0});
  if (look.style->shuffle_columns) rng.Shuffle(order);
  std::vector<std::string> headers;
  for (size_t i : order) {
    std::string w = look.Word(rng, cols[i].slot);
    headers.push_back(look.style->upper_labels ? Upper(w) : w);
  }
  Font head{look.label.family, 7.5, true, false};
  Font body = by_hand && look.hand_filled ? look.hand : Font{look.value.family, 8.5, false, false};
  if (by_hand && look.hand_filled) body.size_pt = std::min(body.size_pt, 11.0);
  std::vector<double> natural(order.size());
  auto measure = [&] {
    double total = 0;
    for (size_t k = 0; k < order.size(); ++k) {
      double w = c.TextWidth(headers[k], head);
      for (const auto& r : rows) w = std::max(w, c.TextWidth(r[order[k]], body));
      natural[k] = w + 3;
      total += natural[k];
    }
    return total;
  };
  double total = measure();
  while (total > width && body.size_pt > 6) {
    body.size_pt -= 0.5;
    head.size_pt = std::max(5.5, head.size_pt - 0.5);
    total = measure();
  }
  const double body_h = body.size_pt * kPtToMm;
  double row_h = std::clamp(body_h * 2.0, 5.0, 7.0);
  const double head_h = std::max(row_h, head.size_pt * kPtToMm * 2.0) + 1;
  if (head_h + row_h * static_cast<double>(rows.size()) > max_height && !rows.empty()) {
    row_h = std::max(4.0, (max_height - head_h) / static_cast<double>(rows.size()));
  }
  TableGeometry g;
  std::vector<double> widths(order.size());
  for (size_t k = 0; k < order.size(); ++k) widths[k] = natural[k] * width / total;
  const std::string& rules = look.style->table_rules;
  if (rules == "full" && rng.Chance(0.5)) c.Fill(x, y, width, head_h, 0.1);
  double cx = x;
  for (size_t k = 0; k < order.size(); ++k) {
    const TableColumn& col = cols[order[k]];
    if (col.right) c.TextRight(cx + widths[k] - 1.5, y + head_h - 2, headers[k], head);
    else c.Text(cx + 1.5, y + head_h - 2, headers[k], head);
    g.columns[col.slot] = {cx, cx + widths[k]};
    cx += widths[k];
  }
  if (rules != "none") c.Line(x, y + head_h, x + width, y + head_h, 0.35);
  if (rules == "header") c.Line(x, y, x + width, y, 0.25);
  double ry = y + head_h;
  g.row_h = row_h;
  for (const auto& r : rows) {
    g.row_tops.push_back(ry);
    cx = x;
    for (size_t k = 0; k < order.size(); ++k) {
      const std::string& cell = r[order[k]];
      const double baseline = ry + row_h - std::max(1.2, (row_h - body_h) / 2);
      if (cols[order[k]].right) c.Text(cx + widths[k] - 1.5 - c.TextWidth(cell, body), baseline, cell, body);
      else c.Text(cx + 1.5, baseline, cell, body);
      cx += widths[k];
    }
    ry += row_h;
    if (rules == "full") c.Line(x, ry, x + width, ry, 0.2);
    if (rules == "rows") c.Line(x, ry, x + width, ry, 0.15, 0.6);
  }
  if (rules == "full") {
    c.Rect(x, y, width, ry - y, 0.35);
    cx = x;
    for (size_t k = 0; k + 1 < order.size(); ++k) {
      cx += widths[k];
      c.Line(cx, y, cx, ry, 0.2);
    }
  }
  g.bottom = ry;
  return g;
}

double FamilyLetterhead(Canvas& c, Rng& rng, const Look& look, const std::string& name, const std::string& subtitle,
                        const Address& a, const std::string& phone, const std::vector<std::string>& id_lines) {
  const Font big{look.title.family, rng.Real(11.5, 14), true, false};
  const Font small{look.label.family, 8.5, false, false};
  const std::string tel = look.Word(rng, "tel") + " " + phone;
  const int arrangement = rng.Int(0, 2);
  if (arrangement == 1) {  // centred, address on one line
    c.TextCentered(105, 18, name, big);
    double y = 23.5;
    if (!subtitle.empty()) { c.TextCentered(105, y, subtitle, small); y += 4.5; }
    c.TextCentered(105, y, a.OneLine() + " - " + tel, small);
    y += 4.5;
    for (const auto& id : id_lines) { c.TextCentered(105, y, id, small); y += 4.5; }
    c.Line(30, y - 1.5, 180, y - 1.5, 0.3);
    return y + 6;
  }
  const bool right = arrangement == 2;
  auto line = [&](double y, const std::string& text, const Font& f) {
    if (right) c.TextRight(192, y, text, f);
    else c.Text(18, y, text, f);
  };
  line(20, name, big);
  double y = 26;
  for (const std::string& text : {subtitle, a.ligne, a.commune.code_postal + " " + a.commune.nom, tel}) {
    if (text.empty()) continue;
    line(y, text, small);
    y += 4.3;
  }
  for (const auto& id : id_lines) { line(y, id, small); y += 4.3; }
  if (right) c.Rect(18, 14, 28, 18, 0.5);  // a logo's frame on the other side
  return y + 6;
}

std::string FirstLetter(const std::string& name) {
  if (name.empty()) return name;
  size_t n = 1;
  while (n < name.size() && (static_cast<unsigned char>(name[n]) & 0xC0) == 0x80) ++n;
  return name.substr(0, n);
}

std::string PhoneText(Rng& rng, const std::string& spaced) {
  const int style = rng.Int(0, 2);
  if (style == 0) return spaced;
  std::string out;
  for (char ch : spaced) {
    if (ch != ' ') out += ch;
    else if (style == 1) out += '.';
  }
  return out;
}

}  // namespace liasse::synth
