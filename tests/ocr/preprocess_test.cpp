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

}  // namespace
}  // namespace liasse::ocr
