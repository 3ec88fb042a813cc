#include "letters.h"
#include "liasse/generators/reclamation.h"

namespace liasse::generators::internal {

namespace {
std::string Porteur(InsurerKind kind) {
  switch (kind) {
    case InsurerKind::kMutuelle: return "mutuelle";
    case InsurerKind::kEntrepriseAssurance: return "entreprise d'assurance";
    case InsurerKind::kInstitutionPrevoyance: return "institution de prévoyance";
  }
  return "";
}
}  // namespace

Result<LetterContent> BuildReclamation(const TemplateSet& templates, const ReclamationModel& m) {
  if (m.ticket.empty()) return Status::InvalidArgument("réclamation : numéro de ticket manquant");
  const EngagementsReclamation e = ComputeEngagements(m.date_reception);
  const Mediator& mediator = templates.MediatorFor(m.porteur_de_risque);
  LetterContent c;
  c.kind = LetterKind::kAccuseReceptionReclamation;
  c.recipient = m.reclamant;
  c.date_courrier = m.date_courrier;
  AddCommonValues(templates.letterhead(), m.reclamant, m.date_courrier, m.ticket, c.values);
  auto& s = c.values.scalars;
  s["ticket"] = m.ticket;
  s["date_reception"] = Long(m.date_reception);
  s["objet"] = m.objet;
  s["accuse_avant"] = Long(e.accuse_reception_avant);
  s["reponse_avant"] = Long(e.reponse_avant);
  s["mediateur.nom"] = mediator.name;
  s["mediateur.adresse"] = JoinLines(mediator.address, ", ");
  s["mediateur.site"] = mediator.website;
  s["porteur_de_risque"] = Porteur(m.porteur_de_risque);
  auto& missing = c.values.lists["elements_manquants"];
  for (const auto& item : ElementsManquants(m)) missing.push_back({{"libelle", item}});
  c.references = {{"N° de réclamation", m.ticket}, {"Reçue le", Short(m.date_reception)}};
  return c;
}

}  // namespace liasse::generators::internal
