// Loading the guarantee tables and tariffs: values kept as printed, and
// errors that name the file and the key.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "fixture.h"
#include "testing/status_matchers.h"

namespace liasse::pricing::testing {
namespace {
using ::liasse::test_support::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;

namespace fs = std::filesystem;

TEST(GuaranteeLoader, EveryPassTableLoadsWithEveryRow) {
  const auto contracts = Tables().Contracts();
  EXPECT_EQ(contracts, (std::vector<std::string>{"PASS1", "PASS2", "PASS3", "PASS4", "PASS5"}));
  for (const auto& c : contracts) {
    EXPECT_EQ(Tables().Find(c)->rows().size(), RequiredRowKeys().size()) << c;
  }
  EXPECT_FALSE(Tables().Find("PASS1")->responsable());
  EXPECT_TRUE(Tables().Find("PASS3")->responsable());
}

TEST(GuaranteeLoader, KeepsTheGuaranteesAsPrinted) {
  const GuaranteeTable& p3 = *Tables().Find("PASS3");
  EXPECT_EQ(p3.Find("generaliste_dptm")->garantie.imprime, "130%");
  EXPECT_EQ(p3.Find("lentilles_remboursees")->garantie.imprime, "60% + 60 €");
  EXPECT_EQ(p3.Find("forfait_journalier")->garantie.imprime, "100% Frais réels");
  EXPECT_EQ(p3.Find("dentaire_100_sante")->garantie.imprime, "Sans reste à charge");
  EXPECT_EQ(Tables().Find("PASS5")->Find("medecines_douces")->garantie.imprime, "30 € (Forfait 150€/an)");
  EXPECT_EQ(Tables().Find("PASS2")->Find("lentilles_non_remboursees")->garantie.imprime, "-");
  EXPECT_EQ(Tables().Find("PASS2")->Find("assistance")->garantie.imprime, "Include");
  EXPECT_TRUE(p3.Find("pilule")->HasNote(2));
  EXPECT_TRUE(p3.Find("frais_sejour")->HasNote(3));  // from the section heading
  EXPECT_EQ(p3.Find("pilule")->LibelleCourt(),
            "Pilule contraceptive ou préservatifs masculins, non pris en charge par la Sécurité Sociale");
}

TEST(GuaranteeLoader, ParsesEveryPrintedForm) {
  auto pct = Garantie::Parse("130%");
  ASSERT_TRUE(pct.ok());
  EXPECT_EQ(pct->kind, Garantie::Kind::kPourcentageBr);
  EXPECT_EQ(pct->taux, Rate::Percent(130));
  auto euros = Garantie::Parse("15 €");
  ASSERT_TRUE(euros.ok());
  EXPECT_EQ(euros->kind, Garantie::Kind::kForfait);
  EXPECT_EQ(euros->montant, E("15.00"));
  auto plus = Garantie::Parse("60% + 100 €");
  ASSERT_TRUE(plus.ok());
  EXPECT_EQ(plus->kind, Garantie::Kind::kPourcentagePlusForfait);
  EXPECT_EQ(plus->taux, Rate::Percent(60));
  EXPECT_EQ(plus->montant, E("100.00"));
  auto seance = Garantie::Parse("30 € (Forfait 150€/an)");
  ASSERT_TRUE(seance.ok());
  EXPECT_EQ(seance->kind, Garantie::Kind::kParSeance);
  EXPECT_EQ(seance->montant, E("30.00"));
  EXPECT_EQ(seance->plafond_annuel, E("150.00"));
  auto secu = Garantie::Parse("Sécurité sociale + 25% (min 100%)");
  ASSERT_TRUE(secu.ok());
  EXPECT_EQ(secu->kind, Garantie::Kind::kSecuPlus);
  EXPECT_EQ(secu->taux, Rate::Percent(25));
  EXPECT_EQ(secu->taux_min, Rate::Percent(100));
  EXPECT_EQ(Garantie::Parse("100% Frais réels")->kind, Garantie::Kind::kFraisReels);
  EXPECT_EQ(Garantie::Parse("Sans reste à charge")->kind, Garantie::Kind::kSansResteACharge);
  EXPECT_EQ(Garantie::Parse("-")->kind, Garantie::Kind::kNonCouvert);
  EXPECT_EQ(Garantie::Parse("Incluse")->kind, Garantie::Kind::kService);
  EXPECT_THAT(Garantie::Parse("130 pourcents"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("garantie non reconnue « 130 pourcents »")));
}

class TempDir : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("liasse_pricing_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  // A copy of PASS3.toml with `from` replaced by `to`.
  std::string WritePass3(const std::string& from, const std::string& to) {
    std::ifstream in(std::string(LIASSE_SOURCE_DIR) + "/data/garanties/PASS3.toml");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos);
    text.replace(at, from.size(), to);
    const std::string path = (dir_ / "PASS9.toml").string();
    std::ofstream(path) << text;
    return path;
  }
  fs::path dir_;
};

TEST_F(TempDir, UnparseableGuaranteeNamesFileLineAndKey) {
  const std::string path = WritePass3("garantie = \"130%\"", "garantie = \"cent trente\"");
  auto t = GuaranteeTable::LoadFile(path);
  EXPECT_THAT(t, StatusIs(StatusCode::kInvalidArgument,
                          HasSubstr("PASS9.toml:14: generaliste_dptm: garantie non reconnue « cent trente »")));
}

TEST_F(TempDir, UnknownRowIsAnError) {
  const std::string path = WritePass3("cle = \"orthodontie\"", "cle = \"orthodontie_bis\"");
  auto t = GuaranteeTable::LoadFile(path);
  EXPECT_THAT(t, StatusIs(StatusCode::kInvalidArgument,
                          HasSubstr("orthodontie_bis: ligne inconnue des règles de liquidation")));
}

TEST_F(TempDir, MissingRowIsAnError) {
  const std::string path = WritePass3(
      "[[ligne]]\ncle = \"orthodontie\"\nsection = \"DENTAIRE\"\nlibelle = \"Orthodontie\"\ngarantie = \"100%\"\n", "");
  auto t = GuaranteeTable::LoadFile(path);
  EXPECT_THAT(t, StatusIs(StatusCode::kInvalidArgument, HasSubstr("PASS9.toml:1: orthodontie: ligne manquante")));
}

TEST_F(TempDir, DuplicateRowIsAnError) {
  const std::string path = WritePass3("cle = \"generaliste_hors_dptm\"", "cle = \"generaliste_dptm\"");
  auto t = GuaranteeTable::LoadFile(path);
  EXPECT_THAT(t, StatusIs(StatusCode::kInvalidArgument, HasSubstr("PASS9.toml:16: generaliste_dptm: ligne en double")));
}

TEST_F(TempDir, AddingAContractIsAddingAFile) {
  WritePass3("contrat = \"PASS3\"", "contrat = \"PASS9\"");
  fs::copy_file(std::string(LIASSE_SOURCE_DIR) + "/data/garanties/PASS1.toml", dir_ / "PASS1.toml");
  auto catalog = GuaranteeCatalog::LoadDirectory(dir_.string());
  ASSERT_TRUE(catalog.ok()) << catalog.status().ToString();
  EXPECT_EQ(catalog->Contracts(), (std::vector<std::string>{"PASS1", "PASS9"}));
  EXPECT_EQ(catalog->Find("PASS9")->Find("generaliste_dptm")->garantie.taux, Rate::Percent(130));
}

TEST_F(TempDir, TariffErrorsNameFileAndKey) {
  for (const char* f : {"actes.toml", "regime_obligatoire.toml", "optique.toml", "audition.toml", "simulateur.toml"}) {
    fs::copy_file(std::string(LIASSE_SOURCE_DIR) + "/data/tarifs/" + f, dir_ / f);
  }
  ASSERT_TRUE(Tariffs::LoadDirectory(dir_.string()).ok());
  std::ofstream(dir_ / "actes.toml", std::ios::app) << "\n[ZZZ]\nlibelle = \"x\"\ncategorie = \"astrologie\"\nposte = \"\"\n"
                                                     << "valeurs = [{ valid_from = \"2020-01-01\", base = \"1.00\" }]\n";
  auto t = Tariffs::LoadDirectory(dir_.string());
  EXPECT_THAT(t,
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("actes.toml:"),
                             HasSubstr("ZZZ.categorie: catégorie « astrologie » absente de regime_obligatoire.toml"))));
}

