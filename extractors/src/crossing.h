// Crossed-out text found by geometry: a stroke that runs along a text
// line through the middle of its letters (a strike, a scribble's bar, a
// hatch) where print and handwriting leave the spaces between words blank
// and make no long straight stroke at mid-height. Underlines, rules and
// frames lie above or below the middle of a line and are not measured.
// Internal.
#pragma once

#include <vector>

#include "liasse/extractors/ocr_input.h"
#include "page_view.h"

namespace liasse::extractors::internal {

// One text line: the page boxes of its words, left to right.
struct TextLine {
  std::vector<Box> words;
  // The words read surely, that place the line's middle and its letter
  // height (specks read as words do not); empty: all the words.
  std::vector<Box> anchors;
  // The OCR's boxes of the line twice as tall as the page's words or more
  // (a line read slanted, its boxes the whole line's height): where the
  // middle of its letters runs is a guess, a crossing there a doubt.
  bool tall = false;
  // A row holding one word only, read unsurely (a short line struck or
  // written over, read as one word): measured for a stroke along that word
  // alone (`struck_word`), never for the measures between words.
  bool single = false;
};

// The text lines of a page: rows of words of text height, two of them
// read surely or three holding letters however badly (a struck line is the
// one the OCR reads worst; a signature gives one or two marks), and rows
// holding one word alone read unsurely, seven tenths of the page's word
// height or more (`single`).
std::vector<TextLine> TextLines(const PageView& view);

enum class Crossed { kClean, kCrossed, kUncertain };

struct CrossingReading {
  Crossed verdict = Crossed::kUncertain;
  double run_mm = 0;     // the longest mid-height stroke of a line, mm
  int crossed_gaps = 0;  // spaces between words filled at mid-height, on that line
  Box zone;              // the line that decided (page pixels); empty when clean
  // The widest word the OCR read unsurely that a straight stroke at the
  // middle of its letters runs along from end to end (nine tenths of its
  // width), in its line's letter heights, and its box: words struck or scribbled over that the OCR read
  // as one with their neighbour or their correction, where no space
  // between words is filled. Print breaks the middle of a word between its
  // letters, but bold digits touching and a form's boxed cells do not:
  // the caller weighs it (0 and empty when none).
  double struck_word = 0;
  Box struck_zone;
  // The densest stretch a letter height wide over a word read unsurely, as
  // a multiple of the dark share of its line's words read surely (digits
  // written over digits in a bolder pen, with their stroke, darken a
  // stretch of one font's line), and its box: the caller weighs it (0 and
  // empty when none, or its line has fewer than two words read surely).
  double dense = 0;
  Box dense_zone;
};

// Measures each line of `lines` in `raster` (0 = black; `mm` pixels per
// mm): the spaces between its words that a thin stroke fills at the middle
// of the letters, the stretches along an unbroken run of middle ink where
// that thin stroke is all a column holds (in a space or past the line's
// ends; a letter's bar is no space), the run's length, and the longest
// straight stroke through the letters' middle that runs through a space
// between surely read words or past the line's ends. Two filled spaces,
// one with two such stretches, a run of twelve letter heights or a
// straight stroke of four (a strike, over print or a joined hand) is
// crossed; weaker evidence is uncertain (a person looks), but two such
// stretches in a run under three letter heights are print's dashes (a
// date's "05-02-1969"), clean; a line filling
// a blank wider than four letter heights is a rule, uncertain at most, and
// so is a crossing on a `tall` line. The
// page takes its worst line; three lines or more marked are a ruled page,
// uncertain at most. Off the lines, between a read line and the next (a
// struck short line the OCR read nothing of): a straight stroke through
// letters (ink above and below it along a third of it, or three tenths
// when twelve letter heights long; stems crossed, but not along most of
// it: a stamp's thick frame) of four letter heights is crossed, of three
// a doubt; inside a `tall` line (searched with the
// page's letter height) one of four is a doubt. Uncertain when the raster
// is empty.
CrossingReading FindCrossing(const GreyRaster& raster, const std::vector<TextLine>& lines, double mm);

}  // namespace liasse::extractors::internal
