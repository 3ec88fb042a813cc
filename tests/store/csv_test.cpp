// Strict members CSV (issue 21): ',' or ';', a BOM, quoted fields with line
// breaks are read; an unterminated quote or a wrong column count is refused
// naming the file and line.
#include "liasse/store/csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "liasse/store/members_import.h"

namespace liasse::store {
namespace {

using ::testing::HasSubstr;

constexpr const char* kHeader =
    "numero_adherent,nom,prenom,nir,date_naissance,niveau,date_adhesion,date_fin,email,iban,teletransmission\n";
constexpr const char* kThomas =
    "A43627204,MARIE,Thomas,192063155564012,1992-06-20,PASS2,2018-12-22,,thomas.marie@gmail.com,"
    "FR7616485030881914080063041,true\n";

// `text` written as a members file named after the running test.
std::string MembersFile(const std::string& text) {
  const std::string path = ::testing::TempDir() + "/" +
                           ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".csv";
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string Semicolons(std::string line) {
  for (char& c : line) c = c == ',' ? ';' : c;
  return line;
}

TEST(MembersCsv, SemicolonSeparatedFrenchExportIsRead) {
  auto members = ReadMembersFile(MembersFile(Semicolons(kHeader) + Semicolons(kThomas)));
  ASSERT_TRUE(members.ok()) << members.status().ToString();
  ASSERT_EQ(members->size(), 1u);
  EXPECT_EQ((*members)[0].nom, "MARIE");
  EXPECT_EQ((*members)[0].iban, "FR7616485030881914080063041");
}

TEST(MembersCsv, SemicolonFileKeepsCommasInsideFields) {
  const std::string line = Semicolons(kThomas);
  const std::string with_comma = line.substr(0, line.find(";Thomas;")) + ";Thomas, dit Tom;" +
                                 line.substr(line.find(";Thomas;") + 8);
  auto members = ReadMembersFile(MembersFile(Semicolons(kHeader) + with_comma));
  ASSERT_TRUE(members.ok()) << members.status().ToString();
  EXPECT_EQ((*members)[0].prenom, "Thomas, dit Tom");
}

TEST(MembersCsv, ByteOrderMarkIsSkipped) {
  auto members = ReadMembersFile(MembersFile(std::string("\xEF\xBB\xBF") + kHeader + kThomas));
  ASSERT_TRUE(members.ok()) << members.status().ToString();
  EXPECT_EQ(members->size(), 1u);
}

TEST(MembersCsv, CrlfLineEndsAreRead) {
  std::string text = std::string(kHeader) + kThomas;
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  auto members = ReadMembersFile(MembersFile(crlf));
  ASSERT_TRUE(members.ok()) << members.status().ToString();
  EXPECT_EQ((*members)[0].teletransmission, true);
}

TEST(MembersCsv, QuotedFieldWithALineBreakStaysInOneRecordAndLinesCountOn) {
  const std::string thomas = kThomas;
  const std::string two_lines = thomas.substr(0, thomas.find(",Thomas,")) + ",\"Thomas\nJean\"," +
                                thomas.substr(thomas.find(",Thomas,") + 8);
  // The third record starts on line 4 and has a bad NIR key: its line is named.
  const std::string bad = "A1,DUPONT,Jean,192063155564013,1992-06-20,PASS2,2018-12-22,,,,true\n";
  auto members = ReadMembersFile(MembersFile(std::string(kHeader) + two_lines + bad));
  ASSERT_FALSE(members.ok());
  EXPECT_THAT(members.status().message(), HasSubstr(".csv:4: nir"));
  auto first = ReadMembersFile(MembersFile(std::string(kHeader) + two_lines));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ((*first)[0].prenom, "Thomas\nJean");
}

TEST(MembersCsv, UnterminatedQuoteIsRefusedWithTheLineItOpensOn) {
  const std::string open_quote = "A1,\"DUPONT,Jean,192063155564012,1992-06-20,PASS2,2018-12-22,,,,true\n";
  auto members = ReadMembersFile(MembersFile(std::string(kHeader) + kThomas + open_quote + kThomas));
  ASSERT_FALSE(members.ok());
  EXPECT_EQ(members.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(members.status().message(), HasSubstr(".csv:3: guillemet ouvert jamais fermé"));
}

TEST(MembersCsv, WrongColumnCountIsRefusedWithItsLine) {
  const std::string short_line = "A1,DUPONT,Jean,192063155564012,1992-06-20,PASS2\n";
  auto members = ReadMembersFile(MembersFile(std::string(kHeader) + kThomas + short_line));
  ASSERT_FALSE(members.ok());
  EXPECT_EQ(members.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(members.status().message(), HasSubstr(".csv:3: 6 colonnes au lieu de 11"));
}

TEST(MembersCsv, QuoteInsideAnUnquotedFieldIsRefused) {
  auto records = ParseCsv("a,b\nx,DU\"PONT\n", "membres.csv");
  ASSERT_FALSE(records.ok());
  EXPECT_THAT(records.status().message(), HasSubstr("membres.csv:2: guillemet au milieu"));
}

TEST(MembersCsv, TextAfterAClosingQuoteIsRefused) {
  auto records = ParseCsv("a,b\n\"DUPONT\"X,y\n", "membres.csv");
  ASSERT_FALSE(records.ok());
  EXPECT_THAT(records.status().message(), HasSubstr("membres.csv:2: texte après le guillemet fermant"));
}

TEST(MembersCsv, BlankLinesAreSkippedAndDoubledQuotesRead) {
  auto records = ParseCsv("a;b\n\n  \n\"x \"\"y\"\"\";z", "membres.csv");
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[1].line, 4);
  EXPECT_EQ((*records)[1].fields, (std::vector<std::string>{"x \"y\"", "z"}));
}

}  // namespace
}  // namespace liasse::store
