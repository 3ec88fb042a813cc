// The chain one envelope goes through once its pages are recognised: split,
// classify and extract (any worker, in parallel), then — in input order,
// because they read and write the store — the B2 lot rules with the
// prescription memory, the claims priced on the store's counters, and the
// letters. Internal to the runner.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "envelope_output.h"
#include "liasse/core/document.h"
#include "liasse/core/status.h"
#include "liasse/ocr/ocr.h"
#include "ocr_cache_codec.h"
#include "settle_envelope.h"
#include "settlement.h"
#include "stages.h"

namespace liasse::runner {

// What the parallel part of an envelope's processing (OCR, extraction)
// leaves for the ordered part (rules with their memory, results on disk).
struct Prepared {
  std::filesystem::path file;
  std::string sha256;
  std::optional<std::string> error;  // French: why the envelope is unreadable
  std::string searchable_pdf;  // relative to the output directory
  std::vector<PageOutput> pages;
  std::vector<Document> documents;
  bool from_cache = false;
  int region_misses = 0;  // region re-reads the cache did not hold
  // What the OCR cache is to keep, written by the ordered commit inside the
  // envelope's transaction (never by the worker: its writes would land in
  // another envelope's transaction on the shared connection).
  std::optional<store::CachedOcr> cache_entry;   // a new entry
  std::optional<std::string> cache_regions;      // new region re-reads of a cached entry
};

// Why an envelope cannot be read at all, or ok: a cheap look at its first
// bytes (read through `env`) before the decoder is asked, so an empty or
// foreign file gets a plain French reason (kIoError or kCorrupt naming the
// file).
Status CheckReadable(Env& env, const std::filesystem::path& path);

// The date of receipt of `file`: options.date_reception when given, else
// the local date (options.clock) of the file's modification time
// (options.env), which is when it was scanned; today by the clock when the
// file system cannot tell.
Date ReceptionDate(const ProcessOptions& options, const std::filesystem::path& file);

// Splits, classifies and extracts the documents of `file` from its
// recognised pages (in page order), with region re-reads answered by `memo`
// first and by `engine` otherwise (new answers are added to `memo`). Runs on
// `engine`'s thread.
Prepared ExtractEnvelope(const std::filesystem::path& file, std::string sha256,
                         const std::vector<const ocr::PageResult*>& recognised, ocr::OcrEngine& engine,
                         RegionMemo& memo);

// The chain after reading (settle_envelope.h) on the processor's stages,
// with the letters and payments dated `letter_day`.
SettleStages SettleStagesOf(Stages& stages, Date letter_day);

// The stateful stages of a readable envelope, into `out` (whose documents
// are set): SettleEnvelope (settle_envelope.h) on these stages — lot
// verdicts, claims priced, payments recorded, letters written under
// DIR/<stem>/ (through `files`) and queued. `tally` receives what was
// settled, for the summary. Returns the first store failure (the batch must
// stop), else ok.
Status RunEnvelopeChain(Stages& stages, const std::filesystem::path& file, EnvelopeOutput& out,
                        SettlementTally& tally, Env& files);

}  // namespace liasse::runner
