// The members' store as a witness of identity: a flagged name, first name or
// birth date confirmed by what the store records for the member the feuille's
// sure NIR names; nothing else is settled, nothing filled.
#include "member_witness.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "sample_pricing.h"
#include "test_files.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;

Field Text(std::string v) { return {std::move(v), 0.99, 0, std::nullopt}; }

bool FlaggedField(const Document& d, const std::string& field, std::optional<int> line = std::nullopt) {
  return std::any_of(d.review.begin(), d.review.end(),
                     [&](const ReviewFlag& f) { return f.field == field && f.line == line; });
}

// A bordereau line and its feuille for Thomas MARIE (samples/members.csv:
// NIR 192063155564012, born 1992-06-20), the feuille's first name misread.
std::vector<Document> Lot(const std::string& prenom_on_feuille, const std::string& prenom_on_line) {
  Document bordereau;
  bordereau.type = DocumentType::kBordereau;
  Line line;
  line.values = {{"numero_facture", "596721243"}, {"nir", "192063155564012"}, {"nom", "MARIE"},
                 {"prenom", prenom_on_line}, {"date_naissance", "1992-06-20"}};
  bordereau.lines.push_back(line);
  Document feuille;
  feuille.type = DocumentType::kFeuilleDeSoins;
  feuille.fields["numero_facture"] = Text("596721243");
  feuille.fields["assure.nir"] = Text("192063155564012");
  feuille.fields["assure.nom"] = Text("MARIE");
  feuille.fields["assure.prenom"] = Text(prenom_on_feuille);
  feuille.fields["beneficiaire.nom"] = Text("MARIE");
  feuille.fields["beneficiaire.prenom"] = Text(prenom_on_feuille);
  feuille.fields["beneficiaire.date_naissance"] = Text("1992-06-20");
  feuille.review.push_back({"assure.prenom", std::nullopt, "prénom de l'assuré différent de celui du bordereau : à vérifier"});
  bordereau.review.push_back({"prenom", 0, "prénom de l'assuré différent de celui de la feuille de soins : à vérifier"});
  return {bordereau, feuille};
}

class MemberWitnessTest : public test_support::SamplePricingTest {
 protected:
  void SetUp() override {
    dir_ = test_support::FreshTestDir("liasse_member_witness_");
    OpenStoreAndPricer(dir_ / "liasse.db");
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(MemberWitnessTest, AFirstNameMisreadOnOneDocumentIsConfirmedByTheOtherAndTheStore) {
  auto docs = Lot("Thornas", "Thomas");
  auto removed = ConfirmIdentityByMembers(docs, *store_);
  ASSERT_TRUE(removed.ok()) << removed.status().ToString();
  EXPECT_EQ(*removed, 2);
  EXPECT_EQ(*docs[1].Text("assure.prenom"), "Thomas");
  EXPECT_FALSE(FlaggedField(docs[1], "assure.prenom"));
  EXPECT_EQ(*docs[0].lines[0].Find("prenom"), "Thomas");
  EXPECT_FALSE(FlaggedField(docs[0], "prenom", 0));
}

TEST_F(MemberWitnessTest, AReadingTheStoreDoesNotHoldStaysFlagged) {
  auto docs = Lot("Thornas", "Tbomas");
  auto removed = ConfirmIdentityByMembers(docs, *store_);
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(*removed, 0);
  EXPECT_EQ(*docs[1].Text("assure.prenom"), "Thornas");
  EXPECT_TRUE(FlaggedField(docs[1], "assure.prenom"));
  EXPECT_TRUE(FlaggedField(docs[0], "prenom", 0));
}

TEST_F(MemberWitnessTest, AFeuilleWhoseNirIsInReviewConfirmsNothing) {
  auto docs = Lot("Thornas", "Thomas");
  docs[1].review.push_back({"assure.nir", std::nullopt, "lu avec une confiance faible (60 %) : à vérifier", true});
  auto removed = ConfirmIdentityByMembers(docs, *store_);
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(*removed, 0);
  EXPECT_TRUE(FlaggedField(docs[1], "assure.prenom"));
}

TEST_F(MemberWitnessTest, TheBeneficiarysBirthDateCountsOnlyWhenTheBeneficiaryIsTheMember) {
  // The care was given to the member's child: a birth date read as the
  // member's own is no confirmation of the child's.
  auto child = Lot("Thomas", "Thomas");
  child[1].fields["beneficiaire.prenom"] = Text("Lucas");
  child[1].review.push_back({"beneficiaire.date_naissance", std::nullopt, "lu avec une confiance faible (61 %) : à vérifier", true});
  ASSERT_TRUE(ConfirmIdentityByMembers(child, *store_).ok());
  EXPECT_TRUE(FlaggedField(child[1], "beneficiaire.date_naissance"));
  // The member himself: confirmed.
  auto self = Lot("Thomas", "Thomas");
  self[1].review.push_back({"beneficiaire.date_naissance", std::nullopt, "lu avec une confiance faible (61 %) : à vérifier", true});
  ASSERT_TRUE(ConfirmIdentityByMembers(self, *store_).ok());
  EXPECT_FALSE(FlaggedField(self[1], "beneficiaire.date_naissance"));
}

}  // namespace
}  // namespace liasse::runner
