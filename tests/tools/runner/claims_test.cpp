// Pricing the accepted feuilles de soins of a lot for the members of the
// store, and the control against the bordereau's AMC.
#include "claims.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "liasse/store/paid_invoices_store.h"
#include "sample_pricing.h"
#include "test_files.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;
using liasse::Document;
using liasse::DocumentType;

Field Text(std::string v) { return {std::move(v), 0.99, 0, std::nullopt}; }

// The first invoice of samples/lot_01_clean: two AMK 10 for Thomas MARIE
// (PASS2, paramédicaux 100 %).
std::vector<Document> Lot(const std::string& amc_on_bordereau, const std::string& nir = "192063155564012") {
  Document bordereau;
  bordereau.type = DocumentType::kBordereau;
  bordereau.fields["lot.numero"] = Text("717");
  Line line;
  line.values = {{"numero_facture", "596721243"}, {"montant_total", "44.20"}, {"montant_amo", "26.52"},
                 {"montant_amc", amc_on_bordereau}};
  bordereau.lines.push_back(line);
  Document feuille;
  feuille.type = DocumentType::kFeuilleDeSoins;
  feuille.fields["numero_facture"] = Text("596721243");
  feuille.fields["assure.nir"] = Text(nir);
  feuille.fields["beneficiaire.date_naissance"] = Text("1992-06-20");
  feuille.fields["praticien.identifiant"] = Text("977990555");
  for (const char* date : {"2024-06-30", "2024-07-03"}) {
    Line act;
    act.values = {{"date", date}, {"code", "AMK"}, {"coefficient", "10"}, {"montant", "22.10"}};
    feuille.lines.push_back(act);
  }
  return {bordereau, feuille};
}

std::vector<rules::LotVerdict> Accepted(std::vector<std::string> factures) {
  rules::LotVerdict v;
  v.numero = "717";
  v.factures_acceptees = std::move(factures);
  return {v};
}

