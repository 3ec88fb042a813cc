#include "batch_summary.h"

#include <string>

namespace liasse::runner {
namespace {

void CountDocuments(const EnvelopeOutput& out, ProcessSummary& summary) {
  summary.pages += static_cast<long>(out.pages.size());
  for (const auto& d : out.documents) {
    ++summary.documents_by_type[std::string(DocumentTypeName(d.type))];
    summary.review_flags += static_cast<int>(d.review.size());
  }
}

void CountSettlement(const std::string& source, const SettlementTally& t, ProcessSummary& summary) {
  summary.lots_accepted += t.lots_accepted;
  summary.lots_partial += t.lots_partial;
  summary.lots_rejected += t.lots_rejected;
  summary.claims += t.claims_paid;
  summary.euros_priced_cents += t.paid.cents();
  summary.claims_refused += t.claims_refused;
  summary.claims_waiting += t.claims_waiting;
  for (const auto& [reason, n] : t.refusals) summary.refusals[reason] += n;
  for (const auto& w : t.waiting) summary.waiting.push_back(source + " : " + w);
  summary.review_flags += t.claims_waiting;
  for (const auto& [reason, n] : t.review_by_reason) summary.review_by_reason[reason] += n;
  summary.letters += t.letters_written;
  summary.letters_queued += t.letters_queued;
  summary.letters_waiting += t.letters_waiting;
}

}  // namespace

void CountEnvelope(const EnvelopeOutput& out, const SettlementTally& tally, bool from_ocr_cache,
                   ProcessSummary& summary) {
  ++summary.envelopes;
  summary.from_ocr_cache += from_ocr_cache ? 1 : 0;
  if (out.error) {
    ++summary.unreadable;
    summary.messages.push_back(out.source + " : quarantaine — " + *out.error);
    return;
  }
  CountDocuments(out, summary);
  CountSettlement(out.source, tally, summary);
  for (const auto& l : out.letters) summary.letters_by_post += l.by_post.empty() ? 0 : 1;
  summary.messages.push_back(EnvelopeLine(out) + TallyLine(tally));
}

}  // namespace liasse::runner
