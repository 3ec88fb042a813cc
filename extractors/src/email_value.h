// E-mail addresses written in a form's box (the coupon of seed 000): the
// value of a field of kind `email`, put together from the OCR's words (an
// address split at its '@' or dots, '©' read for '@'), checked with
// ParseEmailAddress (liasse/core/email_address.h), set or flagged with the
// reason. Internal.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doc_reader.h"
#include "locate.h"

namespace liasse::extractors::internal {

// True when `text` holds something shaped like an address: a word with an
// '@' (or the '©' the OCR reads for it) and a dot after it.
bool LooksLikeEmail(const std::string& text);

// Sets field `name` to the address `found` holds, lower case; a reading
// that had to be mended (words glued back, '©' for '@') counts less sure.
// An address that cannot be one is not set: the field is flagged with the
// reason and what was read.
void SetEmail(DocReader& r, std::string_view name, const Found& found);

// True when word `id` follows a word of running text at a word's spacing:
// one in lower case as printed ("par", "votre", "également"), a sentence's,
// not a form's label or value.
bool InRunningText(const PageView& view, int id);

// When no value was found beside a label of field `name` (a wording in no
// data file): the addresses standing outside running text on the page. One: set, flagged
// to be checked (its role comes from its shape alone); several: the field
// is flagged with them all; none: nothing.
void ReadEmailWithoutLabel(DocReader& r, std::string_view name);

// Drops the candidates whose label stands inside running text ("écrivez-nous
// par mail à …": the mutuelle's own address in a guide; InRunningText) or
// inside one of `form`'s titles ("DÉCOMPTES PAR MAIL"), not as a form's
// label.
void DropLabelsInProse(const PageView& view, const FormSpec& form, std::vector<Located>& located);

}  // namespace liasse::extractors::internal
