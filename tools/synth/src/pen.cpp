#include "pen.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace liasse::synth {

namespace {

using Points = std::vector<std::pair<double, double>>;

double Jitter(Rng& rng, double amount) { return rng.Real(-amount, amount); }

void Tick(Canvas& c, Rng& rng, const std::string& style, double x, double y, double s) {
  const double ink = rng.Real(0.75, 0.95);
  const double pen = rng.Real(0.3, 0.55);
  if (style == "x") {
    const double over = rng.Real(-0.2, 0.8);  // a hand cross often overruns the border
    c.Stroke({{x - over + Jitter(rng, 0.3), y - over}, {x + s + over, y + s + over + Jitter(rng, 0.3)}}, pen, ink, false);
    c.Stroke({{x + s + over + Jitter(rng, 0.3), y - over}, {x - over, y + s + over + Jitter(rng, 0.3)}}, pen, ink, false);
  } else if (style == "check") {
    c.Stroke({{x + s * 0.12, y + s * 0.55}, {x + s * 0.42 + Jitter(rng, 0.2), y + s * 0.92},
              {x + s * 1.1 + rng.Real(0, 0.8), y - rng.Real(0.2, 1.4)}},
             pen, ink, rng.Chance(0.5));
  } else if (style == "fill") {
    const double m = s * rng.Real(0.08, 0.18);
    c.Fill(x + m, y + m, s - 2 * m, s - 2 * m, ink);
  } else {  // scribble: a quick back-and-forth filling most of the box
    Points pts;
    const int n = rng.Int(5, 9);
    for (int i = 0; i <= n; ++i) {
      pts.push_back({x + s * (0.1 + 0.8 * i / n) + Jitter(rng, 0.25), y + s * (i % 2 ? 0.85 : 0.15) + Jitter(rng, 0.3)});
    }
    c.Stroke(pts, pen, ink, true);
  }
}

void Loops(Canvas& c, Rng& rng, double x, double y, double w, double h) { c.Signature(rng, x, y, w, h); }

void Zigzag(Canvas& c, Rng& rng, double x, double y, double w, double h) {
  Points pts;
  const int n = rng.Int(6, 12);
  for (int i = 0; i <= n; ++i) {
    pts.push_back({x + w * i / n + Jitter(rng, w / n / 3), y + h * (i % 2 ? rng.Real(0.1, 0.4) : rng.Real(0.6, 0.95))});
  }
  const double pen = rng.Real(0.3, 0.55), ink = rng.Real(0.65, 0.9);
  c.Stroke(pts, pen, ink, false);
  c.Stroke({{x + w * 0.05, y + h * rng.Real(0.75, 1.0)}, {x + w * rng.Real(0.7, 1.0), y + h * rng.Real(0.6, 0.9)}}, pen, ink, false);
}

void Paraphe(Canvas& c, Rng& rng, double x, double y, double w, double h) {
  Points pts;
  const double cx = x + w * rng.Real(0.35, 0.55), cy = y + h * 0.5;
  const double rx = w * rng.Real(0.25, 0.4), ry = h * rng.Real(0.3, 0.45);
  const int n = 14;
  for (int i = 0; i <= n + 3; ++i) {
    const double a = 2 * std::numbers::pi * i / n + rng.Real(-0.1, 0.1);
    pts.push_back({cx + rx * std::cos(a) * (1 + 0.15 * i / n), cy + ry * std::sin(a)});
  }
  const double pen = rng.Real(0.35, 0.6), ink = rng.Real(0.65, 0.9);
  c.Stroke(pts, pen, ink, true);
  c.Stroke({{x, y + h * rng.Real(0.5, 0.8)}, {cx, cy + Jitter(rng, h * 0.2)}, {x + w, y + h * rng.Real(0.2, 0.5)}}, pen, ink,
           true);
}

void Initials(Canvas& c, Rng& rng, double x, double y, double w, double h, const std::string& name,
              const std::vector<Font>& hand_fonts) {
  Font fit = rng.Pick(hand_fonts);
  fit.size_pt = std::clamp(h * 1.4, 10.0, 20.0);
  const double ink = rng.Real(0.7, 0.9);
  double size = fit.size_pt;
  while (size > 8 && c.TextWidth(name, fit) > w * 0.95) fit.size_pt = (size -= 1);
  c.TextRotated(x + rng.Real(0, w * 0.05), y + h * 0.7, rng.Real(-6, 10), name, fit, ink, false);
  if (rng.Chance(0.7)) {  // underline flourish
    c.Stroke({{x, y + h * 0.9}, {x + w * 0.5, y + h * rng.Real(0.8, 1.0)}, {x + w * rng.Real(0.7, 1.0), y + h * 0.75}},
             rng.Real(0.3, 0.5), ink, true);
  }
}

// The words of a line with their left x and width (mm), as drawn.
struct Word {
  std::string text;
  double x = 0, w = 0;
};

std::vector<Word> WordsOf(Canvas& c, const TextLine& line) {
  std::vector<Word> words;
  std::string prefix;
  size_t start = 0;
  while (start < line.text.size()) {
    size_t end = line.text.find(' ', start);
    if (end == std::string::npos) end = line.text.size();
    if (end > start) {
      const std::string word = line.text.substr(start, end - start);
      const double left = prefix.empty() ? 0 : c.TextWidth(prefix + " ", line.font);
      words.push_back({word, line.x + left, c.TextWidth(word, line.font)});
      prefix = line.text.substr(0, end);
    }
    start = end + 1;
  }
  return words;
}

bool HasDigit(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// Other digits of the same count as those of `word` (each one changed).
std::string OtherDigits(Rng& rng, const std::string& word) {
  std::string out;
  for (char ch : word) {
    if (ch >= '0' && ch <= '9') out += static_cast<char>('0' + (ch - '0' + rng.Int(1, 9)) % 10);
  }
  return out.empty() ? std::to_string(rng.Int(2, 30)) : out;
}

}  // namespace

InkZone CrossOutWords(Canvas& c, Rng& rng, const std::string& style, const TextLine& line, const Font& hand) {
  const std::vector<Word> words = WordsOf(c, line);
  if (words.empty()) return {"raturee", 0, line.x, line.baseline - line.size_mm * 0.72, line.width, line.size_mm * 0.72};
  size_t first = static_cast<size_t>(rng.Int(0, static_cast<int>(words.size()) - 1));
  size_t count = style == "scribble" ? static_cast<size_t>(rng.Int(1, 2)) : static_cast<size_t>(rng.Int(1, 4));
  std::string over;
  if (style == "overwrite") {
    // Digits written over digits when the line has a number, else over a word.
    std::vector<size_t> numbers;
    for (size_t i = 0; i < words.size(); ++i) {
      if (HasDigit(words[i].text)) numbers.push_back(i);
    }
    if (!numbers.empty()) first = rng.Pick(numbers);
    count = 1;
    over = OtherDigits(rng, words[first].text);
  }
  size_t last = std::min(words.size(), first + count) - 1;
  // A stroke spans at least a few letters: one short word is taken with the next.
  while (style != "overwrite" && last + 1 < words.size() && words[last].x + words[last].w - words[first].x < 3 * line.size_mm) {
    ++last;
  }
  const double x = words[first].x, w = words[last].x + words[last].w - x;
  const double h = line.size_mm * 0.72, y = line.baseline - h;
  Font pen = hand;
  pen.size_pt = line.font.size_pt;  // digits over digits: the size of those crossed
  CrossOut(c, rng, style, x, y, std::max(w, line.size_mm), h, over, pen);
  return {"raturee", 0, x - 1.5, y, std::max(w, line.size_mm) + 3, h};
}

void MarkCrossed(GenDoc& d, const InkZone& zone) {
  d.zones.push_back(zone);
  auto tenth = [](double v) { return std::round(v * 10) / 10; };
  d.fields["raturee"] = Json{{"value", true},
                             {"zone_mm", {tenth(zone.x), tenth(zone.y), tenth(zone.w), tenth(zone.h)}}};
}

void TickBox(Canvas& c, Rng& rng, const std::string& style, double x, double y, double size, bool ticked) {
  c.Rect(x, y, size, size, rng.Real(0.2, 0.35));
  if (ticked) Tick(c, rng, style, x, y, size);
}

void SignatureInk(Canvas& c, Rng& rng, const std::string& style, double x, double y, double w, double h,
                  const std::string& name, const std::vector<Font>& hand_fonts) {
  if (style == "initials") Initials(c, rng, x, y, w, h, name, hand_fonts);
  else if (style == "zigzag") Zigzag(c, rng, x, y, w, h);
  else if (style == "paraphe") Paraphe(c, rng, x, y, w, h);
  else Loops(c, rng, x, y, w, h);
}

void CrossOut(Canvas& c, Rng& rng, const std::string& style, double x, double y, double w, double h,
              const std::string& over, const Font& hand) {
  const double ink = rng.Real(0.75, 0.95), pen = rng.Real(0.35, 0.6);
  if (style == "strike") {
    const int lines = rng.Int(1, 2);
    for (int i = 0; i < lines; ++i) {
      const double ly = y + h * (lines == 1 ? 0.6 : 0.45 + 0.25 * i);
      c.Stroke({{x - rng.Real(0, 1.5), ly + Jitter(rng, 0.5)}, {x + w + rng.Real(0, 1.5), ly + Jitter(rng, 0.8)}}, pen, ink,
               false);
    }
  } else if (style == "scribble") {
    c.Scribble(rng, x, y + h * 0.15, w, h * 0.8);
  } else if (style == "hatch") {
    const int n = std::max(3, static_cast<int>(w / 2.2));
    for (int i = 0; i < n; ++i) {
      const double hx = x + w * i / n;
      c.Stroke({{hx, y + h + Jitter(rng, 0.4)}, {hx + h * 0.6 + Jitter(rng, 0.4), y + h * 0.1}}, pen, ink, false);
    }
  } else {  // overwrite: other characters written over the first ones, then one stroke
    Font bold = hand;
    bold.size_pt *= 1.1;
    bold.bold = true;
    c.TextRotated(x + rng.Real(0.2, 1.2), y + h * 0.85, rng.Real(-3, 3), over, bold, ink, false);
    c.Stroke({{x, y + h * 0.55 + Jitter(rng, 0.6)}, {x + w, y + h * 0.5 + Jitter(rng, 0.6)}}, pen * 0.8, ink, false);
  }
}

}  // namespace liasse::synth
