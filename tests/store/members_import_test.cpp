#include "liasse/store/members_import.h"

#include <gtest/gtest.h>

#include "liasse/store/store.h"
#include "temp_db.h"
#include "testing/status_matchers.h"

namespace liasse::store {
namespace {
using ::liasse::test_support::StatusIs;
using ::testing::HasSubstr;

std::string Data(const char* name) { return std::string(LIASSE_SOURCE_DIR) + "/tests/store/data/" + name; }

TEST(MembersImport, ReadsTheSampleCsvFormat) {
  auto members = ReadMembersFile(Data("members.csv"));
  ASSERT_TRUE(members.ok()) << members.status().ToString();
  ASSERT_EQ(members->size(), 2u);
  const Member& t = (*members)[0];
  EXPECT_EQ(t.numero_adherent, "A43627204");
  EXPECT_EQ(t.niveau, "PASS2");
  EXPECT_EQ(t.date_adhesion.ToIso(), "2018-12-22");
  EXPECT_FALSE(t.date_fin.has_value());
  EXPECT_TRUE(t.teletransmission);
  const Member& g = (*members)[1];
  EXPECT_EQ(g.prenom, "Gisèle, dite \"Gigi\"");  // quoted field with comma and quotes
  EXPECT_EQ(g.date_fin->ToIso(), "2026-12-31");
  EXPECT_FALSE(g.teletransmission);
}

TEST(MembersImport, ReadsJson) {
  auto members = ReadMembersFile(Data("members.json"));
  ASSERT_TRUE(members.ok()) << members.status().ToString();
  ASSERT_EQ(members->size(), 1u);
  EXPECT_EQ((*members)[0].nir, "192063155564012");
}

TEST(MembersImport, BadNirKeyNamesFileLineAndField) {
  auto members = ReadMembersFile(Data("members_bad_nir.csv"));
  EXPECT_THAT(members, StatusIs(StatusCode::kInvalidArgument,
                                HasSubstr("members_bad_nir.csv:3: nir: NIR « 270109710552799 » : clé 99 incorrecte")));
}

TEST(MembersImport, MissingFileIsAnIoError) {
  EXPECT_THAT(ReadMembersFile(Data("absent.csv")),
              StatusIs(StatusCode::kIoError, HasSubstr("absent.csv: fichier illisible")));
}

TEST(MembersImport, FilesWithoutTheCotisationColumnLeaveItUnknown) {
  auto members = ReadMembersFile(Data("members.csv"));
  ASSERT_TRUE(members.ok()) << members.status().ToString();
  EXPECT_FALSE((*members)[0].cotisation_mensuelle.has_value());
}

TEST(MembersImport, ReadsTheOptionalMonthlyCotisationInCents) {
  auto members = ReadMembersFile(Data("members_cotisation.csv"));
  ASSERT_TRUE(members.ok()) << members.status().ToString();
  ASSERT_EQ(members->size(), 2u);
  ASSERT_TRUE((*members)[0].cotisation_mensuelle.has_value());
  EXPECT_EQ((*members)[0].cotisation_mensuelle->cents(), 4890);
  EXPECT_FALSE((*members)[1].cotisation_mensuelle.has_value());  // empty cell: unknown, not zero
}

TEST(MembersImport, CotisationInEurosIsRefusedNamingTheColumn) {
  auto members = ReadMembersFile(Data("members_cotisation_euros.csv"));
  EXPECT_THAT(members, StatusIs(StatusCode::kInvalidArgument,
                                HasSubstr("members_cotisation_euros.csv:2: cotisation_mensuelle_cents: nombre entier "
                                          "de centimes attendu (4890 pour 48,90 €), lu « 48.90 »")));
}

using MembersStore = testing::TempDbTest;

TEST_F(MembersStore, CotisationRoundTripsThroughTheStore) {
  auto store = Store::Open(Path());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto members = ReadMembersFile(Data("members_cotisation.csv"));
  ASSERT_TRUE(members.ok());
  ASSERT_TRUE(store->UpsertMembers(*members).ok());
  auto thomas = store->FindMember("A43627204");
  ASSERT_TRUE(thomas.ok());
  EXPECT_EQ(thomas->cotisation_mensuelle, Money::FromCents(4890));
  auto gisele = store->FindMemberByNir("270109710552734");
  ASSERT_TRUE(gisele.ok());
  EXPECT_FALSE(gisele->cotisation_mensuelle.has_value());
}

TEST_F(MembersStore, ADatabaseOfTheFirstSchemaKeepsItsMembersAndGainsTheColumn) {
  {
    auto db = Database::Open(Path());
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->Migrate(std::span(StoreMigrations().data(), 1)).ok());
    ASSERT_TRUE(db->Exec("INSERT INTO members VALUES ('A1','DURAND','Léa','192063155564012','1992-06-20','PASS2',"
                         "'2025-01-15',NULL,'','',0)")
                    .ok());
  }
  auto store = Store::Open(Path());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto lea = store->FindMember("A1");
  ASSERT_TRUE(lea.ok()) << lea.status().ToString();
  EXPECT_EQ(lea->prenom, "Léa");
  EXPECT_FALSE(lea->cotisation_mensuelle.has_value());
}

TEST_F(MembersStore, FindsMembersByNameIgnoringCaseAndAccents) {
  auto store = Store::Open(Path());
  ASSERT_TRUE(store.ok());
  auto members = ReadMembersFile(Data("members_cotisation.csv"));
  ASSERT_TRUE(members.ok());
  ASSERT_TRUE(store->UpsertMembers(*members).ok());
  auto found = store->FindMembersByName("Gauthier", "GISELE");
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].numero_adherent, "A05060506");
  auto none = store->FindMembersByName("GAUTHIER", "Thomas");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST_F(MembersStore, MutuellePaidToSumsTheMembersSavedClaims) {
  auto store = Store::Open(Path());
  ASSERT_TRUE(store.ok());
  auto claim = [](std::string id, std::string member, int64_t mutuelle_cents) {
    PricedClaim c;
    c.id = std::move(id);
    c.member = std::move(member);
    c.beneficiaire = c.member;
    c.totals.mutuelle = Money::FromCents(mutuelle_cents);
    return c;
  };
  EXPECT_EQ(store->MutuellePaidTo("A1").value(), Money::Zero());
  ASSERT_TRUE(store->SavePricedClaim(claim("c1", "A1", 1768)).ok());
  ASSERT_TRUE(store->SavePricedClaim(claim("c2", "A1", 532)).ok());
  ASSERT_TRUE(store->SavePricedClaim(claim("c3", "A2", 10000)).ok());
  ASSERT_TRUE(store->SavePricedClaim(claim("c1", "A1", 1768)).ok());  // re-priced: replaced, not added
  EXPECT_EQ(store->MutuellePaidTo("A1").value(), Money::FromCents(2300));
}

}  // namespace
}  // namespace liasse::store
