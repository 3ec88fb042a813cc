#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "liasse/generators/letter_generator.h"
#include "liasse/generators/pdf_tools.h"
#include "pdf_probe.h"
#include "testing/status_matchers.h"

namespace liasse::generators {
namespace {

using ::liasse::test_support::StatusIs;
using ::testing::AllOf;
using testing::D;
using ::testing::HasSubstr;
using ::testing::Not;

Money E(int64_t cents) { return Money::FromCents(cents); }

LigneDecompte Ligne(int day, std::string acte, int64_t frais, int64_t base, int64_t ro, int64_t mut,
                    std::string explication = "") {
  LigneDecompte l;
  l.date_soins = D(2025, 9, day);
  l.beneficiaire = "Claire MARTIN";
  l.acte = std::move(acte);
  l.frais_reels = E(frais);
  l.base = E(base);
  l.securite_sociale = E(ro);
  l.mutuelle = E(mut);
  l.reste_a_charge = E(frais - ro - mut);
  l.explication = std::move(explication);
  return l;
}

DecompteModel Model(int lines) {
  DecompteModel m;
  m.numero = "D2025-0912-000341";
  m.numero_adherent = "104582";
  m.adherent = {"Mme Claire MARTIN", {"12 rue de la Fontaine-au-Roi", "75011 PARIS"}, ""};
  m.nir = "295109912611193";
  m.contrat = "PASS 3";
  m.beneficiaires = {{"Claire MARTIN", "adhérente", "295109912611193"}, {"Léa MARTIN", "enfant", ""}};
  m.date_paiement = D(2025, 9, 12);
  m.iban = "FR7630006000011234567890189";
  m.date_courrier = D(2025, 9, 12);
  // The reference.md vectors, repeated.
  for (int i = 0; i < lines; ++i) {
    switch (i % 4) {
      case 0: m.lignes.push_back(Ligne(1 + i % 28, "Consultation généraliste (G)", 3000, 3000, 1900, 900,
                                       "Participation forfaitaire de 2,00 € non remboursable.")); break;
      case 1: m.lignes.push_back(Ligne(1 + i % 28, "Soins infirmiers AMI 1 + IFD", 590, 590, 254, 236)); break;
      case 2: m.lignes.push_back(Ligne(1 + i % 28, "Orthophonie AMO 10", 2600, 2600, 1460, 1040)); break;
      case 3: m.lignes.push_back(Ligne(1 + i % 28, "Pilule non remboursée", 1250, 0, 0, 0,
                                       "Forfait contraception de l'année déjà utilisé.")); break;
    }
  }
  return m;
}

TEST(Decompte, TextHoldsFiguresTotalsAndExplanations) {
  auto generator = testing::MakeGenerator();
  auto letter = generator.Decompte(Model(4));
  ASSERT_TRUE(letter.ok()) << letter.status().ToString();
  EXPECT_EQ(letter->kind, LetterKind::kDecompte);
  EXPECT_EQ(letter->pages, 1);
  const std::string path = testing::WriteTemp("decompte.pdf", letter->pdf);
  const std::string text = testing::PdfText(path);
  EXPECT_THAT(text, HasSubstr("Décompte de remboursement n° D2025-0912-000341"));
  EXPECT_THAT(text, HasSubstr("Consultation généraliste (G)"));
  EXPECT_THAT(text, HasSubstr(testing::Shown(E(1900))));                 // RO of the G
  EXPECT_THAT(text, HasSubstr(testing::Shown(E(3000 + 590 + 2600 + 1250))));  // total frais réels 74,40 €
  EXPECT_THAT(text, HasSubstr("Montant versé par votre mutuelle : " + testing::Shown(E(900 + 236 + 1040))));
  EXPECT_THAT(text, HasSubstr("Forfait contraception de l'année déjà utilisé."));
  EXPECT_THAT(text, HasSubstr("Page 1/1"));
  EXPECT_THAT(text, HasSubstr("ORIAS sous le n° 07 001 007"));
  EXPECT_THAT(text, HasSubstr("SIRET 414 357 889 00040"));
  EXPECT_THAT(text, HasSubstr("reclamationscpms@cpms.fr"));
}

TEST(Decompte, TiersPayantSaysTheProfessionalWasPaidNotTheMember) {
  DecompteModel m = Model(2);
  m.professionnel_paye = "BONNET (n° 596349779)";
  auto letter = testing::MakeGenerator().Decompte(m);
  ASSERT_TRUE(letter.ok()) << letter.status().ToString();
  const std::string text = testing::PdfText(testing::WriteTemp("decompte_tiers_payant.pdf", letter->pdf));
  EXPECT_THAT(text, HasSubstr("par virement à BONNET (n° 596349779)"));
  EXPECT_THAT(text, HasSubstr("dispensé de l'avance des frais"));
  EXPECT_THAT(text, Not(HasSubstr("sur votre compte")));
}

TEST(Decompte, NirAndIbanAreMasked) {
  auto generator = testing::MakeGenerator();
  auto letter = generator.Decompte(Model(2));
  ASSERT_TRUE(letter.ok()) << letter.status().ToString();
  const std::string text = testing::PdfText(testing::WriteTemp("d.pdf", letter->pdf));
  EXPECT_THAT(text, Not(HasSubstr("295109912611193")));
  EXPECT_THAT(text, Not(HasSubstr("30006000011234567890")));
  EXPECT_THAT(text, HasSubstr("2 95 10 •• ••• ••• ••"));
  EXPECT_THAT(text, HasSubstr("FR76 •••• •••• 0189"));
}

TEST(Decompte, FrenchCharactersSurviveAndFontsAreEmbedded) {
  auto generator = testing::MakeGenerator();
  DecompteModel m = Model(2);
  m.adherent.name = "M. Jérôme « Œuvré » GARÇON";
  m.lignes[0].acte = "Consultation à l'hôpital – cœur";
  auto letter = generator.Decompte(m);
  ASSERT_TRUE(letter.ok()) << letter.status().ToString();
  const std::string path = testing::WriteTemp("accents.pdf", letter->pdf);
  const std::string text = testing::PdfText(path);
  EXPECT_THAT(text, HasSubstr("M. Jérôme « Œuvré » GARÇON"));
  EXPECT_THAT(text, HasSubstr("Consultation à l'hôpital – cœur"));
  EXPECT_THAT(text, HasSubstr("30,00 €"));  // pdftotext prints the no-break space as a space
  std::string fonts;
  EXPECT_TRUE(testing::AllFontsEmbedded(path, &fonts)) << fonts;
  EXPECT_THAT(fonts, HasSubstr("DejaVuSans"));
  EXPECT_THAT(fonts, Not(HasSubstr("Syntax Warning")));  // a well-formed ToUnicode CMap
  const auto check = testing::QpdfCheck(path);
  EXPECT_EQ(check.exit_code, 0) << check.out;
}

TEST(Decompte, SixtyLinesBreakAcrossPagesWithTheHeaderRepeated) {
  auto generator = testing::MakeGenerator();
  auto letter = generator.Decompte(Model(60));
  ASSERT_TRUE(letter.ok()) << letter.status().ToString();
  EXPECT_GE(letter->pages, 2);
  const std::string path = testing::WriteTemp("soixante.pdf", letter->pdf);
  const std::string page2 = testing::PdfText(path, 2, 2);
  EXPECT_THAT(page2, HasSubstr("Frais réels"));
  EXPECT_THAT(page2, HasSubstr("Reste à charge"));
  EXPECT_THAT(page2, HasSubstr("Page 2/" + std::to_string(letter->pages)));
  EXPECT_THAT(page2, HasSubstr("Décompte de remboursement n° D2025-0912-000341"));  // running header
  // Every line made it: 15 G consultations at 19,00 € RO each.
  const std::string all = testing::PdfText(path);
  size_t count = 0;
  for (size_t at = all.find("Consultation généraliste (G)"); at != std::string::npos;
       at = all.find("Consultation généraliste (G)", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 15u);
  EXPECT_EQ(testing::QpdfCheck(path).exit_code, 0);
}

TEST(Decompte, FixedClockGivesByteIdenticalFiles) {
  auto first = testing::MakeGenerator();
  auto a = first.Decompte(Model(10));
  auto b = first.Decompte(Model(10));  // the reused libharu handle
  auto c = testing::MakeGenerator().Decompte(Model(10));
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(a->pdf, b->pdf);
  EXPECT_EQ(a->pdf, c->pdf);
  auto later = testing::MakeGenerator({D(2025, 9, 13), 8, 30, 0}).Decompte(Model(10));
  ASSERT_TRUE(later.ok());
  EXPECT_NE(a->pdf, later->pdf);
}

// Letters whose glyphs are all in generators/fonts/cached_glyphs.txt embed a
// font program saved once per generator; a name outside it (Ł, Ș) makes
// that letter embed its own subset, and the next letter is back to the
// cached one, unchanged.
TEST(Decompte, GlyphOutsideTheCachedSetIsEmbeddedAndLeavesLaterLettersUnchanged) {
  auto generator = testing::MakeGenerator();
  const auto before = generator.Decompte(Model(3));
  DecompteModel unusual = Model(3);
  unusual.adherent.name = "M. Łukasz ȘERBAN";
  const auto odd = generator.Decompte(unusual);
  const auto after = generator.Decompte(Model(3));
  ASSERT_TRUE(before.ok() && odd.ok() && after.ok()) << odd.status().ToString();
  EXPECT_EQ(before->pdf, after->pdf);
  // Its own subset holds only the glyphs drawn (~70), the cached program
  // all of Latin-1 (~200): over 10 kB smaller, though its text is longer.
  EXPECT_LT(odd->pdf.size() + 10000, before->pdf.size());
  const std::string path = testing::WriteTemp("lukasz.pdf", odd->pdf);
  EXPECT_THAT(testing::PdfText(path), HasSubstr("M. Łukasz ȘERBAN"));
  std::string fonts;
  EXPECT_TRUE(testing::AllFontsEmbedded(path, &fonts)) << fonts;
  EXPECT_EQ(testing::QpdfCheck(path).exit_code, 0);
  const std::string usual = testing::WriteTemp("usual.pdf", after->pdf);
  EXPECT_TRUE(testing::AllFontsEmbedded(usual, &fonts)) << fonts;
  EXPECT_THAT(fonts, Not(HasSubstr("Syntax")));
  EXPECT_EQ(testing::QpdfCheck(usual).exit_code, 0);
}

TEST(Decompte, OneGeneratorPerThreadGivesTheSameBytes) {
  const DecompteModel model = Model(10);
  const std::string expected = testing::MakeGenerator().Decompte(model).value().pdf;
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&results, &model, t] {
      auto generator = testing::MakeGenerator();
      for (int i = 0; i < 5; ++i) results[t] = generator.Decompte(model).value().pdf;
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& pdf : results) EXPECT_EQ(pdf, expected);
}

TEST(Decompte, MetadataCarriesTitleAuthorSubjectAndCreationDate) {
  auto letter = testing::MakeGenerator().Decompte(Model(3));
  ASSERT_TRUE(letter.ok());
  auto summary = InspectPdf(letter->pdf);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->pages, 1);
  EXPECT_EQ(summary->title, "Décompte de remboursement n° D2025-0912-000341");
  EXPECT_EQ(summary->author, "CPMS – Centre de Prévoyance Médico-Sociale");
  EXPECT_THAT(summary->subject, HasSubstr("paiement du 12/09/2025"));
  const auto info = testing::Run("pdfinfo -isodates '" + testing::WriteTemp("m.pdf", letter->pdf) + "'");
  EXPECT_THAT(info.out, HasSubstr("2025-09-12T08:30:00"));
  EXPECT_THAT(info.out, HasSubstr("A4"));
}

TEST(Decompte, ZeroLineWithoutExplanationIsRefused) {
  DecompteModel m = Model(4);
  m.lignes[3].explication.clear();
  auto letter = testing::MakeGenerator().Decompte(m);
  EXPECT_THAT(letter, StatusIs(StatusCode::kInvalidArgument,
                               HasSubstr("ligne 4 : la mutuelle ne verse rien et l'explication manque")));
}

TEST(Decompte, LineThatDoesNotAddUpIsRefused) {
  DecompteModel m = Model(2);
  m.lignes[1].reste_a_charge = E(99);
  auto letter = testing::MakeGenerator().Decompte(m);
  EXPECT_THAT(letter, StatusIs(StatusCode::kInvalidArgument,
                               AllOf(HasSubstr("ligne 2 : Sécurité sociale + mutuelle + reste à charge"),
                                     HasSubstr("≠ frais réels"))));
}

TEST(Decompte, InvalidNirIsRefused) {
  DecompteModel m = Model(2);
  m.nir = "295109912611199";
  EXPECT_THAT(testing::MakeGenerator().Decompte(m),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("NIR de l'adhérent: NIR « 295109912611199 » : clé 99")));
}

