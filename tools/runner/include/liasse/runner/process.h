// `liasse process`: runs the chain on each envelope — OCR (decode, orient,
// deskew, clean, recognise) → split, classify, extract → B2 lot rules →
// pricing of the accepted feuilles de soins (members from the store) →
// letters (lot anomaly notices, complaint acknowledgments, décomptes) →
// outbox — and writes one result JSON per envelope
// (docs/results.md) plus its searchable PDF and letters. An envelope that cannot be read is reported with its
// error and copied to DIR/quarantine/, never dropped, and the batch goes on.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "liasse/core/status.h"
#include "liasse/runner/process_options.h"

namespace liasse::runner {

class Stages;

// The chain, opened once (OCR engines, rule and pricing data, the store,
// the letter generator) and run over as many lists of envelopes as needed
// (`liasse watch` keeps one open). `options` must outlive the processor.
// Not thread-safe: one Process call at a time (it uses every engine).
class Processor {
 public:
  // Fails when the output directory or the store cannot be written, or the
  // engines, rule, pricing, mail or letter data cannot be loaded.
  static Result<std::unique_ptr<Processor>> Open(const ProcessOptions& options);
  ~Processor();
  Processor(const Processor&) = delete;
  Processor& operator=(const Processor&) = delete;

  // Processes `envelopes` (files) as RunProcess does.
  Result<ProcessSummary> Process(const std::vector<std::filesystem::path>& envelopes);

 private:
  explicit Processor(std::unique_ptr<Stages> stages);
  std::unique_ptr<Stages> stages_;
};

// Lists the inputs, opens a Processor and processes every envelope. Fails only when the inputs cannot be listed, the
// output directory or the store cannot be written, or the OCR engines or
// rule data cannot be loaded; per-envelope failures are in the summary and
// the JSON.
Result<ProcessSummary> RunProcess(const ProcessOptions& options);

}  // namespace liasse::runner
