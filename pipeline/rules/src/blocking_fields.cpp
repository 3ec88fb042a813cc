#include "liasse/rules/blocking_fields.h"

#include <algorithm>

#include "toml_util.h"

namespace liasse::rules {

using internal::KeyError;

namespace {

// The field names of `list` (at `path` of `origin`), each text and listed once.
Status ReadNames(const toml::array& list, std::string_view origin, const std::string& path, std::vector<std::string>& names) {
  for (const auto& item : list) {
    auto name = item.value<std::string>();
    if (!name || name->empty()) return KeyError(origin, path, "nom de champ (texte non vide) attendu", &item);
    if (std::find(names.begin(), names.end(), *name) != names.end()) {
      return KeyError(origin, path, "champ « " + *name + " » listé deux fois", &item);
    }
    names.push_back(*name);
  }
  return Status::Ok();
}

}  // namespace

Result<BlockingFields> BlockingFields::Load(const std::filesystem::path& data_dir) {
  const auto path = data_dir / "rules" / "revue_bloquante.toml";
  LIASSE_ASSIGN_OR_RETURN(auto text, internal::ReadText(path));
  return Parse(text, path.string());
}

Result<BlockingFields> BlockingFields::Parse(std::string_view toml_text, std::string_view origin) {
  LIASSE_ASSIGN_OR_RETURN(auto parsed, internal::ParseToml(toml_text, origin));
  BlockingFields out;
  for (const auto& [key, node] : parsed) {
    const std::string type_name(key.str());
    const auto type = ParseDocumentType(type_name);
    if (!type) return KeyError(origin, type_name, "type de document inconnu du contrat (docs/results.md)", &node);
    const toml::table* table = node.as_table();
    if (table == nullptr) return KeyError(origin, type_name, "table attendue", &node);
    const std::string path = type_name + ".champs";
    const toml::node* champs = table->get("champs");
    const toml::node* sans = table->get("sans_valeur");
    // A type may block only while fields are left without a value.
    if (champs == nullptr && sans == nullptr) return KeyError(origin, path, "clé absente", table);
    if (champs != nullptr) {
      const toml::array* list = champs->as_array();
      if (list == nullptr || list->empty()) return KeyError(origin, path, "liste de noms de champs non vide attendue", champs);
      LIASSE_RETURN_IF_ERROR(ReadNames(*list, origin, path, out.names_[*type]));
    }
    if (sans != nullptr) {
      const std::string sans_path = type_name + ".sans_valeur";
      const toml::array* names = sans->as_array();
      if (names == nullptr || (champs == nullptr && names->empty())) {
        return KeyError(origin, sans_path, "liste de noms de champs attendue", sans);
      }
      LIASSE_RETURN_IF_ERROR(ReadNames(*names, origin, sans_path, out.without_value_[*type]));
    }
  }
  return out;
}

bool BlockingFields::Blocks(const Document& document, const ReviewFlag& flag) const {
  const auto listed = [&](const std::map<DocumentType, std::vector<std::string>>& lists) {
    const auto it = lists.find(document.type);
    return it != lists.end() && std::find(it->second.begin(), it->second.end(), flag.field) != it->second.end();
  };
  return listed(names_) || (listed(without_value_) && document.Find(flag.field) == nullptr);
}

const std::vector<std::string>& BlockingFields::Of(DocumentType type) const {
  static const std::vector<std::string> kNone;
  const auto it = names_.find(type);
  return it == names_.end() ? kNone : it->second;
}

}  // namespace liasse::rules
