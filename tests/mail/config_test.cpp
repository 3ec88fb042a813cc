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
                               AllOf(HasSubstr(path), HasSubstr("[smtp] starttls must be"), HasSubstr("\"maybe\""))));
}

TEST(MailConfig, UsernameWithoutPasswordVariableIsRefused) {
  TempDir dir;
  const auto path = Write(dir,
                          "[operator]\nfrom = \"a@b.fr\"\nmessage_id_domain = \"b.fr\"\n[smtp]\nusername = \"u\"\n"
                          "password_env = \"LIASSE_TEST_UNSET_VARIABLE_XYZ\"\n");
  auto config = LoadMailConfig(path);
  EXPECT_THAT(config, StatusIs(StatusCode::kInvalidArgument,
                               HasSubstr("environment variable LIASSE_TEST_UNSET_VARIABLE_XYZ is not set")));
}

TEST(MailConfig, SyntaxErrorGivesTheLine) {
  TempDir dir;
  const auto path = Write(dir, "[operator]\nfrom = \"a@b.fr\"\nport = = 3\n");
  auto config = LoadMailConfig(path);
  EXPECT_THAT(config, StatusIs(StatusCode::kCorrupt, HasSubstr(path + ":3:")));
}

}  // namespace
}  // namespace liasse::mail