TEST(Decompte, CharacterOutsideTheFontFailsNamingIt) {
  DecompteModel m = Model(2);
  m.adherent.name = "Mme Жанна PETROVA";
  auto letter = testing::MakeGenerator().Decompte(m);
  EXPECT_THAT(letter, StatusIs(StatusCode::kInvalidArgument,
                               HasSubstr("le caractère U+0416 n'existe pas dans la police des courriers")));
}

TEST(Decompte, GeneratorStaysUsableAfterAFailedLetter) {
  auto generator = testing::MakeGenerator();
  DecompteModel bad = Model(2);
  bad.adherent.name = "Mme Жанна PETROVA";
  ASSERT_THAT(generator.Decompte(bad), StatusIs(StatusCode::kInvalidArgument, HasSubstr("U+0416")));
  auto again = generator.Decompte(Model(2));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->pdf, testing::MakeGenerator().Decompte(Model(2)).value().pdf);
}

TEST(Decompte, WordWiderThanItsColumnIsBrokenNotOverlapping) {
  DecompteModel m = Model(2);
  m.lignes[0].beneficiaire = "Marie-Christine-Alexandrine-Bénédicte";
  auto letter = testing::MakeGenerator().Decompte(m);
  ASSERT_TRUE(letter.ok()) << letter.status().ToString();
  // pdftotext -bbox gives each word's box: none of the pieces may reach the
  // "Acte" column (x ≥ 48 + 52 + 62 = 162 pt).
  const std::string path = testing::WriteTemp("long.pdf", letter->pdf);
  const std::string boxes = testing::Run("pdftotext -bbox '" + path + "' -").out;
  size_t pieces = 0;
  for (size_t at = boxes.find("<word "); at != std::string::npos; at = boxes.find("<word ", at + 1)) {
    const size_t end = boxes.find("</word>", at);
    const std::string word = boxes.substr(at, end - at);
    const std::string text = word.substr(word.find('>') + 1);
    const std::string name = "Marie-Christine-Alexandrine-Bénédicte";
    if (text.size() < 4 || text == "Marie" || name.find(text) == std::string::npos) continue;
    const size_t xmax = word.find("xMax=\"");
    ASSERT_NE(xmax, std::string::npos);
    EXPECT_LT(std::stod(word.substr(xmax + 6)), 162.0) << word;
    ++pieces;
  }
  EXPECT_GE(pieces, 2u);
}

}  // namespace
}  // namespace liasse::generators
