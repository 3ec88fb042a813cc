#include "liasse/mail/config.h"

#include <gtest/gtest.h>

#include <fstream>

#include "test_server.h"
#include "testing/status_matchers.h"

namespace liasse::mail {
namespace {

using ::liasse::test_support::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;
using testing::TempDir;

std::string Write(const TempDir& dir, const std::string& text) {
  const auto path = (dir.path() / "mail.toml").string();
  std::ofstream(path) << text;
  return path;
}

TEST(MailConfig, ShippedOperatorFileLoads) {
  auto config = LoadMailConfig(LIASSE_SOURCE_DIR "/data/mail/operator.toml");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->sender.from_address, "prestations@cpms.fr");
  EXPECT_EQ(config->smtp.starttls, StartTls::kRequired);
  EXPECT_TRUE(config->smtp.verify_certificate);
  EXPECT_EQ(config->retry.base_delay_ms, 60'000);
}

TEST(MailConfig, UnknownStartTlsModeNamesFileAndKey) {
  TempDir dir;
  const auto path = Write(dir, "[operator]\nfrom = \"a@b.fr\"\nmessage_id_domain = \"b.fr\"\n[smtp]\nstarttls = \"maybe\"\n");
  auto config = LoadMailConfig(path);
  EXPECT_THAT(config, StatusIs(StatusCode::kInvalidArgument,
                               AllOf(HasSubstr(path), HasSubstr("[smtp] clé « starttls »"), HasSubstr("pas \"maybe\""))));
}

TEST(MailConfig, UsernameWithoutPasswordVariableIsRefused) {
  TempDir dir;
  const auto path = Write(dir,
                          "[operator]\nfrom = \"a@b.fr\"\nmessage_id_domain = \"b.fr\"\n[smtp]\nusername = \"u\"\n"
                          "password_env = \"LIASSE_TEST_UNSET_VARIABLE_XYZ\"\n");
  auto config = LoadMailConfig(path);
  EXPECT_THAT(config, StatusIs(StatusCode::kInvalidArgument,
                               HasSubstr("variable d'environnement LIASSE_TEST_UNSET_VARIABLE_XYZ non définie")));
}

TEST(MailConfig, MisspeltKeyIsRefusedNamingFileTableAndKeyInFrench) {
  TempDir dir;
  const auto path = Write(dir, "[operator]\nfrom = \"a@b.fr\"\nmessage_id_domain = \"b.fr\"\n[smtp]\nstartls = \"never\"\n");
  auto config = LoadMailConfig(path);
  ASSERT_FALSE(config.ok());  // not ignored, leaving the default unnoticed
  EXPECT_EQ(config.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(config.status().message(), path + " : [smtp] clé « startls » inconnue");
}

TEST(MailConfig, ShippedConfigurationHasTheAddressNotice) {
  auto config = LoadMailConfig(std::string(LIASSE_SOURCE_DIR) + "/data/mail/operator.toml");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->smtp.starttls, StartTls::kRequired);
  EXPECT_EQ(config->address_notice.subject, "Vos décomptes par e-mail");
  EXPECT_NE(config->address_notice.text.find("courrier"), std::string::npos);  // how to stop it
}

TEST(MailConfig, SyntaxErrorGivesTheLine) {
  TempDir dir;
  const auto path = Write(dir, "[operator]\nfrom = \"a@b.fr\"\nport = = 3\n");
  auto config = LoadMailConfig(path);
  EXPECT_THAT(config, StatusIs(StatusCode::kCorrupt, HasSubstr(path + ":3:")));
}

}  // namespace
}  // namespace liasse::mail
