// Ink detectors on rasters drawn by hand: signature zones, check boxes,
// crossed-out text.
#include "ink.h"

#include <gtest/gtest.h>

#include "page_builder.h"

namespace liasse::extractors::internal {
namespace {

using testing::PageBuilder;

Box MmBox(double x, double y, double w, double h) {
  const double mm = 300 / 25.4;
  return {static_cast<int>(x * mm), static_cast<int>(y * mm), static_cast<int>(w * mm), static_cast<int>(h * mm)};
}

TEST(Ink, AnEmptyFramedZoneHasNoSignature) {
  PageBuilder p;
  p.WithRaster().Rect(20, 20, 80, 24);
  const auto v = SignatureIn(p.Build().ink, MmBox(22, 22, 76, 20));
  ASSERT_TRUE(v.has_value());
  EXPECT_FALSE(v->present);
  EXPECT_GT(v->confidence, 0.9);
}

TEST(Ink, AFewPenStrokesAreASignature) {
  PageBuilder p;
  p.WithRaster().Rect(20, 20, 80, 24).Stroke(30, 35, 50, 28, 0.4).Stroke(50, 28, 70, 38, 0.4).Stroke(70, 38, 85, 30, 0.4);
  const auto v = SignatureIn(p.Build().ink, MmBox(22, 22, 76, 20));
  ASSERT_TRUE(v.has_value());
  EXPECT_TRUE(v->present);
}

TEST(Ink, ACrossInABoxIsATick) {
  PageBuilder p;
  p.WithRaster().Rect(50, 50, 3.5, 3.5).Stroke(50.5, 50.5, 53, 53, 0.45).Stroke(53, 50.5, 50.5, 53, 0.45);
  const auto ticked = CheckboxTicked(p.Build().ink, MmBox(50.75, 50.75, 2, 2));
  ASSERT_TRUE(ticked.has_value());
  EXPECT_TRUE(ticked->present);
  PageBuilder empty;
  empty.WithRaster().Rect(50, 50, 3.5, 3.5);
  EXPECT_FALSE(CheckboxTicked(empty.Build().ink, MmBox(50.75, 50.75, 2, 2))->present);
}

TEST(Ink, AStrikeLineThroughTextIsACrossingOut) {
  PageBuilder p;
  p.WithRaster();
  // "Handwriting": short strokes with gaps, on two lines.
  for (double x = 30; x < 170; x += 4) p.Stroke(x, 60, x + 2.5, 57, 0.35).Stroke(x, 67, x + 2, 64, 0.35);
  const Box band = MmBox(25, 52, 160, 20);
  EXPECT_FALSE(CrossedOut(p.Build().ink, band, 300 / 25.4)->present);
  p.Stroke(50, 59, 95, 60.5, 0.5);  // the strike line of a "raturée" prescription
  EXPECT_TRUE(CrossedOut(p.Build().ink, band, 300 / 25.4)->present);
}

TEST(Ink, NoRasterMeansNoVerdict) {
  EXPECT_FALSE(SignatureIn(GreyRaster{}, MmBox(0, 0, 10, 10)).has_value());
  EXPECT_FALSE(CrossedOut(GreyRaster{}, MmBox(0, 0, 10, 10), 11.8).has_value());
}

}  // namespace
}  // namespace liasse::extractors::internal
