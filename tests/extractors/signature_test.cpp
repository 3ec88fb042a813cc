// Signatures read by geometry (signature.h): zones found from the label in
// any direction up to the next printed element, signatures drawn in
// several styles and sizes, empty zones (framed, dotted, open), a printed
// name or a stamp alone, and too little ink to tell.
#include "signature.h"

#include <cmath>
#include <numbers>
#include <string>

#include <gtest/gtest.h>

#include "labels.h"
#include "page_builder.h"

namespace liasse::extractors::internal {
namespace {

using testing::PageBuilder;

constexpr double kPi = std::numbers::pi;

// Printed text: the OCR's words and the glyphs' ink inside their boxes.
void Printed(PageBuilder& p, double x, double y, const std::string& text, double size = 3) {
  p.Text(x, y, text, 95, size);
  const double char_w = 0.55 * size;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ') continue;
    const double cx = x + static_cast<double>(i) * char_w;
    p.Stroke(cx + 0.3, y - 0.85 * size, cx + 0.3, y - 0.1, 0.3).Stroke(cx + 0.3, y - 0.45 * size, cx + char_w - 0.5, y - 0.45 * size, 0.25);
  }
}

void Ellipse(PageBuilder& p, double cx, double cy, double rx, double ry, double pen, double tilt = 0) {
  const int n = 48;
  for (int i = 0; i < n; ++i) {
    const double a0 = 2 * kPi * i / n, a1 = 2 * kPi * (i + 1) / n;
    auto at = [&](double a) {
      const double x = rx * std::cos(a), y = ry * std::sin(a);
      return std::pair{cx + x * std::cos(tilt) - y * std::sin(tilt), cy + x * std::sin(tilt) + y * std::cos(tilt)};
    };
    const auto [x0, y0] = at(a0);
    const auto [x1, y1] = at(a1);
    p.Stroke(x0, y0, x1, y1, pen);
  }
}

// A signature in the w × h zone at (x, y), in one of several hands.
void Sign(PageBuilder& p, const std::string& style, double x, double y, double w, double h, double pen = 0.45) {
  if (style == "zigzag") {
    for (int i = 0; i < 8; ++i) p.Stroke(x + w * i / 8, y + h * (i % 2 ? 0.2 : 0.9), x + w * (i + 1) / 8, y + h * (i % 2 ? 0.9 : 0.2), pen);
  } else if (style == "loops") {
    for (int i = 0; i < 5; ++i) Ellipse(p, x + w * (0.1 + 0.18 * i), y + h * 0.5, w * 0.06, h * 0.3, pen);
    p.Stroke(x, y + h * 0.8, x + w, y + h * 0.5, pen);
  } else if (style == "paraphe") {
    Ellipse(p, x + w * 0.45, y + h * 0.5, w * 0.3, h * 0.4, pen, 0.2);
    p.Stroke(x, y + h * 0.75, x + w * 0.45, y + h * 0.5, pen).Stroke(x + w * 0.45, y + h * 0.5, x + w, y + h * 0.3, pen);
  } else {  // initials: two tall letters of a hand, "J" and "M", underlined
    p.Stroke(x + 4, y, x + 4, y + h * 0.8, pen).Stroke(x + 4, y + h * 0.8, x + 1, y + h * 0.7, pen);
    p.Stroke(x + 8, y + h * 0.8, x + 10, y, pen).Stroke(x + 10, y, x + 12, y + h * 0.5, pen);
    p.Stroke(x + 12, y + h * 0.5, x + 14, y, pen).Stroke(x + 14, y, x + 16, y + h * 0.8, pen);
    p.Stroke(x, y + h, x + w * 0.6, y + h * 0.9, pen);
  }
}

// The verdict over the zones of the first occurrence of `label`, as the
// reader combines them: signed in one zone is signed, blank in all is blank.
Signed Read(const OcrPage& page, const std::string& label) {
  const PageView v(page);
  const auto hits = FindLabel(v, label);
  EXPECT_FALSE(hits.empty()) << label;
  if (hits.empty()) return Signed::kUncertain;
  const auto zones = SignatureZones(v, hits.front().first, hits.front().last);
  EXPECT_FALSE(zones.empty());
  bool uncertain = zones.empty();
  for (const Box& z : zones) {
    const auto reading = ReadSignature(page.ink, z, PrintedWordBoxes(v), v.mm(), v.word_height());
    if (reading.verdict == Signed::kSigned) return Signed::kSigned;
    uncertain = uncertain || reading.verdict == Signed::kUncertain;
  }
  return uncertain ? Signed::kUncertain : Signed::kBlank;
}

// A small form: a line of text above, the label at (x, 100) mm, the zone
// below it drawn as `placement` (box, dotted, open), a printed row under it.
PageBuilder Form(const std::string& placement, double x = 110) {
  PageBuilder p;
  p.WithRaster();
  Printed(p, 20, 80, "Montant total des honoraires 45,60");
  Printed(p, x, 100, "Signature du patient");
  if (placement == "box") p.Rect(x, 102, 80, 22);
  if (placement == "dotted") {
    for (double dx = 2; dx < 78; dx += 1.2) p.Stroke(x + dx, 120, x + dx + 0.1, 120, 0.25);
  }
  Printed(p, x, 128, "Cadre réservé à l'organisme");
  return p;
}

TEST(Signature, EveryStyleOfSignatureInEveryPlacementIsSigned) {
  for (const std::string placement : {"box", "dotted", "open"}) {
    for (const std::string style : {"zigzag", "loops", "paraphe", "initials"}) {
      for (const double scale : {0.5, 1.0}) {
        PageBuilder p = Form(placement);
        Sign(p, style, 115, 106, 55 * scale, 14 * scale);
        EXPECT_EQ(Read(p.Build(), "Signature du patient"), Signed::kSigned) << placement << " " << style << " " << scale;
      }
    }
  }
}

TEST(Signature, AnEmptyZoneIsBlankWhateverItsPlacement) {
  for (const std::string placement : {"box", "dotted", "open"}) {
    PageBuilder p = Form(placement);
    EXPECT_EQ(Read(p.Build(), "Signature du patient"), Signed::kBlank) << placement;
  }
}

TEST(Signature, APrintedNameAloneIsNotASignature) {
  for (const std::string placement : {"box", "open"}) {
    PageBuilder p = Form(placement);
    Printed(p, 114, 110, "Dr Jean MARTIN");
    Printed(p, 114, 115, "Infirmier diplômé d'État");
    EXPECT_EQ(Read(p.Build(), "Signature du patient"), Signed::kBlank) << placement;
  }
}

// A stamp centred at (cx, cy) mm, tilted: a double rectangle or an oval
// around two lines of glyphs the OCR did not read.
void Stamp(PageBuilder& p, const std::string& frame, double cx, double cy, double tilt) {
  if (frame == "oval") {
    Ellipse(p, cx, cy, 22, 7, 0.5, tilt);
  } else {
    for (const double inset : {0.0, 0.8}) {
      const double hw = 20 - inset, hh = 6 - inset;
      const double c = std::cos(tilt), s = std::sin(tilt);
      const std::pair<double, double> corners[] = {{-hw, -hh}, {hw, -hh}, {hw, hh}, {-hw, hh}};
      for (int k = 0; k < 4; ++k) {
        const auto [ax, ay] = corners[k];
        const auto [bx, by] = corners[(k + 1) % 4];
        p.Stroke(cx + ax * c - ay * s, cy + ax * s + ay * c, cx + bx * c - by * s, cy + bx * s + by * c, 0.5);
      }
    }
  }
  for (int i = 0; i < 11; ++i) {  // glyphs: short strokes, two lines of text
    const double gx = cx - 12 + 2.2 * i;
    p.Stroke(gx, cy - 1.5, gx + 0.8, cy - 0.2, 0.3).Stroke(gx, cy + 0.5, gx + 1, cy + 2, 0.3);
  }
}

TEST(Signature, AStampAloneIsNotASignatureEvenUnreadByTheOcr) {
  // A tilted double frame and an oval, each around glyphs the OCR did not read.
  for (const std::string frame : {"rectangle", "oval"}) {
    PageBuilder p = Form("box");
    Stamp(p, frame, 140, 113, 0.15);
    EXPECT_EQ(Read(p.Build(), "Signature du patient"), Signed::kBlank) << frame;
    Sign(p, "loops", 166, 106, 22, 12);  // signed beside the stamp
    EXPECT_EQ(Read(p.Build(), "Signature du patient"), Signed::kSigned) << frame;
  }
}

// A stamp put down over the signature: the hand's strokes run into its
// frame and join it. The frame and what it holds are the stamp's; the
// strokes outside it are still the hand's.
TEST(Signature, ASignatureJoiningAStampIsSigned) {
  for (const std::string frame : {"rectangle", "oval"}) {
    for (const std::string style : {"zigzag", "loops"}) {
      PageBuilder p = Form("box");
      Stamp(p, frame, 150, 114, -0.12);
      Sign(p, style, 114, 105, 56, 14);
      EXPECT_EQ(Read(p.Build(), "Signature du patient"), Signed::kSigned) << frame << " " << style;
    }
  }
}

TEST(Signature, ASignatureOverAPrintedNameIsSigned) {
  PageBuilder p = Form("box");
  Printed(p, 114, 110, "Dr Jean MARTIN");
  Sign(p, "zigzag", 118, 108, 50, 14);
  EXPECT_EQ(Read(p.Build(), "Signature du patient"), Signed::kSigned);
}

TEST(Signature, AShortMarkIsUncertainNeverSigned) {
  PageBuilder p = Form("box");
  p.Stroke(130, 112, 135, 113, 0.5);
  const OcrPage page = p.Build();
  EXPECT_EQ(Read(page, "Signature du patient"), Signed::kUncertain);
}

TEST(Signature, TheHandMaySignRightOfItsLabelOrOverIt) {
  PageBuilder right;
  right.WithRaster();
  Printed(right, 20, 80, "Montant total des honoraires 45,60");
  Printed(right, 20, 100, "Signature du patient :");
  Sign(right, "paraphe", 90, 93, 45, 10);
  Printed(right, 20, 130, "Cadre réservé à l'organisme");
  EXPECT_EQ(Read(right.Build(), "Signature du patient"), Signed::kSigned);

  PageBuilder over;  // the label printed under the line signed on
  over.WithRaster();
  Printed(over, 20, 60, "Montant total des honoraires 45,60");
  over.Stroke(110, 95, 190, 95, 0.25);
  Sign(over, "loops", 115, 82, 50, 12);
  Printed(over, 110, 100, "Signature du patient");
  Printed(over, 20, 140, "Cadre réservé à l'organisme");
  EXPECT_EQ(Read(over.Build(), "Signature du patient"), Signed::kSigned);
}

TEST(Signature, TheZoneEndsAtTheNextPrintedElement) {
  // Two labels side by side: the practitioner's zone stops before the
  // patient's label; the patient's signature is not the practitioner's.
  PageBuilder p;
  p.WithRaster();
  Printed(p, 20, 100, "Signature du praticien");
  Printed(p, 110, 100, "Signature du patient");
  Sign(p, "zigzag", 115, 106, 60, 14);
  Printed(p, 20, 135, "Cadre réservé à l'organisme");
  const OcrPage page = p.Build();
  EXPECT_EQ(Read(page, "Signature du praticien"), Signed::kBlank);
  EXPECT_EQ(Read(page, "Signature du patient"), Signed::kSigned);
  // Ink under the next printed row is not in the zone.
  PageBuilder low = Form("open");
  Sign(low, "zigzag", 115, 126, 50, 14);
  EXPECT_EQ(Read(low.Build(), "Signature du patient"), Signed::kBlank);
}

TEST(Signature, NoRasterIsUncertain) {
  EXPECT_EQ(ReadSignature(GreyRaster{}, Box{0, 0, 100, 100}, {}, 11.8, 30).verdict, Signed::kUncertain);
}

}  // namespace
}  // namespace liasse::extractors::internal
