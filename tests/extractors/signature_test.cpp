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
#include "ink_drawing.h"
#include "page_builder.h"

namespace liasse::extractors::internal {
namespace {

using testing::Ellipse;
using testing::PageBuilder;
using testing::Printed;
using testing::Sign;

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

TEST(Signature, ATickedBoxUnderTheZoneIsNoSignature) {
  // The box of "impossibilité de signer" just under the open zone, its
  // tick rising into it; the zone ends at the box's phrase.
  for (const double size : {3.2, 4.5}) {
    PageBuilder p;
    p.WithRaster();
    Printed(p, 20, 80, "Montant total des honoraires 45,60");
    Printed(p, 110, 100, "Signature du patient");
    p.Rect(110, 127 - size, size, size);
    p.Stroke(110.5, 127 - size / 2, 110 + size * 0.4, 126.7, 0.45).Stroke(110 + size * 0.4, 126.7, 110 + size + 0.8, 127 - size - 2.5, 0.45);
    Printed(p, 116, 127, "Patient dans l'impossibilité de signer");
    EXPECT_EQ(Read(p.Build(), "Signature du patient"), Signed::kBlank) << size;
  }
}

// The frame round the place to sign ends it: under the frame, a ticked
// box and its phrase that the OCR read too badly to count as printed
// matter are no signature (the zone once ran on to them: a blank patient
// zone read signed beside "impossibilité de signer" ticked).
TEST(Signature, TheFrameRoundThePlaceEndsItBeforeABadlyReadBoxBelow) {
  for (const double frame_h : {18.0, 24.0}) {
    for (const bool signed_ : {false, true}) {
      PageBuilder p;
      p.WithRaster();
      Printed(p, 20, 80, "Montant total des honoraires 45,60");
      Printed(p, 110, 100, "Signature du patient");
      p.Rect(110, 102, 80, frame_h);
      const double box_y = 102 + frame_h + 4;
      p.Stroke(110, box_y, 114, box_y + 4, 0.4).Stroke(114, box_y, 110, box_y + 4, 0.4);
      p.Rect(110, box_y, 4, 4);
      const std::string phrase = "IMPOSSIBILITE DE SIGNER";
      p.Text(116, box_y + 3.5, "lMP0SSlBlLlTE", 12, 3).Text(140, box_y + 3.5, "DE", 55, 3).Text(146, box_y + 3.5, "5lGNER", 20, 3);
      for (size_t i = 0; i < phrase.size(); ++i) {
        if (phrase[i] == ' ') continue;
        const double cx = 116 + 1.65 * static_cast<double>(i);
        p.Stroke(cx + 0.3, box_y + 1, cx + 0.3, box_y + 3.4, 0.3).Stroke(cx + 0.3, box_y + 2.2, cx + 1.2, box_y + 2.2, 0.25);
      }
      if (signed_) Sign(p, "loops", 115, 106, 50, frame_h - 8);
      EXPECT_EQ(Read(p.Build(), "Signature du patient"), signed_ ? Signed::kSigned : Signed::kBlank)
          << frame_h << " " << signed_;
    }
  }
}

// A stamp put down over the frame round the place to sign, part of it
// under the frame's bottom: the zone ends at that rule and cuts the
// stamp's frames open. Cut by the zone, the frames are still a stamp's
// and what they hold is printed matter; a hand signing beside is still
// the hand's.
TEST(Signature, AStampCutByTheFrameRoundThePlaceIsNotASignature) {
  for (const std::string frame : {"rectangle", "oval"}) {
    for (const double tilt : {-0.14, 0.2}) {
      PageBuilder p;
      p.WithRaster();
      Printed(p, 20, 80, "Montant total des honoraires 45,60");
      Printed(p, 110, 100, "Signature du praticien");
      p.Rect(110, 102, 80, 22);
      Stamp(p, frame, 140, 121.5, tilt);
      Printed(p, 20, 140, "Cadre réservé à l'organisme");
      EXPECT_EQ(Read(p.Build(), "Signature du praticien"), Signed::kBlank) << frame << " " << tilt;
      Sign(p, "loops", 163, 104, 24, 10);
      EXPECT_EQ(Read(p.Build(), "Signature du praticien"), Signed::kSigned) << frame << " " << tilt;
    }
  }
}

// Under an open place to sign, the next printed row is a check box's
// phrase with the box ticked right of it, the box a good deal taller than
// the page's small print: its top rises into the zone, cut by the zone's
// lower edge. The box and its tick stand under the zone: no signature.
TEST(Signature, ATickedBoxLargerThanThePrintCutByTheZoneIsNoSignature) {
  for (const double size : {5.0, 6.5, 8.0}) {
    PageBuilder p;
    p.WithRaster();
    Printed(p, 20, 80, "Montant total des honoraires 45,60", 2.2);
    Printed(p, 110, 100, "Le patient :", 2.2);
    Printed(p, 110, 130, "Ne peut signer :", 2.2);
    const double bx = 130, by = 130.5 - size;
    p.Rect(bx, by, size, size);
    p.Stroke(bx, by, bx + size, by + size, 0.3).Stroke(bx + size, by, bx, by + size, 0.3);
    EXPECT_EQ(Read(p.Build(), "Le patient"), Signed::kBlank) << size;
    Sign(p, "zigzag", 115, 105, 50, 12);
    EXPECT_EQ(Read(p.Build(), "Le patient"), Signed::kSigned) << size;
  }
}

// Right of its label, the place to sign rises into the row above, where a
// value written by hand (the total, the OCR unable to read it) stands:
// the feet of its figures, cut by the zone's upper edge, run on above it
// and are that value's, not a signature. A hand signing there still signs.
TEST(Signature, TheFeetOfAValueOnTheRowAboveAreNoSignature) {
  for (const double top : {89.0, 89.8}) {
    PageBuilder p;
    p.WithRaster();
    Printed(p, 20, 70, "Montant total des honoraires", 2.2);
    Printed(p, 100, 93.5, "Somme totale :", 2.2);
    p.Text(140, 93.5, "u8.75S", 14, 3.5);
    for (int k = 0; k < 5; ++k) {  // figures in a hand-like font, taller than the print
      const double gx = 140 + 2.8 * k;
      p.Stroke(gx, top, gx, 93.5, 0.45).Stroke(gx + 1.8, top, gx + 1.8, 93.5, 0.45).Stroke(gx, 93.5, gx + 1.8, 93.5, 0.45);
    }
    Printed(p, 20, 101, "Le praticien :", 2.2);
    Printed(p, 110, 101, "Le patient :", 2.2);
    Printed(p, 20, 150, "Cadre réservé à l'organisme", 2.2);
    EXPECT_EQ(Read(p.Build(), "Le patient"), Signed::kBlank) << top;
    Sign(p, "paraphe", 128, 95, 40, 9);
    EXPECT_EQ(Read(p.Build(), "Le patient"), Signed::kSigned) << top;
  }
}

// A word printed above the place to sign and read surely, but its OCR box
// drawn taller than its glyphs (a bold word, the box run into the space
// under it): its ink is of print height, so it is printed matter.
TEST(Signature, ASurePrintedWordInATallOcrBoxIsNoSignature) {
  for (const double box_mm : {5.0, 6.5}) {
    PageBuilder p;
    p.WithRaster();
    Printed(p, 20, 80, "Montant total des honoraires 45,60");
    p.Text(45, 91 + box_mm - 3, "Total", 97, box_mm);  // box from the glyphs' top down past the baseline
    for (int k = 0; k < 5; ++k) {
      const double cx = 45 + 1.9 * k;
      p.Stroke(cx + 0.3, 88.4, cx + 0.3, 91, 0.4).Stroke(cx + 0.3, 89.6, cx + 1.4, 89.6, 0.35);
    }
    Printed(p, 20, 100, "Signature du praticien");
    Printed(p, 110, 100, "Signature du patient");
    Printed(p, 20, 135, "Cadre réservé à l'organisme");
    EXPECT_EQ(Read(p.Build(), "Signature du praticien"), Signed::kBlank) << box_mm;
  }
}

TEST(Signature, NoRasterIsUncertain) {
  EXPECT_EQ(ReadSignature(GreyRaster{}, Box{0, 0, 100, 100}, {}, 11.8, 30).verdict, Signed::kUncertain);
}

}  // namespace
}  // namespace liasse::extractors::internal
