#include "liasse/runner/review.h"

#include <ctime>
#include <functional>

#include "envelope_chain.h"
#include "envelope_output.h"
#include "held_files.h"
#include "liasse/core/system_error.h"
#include "liasse/extractors/typed_value.h"
#include "liasse/store/committed_envelopes.h"
#include "liasse/store/review_audit.h"
#include "review_edit.h"
#include "review_files.h"
#include "stages.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;

// "2026-12-06T15:04:05Z": the audit's time, from the options' clock.
std::string UtcText(Clock::TimePoint t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

ProcessOptions ChainOptions(const ReviewOptions& o, const fs::path& database) {
  ProcessOptions p;
  p.out_dir = o.out_dir;
  p.database = database;
  p.data_dir = o.data_dir;
  p.tessdata_dir = o.tessdata_dir;
  p.jobs = 1;  // no page is read: one engine, for the stages' sake
  p.today = o.today;
  p.clock = o.clock;
  p.env = o.env;
  p.queue_letters = o.queue_letters;
  p.ocr_cache = false;
  p.resume = false;  // the envelope's resume record is updated, not replayed
  return p;
}

void CopyTally(const SettlementTally& tally, CorrectionOutcome& outcome) {
  outcome.claims_paid = tally.claims_paid;
  outcome.claims_waiting = tally.claims_waiting;
  outcome.claims_refused = tally.claims_refused;
  outcome.paid = tally.paid;
  outcome.letters_queued = tally.letters_queued;
  outcome.letters_waiting = tally.letters_waiting;
}

// What a change does to the envelope's documents: the audit rows, or none
// when it changes nothing. Fails on a document or line that does not exist.
using Edit = std::function<Result<std::vector<store::ReviewChange>>(std::vector<Document>&)>;

// The chain again on `out` (its documents edited), in one transaction with
// the audit rows and the envelope's resume record; then the files.
class Rerun {
 public:
  Rerun(const ReviewOptions& options, Stages& stages, store::ReviewAudit& audit, store::CommittedEnvelopes& committed)
      : options_(options), stages_(stages), audit_(audit), committed_(committed) {}

  Result<CorrectionOutcome> Run(const std::string& envelope, int document, const Edit& edit) {
    LIASSE_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(stages_.store().database()));
    // Read inside the transaction: another correction of this envelope
    // either committed before (its result is on disk or about to be) or
    // waits for this one.
    LIASSE_ASSIGN_OR_RETURN(auto previous, ReadResult(options_, envelope));
    LIASSE_ASSIGN_OR_RETURN(auto out, Current(envelope, previous));
    if (document < 0 || static_cast<std::size_t>(document) >= out.documents.size()) {
      return Status::NotFound(envelope + " : document " + std::to_string(document) + " inconnu (" +
                              std::to_string(out.documents.size()) + " document(s), numérotés à partir de 0)");
    }
    LIASSE_ASSIGN_OR_RETURN(auto changes, edit(out.documents));
    CorrectionOutcome outcome;
    outcome.result = ResultPath(options_, envelope);
    outcome.version = out.version;
    if (changes.empty()) {
      outcome.remaining = RemainingReview(out.documents[static_cast<std::size_t>(document)]);
      return outcome;
    }
    const int before = out.version;
    out.version = before + 1;
    LIASSE_ASSIGN_OR_RETURN(auto tally, Settle(envelope, out));
    LIASSE_RETURN_IF_ERROR(Audit(envelope, out, changes));
    LIASSE_RETURN_IF_ERROR(UpdateResumeRecord(out));
    outcome.kept = KeptPath(options_, envelope, before);
    LIASSE_RETURN_IF_ERROR(options_.env->CreateDirectories(outcome.kept.parent_path()));
    LIASSE_RETURN_IF_ERROR(options_.env->WriteFileAtomically(outcome.kept, previous));
    LIASSE_RETURN_IF_ERROR(tx.Commit());
    for (const auto& f : held_->files()) {
      LIASSE_RETURN_IF_ERROR(options_.env->WriteFileAtomically(options_.out_dir / fs::path(f.path), f.bytes));
    }
    outcome.changed = true;
    outcome.version = out.version;
    CopyTally(tally, outcome);
    outcome.remaining = RemainingReview(out.documents[static_cast<std::size_t>(document)]);
    return outcome;
  }

 private:
  // The envelope's result as it stands. A result older than the audit (a
  // correction killed between its commit and its files, or another one
  // writing them now) is caught up by replaying the changes it lacks.
  Result<EnvelopeOutput> Current(const std::string& envelope, const std::string& text) {
    LIASSE_ASSIGN_OR_RETURN(auto out, EnvelopeOutputFromResult(text, ResultPath(options_, envelope).string()));
    if (fs::path(out.source).stem().string() != envelope) {
      return Status::Corrupt(ResultPath(options_, envelope).string() + " : résultat du pli « " + out.source +
                             " », pas de « " + envelope + " »");
    }
    LIASSE_ASSIGN_OR_RETURN(const int recorded, audit_.Version(envelope));
    if (recorded > out.version) {
      LIASSE_ASSIGN_OR_RETURN(auto all, audit_.Changes(envelope));
      std::erase_if(all, [&](const store::ReviewChange& c) { return c.version <= out.version; });
      ReplayChanges(all, out.sha256, options_.data_dir, out.documents, out.review, out.version);
    }
    return out;
  }

  // The audit rows of `changes`: who, when, which version.
  Status Audit(const std::string& envelope, const EnvelopeOutput& out, std::vector<store::ReviewChange>& changes) {
    const std::string at = UtcText(options_.clock->Now());
    for (auto& c : changes) {
      c.envelope = envelope;
      c.sha256 = out.sha256;
      c.version = out.version;
      c.at = at;
      c.user = options_.operateur;
      LIASSE_RETURN_IF_ERROR(audit_.Record(c));
    }
    return Status::Ok();
  }

  // Lots, claims, payments and letters of `out` again; its files held.
  Result<SettlementTally> Settle(const std::string& envelope, EnvelopeOutput& out) {
    auto received = Date::Parse(out.reception.date);
    if (!received.ok()) {
      return Status::Corrupt(ResultPath(options_, envelope).string() + " : date de réception « " +
                             out.reception.date + " » illisible");
    }
    const Date letter_day = options_.today ? *options_.today : options_.clock->Today();
    stages_.SetLetterDay(letter_day);
    SettleStages settle = SettleStagesOf(stages_, letter_day);
    held_.emplace(options_.env, options_.out_dir);
    settle.env = &*held_;
    LIASSE_ASSIGN_OR_RETURN(auto tally, SettleEnvelope(settle, envelope, *received, out));
    LIASSE_RETURN_IF_ERROR(WriteEnvelopeJson(*held_, options_.out_dir, fs::path(out.source), out));
    return tally;
  }

  // A `process` run that recorded the envelope for its resume writes the
  // corrected files, not the ones before the correction.
  Status UpdateResumeRecord(const EnvelopeOutput& out) {
    LIASSE_ASSIGN_OR_RETURN(auto record, committed_.Find(out.source, out.sha256));
    if (!record) return Status::Ok();
    record->files = held_->files();
    return committed_.Record(*record);
  }

  const ReviewOptions& options_;
  Stages& stages_;
  store::ReviewAudit& audit_;
  store::CommittedEnvelopes& committed_;
  std::optional<HeldFiles> held_;
};

