// The renunciation rule (code de la mutualité L221-18, seed 004 §2.5,
// reference.md): 14 calendar days from the later of signature/effect and
// receipt of the conditions; a deadline on a Saturday, Sunday or public
// holiday moves to the next working day; the letter counts from the date it
// was sent (postmark, else its own date, else the date we received it).
#pragma once

#include <string>

#include "liasse/core/date.h"
#include "liasse/generators/models.h"

namespace liasse::generators {

enum class DateEnvoiSource { kCachet, kLettre, kReception };

struct RenonciationDecision {
  Date debut_delai = Date::FromSerial(0);        // the day the 14 days start from
  Date fin_theorique = Date::FromSerial(0);      // debut + 14 days
  Date date_limite = Date::FromSerial(0);        // moved to a working day
  Date date_envoi = Date::FromSerial(0);
  DateEnvoiSource source_envoi = DateEnvoiSource::kReception;
  bool dans_le_delai = false;
  // Confirmation: the cover ends on the date of receipt; both refunds are due
  // within 30 days of it.
  Date fin_garanties = Date::FromSerial(0);
  Date remboursement_avant = Date::FromSerial(0);
  // Refusal alternatives (§4.5.2): résiliation at the échéance, by letter
  // at least two months before 31 December; résiliation at any time once
  // one year has passed since the first subscription.
  Date echeance = Date::FromSerial(0);              // next 31 December
  Date resiliation_echeance_avant = Date::FromSerial(0);  // 31 October before it
  Date resiliation_infra_annuelle_des = Date::FromSerial(0);
};

// Pure; no failure (dates are already valid values).
RenonciationDecision DecideRenonciation(const RenonciationFaits& faits);

// "le cachet de la poste", "la date de votre lettre", "la date de réception".
std::string DescribeSource(DateEnvoiSource source);

}  // namespace liasse::generators
