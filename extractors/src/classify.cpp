#include "classify.h"

#include <algorithm>
#include <array>
#include <regex>
#include <string>

namespace liasse::extractors::internal {

namespace {

struct Cue {
  const char* phrase;  // folded words (FoldKey) separated by spaces
  double weight;
};

struct TypeCues {
  DocumentType type;
  std::vector<Cue> cues;
};

// Titles weigh most; labels and table headers of the type's layout add up.
// Phrases are matched on the folded page text (word keys).
const std::vector<TypeCues>& Cues() {
  static const std::vector<TypeCues> cues = {
      {DocumentType::kBordereau,
       {{"bordereau recapitulatif", 6}, {"lot b2", 3}, {"n de lot", 3}, {"date de constitution", 3}, {"part amo", 2},
        {"part amc", 2}, {"nombre de factures", 2}, {"organisme destinataire", 2}, {"destinataire du reglement", 2}}},
      {DocumentType::kFeuilleDeSoins,
       {{"feuille de soins", 6}, {"s 3129", 3}, {"s3129", 3}, {"personne recevant les soins", 2}, {"lettre cle", 2},
        {"impossibilite de signer", 2}, {"montant des honoraires", 2}, {"identification du prescripteur", 2},
        {"date de la prescription", 2}}},
      {DocumentType::kPrescription,
       {{"ordonnance", 5}, {"rpps", 2}, {"docteur", 2}, {"conventionne secteur", 3}, {"medecine generale", 1}}},
      {DocumentType::kEntentePrealable,
       {{"entente prealable", 6}, {"demande d accord prealable", 6}, {"accord prealable", 3}, {"actes demandes", 3},
        {"date de la demande", 3}, {"premiere demande", 2}}},
      {DocumentType::kAttestationDroits,
       {{"attestation de droits", 7}, {"droits ouverts", 3}, {"medecin traitant declare", 3},
        {"cette attestation justifie", 2}}},
      {DocumentType::kDecompteRo,
       {{"releve de vos remboursements", 6}, {"decompte de prestations", 6}, {"decompte de remboursement", 4},
        {"base de remboursement", 2}, {"montant rembourse", 2}, {"montant verse sur votre compte", 3},
        {"service des prestations", 2}, {"date des soins", 1}, {"organisme complementaire", 1}}},
      {DocumentType::kDevis,
       {{"devis pour un traitement", 6}, {"devis", 3}, {"bucco dentaires", 2}, {"devis valable", 3},
        {"total des honoraires", 2}, {"base ro", 2}, {"lu et approuve", 1}}},
      {DocumentType::kFacture,
       {{"facture", 3}, {"n de facture", 2}, {"total ttc", 4}, {"n adherent", 2}, {"designation", 2},
        {"facture acquittee", 3}, {"montant restant du", 3}, {"tva non applicable", 2}}},
      {DocumentType::kReclamation,
       {{"reclamation", 3}, {"service reclamations", 3}, {"entreprise souscripteur", 3}, {"objet reclamation", 4}}},
      {DocumentType::kRenonciation,
       {{"renonciation", 4}, {"renonce", 3}, {"droit de renonciation", 3}, {"renonce a mon adhesion", 3},
        {"lettre recommandee", 1}}},
  };
  return cues;
}

// Counts a phrase once per page: repeated labels should not drown titles.
bool Contains(const std::string& folded, const std::string& phrase) {
  const std::string needle = " " + phrase + " ";
  std::string hay = " " + folded;
  std::replace(hay.begin(), hay.end(), '\n', ' ');
  return hay.find(needle) != std::string::npos;
}

// "page 2/3", "page 2 sur 3", "suite": a sheet that continues a document.
bool LooksLikeContinuation(const std::string& folded) {
  static const std::regex page_n(R"((^|\s)page ([2-9]|1[0-9]) (sur )?([2-9]|1[0-9])(\s|$))");
  static const std::regex page_slash(R"((^|\s)page ([2-9]|1[0-9])([2-9]|1[0-9])(\s|$))");  // "2/3" folds to "23"
  std::string flat = folded;
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  return std::regex_search(flat, page_n) || std::regex_search(flat, page_slash) || Contains(flat, "suite");
}

}  // namespace

PageClass ClassifyPage(const PageView& page) {
  const std::string& text = page.folded_text();
  std::array<double, 11> score{};
  for (const auto& tc : Cues()) {
    for (const auto& cue : tc.cues) {
      if (Contains(text, cue.phrase)) score[static_cast<size_t>(tc.type)] += cue.weight;
    }
  }
  // Layout and identifiers. A bordereau and a feuille both say "facture" and
  // carry N° AM; a devis also says "honoraires": what tips the balance is
  // the form's own title and table.
  auto& facture = score[static_cast<size_t>(DocumentType::kFacture)];
  if (score[static_cast<size_t>(DocumentType::kBordereau)] >= 6 || score[static_cast<size_t>(DocumentType::kFeuilleDeSoins)] >= 6 ||
      score[static_cast<size_t>(DocumentType::kDevis)] >= 6) {
    facture = std::max(0.0, facture - 5);
  }
  auto& reclamation = score[static_cast<size_t>(DocumentType::kReclamation)];
  if (score[static_cast<size_t>(DocumentType::kRenonciation)] >= 7) reclamation = std::max(0.0, reclamation - 3);
  // A letter from a doctor with only a date, a patient and free text: a
  // prescription when nothing else claims the page.
  PageClass out;
  size_t best = static_cast<size_t>(DocumentType::kAutre);
  double best_score = 0, second = 0;
  for (size_t t = 0; t < score.size(); ++t) {
    if (score[t] > best_score) {
      second = best_score;
      best_score = score[t];
      best = t;
    } else if (score[t] > second) {
      second = score[t];
    }
  }
  out.score = best_score;
  if (best_score < 3) {
    // Too little evidence: a continuation sheet when it holds text, else autre.
    out.type = DocumentType::kAutre;
    out.confidence = 0.3;
    out.continuation = LooksLikeContinuation(page.folded_text());
    return out;
  }
  out.type = static_cast<DocumentType>(best);
  // Margin over the runner-up and absolute evidence both matter.
  const double margin = (best_score - second) / best_score;
  out.confidence = std::clamp(0.5 + 0.5 * margin * std::min(1.0, best_score / 8.0), 0.0, 0.99);
  return out;
}

std::vector<PageGroup> SplitDocuments(const std::vector<PageClass>& classes) {
  std::vector<PageGroup> groups;
  for (size_t i = 0; i < classes.size(); ++i) {
    const PageClass& c = classes[i];
    if (c.continuation && !groups.empty() && groups.back().type != DocumentType::kAutre) {
      groups.back().pages.push_back(static_cast<int>(i));
      continue;
    }
    groups.push_back({c.type, c.confidence, {static_cast<int>(i)}});
  }
  return groups;
}

}  // namespace liasse::extractors::internal
