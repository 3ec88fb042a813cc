#include "batch.h"

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>

#include "batch_summary.h"
#include "envelope_chain.h"
#include "envelope_output.h"
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

// The callbacks of the OCR stream for one list of envelopes, and the
// ordered commit.
class Batch {
 public:
  Batch(Stages& stages, std::vector<fs::path> envelopes)
      : stages_(stages), options_(stages.options()), envelopes_(std::move(envelopes)), sha256_(envelopes_.size()) {}

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
    sha256_[index] = HashOrEmpty(file);
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
    if (p.region_misses > 0 && !stages_.ocr_cache()->SetRegions(key, memo.Serialise()).ok()) CountCacheFailure();
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
      Remember(p.sha256, recognised, memo);
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

  // Keeps the envelope's OCR in the cache (worker thread; a failure only
  // means the next run reads it again).
  void Remember(const std::string& sha256, const std::vector<const ocr::PageResult*>& recognised,
                const RegionMemo& memo) {
    if (stages_.ocr_cache() == nullptr || sha256.empty()) return;
    auto entry = EncodeOcr(recognised, memo.Serialise());
    if (!entry.ok() || !stages_.ocr_cache()->Put(stages_.CacheKey(sha256), *entry).ok()) CountCacheFailure();
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

  // The stateful stages, in input order, under commit_mu_.
  void Commit(Prepared& p) {
    EnvelopeOutput out;
    out.source = p.file.filename().string();
    out.sha256 = p.sha256;
    out.error = p.error;
    out.searchable_pdf = p.searchable_pdf;
    out.pages = std::move(p.pages);
    out.documents = std::move(p.documents);
    SettlementTally tally;
    if (p.error) {
      if (Status q = Quarantine(p.file, options_.out_dir); !q.ok()) Fatal(q);
    } else if (Status s = RunEnvelopeChain(stages_, p.file, out, tally); !s.ok()) {
      Fatal(s);
    }
    CountEnvelope(out, tally, p.from_cache, summary_);
    if (!WriteResult(p.file, out)) return;
    stages_.log().Envelope(out, p.from_cache,
                           std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count());
  }

  // DIR/<stem>.json, with the observer told before and after. False when
  // the result was not written (the batch stops).
  bool WriteResult(const fs::path& file, const EnvelopeOutput& out) {
    const fs::path json = options_.out_dir / (file.stem().string() + ".json");
    if (options_.observer != nullptr) {
      if (Status s = options_.observer->BeforeWrite(file, json); !s.ok()) {
        Fatal(s);
        return false;
      }
    }
    if (Status w = WriteEnvelopeJson(stages_.env(), options_.out_dir, file, out); !w.ok()) {
      Fatal(w);
      return false;
    }
    if (options_.observer != nullptr) {
      if (Status s = options_.observer->AfterWrite(file, json); !s.ok()) Fatal(s);
    }
    return true;
  }

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
  Batch batch(stages, envelopes);
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
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  stages.log().BatchEnd(summary);
  return summary;
}

}  // namespace liasse::runner
