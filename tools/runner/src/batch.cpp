#include "batch.h"

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>

#include "batch_summary.h"
#include "envelope_chain.h"
#include "envelope_meta.h"
#include "envelope_output.h"
#include "held_files.h"
#include "liasse/ocr/page_image.h"
#include "liasse/runner/file_hash.h"
#include "ocr_cache_codec.h"
#include "ocr_stream.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;

std::string HashOrEmpty(const fs::path& file) {
  auto hash = Sha256OfFile(file);
  return hash.ok() ? *hash : std::string();
}

// What an envelope's result depends on besides its name and bytes: a record
// made under other dates, other metadata (NAME.meta.json: date of receipt,
// date of the letters) or another data folder is not resumed.
std::string ResumeKey(Stages& stages, const fs::path& file) {
  auto meta = stages.options().env->ReadFile(MetaPathOf(file));
  const std::string meta_key = meta.ok() ? Sha256OfText(*meta) : std::string("sans-meta");
  return stages.resume_fingerprint() + " " + ReceptionDate(stages.options(), file).ToIso() + " " + meta_key;
}

// Writes again the files of `file` when a run that stopped before its end
// committed it: true when done so (the envelope is not processed again).
Result<bool> ResumeCommitted(Stages& stages, const fs::path& file, const std::string& sha256) {
  if (sha256.empty()) return false;
  LIASSE_ASSIGN_OR_RETURN(auto found, stages.committed()->Find(file.filename().string(), sha256));
  if (!found || found->options_key != ResumeKey(stages, file)) return false;
  LIASSE_RETURN_IF_ERROR(PublishEnvelope(stages, file, found->quarantined, found->files));
  return true;
}

// The callbacks of the OCR stream for one list of envelopes, and the
// ordered commit.
class Batch {
 public:
  // `sha256` holds the hash of each envelope when known, else "".
  Batch(Stages& stages, std::vector<fs::path> envelopes, std::vector<std::string> sha256)
      : stages_(stages), options_(stages.options()), envelopes_(std::move(envelopes)), sha256_(std::move(sha256)) {
    sha256_.resize(envelopes_.size());
  }

  const std::vector<fs::path>& envelopes() const { return envelopes_; }

  Result<std::vector<ocr::PageImage>> Decode(std::size_t index) {
    const fs::path& file = envelopes_[index];
    LIASSE_RETURN_IF_ERROR(CheckReadable(stages_.env(), file));
    return ocr::DecodeFile(file);
  }

  void Failed(std::size_t index, const Status& error) {
    Prepared p;
    p.file = envelopes_[index];
    p.sha256 = Sha256Of(index);
    p.error = error.message();
    Submit(index, std::move(p));
  }

  // Whether the envelope's OCR can come from the cache: same bytes, same
  // engine, and its searchable PDF (which the cache does not hold) still in
  // the output directory. Decoder thread.
  bool Cached(std::size_t index) {
    if (stages_.ocr_cache() == nullptr) return false;
    const fs::path& file = envelopes_[index];
    if (sha256_[index].empty()) sha256_[index] = HashOrEmpty(file);
    std::error_code ec;
    if (sha256_[index].empty() || !fs::exists(SearchablePdfPath(file), ec)) return false;
    auto found = stages_.ocr_cache()->Contains(stages_.CacheKey(sha256_[index]));
    return found.ok() && *found;
  }

  // The envelope from the cache; OCR on this worker if the entry cannot be
  // read back after all.
  void FromCache(std::size_t index, ocr::OcrEngine& engine) {
    const fs::path& file = envelopes_[index];
    const store::OcrCacheKey key = stages_.CacheKey(sha256_[index]);
    auto entry = stages_.ocr_cache()->Find(key);
    Result<std::vector<ocr::PageResult>> pages = Status::NotFound("absente du cache");
    if (entry.ok() && entry->has_value()) pages = DecodeOcr(**entry);
    if (!pages.ok()) {
      CountCacheFailure();
      RecogniseHere(index, engine);
      return;
    }
    std::vector<const ocr::PageResult*> recognised;
    for (const auto& page : *pages) recognised.push_back(&page);
    RegionMemo memo = RegionMemo::Parse((*entry)->regions);
    Prepared p = ExtractEnvelope(file, Sha256Of(index), recognised, engine, memo);
    p.searchable_pdf = fs::relative(SearchablePdfPath(file), options_.out_dir).generic_string();
    p.from_cache = true;
    if (p.region_misses > 0) p.cache_regions = memo.Serialise();
    Submit(index, std::move(p));
  }

