// Claims from members' factures: priced for the member of the numéro
// d'adhérent when the justificatifs are complete, a demande de pièces
// instead when they are not, and never a guess (another beneficiary, a total
// that does not add up). Real store, real tariffs and guarantee tables, real
// justificatifs table and letter generator.
#include "facture_claims.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "letters.h"
#include "pdf_text.h"
#include "sample_pricing.h"
#include "test_files.h"
#include "testing/status_matchers.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;
using liasse::Document;
using liasse::DocumentType;
using liasse::test_support::FreshTestDir;
using ::liasse::test_support::StatusIs;
using ::testing::HasSubstr;

Field Text(std::string v) { return {std::move(v), 0.99, 0, std::nullopt}; }
Field Flag(bool v) { return {v, 0.99, 0, std::nullopt}; }

Line L(const char* date, const char* code, const char* libelle, const char* montant) {
  Line l;
  l.values = {{"date", date}, {"code", code}, {"libelle", libelle}, {"montant", montant}};
  return l;
}

// A facture of Thomas MARIE (A43627204, PASS2, télétransmission).
Document Facture(const char* categorie, const char* total, std::vector<Line> lines, bool acquittee = true) {
  Document d;
  d.type = DocumentType::kFacture;
  d.fields["categorie"] = Text(categorie);
  d.fields["numero_facture"] = Text("2025-10001");
  d.fields["date"] = Text("2025-03-10");
  d.fields["emetteur.identifiant"] = Text("632732798");
  d.fields["beneficiaire.nom"] = Text("MARIE");
  d.fields["beneficiaire.prenom"] = Text("Thomas");
  d.fields["numero_adherent"] = Text("A43627204");
  d.fields["montant_total"] = Text(total);
  d.fields["acquittee"] = Flag(acquittee);
  d.lines = std::move(lines);
  return d;
}

Document Prescription() {
  Document d;
  d.type = DocumentType::kPrescription;
  d.fields["date"] = Text("2025-02-20");
  return d;
}

// Both lenses Sph −5,50 Cyl −1,00: printed in negative cylinder, they are
// Sph −6,50 Cyl +1,00 in seed 004's (+) convention, hence complexe.
Document Lunettes(const char* total = "380.00") {
  return Facture("optique", total,
                 {L("2025-03-10", "MONTURE", "Monture RAY-BAN RB5154", "80.00"),
                  L("2025-03-10", "VERRE", "Verre OD unifocal Sph -5,50 Cyl -1,00 Axe 90°", "150.00"),
                  L("2025-03-10", "VERRE", "Verre OG unifocal Sph -5,50 Cyl -1,00 Axe 85°", "150.00")});
}

