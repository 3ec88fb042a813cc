#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "liasse/generators/templates.h"
#include "testing/status_matchers.h"

namespace liasse::generators {
namespace {

using ::liasse::test_support::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;

TemplateSchema Schema() {
  return {{"nom", "montant"}, {"urgent"}, {{"pieces", {"piece", "motif"}}}};
}

std::string Render(const std::string& text, const TemplateValues& values) {
  auto t = TextTemplate::Compile(text, Schema(), "test.toml", 1);
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return t.ok() ? t->Render(values) : "";
}

TEST(Templates, PlaceholdersAreReplaced) {
  TemplateValues v;
  v.scalars = {{"nom", "Zoé"}, {"montant", "12,00 €"}};
  EXPECT_EQ(Render("Bonjour {{nom}}, {{ montant }}.", v), "Bonjour Zoé, 12,00 €.");
}

TEST(Templates, IfElseFollowsFlagsAndValues) {
  TemplateValues v;
  v.flags["urgent"] = true;
  EXPECT_EQ(Render("{{#if urgent}}vite{{else}}calme{{/if}}", v), "vite");
  v.flags["urgent"] = false;
  EXPECT_EQ(Render("{{#if urgent}}vite{{else}}calme{{/if}}", v), "calme");
  EXPECT_EQ(Render("{{#if nom}}[{{nom}}]{{/if}}", v), "");
}

TEST(Templates, EachRepeatsWithItemFieldsAndGlobals) {
  TemplateValues v;
  v.scalars["nom"] = "Léa";
  v.lists["pieces"] = {{{"piece", "Facture"}, {"motif", "optique"}}, {{"piece", "Ordonnance"}, {"motif", ""}}};
  EXPECT_EQ(Render("{{#each pieces}}{{piece}}{{#if motif}} ({{motif}}){{/if}} pour {{nom}};{{/each}}", v),
            "Facture (optique) pour Léa;Ordonnance pour Léa;");
}

TEST(Templates, BlockTagAloneOnItsLineLeavesNoBlankLine) {
  TemplateValues v;
  v.lists["pieces"] = {{{"piece", "A"}}, {{"piece", "B"}}};
  EXPECT_EQ(Render("Début\n{{#each pieces}}\n- {{piece}}\n{{/each}}\nFin", v), "Début\n- A\n- B\nFin");
}

TEST(Templates, UnknownPlaceholderFailsNamingFileLineAndName) {
  auto t = TextTemplate::Compile("ligne 1\nBonjour {{nom_complet}}", Schema(), "templates/x.toml", 7);
  EXPECT_THAT(t, StatusIs(StatusCode::kInvalidArgument,
                          HasSubstr("templates/x.toml:8: placeholder inconnu « {{nom_complet}} »")));
}

TEST(Templates, ItemFieldOutsideItsListIsUnknown) {
  EXPECT_THAT(TextTemplate::Compile("{{piece}}", Schema(), "f", 1),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("f:1: placeholder inconnu « {{piece}} »")));
}

TEST(Templates, UnbalancedBlocksFail) {
  EXPECT_THAT(TextTemplate::Compile("{{#if urgent}}x", Schema(), "f", 1),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("f:1: {{#if urgent}} sans {{/if}}")));
  EXPECT_THAT(TextTemplate::Compile("x{{/if}}", Schema(), "f", 1),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("f:1: « {{/if}} » sans bloc ouvert")));
  EXPECT_THAT(TextTemplate::Compile("{{#each pieces}}x{{/if}}", Schema(), "f", 1),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("f:1: {{#each pieces}} sans {{/each}}")));
  EXPECT_THAT(TextTemplate::Compile("{{nom", Schema(), "f", 1),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("f:1: « {{ » sans « }} »")));
}

TEST(Templates, UnknownConditionFailsNamingIt) {
  EXPECT_THAT(TextTemplate::Compile("{{#if inconnu}}x{{/if}}", Schema(), "f", 1),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("f:1: condition inconnue « inconnu »")));
}

TEST(Templates, ShippedTemplatesLoadForEveryKind) {
  auto set = TemplateSet::Load(LIASSE_TEMPLATES_DIR);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  for (LetterKind kind : kAllLetterKinds) EXPECT_FALSE(set->Get(kind).file.empty());
  EXPECT_EQ(set->letterhead().siret, "414 357 889 00040");
  EXPECT_EQ(set->letterhead().orias, "07 001 007");
  EXPECT_THAT(set->MediatorFor(InsurerKind::kInstitutionPrevoyance).address[0], HasSubstr("Cambacérès"));
}

