#include "liasse/rules/rule_set.h"

#include <cstdlib>

#include "toml_util.h"

#ifndef LIASSE_DATA_DIR
#define LIASSE_DATA_DIR "data"
#endif

namespace liasse::rules {

using internal::KeyError;

const std::vector<std::string>& LotRuleCodes() {
  static const std::vector<std::string> codes = {
      "LOT_BORDEREAU_MISSING", "LOT_HEADER_INCOMPLETE", "LOT_NUMERO_INVALID", "LOT_TOO_MANY_INVOICES",
      "LOT_ORDER", "LOT_PIECES_ORDER", "LOT_LINE_INCOMPLETE", "LOT_NIR_INVALID", "LOT_FEUILLE_MISSING",
      "LOT_LINE_MISSING", "LOT_AMOUNT_MISMATCH", "LOT_AMO_AMC_INCONSISTENT", "FDS_INCOMPLETE",
      "FDS_PRATICIEN_SIGNATURE_MISSING", "FDS_PATIENT_SIGNATURE_MISSING", "FDS_RATUREE", "PRESCRIPTION_MISSING",
      "PRESCRIPTION_RATUREE", "DATES_INCONSISTENT", "FACTURE_DOUBLON", "FACTURE_DEJA_PAYEE"};
  return codes;
}

std::filesystem::path LotRuleSet::DefaultDataDir() { return LIASSE_DATA_DIR; }

Result<LotRuleSet> LotRuleSet::Load(const std::filesystem::path& data_dir) {
  const auto path = data_dir / "rules" / "lots.toml";
  LIASSE_ASSIGN_OR_RETURN(auto text, internal::ReadText(path));
  return Parse(text, path.string());
}

namespace {

Result<int64_t> PositiveInt(const toml::table& limits, std::string_view key, std::string_view origin, int64_t min,
                            int64_t max) {
  const toml::node* node = limits.get(key);
  const std::string full = "limites." + std::string(key);
  if (node == nullptr) return KeyError(origin, full, "clé absente", &limits);
  auto v = node->value<int64_t>();
  if (!v || !node->is_integer()) return KeyError(origin, full, "entier attendu", node);
  if (*v < min || *v > max) {
    return KeyError(origin, full, "doit être entre " + std::to_string(min) + " et " + std::to_string(max), node);
  }
  return *v;
}

}  // namespace

Result<LotRuleSet> LotRuleSet::Parse(std::string_view toml_text, std::string_view origin) {
  LIASSE_ASSIGN_OR_RETURN(auto parsed, internal::ParseToml(toml_text, origin));
  const toml::table& root = parsed;
  LotRuleSet set;

  const toml::table* limits = root["limites"].as_table();
  if (limits == nullptr) return KeyError(origin, "limites", "table absente");
  LIASSE_ASSIGN_OR_RETURN(auto width, PositiveInt(*limits, "largeur_numero_lot", origin, 1, 12));
  LIASSE_ASSIGN_OR_RETURN(auto max, PositiveInt(*limits, "factures_par_lot_max", origin, 1, 100000));
  LIASSE_ASSIGN_OR_RETURN(auto tol, PositiveInt(*limits, "tolerance_montant_centimes", origin, 0, 100000));
  set.limits_ = {static_cast<int>(width), static_cast<int>(max), tol};

  const toml::table* rules = root["regles"].as_table();
  if (rules == nullptr) return KeyError(origin, "regles", "table absente");
  for (const auto& [key, node] : *rules) {
    const std::string code(key.str());
    const std::string path = "regles." + code;
    bool known = false;
    for (const auto& c : LotRuleCodes()) known = known || c == code;
    if (!known) return KeyError(origin, path, "code de règle inconnu (aucun contrôle ne le produit)", &node);
    const toml::table* rule = node.as_table();
    if (rule == nullptr) return KeyError(origin, path, "table attendue", &node);
    RuleText text;
    text.code = code;
    LIASSE_ASSIGN_OR_RETURN(auto scope, internal::RequiredString(*rule, "portee", path, origin));
    if (scope == "lot") {
      text.scope = Scope::kLot;
    } else if (scope == "facture") {
      text.scope = Scope::kFacture;
    } else {
      return KeyError(origin, path + ".portee", "\"lot\" ou \"facture\" attendu, pas \"" + scope + "\"",
                      rule->get("portee"));
    }
    LIASSE_ASSIGN_OR_RETURN(auto message, internal::RequiredString(*rule, "message", path, origin));
    LIASSE_ASSIGN_OR_RETURN(auto resend, internal::RequiredString(*rule, "a_renvoyer", path, origin));
    text.message = message;
    text.a_renvoyer = resend;
    set.rules_.emplace(code, std::move(text));
  }
  for (const auto& code : LotRuleCodes()) {
    if (!set.rules_.count(code)) return KeyError(origin, "regles." + code, "règle absente");
  }
  return set;
}

const RuleText& LotRuleSet::Rule(std::string_view code) const {
  auto it = rules_.find(code);
  if (it == rules_.end()) std::abort();  // every code is checked present at load
  return it->second;
}

}  // namespace liasse::rules
