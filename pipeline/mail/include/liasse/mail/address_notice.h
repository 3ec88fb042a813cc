// The confirmation of a new e-mail address (issue 21 item 2): a message
// with no health data telling the member that décomptes will go to this
// address once an operator has confirmed it, and how to stop it. Queued by
// `liasse members import` for a changed address and by `liasse process`
// for an address read from a coupon.
#pragma once

#include <string_view>

#include "liasse/core/outbox.h"
#include "liasse/core/status.h"
#include "liasse/mail/config.h"

namespace liasse::mail {

// The outbox message for member `numero_adherent`'s new address `email`,
// recorded at `since` (the store's ISO time: its id "adresse-<numéro>-<since>"
// is unique per change), dated `rfc_date` (RFC 5322). Marked as carrying no
// health data, so the outbox accepts it for an unproven address.
// FailedPrecondition when the configuration has no [confirmation_adresse];
// InvalidArgument when the message cannot be built (see BuildMime).
Result<OutboxMessage> AddressNoticeMessage(const AddressNotice& notice, const OperatorIdentity& sender,
                                           std::string_view numero_adherent, std::string_view email,
                                           std::string_view since, std::string_view rfc_date);

}  // namespace liasse::mail