// Copies templates/ to a temporary directory with one file rewritten. The
// directory is named after the test: ctest -j runs tests side by side.
std::string CopyWith(const std::string& file, const std::string& from, const std::string& to) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("liasse_templates_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
  std::filesystem::remove_all(dir);
  std::filesystem::copy(LIASSE_TEMPLATES_DIR, dir);
  std::ifstream in(dir / file);
  std::stringstream text;
  text << in.rdbuf();
  std::string content = text.str();
  const size_t at = content.find(from);
  EXPECT_NE(at, std::string::npos);
  content.replace(at, from.size(), to);
  std::ofstream(dir / file) << content;
  return dir.string();
}

TEST(Templates, OperatorTypoInShippedTemplateFailsAtLoadWithFileAndLine) {
  const std::string dir = CopyWith("decompte.toml", "{{contrat}}", "{{contrat_nom}}");
  auto set = TemplateSet::Load(dir);
  EXPECT_THAT(set, StatusIs(StatusCode::kInvalidArgument,
                            HasSubstr("decompte.toml:11: placeholder inconnu « {{contrat_nom}} »")));
}

TEST(Templates, MissingLetterheadKeyFailsNamingIt) {
  const std::string dir = CopyWith("letterhead.toml", "siret = ", "siren = ");
  auto set = TemplateSet::Load(dir);
  EXPECT_THAT(set, StatusIs(StatusCode::kInvalidArgument,
                            HasSubstr("letterhead.toml: clé « siret » manquante ou non textuelle")));
}

TEST(Templates, PasswordRuleIsConfiguration) {
  const std::string dir = CopyWith("letterhead.toml", "mot_de_passe = \"{{date_naissance}}\"",
                                   "mot_de_passe = \"{{numero_adherent}}-{{date_naissance}}\"");
  auto set = TemplateSet::Load(dir);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  auto password = set->UserPassword({Date::FromYmd(1985, 9, 5).value(), "104582"});
  ASSERT_TRUE(password.ok()) << password.status().ToString();
  EXPECT_EQ(*password, "104582-05091985");
}

TEST(Templates, PasswordRuleWithUnknownPlaceholderFailsAtLoad) {
  const std::string dir = CopyWith("letterhead.toml", "mot_de_passe = \"{{date_naissance}}\"",
                                   "mot_de_passe = \"{{date_de_naissance}}\"");
  auto set = TemplateSet::Load(dir);
  EXPECT_THAT(
      set, StatusIs(StatusCode::kInvalidArgument,
                    AllOf(HasSubstr("letterhead.toml:"), HasSubstr("placeholder inconnu « {{date_de_naissance}} »"))));
}

TEST(Templates, PasswordRuleRenderingEmptyIsRefused) {
  const std::string dir = CopyWith("letterhead.toml", "mot_de_passe = \"{{date_naissance}}\"",
                                   "mot_de_passe = \"{{numero_adherent}}\"");
  auto set = TemplateSet::Load(dir);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  auto password = set->UserPassword({Date::FromYmd(1985, 9, 5).value(), ""});
  EXPECT_THAT(password, StatusIs(StatusCode::kNotFound, HasSubstr("une donnée de l'adhérent manque")));
}

TEST(Templates, PasswordRuleNeedingAnUnknownBirthDateIsRefusedEvenWhenNotEmpty) {
  const std::string dir = CopyWith("letterhead.toml", "mot_de_passe = \"{{date_naissance}}\"",
                                   "mot_de_passe = \"{{numero_adherent}}-{{date_naissance}}\"");
  auto set = TemplateSet::Load(dir);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  auto password = set->UserPassword({std::nullopt, "104582"});
  ASSERT_FALSE(password.ok());  // "104582-" would be a guessable password
  EXPECT_EQ(password.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(password.status().message(), HasSubstr("[chiffrement] mot_de_passe"));
}

TEST(Templates, PasswordRuleWithoutItsHintForTheMemberFailsAtLoad) {
  const std::string dir = CopyWith("letterhead.toml", "consigne = \"votre date de naissance, au format JJMMAAAA\"", "");
  auto set = TemplateSet::Load(dir);
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(set.status().message(), HasSubstr("letterhead.toml"));
  EXPECT_THAT(set.status().message(), HasSubstr("consigne"));
}

TEST(Templates, ShippedPasswordHintSaysHowThePasswordIsMade) {
  auto set = TemplateSet::Load(LIASSE_TEMPLATES_DIR);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_EQ(set->PasswordHint(), "votre date de naissance, au format JJMMAAAA");
}

TEST(Templates, TomlSyntaxErrorNamesFileAndLine) {
  const std::string dir = CopyWith("mediateurs.toml", "[entreprise_assurance]", "[entreprise_assurance");
  auto set = TemplateSet::Load(dir);
  EXPECT_THAT(set, StatusIs(StatusCode::kInvalidArgument, HasSubstr("mediateurs.toml:8: ")));
}

}  // namespace
}  // namespace liasse::generators
