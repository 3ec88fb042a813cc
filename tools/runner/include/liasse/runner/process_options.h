// What `liasse process` is told (ProcessOptions, an EnvelopeObserver) and
// what it answers (ProcessSummary); see process.h for the chain itself.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "liasse/core/date.h"
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
  // nullopt: each file's modification date, which is the scan date.
  std::optional<Date> date_reception;
  // Date of the letters and of the décomptes' payment; nullopt: today.
  std::optional<Date> today;
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
  int ocr_cache_failures = 0;  // cache entries that could not be written or read back (OCR ran)
  long pages = 0;
  double seconds = 0;  // wall time of the whole batch
  std::map<std::string, int> documents_by_type;
  int lots_accepted = 0, lots_partial = 0, lots_rejected = 0;
  int review_flags = 0;
  int claims = 0;
  long euros_priced_cents = 0;  // mutuelle part of every priced claim
  int letters = 0, letters_queued = 0;
  int letters_held = 0;  // not completed (address, identifier…): waiting for review, not sent
  std::vector<std::string> messages;  // one line per envelope, for the terminal, in input order
};

}  // namespace liasse::runner
