// The "décomptes par mail" coupons of an envelope (seed 000; issues 22 item
// 6 and 21 item 2): the address a member writes on one becomes the
// member's address only through the proof an operator gives. Internal to
// the runner.
#pragma once

#include <string>
#include <vector>

#include "envelope_output.h"
#include "liasse/core/date.h"
#include "liasse/core/outbox.h"
#include "liasse/mail/config.h"
#include "liasse/store/store.h"

namespace liasse::runner {

// What the coupon step uses, borrowed.
struct CouponStages {
  store::Store* store = nullptr;
  Outbox* outbox = nullptr;  // null: the confirmation is not queued (--no-mail)
  mail::OperatorIdentity sender;
  mail::AddressNotice notice;  // [confirmation_adresse] of the mail configuration
  Date today = Date::FromSerial(0);  // date of the confirmation message
};

// For each `coupon_email` document of `out.documents`: the NIR (key) and
// the address are checked, the member is found by NIR and must bear the
// nom (and the prénom, when read) the coupon gives. A member without an
// address gets this one as **unproven** (Store::RecordUnprovenEmail): it
// is listed in `out.members_updated`, its confirmation message (no health
// data) is queued, and décomptes go to it only after `liasse members
// confirm-email`. A field unread or in review, a wrong NIR key, an unknown
// member, another nom, or an address different from the member's current
// one (confirmed or waiting) changes nothing: the coupon's review gets the
// reason (once, however often the step runs). Counts in
// `out.addresses_waiting` the coupons whose address waits for
// confirmation. Fails only when the store or the outbox fails.
Status ApplyCoupons(const CouponStages& stages, EnvelopeOutput& out);

}  // namespace liasse::runner
