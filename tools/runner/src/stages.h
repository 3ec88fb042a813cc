// What lives as long as a Processor: the OCR engines, rule and pricing data,
// the store (members, prescription memory, counters, outbox, OCR cache), the
// letter generator and the event log. Opened once from the ProcessOptions; a
// watch loop reuses it for every batch. Internal to the runner.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "event_log.h"
#include "liasse/core/date.h"
#include "liasse/core/outbox.h"
#include "liasse/core/status.h"
#include "liasse/generators/letter_generator.h"
#include "liasse/mail/config.h"
#include "liasse/ocr/ocr.h"
#include "liasse/pricing/data.h"
#include "liasse/pricing/pricer.h"
#include "liasse/rules/blocking_fields.h"
#include "liasse/rules/justificatifs.h"
#include "liasse/rules/lot.h"
#include "liasse/rules/rule_set.h"
#include "liasse/runner/process_options.h"
#include "liasse/store/committed_envelopes.h"
#include "liasse/store/intake_journal.h"
#include "liasse/store/ocr_cache.h"
#include "liasse/store/outbox_store.h"
#include "liasse/store/paid_invoices_store.h"
#include "liasse/store/prescription_history_store.h"
#include "liasse/store/review_audit.h"
#include "liasse/store/store.h"

namespace liasse::runner {

class Stages {
 public:
  // Creates the output directory, loads the rule, pricing and mail data
  // (options.data_dir, else the build's), opens the store (options.database,
  // else DIR/liasse.db) and imports the members files into it, creates one
  // OCR engine per worker, the letter generator and the event log. Fails
  // with the first resource that cannot be opened. `options` must outlive
  // the stages.
  static Result<std::unique_ptr<Stages>> Open(const ProcessOptions& options);

  Stages(const Stages&) = delete;
  Stages& operator=(const Stages&) = delete;
  ~Stages();

  const ProcessOptions& options() const { return options_; }
  const rules::LotRuleSet& lot_rules() const { return *lot_rules_; }
  const rules::JustificatifTable& justificatifs() const { return *justificatifs_; }
  const rules::BlockingFields& blocking_fields() const { return *blocking_fields_; }
  store::Store& store() { return *store_; }
  PrescriptionHistory& prescriptions() { return *history_; }
  // The register of invoices paid (never paid twice).
  store::SqlitePaidInvoices& paid_invoices() { return *paid_; }
  const pricing::Pricer& pricer() const { return *pricer_; }
  // Where letters sent by e-mail are queued; null when options.queue_letters
  // is false (letters are written to DIR only).
  Outbox* outbox() { return options_.queue_letters ? outbox_.get() : nullptr; }
  const mail::OperatorIdentity& sender() const { return sender_; }
  // The confirmation message of a new address (empty when not configured).
  const mail::AddressNotice& address_notice() const { return address_notice_; }
  generators::LetterGenerator& generator() { return *generator_; }
  // The date of the letters and of the décomptes' payment: options.today,
  // else the clock's date when the stages were opened.
  Date today() const { return today_; }
  const Clock& clock() const { return *options_.clock; }
  Env& env() const { return *options_.env; }
  // The date of the letters being written, which the generator's clock
  // gives as the PDFs' creation date: each envelope's (its metadata's
  // date_courrier), so that the same envelope gives the same bytes.
  void SetLetterDay(Date day) { letter_day_->store(day.ToSerial()); }
  EventLog& log() { return *log_; }

  // The OCR engines (one per worker), borrowed.
  std::vector<ocr::OcrEngine*> engines() const;
  // The files of the envelopes committed by an unfinished run; null when
  // options.resume is false.
  store::CommittedEnvelopes* committed() { return committed_.get(); }
  // With options.resume: what every result of these stages depends on
  // besides the envelope's bytes and date of receipt (program, data files,
  // members and their addresses' states, letter date, queueing), hashed.
  const std::string& resume_fingerprint() const { return resume_fingerprint_; }
  // The intake journal on the store's connection; null when
  // options.journal_intake is false.
  store::IntakeJournal* intake() { return intake_.get(); }
  // Operators' corrections and validations (liasse/runner/review.h), on the
  // store's connection: replayed on every run of an envelope they concern.
  store::ReviewAudit& review_audit() { return *review_audit_; }
  // The OCR cache; null when options.ocr_cache is false.
  store::OcrCache* ocr_cache() { return ocr_cache_.get(); }
  // The cache key of an envelope's OCR by the engines of these stages.
  store::OcrCacheKey CacheKey(const std::string& sha256) const;

 private:
  explicit Stages(const ProcessOptions& options) : options_(options) {}
  Status OpenAll();
  Status ImportMembers();
  // The store to open: options.database or DIR/liasse.db; with dry_run, a
  // temporary copy of it (removed by the destructor).
  Result<std::filesystem::path> StorePath();

  const ProcessOptions& options_;
  std::optional<rules::LotRuleSet> lot_rules_;
  std::optional<rules::JustificatifTable> justificatifs_;
  std::optional<rules::BlockingFields> blocking_fields_;
  std::optional<store::Store> store_;
  std::unique_ptr<store::SqlitePrescriptionHistory> history_;
  std::unique_ptr<store::SqlitePaidInvoices> paid_;
  std::optional<pricing::PricingData> pricing_data_;
  std::optional<pricing::Pricer> pricer_;
  std::unique_ptr<store::OutboxStore> outbox_;
  mail::OperatorIdentity sender_;
  mail::AddressNotice address_notice_;
  std::optional<generators::LetterGenerator> generator_;
  Date today_ = Date::FromSerial(0);
  std::shared_ptr<std::atomic<int64_t>> letter_day_ = std::make_shared<std::atomic<int64_t>>(0);
  std::filesystem::path dry_run_copy_;  // empty unless options.dry_run
  std::vector<std::unique_ptr<ocr::OcrEngine>> engines_;
  std::unique_ptr<store::OcrCache> ocr_cache_;  // null when options_.ocr_cache is false
  std::unique_ptr<store::CommittedEnvelopes> committed_;  // null when options_.resume is false
  std::string resume_fingerprint_;
  std::unique_ptr<store::IntakeJournal> intake_;  // null when options_.journal_intake is false
  std::unique_ptr<store::ReviewAudit> review_audit_;
  std::unique_ptr<EventLog> log_;
};

}  // namespace liasse::runner
