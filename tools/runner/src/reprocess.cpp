#include "liasse/runner/reprocess.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>

#include "liasse/core/system_error.h"
#include "change_report.h"
#include "liasse/rules/rule_set.h"
#include "liasse/runner/envelope_source.h"
#include "liasse/runner/file_hash.h"
#include "liasse/store/database.h"
#include "liasse/store/reprocess_journal.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> ReadText(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Copies `from` to `to` through a temporary file: `to` is whole or absent.
Status CopyAtomically(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::create_directories(to.parent_path(), ec);
  const fs::path tmp = to.string() + ".tmp";
  fs::copy_file(from, tmp, fs::copy_options::overwrite_existing, ec);
  if (!ec) fs::rename(tmp, to, ec);
  if (ec) return Status::IoError(to.string() + " : " + FrenchSystemError(ec));
  return Status::Ok();
}

// What decides the results besides the envelopes: the program itself, its
// rule, pricing and mail data, and the shard. The same key resumes a run.
std::string RunKey(const ReprocessOptions& options, const fs::path& data_dir) {
  std::string material = "liasse.reprocess/1\n" + ProgramAndDataMaterial(data_dir);
  material += "shard " + std::to_string(options.shard_index) + "/" + std::to_string(options.shard_count) + "\n";
  material += "out " + fs::absolute(options.process.out_dir).lexically_normal().string() + "\n";
  return Sha256OfText(material);
}

std::string ShardSuffix(const ReprocessOptions& o) {
  if (o.shard_count == 1) return "";
  return "-shard-" + std::to_string(o.shard_index) + "-of-" + std::to_string(o.shard_count);
}

// Keeps the result an envelope had before this run (in DIR/.reprocess/)
// until the new one is written and what changed is in the journal, so a
// run killed at any point compares with the right previous result.
class ChangeRecorder : public EnvelopeObserver {
 public:
  ChangeRecorder(fs::path out_dir, store::ReprocessJournal& journal, std::string run_key)
      : keep_dir_(std::move(out_dir) / ".reprocess"), journal_(journal), run_key_(std::move(run_key)) {}

  fs::path KeptPath(const fs::path& result_json) const { return keep_dir_ / result_json.filename(); }

  Status BeforeWrite(const fs::path&, const fs::path& result_json) override {
    std::error_code ec;
    const fs::path kept = KeptPath(result_json);
    // Already kept by an interrupted attempt: that copy is the true previous.
    if (fs::exists(kept, ec) || !fs::exists(result_json, ec)) return Status::Ok();
    return CopyAtomically(result_json, kept);
  }

  Status AfterWrite(const fs::path& envelope, const fs::path& result_json) override {
    const fs::path kept = KeptPath(result_json);
    const auto current = ReadText(result_json);
    if (!current) return Status::IoError(result_json.string() + " : relecture impossible");
    LIASSE_ASSIGN_OR_RETURN(auto changes, CompareResults(envelope.filename().string(), ReadText(kept), *current));
    if (Status s = journal_.Record(run_key_, {envelope.filename().string(), EncodeChanges(changes)}); !s.ok()) {
      return s;
    }
    std::error_code ec;
    fs::remove(kept, ec);
    return Status::Ok();
  }

 private:
  fs::path keep_dir_;
  store::ReprocessJournal& journal_;
  std::string run_key_;
};

void AddToReport(const EnvelopeChanges& c, ReprocessReport& report) {
  if (!c.had_previous) {
    ++report.first_results;
  } else if (c.changes.empty()) {
    ++report.unchanged;
  } else {
    ++report.changed;
  }
  report.mutuelle_before_cents += c.mutuelle_before_cents;
  report.mutuelle_after_cents += c.mutuelle_after_cents;
  for (const auto& x : c.changes) report.changes.push_back({c.envelope, x.kind, x.what, x.before, x.after});
}

Status WriteText(const fs::path& file, const std::string& text) {
  const fs::path tmp = file.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) return Status::IoError(tmp.string() + " : écriture impossible");
  }
  std::error_code ec;
  fs::rename(tmp, file, ec);
  if (ec) return Status::IoError(file.string() + " : " + FrenchSystemError(ec));
  return Status::Ok();
}

}  // namespace

bool InShard(std::string_view envelope_name, int index, int count) {
  if (count <= 1) return true;
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a 64
  for (const char c : envelope_name) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return static_cast<int>(hash % static_cast<std::uint64_t>(count)) == index;
}

