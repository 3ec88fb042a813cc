#include "batch_summary.h"

#include <string>

namespace liasse::runner {
namespace {

void CountClaims(const std::vector<ClaimResult>& claims, ProcessSummary& summary) {
  for (const auto& c : claims) {
    if (c.priced) {
      ++summary.claims;
      summary.euros_priced_cents += c.priced->totals.mutuelle.cents();
    }
    summary.review_flags += static_cast<int>(c.review.size());
  }
}

void CountDocumentsAndLots(const EnvelopeOutput& out, ProcessSummary& summary) {
  summary.pages += static_cast<long>(out.pages.size());
  for (const auto& d : out.documents) {
    ++summary.documents_by_type[std::string(DocumentTypeName(d.type))];
    summary.review_flags += static_cast<int>(d.review.size());
  }
  for (const auto& lot : out.lots) {
    switch (lot.verdict) {
      case rules::Verdict::kAccepted: ++summary.lots_accepted; break;
      case rules::Verdict::kPartial: ++summary.lots_partial; break;
      case rules::Verdict::kRejected: ++summary.lots_rejected; break;
    }
  }
}

}  // namespace

void CountEnvelope(const EnvelopeOutput& out, const std::vector<ClaimResult>& claims, bool from_ocr_cache,
                   ProcessSummary& summary) {
  ++summary.envelopes;
  summary.from_ocr_cache += from_ocr_cache ? 1 : 0;
  if (out.error) {
    ++summary.unreadable;
    summary.messages.push_back(out.source + " : quarantaine — " + *out.error);
    return;
  }
  CountClaims(claims, summary);
  for (const auto& l : out.letters) {
    (l.held.empty() ? summary.letters : summary.letters_held) += 1;
    summary.letters_queued += l.queued ? 1 : 0;
  }
  CountDocumentsAndLots(out, summary);
  summary.messages.push_back(EnvelopeLine(out));
}

}  // namespace liasse::runner
