// The members' store as a witness of identity: a doubt of reading on a
// name, first name, birth date or NIR is settled by a second, independent
// record — what the store holds for the member the feuille names.
#pragma once

#include <vector>

#include "liasse/core/document.h"
#include "liasse/core/status.h"
#include "liasse/store/store.h"

namespace liasse::runner {

// For every feuille de soins whose `assure.nir` is read without a flag and
// is a member's: a flagged field is confirmed when one of its readings is
// what the store records for that member — the flag is removed and the
// field takes the store's spelling. The readings are the feuille's own and,
// for the assuré's names, those of its bordereau line (matched by n° de
// facture); the bénéficiaire's birth date counts only once the bénéficiaire
// is the member (names confirmed or read alike). The bordereau line's NIR,
// names and birth date likewise. A reading the store does not hold stays
// flagged; nothing is ever filled from the store where nothing was read.
// Returns the number of flags removed; an error only when the store fails.
Result<int> ConfirmIdentityByMembers(std::vector<Document>& documents, store::Store& store);

}  // namespace liasse::runner
