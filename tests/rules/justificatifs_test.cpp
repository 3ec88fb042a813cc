#include "liasse/rules/justificatifs.h"

#include <gtest/gtest.h>

#include "lot_fixture.h"
#include "testing/status_matchers.h"

namespace liasse::rules {
namespace {

using liasse::Document;
using liasse::DocumentType;
using ::liasse::test_support::StatusIs;
using testing::Bool;
using ::testing::HasSubstr;
using testing::Text;

const JustificatifTable& Table() {
  static const Result<JustificatifTable> table = JustificatifTable::Load(LIASSE_SOURCE_DIR "/data");
  if (!table.ok()) {
    ADD_FAILURE() << table.status().ToString();
    std::abort();
  }
  return *table;
}

Document Facture(bool acquittee, bool numero_adherent = true) {
  Document d;
  d.type = DocumentType::kFacture;
  d.fields["acquittee"] = Bool(acquittee);
  if (numero_adherent) d.fields["numero_adherent"] = Text("A123456");
  return d;
}

Document Of(DocumentType t) {
  Document d;
  d.type = t;
  return d;
}

TEST(Justificatifs, ActesCourantsWithTeletransmissionNeedNothing) {
  auto d = Table().Missing("actes_courants", true, {});
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->complete());
}

TEST(Justificatifs, ActesCourantsWithoutTeletransmissionNeedTheDecompte) {
  auto d = Table().Missing("actes_courants", false, {});
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->pieces_manquantes.size(), 1u);
  EXPECT_NE(d->pieces_manquantes[0].find("Décompte du régime obligatoire"), std::string::npos);
  EXPECT_TRUE(Table().Missing("actes_courants", false, {Of(DocumentType::kDecompteRo)})->complete());
}

TEST(Justificatifs, OptiqueListsExactlyWhatIsMissing) {
  auto with = Table().Missing("optique", true, {Facture(true)});
  ASSERT_TRUE(with.ok());
  EXPECT_EQ(with->pieces_manquantes, std::vector<std::string>{"Copie de la prescription médicale"});
  auto without = Table().Missing("optique", false, {Facture(true), Of(DocumentType::kPrescription)});
  ASSERT_TRUE(without.ok());
  ASSERT_EQ(without->pieces_manquantes.size(), 1u);
  EXPECT_NE(without->pieces_manquantes[0].find("Décompte"), std::string::npos);
}

TEST(Justificatifs, FactureNotAcquitteeDoesNotCount) {
  auto d = Table().Missing("autres_actes_non_rembourses", true, {Facture(false)});
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->pieces_manquantes.size(), 1u);
  EXPECT_NE(d->pieces_manquantes[0].find("acquittée"), std::string::npos);
}

TEST(Justificatifs, EvolutionDeLaVueNeedsTwoPrescriptions) {
  auto one = Table().Missing("optique_evolution_vue", true, {Facture(true), Of(DocumentType::kPrescription)});
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->pieces_manquantes.size(), 1u);
  auto two = Table().Missing("optique_evolution_vue", true,
                             {Of(DocumentType::kPrescription), Facture(true), Of(DocumentType::kPrescription)});
  EXPECT_TRUE(two->complete());
}

TEST(Justificatifs, HospitalisationNeedsFactureAndNoteHonoraires) {
  auto d = Table().Missing("hospitalisation", true, {Facture(true)});
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->pieces_manquantes.size(), 1u);
  EXPECT_NE(d->pieces_manquantes[0].find("Note d'honoraires"), std::string::npos);
}

TEST(Justificatifs, FactureWithoutNumeroAdherentIsAskedFor) {
  auto d = Table().Missing("medecines_alternatives", true, {Of(DocumentType::kDecompteRo), Facture(true, false)});
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->pieces_manquantes.empty());
  EXPECT_EQ(d->sans_numero_adherent, std::vector<int>{1});
  EXPECT_FALSE(d->complete());
}

TEST(Justificatifs, UnknownPrestationIsNotFound) {
  EXPECT_THAT(Table().Missing("teleportation", true, {}),
              StatusIs(StatusCode::kNotFound,
                       HasSubstr("prestation inconnue du tableau des justificatifs : \"teleportation\"")));
}

TEST(Justificatifs, FactureCategoryNamesItsPrestation) {
  EXPECT_EQ(Table().PrestationOfFacture("optique"), "optique");
  EXPECT_EQ(Table().PrestationOfFacture("dentaire"), "prothese_dentaire");
  EXPECT_EQ(Table().PrestationOfFacture("pharmacie"), std::nullopt);
}

TEST(Justificatifs, CategoryMappedToAnUnknownPrestationIsRefusedAtLoad) {
  auto bad = JustificatifTable::Parse(
      "[pieces.a]\nlibelle = \"A\"\ndocument = \"facture\"\n[[prestations]]\ntype = \"x\"\nlibelle = \"X\"\n"
      "avec_teletransmission = [\"a\"]\nsans_teletransmission = []\n[categories_facture]\noptique = \"lunettes\"\n",
      "j.toml");
  EXPECT_THAT(bad, StatusIs(StatusCode::kInvalidArgument,
                            HasSubstr("j.toml:10: categories_facture.optique: prestation inconnue \"lunettes\"")));
}

TEST(Justificatifs, MalformedTableErrorsNameTheKey) {
  auto unknown_piece = JustificatifTable::Parse(
      "[pieces.a]\nlibelle = \"A\"\ndocument = \"facture\"\n[[prestations]]\ntype = \"x\"\nlibelle = \"X\"\n"
      "avec_teletransmission = [\"b\"]\nsans_teletransmission = []\n",
      "j.toml");
  EXPECT_THAT(unknown_piece,
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("j.toml:7: prestations[0].avec_teletransmission: pièce inconnue \"b\"")));
  auto bad_type = JustificatifTable::Parse("[pieces.a]\nlibelle = \"A\"\ndocument = \"ordonnance\"\n", "j.toml");
  EXPECT_THAT(bad_type, StatusIs(StatusCode::kInvalidArgument,
                                 HasSubstr("j.toml:3: pieces.a.document: type de document inconnu \"ordonnance\"")));
}

}  // namespace
}  // namespace liasse::rules
