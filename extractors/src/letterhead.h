// The heading block of a page — a letter's sender, a professional's
// letterhead on a bordereau — and the postal address it holds, found by
// geometry and the shape of a French postal code, never by wording.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "page_view.h"

namespace liasse::extractors::internal {

// One side of the page: the words left of 100 mm, or those right of it.
enum class PageSide { kLeft, kRight };

// The ids of the words of row `r` on `side`.
std::vector<int> SideWords(const PageView& v, size_t r, PageSide side);

// A heading block: the rows of one side from the first that has words
// there, down to the first vertical gap wider than two and a half rows.
struct HeadingBlock {
  PageSide side = PageSide::kLeft;
  std::vector<size_t> rows;
  double top = 0;
};

// The sender's block: the page's topmost heading block (a recipient's
// comes lower, whichever side each is on); when both start on the same
// rows, the one where the writer gives his own details (an e-mail, a
// labelled value), else the left one. Empty rows when the page has none.
HeadingBlock SenderBlock(const PageView& v);

// A postal address read in a block: its rows joined by ", " (street lines,
// then the postal code and commune) and the words it was read from.
struct PostalAddress {
  std::string text;
  std::vector<int> words;
};

// Which rows above the postal code's are street rows: in a letter's sender
// block the two rows above it; under a professional's letterhead, where a
// title or a profession often stands between the name and the street, the
// row two above only when it holds a number ("Bât. 2", "BP 14").
enum class StreetRows { kTwoAbove, kSecondOnlyWithADigit };

// The postal address of `block` below its first row: the first row holding
// a five-digit postal code followed by a commune, with the street rows just
// above it; rows carrying a labelled value ("Tél. : …", an e-mail) are not
// part of it. nullopt when the block has none.
std::optional<PostalAddress> BlockPostalAddress(const PageView& v, const HeadingBlock& block,
                                                StreetRows street_rows = StreetRows::kTwoAbove);

class DocReader;

// A bordereau's `partenaire.adresse`: the postal address of the page's
// heading block when that block is the partner's own letterhead — it holds
// the identifier or the name the header gave for the partner; another
// block (the organisme's, a title) gives nothing. Flagged when read with
// low confidence; absent (never flagged) when there is no such letterhead:
// the partner's address then comes from the partners' table.
void ReadPartnerLetterhead(DocReader& r);

}  // namespace liasse::extractors::internal
