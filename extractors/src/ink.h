// Ink checks that need no OCR: a signature in its zone, a ticked check
// box, a prescription crossed out (crossing.h). They read the cleaned
// grey raster (0 = black); with no raster the field is flagged, never
// guessed. Zones are found from the OCR boxes of the printed labels.
// Internal.
#pragma once

#include <optional>
#include <vector>

#include "doc_reader.h"
#include "liasse/extractors/ocr_input.h"

namespace liasse::extractors::internal {

// Fraction (0..1) of dark pixels (< 128) in `box`, clipped to the raster;
// nullopt when the raster is empty or the box falls outside it.
std::optional<double> InkFraction(const GreyRaster& raster, const Box& box);

// The label's words `first`..`last` with the words continuing them on
// their row (less than two word heights apart): the phrase a check box
// stands beside, before its first word or after its last ("[ ] Patient
// dans l'impossibilité de signer" for the label "impossibilité de signer").
Box CheckboxPhrase(const PageView& view, int first, int last);

// The check box field `name` of the reader's form: its frame found near
// one of its labels (checkbox.h) or, with none of them on the page, the
// one frame beside a phrase holding a word only its labels hold among the
// form's fields (signature_role.h); ticked → true, empty → false,
// uncertain → false flagged for review with the box; no frame or two →
// flagged, absent.
void ReadCheckboxField(DocReader& r, std::string_view name);

// The signature fields `names` of the reader's form, read together by
// geometry (signature.h): the zones of each field's label — its wording,
// or a blank place to sign given to it by role words or by elimination
// (signature_role.h); signed in one → true, blank in all → false, too
// little ink to tell → false flagged for review with the zone; signer
// unknown, no zone or no raster → flagged, absent.
void ReadSignatureFields(DocReader& r, const std::vector<std::string_view>& names);

// Field readers using them (feuille: signatures and "impossibilité de
// signer"; prescription: raturée).
void ReadFeuilleInk(DocReader& r);
void ReadPrescriptionInk(DocReader& r);

}  // namespace liasse::extractors::internal
