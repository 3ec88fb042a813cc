#include <gtest/gtest.h>

#include "liasse/rules/rule_set.h"

namespace liasse::rules {
namespace {

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
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.status().message().find("lots.toml"), std::string::npos);
  EXPECT_NE(set.status().message().find("regles.LOT_ORDER"), std::string::npos) << set.status().message();
}

TEST(LotRuleSet, UnknownCodeIsRefused) {
  auto set = LotRuleSet::Parse(Limits() + AllRules() + "[regles.LOT_TOO_HEAVY]\nportee = \"lot\"\nmessage = \"m\"\na_renvoyer = \"r\"\n",
                               "lots.toml");
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.status().message().find("LOT_TOO_HEAVY"), std::string::npos);
}

TEST(LotRuleSet, BadScopeNamesFileLineAndKey) {
  std::string text = Limits() + AllRules();
  text.replace(text.find("portee = \"facture\""), 18, "portee = \"lots\"");
  auto set = LotRuleSet::Parse(text, "lots.toml");
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.status().message().find("portee"), std::string::npos) << set.status().message();
  EXPECT_NE(set.status().message().find("lots.toml:"), std::string::npos) << set.status().message();
}

TEST(LotRuleSet, LimitsAreValidated) {
  auto zero = LotRuleSet::Parse("[limites]\nlargeur_numero_lot = 0\nfactures_par_lot_max = 50\ntolerance_montant_centimes = 0\n" +
                                    AllRules(),
                                "lots.toml");
  ASSERT_FALSE(zero.ok());
  EXPECT_NE(zero.status().message().find("limites.largeur_numero_lot"), std::string::npos);
  auto text = LotRuleSet::Parse("[limites]\nlargeur_numero_lot = \"3\"\nfactures_par_lot_max = 50\ntolerance_montant_centimes = 0\n" +
                                    AllRules(),
                                "lots.toml");
  EXPECT_FALSE(text.ok());
  auto syntax = LotRuleSet::Parse("[limites\n", "lots.toml");
  ASSERT_FALSE(syntax.ok());
  EXPECT_NE(syntax.status().message().find("lots.toml:1"), std::string::npos) << syntax.status().message();
  EXPECT_FALSE(LotRuleSet::Load("/nonexistent").ok());
}

TEST(LotRuleSet, EmptyMessageIsRefused) {
  std::string text = Limits() + AllRules();
  text.replace(text.find("message = \"m\""), 13, "message = \"\"");
  auto set = LotRuleSet::Parse(text, "lots.toml");
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.status().message().find("message"), std::string::npos);
}

}  // namespace
}  // namespace liasse::rules
