// The lot rule set: codes, scope, French messages and lot limits, loaded from
// data/rules/lots.toml. Load validates every rule the checker implements is
// present with a non-empty message and a valid scope, and that the limits
// are sensible; errors name the file and the key. Immutable after load,
// safe to share between threads.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/status.h"

namespace liasse::rules {

// "lot": the defect rejects the whole lot; "facture": only its invoice.
enum class Scope { kLot, kFacture };

struct RuleText {
  std::string code;
  Scope scope = Scope::kFacture;
  std::string message;     // to the auxiliaire médical
  std::string a_renvoyer;  // what to resend
};

struct LotLimits {
  int largeur_numero_lot = 3;
  int factures_par_lot_max = 50;
  int64_t tolerance_montant_centimes = 0;
};

// Every code the lot checker can raise, in report order.
const std::vector<std::string>& LotRuleCodes();

class LotRuleSet {
 public:
  // Reads <data_dir>/rules/lots.toml.
  static Result<LotRuleSet> Load(const std::filesystem::path& data_dir);
  // Parses TOML text; `origin` names it in errors.
  static Result<LotRuleSet> Parse(std::string_view toml_text, std::string_view origin);
  // The compile-time default data directory (LIASSE_DATA_DIR).
  static std::filesystem::path DefaultDataDir();

  // The rule `code`; aborts on a code not in LotRuleCodes() (a bug).
  const RuleText& Rule(std::string_view code) const;
  const LotLimits& limits() const { return limits_; }

 private:
  std::map<std::string, RuleText, std::less<>> rules_;
  LotLimits limits_;
};

}  // namespace liasse::rules
