// From verdicts and priced claims to money and letters, in one place: which
// claims are paid (recorded in the register of paid invoices, so never paid
// twice), which are refused (a refusal letter says why and what to do),
// which wait for a person (nothing paid, nothing sent), and the tally the
// summary shows. Internal to the runner.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "claims.h"
#include "letters.h"
#include "liasse/core/money.h"
#include "liasse/rules/lot.h"
#include "liasse/store/paid_invoices_store.h"

namespace liasse::runner {

// What one envelope (or a batch, by Add) settled.
struct SettlementTally {
  int lots_accepted = 0, lots_partial = 0, lots_rejected = 0;
  int claims_paid = 0;
  Money paid = Money::Zero();  // the mutuelle part paid
  int claims_refused = 0;       // priced claims refused, and invoices of rejected lots or lines
  int claims_waiting = 0;       // waiting for a person's review
  std::map<std::string, int> refusals;  // reason → claims or invoices
  std::vector<std::string> waiting;     // "facture N : why", one per waiting claim
  int letters_written = 0, letters_queued = 0;
  // Letters not sent because of a doubt: décomptes of waiting claims (not
  // written), letters that could not be completed (not written) and letters
  // written but held until their review is cleared.
  int letters_waiting = 0;
  std::map<std::string, int> review_by_reason;  // document review flags by reason

  void Add(const SettlementTally& other);
};

// The claims that are paid (the décomptes are for them alone).
std::vector<ClaimResult> PaidClaims(const std::vector<ClaimResult>& claims);

// Records every paid claim in `paid` under `envelope` (EnvelopeKey), dated
// `today`: the same invoice from another envelope is then a duplicate.
Status RecordPayments(const std::vector<ClaimResult>& claims, store::SqlitePaidInvoices& paid,
                      const std::string& envelope, const std::string& source, Date today);

// One refusal letter per refused claim: to the professional in tiers payant
// (B2), else to the member, at the store's postal address. Written, never
// queued: each goes by post. One that cannot be completed (no address, an
// invoice number with a hole) is not written: listed `incomplete`, its
// reason in `errors`.
std::vector<WrittenLetter> WriteRefusals(const LetterContext& context, const std::vector<ClaimResult>& claims,
                                         std::vector<std::string>& errors);

// The tally of one envelope from its lots, claims, documents and letters.
SettlementTally TallyOf(const std::vector<rules::LotVerdict>& lots, const std::vector<ClaimResult>& claims,
                        const std::vector<Document>& documents, const std::vector<WrittenLetter>& letters);

// ", 2 payée(s) 23,46 €, 1 refusée(s), 1 en attente" (empty when no claim
// and no invoice refused), for the envelope's terminal line.
std::string TallyLine(const SettlementTally& tally);

}  // namespace liasse::runner
