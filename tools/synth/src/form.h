// The form engine of layout families 1…N: one document's look (fonts,
// wordings, placement, ink styles drawn once for it) and the drawing of
// labelled fields, section headings, tables and letterheads in that look.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "canvas.h"
#include "family.h"
#include "model.h"

namespace liasse::synth {

// The family of the next document of `type`: drawn from the context's family
// stream among the families allowed (0, the historical drawing, for every
// type but coupon_email; 1…N for the types of families.toml). -1 when no
// allowed family draws `type`. Types no family draws are always family 0.
int PickFamily(Context& ctx, const std::string& type);

// A one-page document of `type` drawn in `family`, its truth still empty.
GenDoc NewFamilyDoc(const Context& ctx, const std::string& type, int family);
// The same among families 1…N only (what family 0 cannot draw: crossed-out
// feuilles, coupons); -1 when none is allowed.
int PickNewFamily(Context& ctx, const std::string& type);
// Whether some family 1…N that draws `type` is allowed (draws nothing).
bool HasNewFamily(const Context& ctx, const std::string& type);

// How one document of a family looks; every choice is drawn once from the
// context's stream when it is made.
struct Look {
  const FamilyStyle* style = nullptr;
  const Vocabulary* words = nullptr;
  std::string type;
  int family = 0;
  Font label, value, title, small, hand;
  std::vector<Font> hand_fonts;  // every hand font of the family (signatures)
  bool hand_filled = false;  // the values are written by hand
  bool dotted_fill = true;   // dotted placement: a dotted line to fill in, else a thin rule
  std::string tick, signature, crossing, date_format, amount_format;

  // A wording of `slot` for this type and family, drawn from the vocabulary,
  // in the family's case and with its colon. Throws std::logic_error when the
  // vocabulary has none (a data file bug).
  std::string Label(Rng& rng, const std::string& slot) const;
  // The same without case change or colon (titles, phrases, values).
  std::string Word(Rng& rng, const std::string& slot) const;
  // A date in the document's format; birth dates always with four digits.
  std::string DateText(Date d, bool birth = false) const;
  std::string AmountText(Money m) const;
  // The font values are written in: the hand font when hand-filled.
  Font ValueFont(bool by_hand) const { return by_hand && hand_filled ? hand : value; }
};

Look MakeLook(Context& ctx, int family, const std::string& type, bool may_be_hand_filled);

// One labelled value of a form row.
struct Field {
  std::string slot;         // wording slot of the label
  std::string value;        // as printed; empty leaves the space blank
  double share = 1;         // part of the row's width
  bool by_hand = true;      // written by hand when the document is hand-filled
  bool nir_boxes = false;   // the 15 characters in boxes (value: 15 characters or blank)
};

// Draws rows of fields in the look's placement from (x, y) over `width`;
// returns the y below the last row.
double DrawFields(Canvas& c, Rng& rng, const Look& look, double x, double y, double width,
                  const std::vector<std::vector<Field>>& rows);

// A section heading; returns the y below it.
double DrawSection(Canvas& c, Rng& rng, const Look& look, double x, double y, double width, const std::string& slot);

struct TableColumn {
  std::string slot;  // header wording slot
  bool right = false;
};

// Where a drawn table's columns are (x from, x to), by slot, and its bottom.
struct TableGeometry {
  double bottom = 0;
  double row_h = 0;
  std::vector<double> row_tops;  // y of each row's top, in row order
  std::map<std::string, std::pair<double, double>> columns;
};

// A table in the family's rules; the columns are shuffled when the family
// shuffles (the rows follow). Rows shrink (down to 4 mm) to keep the table
// within `max_height`. `by_hand`: cells written in the hand font.
TableGeometry DrawFamilyTable(Canvas& c, Rng& rng, const Look& look, double x, double y, double width,
                              std::vector<TableColumn> cols, std::vector<std::vector<std::string>> rows,
                              double max_height, bool by_hand);

// A letterhead (name, subtitle, address, phone, identifier lines) in one of
// three arrangements; returns the y below it.
double FamilyLetterhead(Canvas& c, Rng& rng, const Look& look, const std::string& name, const std::string& subtitle,
                        const Address& a, const std::string& phone, const std::vector<std::string>& id_lines);

// The largest size ≤ font's at which `text` fits in `width` (down to 6 pt).
Font FitFont(Canvas& c, const std::string& text, Font font, double width);

// The first letter of a name (one UTF-8 character: "É" of "Éric").
std::string FirstLetter(const std::string& name);

// "06 12 34 56 78" printed as "06.12.34.56.78" or "0612345678" (or kept).
std::string PhoneText(Rng& rng, const std::string& spaced);

}  // namespace liasse::synth
