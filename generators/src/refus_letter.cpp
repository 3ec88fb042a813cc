#include "letters.h"

namespace liasse::generators::internal {

Result<LetterContent> BuildRefusRemboursement(const TemplateSet& templates, const RefusRemboursementModel& m) {
  if (m.motifs.empty()) return Status::InvalidArgument("refus " + m.reference + " : aucun motif");
  LetterContent c;
  c.kind = LetterKind::kRefusRemboursement;
  c.recipient = m.destinataire;
  c.date_courrier = m.date_courrier;
  AddCommonValues(templates.letterhead(), m.destinataire, m.date_courrier, m.reference, c.values);
  auto& s = c.values.scalars;
  s["numero_adherent"] = m.numero_adherent;
  s["date_reception"] = Long(m.date_reception);
  s["objet"] = m.objet;
  s["numero_facture"] = m.numero_facture;
  s["professionnel"] = m.professionnel;
  c.values.flags["tiers_payant"] = m.tiers_payant;
  for (const std::string& motif : m.motifs) c.values.lists["motifs"].push_back({{"motif", motif}});
  c.references = {{"Référence", m.reference}, {"N° de facture", m.numero_facture}};
  if (!m.numero_adherent.empty()) c.references.insert(c.references.begin(), {"N° d'adhérent", m.numero_adherent});
  return c;
}

}  // namespace liasse::generators::internal
