// The review correction service: an operator clears what the reader was
// unsure of, and the envelope's chain after reading (B2 lot rules, claims
// priced on the store's counters, payments, letters, outbox) runs again on
// the corrected documents. `liasse review list|set|validate` call it from
// the command line; the verification station (docs/review.md) will call the
// same functions.
//
// A correction or validation of envelope E (DIR/E.json):
//   1. reads E's current result (its documents as the reader left them,
//      with the corrections already made);
//   2. checks the typed value as the reader checks that field's kind
//      (liasse/extractors/typed_value.h) — a wrong one changes nothing and
//      fails with kInvalidArgument, the French reason naming the field;
//   3. sets the value (confidence 1, box kept) and clears the field's review
//      flags, or for a validation clears the flags of every value read;
//   4. in one store transaction: the chain again (counters and payments are
//      keyed by claim id, so a claim already priced consumes nothing more;
//      a décompte already in the outbox is not queued twice), the audit row
//      (who, what, old and new value, when by the options' clock) and, when
//      a `process` run recorded E's files for its resume, the new files in
//      that record;
//   5. after the commit: E's previous result kept as
//      DIR/.revue/E/version-<n>.json (n its version, 0 as `process` wrote
//      it), then the new result (with "version": n + 1) and letters written.
// The same correction made again changes nothing and writes nothing. The
// same corrections with the same clock give byte-identical results. A
// result on disk older than the audit (a correction killed after its
// commit) is caught up by the next change, which replays what it lacks.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "liasse/core/clock.h"
#include "liasse/core/date.h"
#include "liasse/core/env.h"
#include "liasse/core/money.h"
#include "liasse/core/status.h"

namespace liasse::runner {

struct ReviewOptions {
  std::filesystem::path out_dir;       // where `liasse process` wrote the results
  std::filesystem::path database;      // empty: DIR/liasse.db (must exist: never created here)
  std::filesystem::path data_dir;      // empty: the build's LIASSE_DATA_DIR
  std::filesystem::path tessdata_dir;  // empty: Tesseract's default
  std::string operateur;               // who corrects (required for a change)
  // Date of the letters written again and of the payments; nullopt: today
  // by `clock`. The audit's time is clock->Now().
  std::optional<Date> today;
  const Clock* clock = &SystemClock();  // borrowed
  Env* env = Env::Default();            // borrowed: reads results, writes files
  bool queue_letters = true;            // false: letters written to DIR only
};

// One point waiting for a person, as `liasse review list` shows it.
struct ReviewItem {
  std::string envelope;  // stem of DIR/<envelope>.json
  int document = -1;     // index in its documents; -1: the envelope itself
  std::string type;      // the document's type
  std::string field;     // empty for an envelope-level item
  std::optional<int> line;
  std::string reason;                 // French
  std::optional<std::string> value;   // the value read, when there is one
  std::vector<std::string> candidates;  // other readings quoted by the reason that pass the field's checks
  bool blocks_payment = false;  // a claim waits on it (data/rules/revue_bloquante.toml, or a line)
};

struct ReviewQueue {
  std::vector<ReviewItem> items;  // by envelope name, document, then as in the result
  // "<envelope> : facture N : why", one per claim waiting.
  std::vector<std::string> claims_waiting;
  // "<numéro d'adhérent> <adresse>": addresses waiting for `liasse members
  // confirm-email` (no décompte goes there before).
  std::vector<std::string> addresses_waiting;
};

// Every point waiting in DIR's results (files named like an envelope's
// result: with "schema": "liasse.result/1") and the store's addresses
// waiting. Fails when a result cannot be read (kCorrupt naming it) or the
// store is missing (kNotFound naming where it was looked for).
Result<ReviewQueue> ListReview(const ReviewOptions& options);

// A value typed for `field` of document `document` (a column of
// lines[line] when set) of envelope `envelope`.
struct FieldCorrection {
  std::string envelope;
  int document = 0;
  std::string field;
  std::optional<int> line;
  std::string value;
};

struct CorrectionOutcome {
  bool changed = false;  // false: the same correction was already made, nothing written
  int version = 0;       // of the result now in DIR
  std::filesystem::path result;  // DIR/<envelope>.json
  std::filesystem::path kept;    // the previous result (empty when unchanged)
  int claims_paid = 0, claims_waiting = 0, claims_refused = 0;
  Money paid = Money::Zero();
  int letters_queued = 0, letters_waiting = 0;
  // The document's review items that remain (French, one per item).
  std::vector<std::string> remaining;
};

// Sets the value (see the file comment). kNotFound for an unknown envelope,
// document, field or line; kInvalidArgument for a wrong value (the reader's
// reason, naming the field) or a missing operator; the store's failures.
Result<CorrectionOutcome> CorrectField(const ReviewOptions& options, const FieldCorrection& correction);

// Accepts the values read on document `document` of `envelope` as they
// are: the review flags of every value present are cleared (a field that
// was not read keeps its flag: type it with CorrectField).
Result<CorrectionOutcome> ValidateDocument(const ReviewOptions& options, const std::string& envelope, int document);

}  // namespace liasse::runner
