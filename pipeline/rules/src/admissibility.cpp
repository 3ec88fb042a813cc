#include "liasse/rules/admissibility.h"

#include <algorithm>
#include <cctype>

#include "toml_util.h"
#include "liasse/core/fields.h"

namespace liasse::rules {

using internal::KeyError;

namespace {

// ASCII lower case; accented letters are compared as written in the data.
std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80); }

// `word` occurs in `text` as whole words ("mas" does not match "masseur").
bool ContainsWord(const std::string& text, const std::string& word) {
  for (size_t pos = text.find(word); pos != std::string::npos; pos = text.find(word, pos + 1)) {
    const bool left = pos == 0 || !IsWordChar(text[pos - 1]);
    const size_t end = pos + word.size();
    const bool right = end >= text.size() || !IsWordChar(text[end]);
    if (left && right) return true;
  }
  return false;
}

}  // namespace

Result<AdmissibilityRules> AdmissibilityRules::Load(const std::filesystem::path& data_dir) {
  const auto path = data_dir / "rules" / "admissibilite.toml";
  LIASSE_ASSIGN_OR_RETURN(auto text, internal::ReadText(path));
  return Parse(text, path.string());
}

Result<AdmissibilityRules> AdmissibilityRules::Parse(std::string_view toml_text, std::string_view origin) {
  LIASSE_ASSIGN_OR_RETURN(auto parsed, internal::ParseToml(toml_text, origin));
  const toml::table& root = parsed;
  AdmissibilityRules rules;
  const toml::array* delais = root["delais"].as_array();
  if (delais == nullptr || delais->empty()) return KeyError(origin, "delais", "liste [[delais]] absente");
  for (size_t i = 0; i < delais->size(); ++i) {
    const std::string path = "delais[" + std::to_string(i) + "]";
    const toml::table* t = (*delais)[i].as_table();
    if (t == nullptr) return KeyError(origin, path, "table attendue");
    LIASSE_ASSIGN_OR_RETURN(auto from_text, internal::RequiredString(*t, "valid_from", path, origin));
    auto from = Date::Parse(from_text);
    if (!from.ok()) return KeyError(origin, path + ".valid_from", from.status().message(), t->get("valid_from"));
    const toml::node* months = t->get("demande_remboursement_mois");
    if (months == nullptr || !months->is_integer() || *months->value<int64_t>() < 1 || *months->value<int64_t>() > 240) {
      return KeyError(origin, path + ".demande_remboursement_mois", "entier entre 1 et 240 attendu",
                      months != nullptr ? months : t);
    }
    rules.deadlines_.emplace_back(*from, static_cast<int>(*months->value<int64_t>()));
  }
  std::sort(rules.deadlines_.begin(), rules.deadlines_.end());
  if (const toml::array* exclusions = root["exclusions"].as_array()) {
    for (size_t i = 0; i < exclusions->size(); ++i) {
      const std::string path = "exclusions[" + std::to_string(i) + "]";
      const toml::table* t = (*exclusions)[i].as_table();
      if (t == nullptr) return KeyError(origin, path, "table attendue");
      Exclusion e;
      LIASSE_ASSIGN_OR_RETURN(auto code, internal::RequiredString(*t, "code", path, origin));
      LIASSE_ASSIGN_OR_RETURN(auto libelle, internal::RequiredString(*t, "libelle", path, origin));
      e.code = code;
      e.libelle = libelle;
      const toml::array* groups = t->get_as<toml::array>("mots_cles");
      if (groups == nullptr || groups->empty()) return KeyError(origin, path + ".mots_cles", "liste de groupes attendue", t);
      for (const auto& g : *groups) {
        const toml::array* words = g.as_array();
        if (words == nullptr || words->empty()) {
          return KeyError(origin, path + ".mots_cles", "chaque groupe est une liste de mots non vide", &g);
        }
        std::vector<std::string> group;
        for (const auto& w : *words) {
          auto s = w.value<std::string>();
          if (!s || s->empty()) return KeyError(origin, path + ".mots_cles", "mot (texte non vide) attendu", &w);
          group.push_back(Lower(*s));
        }
        e.mots_cles.push_back(std::move(group));
      }
      rules.exclusions_.push_back(std::move(e));
    }
  }
  return rules;
}

int AdmissibilityRules::DeadlineMonths(Date care) const {
  int months = deadlines_.front().second;
  for (const auto& [from, m] : deadlines_) {
    if (from <= care) months = m;
  }
  return months;
}

std::vector<AdmissibilityIssue> AdmissibilityRules::Check(const Coverage& coverage, Date care, Date received,
                                                          const std::vector<Document>& documents) const {
  std::vector<AdmissibilityIssue> issues;
  if (care < coverage.adhesion) {
    issues.push_back({"CARE_BEFORE_ADHESION",
                      "Les soins du " + care.ToFrench() + " sont antérieurs à l'adhésion du " +
                          coverage.adhesion.ToFrench() + ".",
                      std::nullopt, std::nullopt});
  }
  if (coverage.fin && care > *coverage.fin) {
    issues.push_back({"CARE_AFTER_COVERAGE",
                      "Les soins du " + care.ToFrench() + " sont postérieurs à la fin des garanties le " +
                          coverage.fin->ToFrench() + ".",
                      std::nullopt, std::nullopt});
  }
  const int months = DeadlineMonths(care);
  if (received > care.AddMonths(months)) {
    issues.push_back({"CLAIM_TOO_LATE",
                      "La demande reçue le " + received.ToFrench() + " dépasse le délai de " + std::to_string(months) +
                          " mois après les soins du " + care.ToFrench() + ".",
                      std::nullopt, std::nullopt});
  }
  for (size_t d = 0; d < documents.size(); ++d) {
    const Document& doc = documents[d];
    if (doc.type != DocumentType::kFacture) continue;
    std::vector<std::pair<std::optional<int>, std::string>> texts;
    if (const std::string* c = doc.Text(fields::kCategorie)) texts.emplace_back(std::nullopt, Lower(*c));
    for (size_t l = 0; l < doc.lines.size(); ++l) {
      if (const std::string* lib = doc.lines[l].Find(fields::kLibelle)) texts.emplace_back(static_cast<int>(l), Lower(*lib));
    }
    for (const Exclusion& e : exclusions_) {
      for (const auto& entry : texts) {
        // Named, not a structured binding: clang before 16 cannot capture
        // one in a lambda, and the libFuzzer build uses clang.
        const std::optional<int>& line = entry.first;
        const std::string& text = entry.second;
        const bool hit = std::any_of(e.mots_cles.begin(), e.mots_cles.end(), [&](const auto& group) {
          return std::all_of(group.begin(), group.end(), [&](const std::string& w) { return ContainsWord(text, w); });
        });
        if (hit) {
          issues.push_back({e.code, "Exclusion générale : " + e.libelle + ".", static_cast<int>(d), line});
          break;
        }
      }
    }
  }
  return issues;
}

}  // namespace liasse::rules
