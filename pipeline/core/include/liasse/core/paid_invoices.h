// PaidInvoices: the port through which the B2 lot rules and the claims ask
// whether an invoice was already priced for payment. A B2 invoice number is
// unique per professional (reference.md), so the key of an invoice is the
// claim id built from the professional and the number (B2ClaimId); members'
// factures use their own claim ids. The store implements it on SQLite.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "liasse/core/date.h"
#include "liasse/core/status.h"

namespace liasse {

// The claim id of invoice `numero` of professional `professionnel` in a B2
// lot: "B2-<professionnel>-<numero>". Both parts must be non-empty.
std::string B2ClaimId(std::string_view professionnel, std::string_view numero);

// Where and when a claim was priced for payment.
struct PaidInvoice {
  std::string claim_id;
  std::string envelope;  // the envelope's key (see EnvelopeKey)
  std::string source;    // the envelope's file name, for messages
  Date date = Date::FromSerial(0);  // the day it was priced
};

// The key of an envelope for PaidInvoices: its file name and its SHA-256.
// Processing the same file again keeps the key (idempotent reprocessing); a
// copy under another name, or another scan of the same paper, has another.
std::string EnvelopeKey(std::string_view source, std::string_view sha256);

// Implementations say which threads may call them. Fails only when the
// backing store cannot answer.
class PaidInvoices {
 public:
  virtual ~PaidInvoices() = default;
  // The pricing of `claim_id` by an envelope other than `envelope`, or
  // nullopt (never priced, or priced by this same envelope).
  virtual Result<std::optional<PaidInvoice>> PaidElsewhere(std::string_view claim_id,
                                                           std::string_view envelope) const = 0;
};

}  // namespace liasse
