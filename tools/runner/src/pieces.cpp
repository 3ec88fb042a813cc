#include "pieces.h"

#include <fmt/format.h>

#include <algorithm>

#include "liasse/core/text.h"
#include "liasse/core/fields.h"

namespace liasse::runner {

bool BeneficiaireIsMember(const Document& facture, const store::Member& member) {
  const std::string *nom = facture.Text(fields::kBeneficiaireNom), *prenom = facture.Text(fields::kBeneficiairePrenom);
  return nom != nullptr && prenom != nullptr && text::FoldFrench(*nom) == text::FoldFrench(member.nom) &&
         text::FoldFrench(*prenom) == text::FoldFrench(member.prenom);
}

std::vector<FactureCheck> CheckFactures(const std::vector<Document>& documents,
                                        const rules::JustificatifTable& table, store::Store& store,
                                        std::vector<std::string>& review) {
  std::vector<FactureCheck> out;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const Document& facture = documents[i];
    if (facture.type != DocumentType::kFacture) continue;
    const std::string* categorie = facture.Text(fields::kCategorie);
    const auto prestation = categorie ? table.PrestationOfFacture(*categorie) : std::nullopt;
    if (!prestation) {
      // The table leaves these to a person (seed 004 §3.3.3 lists no pieces
      // for them, or the category alone does not tell the prestation).
      review.push_back(fmt::format("facture {}(document {}) : prestation non déterminée, à liquider par un gestionnaire",
                                   categorie ? *categorie + " " : std::string(), i));
      continue;
    }
    const std::string* numero = facture.Text(fields::kNumeroAdherent);
    if (numero == nullptr) {
      review.push_back(fmt::format("facture (document {}) : numéro d'adhérent illisible, pièces non vérifiées", i));
      continue;
    }
    auto member = store.FindMember(*numero);
    if (!member.ok()) {
      review.push_back(fmt::format("facture (document {}) : {}", i, member.status().message()));
      continue;
    }
    const bool numero_douteux = std::any_of(facture.review.begin(), facture.review.end(),
                                            [](const auto& f) { return f.field == fields::kNumeroAdherent; });
    if (numero_douteux && !BeneficiaireIsMember(facture, *member)) {
      review.push_back(fmt::format(
          "facture (document {}) : numéro d'adhérent {} douteux et bénéficiaire autre que l'adhérent : à vérifier", i,
          *numero));
      continue;
    }
    auto demande = table.Missing(*prestation, member->teletransmission, documents);
    if (!demande.ok()) {
      review.push_back(fmt::format("facture (document {}) : {}", i, demande.status().message()));
      continue;
    }
    std::string libelle = *prestation;
    for (const auto& p : table.prestations()) {
      if (p.type == *prestation) libelle = p.libelle;
    }
    out.push_back({static_cast<int>(i), *member, std::move(demande).value(), libelle});
  }
  return out;
}

std::vector<PieceRequest> PieceRequestsOf(const std::vector<FactureCheck>& checks) {
  std::vector<PieceRequest> out;
  for (const auto& c : checks) {
    if (!c.demande.complete()) out.push_back({c.document, c.member, c.demande, c.libelle_prestation});
  }
  return out;
}

std::vector<PieceRequest> MissingPieces(const std::vector<Document>& documents,
                                        const rules::JustificatifTable& table, store::Store& store,
                                        std::vector<std::string>& review) {
  return PieceRequestsOf(CheckFactures(documents, table, store, review));
}

}  // namespace liasse::runner