Status ParseShard(std::string_view text, int& index, int& count) {
  const auto slash = text.find('/');
  const auto bad = [&] { return Status::InvalidArgument("--shard « " + std::string(text) + " » : attendu i/N avec 0 ≤ i < N"); };
  if (slash == std::string_view::npos) return bad();
  const auto i_text = text.substr(0, slash), n_text = text.substr(slash + 1);
  // The whole of each side must be the number ("1/2/3" is not 1 of 2).
  const auto whole = [](std::string_view part, int& value) {
    const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
    return error == std::errc() && end == part.data() + part.size();
  };
  int i = -1, n = 0;
  if (!whole(i_text, i) || !whole(n_text, n) || n < 1 || i < 0 || i >= n) return bad();
  index = i;
  count = n;
  return Status::Ok();
}

Result<ReprocessReport> RunReprocess(const ReprocessOptions& options) {
  if (options.shard_count < 1 || options.shard_index < 0 || options.shard_index >= options.shard_count) {
    return Status::InvalidArgument("shard hors limites");
  }
  LIASSE_ASSIGN_OR_RETURN(auto listed, ListEnvelopes(options.process.inputs));
  std::vector<fs::path> envelopes;
  for (const auto& e : listed) {
    if (InShard(e.filename().string(), options.shard_index, options.shard_count)) envelopes.push_back(e);
  }
  ProcessOptions process = options.process;
  std::error_code ec;
  fs::create_directories(process.out_dir, ec);
  if (ec) return Status::IoError(process.out_dir.string() + " : " + FrenchSystemError(ec));
  if (process.database.empty()) process.database = process.out_dir / ("liasse" + ShardSuffix(options) + ".db");
  const fs::path data_dir = process.data_dir.empty() ? rules::LotRuleSet::DefaultDataDir() : process.data_dir;

  LIASSE_ASSIGN_OR_RETURN(auto db, store::Database::Open(process.database.string()));
  LIASSE_ASSIGN_OR_RETURN(auto journal, store::ReprocessJournal::Open(db));
  ReprocessReport report;
  report.run_key = RunKey(options, data_dir);
  report.shard_index = options.shard_index;
  report.shard_count = options.shard_count;
  report.envelopes = static_cast<int>(envelopes.size());
  if (options.restart) {
    LIASSE_RETURN_IF_ERROR((journal)->Forget(report.run_key));
  }
  LIASSE_ASSIGN_OR_RETURN(auto finished, (journal)->Finished(report.run_key));
  std::set<std::string> done;
  for (const auto& f : finished) done.insert(f.envelope);
  std::vector<fs::path> todo;
  for (const auto& e : envelopes) {
    if (done.contains(e.filename().string())) {
      ++report.resumed;
    } else {
      todo.push_back(e);
    }
  }

  ChangeRecorder recorder(process.out_dir, *journal, report.run_key);
  process.ocr_cache = true;
  process.observer = &recorder;
  // The chain runs again on every envelope not in the journal, whatever a
  // `process` run committed (its resume records are for its own restart).
  process.resume = false;
  LIASSE_ASSIGN_OR_RETURN(auto processor, Processor::Open(process));
  LIASSE_ASSIGN_OR_RETURN(auto summary, (processor)->Process(todo));
  report.summary = summary;
  report.processed = summary.envelopes;
  report.from_ocr_cache = summary.from_ocr_cache;

  LIASSE_ASSIGN_OR_RETURN(auto all, (journal)->Finished(report.run_key));
  std::set<std::string> in_shard;
  for (const auto& e : envelopes) in_shard.insert(e.filename().string());
  for (const auto& entry : all) {
    if (!in_shard.contains(entry.envelope)) continue;
    LIASSE_ASSIGN_OR_RETURN(auto changes, DecodeChanges(entry.changes));
    AddToReport(changes, report);
  }
  const fs::path base = process.out_dir / ("reprocess-report" + ShardSuffix(options));
  LIASSE_RETURN_IF_ERROR(WriteText(base.string() + ".json", ReprocessReportJson(report)));
  LIASSE_RETURN_IF_ERROR(WriteText(base.string() + ".txt", ReprocessReportTable(report)));
  // The run is complete: the next invocation is a new run, compared with
  // the results written now. A copy left by a kill between the journal's
  // record and its removal must not pass for a future previous result.
  for (const auto& entry : all) {
    std::error_code ignored;
    fs::remove(recorder.KeptPath(process.out_dir / (fs::path(entry.envelope).stem().string() + ".json")), ignored);
  }
  LIASSE_RETURN_IF_ERROR((journal)->Forget(report.run_key));
  return report;
}

}  // namespace liasse::runner
