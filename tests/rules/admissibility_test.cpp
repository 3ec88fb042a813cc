#include "liasse/rules/admissibility.h"

#include <gtest/gtest.h>

#include "lot_fixture.h"
#include "testing/status_matchers.h"

namespace liasse::rules {
namespace {

using liasse::Document;
using liasse::DocumentType;
using liasse::Line;
using ::liasse::test_support::StatusIs;
using ::testing::HasSubstr;

const AdmissibilityRules& Rules() {
  static const Result<AdmissibilityRules> rules = AdmissibilityRules::Load(LIASSE_SOURCE_DIR "/data");
  if (!rules.ok()) {
    ADD_FAILURE() << rules.status().ToString();
    std::abort();
  }
  return *rules;
}

Date D(const char* iso) { return *Date::Parse(iso); }

std::vector<std::string> Codes(const std::vector<AdmissibilityIssue>& issues) {
  std::vector<std::string> out;
  for (const auto& i : issues) out.push_back(i.code);
  return out;
}

Document FactureWith(const std::string& libelle) {
  Document d;
  d.type = DocumentType::kFacture;
  d.lines.push_back(Line{{{"libelle", libelle}, {"montant", "20.00"}}});
  return d;
}

const Coverage kCoverage{D("2024-01-01"), D("2025-12-31")};

TEST(Admissibility, CareInsideCoverageAndInTimeIsAdmissible) {
  EXPECT_TRUE(Rules().Check(kCoverage, D("2025-03-10"), D("2025-04-01"), {}).empty());
}

TEST(Admissibility, CareBeforeAdhesionIsRefused) {
  EXPECT_EQ(Codes(Rules().Check(kCoverage, D("2023-12-31"), D("2024-02-01"), {})),
            std::vector<std::string>{"CARE_BEFORE_ADHESION"});
}

TEST(Admissibility, CareAfterTheEndOfCoverageIsRefused) {
  EXPECT_EQ(Codes(Rules().Check(kCoverage, D("2026-01-01"), D("2026-01-05"), {})),
            std::vector<std::string>{"CARE_AFTER_COVERAGE"});
  EXPECT_TRUE(Rules().Check(Coverage{D("2024-01-01"), std::nullopt}, D("2026-01-01"), D("2026-01-05"), {}).empty());
}

TEST(Admissibility, ClaimReceivedMoreThanTwoYearsAfterCareIsTooLate) {
  EXPECT_EQ(Rules().DeadlineMonths(D("2025-01-01")), 24);
  EXPECT_TRUE(Rules().Check(kCoverage, D("2024-03-10"), D("2026-03-10"), {}).empty());
  EXPECT_EQ(Codes(Rules().Check(kCoverage, D("2024-03-10"), D("2026-03-11"), {})),
            std::vector<std::string>{"CLAIM_TOO_LATE"});
}

TEST(Admissibility, ExclusionShownOnAFactureLineIsReported) {
  const auto issues = Rules().Check(kCoverage, D("2025-03-10"), D("2025-04-01"),
                                    {FactureWith("Forfait journalier EHPAD mars 2025")});
  ASSERT_EQ(Codes(issues), std::vector<std::string>{"EXCL_FORFAIT_JOURNALIER_MEDICO_SOCIAL"});
  EXPECT_EQ(issues[0].document, 0);
  EXPECT_EQ(issues[0].line, 0);
}

TEST(Admissibility, KeywordsMatchWholeWordsOnly) {
  // "forfait journalier" in a hospital and "masseur" are not the MAS exclusion.
  EXPECT_TRUE(Rules()
                  .Check(kCoverage, D("2025-03-10"), D("2025-04-01"),
                         {FactureWith("Forfait journalier hospitalier"), FactureWith("Séance masseur forfait journalier")})
                  .empty());
  EXPECT_EQ(Codes(Rules().Check(kCoverage, D("2025-03-10"), D("2025-04-01"), {FactureWith("Chirurgie esthétique nez")})),
            std::vector<std::string>{"EXCL_CHIRURGIE_ESTHETIQUE"});
}

TEST(Admissibility, MalformedDataNamesTheKey) {
  auto no_deadline = AdmissibilityRules::Parse("[[exclusions]]\ncode = \"X\"\nlibelle = \"x\"\nmots_cles = [[\"a\"]]\n", "a.toml");
  EXPECT_THAT(no_deadline,
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("a.toml: delais: liste [[delais]] absente")));
  auto bad_months = AdmissibilityRules::Parse("[[delais]]\nvalid_from = \"2020-01-01\"\ndemande_remboursement_mois = 0\n", "a.toml");
  EXPECT_THAT(bad_months, StatusIs(StatusCode::kInvalidArgument,
                                   HasSubstr("a.toml:3: delais[0].demande_remboursement_mois: entier entre 1 et 240")));
  auto bad_words = AdmissibilityRules::Parse(
      "[[delais]]\nvalid_from = \"2020-01-01\"\ndemande_remboursement_mois = 24\n[[exclusions]]\ncode = \"X\"\nlibelle = \"x\"\nmots_cles = [\"a\"]\n",
      "a.toml");
  EXPECT_THAT(bad_words,
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("a.toml:7: exclusions[0].mots_cles: chaque groupe est une liste de mots non vide")));
}

}  // namespace
}  // namespace liasse::rules
