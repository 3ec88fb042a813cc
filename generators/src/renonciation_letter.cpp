#include "letters.h"
#include "liasse/generators/renonciation.h"

namespace liasse::generators::internal {

Result<LetterContent> BuildRenonciation(const TemplateSet& templates, const RenonciationModel& m) {
  if (m.cotisations_versees.is_negative() || m.prestations_versees.is_negative()) {
    return Status::InvalidArgument("renonciation " + m.reference + " : montant négatif");
  }
  const RenonciationDecision d = DecideRenonciation(m.faits);
  LetterContent c;
  c.kind = d.dans_le_delai ? LetterKind::kConfirmationRenonciation : LetterKind::kRefusRenonciation;
  c.recipient = m.adherent;
  c.date_courrier = m.date_courrier;
  AddCommonValues(templates.letterhead(), m.adherent, m.date_courrier, m.reference, c.values);
  auto& s = c.values.scalars;
  s["adherent.nom"] = m.adherent.name;
  s["numero_adherent"] = m.numero_adherent;
  s["contrat"] = m.contrat;
  s["date_souscription"] = Long(m.faits.date_signature_ou_effet);
  s["debut_delai"] = Long(d.debut_delai);
  s["fin_theorique"] = Long(d.fin_theorique);
  s["motif_report"] = d.fin_theorique.weekday() == Weekday::kSaturday  ? "un samedi"
                      : d.fin_theorique.weekday() == Weekday::kSunday ? "un dimanche"
                                                                      : "un jour férié";
  s["date_limite"] = Long(d.date_limite);
  s["date_envoi"] = Long(d.date_envoi);
  s["source_envoi"] = DescribeSource(d.source_envoi);
  s["date_reception"] = Long(m.faits.date_reception);
  s["fin_garanties"] = Long(d.fin_garanties);
  s["remboursement_avant"] = Long(d.remboursement_avant);
  s["cotisations"] = Euros(m.cotisations_versees);
  s["prestations"] = Euros(m.prestations_versees);
  s["echeance"] = Long(d.echeance);
  s["resiliation_echeance_avant"] = Long(d.resiliation_echeance_avant);
  s["resiliation_infra_annuelle_des"] = Long(d.resiliation_infra_annuelle_des);
  auto& f = c.values.flags;
  f["prestations_a_rembourser"] = !m.prestations_versees.is_zero();
  f["cotisations_a_rembourser"] = !m.cotisations_versees.is_zero();
  f["carte_tiers_payant"] = m.carte_tiers_payant;
  f["date_limite_reportee"] = d.date_limite != d.fin_theorique;
  f["infra_annuelle_possible"] = m.faits.date_reception >= d.resiliation_infra_annuelle_des;
  c.references = {{"N° d'adhérent", m.numero_adherent}, {"Référence", m.reference}};
  return c;
}

}  // namespace liasse::generators::internal
