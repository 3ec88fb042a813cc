// Ink detectors on rasters drawn by hand: crossed-out text (signatures:
// signature_test.cpp; check boxes: checkbox_test.cpp).
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
  EXPECT_FALSE(CrossedOut(GreyRaster{}, MmBox(0, 0, 10, 10), 11.8).has_value());
}

}  // namespace
}  // namespace liasse::extractors::internal
