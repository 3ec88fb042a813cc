// Drawing helpers shared by the document renderers: letterheads, label /
// value pairs, ruled tables, the NIR in boxes.
#pragma once

#include <string>
#include <vector>

#include "canvas.h"
#include "model.h"

namespace liasse::synth {

struct Column {
  std::string header;
  double width;
  bool right = false;
};

// Draws a table; `style` 0 = fully ruled with a grey header, 1 = header
// underline and light row separators, 2 = no rules (software listing).
// Returns the y below the table.
double DrawTable(Canvas& c, double x, double y, const std::vector<Column>& cols,
                 const std::vector<std::vector<std::string>>& rows, const Font& head, const Font& body,
                 int style, double row_h = 6.5);

// "Label : value" with the value in `value_font`; returns the x after the value.
double LabelValue(Canvas& c, double x, double y, const std::string& label, const std::string& value,
                  const Font& label_font, const Font& value_font);

// A practice or company letterhead at the top of the page: name, address,
// phone, and the identifier line when given. `style` picks a layout.
// Returns the y below it.
double Letterhead(Canvas& c, Rng& rng, int style, const std::string& name, const std::string& subtitle,
                  const Address& a, const std::string& phone, const std::string& id_line);

// The 15 NIR characters in 13 + 2 boxes (form style) at (x, y top).
void NirBoxes(Canvas& c, double x, double y, const std::string& nir, const Font& font);
// "2 85 07 75 115 042 38": the printed spacing of a NIR.
std::string SpacedNir(const std::string& nir);

}  // namespace liasse::synth
