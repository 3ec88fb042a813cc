// Justificatif requirements (seed 004 §3.3.3): which pieces a claim of a
// given prestation type needs, with or without télétransmission NOEMIE, and
// the "demande de pièces" listing exactly what is missing. Loaded from
// data/rules/justificatifs.toml; immutable after load, thread-safe.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/status.h"
#include "liasse/core/document.h"

namespace liasse::rules {

struct PieceRequirement {
  std::string id;
  std::string libelle;                   // French, as written in the demande de pièces
  DocumentType document = DocumentType::kAutre;
  bool acquittee = false;                // the facture must be marked acquittée
};

struct PrestationRequirement {
  std::string type;                      // "optique", "hospitalisation", ...
  std::string libelle;
  std::vector<std::string> avec_teletransmission;  // piece ids
  std::vector<std::string> sans_teletransmission;
};

// What the member must still send for one claim.
struct DemandeDePieces {
  std::string prestation;                      // prestation type
  std::vector<std::string> pieces_manquantes;  // libellés, in table order
  std::vector<int> sans_numero_adherent;       // document indices of factures lacking the numéro d'adhérent
  bool complete() const { return pieces_manquantes.empty() && sans_numero_adherent.empty(); }
};

class JustificatifTable {
 public:
  // Reads <data_dir>/rules/justificatifs.toml.
  static Result<JustificatifTable> Load(const std::filesystem::path& data_dir);
  // Fails naming origin, line and key on an unknown document type, an
  // unknown piece id, a duplicate prestation type or a missing libellé.
  static Result<JustificatifTable> Parse(std::string_view toml_text, std::string_view origin);

  // NotFound for a prestation type the table does not list.
  Result<std::vector<PieceRequirement>> Required(std::string_view prestation, bool teletransmission) const;

  // Matches the claim's documents (all of one claim, in envelope order)
  // against the requirement: each piece takes one unused document of its
  // type; a facture required acquittée and not marked so does not count.
  Result<DemandeDePieces> Missing(std::string_view prestation, bool teletransmission,
                                  const std::vector<Document>& documents) const;

  const std::vector<PrestationRequirement>& prestations() const { return prestations_; }

  // The prestation type a facture of `categorie` ("optique", "dentaire"…,
  // results.md) is claimed under, from [categories_facture]; nullopt for a
  // category the table does not map (the claim then needs a person).
  std::optional<std::string> PrestationOfFacture(std::string_view categorie) const;

 private:
  std::map<std::string, PieceRequirement, std::less<>> pieces_;
  std::vector<PrestationRequirement> prestations_;
  std::map<std::string, std::string, std::less<>> categories_;
};

}  // namespace liasse::rules
