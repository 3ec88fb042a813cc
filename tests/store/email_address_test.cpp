// A new address is proven before health data goes to it (issue 21): the
// address a member comes with is confirmed; one that replaces it is
// unproven, listed, refused by the outbox for health data (not for the
// confirmation message) until an operator confirms it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "liasse/store/outbox_store.h"
#include "liasse/store/store.h"
#include "temp_db.h"

namespace liasse::store {
namespace {

using ::testing::HasSubstr;

Member Thomas(std::string email) {
  Member m;
  m.numero_adherent = "A43627204";
  m.nom = "MARIE";
  m.prenom = "Thomas";
  m.nir = "192063155564012";
  m.date_naissance = Date::FromYmd(1992, 6, 20).value();
  m.niveau = "PASS2";
  m.date_adhesion = Date::FromYmd(2018, 12, 22).value();
  m.email = std::move(email);
  return m;
}

OutboxMessage Mail(std::string id, std::string to, bool health_data) {
  OutboxMessage m{std::move(id), "<x@cpms.fr>", "prestations@cpms.fr", std::move(to), "Subject: x\r\n\r\nx\r\n"};
  m.health_data = health_data;
  return m;
}

class EmailAddressTest : public testing::TempDbTest {
 protected:
  void SetUp() override {
    TempDbTest::SetUp();
    auto st = Store::Open(Path());
    ASSERT_TRUE(st.ok()) << st.status().ToString();
    store_.emplace(std::move(st).value());
    auto outbox = OutboxStore::Open(Path());
    ASSERT_TRUE(outbox.ok()) << outbox.status().ToString();
    outbox_ = std::move(outbox).value();
  }
  std::optional<Store> store_;
  std::unique_ptr<OutboxStore> outbox_;
};

TEST_F(EmailAddressTest, AddressAMemberComesWithIsConfirmed) {
  ASSERT_TRUE(store_->UpsertMember(Thomas("thomas.marie@gmail.com")).ok());
  EXPECT_TRUE(store_->UnprovenEmails().value().empty());
  EXPECT_TRUE(outbox_->Enqueue(Mail("DEC-1", "thomas.marie@gmail.com", true)).ok());
}

TEST_F(EmailAddressTest, ChangedAddressWaitsAndTheOutboxRefusesItHealthData) {
  ASSERT_TRUE(store_->UpsertMember(Thomas("thomas.marie@gmail.com")).ok());
  ASSERT_TRUE(store_->UpsertMember(Thomas("t.marie@free.fr")).ok());
  auto waiting = store_->UnprovenEmails();
  ASSERT_TRUE(waiting.ok());
  ASSERT_EQ(waiting->size(), 1u);
  EXPECT_EQ((*waiting)[0].numero_adherent, "A43627204");
  EXPECT_EQ((*waiting)[0].email, "t.marie@free.fr");
  EXPECT_FALSE((*waiting)[0].notified);

  auto refused = outbox_->Enqueue(Mail("DEC-2", "T.Marie@free.fr", true));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(refused.status().message(), HasSubstr("adresse e-mail en attente de confirmation"));
  EXPECT_EQ(outbox_->Counts().value().total(), 0);
  // The confirmation message carries no health data: it goes.
  EXPECT_TRUE(outbox_->Enqueue(Mail("adresse-A43627204", "t.marie@free.fr", false)).ok());
  ASSERT_TRUE(store_->MarkEmailNotified("A43627204").ok());
  EXPECT_TRUE(store_->UnprovenEmails().value()[0].notified);
}

TEST_F(EmailAddressTest, OnceConfirmedByAnOperatorDecomptesGoThere) {
  ASSERT_TRUE(store_->UpsertMember(Thomas("thomas.marie@gmail.com")).ok());
  ASSERT_TRUE(store_->UpsertMember(Thomas("t.marie@free.fr")).ok());
  ASSERT_TRUE(store_->ConfirmEmail("A43627204", "t.marie@free.fr").ok());
  EXPECT_TRUE(store_->UnprovenEmails().value().empty());
  EXPECT_TRUE(outbox_->Enqueue(Mail("DEC-3", "t.marie@free.fr", true)).ok());
}

TEST_F(EmailAddressTest, ConfirmingAnAddressThatIsNotTheCurrentOneIsRefused) {
  ASSERT_TRUE(store_->UpsertMember(Thomas("thomas.marie@gmail.com")).ok());
  ASSERT_TRUE(store_->UpsertMember(Thomas("t.marie@free.fr")).ok());
  Status s = store_->ConfirmEmail("A43627204", "autre@free.fr");
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(s.message(), HasSubstr("n'est pas son adresse actuelle"));
  EXPECT_EQ(store_->ConfirmEmail("A00000000", "x@y.fr").code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->UnprovenEmails().value().size(), 1u);
}

TEST_F(EmailAddressTest, ReimportingTheSameAddressKeepsItConfirmed) {
  ASSERT_TRUE(store_->UpsertMember(Thomas("thomas.marie@gmail.com")).ok());
  ASSERT_TRUE(store_->UpsertMember(Thomas("Thomas.Marie@gmail.com")).ok());
  EXPECT_TRUE(store_->UnprovenEmails().value().empty());
}

}  // namespace
}  // namespace liasse::store
