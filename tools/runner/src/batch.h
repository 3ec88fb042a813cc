// One run of the chain over a list of envelopes: pages stream through the
// OCR workers (or come from the OCR cache), each envelope is extracted on
// the worker that finished it, and the ordered commit then runs the
// stateful stages envelope after envelope in input order, whatever order
// the OCR finished them in, so results do not depend on thread timing.
// Internal to the runner.
#pragma once

#include <filesystem>
#include <vector>

#include "liasse/core/status.h"
#include "liasse/runner/process_options.h"
#include "stages.h"

namespace liasse::runner {

// Processes `envelopes` with `stages` as Processor::Process does: writes
// each envelope's result JSON (through the options' observer), quarantines
// the unreadable ones and logs each. Fails with the first store or output
// failure (the envelopes committed before it keep their results).
Result<ProcessSummary> RunBatch(Stages& stages, const std::vector<std::filesystem::path>& envelopes);

}  // namespace liasse::runner