class FactureClaimsTest : public liasse::test_support::SamplePricingTest {
 protected:
  void SetUp() override {
    dir_ = FreshTestDir("liasse_factures_");
    OpenStoreAndPricer(dir_ / "liasse.db");
    auto table = rules::JustificatifTable::Load(fs::path(LIASSE_SOURCE_DIR) / "data");
    ASSERT_TRUE(table.ok()) << table.status().ToString();
    table_.emplace(std::move(table).value());
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<ClaimResult> Price(const std::vector<Document>& docs) {
    review_.clear();
    checks_ = CheckFactures(docs, *table_, *store_, review_);
    return PriceFactureClaims(docs, checks_, *pricer_, *blocking_, *store_, Date::Parse("2025-03-20").value());
  }

  fs::path dir_;
  std::optional<rules::JustificatifTable> table_;
  std::vector<FactureCheck> checks_;
  std::vector<std::string> review_;
};

TEST_F(FactureClaimsTest, CompleteOptiqueClaimIsPricedAsOneEquipmentByLensClasses) {
  const std::vector<Document> docs = {Prescription(), Lunettes()};
  const auto claims = Price(docs);
  ASSERT_EQ(claims.size(), 1u);
  const ClaimResult& c = claims[0];
  EXPECT_EQ(c.document, 1);
  EXPECT_FALSE(c.from_bordereau);
  ASSERT_TRUE(c.priced.has_value()) << (c.review.empty() ? "" : c.review[0]);
  EXPECT_EQ(c.priced->id, "FAC-632732798-2025-10001");
  EXPECT_EQ(c.priced->member, "A43627204");
  ASSERT_EQ(c.priced->lines.size(), 1u);
  const auto& l = c.priced->lines[0];
  EXPECT_EQ(l.garantie, "PASS2/optique_complexe_complexe");
  // BR 0,15 € × 60 % = 0,09 € ; forfait 200 € SS incluse (monture 80 € ≤ 100 €)
  // → mutuelle 199,91 € ; reste 380,00 − 0,09 − 199,91 = 180,00 €.
  EXPECT_EQ(l.frais_reels, Money::FromCents(38000));
  EXPECT_EQ(l.ro, Money::FromCents(9));
  EXPECT_EQ(l.mutuelle, Money::FromCents(19991));
  EXPECT_EQ(l.reste_a_charge, Money::FromCents(18000));
  // The class B base of 0,15 € has no source here (confirme = false): the
  // claim goes to review, saying which figure, never silently.
  ASSERT_EQ(c.review.size(), 1u);
  EXPECT_NE(c.review[0].find("tarif sans source confirmée (OPTIQUE, ligne du 10/03/2025) : tarif de OPTIQUE"),
            std::string::npos)
      << c.review[0];
  EXPECT_TRUE(store_->LoadPricedClaim("FAC-632732798-2025-10001").ok());
  EXPECT_TRUE(PieceRequestsOf(checks_).empty());
}

TEST_F(FactureClaimsTest, DentalActIsPricedOnTheCcamBase) {
  const std::vector<Document> docs = {Facture(
      "dentaire", "55.70",
      {L("2025-03-10", "HBMD053", "Restauration d'une dent par matériau inséré en phase plastique, 2 faces", "55.70")})};
  const auto claims = Price(docs);
  ASSERT_EQ(claims.size(), 1u);
  ASSERT_TRUE(claims[0].priced.has_value()) << (claims[0].review.empty() ? "" : claims[0].review[0]);
  // BR 40,97 € × 60 % = 24,58 € ; PASS2 soins dentaires 100 % BR − RO = 16,39 € ;
  // reste 55,70 − 24,58 − 16,39 = 14,73 €.
  const auto& t = claims[0].priced->totals;
  EXPECT_EQ(t.ro, Money::FromCents(2458));
  EXPECT_EQ(t.mutuelle, Money::FromCents(1639));
  EXPECT_EQ(t.reste_a_charge, Money::FromCents(1473));
}

TEST_F(FactureClaimsTest, MissingPiecesAreRequestedAndNothingIsPaid) {
  // No prescription, and the facture is not acquittée.
  const std::vector<Document> docs = {Facture("optique", "380.00", Lunettes().lines, /*acquittee=*/false)};
  EXPECT_TRUE(Price(docs).empty());
  const auto requests = PieceRequestsOf(checks_);
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].document, 0);
  ASSERT_EQ(requests[0].demande.pieces_manquantes.size(), 2u);
  EXPECT_NE(requests[0].demande.pieces_manquantes[0].find("prescription"), std::string::npos);
  EXPECT_NE(requests[0].demande.pieces_manquantes[1].find("acquittée"), std::string::npos);
  EXPECT_THAT(store_->LoadPricedClaim("FAC-632732798-2025-10001"),
              StatusIs(StatusCode::kNotFound, HasSubstr("demande FAC-632732798-2025-10001 non liquidée")));
}

