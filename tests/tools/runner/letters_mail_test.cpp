// What leaves by e-mail (issue 21): the décompte queued in the outbox is
// encrypted with AES-256 revision 6 and the member's password by the rule of
// templates/letterhead.toml; the e-mail's text says how the password is made
// and holds neither the password nor the NIR; a member whose facts the rule
// lacks gets no e-mail and the letter says it goes by post.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "letters.h"
#include "paid_claim_fixture.h"
#include "liasse/mail/config.h"
#include "liasse/store/outbox_store.h"
#include "liasse/store/store.h"
#include "test_files.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kNir = "272046311399352";
constexpr const char* kPassword = "06041972";  // born 6 April 1972, JJMMAAAA

Date D(const char* iso) { return Date::Parse(iso).value(); }

std::string DecodeBase64(std::string lines) {
  std::erase(lines, '\r');
  std::erase(lines, '\n');
  std::string out(lines.size() / 4 * 3 + 3, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(lines.data()), static_cast<int>(lines.size()));
  if (n < 0) return {};
  out.resize(static_cast<std::size_t>(n));
  while (lines.size() >= 1 && lines.back() == '=') {  // EVP_DecodeBlock counts padding as bytes
    lines.pop_back();
    out.pop_back();
  }
  return out;
}

// The decoded body of the MIME part whose headers contain `type`.
std::string PartBody(const std::string& mime, const std::string& type) {
  const auto at = mime.find("Content-Type: " + type);
  if (at == std::string::npos) return {};
  const auto start = mime.find("\r\n\r\n", at) + 4;
  const auto end = mime.find("\r\n--", start);
  return DecodeBase64(mime.substr(start, end - start));
}

struct Shell {
  int exit_code = -1;
  std::string out;
};

Shell Sh(const std::string& command) {
  Shell result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) result.out += buffer;
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

class LettersMailTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = test_support::FreshTestDir("liasse_letters_mail_");
    auto generator = generators::LetterGenerator::Create();
    ASSERT_TRUE(generator.ok()) << generator.status().ToString();
    generator_.emplace(std::move(generator).value());
    auto outbox = store::OutboxStore::Open((dir_ / "liasse.db").string());
    ASSERT_TRUE(outbox.ok()) << outbox.status().ToString();
    outbox_ = std::move(outbox).value();
  }
  void TearDown() override { fs::remove_all(dir_); }

  static ClaimResult Claim(Date birth) {
    store::Member m;
    m.numero_adherent = "A87415535";
    m.nom = "ROUSSEL";
    m.prenom = "Maëlys";
    m.nir = kNir;
    m.date_naissance = birth;
    m.niveau = "PASS1";
    m.date_adhesion = D("2020-01-01");
    m.email = "maelys.roussel10@wanadoo.fr";
    m.iban = "FR7687486183835640427921388";
    m.adresse = {"8 rue des Lilas", "69003 LYON"};  // a letter without a postal address is not sent
    return test_support::PaidConsultation(m);
  }

  std::vector<WrittenLetter> Write(const ClaimResult& claim) {
    auto config = mail::LoadMailConfig(std::string(LIASSE_SOURCE_DIR) + "/data/mail/operator.toml");
    EXPECT_TRUE(config.ok()) << config.status().ToString();
    LetterContext ctx{dir_,          "pli_01",      "0A1B2C3D", D("2025-06-12"), D("2025-06-20"),
                      &*generator_, outbox_.get(), config->sender};
    std::vector<std::string> errors;
    auto written = WriteLetters(ctx, {}, {}, {claim}, {}, {}, errors);
    EXPECT_TRUE(errors.empty()) << errors.front();
    return written;
  }

  fs::path dir_;
  std::optional<generators::LetterGenerator> generator_;
  std::unique_ptr<store::OutboxStore> outbox_;
};

