#include "liasse/generators/pdf_tools.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "pdf_probe.h"
#include "testing/status_matchers.h"

namespace liasse::generators {
namespace {

using ::liasse::test_support::StatusIs;
using testing::D;
using ::testing::HasSubstr;

DemandePiecesModel Pieces(const std::string& reference) {
  DemandePiecesModel m;
  m.reference = reference;
  m.numero_adherent = "104582";
  m.adherent = {"Mme Claire MARTIN", {"75011 PARIS"}, ""};
  m.date_reception = D(2025, 10, 2);
  m.date_courrier = D(2025, 10, 3);
  m.objet = "votre demande";
  m.pieces = {{"Facture détaillée et acquittée", "optique"}};
  return m;
}

TEST(PdfTools, BirthDatePasswordIsDdMmYyyy) { EXPECT_EQ(BirthDatePassword(D(1995, 10, 5)), "05101995"); }

TEST(PdfTools, ShippedPasswordRuleIsTheBirthDate) {
  auto generator = testing::MakeGenerator();
  auto password = generator.templates().UserPassword({D(1995, 10, 5), "104582"});
  ASSERT_TRUE(password.ok()) << password.status().ToString();
  EXPECT_EQ(*password, "05101995");
}

TEST(PdfTools, EncryptedLetterOpensOnlyWithTheUserPassword) {
  auto letter = testing::MakeGenerator().DemandePieces(Pieces("DP-1"));
  ASSERT_TRUE(letter.ok());
  const std::string password = testing::MakeGenerator().templates().UserPassword({D(1995, 10, 5), "104582"}).value();
  auto encrypted = EncryptPdf(letter->pdf, password);
  ASSERT_TRUE(encrypted.ok()) << encrypted.status().ToString();

  EXPECT_THAT(InspectPdf(*encrypted), StatusIs(StatusCode::kInvalidArgument, HasSubstr("mot de passe incorrect")));
  EXPECT_THAT(InspectPdf(*encrypted, "01011990"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("mot de passe incorrect")));
  auto with = InspectPdf(*encrypted, password);
  ASSERT_TRUE(with.ok()) << with.status().ToString();
  EXPECT_TRUE(with->encrypted);
  EXPECT_EQ(with->pages, 1);
  EXPECT_EQ(with->title, "Demande de pièces justificatives");

  const std::string path = testing::WriteTemp("chiffre.pdf", *encrypted);
  const auto show = testing::Run("qpdf --show-encryption --password=" + password + " '" + path + "'");
  EXPECT_THAT(show.out, HasSubstr("R = 6"));  // revision 6, not the deprecated 5
  EXPECT_THAT(show.out, HasSubstr("stream encryption method: AESv3"));
  EXPECT_THAT(show.out, HasSubstr("Supplied password is user password"));
  for (const char* other : {"liasse-operateur", ""}) {
    const auto refused = testing::Run(std::string("qpdf --decrypt --password=") + other + " '" + path + "' /dev/null");
    EXPECT_NE(refused.exit_code, 0) << "s'ouvre avec « " << other << " »";
    EXPECT_THAT(refused.out, HasSubstr("invalid password"));
  }
  EXPECT_EQ(testing::QpdfCheck(path, password).exit_code, 0);
  EXPECT_THAT(testing::Run("pdftotext -upw " + password + " '" + path + "' -").out, HasSubstr("DP-1"));
  EXPECT_NE(testing::Run("pdftotext '" + path + "' -").exit_code, 0);
}

TEST(PdfTools, EncryptingWithAnEmptyPasswordIsRefused) {
  auto letter = testing::MakeGenerator().DemandePieces(Pieces("DP-3"));
  ASSERT_TRUE(letter.ok());
  auto encrypted = EncryptPdf(letter->pdf, "");
  ASSERT_FALSE(encrypted.ok());
  EXPECT_EQ(encrypted.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(encrypted.status().message(), HasSubstr("mot de passe utilisateur vide"));
}

TEST(PdfTools, MergeKeepsEveryPageInOrder) {
  auto generator = testing::MakeGenerator();
  std::vector<std::string> pdfs;
  for (const char* ref : {"DP-A", "DP-B", "DP-C"}) {
    auto letter = generator.DemandePieces(Pieces(ref));
    ASSERT_TRUE(letter.ok());
    pdfs.push_back(letter->pdf);
  }
  auto merged = MergePdfs(pdfs);
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  auto summary = InspectPdf(*merged);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->pages, 3);
  const std::string path = testing::WriteTemp("jour.pdf", *merged);
  EXPECT_EQ(testing::QpdfCheck(path).exit_code, 0);
  EXPECT_TRUE(testing::AllFontsEmbedded(path));
  EXPECT_THAT(testing::PdfText(path, 2, 2), HasSubstr("DP-B"));
  EXPECT_THAT(testing::PdfText(path, 3, 3), HasSubstr("DP-C"));
}

TEST(PdfTools, MergeNamesTheUnreadableDocument) {
  auto letter = testing::MakeGenerator().DemandePieces(Pieces("DP-A"));
  ASSERT_TRUE(letter.ok());
  auto merged = MergePdfs({letter->pdf, "ceci n'est pas un PDF"});
  EXPECT_THAT(merged, StatusIs(StatusCode::kCorrupt, HasSubstr("fusion PDF : document 2")));
  EXPECT_THAT(MergePdfs({}), StatusIs(StatusCode::kInvalidArgument, HasSubstr("fusion PDF : aucun document")));
}

}  // namespace
}  // namespace liasse::generators
