// Claims from the factures a member sends (optique, dentaire,
// hospitalisation, médecines douces): each facture whose justificatifs are
// complete becomes a claim for the member of its numéro d'adhérent, its
// lines mapped to the tariff's acts, priced by the pricing core (RO part
// from the tariff, mutuelle part from the member's guarantee) and saved in
// the store. Internal to the runner.
#pragma once

#include <vector>

#include "claims.h"
#include "pieces.h"
#include "liasse/core/date.h"
#include "liasse/core/document.h"
#include "liasse/pricing/pricer.h"
#include "liasse/store/store.h"

namespace liasse::runner {

// One claim per complete check of `checks` (an incomplete one waits for its
// pieces: the demande de pièces goes out instead, nothing is paid).
// `received` is the date of receipt. Counters are consumed once per claim id
// ("FAC-<émetteur>-<numéro de facture>") and the priced claim is saved.
// Never fails: what cannot be priced without guessing — a beneficiary who is
// not the member, a line whose act or lens correction cannot be read, a
// total that differs from the lines, an act the tariff does not know — is
// left unpriced with the reason in the claim's `review`, as is a facture
// whose `blocking` fields (identity, amounts) or lines are in review. A claim id `paid` knows
// from another envelope is refused as a duplicate, unpriced.
std::vector<ClaimResult> PriceFactureClaims(const std::vector<Document>& documents,
                                            const std::vector<FactureCheck>& checks, const pricing::Pricer& pricer,
                                            const rules::BlockingFields& blocking, store::Store& store, Date received,
                                            const rules::PaidInvoicesView& paid = {});

}  // namespace liasse::runner