  void Done(std::size_t index, std::vector<Result<ocr::PageResult>> results, ocr::OcrEngine& engine) {
    std::vector<const ocr::PageResult*> recognised(results.size(), nullptr);
    for (std::size_t i = 0; i < results.size(); ++i) {
      if (!results[i].ok()) {
        // A page Tesseract could not take makes the envelope unreadable as a
        // whole: its documents could not be split reliably.
        Prepared p;
        p.file = envelopes_[index];
        p.sha256 = Sha256Of(index);
        p.error = p.file.filename().string() + ": page " + std::to_string(i + 1) + " : " +
                  results[i].status().message();
        Submit(index, std::move(p));
        return;
      }
      recognised[i] = &*results[i];
    }
    RegionMemo memo;
    Prepared p = ExtractEnvelope(envelopes_[index], Sha256Of(index), recognised, engine, memo);
    if (auto pdf = WriteSearchablePdf(options_.out_dir, p.file, results); pdf.ok()) {
      p.searchable_pdf = *pdf;
      PrepareCacheEntry(p, recognised, memo);
    } else {
      p.error = pdf.status().message();
    }
    Submit(index, std::move(p));
  }

  ProcessSummary TakeSummary() { return std::move(summary_); }
  Status status() const { return fatal_; }

 private:
  // The hash the decoder thread computed, else computed now.
  std::string Sha256Of(std::size_t index) const {
    return sha256_[index].empty() ? HashOrEmpty(envelopes_[index]) : sha256_[index];
  }

  fs::path SearchablePdfPath(const fs::path& file) const {
    const std::string stem = file.stem().string();
    return options_.out_dir / stem / (stem + ".ocr.pdf");
  }

  // The cache entry of the envelope's OCR, for the commit to keep (worker
  // thread; a failure only means the next run reads it again).
  void PrepareCacheEntry(Prepared& p, const std::vector<const ocr::PageResult*>& recognised, const RegionMemo& memo) {
    if (stages_.ocr_cache() == nullptr || p.sha256.empty()) return;
    auto entry = EncodeOcr(recognised, memo.Serialise());
    if (entry.ok()) {
      p.cache_entry = std::move(entry).value();
    } else {
      CountCacheFailure();
    }
  }

  // What the worker left for the OCR cache, inside the envelope's
  // transaction (commit thread, under commit_mu_).
  void KeepOcr(const Prepared& p) {
    if (stages_.ocr_cache() == nullptr || p.sha256.empty()) return;
    const store::OcrCacheKey key = stages_.CacheKey(p.sha256);
    bool ok = true;
    if (p.cache_entry) ok = stages_.ocr_cache()->Put(key, *p.cache_entry).ok();
    if (p.cache_regions) ok = stages_.ocr_cache()->SetRegions(key, *p.cache_regions).ok() && ok;
    if (!ok) ++summary_.ocr_cache_failures;
  }

  // OCR of one envelope on this worker, for a cache entry that could not be
  // read back.
  void RecogniseHere(std::size_t index, ocr::OcrEngine& engine) {
    auto images = Decode(index);
    if (!images.ok()) {
      Failed(index, images.status());
      return;
    }
    std::vector<Result<ocr::PageResult>> results;
    for (const auto& image : *images) results.push_back(engine.Recognise(image));
    Done(index, std::move(results), engine);
  }

  void CountCacheFailure() {
    std::lock_guard lock(commit_mu_);
    ++summary_.ocr_cache_failures;
  }

  void Submit(std::size_t index, Prepared prepared) {
    std::lock_guard lock(commit_mu_);
    ready_.emplace(index, std::move(prepared));
    while (!ready_.empty() && ready_.begin()->first == next_commit_) {
      const std::size_t told = summary_.messages.size();
      Commit(ready_.begin()->second);
      ready_.erase(ready_.begin());
      ++next_commit_;
      if (options_.on_envelope && summary_.messages.size() > told) options_.on_envelope(summary_.messages.back());
      if (options_.progress) {
        options_.progress(static_cast<int>(next_commit_), static_cast<int>(envelopes_.size()), summary_.pages);
      }
    }
  }

