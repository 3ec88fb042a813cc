#include "liasse/runner/process.h"

#include "batch.h"
#include "liasse/runner/envelope_source.h"
#include "stages.h"

namespace liasse::runner {

Processor::Processor(std::unique_ptr<Stages> stages) : stages_(std::move(stages)) {}
Processor::~Processor() = default;

Result<std::unique_ptr<Processor>> Processor::Open(const ProcessOptions& options) {
  LIASSE_ASSIGN_OR_RETURN(auto stages, Stages::Open(options));
  return std::unique_ptr<Processor>(new Processor(std::move(stages)));
}

Result<ProcessSummary> Processor::Process(const std::vector<std::filesystem::path>& envelopes) {
  auto summary = RunBatch(*stages_, envelopes);
  if (!summary.ok()) return summary;
  auto waiting = stages_->store().UnprovenEmails();
  if (!waiting.ok()) return waiting.status();
  for (const auto& w : *waiting) summary->addresses_waiting.push_back(w.numero_adherent + " " + w.email);
  return summary;
}

Result<ProcessSummary> RunProcess(const ProcessOptions& options) {
  LIASSE_ASSIGN_OR_RETURN(auto envelopes, ListEnvelopes(options.inputs));
  LIASSE_ASSIGN_OR_RETURN(auto processor, Processor::Open(options));
  return (processor)->Process(envelopes);
}

}  // namespace liasse::runner
