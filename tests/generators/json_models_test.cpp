#include "liasse/generators/json_models.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "pdf_probe.h"
#include "testing/status_matchers.h"

namespace liasse::generators {
namespace {

using ::liasse::test_support::StatusIs;
using ::testing::HasSubstr;

std::string ReadSample(const std::string& name) {
  std::ifstream in(std::string(LIASSE_SOURCE_DIR) + "/samples/letters/" + name + ".json");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(JsonModels, EverySampleParsesAndRendersAsItsKind) {
  auto generator = testing::MakeGenerator();
  for (LetterKind kind : kAllLetterKinds) {
    const std::string name(LetterKindName(kind));
    auto request = ParseLetterRequest(ReadSample(name));
    ASSERT_TRUE(request.ok()) << name << ": " << request.status().ToString();
    EXPECT_EQ(request->kind, kind);
    Result<RenderedLetter> letter = std::visit(
        [&](const auto& model) -> Result<RenderedLetter> {
          using T = std::decay_t<decltype(model)>;
          if constexpr (std::is_same_v<T, DecompteModel>) return generator.Decompte(model);
          if constexpr (std::is_same_v<T, RenonciationModel>) return generator.Renonciation(model);
          if constexpr (std::is_same_v<T, ReclamationModel>) return generator.AccuseReceptionReclamation(model);
          if constexpr (std::is_same_v<T, LotAnomaliesModel>) return generator.AnomaliesLot(model);
          if constexpr (std::is_same_v<T, DemandePiecesModel>) return generator.DemandePieces(model);
          if constexpr (std::is_same_v<T, RefusRemboursementModel>) return generator.RefusRemboursement(model);
        },
        request->model);
    ASSERT_TRUE(letter.ok()) << name << ": " << letter.status().ToString();
    EXPECT_EQ(letter->kind, kind) << name;  // the renonciation samples decide as named
    EXPECT_EQ(letter->pages, 1) << name;
  }
}

// The refusal sample's subject ends "… adhérent n° 105 210" right at the
// margin: the number moves to the next line whole, never "105" / "210";
// likewise "31 octobre" in the notice date.
TEST(JsonModels, NumberAtTheEndOfALineIsNotSplit) {
  auto request = ParseLetterRequest(ReadSample("refus_renonciation"));
  ASSERT_TRUE(request.ok()) << request.status().ToString();
  auto letter = testing::MakeGenerator().Renonciation(std::get<RenonciationModel>(request->model));
  ASSERT_TRUE(letter.ok()) << letter.status().ToString();
  const std::string path = testing::WriteTemp("refus_numero.pdf", letter->pdf);
  const std::string lines = testing::Run("pdftotext -q -enc UTF-8 '" + path + "' -").out;
  EXPECT_THAT(lines, HasSubstr("n° 105 210"));
  EXPECT_THAT(lines, HasSubstr("01 47 70 30 97"));
  EXPECT_THAT(lines, HasSubstr("31 octobre 2025"));  // a date stays whole
}

TEST(JsonModels, MissingKeyIsNamedWithItsPath) {
  auto request = ParseLetterRequest(R"({"kind": "decompte", "model": {"numero": "D1", "numero_adherent": "1",
    "adherent": {"nom": "X", "adresse": []}, "nir": "295109912611193", "contrat": "PASS 3",
    "date_paiement": "2025-09-12", "iban": "FR7630006000011234567890189", "date_courrier": "2025-09-12",
    "lignes": [{"date_soins": "2025-09-01", "beneficiaire": "X", "acte": "G", "frais_reels": "30.00",
                "securite_sociale": "19.00", "mutuelle": "9.00", "reste_a_charge": "2.00"}]}})");
  EXPECT_THAT(request, StatusIs(StatusCode::kInvalidArgument, HasSubstr("model.lignes[0].base : valeur manquante")));
}

TEST(JsonModels, UnknownKindMalformedJsonAndBadDateFail) {
  EXPECT_THAT(ParseLetterRequest(R"({"kind": "facture", "model": {}})"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("type de courrier inconnu « facture »")));
  EXPECT_THAT(ParseLetterRequest("{"), StatusIs(StatusCode::kInvalidArgument, HasSubstr("JSON du courrier illisible")));
  auto bad = ParseLetterRequest(R"({"kind": "demande_pieces", "model": {"reference": "R", "numero_adherent": "1",
    "adherent": {"nom": "X"}, "date_reception": "32/13/2025", "date_courrier": "2025-10-03", "objet": "o"}})");
  EXPECT_THAT(bad, StatusIs(StatusCode::kInvalidArgument, HasSubstr("model.date_reception : mois 13 impossible")));
}

}  // namespace
}  // namespace liasse::generators
