// The claims of an envelope: each accepted feuille de soins of a B2 lot
// becomes a claim for the member the store knows by the assuré's NIR, priced
// line by line (pricing core, counters in the store) and checked against the
// AMO/AMC amounts the auxiliaire médical invoiced on the bordereau. Internal
// to the runner.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "liasse/core/date.h"
#include "liasse/core/money.h"
#include "liasse/core/document.h"
#include "liasse/core/claim.h"
#include "liasse/pricing/pricer.h"
#include "liasse/rules/blocking_fields.h"
#include "liasse/rules/lot.h"
#include "liasse/store/store.h"

namespace liasse::runner {

struct ClaimResult {
  int document = 0;                // the feuille de soins (or facture), index in the envelope
  bool from_bordereau = true;      // a B2 feuille (checked against its bordereau line)
  std::string numero_facture;
  std::optional<store::Member> member;
  std::optional<PricedClaim> priced;
  std::optional<Money> amo_facture;  // from the bordereau line, when read
  std::optional<Money> amc_facture;
  // amc_facture − the guarantee's part, when that gap is within rounding
  // (the guarantee is paid); unset when they are equal or it goes to review.
  std::optional<Money> ecart_arrondi;
  // Why a person must look (French): an unreadable line, a field in
  // review, pricing impossible, the invoiced AMC differs from the
  // guarantee's. A claim with a review reason is not paid until cleared.
  std::vector<std::string> review;
  // Why the claim is refused outright (French), when it is: not a member,
  // an invoice already paid. Nothing is priced then.
  std::optional<std::string> refus;
  // The B2 lot's professional, paid in tiers payant (empty for a member's
  // facture, paid to the member).
  std::string professionnel_nom;
  std::string professionnel_identifiant;
  std::string professionnel_adresse;  // read on the bordereau's letterhead (PartnerAddressRead)
};

// The partner's postal address as the bordereau's letterhead gives it
// (`partenaire.adresse`), or "" when absent or flagged for review: a
// doubtful address is never written on a letter.
std::string PartnerAddressRead(const Document& bordereau);

// Builds and prices the claims of the feuilles the lot verdicts accept.
// `received` is the date of receipt (declaration deadline). Counters are
// consumed once per claim id (idempotent on reprocessing) and each priced
// claim is saved in the store. Never fails: a claim that cannot be priced
// carries its reason in `review`.
// A feuille whose `blocking` fields (identity, amounts) or acts are in
// review, or whose bordereau line is, is not priced: the claim waits
// with the reasons in `review`. An invoice `paid` knows from another
// envelope is refused (`refus`) before pricing, consuming no counter.
std::vector<ClaimResult> PriceLotClaims(const std::vector<Document>& documents,
                                        const std::vector<rules::LotVerdict>& lots, const pricing::Pricer& pricer,
                                        const rules::BlockingFields& blocking, store::Store& store, Date received,
                                        const rules::PaidInvoicesView& paid = {});

// What becomes of a claim: paid (money goes out, a décompte says so),
// refused (a refusal letter says why), or waiting for a person (nothing
// paid, nothing sent, the summary says why).
enum class ClaimStatus { kPaid, kRefused, kWaiting };
// "paye", "refuse", "en_attente" (the `statut` of a claims[] entry).
std::string_view ClaimStatusName(ClaimStatus status);

// Refused when `refus` is set or the claim was priced to 0 € without
// review; waiting when a review reason remains or nothing was priced; paid
// otherwise (priced, mutuelle part above zero, nothing in review).
ClaimStatus StatusOf(const ClaimResult& claim);

// Why a refused claim is refused (French sentences, each once, in line
// order); empty for a claim that is not refused.
std::vector<std::string> RefusalReasons(const ClaimResult& claim);

// The `claims[]` entry of a result: the priced claim's contract members plus
// document, numero_facture, the bordereau control (B2 feuilles only),
// review reasons, `statut`, `motifs_refus` and, when paid, `paiement`
// ({"montant", "destinataire": "adherent"|"professionnel", "nom", "mode"}).
std::string ClaimResultToJson(const ClaimResult& claim);

// The first review flag the extractors put on line `i` of `document` (a
// value read with low confidence, repaired or unread), or nullptr. A claim
// is not priced from such a line: a person confirms it first.
const ReviewFlag* LineDoubt(const Document& document, std::size_t i);

// Prices `claim` on the store's counters and saves it into `result.priced`;
// a failure goes to `result.review` (pricing: nothing priced; saving: priced
// but not stored). A claim id `paid` knows from another envelope is never
// priced again: refused as a duplicate. Shared by B2 feuilles and members'
// factures.
void PriceAndSave(const Claim& claim, const pricing::Pricer& pricer, store::Store& store,
                  ClaimResult& result, const rules::PaidInvoicesView& paid = {});

// The review flags of `document` that make a payment depend on a doubt: a
// field `blocking` lists for its type or any table line; each as a French
// sentence.
std::vector<std::string> DoubtsOf(const Document& document, const rules::BlockingFields& blocking,
                                  std::string_view what);

}  // namespace liasse::runner
