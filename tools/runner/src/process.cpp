#include "liasse/runner/process.h"

#include "batch.h"
#include "liasse/runner/envelope_source.h"
#include "stages.h"

namespace liasse::runner {

Processor::Processor(std::unique_ptr<Stages> stages) : stages_(std::move(stages)) {}
Processor::~Processor() = default;

Result<std::unique_ptr<Processor>> Processor::Open(const ProcessOptions& options) {
  auto stages = Stages::Open(options);
  if (!stages.ok()) return stages.status();
  return std::unique_ptr<Processor>(new Processor(std::move(stages).value()));
}

Result<ProcessSummary> Processor::Process(const std::vector<std::filesystem::path>& envelopes) {
  return RunBatch(*stages_, envelopes);
}

Result<ProcessSummary> RunProcess(const ProcessOptions& options) {
  auto envelopes = ListEnvelopes(options.inputs);
  if (!envelopes.ok()) return envelopes.status();
  auto processor = Processor::Open(options);
  if (!processor.ok()) return processor.status();
  return (*processor)->Process(*envelopes);
}

}  // namespace liasse::runner
