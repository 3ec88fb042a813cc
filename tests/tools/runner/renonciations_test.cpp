// Renunciation letters in `liasse process`: the member found in the store,
// the 14-day rule on the member's adhesion, the refunds computed from the
// monthly cotisation and the claims already paid, the PDF written and queued
// — or no letter and a review reason when a fact is missing.
#include "renonciations.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "letters.h"
#include "liasse/mail/config.h"
#include "liasse/rules/justificatifs.h"
#include "liasse/store/outbox_store.h"
#include "pdf_text.h"
#include "test_files.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;
using liasse::test_support::FreshTestDir;
using liasse::Document;
using liasse::DocumentType;

Date D(const char* iso) { return Date::Parse(iso).value(); }
Field Text(std::string v) { return {std::move(v), 0.99, 0, std::nullopt}; }

// Cotisations paid monthly in advance, the month of adhesion prorated.
TEST(CotisationsReglees, FirstMonthProratedThenEachMonthBegunBeforeReceipt) {
  const Money mensuelle = Money::FromCents(4890);
  // May 2025 has 31 days; adhesion on the 30th leaves 2: 48,90 × 2 / 31 =
  // 3,1548… → 3,15 €; June begun on the 12th: + 48,90 = 52,05 €.
  EXPECT_EQ(CotisationsReglees(mensuelle, D("2025-05-30"), D("2025-06-12")), Money::FromCents(5205));
  // Received before June: only the prorated May.
  EXPECT_EQ(CotisationsReglees(mensuelle, D("2025-05-30"), D("2025-05-31")), Money::FromCents(315));
  // 1 July is an échéance too: 3,15 + 48,90 + 48,90.
  EXPECT_EQ(CotisationsReglees(mensuelle, D("2025-05-30"), D("2025-07-01")), Money::FromCents(10095));
  // Adhesion on the first: a whole month.
  EXPECT_EQ(CotisationsReglees(mensuelle, D("2025-06-01"), D("2025-06-12")), Money::FromCents(4890));
  // February 2024 (29 days) from the 16th: 14 days, 48,90 × 14 / 29 = 23,606… → 23,61 €.
  EXPECT_EQ(CotisationsReglees(mensuelle, D("2024-02-16"), D("2024-02-28")), Money::FromCents(2361));
  // A letter received before the adhesion took effect: nothing was due.
  EXPECT_EQ(CotisationsReglees(mensuelle, D("2025-06-01"), D("2025-05-28")), Money::Zero());
}

class RenonciationsTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = FreshTestDir("liasse_renonciations_");
    auto st = store::Store::Open((dir_ / "liasse.db").string());
    ASSERT_TRUE(st.ok()) << st.status().ToString();
    store_.emplace(std::move(st).value());
  }
  void TearDown() override { fs::remove_all(dir_); }

  void AddMember(std::string numero, std::string nom, std::string prenom, const char* adhesion,
                 std::optional<int64_t> cotisation_cents, std::string nir = "272046311399352") {
    store::Member m;
    m.numero_adherent = std::move(numero);
    m.nom = std::move(nom);
    m.prenom = std::move(prenom);
    m.nir = std::move(nir);
    m.date_naissance = D("1972-04-06");
    m.niveau = "PASS1";
    m.date_adhesion = D(adhesion);
    m.email = "maelys.roussel10@wanadoo.fr";
    m.iban = "FR7687486183835640427921388";
    if (cotisation_cents) m.cotisation_mensuelle = Money::FromCents(*cotisation_cents);
    ASSERT_TRUE(store_->UpsertMember(m).ok());
  }

  void AddPaidClaim(std::string id, std::string member, int64_t mutuelle_cents) {
    PricedClaim c;
    c.id = std::move(id);
    c.member = member;
    c.beneficiaire = std::move(member);
    c.totals.mutuelle = Money::FromCents(mutuelle_cents);
    ASSERT_TRUE(store_->SavePricedClaim(c).ok());
  }

  // The model letter of seed 004 §2.5 as the extractor reads it.
  static Document Letter(const char* date, const char* prenom = "Maëlys", const char* souscription = "2025-05-30") {
    Document d;
    d.type = DocumentType::kRenonciation;
    d.fields["nom"] = Text("ROUSSEL");
    d.fields["prenom"] = Text(prenom);
    d.fields["adresse"] = Text("78 résidence des Lilas, 13005 MARSEILLE");
    d.fields["contrat"] = Text("CPMS Santé PASS1 option Confort");
    d.fields["date_souscription"] = Text(souscription);
    if (date != nullptr) d.fields["date"] = Text(date);
    d.fields["lieu"] = Text("MARSEILLE");
    return d;
  }

  std::vector<RenonciationLetter> Prepare(const std::vector<Document>& docs, const char* received) {
    review_.clear();
    return PrepareRenonciations(docs, *store_, "0A1B2C3D", D(received), D("2025-06-20"), review_);
  }

  // Writes the letters as `process` does: real generator, real outbox.
  std::vector<WrittenLetter> Write(const std::vector<Document>& docs, const std::vector<RenonciationLetter>& letters,
                                   const char* received) {
    auto generator = generators::LetterGenerator::Create();
    EXPECT_TRUE(generator.ok()) << generator.status().ToString();
    generator_.emplace(std::move(generator).value());
    auto outbox = store::OutboxStore::Open((dir_ / "liasse.db").string());
    EXPECT_TRUE(outbox.ok());
    outbox_ = std::move(outbox).value();
    auto config = mail::LoadMailConfig(std::string(LIASSE_SOURCE_DIR) + "/data/mail/operator.toml");
    EXPECT_TRUE(config.ok()) << config.status().ToString();
    LetterContext ctx{dir_, "renonciation_01", "0A1B2C3D", D(received), D("2025-06-20"), &*generator_, outbox_.get(),
                      config->sender, Env::Default(), &*store_};
    std::vector<std::string> errors;
    auto written = WriteLetters(ctx, docs, {}, {}, {}, letters, errors);
    EXPECT_TRUE(errors.empty()) << errors.front();
    return written;
  }

  std::string PdfText(const WrittenLetter& letter) {
    return test_support::PdfText(dir_ / letter.file);
  }

  fs::path dir_;
  std::optional<store::Store> store_;
  std::optional<generators::LetterGenerator> generator_;
  std::unique_ptr<store::OutboxStore> outbox_;
  std::vector<std::string> review_;
};