TEST_F(FactureClaimsTest, AnotherBeneficiaryIsNotGuessed) {
  Document facture = Lunettes();
  facture.fields["beneficiaire.prenom"] = Text("Léa");
  const auto claims = Price({Prescription(), facture});
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_FALSE(claims[0].priced.has_value());
  ASSERT_EQ(claims[0].review.size(), 1u);
  EXPECT_NE(claims[0].review[0].find("ayant droit"), std::string::npos) << claims[0].review[0];
}

TEST_F(FactureClaimsTest, DoubtfulNumeroAdherentOfSomeoneElseGetsNoLetterNorPayment) {
  Document facture = Lunettes();
  facture.fields["beneficiaire.nom"] = Text("DUPONT");
  facture.review.push_back({"numero_adherent", std::nullopt, "lu avec une confiance faible (71 %) : à vérifier"});
  EXPECT_TRUE(Price({Prescription(), facture}).empty());
  EXPECT_TRUE(checks_.empty());
  ASSERT_EQ(review_.size(), 1u);
  EXPECT_NE(review_[0].find("douteux"), std::string::npos) << review_[0];
}

TEST_F(FactureClaimsTest, TotalThatDiffersFromTheLinesIsNotPaid) {
  const auto claims = Price({Prescription(), Lunettes("390.00")});
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_FALSE(claims[0].priced.has_value());
  ASSERT_EQ(claims[0].review.size(), 1u);
  EXPECT_NE(claims[0].review[0].find("380,00"), std::string::npos) << claims[0].review[0];
}

TEST_F(FactureClaimsTest, UnreadableLensCorrectionIsNotGuessed) {
  Document facture = Lunettes();
  facture.lines[2] = L("2025-03-10", "VERRE", "Verre OG unifocal", "150.00");
  const auto claims = Price({Prescription(), facture});
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_FALSE(claims[0].priced.has_value());
  ASSERT_FALSE(claims[0].review.empty());
  EXPECT_NE(claims[0].review[0].find("correction"), std::string::npos) << claims[0].review[0];
}

TEST_F(FactureClaimsTest, CategoryWithoutPrestationGoesToAPerson) {
  const std::vector<Document> docs = {
      Facture("pharmacie", "10.02", {L("2025-03-10", "PH2", "Spasfon Lyoc 80 mg B/10 x3", "10.02")})};
  EXPECT_TRUE(Price(docs).empty());
  ASSERT_EQ(review_.size(), 1u);
  EXPECT_NE(review_[0].find("pharmacie"), std::string::npos) << review_[0];
}

