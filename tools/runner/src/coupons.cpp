#include "coupons.h"

#include <fmt/format.h>

#include <algorithm>

#include "liasse/core/email_address.h"
#include "liasse/core/fields.h"
#include "liasse/core/identifiers.h"
#include "liasse/core/text.h"
#include "letters.h"
#include "liasse/mail/address_notice.h"

namespace liasse::runner {
namespace {

// Why a coupon's address is not recorded: the field at fault and the reason.
struct Refusal {
  std::string field;
  std::string reason;
};

// How this step's own review items begin (they are not the reader's doubts).
constexpr std::string_view kOwnItem = "coupon e-mail (document ";

// A reader's doubt about `field` (this step's items do not count: the step
// may run again on the same documents).
bool Flagged(const Document& d, std::string_view field) {
  return std::any_of(d.review.begin(), d.review.end(),
                     [&](const ReviewFlag& f) { return f.field == field && !f.reason.starts_with(kOwnItem); });
}

// A value the coupon gives for sure: present and not in review.
Result<std::string> Sure(const Document& d, std::string_view field, std::string_view what) {
  const std::string* v = d.Text(field);
  if (v == nullptr) return Status::NotFound(fmt::format("{} illisible", what));
  if (Flagged(d, field)) return Status::InvalidArgument(fmt::format("{} douteux « {} », à vérifier", what, *v));
  return *v;
}

bool SameName(std::string_view a, std::string_view b) { return text::FoldFrench(a) == text::FoldFrench(b); }

// The member the coupon names, or why it cannot be told.
Result<store::Member> MemberOf(const Document& d, store::Store& store, Refusal& why) {
  auto nir_text = Sure(d, fields::kNir, "NIR");
  if (!nir_text.ok()) {
    why = {fields::kNir, nir_text.status().message()};
    return Status::NotFound(why.reason);
  }
  auto nir = Nir::Parse(*nir_text);
  if (!nir.ok()) {
    why = {fields::kNir, fmt::format("NIR « {} » invalide ({})", *nir_text, nir.status().message())};
    return Status::NotFound(why.reason);
  }
  auto member = store.FindMemberByNir(nir->value());
  if (member.status().code() == StatusCode::kNotFound) {
    why = {fields::kNir, fmt::format("aucun adhérent n'a le NIR « {} »", nir->value())};
    return Status::NotFound(why.reason);
  }
  if (!member.ok()) return member.status();
  auto nom = Sure(d, fields::kNom, "nom");
  if (!nom.ok() || !SameName(*nom, member->nom)) {
    why = {fields::kNom, nom.ok() ? fmt::format("le nom « {} » n'est pas celui de l'adhérent {} du NIR", *nom, member->numero_adherent)
                                  : nom.status().message() + " : l'adhérent du NIR n'est pas confirmé"};
    return Status::NotFound(why.reason);
  }
  const std::string* prenom = d.Text(fields::kPrenom);
  if (prenom != nullptr && !SameName(*prenom, member->prenom)) {
    why = {fields::kPrenom, fmt::format("le prénom « {} » n'est pas celui de l'adhérent {} du NIR", *prenom, member->numero_adherent)};
    return Status::NotFound(why.reason);
  }
  return member;
}

// Queues the confirmation of the member's new address (no health data).
// Without an outbox or a configured message the address still waits: the
// operator is told by the summary and `liasse members pending-emails`.
Status QueueNotice(const CouponStages& st, const std::string& numero) {
  if (st.outbox == nullptr || st.notice.subject.empty()) return Status::Ok();
  LIASSE_ASSIGN_OR_RETURN(auto current, st.store->EmailOf(numero));
  if (!current) return Status::Internal("adresse enregistrée introuvable pour " + numero);
  LIASSE_ASSIGN_OR_RETURN(auto message, mail::AddressNoticeMessage(st.notice, st.sender, numero, current->email,
                                                                   current->since, RfcDate(st.today)));
  LIASSE_ASSIGN_OR_RETURN(auto id, st.outbox->Enqueue(message));
  (void)id;
  return st.store->MarkEmailNotified(numero);
}

void AddReview(Document& d, std::size_t index, const Refusal& why) {
  ReviewFlag flag{why.field, std::nullopt, fmt::format("{}{}) : adresse non enregistrée, {}", kOwnItem, index, why.reason)};
  if (std::find(d.review.begin(), d.review.end(), flag) == d.review.end()) d.review.push_back(std::move(flag));
}

// One coupon: records its address or says why not.
Status ApplyOne(const CouponStages& st, std::size_t index, EnvelopeOutput& out) {
  Document& d = out.documents[index];
  Refusal why;
  auto address_text = Sure(d, fields::kEmail, "adresse e-mail");
  auto address = address_text.ok() ? ParseEmailAddress(*address_text) : Result<std::string>(address_text.status());
  if (!address.ok()) {
    AddReview(d, index, {fields::kEmail, address.status().message()});
    return Status::Ok();
  }
  auto member = MemberOf(d, *st.store, why);
  if (!member.ok()) {
    if (member.status().code() != StatusCode::kNotFound) return member.status();
    AddReview(d, index, why);
    return Status::Ok();
  }
  LIASSE_ASSIGN_OR_RETURN(auto current, st.store->EmailOf(member->numero_adherent));
  if (current && SameName(current->email, *address)) {
    // Already the member's: nothing to change; it may still wait.
    out.addresses_waiting += current->state == store::EmailState::kUnproven ? 1 : 0;
    return Status::Ok();
  }
  if (current) {
    const bool confirmed = current->state == store::EmailState::kConfirmed;
    AddReview(d, index, {fields::kEmail, fmt::format("l'adhérent {} a déjà une adresse {} différente : à décider par un opérateur",
                                                     member->numero_adherent, confirmed ? "confirmée" : "en attente de confirmation")});
    return Status::Ok();
  }
  LIASSE_RETURN_IF_ERROR(st.store->RecordUnprovenEmail(member->numero_adherent, *address));
  LIASSE_RETURN_IF_ERROR(QueueNotice(st, member->numero_adherent));
  out.members_updated.push_back({member->numero_adherent, fields::kEmail, member->email, *address});
  ++out.addresses_waiting;
  return Status::Ok();
}

}  // namespace

Status ApplyCoupons(const CouponStages& st, EnvelopeOutput& out) {
  for (std::size_t i = 0; i < out.documents.size(); ++i) {
    if (out.documents[i].type != DocumentType::kCouponEmail) continue;
    LIASSE_RETURN_IF_ERROR(ApplyOne(st, i, out));
  }
  return Status::Ok();
}

}  // namespace liasse::runner
