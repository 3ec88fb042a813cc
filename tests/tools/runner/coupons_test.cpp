// The "décomptes par mail" coupon on a real store (issue 22 item 6, issue 21
// item 2): a member found by NIR and name gets the address as unproven, its
// confirmation (no health data) is queued and no décompte goes there before
// `confirm-email`; a wrong NIR key, an unknown member, another name, a
// doubtful address or one that differs from the member's own go to review
// and change nothing.
#include "coupons.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "letters.h"
#include "paid_claim_fixture.h"
#include "liasse/core/fields.h"
#include "liasse/mail/config.h"
#include "liasse/store/outbox_store.h"
#include "liasse/store/store.h"
#include "test_files.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

constexpr const char* kNir = "272046311399352";
constexpr const char* kNumero = "A87415535";
constexpr const char* kAddress = "maelys.roussel10@wanadoo.fr";

Date D(const char* iso) { return Date::Parse(iso).value(); }

store::Member Member(const std::string& email) {
  store::Member m;
  m.numero_adherent = kNumero;
  m.nom = "ROUSSEL";
  m.prenom = "Maëlys";
  m.nir = kNir;
  m.date_naissance = D("1972-04-06");
  m.niveau = "PASS1";
  m.date_adhesion = D("2020-01-01");
  m.email = email;
  m.iban = "FR7687486183835640427921388";
  m.adresse = {"8 rue des Lilas", "69003 LYON"};
  return m;
}

// A coupon as the reader leaves it: `flagged` names fields in review.
Document Coupon(const std::string& nir = kNir, const std::string& nom = "ROUSSEL", const std::string& email = kAddress,
                const std::vector<std::string>& flagged = {}) {
  Document d;
  d.type = DocumentType::kCouponEmail;
  d.pages = {1};
  d.fields[fields::kSociete].value = std::string("Transports Lemaire");
  d.fields[fields::kNom].value = nom;
  d.fields[fields::kPrenom].value = std::string("Maelys");  // written without its diaeresis
  d.fields[fields::kNir].value = nir;
  d.fields[fields::kEmail].value = email;
  for (const auto& f : flagged) d.review.push_back({f, std::nullopt, "lu avec une confiance faible : à vérifier"});
  return d;
}

class CouponsTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = test_support::FreshTestDir("liasse_coupons_");
    auto st = store::Store::Open((dir_ / "liasse.db").string());
    ASSERT_TRUE(st.ok()) << st.status().ToString();
    store_.emplace(std::move(st).value());
    auto outbox = store::OutboxStore::Open(store_->database());
    ASSERT_TRUE(outbox.ok()) << outbox.status().ToString();
    outbox_ = std::move(outbox).value();
    auto config = mail::LoadMailConfig(std::string(LIASSE_SOURCE_DIR) + "/data/mail/operator.toml");
    ASSERT_TRUE(config.ok()) << config.status().ToString();
    config_ = *config;
    auto generator = generators::LetterGenerator::Create();
    ASSERT_TRUE(generator.ok()) << generator.status().ToString();
    generator_.emplace(std::move(generator).value());
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A feuille then the coupon, as in seed 000's envelope.
  EnvelopeOutput Apply(Document coupon) {
    EnvelopeOutput out;
    out.source = "pli_01.tiff";
    Document feuille;
    feuille.type = DocumentType::kFeuilleDeSoins;
    out.documents = {feuille, std::move(coupon)};
    const CouponStages st{&*store_, outbox_.get(), config_.sender, config_.address_notice, D("2025-06-20")};
    EXPECT_TRUE(ApplyCoupons(st, out).ok());
    return out;
  }

  // The coupon step's review item about `field` (not the reader's).
  std::string ReviewOf(const EnvelopeOutput& out, const std::string& field) {
    for (const auto& f : out.documents[1].review) {
      if (f.field == field && f.reason.starts_with("coupon e-mail (document 1)")) return f.reason;
    }
    return "";
  }

  // A décompte of money paid to the member as the store now knows it.
  WrittenLetter Decompte() {
    const ClaimResult c = test_support::PaidConsultation(store_->FindMember(kNumero).value());
    LetterContext ctx{dir_, "pli_01", "0A1B2C3D", D("2025-06-12"), D("2025-06-20"), &*generator_, outbox_.get(),
                      config_.sender};
    std::vector<std::string> errors;
    auto written = WriteLetters(ctx, {}, {}, {c}, {}, {}, errors);
    EXPECT_TRUE(errors.empty()) << errors.front();
    EXPECT_EQ(written.size(), 1u);
    return written.empty() ? WrittenLetter{} : written.front();
  }

  fs::path dir_;
  std::optional<store::Store> store_;
  std::unique_ptr<store::OutboxStore> outbox_;
  mail::MailConfig config_;
  std::optional<generators::LetterGenerator> generator_;
};