Result<CorrectionOutcome> Change(const ReviewOptions& options, const std::string& envelope, int document,
                                 const Edit& edit) {
  if (options.operateur.empty()) {
    return Status::InvalidArgument("opérateur inconnu : --operateur NOM (ou la variable USER) est obligatoire");
  }
  LIASSE_RETURN_IF_ERROR(CheckEnvelopeName(envelope));
  LIASSE_ASSIGN_OR_RETURN(const fs::path database, ExistingDatabase(options));
  const ProcessOptions chain = ChainOptions(options, database);
  LIASSE_ASSIGN_OR_RETURN(auto stages, Stages::Open(chain));
  LIASSE_ASSIGN_OR_RETURN(auto committed, store::CommittedEnvelopes::Open(stages->store().database()));
  Rerun rerun(options, *stages, stages->review_audit(), *committed);
  return rerun.Run(envelope, document, edit);
}

}  // namespace

Result<CorrectionOutcome> CorrectField(const ReviewOptions& options, const FieldCorrection& c) {
  const Edit edit = [&](std::vector<Document>& documents) -> Result<std::vector<store::ReviewChange>> {
    Document& d = documents[static_cast<std::size_t>(c.document)];
    if (c.line && (*c.line < 0 || static_cast<std::size_t>(*c.line) >= d.lines.size())) {
      return Status::NotFound(c.envelope + " : document " + std::to_string(c.document) + " : ligne " +
                              std::to_string(*c.line + 1) + " inconnue (" + std::to_string(d.lines.size()) +
                              " ligne(s))");
    }
    std::vector<store::ReviewChange> changes;
    if (!c.line && c.field == kTypeField) {
      LIASSE_ASSIGN_OR_RETURN(auto change, SetType(d, c.document, c.value));
      if (change) changes.push_back(std::move(*change));
      return changes;
    }
    LIASSE_ASSIGN_OR_RETURN(auto value, extractors::CheckTypedValue(d.type, c.field, c.line, c.value, options.data_dir));
    if (auto change = SetValue(d, c.document, c.field, c.line, value)) changes.push_back(std::move(*change));
    return changes;
  };
  return Change(options, c.envelope, c.document, edit);
}

Result<CorrectionOutcome> ValidateDocument(const ReviewOptions& options, const std::string& envelope, int document) {
  const Edit edit = [&](std::vector<Document>& documents) -> Result<std::vector<store::ReviewChange>> {
    return AcceptReadValues(documents[static_cast<std::size_t>(document)], document);
  };
  return Change(options, envelope, document, edit);
}

}  // namespace liasse::runner
