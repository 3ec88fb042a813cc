#include "liasse/mail/mime.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <sstream>

#include "liasse/mail/smtp.h"
#include "test_server.h"
#include "testing/status_matchers.h"

namespace liasse::mail {
namespace {

using ::liasse::test_support::StatusIs;
using testing::BinaryBytes;
using ::testing::HasSubstr;
using testing::TestOperator;

DecompteMail Sample() {
  DecompteMail m;
  m.decompte_id = "DEC-2026-000042";
  m.to_name = "Élodie Martin";
  m.to_address = "elodie.martin@example.org";
  m.subject = "Votre décompte de remboursement CPMS du 23 novembre 2026 — prestations santé";
  m.text = "Madame,\n\nVeuillez trouver ci-joint votre décompte.\n";
  m.html = "<p>Madame,</p><p>Veuillez trouver ci-joint votre décompte.</p>";
  m.date = "Mon, 23 Nov 2026 08:00:00 +0100";
  m.attachments.push_back({"décompte.pdf", "application/pdf", BinaryBytes(5000, 7)});
  return m;
}

std::string DecodeBase64(const std::string& b64) {
  std::string out(b64.size(), '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(b64.data()), static_cast<int>(b64.size()));
  out.resize(static_cast<std::size_t>(n));
  std::size_t pad = 0;
  for (auto it = b64.rbegin(); it != b64.rend() && *it == '='; ++it) ++pad;
  out.resize(out.size() - pad);
  return out;
}

bool IsCompleteUtf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 0;
    if (len == 0 || i + len > s.size()) return false;
    i += len;
  }
  return true;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const auto end = s.find("\r\n", pos);
    if (end == std::string::npos) {
      lines.push_back(s.substr(pos));
      break;
    }
    lines.push_back(s.substr(pos, end - pos));
    pos = end + 2;
  }
  return lines;
}

TEST(Mime, SameDecompteGivesSameBytesAndMessageId) {
  auto a = BuildMime(Sample(), TestOperator());
  auto b = BuildMime(Sample(), TestOperator());
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(*a, *b);
  EXPECT_NE(a->find("Message-ID: " + MessageIdFor("DEC-2026-000042", "cpms.example") + "\r\n"), std::string::npos);
  EXPECT_NE(MessageIdFor("DEC-2026-000042", "cpms.example"), MessageIdFor("DEC-2026-000043", "cpms.example"));
  EXPECT_EQ(MessageIdFor("DEC-2026-000042", "cpms.example").rfind("<decompte.DEC-2026-000042.", 0), 0u);
}

TEST(Mime, NoLineLongerThan78AndOnlyCrlfLineEnds) {
  auto mime = BuildMime(Sample(), TestOperator());
  ASSERT_TRUE(mime.ok());
  for (const auto& line : Lines(*mime)) {
    EXPECT_LE(line.size(), 78u) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos);
    for (char c : line) EXPECT_TRUE(c >= 0x20 && c < 0x7f) << "non-ASCII byte in: " << line;
  }
}

TEST(Mime, Base64LinesAreSeventySixCharacters) {
  const auto lines = Lines(Base64Lines(BinaryBytes(1000, 1)));
  ASSERT_EQ(lines.size(), 18u);  // 1000 bytes = 17 full lines of 57 bytes + 31
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) EXPECT_EQ(lines[i].size(), 76u);
  EXPECT_EQ(lines.back().size(), 44u);
  EXPECT_EQ(Base64("Décompte"), "RMOpY29tcHRl");
}

TEST(Mime, NonAsciiSubjectBecomesEncodedWordsCutOnCharacters) {
  const std::string subject = std::string(30, 'e') + "éééééééééééééééééééé — décompte";
  const std::string encoded = EncodeHeaderWords(subject);
  std::string decoded;
  std::size_t pos = 0;
  while ((pos = encoded.find("=?UTF-8?B?", pos)) != std::string::npos) {
    const auto end = encoded.find("?=", pos + 10);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end + 2 - pos, 75u);
    // Each word decodes on its own to whole UTF-8 characters.
    const std::string word = encoded.substr(pos + 10, end - pos - 10);
    const std::string bytes = DecodeBase64(word);
    EXPECT_TRUE(IsCompleteUtf8(bytes)) << word;
    decoded += bytes;
    pos = end + 2;
  }
  EXPECT_EQ(decoded, subject);
  EXPECT_EQ(EncodeHeaderWords("Votre decompte"), "Votre decompte");
}

TEST(Mime, HeaderInjectionAndBadAddressesAreRefused) {
  auto m = Sample();
  m.subject = "Décompte\r\nBcc: victim@example.org";
  EXPECT_THAT(BuildMime(m, TestOperator()),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("line break in a header value for DEC-2026-000042")));
  m = Sample();
  m.to_address = "someone@example.org>\r\nRCPT TO:<other@example.org";
  EXPECT_THAT(BuildMime(m, TestOperator()),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("invalid recipient address 'someone@example.org>")));
  m = Sample();
  m.to_address = "no-at-sign";
  EXPECT_THAT(BuildMime(m, TestOperator()),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("invalid recipient address 'no-at-sign'")));
  auto sender = TestOperator();
  sender.from_address = "";
  EXPECT_THAT(BuildMime(Sample(), sender),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("invalid sender address ''")));
}

TEST(Mime, StructureIsMixedWithAlternativeAndAttachment) {
  auto mime = BuildMime(Sample(), TestOperator());
  ASSERT_TRUE(mime.ok());
  EXPECT_NE(mime->find("Content-Type: multipart/mixed;"), std::string::npos);
  EXPECT_NE(mime->find("Content-Type: multipart/alternative;"), std::string::npos);
  EXPECT_NE(mime->find("Content-Type: text/plain; charset=UTF-8"), std::string::npos);
  EXPECT_NE(mime->find("Content-Type: text/html; charset=UTF-8"), std::string::npos);
  EXPECT_NE(mime->find("Content-Type: application/pdf"), std::string::npos);
  EXPECT_NE(mime->find("filename*=UTF-8''d%C3%A9compte.pdf"), std::string::npos);
  EXPECT_NE(mime->find("Reply-To: dcommercial@cpms.example"), std::string::npos);
  EXPECT_NE(mime->find("MIME-Version: 1.0"), std::string::npos);
}

TEST(DotStuff, LeadingDotsDoubledBareLfBecomesCrlfAndTerminatorAdded) {
  EXPECT_EQ(DotStuff(".a\r\nb\n..c\r\n."), "..a\r\nb\r\n...c\r\n..\r\n.\r\n");
  EXPECT_EQ(DotStuff("x\r\n"), "x\r\n.\r\n");
}

}  // namespace
}  // namespace liasse::mail