TEST_F(LettersMailTest, QueuedDecompteIsEncryptedRevision6WithTheMembersPasswordOnly) {
  const auto written = Write(Claim(D("1972-04-06")));
  ASSERT_EQ(written.size(), 1u);
  EXPECT_TRUE(written[0].queued);
  EXPECT_TRUE(written[0].by_post.empty());
  auto entry = outbox_->ClaimNext(0);
  ASSERT_TRUE(entry.ok() && entry->has_value());
  const std::string pdf = PartBody((*entry)->message.mime, "application/pdf");
  ASSERT_FALSE(pdf.empty());
  const fs::path path = dir_ / "joint.pdf";
  std::ofstream(path, std::ios::binary) << pdf;

  const auto shown = Sh(std::string("qpdf --show-encryption --password=") + kPassword + " '" + path.string() + "'");
  EXPECT_EQ(shown.exit_code, 0) << shown.out;
  EXPECT_THAT(shown.out, HasSubstr("R = 6"));
  EXPECT_THAT(shown.out, HasSubstr("stream encryption method: AESv3"));
  EXPECT_THAT(shown.out, HasSubstr("Supplied password is user password"));
  for (const char* other : {"liasse-operateur", ""}) {
    const auto refused = Sh(std::string("qpdf --decrypt --password=") + other + " '" + path.string() + "' /dev/null");
    EXPECT_NE(refused.exit_code, 0) << "s'ouvre avec « " << other << " »";
    EXPECT_THAT(refused.out, HasSubstr("invalid password"));
  }
  // The copy on disk (printed for the post) is the clear, byte-stable one.
  EXPECT_EQ(Sh("qpdf --show-encryption '" + (dir_ / written[0].file).string() + "'").out,
            "File is not encrypted\n");
}

TEST_F(LettersMailTest, MailTextSaysHowThePasswordIsMadeWithoutThePasswordOrTheNir) {
  Write(Claim(D("1972-04-06")));
  auto entry = outbox_->ClaimNext(0);
  ASSERT_TRUE(entry.ok() && entry->has_value());
  const std::string& mime = (*entry)->message.mime;
  const std::string text = PartBody(mime, "text/plain");
  EXPECT_THAT(text, HasSubstr("votre date de naissance, au format JJMMAAAA"));
  EXPECT_THAT(text, Not(HasSubstr(kPassword)));
  EXPECT_THAT(text, Not(HasSubstr(kNir)));
  const std::string headers = mime.substr(0, mime.find("\r\n\r\n"));
  EXPECT_THAT(headers, Not(HasSubstr(kPassword)));
  EXPECT_THAT(headers, Not(HasSubstr(kNir)));
}

TEST_F(LettersMailTest, MemberWithoutTheBirthDateTheRuleNeedsGetsNoMailAndTheLetterGoesByPost) {
  const auto written = Write(Claim(Date::FromSerial(0)));
  ASSERT_EQ(written.size(), 1u);
  EXPECT_FALSE(written[0].queued);
  EXPECT_THAT(written[0].by_post, HasSubstr("envoi par courrier"));
  EXPECT_THAT(written[0].by_post, HasSubstr("date de naissance"));
  auto counts = outbox_->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->total(), 0);
  EXPECT_TRUE(fs::exists(dir_ / written[0].file));  // printed for the post
}

TEST_F(LettersMailTest, DecompteForAnAddressWaitingForConfirmationGoesByPost) {
  const ClaimResult claim = Claim(D("1972-04-06"));
  auto st = store::Store::Open((dir_ / "liasse.db").string());
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  store::Member before = *claim.member;
  before.email = "ancienne.adresse@wanadoo.fr";
  ASSERT_TRUE(st->UpsertMember(before).ok());
  ASSERT_TRUE(st->UpsertMember(*claim.member).ok());  // changed by an operator: unproven

  const auto written = Write(claim);
  ASSERT_EQ(written.size(), 1u);
  EXPECT_FALSE(written[0].queued);
  EXPECT_THAT(written[0].by_post, HasSubstr("adresse e-mail en attente de confirmation"));
  EXPECT_EQ(outbox_->Counts().value().total(), 0);

  ASSERT_TRUE(st->ConfirmEmail("A87415535", "maelys.roussel10@wanadoo.fr").ok());
  const auto again = Write(claim);
  EXPECT_TRUE(again[0].queued);
}

}  // namespace
}  // namespace liasse::runner
