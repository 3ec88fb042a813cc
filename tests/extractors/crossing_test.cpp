// Crossed-out text by geometry (crossing.h), on pages drawn in memory: text
// lines inked letter by letter (print and a joined hand), then clean marks
// that are no crossing (underlines, rules, frames, a spaced dash) and
// crossings in several styles (one or two strike lines, a scribble with
// its bar, hatching, an overwritten number with its stroke).
#include "crossing.h"

#include <gtest/gtest.h>

#include <string>

#include "liasse/extractors/extract.h"
#include "document_checks.h"
#include "page_builder.h"

namespace liasse::extractors::internal {
namespace {

using testing::Options;

using testing::PageBuilder;

constexpr double kSize = 3;  // letter height, mm

// `text` at baseline y (mm) with its ink: each letter a stem, a bowl's
// top and bottom, capitals and some letters higher; `joined` links the
// letters of a word at the baseline as a hand does; `read`: the OCR's
// words too (else the ink alone).
void InkText(PageBuilder& p, double x, double y, const std::string& text, bool joined = false, bool read = true) {
  if (read) p.Text(x, y, text, 92, kSize);
  const double w = 0.55 * kSize;
  double cx = x;
  for (char c : text) {
    if (c == ' ') {
      cx += w;
      continue;
    }
    const bool tall = std::isupper(static_cast<unsigned char>(c)) || c == 'l' || c == 'd' || c == 't' || std::isdigit(static_cast<unsigned char>(c));
    const double top = y - (tall ? kSize * 0.95 : kSize * 0.6);
    p.Stroke(cx + 0.15 * w, top, cx + 0.15 * w, y, 0.25);
    p.Stroke(cx + 0.15 * w, top, cx + 0.7 * w, top, 0.25).Stroke(cx + 0.15 * w, y, cx + 0.7 * w, y, 0.25);
    if (c == 'e' || c == 'H' || c == 'A') p.Stroke(cx + 0.15 * w, (top + y) / 2, cx + 0.7 * w, (top + y) / 2, 0.25);
    if (joined) p.Stroke(cx + 0.7 * w, y, cx + w + 0.15 * w, y - 0.3, 0.25);
    cx += w;
  }
}

// A prescription's body: five lines of order text.
const char* kLines[] = {"Soins infirmiers a domicile une fois par jour", "Injection sous cutanee de heparine le matin",
                        "pendant dix jours dimanches et feries compris", "Prise de sang a jeun le lundi matin",
                        "Pansement simple tous les deux jours"};

PageBuilder Body(bool joined = false) {
  PageBuilder p;
  p.WithRaster();
  InkText(p, 20, 30, "Docteur Paul DURAND");
  InkText(p, 20, 45, "Madame Sophie MARTIN");
  for (int i = 0; i < 5; ++i) InkText(p, 30, 60 + 6.0 * i, kLines[i], joined);
  return p;
}

CrossingReading Read(const PageBuilder& p) {
  const OcrPage page = p.Build();
  const PageView view(page);
  return FindCrossing(page.ink, TextLines(view), view.mm());
}

TEST(Crossing, CleanPrintIsNotCrossed) {
  EXPECT_EQ(Read(Body()).verdict, Crossed::kClean);
}

TEST(Crossing, UnderlinesRulesFramesAndASpacedDashAreNoCrossing) {
  PageBuilder p = Body();
  p.Stroke(30, 60.8, 110, 60.8, 0.3);    // underline under the first line
  p.Stroke(15, 50, 195, 50, 0.4);        // a rule between the patient and the order
  p.Rect(25, 53, 150, 32);               // a frame round the order
  InkText(p, 20, 95, "MARTIN Lucas   Infirmier");
  p.Stroke(47.5, 93.8, 50.5, 93.8, 0.3);  // a dash between two words, spaces on each side
  EXPECT_EQ(Read(p).verdict, Crossed::kClean);
}

// A date written with dashes ("05-02-1969"): the dashes are thin ink at
// the letters' middle, joined by the digits between them into one short
// run; a strike spans a few letters, and two dashes are print.
TEST(Crossing, TheDashesOfADateAreNoDoubt) {
  PageBuilder p = Body();
  p.Text(20, 95, "Naissance 05-02-1969", 92, kSize);
  InkText(p, 20, 95, "Naissance", false, false);
  InkText(p, 36.5, 95, "05", false, false);
  p.Stroke(39.8, 93.5, 41.6, 93.5, 0.3);  // the first dash
  p.Rect(41.6, 92.15, 1.5, 2.85);         // "0" and "2", closed glyphs
  p.Rect(43.2, 92.15, 1.5, 2.85);
  p.Stroke(44.7, 93.5, 46.5, 93.5, 0.3);  // the second dash
  InkText(p, 47.0, 95, "1969", false, false);
  EXPECT_EQ(Read(p).verdict, Crossed::kClean);
}

TEST(Crossing, AJoinedHandIsNotCrossed) {
  EXPECT_NE(Read(Body(true)).verdict, Crossed::kCrossed);
}

TEST(Crossing, OneStrikeLineThroughALineIsACrossing) {
  PageBuilder p = Body();
  p.Stroke(40, 65.0, 80, 65.6, 0.45);  // through the second line's letters
  const auto r = Read(p);
  EXPECT_EQ(r.verdict, Crossed::kCrossed);
  EXPECT_GT(r.run_mm, 30);
}

// A joined hand makes the middle of its letters unbroken, a doubt at most;
// a pen's strike through it runs straight: a crossing, whatever its length
// and pen, when the OCR reads the struck words as one word it is unsure of
// (no space between words for the strike to fill).
// The order in a joined hand whose second line, "Injection sous cutanee
// de heparine le matin", is inked letter by letter and read by the OCR as
// far as "Injection sous" (each test reads the rest of it as it needs).
PageBuilder JoinedOrderReadToSous() {
  PageBuilder p;
  p.WithRaster();
  InkText(p, 20, 30, "Docteur Paul DURAND");
  InkText(p, 20, 45, "Madame Sophie MARTIN");
  for (int i = 0; i < 5; ++i) {
    if (i != 1) InkText(p, 30, 60 + 6.0 * i, kLines[i], true);
  }
  InkText(p, 30, 66, kLines[1], true, false);
  p.Text(30, 66, "Injection sous", 92, kSize);
  return p;
}

TEST(Crossing, AStraightStrikeThroughAJoinedHandReadAsOneWordIsACrossing) {
  for (const double length : {22.0, 30.0}) {
    for (const double pen : {0.35, 0.55}) {
      // The struck stretch read as one word.
      PageBuilder p = JoinedOrderReadToSous();
      const double w = 0.55 * kSize;
      p.Text(30 + 15 * w, 66, "cutanee_de_heparine", 20, kSize);
      p.Text(30 + 35 * w, 66, "le matin", 92, kSize);
      p.Stroke(30 + 15 * w + 0.5, 64.4, 30 + 15 * w + 0.5 + length, 64.6, pen);
      const auto r = Read(p);
      EXPECT_EQ(r.verdict, Crossed::kCrossed) << length << " " << pen;
      EXPECT_GE(r.run_mm, length - 1) << length << " " << pen;
    }
  }
}

// A paragraph's short last line struck out: the OCR reads nothing of it,
// so no text line holds it; the strike through its letters, between the
// read line above and nothing below, is a crossing. A double rule and a
// thick rule between two read lines hold no letters: no crossing.
TEST(Crossing, AStrikeThroughALineTheOcrLeftUnreadIsACrossingARuleIsNot) {
  PageBuilder p = Body();
  InkText(p, 30, 90, "compris le soir", false, false);
  p.Stroke(29, 89.0, 47, 89.2, 0.4);
  EXPECT_EQ(Read(p).verdict, Crossed::kCrossed);
  PageBuilder ruled = Body();
  ruled.Stroke(30, 86.6, 110, 86.6, 0.3).Stroke(30, 87.3, 110, 87.3, 0.3);  // a double rule under the order
  ruled.Stroke(30, 56.5, 110, 56.5, 0.6);                                   // a thick rule over it
  InkText(ruled, 30, 93, "Docteur Paul DURAND");
  EXPECT_EQ(Read(ruled).verdict, Crossed::kClean);
}

// A strike `length` mm long over one short word of a joined hand and into
// the next, read as one word the OCR is unsure of.
Crossed StrikeOverAShortWord(double length) {
  PageBuilder p = JoinedOrderReadToSous();
  const double w = 0.55 * kSize;
  p.Text(30 + 15 * w, 66, "cutanee_de", 20, kSize);
  p.Text(30 + 26 * w, 66, "heparine le matin", 92, kSize);
  p.Stroke(30 + 15 * w + 0.5, 64.4, 30 + 15 * w + 0.5 + length, 64.5, 0.4);
  return Read(p).verdict;
}

// Four and a half letter heights of straight ink through the letters'
// middle are a pen's (a joined hand's links rise and fall, print breaks at
// each letter).
TEST(Crossing, AShortStraightStrikeOfFourLetterHeightsIsACrossing) {
  EXPECT_EQ(StrikeOverAShortWord(13.5), Crossed::kCrossed);
}

// Three and a half (one short word and the space after it): too short to
// decide, long for print.
TEST(Crossing, AStraightStrikeOfThreeLetterHeightsIsADoubt) {
  EXPECT_EQ(StrikeOverAShortWord(10.5), Crossed::kUncertain);
}

TEST(Crossing, TwoStrikeLinesOfAThickerPenAreFoundNotCleared) {
  // Two strokes together are no thin stroke: found by the unbroken middle
  // of the letters, a doubt for a person when short, a crossing when long.
  PageBuilder p = Body(true);
  p.Stroke(32, 76.0, 60, 76.3, 0.6).Stroke(32, 77.0, 60, 77.2, 0.6);
  EXPECT_NE(Read(p).verdict, Crossed::kClean);
  PageBuilder longer = Body(true);
  longer.Stroke(30, 76.0, 100, 76.3, 0.6).Stroke(30, 77.0, 100, 77.2, 0.6);
  EXPECT_EQ(Read(longer).verdict, Crossed::kCrossed);
}

TEST(Crossing, AScribbleWithItsBarIsFoundNotCleared) {
  // Its zig-zag fills the spaces with more than a thin stroke: the unbroken
  // middle of the letters finds it, a doubt for a person.
  PageBuilder p = Body();
  double x = 50;
  for (int i = 0; i < 12; ++i, x += 3) p.Stroke(x, 72.3, x + 1.5, 69.2, 0.4).Stroke(x + 1.5, 69.2, x + 3, 72.3, 0.4);
  p.Stroke(50, 70.7, 86, 70.9, 0.4);
  EXPECT_NE(Read(p).verdict, Crossed::kClean);
}

TEST(Crossing, HatchingAcrossALineIsFoundNotCleared) {
  PageBuilder p = Body();
  for (double x = 45; x < 85; x += 1.1) p.Stroke(x, 72.4, x + 1.8, 69.6, 0.4);
  EXPECT_NE(Read(p).verdict, Crossed::kClean);
}

TEST(Crossing, ATableRowHatchedOutIsACrossingWhateverTheHatchsSlantSpacingAndPen) {
  // Parallel slanted strokes the height of the row through all its
  // columns: no stroke runs along the line, and the OCR may read nothing
  // of the row (`read` false).
  struct Style {
    double spacing, slant, pen;  // mm, columns per row (> 0: "/"), mm
    bool read;
  };
  for (const Style s : {Style{2.2, 0.6, 0.45, true}, Style{1.6, 0.9, 0.35, false}, Style{3.0, 0.45, 0.6, true},
                        Style{2.2, -0.7, 0.5, false}}) {
    PageBuilder p = Body();
    InkText(p, 20, 95, "02-07-2024", false, s.read);
    InkText(p, 90, 95, "AMI 4", false, s.read);
    InkText(p, 150, 95, "12,60", false, s.read);
    InkText(p, 20, 102, "03-07-2024");
    InkText(p, 90, 102, "AMI 4");
    InkText(p, 150, 102, "12,60");
    for (double x = 17; x < 175; x += s.spacing) p.Stroke(x, 96.5, x + s.slant * 6, 90.5, s.pen);
    EXPECT_EQ(Read(p).verdict, Crossed::kCrossed) << s.spacing << " " << s.slant;
  }
}

// Capitals with slanted strokes (A, N, V, W, X) in a row: print's diagonals
// of both slants, a letter apart.
void InkCapitals(PageBuilder& p, double x, double y, const std::string& text) {
  p.Text(x, y, text, 92, kSize);
  const double w = 0.7 * kSize, top = y - 0.95 * kSize;
  for (char c : text) {
    const double l = x + 0.1 * w, r = x + 0.85 * w, mid = (l + r) / 2;
    switch (c) {
      case 'A': p.Stroke(l, y, mid, top, 0.3).Stroke(mid, top, r, y, 0.3).Stroke(l + 0.2 * w, y - 1, r - 0.2 * w, y - 1, 0.3); break;
      case 'N': p.Stroke(l, y, l, top, 0.3).Stroke(l, top, r, y, 0.3).Stroke(r, y, r, top, 0.3); break;
      case 'V': p.Stroke(l, top, mid, y, 0.3).Stroke(mid, y, r, top, 0.3); break;
      case 'W':
        p.Stroke(l, top, l + 0.25 * w, y, 0.3).Stroke(l + 0.25 * w, y, mid, top, 0.3);
        p.Stroke(mid, top, r - 0.15 * w, y, 0.3).Stroke(r - 0.15 * w, y, r, top, 0.3);
        break;
      case 'X': p.Stroke(l, top, r, y, 0.3).Stroke(l, y, r, top, 0.3); break;
      case ' ': break;
      default: p.Stroke(l, y, l, top, 0.3).Stroke(l, top, r, top, 0.3).Stroke(l, y, r, y, 0.3); break;
    }
    x += w;
  }
}

TEST(Crossing, CapitalsFullOfSlantedStrokesAreNoHatching) {
  PageBuilder p = Body();
  InkCapitals(p, 20, 95, "AVANT NAVARIN ANNA WAWA XAVANNA");
  InkCapitals(p, 20, 102, "VVVV WWW AVAVAVA NNNN");
  InkText(p, 20, 109, "le 05/07/2024 12/03/2025");
  EXPECT_EQ(Read(p).verdict, Crossed::kClean);
}

TEST(Crossing, ANameWrittenLargeInASlantedHandIsNoHatching) {
  // A signature written as a name in an italic script, twice the text's
  // height: its stems lean 17 to 21 degrees, a letter apart, each one
  // stroke — a row of parallel slanted strokes, but a hand's slant, not a
  // hatch's (which leans 27 degrees and more). The stamp's lines below.
  for (const double lean : {0.3, 0.38}) {
    PageBuilder p = Body();
    InkText(p, 110, 135, "Dr Paul DURAND");
    InkText(p, 110, 140, "RPPS 10101010101");
    for (double x = 110; x < 135; x += 2.6) {
      p.Stroke(x, 125, x + lean * 6, 119, 0.45);
      p.Stroke(x + lean * 6, 119, x + lean * 6 + 1.0, 119.6, 0.3);  // the link to the next letter
    }
    EXPECT_EQ(Read(p).verdict, Crossed::kClean) << lean;
  }
}

TEST(Crossing, AnOverwrittenNumberWithItsStrokeIsACrossing) {
  PageBuilder p = Body();
  InkText(p, 40, 90, "10 seances de kinesitherapie");
  p.Stroke(39, 88.9, 62, 88.6, 0.4);
  EXPECT_EQ(Read(p).verdict, Crossed::kCrossed);
}

TEST(Crossing, ARuleThroughTheColumnsOfOneRowIsNoCrossing) {
  PageBuilder p = Body();
  InkText(p, 20, 95, "02-07-2024");
  InkText(p, 90, 95, "AMI 4");
  InkText(p, 150, 95, "12,60");
  p.Stroke(15, 93.6, 195, 93.6, 0.3);
  EXPECT_NE(Read(p).verdict, Crossed::kCrossed);
}

TEST(Crossing, RulesThroughEveryRowOfATableAreNoCrossing) {
  // A ruled table whose rules run through the middle of its rows: the same
  // on every line is the form's print, never a crossing.
  PageBuilder p;
  p.WithRaster();
  for (int i = 0; i < 6; ++i) {
    const double y = 60 + 5.0 * i;
    InkText(p, 20, y, "02-07-2024");
    InkText(p, 90, y, "AMI 4");
    InkText(p, 150, y, "12,60");
    p.Stroke(15, y - 1.4, 195, y - 1.4, 0.3);
  }
  EXPECT_NE(Read(p).verdict, Crossed::kCrossed);
}

// "Sécurité sociale n° :" then the NIR's digits in a comb of boxes taller
// than the letters, read badly by the OCR (the last pair read with its
// box): the label's two sure words, one taller for its accent, give no
// slope to the whole line, and the comb's sides are no strike.
PageBuilder BoxedNir(double cell) {
  PageBuilder p = Body();
  InkText(p, 20, 110, "Securite sociale n :");
  const std::string digits = "2890159350189";
  for (size_t i = 0; i < digits.size(); ++i) {
    const double x = 60 + cell * static_cast<double>(i);
    p.Rect(x, 103, cell, 8);
    InkText(p, x + 1, 110, std::string(1, digits[i]), false, false);
  }
  p.Rect(60 + cell * 14, 103, 2 * cell, 8);
  InkText(p, 61 + cell * 14, 110, "54", false, false);
  p.Text(60, 110, "2 8 9 0 1 5 9 3 5 0 1 8 9", 40);
  return p;
}

TEST(Crossing, BoxedDigitsBesideAShortLabelAreNoCrossing) {
  for (const double cell : {4.5, 5.5}) {
    OcrPage page = BoxedNir(cell).Build();
    // The OCR's boxes: "Securite" taller (its accent), "54" read with its box.
    for (auto& line : page.lines) {
      for (auto& w : line.words) {
        if (w.text == "Securite") w.box.y -= static_cast<int>(0.8 * 300 / 25.4), w.box.height += static_cast<int>(0.8 * 300 / 25.4);
      }
    }
    PageBuilder pair;
    pair.Text(60 + cell * 14, 112, "54", 50, 8);
    page.lines.push_back(pair.Build().lines.front());
    const PageView view(page);
    EXPECT_EQ(FindCrossing(page.ink, TextLines(view), view.mm()).verdict, Crossed::kClean) << cell;
  }
}

TEST(Crossing, AStrikeOnALineReadWithBoxesAsTallAsTwoLinesIsADoubt) {
  // The OCR read a slanted hand's line with boxes the whole line's height:
  // the middle of its letters is a guess, a stroke through it a doubt.
  PageBuilder p = Body();
  InkText(p, 30, 100, "Injection sous cutanee une fois par jour", false, false);
  p.Text(30, 101.75, "Injection sous cutanee une fois par jour", 92, 6.5);
  p.Stroke(29, 98.5, 110, 98.6, 0.45);
  EXPECT_EQ(Read(p).verdict, Crossed::kUncertain);
}

// A stamp's heavy frame (sides as thick as half a letter)
// round its two lines: its sides hold ink above and below and read as
// stems crossed, but a side of a frame turns into the next side at its
// ends, where a strike ends free.
TEST(Crossing, AStampsHeavyFrameIsNoCrossing) {
  PageBuilder p = Body();
  p.Stroke(124, 98.8, 174, 98.8, 1.6).Stroke(124, 114.2, 174, 114.2, 1.6);  // top and bottom
  p.Stroke(124, 98, 124, 115, 1.6).Stroke(174, 98, 174, 115, 1.6);        // the sides
  InkText(p, 128, 105, "Dr ISABELLE LAURENT");
  InkText(p, 128, 111, "RPPS 10433674910");
  EXPECT_EQ(Read(p).verdict, Crossed::kClean);
}


// The same stamp turned a few degrees: along its heavy top or bottom side
// a straight path runs for centimetres, stems crossed at every column,
// and leaves it in the middle of the side, where no corner turns. A band
// as thick as half a letter all along is no pen's line through letters.
TEST(Crossing, AStampsHeavyFrameTurnedAFewDegreesIsNoCrossing) {
  PageBuilder p = Body();
  const double slope = 0.06;
  auto y = [&](double x, double y0) { return y0 + slope * (x - 124); };
  p.Stroke(124, y(124, 98.8), 174, y(174, 98.8), 1.6).Stroke(124, y(124, 114.2), 174, y(174, 114.2), 1.6);
  p.Stroke(124, y(124, 98), 124, y(124, 115), 1.6).Stroke(174, y(174, 98), 174, y(174, 115), 1.6);
  InkText(p, 128, 105, "Dr ISABELLE LAURENT");
  InkText(p, 128, 111, "RPPS 10433674910");
  EXPECT_NE(Read(p).verdict, Crossed::kCrossed);
}

// A long scribble's bar through a line the OCR left unread, under the
// correction written over it: the words' middles hidden, the bar has
// letters above and below it along three tenths of its length only, but
// it runs twelve letter heights and more off every read line, through
// stems: a crossing, where a shorter one would be a doubt.
TEST(Crossing, ALongBarThroughAnUnreadLineIsACrossingWhereAShortOneIsADoubt) {
  auto page = [](double glyphs) {
    PageBuilder p = Body();
    const double pitch = 4.6;
    for (int i = 0; i < glyphs; ++i) {
      const double x = 30 + pitch * i;  // letters of x-height, boxed by their stems and bars
      p.Stroke(x, 88.2, x, 90, 0.4).Stroke(x + 1.05, 88.2, x + 1.05, 90, 0.4);
      p.Stroke(x, 88.2, x + 1.05, 88.2, 0.3).Stroke(x, 90, x + 1.05, 90, 0.3);
    }
    p.Stroke(29.6, 89.1, 29.6 + pitch * glyphs, 89.1, 0.4);
    return Read(p).verdict;
  };
  EXPECT_EQ(page(10), Crossed::kCrossed);
  EXPECT_EQ(page(5), Crossed::kUncertain);
}

// A struck row and its correction read as one tall line, the struck words
// as one word the OCR is unsure of: the middle of that line is a guess, a
// strike inside it as long as a crossing is a doubt, never clean.
TEST(Crossing, AStrikeInsideALineReadAsTallAsTwoRowsIsADoubt) {
  PageBuilder p = Body();
  InkText(p, 30, 100, "Reeducation de lepaule gauche", true, false);
  InkText(p, 52, 95.5, "3 seances", true, false);
  const double w = 0.55 * kSize;
  p.Text(30, 101.75, "Reeducation", 92, 6.5);
  p.Text(30 + 12 * w, 101.75, "de_3seances", 30, 6.5);
  p.Text(30 + 23 * w, 101.75, "gauche", 92, 6.5);
  p.Stroke(30 + 12 * w + 0.3, 98.9, 30 + 22 * w - 0.3, 99.0, 0.4);  // through "de lepaule"
  EXPECT_EQ(Read(p).verdict, Crossed::kUncertain);
}

TEST(Crossing, NoRasterIsUncertain) {
  PageBuilder p;
  p.Text(20, 30, "Soins infirmiers a domicile");
  EXPECT_EQ(Read(p).verdict, Crossed::kUncertain);
}

// A prescription whose patient line the reader does not know: the
// crossing is still looked for on every text line.
PageBuilder PrescriptionPage() {
  PageBuilder p;
  p.WithRaster();
  InkText(p, 20, 20, "Docteur Paul DURAND");
  InkText(p, 20, 27, "RPPS 10001234567");
  InkText(p, 110, 40, "PARIS le 05/09/2025");
  InkText(p, 20, 52, "Beneficiaire des soins Sophie MARTIN");
  InkText(p, 20, 60, "ORDONNANCE");
  for (int i = 0; i < 4; ++i) InkText(p, 30, 70 + 6.0 * i, kLines[i]);
  return p;
}

TEST(Crossing, APrescriptionIsRatureeOnlyWhenCrossed) {
  const auto clean = ExtractDocuments({PrescriptionPage().Build()}, nullptr, Options());
  ASSERT_EQ(clean.size(), 1u);
  ASSERT_EQ(clean[0].type, DocumentType::kPrescription);
  EXPECT_EQ(clean[0].Flag("raturee"), std::optional<bool>(false));
  PageBuilder crossed = PrescriptionPage();
  crossed.Stroke(35, 80.2, 90, 80.6, 0.45);
  const auto struck = ExtractDocuments({crossed.Build()}, nullptr, Options());
  ASSERT_EQ(struck.size(), 1u);
  EXPECT_EQ(struck[0].Flag("raturee"), std::optional<bool>(true));
}

// "QSP 1 MOIS" with "1 MOIS" scribbled over, the OCR reading the scribble
// as one word beside "QSP": its bar runs along the whole word, through no
// space between words the OCR saw. On a prescription a person looks; a
// clean prescription's words are read without a doubt.
TEST(Crossing, APrescriptionsWordScribbledOverEndToEndIsADoubt) {
  const double w = 0.55 * kSize;
  PageBuilder p = PrescriptionPage();
  InkText(p, 30, 100, "QSP 1 MOIS", false, false);
  p.Text(30, 100, "QSP", 92, kSize);
  p.Text(30 + 4 * w, 100, "1_MOIS", 40, kSize);
  p.Stroke(30 + 4 * w + 0.1, 98.5, 30 + 10 * w - 0.1, 98.6, 0.4);
  for (int i = 0; i < 5; ++i) {
    const double x = 30 + 4 * w + 0.3 + 1.8 * i;
    p.Stroke(x, 99.4, x + 0.9, 97.6, 0.35).Stroke(x + 0.9, 97.6, x + 1.8, 99.4, 0.35);
  }
  const auto struck = ExtractDocuments({p.Build()}, nullptr, Options());
  ASSERT_EQ(struck.size(), 1u);
  EXPECT_NE(struck[0].Flag("raturee"), std::optional<bool>(true));
  EXPECT_TRUE(struck[0].InReview("raturee"));
  const auto clean = ExtractDocuments({PrescriptionPage().Build()}, nullptr, Options());
  ASSERT_EQ(clean.size(), 1u);
  EXPECT_FALSE(clean[0].InReview("raturee"));
}

// Digits written over the printed ones in a bolder pen, a millimetre to
// the right, and struck once: two glyphs and a bar in one cell, darker
// than the line's print; the stroke is too short to tell a strike from a
// bold digit's bar. `over`: draw the digits written over.
PageBuilder OverwrittenNumber(bool over) {
  const double w = 0.55 * kSize;
  PageBuilder p = PrescriptionPage();
  InkText(p, 30, 100, "Kinesitherapie 12 seances par semaine", false, false);
  p.Text(30, 100, "Kinesitherapie", 92, kSize);
  p.Text(30 + 15 * w, 100, "1Z", 45, kSize);
  p.Text(30 + 18 * w, 100, "seances par semaine", 92, kSize);
  if (over) {
    for (int d = 0; d < 2; ++d) {
      const double x = 30 + (15 + d) * w + 0.6;
      p.Stroke(x, 97.1, x + 1.2, 97.1, 0.5).Stroke(x + 1.2, 97.1, x + 0.2, 100, 0.5);  // a 7
      p.Stroke(x + 0.1, 98.5, x + 1.1, 98.5, 0.5).Stroke(x + 0.6, 97.2, x + 0.6, 99.9, 0.5);
    }
    p.Stroke(30 + 15 * w, 98.7, 30 + 17 * w + 0.4, 98.6, 0.35);
  }
  return p;
}

TEST(Crossing, APrescriptionsNumberWrittenOverInABolderPenIsADoubt) {
  const auto struck = ExtractDocuments({OverwrittenNumber(true).Build()}, nullptr, Options());
  ASSERT_EQ(struck.size(), 1u);
  EXPECT_NE(struck[0].Flag("raturee"), std::optional<bool>(true));
  EXPECT_TRUE(struck[0].InReview("raturee"));
  // The same number printed and read unsurely, nothing written over it.
  const auto clean = ExtractDocuments({OverwrittenNumber(false).Build()}, nullptr, Options());
  ASSERT_EQ(clean.size(), 1u);
  EXPECT_EQ(clean[0].Flag("raturee"), std::optional<bool>(false));
  EXPECT_FALSE(clean[0].InReview("raturee"));
}

// A short line of one word struck and written over, the OCR reading the
// lot as one word alone on its row, taller than the page's letters: the
// stroke along it end to end makes a doubt as on a longer line; a word
// read unsurely alone on its row with no stroke along it makes none.
TEST(Crossing, APrescriptionsWordAloneOnItsRowStruckEndToEndIsADoubt) {
  const double w = 0.55 * kSize;
  for (const bool struck_out : {true, false}) {
    PageBuilder p = PrescriptionPage();
    InkText(p, 30, 100, "urgent", false, false);
    p.Text(30, 100.6, "ungent", 44, 1.35 * kSize);
    if (struck_out) {
      p.Stroke(30, 98.6, 30 + 8.1 * w, 98.5, 0.35);
      p.Stroke(30.6, 96.2, 31.8, 96.2, 0.5).Stroke(31.8, 96.2, 30.6, 99.4, 0.5).Stroke(30.6, 99.4, 32, 99.4, 0.5);  // a 2
    }
    const auto docs = ExtractDocuments({p.Build()}, nullptr, Options());
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_NE(docs[0].Flag("raturee"), std::optional<bool>(true));
    EXPECT_EQ(docs[0].InReview("raturee"), struck_out) << struck_out;
  }
}

// A line of the order in a joined hand the OCR read nothing of, with
// (`over`) digits written over one of its words in a bolder pen and
// struck: no read line to measure along, but the stretch written over is
// more than twice as dark as the row's letters; the row alone is no doubt.
TEST(Crossing, AnUnreadHandwrittenRowWithAWordWrittenOverIsADoubt) {
  const double w = 0.55 * kSize;
  for (const bool over : {true, false}) {
    PageBuilder p = PrescriptionPage();
    InkText(p, 30, 110, "pendant dix jours dimanches compris", true, false);
    if (over) {
      const double x = 30 + 8 * w;  // over "dix"
      p.Stroke(x, 107.2, x + 1.6, 107.2, 0.6).Stroke(x + 1.6, 107.2, x + 0.4, 110, 0.6);  // a 7
      p.Stroke(x + 2.2, 107.2, x + 1.8, 110, 0.6).Stroke(x + 1.8, 108.8, x + 3.2, 108.8, 0.6).Stroke(x + 2.9, 107.2, x + 2.9, 110, 0.6);  // a 4
      p.Stroke(x - 0.3, 108.6, x + 3 * w, 108.5, 0.4);
    }
    const auto docs = ExtractDocuments({p.Build()}, nullptr, Options());
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_NE(docs[0].Flag("raturee"), std::optional<bool>(true));
    EXPECT_EQ(docs[0].InReview("raturee"), over) << over;
  }
}

}  // namespace
}  // namespace liasse::extractors::internal
