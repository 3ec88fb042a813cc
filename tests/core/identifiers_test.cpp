#include "liasse/core/identifiers.h"

#include <gtest/gtest.h>

#include "testing/status_matchers.h"

namespace liasse {
namespace {
using ::liasse::test_support::StatusIs;
using ::testing::HasSubstr;

TEST(Nir, AcceptsThePublishedVectors) {
  for (const char* good : {"295109912611193", "253072B07300470", "253072A07300443", "2 95 10 99 126 111 93",
                           "2.95.10.99.126.111.93", "253072b07300470"}) {
    EXPECT_TRUE(Nir::Parse(good).ok()) << good << ": " << Nir::Parse(good).status().message();
  }
  auto nir = Nir::Parse("2 95 10 99 126 111 93");
  ASSERT_TRUE(nir.ok());
  EXPECT_EQ(nir->value(), "295109912611193");
  EXPECT_EQ(nir->sex(), 2);
  EXPECT_EQ(nir->birth_year_two_digits(), 95);
  EXPECT_EQ(nir->birth_month(), 10);
  EXPECT_EQ(nir->departement(), "99");
  EXPECT_EQ(nir->commune(), "126");
  EXPECT_EQ(nir->key(), "93");
  EXPECT_EQ(Nir::Parse("253072B07300470")->departement(), "2B");
}

TEST(Nir, RejectsWrongKeyFormatAndImplausibleParts) {
  EXPECT_THAT(Nir::Parse("295109912611199"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("clé 99 incorrecte (clé calculée 93)")));
  EXPECT_THAT(Nir::Parse("253072C07300443"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("seuls des chiffres (et 2A/2B pour la Corse)")));
  EXPECT_THAT(Nir::Parse("29510991261119"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("15 caractères attendus, 14 lus")));
  EXPECT_THAT(Nir::Parse(""), StatusIs(StatusCode::kInvalidArgument, HasSubstr("15 caractères attendus, 0 lus")));
  EXPECT_THAT(Nir::Parse("hello world 123"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("15 caractères attendus, 13 lus")));
  // Sex 5 and month 13 are impossible even with a matching key.
  const auto with_key = [](std::string first13) {
    const int key = Nir::ComputeKey(first13);
    return first13 + (key < 10 ? "0" : "") + std::to_string(key);
  };
  EXPECT_THAT(Nir::Parse(with_key("5951099126111")),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("premier chiffre (sexe) 5 impossible")));
  EXPECT_THAT(Nir::Parse(with_key("2951399126111")),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("mois de naissance 13 impossible")));
  EXPECT_THAT(Nir::Parse(with_key("2951000126111")),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("département 00 impossible")));
  EXPECT_THAT(Nir::Parse(with_key("2951099126000")),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("numéro d'ordre 000 impossible")));
  EXPECT_TRUE(Nir::Parse(with_key("1850775115042")).ok());
  EXPECT_TRUE(Nir::Parse(with_key("1854297105042")).ok());  // month 42: unknown, allowed
}

TEST(Nir, ChecksBirthDateAgainstYearAndMonth) {
  auto nir = Nir::Parse("295109912611193");
  ASSERT_TRUE(nir.ok());
  EXPECT_TRUE(nir->MatchesBirthDate(Date::FromYmd(1995, 10, 3).value()));
  EXPECT_FALSE(nir->MatchesBirthDate(Date::FromYmd(1995, 11, 3).value()));
  EXPECT_FALSE(nir->MatchesBirthDate(Date::FromYmd(1996, 10, 3).value()));
  EXPECT_EQ(nir->Masked().substr(0, 8), "2 95 10 ");
}

