// `liasse reprocess ARCHIVE --out DIR [--shard i/N]`: runs the whole chain
// again over envelopes already processed into DIR — after a change of rules,
// pricing data, templates or program — taking the OCR from the store's
// cache (no Tesseract run for an envelope already read by the same engine),
// and reports what changed against the results DIR held before: lot
// verdicts and anomalies, priced amounts, letters, documents, errors,
// review flags. Letters are rewritten in DIR; a décompte already in the
// outbox is not queued again (same décompte id: the member is not mailed
// twice, even when its amounts changed — the report lists those), a new one
// is queued as `process` would, unless queue_letters is false.
//
// A run is journaled in the store until it completes: killed and started
// again with the same program, data and shard, it resumes after the last
// envelope it finished and its report still covers every envelope. A
// completed run is forgotten: the next invocation is a new run. `--shard i/N` takes a stable
// 1/N of the envelopes (by file name), for Slurm job arrays or Kubernetes
// indexed jobs sharing one archive.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/status.h"
#include "liasse/runner/process.h"

namespace liasse::runner {

struct ReprocessOptions {
  // inputs: the archive (folders or files); out_dir: the results to compare
  // with and replace. `database` empty: DIR/liasse.db, or
  // DIR/liasse-shard-i-of-N.db with a shard (one store per shard, so shards
  // on several machines never share a SQLite file). ocr_cache and observer
  // are set by the reprocessing; queue_letters is kept.
  ProcessOptions process;
  int shard_index = 0;  // 0 ≤ shard_index < shard_count
  int shard_count = 1;
  bool restart = false;  // forget an interrupted run and start it again
};

struct ReprocessChange {
  std::string envelope;
  std::string kind;  // "erreur", "documents", "lot", "montant", "lettre", "revue"
  std::string what;
  std::string before, after;  // "—" when absent
};

struct ReprocessReport {
  std::string run_key;
  int shard_index = 0, shard_count = 1;
  int envelopes = 0;   // in this shard of the archive
  int resumed = 0;     // already finished by an interrupted run of the same key
  int processed = 0;   // processed by this invocation
  int from_ocr_cache = 0;
  int unchanged = 0, changed = 0, first_results = 0;  // over every finished envelope
  std::int64_t mutuelle_before_cents = 0, mutuelle_after_cents = 0;
  std::vector<ReprocessChange> changes;
  ProcessSummary summary;  // of this invocation
};

// Whether `envelope_name` (a file name) falls in shard `index` of `count`:
// FNV-1a of the name modulo count, the same on every machine and run.
bool InShard(std::string_view envelope_name, int index, int count);

// Parses "i/N" (0 ≤ i < N, N ≥ 1). kInvalidArgument with the reason.
Status ParseShard(std::string_view text, int& index, int& count);

// Runs the reprocessing and writes its report to DIR/reprocess-report.json
// and DIR/reprocess-report.txt (…-shard-i-of-N.* with a shard). Fails as
// RunProcess does, or when the journal cannot be written.
Result<ReprocessReport> RunReprocess(const ReprocessOptions& options);

// The report as JSON (schema "liasse.reprocess/1") and as a French table.
std::string ReprocessReportJson(const ReprocessReport& report);
std::string ReprocessReportTable(const ReprocessReport& report);

}  // namespace liasse::runner
