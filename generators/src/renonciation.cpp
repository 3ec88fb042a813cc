#include "liasse/generators/renonciation.h"

#include <algorithm>

namespace liasse::generators {

RenonciationDecision DecideRenonciation(const RenonciationFaits& faits) {
  RenonciationDecision d;
  d.debut_delai = faits.date_signature_ou_effet;
  if (faits.date_reception_conditions && *faits.date_reception_conditions > d.debut_delai) {
    d.debut_delai = *faits.date_reception_conditions;
  }
  // The starting day does not count (code civil art. 641): 14 days after it.
  d.fin_theorique = d.debut_delai.AddDays(14);
  d.date_limite = d.fin_theorique.NextWorkingDayOnOrAfter();
  if (faits.date_cachet) {
    d.date_envoi = *faits.date_cachet;
    d.source_envoi = DateEnvoiSource::kCachet;
  } else if (faits.date_lettre) {
    d.date_envoi = *faits.date_lettre;
    d.source_envoi = DateEnvoiSource::kLettre;
  } else {
    d.date_envoi = faits.date_reception;
    d.source_envoi = DateEnvoiSource::kReception;
  }
  d.dans_le_delai = d.date_envoi <= d.date_limite;
  d.fin_garanties = faits.date_reception;
  d.remboursement_avant = faits.date_reception.AddDays(30);

  const Date reception = faits.date_reception;
  // The notice must reach the mutuelle two months before 31 December.
  const int year = reception <= Date::FromYmd(reception.year(), 10, 31).value() ? reception.year() : reception.year() + 1;
  d.echeance = Date::FromYmd(year, 12, 31).value();
  d.resiliation_echeance_avant = Date::FromYmd(year, 10, 31).value();
  d.resiliation_infra_annuelle_des = faits.date_signature_ou_effet.AddMonths(12);
  return d;
}

std::string DescribeSource(DateEnvoiSource source) {
  switch (source) {
    case DateEnvoiSource::kCachet: return "le cachet de la poste";
    case DateEnvoiSource::kLettre: return "la date de votre lettre";
    case DateEnvoiSource::kReception: return "sa date de réception, le cachet de la poste n'étant pas lisible";
  }
  return "";
}

}  // namespace liasse::generators