TEST(NumeroAm, LuhnKeyMatchesTheSndsVector) {
  EXPECT_EQ(NumeroAm::ComputeKey("76031208"), 2);
  auto am = NumeroAm::Parse("76 0 31208 2");
  ASSERT_TRUE(am.ok());
  EXPECT_EQ(am->value(), "760312082");
  EXPECT_EQ(am->categorie(), 0);
  EXPECT_EQ(am->departement(), "76");
  EXPECT_EQ(am->ordre(), "31208");
  EXPECT_THAT(NumeroAm::Parse("760312083"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("clé 3 incorrecte (clé calculée 2)")));
  EXPECT_THAT(NumeroAm::Parse("7603120"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("« 7603120 » : 9 chiffres attendus")));
  EXPECT_THAT(NumeroAm::Parse("76031208X"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("« 76031208X » : 9 chiffres attendus")));
  const std::string infirmier = "7561234" "5";
  auto nurse = NumeroAm::Parse(infirmier + std::to_string(NumeroAm::ComputeKey(infirmier)));
  ASSERT_TRUE(nurse.ok());
  EXPECT_EQ(nurse->categorie_name(), "infirmier");
}

TEST(Luhn, KnownValues) {
  EXPECT_TRUE(LuhnValid("79927398713"));
  EXPECT_FALSE(LuhnValid("79927398710"));
  EXPECT_FALSE(LuhnValid("7992739871a"));
}

TEST(Iban, Mod97AndCountryLength) {
  auto iban = ParseIban("FR76 3000 6000 0112 3456 7890 189");
  ASSERT_TRUE(iban.ok()) << iban.status().message();
  EXPECT_EQ(*iban, "FR7630006000011234567890189");
  EXPECT_TRUE(ParseIban("DE89 3704 0044 0532 0130 00").ok());
  EXPECT_TRUE(ParseIban("GB82 WEST 1234 5698 7654 32").ok());
  EXPECT_THAT(ParseIban("FR76 3000 6000 0112 3456 7890 188"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("clé de contrôle incorrecte")));
  EXPECT_THAT(ParseIban("FR76 3000 6000 0112 3456 7890 18"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("27 caractères attendus pour FR")));
  EXPECT_THAT(ParseIban("7630006000011234567890189"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("doit commencer par le code pays")));
  EXPECT_EQ(MaskIban("FR7630006000011234567890189"),
            "FR76 \xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2 \xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2 0189");
}

TEST(Siret, LuhnAndLaPosteException) {
  EXPECT_TRUE(ParseSiren("414 357 889").ok());  // CPMS, seed 001
  EXPECT_TRUE(ParseSiret("414 357 889 00040").ok());
  EXPECT_THAT(ParseSiren("414 357 888"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("SIREN « 414357888 » : clé de Luhn incorrecte")));
  EXPECT_THAT(ParseSiret("414 357 889 00041"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("SIRET « 41435788900041 » : clé de Luhn incorrecte")));
  EXPECT_TRUE(ParseSiret("356 000 000 00047").ok());  // La Poste: digit sum 25
  EXPECT_THAT(ParseSiret("356 000 000 00048"),        // digit sum 26
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("SIRET « 35600000000048 » : clé incorrecte")));
}

TEST(UnconfirmedKeys, FormatEnforcedKeyOnlyReported) {
  auto rpps = ParseRpps("10003456789");
  ASSERT_TRUE(rpps.ok());
  EXPECT_THAT(ParseRpps("1000345678"), StatusIs(StatusCode::kInvalidArgument, HasSubstr("11 chiffres attendus")));
  auto adeli = ParseAdeli("75 1 23456 7");
  ASSERT_TRUE(adeli.ok());
  EXPECT_EQ(adeli->value, "751234567");
  EXPECT_TRUE(ParseFiness("2A0001234").ok());
  EXPECT_THAT(ParseFiness("2C0001234"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("FINESS « 2C0001234 » : 9 chiffres attendus")));
}

TEST(CheckIdentifier, DecodesPartsAndNamesUnknownKinds) {
  auto info = CheckIdentifier("nir", "2 95 10 99 126 111 93");
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->normalized, "295109912611193");
  EXPECT_EQ(info->parts.front().second, "femme");
  EXPECT_THAT(CheckIdentifier("nir", "295109912611199"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("NIR « 295109912611199 » : clé 99 incorrecte")));
  EXPECT_THAT(CheckIdentifier("passport", "x"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("type d'identifiant inconnu « passport »")));
}

}  // namespace
}  // namespace liasse
