#include <gtest/gtest.h>

#include "liasse/store/members_import.h"

namespace liasse::store {
namespace {

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
  ASSERT_FALSE(members.ok());
  EXPECT_NE(members.status().message().find("members_bad_nir.csv:3: nir"), std::string::npos)
      << members.status().message();
}

TEST(MembersImport, MissingFileIsAnIoError) {
  EXPECT_EQ(ReadMembersFile(Data("absent.csv")).status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace liasse::store
