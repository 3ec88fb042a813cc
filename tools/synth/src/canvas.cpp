#include "canvas.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numbers>
#include <mutex>
#include <sstream>
#include <strings.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>

namespace liasse::synth {

namespace {

struct Recorded {
  double y;
  double x;
  double size_mm;
  std::string text;
  double width = 0;
};

constexpr double kPtToMm = 25.4 / 72.0;

// Cairo 1.16 crashes when two threads render glyphs at once (shared scaled-font
// and glyph caches), so every use of a font is serialised. Paths and fills
// stay parallel; text is a small share of a page's cost.
std::mutex& FontMutex() {
  static std::mutex m;
  return m;
}

// "Séance n°" → "SEANCE NO": how a block-letter hand writes it.
std::string Capitals(const std::string& text) {
  static const std::vector<std::pair<std::string, std::string>> folds = {
      {"à", "A"}, {"â", "A"}, {"ä", "A"}, {"À", "A"}, {"Â", "A"}, {"ç", "C"}, {"Ç", "C"}, {"é", "E"}, {"è", "E"},
      {"ê", "E"}, {"ë", "E"}, {"É", "E"}, {"È", "E"}, {"Ê", "E"}, {"Ë", "E"}, {"î", "I"}, {"ï", "I"}, {"Î", "I"},
      {"Ï", "I"}, {"ô", "O"}, {"ö", "O"}, {"Ô", "O"}, {"ù", "U"}, {"û", "U"}, {"ü", "U"}, {"Ù", "U"}, {"Û", "U"},
      {"œ", "OE"}, {"Œ", "OE"}, {"°", "O"}};
  std::string out;
  for (size_t i = 0; i < text.size();) {
    bool folded = false;
    for (const auto& [from, to] : folds) {
      if (text.compare(i, from.size(), from) == 0) {
        out += to;
        i += from.size();
        folded = true;
        break;
      }
    }
    if (folded) continue;
    const auto c = static_cast<unsigned char>(text[i++]);
    out += c < 0x80 ? static_cast<char>(std::toupper(c)) : static_cast<char>(c);
  }
  return out;
}

const std::string& Shown(const std::string& text, const Font& font, std::string& buffer) {
  if (!font.capitals) return text;
  buffer = Capitals(text);
  return buffer;
}

}  // namespace

struct Canvas::Impl {
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  std::vector<Recorded> texts;
  ~Impl() {
    std::lock_guard<std::mutex> lock(FontMutex());  // releases the context's scaled font
    if (cr) cairo_destroy(cr);
    if (surface) cairo_surface_destroy(surface);
  }
  void SetFont(const Font& f) {
    cairo_select_font_face(cr, f.family.c_str(), f.italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                           f.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, f.size_pt * kPtToMm);
  }
};

Canvas::Canvas(int dpi) : impl_(std::make_unique<Impl>()), dpi_(dpi) {
  const int w = static_cast<int>(std::lround(kWidthMm / 25.4 * dpi));
  const int h = static_cast<int>(std::lround(kHeightMm / 25.4 * dpi));
  impl_->surface = cairo_image_surface_create(CAIRO_FORMAT_A8, w, h);
  impl_->cr = cairo_create(impl_->surface);
  const double scale = dpi / 25.4;
  cairo_scale(impl_->cr, scale, scale);
  // Fixed font options: no hinting, so glyph positions do not depend on the
  // machine's fontconfig defaults and output stays byte-stable.
  cairo_font_options_t* opts = cairo_font_options_create();
  cairo_font_options_set_antialias(opts, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style(opts, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(opts, CAIRO_HINT_METRICS_OFF);
  cairo_set_font_options(impl_->cr, opts);
  cairo_font_options_destroy(opts);
  cairo_set_line_cap(impl_->cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join(impl_->cr, CAIRO_LINE_JOIN_ROUND);
}

Canvas::~Canvas() = default;
Canvas::Canvas(Canvas&&) noexcept = default;
Canvas& Canvas::operator=(Canvas&&) noexcept = default;

double Canvas::TextWidth(const std::string& text_in, const Font& font) {
  std::string buffer;
  const std::string& text = Shown(text_in, font, buffer);
  std::lock_guard<std::mutex> lock(FontMutex());
  impl_->SetFont(font);
  cairo_text_extents_t ext;
  cairo_text_extents(impl_->cr, text.c_str(), &ext);
  return ext.x_advance;
}

double Canvas::Text(double x, double y, const std::string& text_in, const Font& font, double ink) {
  if (text_in.empty()) return 0;
  std::string buffer;
  const std::string& text = Shown(text_in, font, buffer);
  std::lock_guard<std::mutex> lock(FontMutex());
  impl_->SetFont(font);
  cairo_set_source_rgba(impl_->cr, 0, 0, 0, ink);
  cairo_move_to(impl_->cr, x, y);
  cairo_show_text(impl_->cr, text.c_str());
  cairo_text_extents_t ext;
  cairo_text_extents(impl_->cr, text.c_str(), &ext);
  impl_->texts.push_back({y, x, font.size_pt * kPtToMm, text, ext.x_advance});
  return ext.x_advance;
}

double Canvas::TextRight(double x_right, double y, const std::string& text, const Font& font) {
  const double w = TextWidth(text, font);
  return Text(x_right - w, y, text, font);
}

double Canvas::TextCentered(double x_center, double y, const std::string& text, const Font& font) {
  const double w = TextWidth(text, font);
  return Text(x_center - w / 2, y, text, font);
}

void Canvas::TextRotated(double x, double y, double angle_deg, const std::string& text_in, const Font& font,
                         double ink, bool record) {
  std::string buffer;
  const std::string& text = Shown(text_in, font, buffer);
  std::lock_guard<std::mutex> lock(FontMutex());
  impl_->SetFont(font);
  cairo_save(impl_->cr);
  cairo_translate(impl_->cr, x, y);
  cairo_rotate(impl_->cr, -angle_deg * std::numbers::pi / 180.0);
  cairo_set_source_rgba(impl_->cr, 0, 0, 0, ink);
  cairo_move_to(impl_->cr, 0, 0);
  cairo_show_text(impl_->cr, text.c_str());
  cairo_restore(impl_->cr);
  if (record) impl_->texts.push_back({y, x, font.size_pt * kPtToMm, text});
}

void Canvas::Record(double x, double y, const std::string& text_in, const Font& font) {
  std::string buffer;
  const std::string& text = Shown(text_in, font, buffer);
  impl_->texts.push_back({y, x, font.size_pt * kPtToMm, text, TextWidth(text_in, font)});
}

double Canvas::Paragraph(double x, double y, double width, const std::string& text, const Font& font,
                         double leading, std::vector<TextLine>* lines) {
  const double step = font.size_pt * kPtToMm * leading;
  std::istringstream paragraphs(text);
  std::string para;
  while (std::getline(paragraphs, para)) {
    std::istringstream words(para);
    std::string word, line;
    while (words >> word) {
      const std::string candidate = line.empty() ? word : line + " " + word;
      if (!line.empty() && TextWidth(candidate, font) > width) {
        const double w = Text(x, y, line, font);
        if (lines != nullptr) lines->push_back({x, y, w, font.size_pt * kPtToMm, line, font});
        y += step;
        line = word;
      } else {
        line = candidate;
      }
    }
    if (!line.empty()) {
      const double w = Text(x, y, line, font);
      if (lines != nullptr) lines->push_back({x, y, w, font.size_pt * kPtToMm, line, font});
    }
    y += step;
  }
  return y;
}

void Canvas::Line(double x1, double y1, double x2, double y2, double width_mm, double ink) {
  cairo_set_source_rgba(impl_->cr, 0, 0, 0, ink);
  cairo_set_line_width(impl_->cr, width_mm);
  cairo_move_to(impl_->cr, x1, y1);
  cairo_line_to(impl_->cr, x2, y2);
  cairo_stroke(impl_->cr);
}

void Canvas::Rect(double x, double y, double w, double h, double width_mm, double ink) {
  cairo_set_source_rgba(impl_->cr, 0, 0, 0, ink);
  cairo_set_line_width(impl_->cr, width_mm);
  cairo_rectangle(impl_->cr, x, y, w, h);
  cairo_stroke(impl_->cr);
}

void Canvas::Fill(double x, double y, double w, double h, double ink) {
  cairo_set_source_rgba(impl_->cr, 0, 0, 0, ink);
  cairo_rectangle(impl_->cr, x, y, w, h);
  cairo_fill(impl_->cr);
}

void Canvas::Ellipse(double cx, double cy, double rx, double ry, double width_mm, double ink) {
  cairo_new_path(impl_->cr);  // no line from the last text's current point
  cairo_save(impl_->cr);
  cairo_translate(impl_->cr, cx, cy);
  cairo_scale(impl_->cr, rx, ry);
  cairo_arc(impl_->cr, 0, 0, 1, 0, 2 * std::numbers::pi);
  cairo_restore(impl_->cr);
  cairo_set_source_rgba(impl_->cr, 0, 0, 0, ink);
  cairo_set_line_width(impl_->cr, width_mm);
  cairo_stroke(impl_->cr);
}

void Canvas::Stroke(const std::vector<std::pair<double, double>>& points, double width_mm, double ink, bool smooth) {
  if (points.size() < 2) return;
  cairo_t* cr = impl_->cr;
  cairo_new_path(cr);
  cairo_set_source_rgba(cr, 0, 0, 0, ink);
  cairo_set_line_width(cr, width_mm);
  cairo_move_to(cr, points[0].first, points[0].second);
  for (size_t i = 1; i < points.size(); ++i) {
    if (!smooth) {
      cairo_line_to(cr, points[i].first, points[i].second);
      continue;
    }
    // Catmull-Rom through p1 → p2 as a Bézier: control points a sixth of the neighbours' span away.
    const auto& p0 = points[i >= 2 ? i - 2 : 0];
    const auto& p1 = points[i - 1];
    const auto& p2 = points[i];
    const auto& p3 = points[std::min(i + 1, points.size() - 1)];
    cairo_curve_to(cr, p1.first + (p2.first - p0.first) / 6, p1.second + (p2.second - p0.second) / 6,
                   p2.first - (p3.first - p1.first) / 6, p2.second - (p3.second - p1.second) / 6, p2.first, p2.second);
  }
  cairo_stroke(cr);
}

void Canvas::DottedLine(double x1, double x2, double y, double pitch_mm, double ink) {
  cairo_t* cr = impl_->cr;
  cairo_new_path(cr);
  cairo_set_source_rgba(cr, 0, 0, 0, ink);
  cairo_set_line_width(cr, 0.22);
  const double dash[] = {0.01, pitch_mm};  // round caps turn each tiny dash into a dot
  cairo_set_dash(cr, dash, 2, 0);
  cairo_move_to(cr, x1, y);
  cairo_line_to(cr, x2, y);
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0);
}

void Canvas::DashedRect(double x, double y, double w, double h, double dash_mm, double ink) {
  cairo_t* cr = impl_->cr;
  cairo_new_path(cr);
  cairo_set_source_rgba(cr, 0, 0, 0, ink);
  cairo_set_line_width(cr, 0.3);
  const double dash[] = {dash_mm, dash_mm * 0.7};
  cairo_set_dash(cr, dash, 2, 0);
  cairo_rectangle(cr, x, y, w, h);
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0);
}

void Canvas::Checkbox(double x, double y, double size, bool checked) {
  Rect(x, y, size, size, 0.3);
  if (checked) {
    Line(x + 0.5, y + 0.5, x + size - 0.5, y + size - 0.5, 0.45, 0.85);
    Line(x + size - 0.5, y + 0.5, x + 0.5, y + size - 0.5, 0.45, 0.85);
  }
}

void Canvas::Signature(Rng& rng, double x, double y, double w, double h) {
  cairo_t* cr = impl_->cr;
  cairo_new_path(cr);
  cairo_set_source_rgba(cr, 0, 0, 0, rng.Real(0.6, 0.85));
  cairo_set_line_width(cr, rng.Real(0.3, 0.6));
  double px = x + rng.Real(0, w * 0.1);
  double py = y + h * rng.Real(0.4, 0.7);
  cairo_move_to(cr, px, py);
  const int loops = rng.Int(4, 9);
  for (int i = 0; i < loops; ++i) {
    const double nx = std::min(x + w, px + w / loops * rng.Real(0.7, 1.3));
    const double ny = y + h * rng.Real(0.2, 0.9);
    cairo_curve_to(cr, px + rng.Real(-3, 6), y + h * rng.Real(-0.2, 0.4), nx + rng.Real(-6, 3),
                   y + h * rng.Real(0.6, 1.2), nx, ny);
    px = nx;
    py = ny;
  }
  cairo_stroke(cr);
  if (rng.Chance(0.7)) {  // underline flourish
    cairo_move_to(cr, x + rng.Real(0, w * 0.2), y + h * rng.Real(0.85, 1.0));
    cairo_curve_to(cr, x + w * 0.4, y + h * rng.Real(0.7, 1.1), x + w * 0.6, y + h * rng.Real(0.9, 1.2),
                   x + w * rng.Real(0.8, 1.0), y + h * rng.Real(0.75, 0.95));
    cairo_stroke(cr);
  }
}

void Canvas::Stamp(Rng& rng, double cx, double cy, const std::vector<std::string>& lines) {
  std::lock_guard<std::mutex> lock(FontMutex());
  const double angle = rng.Real(-12, 12);
  const double ink = rng.Real(0.45, 0.75);
  cairo_t* cr = impl_->cr;
  cairo_new_path(cr);  // no line from the last text's current point
  cairo_save(cr);
  cairo_translate(cr, cx, cy);
  cairo_rotate(cr, -angle * std::numbers::pi / 180.0);
  const Font font{"DejaVu Sans", 8, true, false};
  impl_->SetFont(font);
  double maxw = 0;
  for (const auto& l : lines) {
    cairo_text_extents_t ext;
    cairo_text_extents(cr, l.c_str(), &ext);
    maxw = std::max(maxw, ext.x_advance);
  }
  const double lh = 8 * kPtToMm * 1.3;
  const double bw = maxw + 6, bh = lh * static_cast<double>(lines.size()) + 4;
  cairo_set_source_rgba(cr, 0, 0, 0, ink);
  cairo_set_line_width(cr, 0.6);
  if (rng.Chance(0.5)) {
    cairo_rectangle(cr, -bw / 2, -bh / 2, bw, bh);
    cairo_stroke(cr);
    cairo_rectangle(cr, -bw / 2 + 0.8, -bh / 2 + 0.8, bw - 1.6, bh - 1.6);
  } else {
    cairo_save(cr);
    cairo_scale(cr, bw / 2 + 2, bh / 2 + 2);
    cairo_arc(cr, 0, 0, 1, 0, 2 * std::numbers::pi);
    cairo_restore(cr);
  }
  cairo_stroke(cr);
  double ty = -bh / 2 + 2 + lh * 0.8;
  for (const auto& l : lines) {
    cairo_text_extents_t ext;
    cairo_text_extents(cr, l.c_str(), &ext);
    cairo_move_to(cr, -ext.x_advance / 2, ty);
    cairo_show_text(cr, l.c_str());
    ty += lh;
  }
  cairo_restore(cr);
}

void Canvas::Scribble(Rng& rng, double x, double y, double w, double h) {
  cairo_t* cr = impl_->cr;
  cairo_new_path(cr);
  cairo_set_source_rgba(cr, 0, 0, 0, 0.8);
  cairo_set_line_width(cr, 0.5);
  cairo_move_to(cr, x, y + h * rng.Unit());
  const int n = rng.Int(4, 9);
  for (int i = 1; i <= n; ++i) {
    cairo_line_to(cr, x + w * i / n, y + (i % 2 ? h * rng.Real(0, 0.3) : h * rng.Real(0.7, 1.0)));
  }
  cairo_stroke(cr);
  cairo_move_to(cr, x, y + h / 2);
  cairo_line_to(cr, x + w, y + h / 2 + rng.Real(-1, 1));
  cairo_stroke(cr);
}

std::vector<TextLine> Canvas::RecordedText() const {
  std::vector<TextLine> out;
  for (const auto& r : impl_->texts) out.push_back({r.x, r.y, r.width, r.size_mm, r.text, Font{}});
  return out;
}

std::string Canvas::PageText() const {
  std::vector<Recorded> items = impl_->texts;
  std::stable_sort(items.begin(), items.end(), [](const Recorded& a, const Recorded& b) { return a.y < b.y; });
  // Group baselines closer than a third of the font height into one line.
  std::vector<std::vector<Recorded>> lines;
  for (const auto& r : items) {
    if (!lines.empty() && std::abs(lines.back().front().y - r.y) < r.size_mm * 0.35) {
      lines.back().push_back(r);
    } else {
      lines.push_back({r});
    }
  }
  std::string out;
  for (auto& l : lines) {
    std::stable_sort(l.begin(), l.end(), [](const Recorded& a, const Recorded& b) { return a.x < b.x; });
    std::string s;
    for (const auto& r : l) {
      if (!s.empty()) s += ' ';
      s += r.text;
    }
    out += s;
    out += '\n';
  }
  return out;
}

cv::Mat Canvas::Image() const {
  cairo_surface_flush(impl_->surface);
  const int w = cairo_image_surface_get_width(impl_->surface);
  const int h = cairo_image_surface_get_height(impl_->surface);
  const int stride = cairo_image_surface_get_stride(impl_->surface);
  const unsigned char* data = cairo_image_surface_get_data(impl_->surface);
  cv::Mat alpha(h, w, CV_8UC1, const_cast<unsigned char*>(data), static_cast<size_t>(stride));
  cv::Mat out;
  cv::subtract(cv::Scalar(255), alpha, out);
  return out;
}

bool FontInstalled(const std::string& family) {
  std::lock_guard<std::mutex> lock(FontMutex());
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(nullptr, pattern, &result);
  bool found = false;
  if (match) {
    FcChar8* name = nullptr;
    for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &name) == FcResultMatch; ++i) {
      if (strcasecmp(reinterpret_cast<const char*>(name), family.c_str()) == 0) found = true;
    }
    FcPatternDestroy(match);
  }
  FcPatternDestroy(pattern);
  return found;
}

void ReleaseFontCaches() {
  std::lock_guard<std::mutex> lock(FontMutex());
  cairo_debug_reset_static_data();
  FcFini();
}

}  // namespace liasse::synth
