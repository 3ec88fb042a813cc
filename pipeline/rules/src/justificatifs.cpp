#include "liasse/rules/justificatifs.h"

#include <set>

#include "toml_util.h"
#include "liasse/core/fields.h"

namespace liasse::rules {

using internal::KeyError;

Result<JustificatifTable> JustificatifTable::Load(const std::filesystem::path& data_dir) {
  const auto path = data_dir / "rules" / "justificatifs.toml";
  LIASSE_ASSIGN_OR_RETURN(auto text, internal::ReadText(path));
  return Parse(text, path.string());
}

namespace {

Result<std::vector<std::string>> PieceList(const toml::table& t, std::string_view key, const std::string& path,
                                           std::string_view origin,
                                           const std::map<std::string, PieceRequirement, std::less<>>& pieces) {
  const toml::node* node = t.get(key);
  const std::string full = path + "." + std::string(key);
  if (node == nullptr) return KeyError(origin, full, "clé absente", &t);
  const toml::array* arr = node->as_array();
  if (arr == nullptr) return KeyError(origin, full, "liste de pièces attendue", node);
  std::vector<std::string> out;
  for (const auto& item : *arr) {
    auto id = item.value<std::string>();
    if (!id) return KeyError(origin, full, "identifiant de pièce (texte) attendu", &item);
    if (!pieces.count(*id)) return KeyError(origin, full, "pièce inconnue \"" + *id + "\"", &item);
    out.push_back(*id);
  }
  return out;
}

}  // namespace

Result<JustificatifTable> JustificatifTable::Parse(std::string_view toml_text, std::string_view origin) {
  LIASSE_ASSIGN_OR_RETURN(auto parsed, internal::ParseToml(toml_text, origin));
  const toml::table& root = parsed;
  JustificatifTable table;
  const toml::table* pieces = root["pieces"].as_table();
  if (pieces == nullptr) return KeyError(origin, "pieces", "table absente");
  for (const auto& [key, node] : *pieces) {
    const std::string id(key.str());
    const std::string path = "pieces." + id;
    const toml::table* p = node.as_table();
    if (p == nullptr) return KeyError(origin, path, "table attendue", &node);
    PieceRequirement req;
    req.id = id;
    LIASSE_ASSIGN_OR_RETURN(auto libelle, internal::RequiredString(*p, "libelle", path, origin));
    req.libelle = libelle;
    LIASSE_ASSIGN_OR_RETURN(auto doc, internal::RequiredString(*p, "document", path, origin));
    auto type = ParseDocumentType(doc);
    if (!type) return KeyError(origin, path + ".document", "type de document inconnu \"" + doc + "\"", p->get("document"));
    req.document = *type;
    if (const toml::node* a = p->get("acquittee")) {
      if (!a->is_boolean()) return KeyError(origin, path + ".acquittee", "true ou false attendu", a);
      req.acquittee = *a->value<bool>();
    }
    table.pieces_.emplace(id, std::move(req));
  }
  const toml::array* prestations = root["prestations"].as_array();
  if (prestations == nullptr) return KeyError(origin, "prestations", "liste [[prestations]] absente");
  std::set<std::string> seen;
  for (size_t i = 0; i < prestations->size(); ++i) {
    const std::string path = "prestations[" + std::to_string(i) + "]";
    const toml::table* p = (*prestations)[i].as_table();
    if (p == nullptr) return KeyError(origin, path, "table attendue", &(*prestations)[i]);
    PrestationRequirement req;
    LIASSE_ASSIGN_OR_RETURN(auto type, internal::RequiredString(*p, "type", path, origin));
    if (!seen.insert(type).second) return KeyError(origin, path + ".type", "type en double \"" + type + "\"", p->get("type"));
    req.type = type;
    LIASSE_ASSIGN_OR_RETURN(auto libelle, internal::RequiredString(*p, "libelle", path, origin));
    req.libelle = libelle;
    LIASSE_ASSIGN_OR_RETURN(auto avec, PieceList(*p, "avec_teletransmission", path, origin, table.pieces_));
    LIASSE_ASSIGN_OR_RETURN(auto sans, PieceList(*p, "sans_teletransmission", path, origin, table.pieces_));
    req.avec_teletransmission = avec;
    req.sans_teletransmission = sans;
    table.prestations_.push_back(std::move(req));
  }
  if (const toml::table* categories = root["categories_facture"].as_table()) {
    for (const auto& [key, node] : *categories) {
      const std::string path = "categories_facture." + std::string(key.str());
      const auto* prestation = node.as_string();
      if (prestation == nullptr) return KeyError(origin, path, "type de prestation attendu", &node);
      if (!seen.contains(prestation->get())) {
        return KeyError(origin, path, "prestation inconnue \"" + prestation->get() + "\"", &node);
      }
      table.categories_.emplace(std::string(key.str()), prestation->get());
    }
  }
  return table;
}

std::optional<std::string> JustificatifTable::PrestationOfFacture(std::string_view categorie) const {
  auto it = categories_.find(categorie);
  if (it == categories_.end()) return std::nullopt;
  return it->second;
}

Result<std::vector<PieceRequirement>> JustificatifTable::Required(std::string_view prestation,
                                                                   bool teletransmission) const {
  for (const auto& p : prestations_) {
    if (p.type != prestation) continue;
    std::vector<PieceRequirement> out;
    for (const auto& id : teletransmission ? p.avec_teletransmission : p.sans_teletransmission) {
      out.push_back(pieces_.find(id)->second);
    }
    return out;
  }
  return Status::NotFound("prestation inconnue du tableau des justificatifs : \"" + std::string(prestation) + "\"");
}

Result<DemandeDePieces> JustificatifTable::Missing(std::string_view prestation, bool teletransmission,
                                                   const std::vector<Document>& documents) const {
  LIASSE_ASSIGN_OR_RETURN(auto required, Required(prestation, teletransmission));
  DemandeDePieces demande;
  demande.prestation = std::string(prestation);
  std::vector<bool> used(documents.size(), false);
  for (const PieceRequirement& piece : required) {
    bool found = false;
    for (size_t i = 0; i < documents.size() && !found; ++i) {
      if (used[i] || documents[i].type != piece.document) continue;
      // An unreadable "acquittée" does not prove payment: the piece stays asked for.
      if (piece.acquittee && documents[i].Flag(fields::kAcquittee) != true) continue;
      used[i] = true;
      found = true;
    }
    if (!found) demande.pieces_manquantes.push_back(piece.libelle);
  }
  for (size_t i = 0; i < documents.size(); ++i) {
    if (documents[i].type == DocumentType::kFacture && documents[i].Text(fields::kNumeroAdherent) == nullptr) {
      demande.sans_numero_adherent.push_back(static_cast<int>(i));
    }
  }
  return demande;
}

}  // namespace liasse::rules
