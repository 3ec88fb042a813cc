// The list of fields whose review stops a payment: read from
// data/rules/revue_bloquante.toml, one list per document type, and bad
// files refused with the file, line and key named in French.
#include "liasse/rules/blocking_fields.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "lot_fixture.h"

namespace liasse::rules {
namespace {

bool Lists(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

TEST(BlockingFields, ShippedFileBlocksIdentityAndAmountsOfFeuillesAndFactures) {
  auto loaded = BlockingFields::Load(LIASSE_SOURCE_DIR "/data");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const auto& feuille = loaded->Of(DocumentType::kFeuilleDeSoins);
  for (const char* f : {"assure.nir", "beneficiaire.nom", "beneficiaire.prenom", "beneficiaire.date_naissance",
                        "montant_total", "numero_facture"}) {
    EXPECT_TRUE(Lists(feuille, f)) << f;
  }
  const auto& facture = loaded->Of(DocumentType::kFacture);
  EXPECT_TRUE(Lists(facture, "numero_adherent"));
  EXPECT_TRUE(Lists(facture, "montant_total"));
  EXPECT_TRUE(loaded->Of(DocumentType::kReclamation).empty());
}

TEST(BlockingFields, UnknownDocumentTypeIsRefusedNamingFileAndKey) {
  auto parsed = BlockingFields::Parse("[feuille_soins]\nchamps = [\"assure.nir\"]\n", "revue_bloquante.toml");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(parsed.status().message(),
            "revue_bloquante.toml:1: feuille_soins: type de document inconnu du contrat (docs/results.md)");
}

TEST(BlockingFields, FieldListedTwiceIsRefused) {
  auto parsed = BlockingFields::Parse("[facture]\nchamps = [\"date\", \"date\"]\n", "f.toml");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(parsed.status().message().find("facture.champs: champ « date » listé deux fois"), std::string::npos)
      << parsed.status().message();
}

TEST(BlockingFields, MissingOrEmptyListIsRefused) {
  auto missing = BlockingFields::Parse("[facture]\nautre = 1\n", "f.toml");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("facture.champs: clé absente"), std::string::npos)
      << missing.status().message();
  auto empty = BlockingFields::Parse("[facture]\nchamps = []\n", "f.toml");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("liste de noms de champs non vide attendue"), std::string::npos)
      << empty.status().message();
}

TEST(BlockingFields, AFieldThatBlocksOnlyWithoutAValueBlocksWhileTheReaderLeftItUndecided) {
  auto parsed = BlockingFields::Parse("[feuille_de_soins]\nchamps = [\"assure.nir\"]\nsans_valeur = [\"raturee\"]\n", "f.toml");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  Document feuille;
  feuille.type = DocumentType::kFeuilleDeSoins;
  const ReviewFlag stroke{"raturee", std::nullopt, "trait à travers une ligne du texte : rature à vérifier"};
  EXPECT_TRUE(parsed->Blocks(feuille, stroke));
  feuille.fields["raturee"] = testing::Bool(false);
  EXPECT_FALSE(parsed->Blocks(feuille, stroke));
  EXPECT_TRUE(parsed->Blocks(feuille, ReviewFlag{"assure.nir", std::nullopt, "NIR douteux"}));
  EXPECT_FALSE(parsed->Blocks(feuille, ReviewFlag{"prescripteur.nom", std::nullopt, "non lu"}));
  auto wrong = BlockingFields::Parse("[facture]\nchamps = [\"date\"]\nsans_valeur = \"date\"\n", "f.toml");
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.status().message().find("facture.sans_valeur: liste de noms de champs attendue"), std::string::npos)
      << wrong.status().message();
}

TEST(BlockingFields, ATypeMayBlockOnlyFieldsLeftWithoutAValue) {
  auto parsed = BlockingFields::Parse("[prescription]\nsans_valeur = [\"raturee\"]\n", "f.toml");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  Document prescription;
  prescription.type = DocumentType::kPrescription;
  EXPECT_TRUE(parsed->Of(DocumentType::kPrescription).empty());
  EXPECT_TRUE(parsed->Blocks(prescription, ReviewFlag{"raturee", std::nullopt, "rature à vérifier"}));
  EXPECT_FALSE(parsed->Blocks(prescription, ReviewFlag{"date", std::nullopt, "non lu"}));
  auto empty = BlockingFields::Parse("[prescription]\nsans_valeur = []\n", "f.toml");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("prescription.sans_valeur: liste de noms de champs attendue"),
            std::string::npos)
      << empty.status().message();
}

TEST(BlockingFields, MissingFileIsNotFoundNamingIt) {
  auto loaded = BlockingFields::Load("/nonexistent-liasse-data");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kNotFound);
  EXPECT_NE(loaded.status().message().find("revue_bloquante.toml"), std::string::npos);
}

}  // namespace
}  // namespace liasse::rules