  // The stateful stages, in input order, under commit_mu_: the envelope's
  // writes to the store in one transaction with the record of its files,
  // then the files.
  void Commit(Prepared& p) {
    EnvelopeOutput out;
    out.source = p.file.filename().string();
    out.sha256 = p.sha256;
    out.error = p.error;
    out.searchable_pdf = p.searchable_pdf;
    out.pages = std::move(p.pages);
    out.documents = std::move(p.documents);
    SettlementTally tally;
    HeldFiles held(&stages_.env(), options_.out_dir);
    auto tx = store::Transaction::Begin(stages_.store().database());
    if (!tx.ok()) return Fatal(tx.status());
    KeepOcr(p);
    if (!p.error) {
      if (Status s = RunEnvelopeChain(stages_, p.file, out, tally, held); !s.ok()) return Fatal(s);
    }
    if (Status s = WriteEnvelopeJson(held, options_.out_dir, p.file, out); !s.ok()) return Fatal(s);
    if (Status s = Journal(p, held); !s.ok()) return Fatal(s);
    if (Status s = tx->Commit(); !s.ok()) return Fatal(s);
    CountEnvelope(out, tally, p.from_cache, summary_);
    if (Status s = PublishEnvelope(stages_, p.file, p.error.has_value(), held.files()); !s.ok()) return Fatal(s);
    stages_.log().Envelope(out, p.from_cache,
                           std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count());
  }

  // The records of the envelope that commit with its writes: its files
  // (resume) and the intake journal (watch).
  Status Journal(const Prepared& p, const HeldFiles& held) {
    const std::string name = p.file.filename().string();
    if (stages_.committed() != nullptr) {
      LIASSE_RETURN_IF_ERROR(stages_.committed()->Record(
          {name, p.sha256, ResumeKey(stages_, p.file), p.error.has_value(), held.files()}));
    }
    if (stages_.intake() != nullptr) {
      const fs::path json = options_.out_dir / (p.file.stem().string() + ".json");
      LIASSE_RETURN_IF_ERROR(
          stages_.intake()->Record({p.sha256, name, p.error ? "quarantine" : "done", json.string()}));
    }
    return Status::Ok();
  }

  // Records the first failure; an envelope's open transaction rolls back.
  void Fatal(const Status& s) {
    if (fatal_.ok()) fatal_ = s;
  }

  Stages& stages_;
  const ProcessOptions& options_;
  std::vector<fs::path> envelopes_;
  std::vector<std::string> sha256_;  // written by the decoder thread before the envelope is queued
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();

  std::mutex commit_mu_;
  std::map<std::size_t, Prepared> ready_;
  std::size_t next_commit_ = 0;
  ProcessSummary summary_;
  Status fatal_ = Status::Ok();
};

}  // namespace

Result<ProcessSummary> RunBatch(Stages& stages, const std::vector<fs::path>& envelopes) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<fs::path> todo;
  std::vector<std::string> sha256;
  int resumed = 0;
  if (stages.committed() == nullptr) {
    todo = envelopes;
  } else {
    std::vector<store::CommittedEnvelope> keys;
    for (const auto& file : envelopes) {
      keys.push_back({file.filename().string(), HashOrEmpty(file), ResumeKey(stages, file), false, {}});
    }
    if (stages.options().resume_forgets_others) LIASSE_RETURN_IF_ERROR(stages.committed()->ForgetAllBut(keys));
    for (std::size_t i = 0; i < envelopes.size(); ++i) {
      LIASSE_ASSIGN_OR_RETURN(auto done, ResumeCommitted(stages, envelopes[i], keys[i].sha256));
      if (done) {
        ++resumed;
      } else {
        todo.push_back(envelopes[i]);
        sha256.push_back(keys[i].sha256);
      }
    }
  }
  Batch batch(stages, std::move(todo), std::move(sha256));
  const std::vector<ocr::OcrEngine*> engines = stages.engines();
  const std::size_t backlog =
      stages.options().max_backlog_pages > 0 ? stages.options().max_backlog_pages : 8 * engines.size();
  OcrStreamCallbacks callbacks{
      [&](std::size_t i) { return batch.Decode(i); },
      [&](std::size_t i, const Status& error) { batch.Failed(i, error); },
      [&](std::size_t i, std::vector<Result<ocr::PageResult>> pages, ocr::OcrEngine& engine) {
        batch.Done(i, std::move(pages), engine);
      },
      [&](std::size_t i) { return batch.Cached(i); },
      [&](std::size_t i, ocr::OcrEngine& engine) { batch.FromCache(i, engine); }};
  stages.log().BatchStart(static_cast<int>(batch.envelopes().size()), static_cast<int>(engines.size()));
  RunOcrStream(batch.envelopes().size(), engines, backlog, callbacks);
  if (!batch.status().ok()) return batch.status();
  ProcessSummary summary = batch.TakeSummary();
  summary.resumed = resumed;
  summary.envelopes += resumed;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  stages.log().BatchEnd(summary);
  return summary;
}

}  // namespace liasse::runner
