#include "liasse/generators/reclamation.h"

#include "liasse/core/text.h"

namespace liasse::generators {

EngagementsReclamation ComputeEngagements(Date date_reception) {
  return {date_reception.AddWorkingDays(10), date_reception.AddMonths(2)};
}

std::vector<std::string> ElementsManquants(const ReclamationModel& r) {
  const auto missing = [](const std::string& s) { return text::Trim(s).empty(); };
  std::vector<std::string> out;
  if (missing(r.nom) || missing(r.prenom)) out.emplace_back("Nom – Prénom");
  if (missing(r.nir)) out.emplace_back("Numéro de sécurité sociale de l'adhérent concerné");
  std::string coordonnees;
  if (missing(r.adresse)) coordonnees += "adresse postale";
  if (missing(r.email)) coordonnees += std::string(coordonnees.empty() ? "" : ", ") + "adresse électronique valide";
  if (missing(r.telephone)) coordonnees += std::string(coordonnees.empty() ? "" : ", ") + "n° de téléphone";
  if (!coordonnees.empty()) out.push_back("Coordonnées (" + coordonnees + ")");
  if (missing(r.entreprise)) out.emplace_back("Entreprise / Souscripteur du contrat");
  if (missing(r.objet)) {
    out.emplace_back("Objet de la réclamation (adhésion, résiliation, cotisation, remboursement, etc.)");
  }
  if (r.pieces_jointes_annoncees_manquantes) out.emplace_back("Les pièces jointes annoncées dans votre courrier");
  return out;
}

}  // namespace liasse::generators
