// What `liasse process` is told (ProcessOptions, an EnvelopeObserver) and
// what it answers (ProcessSummary); see process.h for the chain itself.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "liasse/core/clock.h"
#include "liasse/core/date.h"
#include "liasse/core/env.h"
#include "liasse/core/status.h"

namespace liasse::runner {

// Told about each envelope's result file as the batch commits it, in input
// order, on the committing thread (`liasse reprocess` keeps the previous
// result and records what changed). A failing call stops the batch.
class EnvelopeObserver {
 public:
  virtual ~EnvelopeObserver() = default;
  // Before DIR/<stem>.json of `envelope` is replaced.
  virtual Status BeforeWrite(const std::filesystem::path& envelope, const std::filesystem::path& result_json) = 0;
  // Once the new result is on disk.
  virtual Status AfterWrite(const std::filesystem::path& envelope, const std::filesystem::path& result_json) = 0;
};

struct ProcessOptions {
  std::vector<std::filesystem::path> inputs;
  std::filesystem::path out_dir;
  // Members file (CSV or JSON, see liasse/store/members_import.h) imported
  // into the store before the batch; a `members.csv` inside an input
  // directory is imported too.
  std::filesystem::path contract;
  // The SQLite store (members, prescriptions already received, claims,
  // outbox); empty: DIR/liasse.db, created on first run.
  std::filesystem::path database;
  std::filesystem::path data_dir;      // empty: the build's LIASSE_DATA_DIR
  std::filesystem::path tessdata_dir;  // empty: Tesseract's default
  int jobs = 0;                        // OCR workers; 0: one per core
  // Date of receipt of every envelope (declaration deadline, letters);
  // nullopt: each file's modification date (env), which is the scan date,
  // as a local date of `clock`.
  std::optional<Date> date_reception;
  // Date of the letters and of the décomptes' payment; nullopt: today by
  // `clock`.
  std::optional<Date> today;
  // Time and files as the chain sees them (borrowed, must outlive the
  // processor): the CLI gives the system's, a test fixed ones. `env` reads
  // the envelopes' first bytes and modification dates and writes the result
  // JSON and the letters.
  const Clock* clock = &SystemClock();
  Env* env = Env::Default();
  std::size_t max_backlog_pages = 0;   // decoded pages waiting; 0: 8 per worker
  // OCR results are kept in the store by (file SHA-256, engine identity) and
  // an envelope already read by the same engine is not read again when its
  // searchable PDF is still in DIR; false: neither read nor written.
  bool ocr_cache = true;
  // Décomptes (and other letters sent by e-mail) placed in the outbox;
  // false: letters are written to DIR only (archive reprocessing).
  bool queue_letters = true;
  // Nothing written to the store: the chain runs on a temporary copy of it
  // (members, counters, claims, outbox, OCR cache), deleted at the end.
  // Results and letters are still written to DIR.
  bool dry_run = false;
  // Each envelope's writes to the store (prescriptions, counters, claims,
  // payments, outbox, OCR cache) commit in one transaction with the record
  // of its files, which are written after the commit. With `resume`, an
  // envelope already committed in this store (same file name and bytes,
  // same date of receipt, letter date, program, data files and members) is
  // not processed again: its files are written again from the store, so a
  // run killed at any point and started again gives the files of an
  // uninterrupted run (run again on a store that holds its own writes, an
  // envelope would find its own prescriptions "already received"). To run
  // the chain again on purpose: `liasse reprocess`. False: neither kept nor
  // read.
  bool resume = true;
  // With `resume`: a Process call starts by dropping the records of every
  // envelope that is not in its list (or was committed under other dates,
  // data or members), so the store keeps those of one run. False: the
  // caller drops them (`liasse watch`, once the file is moved).
  bool resume_forgets_others = true;
  // The envelope is recorded in the store's intake journal
  // (liasse/store/intake_journal.h) in its own transaction: `liasse watch`.
  bool journal_intake = false;
  EnvelopeObserver* observer = nullptr;  // borrowed; may be null
  // Called after each envelope (on the thread that finished it, serialised)
  // with envelopes done, envelopes in all, pages done; for a progress line.
  std::function<void(int done, int total, long pages)> progress;
  // Called with each envelope's line (types of documents, lot verdicts,
  // letters, review; or the quarantine reason) as soon as it is committed,
  // in input order, serialised.
  std::function<void(const std::string& line)> on_envelope;
};

struct ProcessSummary {
  int envelopes = 0;
  int unreadable = 0;  // listed with an "error" and quarantined
  int from_ocr_cache = 0;      // envelopes whose OCR came from the cache
  int resumed = 0;  // committed by a run that stopped, files written again from the store
  int ocr_cache_failures = 0;  // cache entries that could not be written or read back (OCR ran)
  long pages = 0;
  double seconds = 0;  // wall time of the whole batch
  std::map<std::string, int> documents_by_type;
  int lots_accepted = 0, lots_partial = 0, lots_rejected = 0;
  int review_flags = 0;  // document flags and claims waiting for a person
  int claims = 0;        // claims paid
  long euros_priced_cents = 0;  // mutuelle part paid (claims paid only)
  int claims_refused = 0;       // refused claims, and invoices refused by their lot
  int claims_waiting = 0;       // not paid until a person clears a doubt
  std::map<std::string, int> refusals;  // reason (French) → claims or invoices refused
  std::vector<std::string> waiting;     // "<envelope> : facture N : why", one per waiting claim
  std::map<std::string, int> review_by_reason;  // document review flags by reason
  int letters = 0, letters_queued = 0;
  // Not sent until a review is cleared: décomptes of waiting claims, letters
  // that could not be completed (address, identifier…), letters held.
  int letters_waiting = 0;
  // Letters for members with an address that go by post instead (the
  // password rule lacks a fact, or the address waits for confirmation):
  // their `letters[]` entry says why (`by_post`).
  int letters_by_post = 0;
  // "<numéro d'adhérent> <adresse>" of every address waiting for an
  // operator's confirmation (`liasse members confirm-email`): health data
  // does not go there yet. For the terminal only, never the log.
  std::vector<std::string> addresses_waiting;
  std::vector<std::string> messages;  // one line per envelope, for the terminal, in input order
};

}  // namespace liasse::runner