class ClaimsTest : public liasse::test_support::SamplePricingTest {
 protected:
  // A folder per test: ctest runs the cases of this fixture in parallel.
  void SetUp() override {
    dir_ = liasse::test_support::FreshTestDir("liasse_claims_");
    OpenStoreAndPricer(dir_ / "liasse.db");
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;

  std::vector<ClaimResult> Price(const std::vector<Document>& docs, const std::vector<rules::LotVerdict>& lots) {
    return PriceLotClaims(docs, lots, *pricer_, *blocking_, *store_, Date::Parse("2024-08-10").value());
  }

};

TEST_F(ClaimsTest, AcceptedFeuilleIsPricedForTheMemberFoundByNir) {
  const auto claims = Price(Lot("17.68"), Accepted({"596721243"}));
  ASSERT_EQ(claims.size(), 1u);
  const ClaimResult& c = claims[0];
  EXPECT_EQ(c.document, 1);
  ASSERT_TRUE(c.member.has_value());
  EXPECT_EQ(c.member->numero_adherent, "A43627204");
  ASSERT_TRUE(c.priced.has_value()) << (c.review.empty() ? "" : c.review[0]);
  EXPECT_EQ(c.priced->id, "B2-977990555-596721243");
  ASSERT_EQ(c.priced->lines.size(), 2u);
  // 10 × 2,21 € = 22,10 € ; RO 60 % = 13,26 € ; mutuelle 100 % − RO = 8,84 € per act.
  EXPECT_EQ(c.priced->totals.frais_reels, Money::FromCents(4420));
  EXPECT_EQ(c.priced->totals.mutuelle, Money::FromCents(1768));
  EXPECT_TRUE(c.review.empty()) << c.review[0];
  EXPECT_TRUE(store_->LoadPricedClaim("B2-977990555-596721243").ok());
}

TEST_F(ClaimsTest, AmcInvoicedAboveTheGuaranteeGoesToReviewWithBothFigures) {
  const auto claims = Price(Lot("20.00"), Accepted({"596721243"}));
  ASSERT_EQ(claims.size(), 1u);
  ASSERT_TRUE(claims[0].priced.has_value());
  ASSERT_EQ(claims[0].review.size(), 1u);
  EXPECT_NE(claims[0].review[0].find("20,00"), std::string::npos) << claims[0].review[0];
  EXPECT_NE(claims[0].review[0].find("17,68"), std::string::npos) << claims[0].review[0];
}

// The professional may round the AMO once on the invoice's total where the
// guarantee rounds it per act: a gap of rounding (here at most 1 cent for
// two acts) is paid at the guarantee and recorded; one cent more is not.
TEST_F(ClaimsTest, AnAmcWithinRoundingOfTheGuaranteeIsPaidAtTheGuaranteeAndTheGapRecorded) {
  const auto claims = Price(Lot("17.69"), Accepted({"596721243"}));
  ASSERT_EQ(claims.size(), 1u);
  ASSERT_TRUE(claims[0].priced.has_value());
  EXPECT_TRUE(claims[0].review.empty()) << claims[0].review[0];
  EXPECT_EQ(claims[0].priced->totals.mutuelle, Money::FromCents(1768));
  ASSERT_TRUE(claims[0].ecart_arrondi.has_value());
  EXPECT_EQ(*claims[0].ecart_arrondi, Money::FromCents(1));
  EXPECT_EQ(StatusOf(claims[0]), ClaimStatus::kPaid);

  const auto beyond = Price(Lot("17.70"), Accepted({"596721243"}));
  ASSERT_EQ(beyond.size(), 1u);
  ASSERT_EQ(beyond[0].review.size(), 1u);
  EXPECT_NE(beyond[0].review[0].find("17,70"), std::string::npos) << beyond[0].review[0];
  EXPECT_EQ(StatusOf(beyond[0]), ClaimStatus::kWaiting);
}

TEST_F(ClaimsTest, AssureWhoIsNotAMemberIsRefusedNotPriced) {
  const auto claims = Price(Lot("17.68", "185057800608436"), Accepted({"596721243"}));
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_FALSE(claims[0].priced.has_value());
  EXPECT_TRUE(claims[0].review.empty());
  ASSERT_TRUE(claims[0].refus.has_value());
  EXPECT_EQ(*claims[0].refus, "L'assuré (n° de sécurité sociale 185057800608436) n'est pas adhérent de la mutuelle.");
  EXPECT_EQ(StatusOf(claims[0]), ClaimStatus::kRefused);
}

TEST_F(ClaimsTest, AFeuilleWhoseNirIsInReviewWaitsAndIsNotPriced) {
  auto docs = Lot("17.68");
  docs[1].review.push_back({"assure.nir", std::nullopt, "lu avec une confiance faible : à vérifier"});
  const auto claims = Price(docs, Accepted({"596721243"}));
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_FALSE(claims[0].priced.has_value());
  ASSERT_EQ(claims[0].review.size(), 1u);
  EXPECT_EQ(claims[0].review[0],
            "assure.nir de la feuille à vérifier avant paiement : lu avec une confiance faible : à vérifier");
  EXPECT_EQ(StatusOf(claims[0]), ClaimStatus::kWaiting);
}

TEST_F(ClaimsTest, AFlaggedBordereauLineOfTheInvoiceWaitsAndIsNotPriced) {
  auto docs = Lot("17.68");
  docs[0].review.push_back({"nir", 0, "lu avec une confiance faible : à vérifier"});
  const auto claims = Price(docs, Accepted({"596721243"}));
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_FALSE(claims[0].priced.has_value());
  ASSERT_EQ(claims[0].review.size(), 1u);
  EXPECT_EQ(claims[0].review[0], "ligne 1 du bordereau à vérifier avant paiement (nir : lu avec une confiance faible : à vérifier)");
}

TEST_F(ClaimsTest, AnInvoiceHeldByItsPrescriptionsUndecidedCrossingWaitsAndIsNotPriced) {
  auto lots = Accepted({"596721243"});
  lots[0].factures_en_attente = {"596721243"};
  const auto claims = Price(Lot("17.68"), lots);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_FALSE(claims[0].priced.has_value());
  ASSERT_EQ(claims[0].review.size(), 1u);
  EXPECT_EQ(claims[0].review[0], "prescription de la facture : rature possible à vérifier avant paiement");
  EXPECT_EQ(StatusOf(claims[0]), ClaimStatus::kWaiting);
}

TEST_F(ClaimsTest, AnInvoicePaidThroughAnotherEnvelopeIsRefusedAsDuplicateWithoutPricing) {
  auto paid = store::SqlitePaidInvoices::Open(store_->database());
  ASSERT_TRUE(paid.ok());
  ASSERT_TRUE((*paid)->Record({"B2-977990555-596721243", EnvelopeKey("lot_01.tiff", "aa"), "lot_01.tiff",
                               Date::FromYmd(2024, 8, 1).value()}).ok());
  const rules::PaidInvoicesView view{paid->get(), EnvelopeKey("copie.tiff", "aa")};
  const auto claims = PriceLotClaims(Lot("17.68"), Accepted({"596721243"}), *pricer_, *blocking_, *store_,
                                     Date::FromYmd(2024, 8, 1).value(), view);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_FALSE(claims[0].priced.has_value());
  ASSERT_TRUE(claims[0].refus.has_value());
  EXPECT_EQ(*claims[0].refus,
            "Facture déjà présentée et réglée le 01/08/2024 (pli lot_01.tiff) : elle n'est pas payée une seconde fois.");
  // Its own envelope processed again is paid as the first time.
  const rules::PaidInvoicesView own{paid->get(), EnvelopeKey("lot_01.tiff", "aa")};
  const auto again = PriceLotClaims(Lot("17.68"), Accepted({"596721243"}), *pricer_, *blocking_, *store_,
                                    Date::FromYmd(2024, 8, 1).value(), own);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(StatusOf(again[0]), ClaimStatus::kPaid);
}

TEST_F(ClaimsTest, AFeuilleWithAFlaggedActLineWaitsForAPersonAndIsNotPriced) {
  auto docs = Lot("17.68");
  docs[1].review.push_back({"coefficient", 1, "rétabli par le contrôle montant = coefficient × valeur de la lettre-clé"});
  const auto claims = Price(docs, Accepted({"596721243"}));
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_FALSE(claims[0].priced.has_value());
  ASSERT_EQ(claims[0].review.size(), 1u);
  EXPECT_NE(claims[0].review[0].find("ligne 2 de la feuille à vérifier avant paiement (coefficient"), std::string::npos)
      << claims[0].review[0];
}

TEST_F(ClaimsTest, RejectedInvoicesAreNotPriced) {
  EXPECT_TRUE(Price(Lot("17.68"), Accepted({})).empty());
}

TEST_F(ClaimsTest, PricingTheSameLotTwiceGivesTheSameAmounts) {
  const auto first = Price(Lot("17.68"), Accepted({"596721243"}));
  const auto again = Price(Lot("17.68"), Accepted({"596721243"}));
  ASSERT_TRUE(first[0].priced && again[0].priced);
  EXPECT_EQ(first[0].priced->totals.mutuelle, again[0].priced->totals.mutuelle);
}

}  // namespace
}  // namespace liasse::runner
