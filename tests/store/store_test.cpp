#include "liasse/store/store.h"

#include <gtest/gtest.h>

#include "liasse/pricing/data.h"
#include "liasse/pricing/pricer.h"
#include "temp_db.h"
#include "testing/status_matchers.h"

namespace liasse::store::testing {
namespace {

using ::liasse::test_support::StatusIs;
using ::testing::HasSubstr;
using StoreTest = TempDbTest;

Member Thomas() {
  Member m;
  m.numero_adherent = "A43627204";
  m.nom = "MARIE";
  m.prenom = "Thomas";
  m.nir = "192063155564012";
  m.date_naissance = Date::Parse("1992-06-20").value();
  m.niveau = "PASS2";
  m.date_adhesion = Date::Parse("2018-12-22").value();
  m.email = "thomas.marie@gmail.com";
  m.iban = "FR7616485030881914080063041";
  m.teletransmission = true;
  return m;
}

const pricing::PricingData& Data() {
  static const pricing::PricingData* data =
      new pricing::PricingData(pricing::PricingData::Load(std::string(LIASSE_SOURCE_DIR) + "/data").value());
  return *data;
}

Claim Pilule(const char* id, const char* date) {
  Claim c;
  c.id = id;
  c.member = "A43627204";
  c.beneficiaire = "A43627204";
  c.date_naissance = Date::Parse("1992-06-20").value();
  c.coverage = {"PASS3", Date::Parse("2018-12-22").value(), std::nullopt};
  ClaimLine l;
  l.code = "PILULE_NR";
  l.date = Date::Parse(date).value();
  l.frais_reels = Money::Euros(30);
  c.lines.push_back(l);
  return c;
}

TEST_F(StoreTest, MembersRoundTripAndUpsert) {
  auto st = Store::Open(Path());
  ASSERT_TRUE(st.ok());
  Member m = Thomas();
  ASSERT_TRUE(st->UpsertMember(m).ok());
  EXPECT_EQ(st->FindMember("A43627204").value(), m);
  m.niveau = "PASS4";
  m.date_fin = Date::Parse("2026-12-31").value();
  ASSERT_TRUE(st->UpsertMember(m).ok());
  EXPECT_EQ(st->FindMember("A43627204").value(), m);
  EXPECT_EQ(st->CountMembers().value(), 1);
  EXPECT_THAT(st->FindMember("nobody"), StatusIs(StatusCode::kNotFound, HasSubstr("adhérent nobody inconnu")));
}

TEST_F(StoreTest, MemberIsFoundByNir) {
  auto st = Store::Open(Path());
  ASSERT_TRUE(st.ok());
  const Member m = Thomas();
  ASSERT_TRUE(st->UpsertMember(m).ok());
  EXPECT_EQ(st->FindMemberByNir(m.nir).value(), m);
  EXPECT_THAT(st->FindMemberByNir("185057800608436"),
              StatusIs(StatusCode::kNotFound, HasSubstr("aucun adhérent n'a ce NIR")));
  // The NIR is bound as a value, never spliced into the SQL.
  EXPECT_THAT(st->FindMemberByNir("' OR 1=1 --"),
              StatusIs(StatusCode::kNotFound, HasSubstr("aucun adhérent n'a ce NIR")));
}

TEST_F(StoreTest, ContractsAreRecorded) {
  auto st = Store::Open(Path());
  ASSERT_TRUE(st->UpsertContract("PASS3", true, Date::Parse("2024-01-01").value()).ok());
  ASSERT_TRUE(st->UpsertContract("PASS1", false, Date::Parse("2024-01-01").value()).ok());
  EXPECT_EQ(st->Contracts().value(), (std::vector<std::string>{"PASS1", "PASS3"}));
}

TEST_F(StoreTest, PricedClaimRoundTripsWithItsTrace) {
  auto st = Store::Open(Path());
  pricing::Pricer pricer(Data().tables, Data().tariffs);
  auto priced = pricer.PriceAndRecord(Pilule("D1", "2025-03-01"), st->counters());
  ASSERT_TRUE(priced.ok());
  ASSERT_TRUE(st->SavePricedClaim(*priced).ok());
  ASSERT_TRUE(st->SavePricedClaim(*priced).ok());  // re-saving replaces
  auto loaded = st->LoadPricedClaim("D1");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->lines.size(), 1u);
  EXPECT_EQ(loaded->lines[0].mutuelle, priced->lines[0].mutuelle);
  EXPECT_EQ(loaded->lines[0].trace, priced->lines[0].trace);
  EXPECT_EQ(loaded->lines[0].garantie, "PASS3/pilule");
  EXPECT_EQ(loaded->totals.mutuelle, Money::Euros(30));
}

TEST_F(StoreTest, CountersConsumedOnceAndKeptAcrossReopening) {
  pricing::Pricer pricer(Data().tables, Data().tariffs);
  {
    auto st = Store::Open(Path());
    ASSERT_EQ(pricer.PriceAndRecord(Pilule("D1", "2025-03-01"), st->counters())->lines[0].mutuelle, Money::Euros(30));
    // The same claim again (reprocessing): same amount, nothing consumed.
    ASSERT_EQ(pricer.PriceAndRecord(Pilule("D1", "2025-03-01"), st->counters())->lines[0].mutuelle, Money::Euros(30));
  }
  auto st = Store::Open(Path());
  EXPECT_EQ(pricer.PriceAndRecord(Pilule("D2", "2025-09-01"), st->counters())->lines[0].mutuelle, Money::Euros(10));
  EXPECT_EQ(pricer.PriceAndRecord(Pilule("D3", "2025-10-01"), st->counters())->lines[0].mutuelle, Money::Zero());
}

TEST_F(StoreTest, TwoProcessesCannotBothTakeTheSameForfait) {
  pricing::Pricer pricer(Data().tables, Data().tariffs);
  auto a = Store::Open(Path());
  auto b = Store::Open(Path());  // a second connection, as another worker would have
  ASSERT_TRUE(a.ok() && b.ok());
  std::vector<CounterEntry> ca, cb;
  ASSERT_TRUE(pricer.Price(Pilule("X", "2025-02-01"), a->counters(), &ca).ok());
  ASSERT_TRUE(pricer.Price(Pilule("Y", "2025-02-02"), b->counters(), &cb).ok());
  ASSERT_TRUE(a->counters().Apply("X", ca).ok());
  auto second = b->counters().Apply("Y", cb);
  EXPECT_THAT(second, StatusIs(StatusCode::kFailedPrecondition, HasSubstr("plafond dépassé pour le compteur pilule")));
  EXPECT_EQ(pricer.PriceAndRecord(Pilule("Y", "2025-02-02"), b->counters())->lines[0].mutuelle, Money::Euros(10));
}

}  // namespace
}  // namespace liasse::store::testing
