// Members' letters (réclamation, renonciation): the sender's e-mail put back
// together from the OCR's words, the letter's date told from a sentence of
// the body printed in capitals by the sender's commune, and the date of
// souscription read across a row's end or, in a wording of no data file, by
// elimination (flagged).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "document_checks.h"
#include "liasse/extractors/extract.h"
#include "page_builder.h"

namespace liasse::extractors {
namespace {

using testing::Flagged;
using testing::Options;
using testing::PageBuilder;
using testing::T;

// Rows at the left margin from `y` mm down, 6 mm apart.
PageBuilder& Rows(PageBuilder& p, double y, const std::vector<std::string>& rows) {
  for (const auto& row : rows) {
    p.Text(18, y, row);
    y += 6;
  }
  return p;
}

// The one document of page `p`, of type `type`.
Document ReadOne(const PageBuilder& p, DocumentType type) {
  const auto docs = ExtractDocuments({p.Build()}, nullptr, Options());
  EXPECT_EQ(docs.size(), 1u);
  if (docs.empty()) return Document{};
  EXPECT_EQ(docs.front().type, type);
  return docs.front();
}

// A renunciation letter: the sender's block `sender` at the top left, the
// insurer's block at the right, then the rows of `body` 6 mm apart.
Document ReadRenonciation(const std::vector<std::string>& sender, const std::vector<std::string>& body) {
  PageBuilder p;
  Rows(p, 20, sender)
      .Text(110, 56, "GFM")
      .Text(110, 62, "Service commercial - Pôle individuel")
      .Text(110, 68, "10, rue du 4 Septembre")
      .Text(110, 74, "75089 Paris cedex 2")
      .Text(18, 90, "Lettre recommandée avec accusé de réception")
      .Text(18, 98, "Objet : droit de renonciation");
  return ReadOne(Rows(p, 110, body), DocumentType::kRenonciation);
}

// A complaint: the sender's block `sender`, the insurer's, then one sentence.
Document ReadReclamation(const std::vector<std::string>& sender) {
  PageBuilder p;
  Rows(p, 20, sender)
      .Text(110, 62, "CPMS")
      .Text(110, 68, "Service réclamations")
      .Text(110, 74, "5, rue Geoffroy Marie")
      .Text(110, 80, "75009 PARIS")
      .Text(18, 92, "LYON, le 8 décembre 2023")
      .Text(18, 100, "Objet : réclamation, double prélèvement de cotisation")
      .Text(18, 112, "Madame, Monsieur, ma cotisation a été prélevée deux fois. Je conteste ce prélèvement.");
  return ReadOne(p, DocumentType::kReclamation);
}

const std::vector<std::string> kSender = {"Chloé SIMON", "99 impasse Victor Hugo", "69003 LYON"};

TEST(Letters, AnAddressTheOcrSplitAfterADotIsPutBackTogether) {
  const Document d = ReadReclamation({"Chloé SIMON", "99 impasse Victor Hugo", "69003 LYON", "E-mail chloe. simon78@free.fr"});
  EXPECT_EQ(T(d, "email"), "chloe.simon78@free.fr");
}

TEST(Letters, ADomainWhoseLastDotTheOcrLostGetsItBackFlagged) {
  const Document d = ReadReclamation({"Chloé SIMON", "99 impasse Victor Hugo", "69003 LYON", "Mail : chloe.simon78@wanadoofr"});
  EXPECT_EQ(T(d, "email"), "chloe.simon78@wanadoo.fr");
  EXPECT_TRUE(Flagged(d, "email"));
}

TEST(Letters, TheLettersDateIsTheRowNamingTheSendersCommuneNotASentenceInCapitals) {
  const Document d = ReadRenonciation(
      {"CHLOE SIMON", "99 IMPASSE VICTOR HUGO", "69003 LYON"},
      {"JE SOUSSIGNEE CHLOE SIMON, J'ANNULE LE CONTRAT CPMS SANTE PASS 4 OPTION", "CONFORT SIGNE LE 13 DECEMBRE 2024.",
       "A LYON LE 18 DECEMBRE 2024"});
  EXPECT_EQ(T(d, "date"), "2024-12-18");
  EXPECT_EQ(T(d, "lieu"), "LYON");
  EXPECT_FALSE(Flagged(d, "date"));
}

TEST(Letters, TwoPlaceAndDateRowsNeitherNamingTheSendersCommuneAreFlagged) {
  const Document d = ReadRenonciation(
      {"CHLOE SIMON", "99 IMPASSE VICTOR HUGO", "69003 LYON"},
      {"JE SOUSSIGNEE CHLOE SIMON, J'ANNULE LE CONTRAT CPMS SANTE PASS 4 OPTION", "CONFORT SIGNE LE 13 DECEMBRE 2024.",
       "A VILLEURBANNE LE 18 DECEMBRE 2024"});
  EXPECT_TRUE(Flagged(d, "date"));
  EXPECT_TRUE(Flagged(d, "lieu"));
}

TEST(Letters, ASouscriptionDateTheRowsEndCutFromItsLabelFollowsIt) {
  const Document d = ReadRenonciation(kSender, {"Par la présente, je renonce à l'adhésion au contrat CPMS Santé PASS 5 souscrite le",
                                                "18/09/2025. Je demande le remboursement des sommes versées.",
                                                "LYON, le 10 octobre 2025"});
  EXPECT_EQ(T(d, "date_souscription"), "2025-09-18");
  EXPECT_FALSE(Flagged(d, "date_souscription"));
  EXPECT_EQ(T(d, "date"), "2025-10-10");
}

TEST(Letters, InAWordingOfNoFileTheOneDateBeforeTheLettersIsTheSouscriptionFlagged) {
  const Document d = ReadRenonciation(kSender, {"Je vous écris pour renoncer au contrat CPMS Santé PASS 2 que j'ai pris le 04/04/2024.",
                                                "À LYON, le 10/04/2024"});
  EXPECT_EQ(T(d, "date_souscription"), "2024-04-04");
  EXPECT_TRUE(Flagged(d, "date_souscription"));
}

TEST(Letters, TwoEarlierDatesInAWordingOfNoFileLeaveTheSouscriptionUnread) {
  const Document d = ReadRenonciation(kSender, {"Je renonce au contrat CPMS Santé PASS 2 que j'ai pris le 04/04/2024,",
                                                "payé une première fois le 05/04/2024.", "À LYON, le 10/04/2024"});
  EXPECT_EQ(T(d, "date_souscription"), "<absent>");
  EXPECT_TRUE(Flagged(d, "date_souscription"));
}

}  // namespace
}  // namespace liasse::extractors
