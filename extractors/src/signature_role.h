// Ink fields whose label is in no wording of the data: a signature's place
// found by geometry (a blank place to sign under or beside a short label)
// and its signer told by the words of that label, or by elimination beside
// the other signature; a check box beside a phrase that holds a word only
// its field's labels hold. Unknown → the caller sends the field to review,
// never a guess. Internal.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "forms.h"
#include "page_view.h"

namespace liasse::extractors::internal {

// The words that tell `field` from the `others`: folded words of four
// letters or more of its labels and of the heading wordings of its `roles`
// sections, less every word of the others' labels and role headings
// ("signature", "identification" name no one).
std::vector<std::string> DistinctWords(const FormSpec& form, const FieldSpec& field,
                                       const std::vector<const FieldSpec*>& others);

// True when one of the page words `ids` stands for one of `words`: within
// the label matcher's edit distance (AllowedDistance), or sharing a stem
// of six letters or more that is three quarters of the shorter word
// ("impossible" for "impossibilite").
bool HoldsWord(const PageView& view, const std::vector<int>& ids, const std::vector<std::string>& words);

// A short phrase of the page (the words of a row up to a gap of four
// millimetres, eight words at most) and the places to sign it labels: its
// SignatureZones below it, a centimetre tall or more, that hold no printed
// word (a heading has its fields under it; the blank right of a heading is
// the form's spacing, not a place to sign).
struct PlaceToSign {
  std::vector<int> words;  // consecutive word indices, left to right
  std::vector<Box> zones;
};

// Every such phrase of the page with at least one blank place to sign.
// `printed`: PrintedWordBoxes of the page.
std::vector<PlaceToSign> PlacesToSign(const PageView& view, const std::vector<Box>& printed);

// The phrases of the page (as PlacesToSign cuts them) that hold a word of
// `words`, top to bottom.
std::vector<std::vector<int>> PhrasesHolding(const PageView& view, const std::vector<std::string>& words);

// Where the label of a signature field stands: words `first`..`last`;
// `by_wording` when one of its wordings was found there (OwnLabels), false
// when the place was given to it by role words or by elimination.
struct SignatureLabel {
  int first = 0, last = 0;
  bool by_wording = true;
};

// The label of each of `fields` (the form's signature fields, read
// together): the best occurrence of its wordings; else the one place to
// sign (PlacesToSign, no check box beside its phrase) whose phrase holds
// words of its DistinctWords and none of another's; else, among several
// such places, the one on the row of every label known or, with none
// known, the one choice of places (one per such signer) all on one row
// (a form signs side by side); else, when exactly one other field's label
// is known, the one place on that label's row holding none of that
// field's words. nullopt: the signer is unknown.
std::vector<std::optional<SignatureLabel>> SignatureLabels(const PageView& view, const FormSpec& form,
                                                           const std::vector<const FieldSpec*>& fields,
                                                           const std::vector<Box>& printed);

}  // namespace liasse::extractors::internal
