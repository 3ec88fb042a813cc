// What an operator types for a field in review goes through the reader's
// checks for that field's kind (data/forms): a wrong key, an impossible date
// or a malformed amount is refused with the field named and the reason.
#include "liasse/extractors/typed_value.h"

#include <gtest/gtest.h>

namespace liasse::extractors {
namespace {

std::string TextOf(const Result<std::variant<std::string, bool>>& r) {
  return r.ok() && std::holds_alternative<std::string>(*r) ? std::get<std::string>(*r) : "";
}

TEST(TypedValue, NirWithTheRightKeyIsKeptWithoutSpaces) {
  auto v = CheckTypedValue(DocumentType::kFeuilleDeSoins, "assure.nir", std::nullopt, "2 95 10 99 126 111 93");
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(TextOf(v), "295109912611193");
}

TEST(TypedValue, NirWithAWrongKeyIsRefusedNamingTheField) {
  auto v = CheckTypedValue(DocumentType::kFeuilleDeSoins, "assure.nir", std::nullopt, "295109912611199");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(v.status().message().starts_with("assure.nir : « 295109912611199 » refusé : ")) << v.status().message();
  EXPECT_NE(v.status().message().find("clé 99 incorrecte"), std::string::npos) << v.status().message();
}

TEST(TypedValue, DatesOnlyAsAaaaMmJjOrJjMmAaaa) {
  const auto field = "beneficiaire.date_naissance";
  EXPECT_EQ(TextOf(CheckTypedValue(DocumentType::kFeuilleDeSoins, field, std::nullopt, "1985-07-12")), "1985-07-12");
  EXPECT_EQ(TextOf(CheckTypedValue(DocumentType::kFeuilleDeSoins, field, std::nullopt, "12/07/1985")), "1985-07-12");
  auto short_year = CheckTypedValue(DocumentType::kFeuilleDeSoins, field, std::nullopt, "12/07/85");
  ASSERT_FALSE(short_year.ok());
  EXPECT_EQ(short_year.status().message(),
            "beneficiaire.date_naissance : « 12/07/85 » refusé : date attendue au format AAAA-MM-JJ ou JJ/MM/AAAA");
  auto impossible = CheckTypedValue(DocumentType::kFeuilleDeSoins, field, std::nullopt, "1985-02-30");
  ASSERT_FALSE(impossible.ok());
  EXPECT_NE(impossible.status().message().find("date impossible"), std::string::npos) << impossible.status().message();
}

TEST(TypedValue, AmountsBecomeTwoDecimalsAndGarbageIsRefused) {
  EXPECT_EQ(TextOf(CheckTypedValue(DocumentType::kFeuilleDeSoins, "montant_total", std::nullopt, "17,5")), "17.50");
  EXPECT_EQ(TextOf(CheckTypedValue(DocumentType::kFeuilleDeSoins, "montant_total", std::nullopt, "17")), "17.00");
  auto bad = CheckTypedValue(DocumentType::kFeuilleDeSoins, "montant_total", std::nullopt, "17,555");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            "montant_total : « 17,555 » refusé : montant attendu en euros, deux décimales au plus (ex. 17,50)");
}

TEST(TypedValue, LineColumnsAreCheckedByTheirKind) {
  auto montant = CheckTypedValue(DocumentType::kFeuilleDeSoins, "montant", 1, "22,1");
  EXPECT_EQ(TextOf(montant), "22.10");
  auto nir = CheckTypedValue(DocumentType::kBordereau, "nir", 0, "295109912611199");
  ASSERT_FALSE(nir.ok());
  EXPECT_TRUE(nir.status().message().starts_with("nir (ligne 1) : ")) << nir.status().message();
  auto code = CheckTypedValue(DocumentType::kFeuilleDeSoins, "code", 0, "ami");
  EXPECT_EQ(TextOf(code), "AMI");
}

TEST(TypedValue, NumeroAmLuhnKeyIsChecked) {
  auto v = CheckTypedValue(DocumentType::kFeuilleDeSoins, "praticien.identifiant", std::nullopt, "977990556");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(v.status().message().starts_with("praticien.identifiant : ")) << v.status().message();
  EXPECT_EQ(TextOf(CheckTypedValue(DocumentType::kFeuilleDeSoins, "praticien.identifiant", std::nullopt, "977990555")),
            "977990555");
}

TEST(TypedValue, UnknownFieldIsNotFound) {
  auto v = CheckTypedValue(DocumentType::kFeuilleDeSoins, "assure.pointure", std::nullopt, "42");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(v.status().message(), "assure.pointure : champ inconnu d'un document « feuille_de_soins »");
}

}  // namespace
}  // namespace liasse::extractors
