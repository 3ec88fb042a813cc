// The chain after reading, for one envelope whose documents are known:
// B2 lot rules (with the register of paid invoices) → claims of the payable
// invoices and of the members' factures → payments recorded → letters
// (notices, décomptes of money paid, refusals, …) → the tally. `liasse
// process` runs it after extraction; a correction of a reading runs it
// again on the corrected documents. Internal to the runner.
#pragma once

#include <filesystem>
#include <string>

#include "envelope_output.h"
#include "liasse/core/outbox.h"
#include "liasse/core/prescription_history.h"
#include "liasse/generators/letter_generator.h"
#include "liasse/mail/config.h"
#include "liasse/mail/mime.h"
#include "liasse/pricing/pricer.h"
#include "liasse/rules/blocking_fields.h"
#include "liasse/rules/justificatifs.h"
#include "liasse/rules/rule_set.h"
#include "liasse/store/paid_invoices_store.h"
#include "liasse/store/store.h"
#include "settlement.h"

namespace liasse::runner {

// What the chain uses, borrowed; lives as long as the processor.
struct SettleStages {
  const rules::LotRuleSet* lot_rules = nullptr;
  const rules::JustificatifTable* justificatifs = nullptr;
  const rules::BlockingFields* blocking = nullptr;  // fields whose review stops a payment
  store::Store* store = nullptr;
  PrescriptionHistory* history = nullptr;
  store::SqlitePaidInvoices* paid = nullptr;
  const pricing::Pricer* pricer = nullptr;
  generators::LetterGenerator* generator = nullptr;
  Outbox* outbox = nullptr;  // null: nothing queued
  mail::OperatorIdentity sender;
  mail::AddressNotice address_notice;  // the confirmation of a coupon's new address
  std::filesystem::path out_dir;
  Date today = Date::FromSerial(0);  // date of the letters and payments
  Env* env = Env::Default();         // borrowed: where the letters are written
};

// Fills `out.lots`, `out.claims`, `out.letters`, `out.review` and, from
// the coupons (coupons.h), `out.members_updated` from
// `out.documents` (`out.source` and `out.sha256` identify the envelope for
// the register of paid invoices, and `out.sha256` the letters' references;
// `stem` names the folder of its letters). Processing the
// same envelope again pays nothing twice: counters and payments are keyed
// by claim id. Fails only when the store cannot answer.
Result<SettlementTally> SettleEnvelope(const SettleStages& stages, const std::string& stem, Date received,
                                       EnvelopeOutput& out);

}  // namespace liasse::runner
