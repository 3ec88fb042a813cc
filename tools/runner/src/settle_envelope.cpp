#include "settle_envelope.h"

#include "coupons.h"
#include "facture_claims.h"
#include "letter_checks.h"
#include "member_witness.h"
#include "pieces.h"
#include "renonciations.h"
#include "liasse/rules/lot.h"

namespace liasse::runner {

Result<SettlementTally> SettleEnvelope(const SettleStages& st, const std::string& stem, Date received,
                                       EnvelopeOutput& out) {
  const rules::PaidInvoicesView paid{st.paid, EnvelopeKey(out.source, out.sha256)};
  // Before the rules: a doubt of reading the member's record settles is no
  // doubt for the lot's verdict nor for the payment.
  if (auto confirmed = ConfirmIdentityByMembers(out.documents, *st.store); !confirmed.ok()) return confirmed.status();
  auto lots = rules::CheckLots(out.documents, *st.lot_rules, *st.history, paid);
  if (!lots.ok()) return lots.status();
  for (const auto& lot : rules::AssembleLots(out.documents)) {
    if (Status s = rules::RememberPrescriptions(out.documents, lot, *st.history); !s.ok()) return s;
  }
  out.lots = std::move(lots).value();

  auto claims = PriceLotClaims(out.documents, out.lots, *st.pricer, *st.blocking, *st.store, received, paid);
  const auto factures = CheckFactures(out.documents, *st.justificatifs, *st.store, out.review);
  for (auto& c : PriceFactureClaims(out.documents, factures, *st.pricer, *st.blocking, *st.store, received, paid)) {
    claims.push_back(std::move(c));
  }
  if (Status s = RecordPayments(claims, *st.paid, paid.envelope, out.source, st.today); !s.ok()) return s;
  out.claims.clear();
  for (const auto& c : claims) out.claims.push_back(ClaimResultToJson(c));

  // Before the letters: a décompte of this envelope never goes to the
  // address its coupon brings, which waits for confirmation.
  const CouponStages coupons{st.store, st.outbox, st.sender, st.address_notice, st.today};
  if (Status s = ApplyCoupons(coupons, out); !s.ok()) return s;
  const auto pieces = PieceRequestsOf(factures);
  const std::string letter_key = LetterKey(out.sha256);
  const auto renonciations =
      PrepareRenonciations(out.documents, *st.store, letter_key, received, st.today, out.review);
  LetterContext ctx{st.out_dir, stem,      letter_key, received, st.today, st.generator,
                    st.outbox,  st.sender, st.env,     st.store};
  out.letters = WriteLetters(ctx, out.documents, out.lots, claims, pieces, renonciations, out.review);
  for (auto& refusal : WriteRefusals(ctx, claims, out.review)) out.letters.push_back(std::move(refusal));
  return TallyOf(out.lots, claims, out.documents, out.letters);
}

}  // namespace liasse::runner
