// The e-mail addresses members write on the coupon of seed 000: accepted in
// lower case, refused with the reason when a reading cannot be an address.
#include "liasse/core/email_address.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace liasse {
namespace {

using ::testing::HasSubstr;

TEST(EmailAddress, AcceptsACommonAddressInLowerCase) {
  auto a = ParseEmailAddress(" Jean.Dupont-75@Orange.FR ");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(*a, "jean.dupont-75@orange.fr");
  auto b = ParseEmailAddress("m_lartigue+cpms@mail.example.co.uk.");
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_EQ(*b, "m_lartigue+cpms@mail.example.co.uk");
}

TEST(EmailAddress, RefusesAReadingWithoutAtSign) {
  auto a = ParseEmailAddress("jean.dupont orange.fr");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(a.status().message(), HasSubstr("sans « @ »"));
}

TEST(EmailAddress, RefusesTwoAtSigns) {
  auto a = ParseEmailAddress("jean@dupont@orange.fr");
  ASSERT_FALSE(a.ok());
  EXPECT_THAT(a.status().message(), HasSubstr("deux « @ »"));
}

TEST(EmailAddress, RefusesADomainWithoutDotOrWithADigitExtension) {
  auto no_dot = ParseEmailAddress("jean@orange");
  ASSERT_FALSE(no_dot.ok());
  EXPECT_THAT(no_dot.status().message(), HasSubstr("domaine sans point"));
  auto digits = ParseEmailAddress("jean@orange.f1");
  ASSERT_FALSE(digits.ok());
  EXPECT_THAT(digits.status().message(), HasSubstr("extension du domaine invalide"));
}

TEST(EmailAddress, RefusesMisplacedDotsAndForeignCharacters) {
  auto dots = ParseEmailAddress("jean..dupont@orange.fr");
  ASSERT_FALSE(dots.ok());
  EXPECT_THAT(dots.status().message(), HasSubstr("point mal placé avant"));
  auto space = ParseEmailAddress("jean dupont@orange.fr");
  ASSERT_FALSE(space.ok());
  EXPECT_THAT(space.status().message(), HasSubstr("impossible avant « @ »"));
  auto accent = ParseEmailAddress("jean@orangé.fr");
  ASSERT_FALSE(accent.ok());
  EXPECT_THAT(accent.status().message(), HasSubstr("caractère accentué ou non latin impossible dans le domaine"));
  auto empty_label = ParseEmailAddress("jean@orange..fr");
  ASSERT_FALSE(empty_label.ok());
  EXPECT_THAT(empty_label.status().message(), HasSubstr("point mal placé dans le domaine"));
}

}  // namespace
}  // namespace liasse
