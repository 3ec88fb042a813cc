// Character boxes found in rasters drawn by hand (the NIR of the feuille de
// soins is printed one character per box, in a group of 13 and one of 2).
#include "boxed_digits.h"

#include <gtest/gtest.h>

#include "page_builder.h"

namespace liasse::extractors::internal {
namespace {

using testing::PageBuilder;

constexpr double kMm = 300 / 25.4;

Box MmBox(double x, double y, double w, double h) {
  return {static_cast<int>(x * kMm), static_cast<int>(y * kMm), static_cast<int>(w * kMm), static_cast<int>(h * kMm)};
}

// `count` boxes 5 mm wide and 6 mm high from x (mm), each holding a
// digit-like stroke unless `empty_at` names it.
void DrawBoxes(PageBuilder& p, double x, int count, int empty_at = -1) {
  for (int i = 0; i < count; ++i) {
    const double left = x + 5 * i;
    p.Rect(left, 50, 5, 6);
    if (i != empty_at) p.Stroke(left + 2.5, 51.5, left + 2.5, 54.5, 0.4).Stroke(left + 1.5, 51.5, left + 3.5, 51.5, 0.4);
  }
}

TEST(BoxedDigits, ThirteenAndTwoBoxesGiveFifteenInteriorsLeftToRight) {
  PageBuilder p;
  p.WithRaster();
  DrawBoxes(p, 60, 13);
  DrawBoxes(p, 60 + 5 * 13 + 4, 2);
  const auto boxes = FindCharacterBoxes(p.Build().ink, MmBox(55, 45, 100, 16), kMm);
  ASSERT_EQ(boxes.size(), 15u);
  for (size_t i = 0; i + 1 < boxes.size(); ++i) EXPECT_LT(boxes[i].x, boxes[i + 1].x);
  // Each interior lies inside its printed box, clear of the rules.
  EXPECT_GT(boxes[0].x, MmBox(60, 0, 0, 0).x);
  EXPECT_LT(boxes[0].x + boxes[0].width, MmBox(65, 0, 0, 0).x);
  EXPECT_GT(boxes[0].y, MmBox(0, 50, 0, 0).y);
  EXPECT_LT(boxes[0].y + boxes[0].height, MmBox(0, 56, 0, 0).y);
}

TEST(BoxedDigits, AnEmptyBoxIsNotAnInterior) {
  PageBuilder p;
  p.WithRaster();
  DrawBoxes(p, 60, 13, 4);
  EXPECT_EQ(FindCharacterBoxes(p.Build().ink, MmBox(55, 45, 100, 16), kMm).size(), 12u);
}

TEST(BoxedDigits, PlainTextHasNoBoxes) {
  PageBuilder p;
  p.WithRaster().Stroke(60, 52, 60, 54.5, 0.4).Stroke(64, 52, 64, 54.5, 0.4).Stroke(68, 52, 68, 54.5, 0.4).Stroke(72, 52, 72, 54.5, 0.4);
  EXPECT_TRUE(FindCharacterBoxes(p.Build().ink, MmBox(55, 45, 100, 16), kMm).empty());
}

TEST(BoxedDigits, NoRasterNoBoxes) {
  EXPECT_TRUE(FindCharacterBoxes(GreyRaster{}, MmBox(55, 45, 100, 16), kMm).empty());
}

}  // namespace
}  // namespace liasse::extractors::internal
