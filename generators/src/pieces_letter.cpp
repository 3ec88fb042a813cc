#include "letters.h"

namespace liasse::generators::internal {

Result<LetterContent> BuildDemandePieces(const TemplateSet& templates, const DemandePiecesModel& m) {
  if (m.pieces.empty()) return Status::InvalidArgument("demande de pièces " + m.reference + " : aucune pièce demandée");
  LetterContent c;
  c.kind = LetterKind::kDemandePieces;
  c.recipient = m.adherent;
  c.date_courrier = m.date_courrier;
  AddCommonValues(templates.letterhead(), m.adherent, m.date_courrier, m.reference, c.values);
  auto& s = c.values.scalars;
  s["numero_adherent"] = m.numero_adherent;
  s["date_reception"] = Long(m.date_reception);
  s["objet"] = m.objet;
  for (const PieceManquante& p : m.pieces) c.values.lists["pieces"].push_back({{"piece", p.piece}, {"motif", p.motif}});
  c.references = {{"N° d'adhérent", m.numero_adherent}, {"Référence", m.reference}};
  return c;
}

}  // namespace liasse::generators::internal