TEST_F(CouponsTest, AMatchedMemberGetsTheAddressUnprovenItsConfirmationAndNoDecompteBeforeConfirmation) {
  ASSERT_TRUE(store_->UpsertMember(Member("")).ok());
  const EnvelopeOutput out = Apply(Coupon());
  EXPECT_TRUE(out.documents[1].review.empty()) << out.documents[1].review.front().reason;
  ASSERT_EQ(out.members_updated.size(), 1u);
  EXPECT_EQ(out.members_updated[0], (MemberUpdate{kNumero, "email", "", kAddress}));
  EXPECT_EQ(out.addresses_waiting, 1);
  EXPECT_THAT(EnvelopeLine(out), HasSubstr("adresse e-mail en attente de confirmation"));

  auto state = store_->EmailOf(kNumero);
  ASSERT_TRUE(state.ok() && state->has_value());
  EXPECT_EQ((*state)->email, kAddress);
  EXPECT_EQ((*state)->state, store::EmailState::kUnproven);
  EXPECT_TRUE((*state)->notified);
  // The confirmation, without health data, is the only message queued.
  auto queued = outbox_->List(std::nullopt);
  ASSERT_TRUE(queued.ok());
  ASSERT_EQ(queued->size(), 1u);
  EXPECT_EQ((*queued)[0].recipient, kAddress);
  EXPECT_THAT((*queued)[0].decompte_id, HasSubstr(std::string("adresse-") + kNumero));

  // A décompte waits for the operator: by post, nothing more queued.
  const WrittenLetter before = Decompte();
  EXPECT_FALSE(before.queued);
  EXPECT_THAT(before.by_post, HasSubstr("adresse e-mail en attente de confirmation"));
  EXPECT_EQ(outbox_->Counts().value().total(), 1);
  ASSERT_TRUE(store_->ConfirmEmail(kNumero, kAddress).ok());
  EXPECT_TRUE(Decompte().queued);
}

TEST_F(CouponsTest, AWrongNirKeyGoesToReviewAndLeavesTheStoreUnchanged) {
  ASSERT_TRUE(store_->UpsertMember(Member("")).ok());
  EnvelopeOutput out = Apply(Coupon("272046311399353"));
  EXPECT_THAT(ReviewOf(out, "nir"), HasSubstr("coupon e-mail (document 1) : adresse non enregistrée"));
  EXPECT_THAT(ReviewOf(out, "nir"), HasSubstr("invalide"));
  EXPECT_TRUE(out.members_updated.empty());
  EXPECT_EQ(out.addresses_waiting, 0);
  EXPECT_FALSE(store_->EmailOf(kNumero).value().has_value());
  EXPECT_EQ(store_->FindMember(kNumero).value().email, "");
  EXPECT_EQ(outbox_->Counts().value().total(), 0);
  // The step run again (a correction elsewhere) does not repeat the item.
  const CouponStages st{&*store_, outbox_.get(), config_.sender, config_.address_notice, D("2025-06-20")};
  ASSERT_TRUE(ApplyCoupons(st, out).ok());
  EXPECT_EQ(out.documents[1].review.size(), 1u);
  EXPECT_THAT(out.documents[1].review[0].reason, HasSubstr("invalide"));
}

TEST_F(CouponsTest, AnUnknownMemberGoesToReview) {
  const EnvelopeOutput out = Apply(Coupon());
  EXPECT_THAT(ReviewOf(out, "nir"), HasSubstr("aucun adhérent n'a le NIR"));
  EXPECT_TRUE(out.members_updated.empty());
  EXPECT_EQ(outbox_->Counts().value().total(), 0);
}

TEST_F(CouponsTest, AnotherNomUnderTheMembersNirGoesToReview) {
  ASSERT_TRUE(store_->UpsertMember(Member("")).ok());
  const EnvelopeOutput out = Apply(Coupon(kNir, "RUSSEL"));
  EXPECT_THAT(ReviewOf(out, "nom"), HasSubstr("n'est pas celui de l'adhérent A87415535"));
  EXPECT_FALSE(store_->EmailOf(kNumero).value().has_value());
}

TEST_F(CouponsTest, ADoubtfulAddressGoesToReviewAndIsNotRecorded) {
  ASSERT_TRUE(store_->UpsertMember(Member("")).ok());
  const EnvelopeOutput out = Apply(Coupon(kNir, "ROUSSEL", kAddress, {"email"}));
  EXPECT_THAT(ReviewOf(out, "email"), HasSubstr("adresse e-mail douteux"));
  EXPECT_FALSE(store_->EmailOf(kNumero).value().has_value());
  EXPECT_EQ(outbox_->Counts().value().total(), 0);
}

TEST_F(CouponsTest, AnAddressOtherThanTheConfirmedOneGoesToReviewAndOverwritesNothing) {
  ASSERT_TRUE(store_->UpsertMember(Member("ancienne.adresse@orange.fr")).ok());
  const EnvelopeOutput out = Apply(Coupon());
  EXPECT_THAT(ReviewOf(out, "email"), HasSubstr("a déjà une adresse confirmée différente"));
  EXPECT_TRUE(out.members_updated.empty());
  auto state = store_->EmailOf(kNumero);
  ASSERT_TRUE(state.ok() && state->has_value());
  EXPECT_EQ((*state)->email, "ancienne.adresse@orange.fr");
  EXPECT_EQ((*state)->state, store::EmailState::kConfirmed);
  EXPECT_EQ(store_->FindMember(kNumero).value().email, "ancienne.adresse@orange.fr");
  EXPECT_EQ(outbox_->Counts().value().total(), 0);
}

TEST_F(CouponsTest, TheMembersOwnConfirmedAddressChangesNothingAndNeedsNoReview) {
  ASSERT_TRUE(store_->UpsertMember(Member(kAddress)).ok());
  const EnvelopeOutput out = Apply(Coupon(kNir, "ROUSSEL", "Maelys.Roussel10@Wanadoo.fr"));
  EXPECT_TRUE(out.documents[1].review.empty());
  EXPECT_TRUE(out.members_updated.empty());
  EXPECT_EQ(out.addresses_waiting, 0);
  EXPECT_EQ(store_->EmailOf(kNumero).value()->state, store::EmailState::kConfirmed);
}

}  // namespace
}  // namespace liasse::runner
