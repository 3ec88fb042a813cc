// Finding a label wording on a page whatever its printing: accents, case
// and punctuation folded away, one wording spread over several OCR words
// or several words glued into one, OCR confusions tolerated up to an edit
// distance that grows with the wording's length. Internal.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "page_view.h"

namespace liasse::extractors::internal {

// The edit distance a folded wording of `length` characters may be from
// what was read: none for 3 characters or fewer (a short word matches
// anything once fuzzy), 1 up to 7, then one more per 6 characters.
size_t AllowedDistance(size_t length);

// The similarity given to an abbreviated occurrence of a wording: below a
// reading one confusion away from a wording of ordinary length.
inline constexpr double kAbbreviationSimilarity = 0.8;

// Every occurrence of `wording` on the page: consecutive words of one row
// whose folded texts put together are within AllowedDistance of the
// wording's. Digits the OCR glued to the last word are the start of the
// value (LabelHit::glued_value). A wording of two content words or more
// is also found abbreviated as software listings print it, word for word,
// its small words left out ("DATE PRESCR" for "Date de la prescription",
// "NUM FACT" for "Numéro de facture"): each printed word the start (three
// letters or more) of its word, with similarity kAbbreviationSimilarity.
// Best first, then top to bottom; two occurrences never share a word.
std::vector<LabelHit> FindLabel(const PageView& view, std::string_view wording);

// Every occurrence of any of `wordings`, the longer wording kept where
// two overlap ("Nom et prénom" over "Nom"). Best first, then top to bottom.
std::vector<LabelHit> FindAnyLabel(const PageView& view, const std::vector<std::string>& wordings);

// The folded content words of a wording: its words (apostrophes split
// them, "l'assuré"), the small words that listings leave out dropped.
std::vector<std::string> ContentWords(std::string_view wording);

// True when `phrase` occurs in the page (as FindLabel finds it).
bool PageHasPhrase(const PageView& view, std::string_view phrase);

}  // namespace liasse::extractors::internal
