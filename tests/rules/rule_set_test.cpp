#include "liasse/rules/rule_set.h"

#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "testing/status_matchers.h"

namespace liasse::rules {
namespace {
using ::liasse::test_support::StatusIs;
using ::testing::HasSubstr;

std::string Limits() {
  return "[limites]\nlargeur_numero_lot = 3\nfactures_par_lot_max = 50\ntolerance_montant_centimes = 0\n";
}

std::string AllRules(const std::string& skip = "") {
  std::string out = "[regles]\n";
  for (const auto& code : LotRuleCodes()) {
    if (code == skip) continue;
    out += "[regles." + code + "]\nportee = \"facture\"\nmessage = \"m\"\na_renvoyer = \"r\"\n";
  }
  return out;
}

TEST(LotRuleSet, ShippedDataLoadsWithEveryCode) {
  auto set = LotRuleSet::Load(LIASSE_SOURCE_DIR "/data");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_EQ(set->limits().largeur_numero_lot, 3);
  EXPECT_EQ(set->Rule("LOT_ORDER").scope, Scope::kLot);
  EXPECT_EQ(set->Rule("LOT_NIR_INVALID").scope, Scope::kFacture);
  for (const auto& code : LotRuleCodes()) EXPECT_FALSE(set->Rule(code).message.empty()) << code;
}

TEST(LotRuleSet, MissingRuleIsNamed) {
  auto set = LotRuleSet::Parse(Limits() + AllRules("LOT_ORDER"), "lots.toml");
  EXPECT_THAT(set, StatusIs(StatusCode::kInvalidArgument, HasSubstr("lots.toml: regles.LOT_ORDER: règle absente")));
}

TEST(LotRuleSet, UnknownCodeIsRefused) {
  const std::string known = Limits() + AllRules();
  // The error names the line of the unknown table: the one after every known rule.
  const auto line = std::count(known.begin(), known.end(), '\n') + 1;
  auto set = LotRuleSet::Parse(known + "[regles.LOT_TOO_HEAVY]\nportee = \"lot\"\nmessage = \"m\"\na_renvoyer = \"r\"\n",
                               "lots.toml");
  EXPECT_THAT(set, StatusIs(StatusCode::kInvalidArgument,
                            HasSubstr("lots.toml:" + std::to_string(line) + ": regles.LOT_TOO_HEAVY: code de règle inconnu")));
}

TEST(LotRuleSet, BadScopeNamesFileLineAndKey) {
  std::string text = Limits() + AllRules();
  text.replace(text.find("portee = \"facture\""), 18, "portee = \"lots\"");
  auto set = LotRuleSet::Parse(text, "lots.toml");
  EXPECT_THAT(set,
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("lots.toml:7: regles.LOT_BORDEREAU_MISSING.portee: \"lot\" ou \"facture\" attendu, "
                                 "pas \"lots\"")));
}

TEST(LotRuleSet, LimitsAreValidated) {
  auto zero = LotRuleSet::Parse("[limites]\nlargeur_numero_lot = 0\nfactures_par_lot_max = 50\ntolerance_montant_centimes = 0\n" +
                                    AllRules(),
                                "lots.toml");
  EXPECT_THAT(zero, StatusIs(StatusCode::kInvalidArgument,
                             HasSubstr("lots.toml:2: limites.largeur_numero_lot: doit être entre 1 et 12")));
  auto text = LotRuleSet::Parse("[limites]\nlargeur_numero_lot = \"3\"\nfactures_par_lot_max = 50\ntolerance_montant_centimes = 0\n" +
                                    AllRules(),
                                "lots.toml");
  EXPECT_THAT(text, StatusIs(StatusCode::kInvalidArgument,
                             HasSubstr("lots.toml:2: limites.largeur_numero_lot: entier attendu")));
  EXPECT_THAT(LotRuleSet::Parse("[limites\n", "lots.toml"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("lots.toml:1: ")));
  EXPECT_THAT(
      LotRuleSet::Load("/nonexistent"),
      StatusIs(StatusCode::kNotFound, HasSubstr("/nonexistent/rules/lots.toml: fichier introuvable ou illisible")));
}

TEST(LotRuleSet, EmptyMessageIsRefused) {
  std::string text = Limits() + AllRules();
  text.replace(text.find("message = \"m\""), 13, "message = \"\"");
  auto set = LotRuleSet::Parse(text, "lots.toml");
  EXPECT_THAT(set, StatusIs(StatusCode::kInvalidArgument,
                            HasSubstr("lots.toml:8: regles.LOT_BORDEREAU_MISSING.message: texte non vide attendu")));
}

}  // namespace
}  // namespace liasse::rules