TEST_F(RenonciationsTest, InTimeLetterIsConfirmedWithBothRefundsAndQueued) {
  AddMember("A87415535", "ROUSSEL", "Maëlys", "2025-05-30", 4890);
  AddPaidClaim("B2-1", "A87415535", 1768);
  AddPaidClaim("B2-2", "A87415535", 532);
  AddPaidClaim("B2-3", "A00000001", 9900);  // another member's
  const std::vector<Document> docs = {Letter("2025-06-10")};
  const auto letters = Prepare(docs, "2025-06-12");
  ASSERT_EQ(letters.size(), 1u) << (review_.empty() ? "" : review_[0]);
  EXPECT_TRUE(review_.empty());
  const auto& m = letters[0].model;
  EXPECT_EQ(m.numero_adherent, "A87415535");
  EXPECT_EQ(m.faits.date_signature_ou_effet, D("2025-05-30"));
  EXPECT_EQ(m.faits.date_lettre, D("2025-06-10"));
  EXPECT_EQ(m.faits.date_reception, D("2025-06-12"));
  EXPECT_EQ(m.cotisations_versees, Money::FromCents(5205));   // 3,15 (May prorated) + 48,90 (June)
  EXPECT_EQ(m.prestations_versees, Money::FromCents(2300));   // 17,68 + 5,32
  EXPECT_EQ(m.reference, "REN-0A1B2C3D-1");

  const auto written = Write(docs, letters, "2025-06-12");
  ASSERT_EQ(written.size(), 1u);
  EXPECT_EQ(written[0].kind, "confirmation_renonciation");
  EXPECT_EQ(written[0].file, "renonciation_01/confirmation-renonciation-1.pdf");
  EXPECT_EQ(written[0].to, "maelys.roussel10@wanadoo.fr");
  EXPECT_TRUE(written[0].queued);
  const std::string text = PdfText(written[0]);
  // Deadline: 30 May + 14 days = Friday 13 June 2025; refunds within 30 days
  // of receipt: 12 July 2025.
  EXPECT_NE(text.find("13 juin 2025"), std::string::npos) << text;
  EXPECT_NE(text.find("52,05 €"), std::string::npos) << text;
  EXPECT_NE(text.find("23,00 €"), std::string::npos) << text;
  EXPECT_NE(text.find("12 juillet 2025"), std::string::npos) << text;
  auto rows = outbox_->List(std::nullopt);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].decompte_id, "REN-0A1B2C3D-1");
  EXPECT_EQ((*rows)[0].recipient, "maelys.roussel10@wanadoo.fr");
}

TEST_F(RenonciationsTest, DeadlineOnASaturdayMovesToMonday) {
  // 31 May + 14 = Saturday 14 June 2025 → Monday 16 June: a letter of the
  // 16th is in time.
  AddMember("A87415535", "ROUSSEL", "Maëlys", "2025-05-31", 4890);
  const std::vector<Document> docs = {Letter("2025-06-16", "Maëlys", "2025-05-31")};
  const auto letters = Prepare(docs, "2025-06-18");
  ASSERT_EQ(letters.size(), 1u) << (review_.empty() ? "" : review_[0]);
  // 48,90 × 1 / 31 = 1,577… → 1,58 € for 31 May, + 48,90 for June.
  EXPECT_EQ(letters[0].model.cotisations_versees, Money::FromCents(5048));
  const auto written = Write(docs, letters, "2025-06-18");
  ASSERT_EQ(written.size(), 1u);
  EXPECT_EQ(written[0].kind, "confirmation_renonciation");
}

