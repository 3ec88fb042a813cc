// Hand-made ink for the layout families: ticks in boxes, signatures and
// crossings-out, each in several styles (families.toml names them).
#pragma once

#include <string>
#include <vector>

#include "canvas.h"
#include "model.h"
#include "rng.h"

namespace liasse::synth {

// A square check box at (x, y) of side `size` (mm); ticked, it gets a mark
// of `style` (x, check, fill, scribble) that may overrun the border a little.
// An empty box is its border only: nothing is drawn inside it.
void TickBox(Canvas& c, Rng& rng, const std::string& style, double x, double y, double size, bool ticked);

// A signature in the w × h zone at (x, y): loops (Bézier loops), initials
// (the name in one of `hand_fonts` (sizes ignored), not part of the page text), zigzag
// (sharp strokes), paraphe (one large loop and a stroke through it).
void SignatureInk(Canvas& c, Rng& rng, const std::string& style, double x, double y, double w, double h,
                  const std::string& name, const std::vector<Font>& hand_fonts);

// Crosses out the text in the w × h zone whose top is y: strike (one or two
// lines through), scribble (a zigzag over), hatch (diagonal strokes),
// overwrite (`over` written on top in `hand`, a little offset, then struck
// once). What is written over is not part of the page text.
void CrossOut(Canvas& c, Rng& rng, const std::string& style, double x, double y, double w, double h,
              const std::string& over, const Font& hand);

// Crosses out some words of a drawn text `line` in `style` (as CrossOut;
// overwrite writes other digits over a number of the line when it has one),
// the strokes over the letters' x-height; returns the zone crossed (mm on
// the page, field "raturee"): every crossing the truth calls raturée lies
// on text.
// Records a crossing in the document's truth: `raturee` true with its zone
// (`zone_mm`: x, y, w, h in mm on the unrotated page of the document's first
// page), and in its ink zones.
void MarkCrossed(GenDoc& d, const InkZone& zone);

InkZone CrossOutWords(Canvas& c, Rng& rng, const std::string& style, const TextLine& line, const Font& hand);

}  // namespace liasse::synth
