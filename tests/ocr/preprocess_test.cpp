// The washed-out test that decides whether a page's grey levels are
// stretched before binarisation (ocr/src/preprocess.h), on pixel patterns.
#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include "preprocess.h"

namespace liasse::ocr {
namespace {

// A 400 x 400 page of `paper` with 4 % of its pixels at `ink` (text strokes)
// and, when `edges`, 4 % at the level half-way (anti-aliased stroke edges).
PixPtr Page(int ink, int paper, bool edges = true) {
  PixPtr pix(pixCreate(400, 400, 8));
  pixSetAllGray(pix.get(), paper);
  for (int y = 0; y < 400; y += 5) {
    for (int x = 0; x < 400; x += 5) {
      pixSetPixel(pix.get(), x, y, static_cast<l_uint32>(ink));
      if (edges) pixSetPixel(pix.get(), x + 1, y, static_cast<l_uint32>((ink + paper) / 2));
    }
  }
  return pix;
}

TEST(Preprocess, GreyInkOnDullPaperIsWashedOut) {
  const ContrastLevels levels = MeasureContrast(Page(118, 200).get());
  EXPECT_EQ(levels.ink, 118);
  EXPECT_EQ(levels.paper, 200);
  EXPECT_TRUE(levels.washed_out());
}

TEST(Preprocess, InkWithin130LevelsOfThePaperIsNotStretched) {
  EXPECT_FALSE(MeasureContrast(Page(97, 230).get()).washed_out());
  EXPECT_TRUE(MeasureContrast(Page(105, 230).get()).washed_out());
}

TEST(Preprocess, ABilevelPageWithGreyEdgesHasBlackInkAndIsNotWashedOut) {
  // A fax page after deskewing: black strokes, their edges grey from the rotation.
  const ContrastLevels levels = MeasureContrast(Page(0, 255).get());
  EXPECT_TRUE(levels.has_black);
  EXPECT_FALSE(levels.washed_out());
}

TEST(Preprocess, PepperSpecksDoNotCountAsBlackInk) {
  PixPtr pix = Page(118, 200);
  for (int i = 0; i < 200; ++i) pixSetPixel(pix.get(), (i * 37) % 400, (i * 91) % 400 + 2, 0);  // 0.125 %
  const ContrastLevels levels = MeasureContrast(pix.get());
  EXPECT_FALSE(levels.has_black);
  EXPECT_TRUE(levels.washed_out());
}

TEST(Preprocess, ASparsePageOnGrainyPaperIsNotWashedOut) {
  // Paper 252 with 2 % grain at 242 and a few black strokes (0.13 %, fewer
  // than pepper's share): the darkest half-percent is grain, not ink.
  PixPtr pix(pixCreate(400, 400, 8));
  pixSetAllGray(pix.get(), 252);
  for (int y = 3; y < 400; y += 7) {
    for (int x = 3; x < 400; x += 7) pixSetPixel(pix.get(), x, y, 242);
  }
  for (int x = 100; x < 308; ++x) pixSetPixel(pix.get(), x, 200, 0);
  const ContrastLevels levels = MeasureContrast(pix.get());
  EXPECT_FALSE(levels.has_black);
  EXPECT_EQ(levels.ink, 242);
  EXPECT_FALSE(levels.washed_out());
}

// A blank two-level page of 300 dpi (11.8 pixels per mm).
PixPtr BilevelPage(int width = 1200, int height = 400) {
  PixPtr pix(pixCreate(width, height, 1));
  pixSetResolution(pix.get(), 300, 300);
  return pix;
}

void Ink(Pix* pix, int x, int y, int w, int h) { pixRasterop(pix, x, y, w, h, PIX_SET, nullptr, 0, 0); }

l_int32 InkIn(Pix* pix, int x, int y, int w, int h) {
  Box* box = boxCreate(x, y, w, h);
  l_int32 count = 0;
  pixCountPixelsInRect(pix, box, &count, nullptr);
  boxDestroy(&box);
  return count;
}

TEST(DottedLines, ARowOfDotsUnderAWordIsHiddenAndTheWordKept) {
  PixPtr page = BilevelPage();
  Ink(page.get(), 200, 100, 30, 45);  // a letter standing on the line
  Ink(page.get(), 240, 100, 30, 45);
  for (int x = 100; x < 1100; x += 12) Ink(page.get(), x, 150, 3, 3);  // 84 mm of dots 1 mm apart
  PixPtr out = WithoutDottedLines(page.get());
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(InkIn(out.get(), 100, 148, 1000, 8), 0);
  EXPECT_EQ(InkIn(out.get(), 200, 100, 70, 45), 2 * 30 * 45);
  EXPECT_GT(InkIn(page.get(), 100, 148, 1000, 8), 0);  // the page itself is left as it was
}

TEST(DottedLines, ADashedLineUnderAWordIsHidden) {
  PixPtr page = BilevelPage();
  Ink(page.get(), 300, 160, 30, 35);
  for (int x = 100; x < 700; x += 24) Ink(page.get(), x, 200, 14, 3);  // dashes 1.2 mm long, 0.8 mm apart
  PixPtr out = WithoutDottedLines(page.get());
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(InkIn(out.get(), 0, 198, 1200, 8), 0);
}

TEST(DottedLines, TheBlankTailOfALineWrittenOnGoesWithIt) {
  // The scan lost the dots for 4 mm after the value: the tail is still the
  // same fill-in line, not a leader.
  PixPtr page = BilevelPage();
  Ink(page.get(), 120, 100, 200, 45);                                 // the value
  for (int x = 100; x < 400; x += 12) Ink(page.get(), x, 150, 3, 3);  // under it
  for (int x = 448; x < 1100; x += 12) Ink(page.get(), x, 150, 3, 3); // its tail
  PixPtr out = WithoutDottedLines(page.get());
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(InkIn(out.get(), 100, 148, 1000, 8), 0);
}

TEST(DottedLines, ALeaderBetweenALabelAndItsValueStays) {
  // "NOM ........ : MERCIER": nothing stands on the dots.
  PixPtr page = BilevelPage();
  Ink(page.get(), 100, 110, 120, 35);  // the label
  for (int x = 240; x < 800; x += 12) Ink(page.get(), x, 142, 3, 3);
  Ink(page.get(), 820, 110, 200, 35);  // the value
  EXPECT_EQ(WithoutDottedLines(page.get()), nullptr);
}

TEST(DottedLines, PeriodsOfTextAndAShortRunOfDotsAreNoLine) {
  PixPtr page = BilevelPage();
  for (int x = 100; x < 1100; x += 60) {
    Ink(page.get(), x, 100, 30, 45);       // a word's letters 5 mm apart...
    Ink(page.get(), x + 40, 142, 4, 4);    // ...each followed by a period
  }
  for (int x = 100; x < 160; x += 12) Ink(page.get(), x, 300, 3, 3);  // "....." 5 mm long
  EXPECT_EQ(WithoutDottedLines(page.get()), nullptr);
}

TEST(DottedLines, ADotJoinedToALetterStaysWithIt) {
  PixPtr page = BilevelPage();
  for (int x = 100; x < 1100; x += 12) Ink(page.get(), x, 150, 3, 3);
  Ink(page.get(), 200, 100, 30, 45);  // a word written on the line...
  Ink(page.get(), 240, 100, 30, 45);
  Ink(page.get(), 400, 110, 6, 43);   // ...and a descender down to it: one mark with its dot
  PixPtr out = WithoutDottedLines(page.get());
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(InkIn(out.get(), 400, 110, 6, 43), 6 * 43);
  EXPECT_EQ(InkIn(out.get(), 100, 148, 280, 8), 0);
}

TEST(DottedLines, AGreyPageIsNotTouched) {
  PixPtr grey(pixCreate(100, 100, 8));
  EXPECT_EQ(WithoutDottedLines(grey.get()), nullptr);
}

}  // namespace
}  // namespace liasse::ocr