TEST_F(RenonciationsTest, LateLetterIsRefusedWithoutNeedingTheCotisation) {
  AddMember("A87415535", "ROUSSEL", "Maëlys", "2025-05-30", std::nullopt);
  const std::vector<Document> docs = {Letter("2025-06-16")};
  const auto letters = Prepare(docs, "2025-06-18");
  ASSERT_EQ(letters.size(), 1u) << (review_.empty() ? "" : review_[0]);
  const auto written = Write(docs, letters, "2025-06-18");
  ASSERT_EQ(written.size(), 1u);
  EXPECT_EQ(written[0].kind, "refus_renonciation");
  EXPECT_EQ(written[0].file, "renonciation_01/refus-renonciation-1.pdf");
  const std::string text = PdfText(written[0]);
  EXPECT_NE(text.find("13 juin 2025"), std::string::npos) << text;  // the deadline
  EXPECT_NE(text.find("16 juin 2025"), std::string::npos) << text;  // the letter's date
  // Résiliation at the échéance: 31 December 2025, notice by 31 October 2025.
  EXPECT_NE(text.find("31 décembre 2025"), std::string::npos) << text;
  EXPECT_NE(text.find("31 octobre 2025"), std::string::npos) << text;
}

TEST_F(RenonciationsTest, WithoutItsDateTheLetterCountsFromItsReceipt) {
  AddMember("A87415535", "ROUSSEL", "Maëlys", "2025-05-30", 4890);
  const auto in_time = Prepare({Letter(nullptr)}, "2025-06-13");
  ASSERT_EQ(in_time.size(), 1u);
  EXPECT_EQ(in_time[0].model.cotisations_versees, Money::FromCents(5205));
  const auto late = Prepare({Letter(nullptr)}, "2025-06-17");
  ASSERT_EQ(late.size(), 1u);
  const auto written = Write({Letter(nullptr)}, late, "2025-06-17");
  ASSERT_EQ(written.size(), 1u);
  EXPECT_EQ(written[0].kind, "refus_renonciation");
}

TEST_F(RenonciationsTest, NameIsMatchedWithoutAccents) {
  AddMember("A87415535", "ROUSSEL", "Maëlys", "2025-05-30", 4890);
  const auto letters = Prepare({Letter("2025-06-10", "Maelys")}, "2025-06-12");
  ASSERT_EQ(letters.size(), 1u) << (review_.empty() ? "" : review_[0]);
  EXPECT_EQ(letters[0].model.numero_adherent, "A87415535");
}

TEST_F(RenonciationsTest, HomonymsAreToldApartByTheDateOfSouscription) {
  AddMember("A11111111", "ROUSSEL", "Maëlys", "2019-03-01", 4000, "192063155564012");
  AddMember("A87415535", "ROUSSEL", "Maëlys", "2025-05-30", 4890);
  const auto letters = Prepare({Letter("2025-06-10")}, "2025-06-12");
  ASSERT_EQ(letters.size(), 1u) << (review_.empty() ? "" : review_[0]);
  EXPECT_EQ(letters[0].model.numero_adherent, "A87415535");
  // Neither adhesion is the date the letter gives: nobody is guessed.
  EXPECT_TRUE(Prepare({Letter("2025-06-10", "Maëlys", "2025-05-29")}, "2025-06-12").empty());
  ASSERT_EQ(review_.size(), 1u);
  EXPECT_NE(review_[0].find("plusieurs adhérents"), std::string::npos) << review_[0];
}

TEST_F(RenonciationsTest, UnknownMemberGivesNoLetterButAReviewReason) {
  AddMember("A87415535", "ROUSSEL", "Maëlys", "2025-05-30", 4890);
  EXPECT_TRUE(Prepare({Letter("2025-06-10", "Jeanne")}, "2025-06-12").empty());
  ASSERT_EQ(review_.size(), 1u);
  EXPECT_NE(review_[0].find("adhérent non identifié"), std::string::npos) << review_[0];
}

TEST_F(RenonciationsTest, ConfirmationWithoutKnownCotisationGivesNoLetter) {
  AddMember("A87415535", "ROUSSEL", "Maëlys", "2025-05-30", std::nullopt);
  EXPECT_TRUE(Prepare({Letter("2025-06-10")}, "2025-06-12").empty());
  ASSERT_EQ(review_.size(), 1u);
  EXPECT_NE(review_[0].find("cotisation mensuelle"), std::string::npos) << review_[0];
}

TEST_F(RenonciationsTest, DoubtfulLetterDateGivesNoLetter) {
  AddMember("A87415535", "ROUSSEL", "Maëlys", "2025-05-30", 4890);
  Document letter = Letter("2025-06-10");
  letter.review.push_back({"date", std::nullopt, "confiance faible"});
  EXPECT_TRUE(Prepare({letter}, "2025-06-12").empty());
  ASSERT_EQ(review_.size(), 1u);
  EXPECT_NE(review_[0].find("date de la lettre"), std::string::npos) << review_[0];
}

}  // namespace
}  // namespace liasse::runner