TEST(TariffLoader, ValuesInForceByDateOfCare) {
  const TariffItem& g = *Tarifs().FindAct("G");
  EXPECT_EQ(*g.bases.At(D("2024-12-21")), E("26.50"));
  EXPECT_EQ(*g.bases.At(D("2024-12-22")), E("30.00"));
  EXPECT_EQ(g.bases.At(D("2023-01-01")), nullptr);
  EXPECT_EQ(*Tarifs().FindAct("AMK")->bases.At(D("2024-02-21")), E("2.15"));
  EXPECT_EQ(*Tarifs().FindAct("AMK")->bases.At(D("2024-02-22")), E("2.21"));
  EXPECT_EQ(*Tarifs().FindCategory("dentaire")->taux.At(D("2023-10-14")), Rate::Percent(70));
  EXPECT_EQ(*Tarifs().FindCategory("dentaire")->taux.At(D("2023-10-15")), Rate::Percent(60));
  EXPECT_EQ(*Tarifs().retenues().pf_montant.At(D("2024-05-14")), E("1.00"));
  EXPECT_EQ(*Tarifs().retenues().pf_montant.At(D("2024-05-15")), E("2.00"));
  EXPECT_EQ(*Tarifs().retenues().franchise_acte.At(D("2024-03-30")), E("0.50"));
  EXPECT_EQ(*Tarifs().retenues().franchise_acte.At(D("2024-03-31")), E("1.00"));
}

TEST(TariffLoader, EverySimulatorKeyOfResultsMdIsDefined) {
  for (const char* key : {"generaliste_dptm", "generaliste_hors_dptm", "specialiste_dptm", "specialiste_hors_dptm",
                          "osteopathe", "chiropracteur", "psychologue_non_rembourse", "couronne",
                          "couronne_100_sante", "orthodontie", "detartrage", "lunettes_simples", "lunettes_complexes",
                          "lunettes_tres_complexes", "lunettes_100_sante", "lentilles_remboursees",
                          "lentilles_non_remboursees", "chambre_particuliere", "forfait_journalier", "infirmier_ami",
                          "kine_amk", "pilule_non_remboursee"}) {
    EXPECT_NE(Tarifs().FindSimulatorAct(key), nullptr) << key;
  }
}

}  // namespace
}  // namespace liasse::pricing::testing