// "15,00" for 15,00 €: the figure as the letters print it.
std::string Figure(Money m) {
  std::string s = m.ToDecimal();
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

// A séance d'ostéopathie of Thomas MARIE: a tariff without unconfirmed
// figure (frais réels), so a claim that is paid.
Document Seance(const char* numero, const char* montant = "60.00") {
  Document d = Facture("medecine_douce", montant, {L("2025-03-12", "OSTEOPATHE", "Séance d'ostéopathie", montant)});
  d.fields["numero_facture"] = Text(numero);
  return d;
}

LetterContext Context(const fs::path& dir, const char* stem, generators::LetterGenerator& generator,
                      store::Store& store) {
  return {dir,        stem,    "0A1B2C3D", Date::Parse("2025-03-20").value(), Date::Parse("2025-03-21").value(),
          &generator, nullptr, {},         Env::Default(),                    &store};
}

TEST_F(FactureClaimsTest, PricedFactureGetsItsDecompte) {
  const std::vector<Document> docs = {Seance("2025-20002")};
  const auto claims = Price(docs);
  ASSERT_EQ(claims.size(), 1u);
  ASSERT_EQ(StatusOf(claims[0]), ClaimStatus::kPaid) << (claims[0].review.empty() ? "" : claims[0].review[0]);
  auto generator = generators::LetterGenerator::Create();
  ASSERT_TRUE(generator.ok()) << generator.status().ToString();
  std::vector<std::string> errors;
  const auto written = WriteLetters(Context(dir_, "seance", *generator, *store_), docs, {}, claims, {}, {}, errors);
  ASSERT_TRUE(errors.empty()) << errors[0];
  ASSERT_EQ(written.size(), 1u);
  EXPECT_EQ(written[0].kind, "decompte");
  const std::string text = test_support::PdfText(dir_ / written[0].file);
  const std::string paid = Figure(claims[0].priced->totals.mutuelle);
  EXPECT_NE(text.find(paid), std::string::npos) << paid << "\n" << text;
  EXPECT_NE(text.find("60,00"), std::string::npos) << text;  // the frais réels
}

// The optique claim priced on a figure without a source (confirme = false)
// waits for a person: priced, listed in review, and no décompte is written
// or sent for it.
TEST_F(FactureClaimsTest, ClaimOnAnUnconfirmedTariffWaitsWithoutDecompte) {
  const std::vector<Document> docs = {Prescription(), Lunettes()};
  const auto claims = Price(docs);
  ASSERT_EQ(claims.size(), 1u);
  ASSERT_TRUE(claims[0].priced.has_value());
  EXPECT_EQ(StatusOf(claims[0]), ClaimStatus::kWaiting);
  auto generator = generators::LetterGenerator::Create();
  ASSERT_TRUE(generator.ok()) << generator.status().ToString();
  std::vector<std::string> errors;
  const auto written = WriteLetters(Context(dir_, "optique", *generator, *store_), docs, {}, claims, {}, {}, errors);
  EXPECT_TRUE(errors.empty()) << errors[0];
  EXPECT_TRUE(written.empty()) << written[0].kind;
}

TEST_F(FactureClaimsTest, OneDecomptePerMemberGathersTheirClaimsOfTheEnvelope) {
  Document gisele = Seance("2025-30003", "43.38");
  gisele.fields["numero_adherent"] = Text("A05060506");
  gisele.fields["beneficiaire.nom"] = Text("GAUTHIER");
  gisele.fields["beneficiaire.prenom"] = Text("Gisèle");
  const std::vector<Document> docs = {Seance("2025-20002"), Seance("2025-20003"), gisele};
  const auto claims = Price(docs);
  ASSERT_EQ(claims.size(), 3u);
  for (const auto& c : claims) {
    ASSERT_EQ(StatusOf(c), ClaimStatus::kPaid) << (c.review.empty() ? "" : c.review[0]);
  }
  auto generator = generators::LetterGenerator::Create();
  ASSERT_TRUE(generator.ok()) << generator.status().ToString();
  std::vector<std::string> errors;
  const auto written = WriteLetters(Context(dir_, "pli", *generator, *store_), docs, {}, claims, {}, {}, errors);
  ASSERT_TRUE(errors.empty()) << errors[0];
  ASSERT_EQ(written.size(), 2u);
  // Numbered from the envelope's content (its key) and the member: the same
  // on reprocessing, whatever the scan's file name or the letters' date.
  EXPECT_EQ(written[0].file, "pli/decompte-DEC-0A1B2C3D-A43627204.pdf");
  EXPECT_EQ(written[1].file, "pli/decompte-FAC-632732798-2025-30003.pdf");  // a single claim keeps its id
  const std::string thomas = test_support::PdfText(dir_ / written[0].file);
  EXPECT_EQ(thomas.find("43,38"), std::string::npos) << thomas;  // not Gisèle's séance
  // Thomas is paid for both séances, the sum of the two claims in all.
  const std::string sum = Figure(claims[0].priced->totals.mutuelle + claims[1].priced->totals.mutuelle);
  EXPECT_NE(thomas.find(sum), std::string::npos) << sum << "\n" << thomas;
  const std::string other = test_support::PdfText(dir_ / written[1].file);
  EXPECT_NE(other.find("43,38"), std::string::npos) << other;
}

}  // namespace
}  // namespace liasse::runner
