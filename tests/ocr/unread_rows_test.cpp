// Rows of text-like ink the page recognition left without a word
// (ocr/src/unread_rows.h), on pixel patterns of a 300 dpi page.
#include "unread_rows.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

namespace liasse::ocr {
namespace {

constexpr int kPerMm = 12;  // ~11.8 pixels a millimetre at 300 dpi

PixPtr BlankPage() {
  PixPtr pix(pixCreate(2400, 1200, 1));
  pixSetResolution(pix.get(), 300, 300);
  return pix;
}

void Ink(Pix* pix, int x, int y, int w, int h) { pixRasterop(pix, x, y, w, h, PIX_SET, nullptr, 0, 0); }

// `n` letters 2 mm wide and 3 mm high, 1 mm apart, from (x, y): a word.
void Letters(Pix* pix, int x, int y, int n) {
  for (int i = 0; i < n; ++i) Ink(pix, x + i * 3 * kPerMm, y, 2 * kPerMm, 3 * kPerMm);
}

Block WordAt(int x, int y, int w, int h) { return {{x, y, w, h}, {{{x, y, w, h}, {{"mot", {x, y, w, h}, 90}}}}}; }

TEST(UnreadRows, ARowOfLettersNoWordCoversIsFound) {
  PixPtr page = BlankPage();
  Letters(page.get(), 300, 400, 5);
  Letters(page.get(), 300 + 5 * 3 * kPerMm + 4 * kPerMm, 400, 4);  // a second word 5 mm further
  const std::vector<Box> rows = UnreadTextRows(page.get(), {});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_LE(rows[0].x, 300);
  EXPECT_GE(rows[0].x + rows[0].width, 300 + 14 * kPerMm + 4 * kPerMm + 3 * 3 * kPerMm + 2 * kPerMm);
  EXPECT_LE(rows[0].y, 400);
  EXPECT_GE(rows[0].y + rows[0].height, 400 + 3 * kPerMm);
}

TEST(UnreadRows, LettersARecognisedWordCoversAreNotUnread) {
  PixPtr page = BlankPage();
  Letters(page.get(), 300, 400, 5);
  EXPECT_TRUE(UnreadTextRows(page.get(), {WordAt(300, 400, 14 * kPerMm, 3 * kPerMm)}).empty());
  Letters(page.get(), 300, 800, 5);  // the same word on another row, not read
  EXPECT_EQ(UnreadTextRows(page.get(), {WordAt(300, 400, 14 * kPerMm, 3 * kPerMm)}).size(), 1u);
}

TEST(UnreadRows, RulesFramesTicksAndScribblesAreNotText) {
  PixPtr page = BlankPage();
  Ink(page.get(), 100, 300, 2000, 3);                    // a table rule
  Ink(page.get(), 100, 300, 3, 600);                     // a column rule
  Ink(page.get(), 600, 500, 5 * kPerMm, 4);              // a check box's frame
  Ink(page.get(), 600, 500 + 5 * kPerMm, 5 * kPerMm, 4);
  Ink(page.get(), 600, 500, 4, 5 * kPerMm);
  Ink(page.get(), 600 + 5 * kPerMm, 500, 4, 5 * kPerMm + 4);
  Ink(page.get(), 610, 510, 2 * kPerMm, 3 * kPerMm);     // its tick
  Ink(page.get(), 1200, 500, 30 * kPerMm, 15 * kPerMm);  // a signature's loop, taller than writing
  for (int x = 200; x < 1500; x += kPerMm) Ink(page.get(), x, 1000, 3, 3);  // dots and specks
  EXPECT_TRUE(UnreadTextRows(page.get(), {}).empty());
}

TEST(UnreadRows, TwoLettersAreNoRow) {
  PixPtr page = BlankPage();
  Letters(page.get(), 300, 400, 2);
  EXPECT_TRUE(UnreadTextRows(page.get(), {}).empty());
}

TEST(UnreadRows, ALineReadWithConfidenceIsTextAScribbleReadIsNot) {
  const Line text{{}, {{"BARBIER", {}, 91}, {"Hugo", {}, 70}}};
  const Line scribble{{}, {{"~", {}, 40}, {"al", {}, 35}}};
  const Line punctuation{{}, {{"-", {}, 95}, {".", {}, 95}}};
  EXPECT_TRUE(LooksLikeText(text));
  EXPECT_FALSE(LooksLikeText(scribble));
  EXPECT_FALSE(LooksLikeText(punctuation));
}

}  // namespace
}  // namespace liasse::ocr
