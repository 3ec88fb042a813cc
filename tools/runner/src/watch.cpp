#include "liasse/runner/watch.h"

#include <chrono>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <system_error>
#include <thread>

#include "liasse/core/system_error.h"
#include "envelope_meta.h"
#include "liasse/runner/envelope_source.h"
#include "liasse/runner/file_hash.h"
#include "liasse/store/committed_envelopes.h"
#include "liasse/store/database.h"
#include "liasse/store/intake_journal.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;

// Tells which inbox files are complete: marked with NAME.done, or not
// written for stable_ms by the clock (a scanner or a copy still writing
// keeps touching the modification time).
class CompletenessTracker {
 public:
  explicit CompletenessTracker(const ProcessOptions& options, int stable_ms)
      : env_(*options.env), clock_(*options.clock), stable_(std::chrono::milliseconds(stable_ms)) {}

  bool Complete(const fs::path& file) const {
    std::error_code ec;
    if (fs::exists(file.string() + ".done", ec)) return true;
    const auto written = env_.ModificationTime(file);
    if (!written.ok()) return false;
    return clock_.Now() - *written >= stable_;
  }

 private:
  Env& env_;
  const Clock& clock_;
  std::chrono::milliseconds stable_;
};

// "done" or "quarantine", from the envelope's result JSON.
std::string OutcomeOf(const fs::path& result) {
  std::ifstream in(result);
  auto j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.contains("error")) return "quarantine";
  return j["error"].is_null() ? "done" : "quarantine";
}

Status MoveTo(const fs::path& file, const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::IoError(dir.string() + ": " + FrenchSystemError(ec));
  fs::rename(file, dir / file.filename(), ec);
  if (ec) return Status::IoError(file.string() + " → " + dir.string() + ": " + FrenchSystemError(ec));
  fs::remove(file.string() + ".done", ec);  // the marker has served
  // The scanning station's metadata goes with its envelope.
  const fs::path meta = MetaPathOf(file);
  if (fs::exists(meta, ec)) {
    fs::rename(meta, dir / meta.filename(), ec);
    if (ec) return Status::IoError(meta.string() + " → " + dir.string() + ": " + FrenchSystemError(ec));
  }
  return Status::Ok();
}

class Intake {
 public:
  Intake(const WatchOptions& options, Processor& processor, store::IntakeJournal& journal,
         store::CommittedEnvelopes& committed)
      : options_(options),
        processor_(processor),
        journal_(journal),
        committed_(committed),
        tracker_(options.process, options.stable_ms) {}

  // One poll: finishes what a crash left, processes complete files. Returns
  // how many files were complete.
  Result<int> Poll(WatchSummary& summary) {
    LIASSE_ASSIGN_OR_RETURN(auto files, ListEnvelopes({options_.inbox}));
    std::vector<fs::path> batch;
    int complete = 0;
    for (const auto& file : files) {
      if (!tracker_.Complete(file)) continue;
      ++complete;
      LIASSE_ASSIGN_OR_RETURN(auto hash, Sha256OfFile(file));
      LIASSE_ASSIGN_OR_RETURN(auto record, journal_.Find(hash));
      // A record of the same bytes under another name is another envelope
      // (the same page scanned twice, a copy): it gets its own result, as in
      // a run that took both in one batch.
      if (record && record->name == file.filename().string()) {
        // Committed before a crash: its files are written again from the
        // store when the crash came before they were (the processor resumes
        // it), then it is moved.
        LIASSE_ASSIGN_OR_RETURN(auto kept, committed_.Find(file.filename().string(), hash));
        if (!kept) {
          LIASSE_RETURN_IF_ERROR(MoveTo(file, options_.inbox / (record)->outcome));
          ++summary.recovered;
          continue;
        }
      }
      batch.push_back(file);
      hashes_[file.string()] = hash;
      if (batch.size() >= options_.batch_size) break;
    }
    if (!batch.empty()) {
      LIASSE_RETURN_IF_ERROR(ProcessBatch(batch, summary));
    }
    return complete;
  }

 private:
  Status ProcessBatch(const std::vector<fs::path>& batch, WatchSummary& summary) {
    // Each envelope is journaled in its own transaction (journal_intake),
    // then moved: a crash in between leaves a file the next poll moves
    // without processing it again.
    LIASSE_ASSIGN_OR_RETURN(auto processed, processor_.Process(batch));
    summary.recovered += processed.resumed;
    for (const auto& file : batch) {
      const fs::path result = options_.process.out_dir / (file.stem().string() + ".json");
      const std::string outcome = OutcomeOf(result);
      LIASSE_RETURN_IF_ERROR(MoveTo(file, options_.inbox / outcome));
      // Moved: its files are written for good (a kill just before this
      // leaves a record a later run of the same file rewrites from).
      LIASSE_RETURN_IF_ERROR(committed_.Forget(file.filename().string(), hashes_[file.string()]));
      hashes_.erase(file.string());
      (outcome == "done" ? summary.done : summary.quarantined) += 1;
    }
    return Status::Ok();
  }

  const WatchOptions& options_;
  Processor& processor_;
  store::IntakeJournal& journal_;
  store::CommittedEnvelopes& committed_;
  CompletenessTracker tracker_;
  std::map<std::string, std::string> hashes_;  // file → SHA-256, for the files of the batch
};

}  // namespace

Result<WatchSummary> Watch(const WatchOptions& options) {
  std::error_code ec;
  if (!fs::is_directory(options.inbox, ec)) return Status::NotFound(options.inbox.string() + ": pas un dossier");
  ProcessOptions process = options.process;
  process.resume = true;
  process.resume_forgets_others = false;  // dropped below once each file is moved
  process.journal_intake = true;
  LIASSE_ASSIGN_OR_RETURN(auto processor, Processor::Open(process));
  const fs::path db_path = process.database.empty() ? process.out_dir / "liasse.db" : process.database;
  // Read only (the processor writes them with each envelope's transaction).
  LIASSE_ASSIGN_OR_RETURN(auto db, store::Database::Open(db_path.string()));
  LIASSE_ASSIGN_OR_RETURN(auto journal, store::IntakeJournal::Open(db));
  LIASSE_ASSIGN_OR_RETURN(auto committed, store::CommittedEnvelopes::Open(db));
  Intake intake(options, *processor, *journal, *committed);
  WatchSummary summary;
  for (;;) {
    LIASSE_ASSIGN_OR_RETURN(auto complete, intake.Poll(summary));
    if (options.once && complete == 0) return summary;
    if (complete == 0) std::this_thread::sleep_for(std::chrono::milliseconds(options.poll_ms));
  }
}

}  // namespace liasse::runner
