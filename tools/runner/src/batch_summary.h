// The figures of a batch (ProcessSummary) as its envelopes are committed.
// Internal to the runner.
#pragma once

#include "envelope_output.h"
#include "liasse/runner/process_options.h"
#include "settlement.h"

namespace liasse::runner {

// Adds one committed envelope to `summary`: always the envelope and whether
// its OCR came from the cache; for an unreadable one (out.error set) the
// count of unreadable envelopes and a quarantine line; otherwise its pages,
// documents by type and review flags, and what `tally` settled (lot
// verdicts, claims paid with the sum, refused with their reasons, waiting
// with why, letters written and queued, flags by reason), and its
// EnvelopeLine with the tally's figures.
void CountEnvelope(const EnvelopeOutput& out, const SettlementTally& tally, bool from_ocr_cache,
                   ProcessSummary& summary);

}  // namespace liasse::runner
