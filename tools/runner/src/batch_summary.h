// The figures of a batch (ProcessSummary) as its envelopes are committed.
// Internal to the runner.
#pragma once

#include <vector>

#include "claims.h"
#include "envelope_output.h"
#include "liasse/runner/process_options.h"

namespace liasse::runner {

// Adds one committed envelope to `summary`: always the envelope and whether
// its OCR came from the cache; for an unreadable one (out.error set) the
// count of unreadable envelopes and a quarantine line; otherwise its pages,
// documents by type, review flags (documents and claims), lot verdicts,
// priced claims with their mutuelle part, letters written and queued, and
// its EnvelopeLine.
void CountEnvelope(const EnvelopeOutput& out, const std::vector<ClaimResult>& claims, bool from_ocr_cache,
                   ProcessSummary& summary);

}  // namespace liasse::runner
