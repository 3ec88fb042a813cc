// Check boxes read by geometry (checkbox.h): frames of several sizes found
// beside their label on either side, ticks in several styles, empty boxes
// that stay empty and faint marks that go to a person.
#include "checkbox.h"

#include <vector>

#include <gtest/gtest.h>

#include "ink.h"
#include "labels.h"
#include "page_builder.h"
#include "page_view.h"

namespace liasse::extractors::internal {
namespace {

using testing::PageBuilder;

constexpr double kMm = 300 / 25.4;

Box Px(double x, double y, double w, double h) {
  return {static_cast<int>(x * kMm), static_cast<int>(y * kMm), static_cast<int>(w * kMm), static_cast<int>(h * kMm)};
}

// A label at (40, 50) mm, 3 mm high, 40 mm wide; the box `size` mm wide,
// its left edge at `box_x` mm, vertically centred on the label.
struct Scene {
  PageBuilder page;
  double x, y, size;
  Scene(double box_x, double size_mm) : x(box_x), y(48.5 - size_mm / 2), size(size_mm) {
    page.WithRaster().Text(40, 50, "impossibilité de signer").Rect(x, y, size, size);
  }
  Box Label() const { return Px(40, 47, 40, 3); }
};

// The boxes of the words the page prints (all read surely here).
std::vector<Box> Words(const OcrPage& page) {
  std::vector<Box> out;
  for (const auto& line : page.lines) {
    for (const auto& w : line.words) out.push_back(w.box);
  }
  return out;
}

Tick Read(const Scene& s) {
  const OcrPage page = s.page.Build();
  const auto frame = FindCheckbox(page.ink, s.Label(), s.Label(), 3 * kMm, Words(page));
  EXPECT_TRUE(frame.has_value());
  if (!frame) return Tick::kUncertain;
  return ReadCheckbox(page.ink, *frame).tick;
}

TEST(Checkbox, AnEmptyBoxOfAnySizeReadsEmpty) {
  for (double size : {2.5, 3.5, 5.0}) {
    Scene left(34, size);
    EXPECT_EQ(Read(left), Tick::kEmpty) << size;
    Scene right(83, size);
    EXPECT_EQ(Read(right), Tick::kEmpty) << size;
  }
}

TEST(Checkbox, AnXReadsTicked) {
  for (double size : {2.5, 3.5, 5.0}) {
    Scene s(34, size);
    const double m = size * 0.2;
    s.page.Stroke(s.x + m, s.y + m, s.x + size - m, s.y + size - m, 0.35).Stroke(s.x + size - m, s.y + m, s.x + m, s.y + size - m, 0.35);
    EXPECT_EQ(Read(s), Tick::kTicked) << size;
  }
}

TEST(Checkbox, ATickMarkReadsTicked) {
  Scene s(34, 3.5);
  s.page.Stroke(s.x + 0.7, s.y + 1.9, s.x + 1.5, s.y + 2.8, 0.4).Stroke(s.x + 1.5, s.y + 2.8, s.x + 2.9, s.y + 0.6, 0.4);
  EXPECT_EQ(Read(s), Tick::kTicked);
}

TEST(Checkbox, ATickOvershootingItsBoxIsFoundAndReadTicked) {
  // A check mark rising well above the box, a cross past its corners: the
  // piece of ink is no square, the frame inside it is.
  for (double size : {3.2, 4.0, 5.0}) {
    Scene mark(34, size);
    mark.page.Stroke(mark.x + 0.5, mark.y + size * 0.5, mark.x + size * 0.4, mark.y + size - 0.3, 0.45)
        .Stroke(mark.x + size * 0.4, mark.y + size - 0.3, mark.x + size + 0.8, mark.y - 2.5, 0.45);
    EXPECT_EQ(Read(mark), Tick::kTicked) << size;
    Scene cross(83, size);
    cross.page.Stroke(cross.x - 1.2, cross.y - 1.2, cross.x + size + 1.2, cross.y + size + 1.2, 0.4)
        .Stroke(cross.x + size + 1.2, cross.y - 1.2, cross.x - 1.2, cross.y + size + 1.2, 0.4);
    EXPECT_EQ(Read(cross), Tick::kTicked) << size;
  }
}

TEST(Checkbox, AFilledSquareReadsTicked) {
  Scene s(83, 3.5);
  for (double dy = 0.7; dy < 2.9; dy += 0.3) s.page.Stroke(s.x + 0.7, s.y + dy, s.x + 2.8, s.y + dy, 0.35);
  EXPECT_EQ(Read(s), Tick::kTicked);
}

TEST(Checkbox, AFaintSpeckIsUncertainNeverTicked) {
  Scene s(34, 5.0);
  s.page.Stroke(s.x + 2.0, s.y + 2.0, s.x + 2.6, s.y + 2.3, 0.3);
  const Tick t = Read(s);
  EXPECT_EQ(t, Tick::kUncertain);
}

TEST(Checkbox, NoFrameNearTheLabelIsNotFound) {
  PageBuilder p;
  p.WithRaster().Text(40, 50, "impossibilité de signer").Rect(150, 47, 3.5, 3.5);  // far away
  const OcrPage page = p.Build();
  EXPECT_FALSE(FindCheckbox(page.ink, Px(40, 47, 40, 3), Px(40, 47, 40, 3), 3 * kMm, Words(page)).has_value());
  EXPECT_FALSE(FindCheckbox(GreyRaster{}, Px(40, 47, 40, 3), Px(40, 47, 40, 3), 3 * kMm, {}).has_value());
}

TEST(Checkbox, ALetterOfTheLabelIsNoFrame) {
  // Ink of text-like strokes only: an "o" or an "l" is not a square with four sides.
  PageBuilder p;
  p.WithRaster().Stroke(34, 47, 34, 50, 0.3).Stroke(36, 47, 38, 50, 0.3);
  const OcrPage page = p.Build();
  EXPECT_FALSE(FindCheckbox(page.ink, Px(40, 47, 40, 3), Px(40, 47, 40, 3), 3 * kMm, Words(page)).has_value());
}

// Two letters of the label fused by the scan ("EN" of a monospace font:
// stem, top and bottom bars, the N's far stem and its diagonal) make a
// square piece with ink along its four sides, nearer the label than the
// box: it lies inside a printed word, so the empty box beside is read —
// never the letters' ink as a tick.
TEST(Checkbox, LettersFusedInsideALabelWordAreNoBoxTheEmptyBoxBesideIsRead) {
  for (double size : {3.2, 4.4}) {
    Scene s(83, size);
    const double x = 50, top = 47.4, w = 2.6, h = 2.2;
    s.page.Stroke(x, top, x, top + h, 0.3).Stroke(x, top, x + w, top, 0.3).Stroke(x, top + h, x + w, top + h, 0.3);
    s.page.Stroke(x + w, top, x + w, top + h, 0.3).Stroke(x + 1.3, top, x + w, top + h, 0.3).Stroke(x, top + h / 2, x + 1.0, top + h / 2, 0.3);
    const OcrPage page = s.page.Build();
    const auto frame = FindCheckbox(page.ink, s.Label(), s.Label(), 3 * kMm, Words(page));
    ASSERT_TRUE(frame.has_value()) << size;
    EXPECT_NEAR(frame->x, 83 * kMm, 0.5 * kMm) << size;
    EXPECT_EQ(ReadCheckbox(page.ink, *frame).tick, Tick::kEmpty) << size;
  }
}

// The box stands before the sentence its label ends ("[ ] Patient dans
// l'impossibilité de signer"), further from the label's words than four
// word heights: found beside the phrase, ticked or empty; a box beyond the
// next gap of the row is another field's.
TEST(Checkbox, TheBoxBeforeTheSentenceHoldingTheLabelIsFound) {
  for (const bool ticked : {false, true}) {
    PageBuilder p;
    p.WithRaster().Text(40, 50, "Patient dans l'impossibilité de signer").Rect(35, 46.5, 3.5, 3.5);
    if (ticked) p.Stroke(35.7, 47.2, 37.8, 49.3, 0.4).Stroke(37.8, 47.2, 35.7, 49.3, 0.4);
    const OcrPage page = p.Build();
    const PageView v(page);
    const auto hits = FindLabel(v, "impossibilité de signer");
    ASSERT_FALSE(hits.empty());
    const Box label = v.Cover({hits.front().first, hits.front().last});
    const Box phrase = CheckboxPhrase(v, hits.front().first, hits.front().last);
    EXPECT_LE(phrase.x, 40.5 * kMm);
    const auto frame = FindCheckbox(page.ink, label, phrase, v.word_height(), Words(page));
    ASSERT_TRUE(frame.has_value()) << ticked;
    EXPECT_NEAR(frame->x, 35 * kMm, 0.5 * kMm);
    EXPECT_EQ(ReadCheckbox(page.ink, *frame).tick, ticked ? Tick::kTicked : Tick::kEmpty);
  }
  PageBuilder far;  // the same sentence, its box beyond a wide blank: another field's
  far.WithRaster().Text(40, 50, "Patient dans l'impossibilité de signer").Text(10, 50, "ALD").Rect(3, 46.5, 3.5, 3.5);
  const OcrPage page = far.Build();
  const PageView v(page);
  const auto hits = FindLabel(v, "impossibilité de signer");
  ASSERT_FALSE(hits.empty());
  const Box phrase = CheckboxPhrase(v, hits.front().first, hits.front().last);
  EXPECT_GE(phrase.x, 39 * kMm);
}

}  // namespace
}  // namespace liasse::extractors::internal
