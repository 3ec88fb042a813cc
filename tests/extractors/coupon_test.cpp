// The "décomptes par mail" coupon of seed 000 (document type coupon_email),
// read from data/forms/coupon_email.toml alone: hand-made OCR pages in the
// seed's wording, the synthetic families' placements, wordings in no data
// file, hand-written readings, the NIR in boxes, the mutuelle's own address
// in the guide around it, and a coupon sent with a feuille de soins.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "liasse/extractors/extract.h"
#include "document_checks.h"
#include "page_builder.h"

namespace liasse::extractors {
namespace {

using testing::Options;
using testing::T;
using testing::Flagged;

using testing::PageBuilder;

constexpr const char* kNir = "2 85 07 75 115 042 30";  // key 30 passes
constexpr const char* kNirRead = "285077511504230";

std::string ReasonOf(const Document& d, const std::string& field) {
  for (const auto& f : d.review) {
    if (f.field == field) return f.reason;
  }
  return "";
}

// The labels and values of one coupon, and where they stand.
struct CouponText {
  std::string title = "LES DECOMPTES PAR MAIL";
  std::string societe_label = "Société", societe = "Transports Lemaire";
  std::string nom_label = "Nom", nom = "DUPONT";
  std::string prenom_label = "Prénom", prenom = "Marie";
  std::string nir_label = "N° Sécurité Sociale", nir = kNir;
  std::string email_label = "Adresse mail", email = "marie.dupont75@orange.fr";
  bool below = false;         // each value under its label (family 2), else right of it
  bool guide_above = true;    // the guide's paragraph with the mutuelle's own address
  float value_confidence = 95;
};

// The coupon as the seed prints it: the title, the instructions, the guide's
// sentence that gives the mutuelle's address, then the five fields.
PageBuilder Coupon(const CouponText& c) {
  PageBuilder p;
  if (c.guide_above) {
    p.Text(18, 20, "Vous pouvez également nous transmettre votre adresse par mail à : dcommercial@cpms.fr", 95, 2.5);
  }
  p.Text(18, 40, c.title, 95, 5);
  p.Text(18, 50, "Il vous suffit de nous renvoyer ce coupon lors de votre prochain envoi de feuilles de soins.", 95, 2.5);
  const std::vector<std::pair<std::string, std::string>> rows = {{c.societe_label, c.societe},
                                                                 {c.nom_label, c.nom},
                                                                 {c.prenom_label, c.prenom},
                                                                 {c.nir_label, c.nir},
                                                                 {c.email_label, c.email}};
  double y = 65;
  for (const auto& [label, value] : rows) {
    p.Text(18, y, label);
    if (!value.empty()) {
      if (c.below) p.Text(18, y + 6, value, c.value_confidence);
      else p.Text(75, y, value, c.value_confidence);
    }
    y += c.below ? 14 : 9;
  }
  return p;
}

// The member's fields of Coupon({}) read right.
void ExpectMemberRead(const Document& d) {
  EXPECT_EQ(d.type, DocumentType::kCouponEmail);
  EXPECT_EQ(T(d, "nom"), "DUPONT");
  EXPECT_EQ(T(d, "prenom"), "Marie");
  EXPECT_EQ(T(d, "nir"), kNirRead);
  EXPECT_EQ(T(d, "email"), "marie.dupont75@orange.fr");
}

Document ReadOne(const OcrPage& page, RegionReader* reader = nullptr) {
  const auto docs = ExtractDocuments({page}, reader, Options());
  EXPECT_EQ(docs.size(), 1u);
  return docs.empty() ? Document{} : docs.front();
}

TEST(CouponEmail, ReadsEveryFieldOfTheSeedsCouponAndNotTheMutuellesAddress) {
  const Document d = ReadOne(Coupon({}).Build());
  ExpectMemberRead(d);
  EXPECT_EQ(T(d, "societe"), "Transports Lemaire");
  EXPECT_TRUE(d.review.empty()) << d.review.front().field << " : " << d.review.front().reason;
}

TEST(CouponEmail, ValuesBelowTheirLabelsAreRead) {
  CouponText c;
  c.title = "DÉCOMPTES PAR E-MAIL";
  c.societe_label = "ENTREPRISE";
  c.nom_label = "NOM DE L'ASSURÉ";
  c.prenom_label = "PRÉNOMS";
  c.nir_label = "N° SS";
  c.email_label = "ADRESSE E-MAIL";
  c.below = true;
  ExpectMemberRead(ReadOne(Coupon(c).Build()));
}

TEST(CouponEmail, TwoLabelsOnOneRowAreNotEachOthersValues) {
  // "NOM DE L'ASSURÉ" and "PRÉNOM" side by side, the hand's values under them.
  PageBuilder p;
  p.Text(18, 40, "DÉCOMPTES PAR E-MAIL", 95, 5)
      .Text(18, 50, "Coupon à nous retourner avec vos prochaines feuilles de remboursement.", 95, 2.5)
      .Text(18, 62, "ENTREPRISE")
      .Text(18, 68, "Transports Lemaire")
      .Text(18, 80, "NOM DE L'ASSURÉ")
      .Text(110, 80, "PRÉNOM")
      .Text(18, 86, "DUPONT")
      .Text(110, 86, "Marie")
      .Text(18, 98, "ADRESSE E-MAIL")
      .Text(18, 104, "marie.dupont75@orange.fr");
  const Document d = ReadOne(p.Build());
  EXPECT_EQ(d.type, DocumentType::kCouponEmail);
  EXPECT_EQ(T(d, "nom"), "DUPONT");
  EXPECT_EQ(T(d, "prenom"), "Marie");
  EXPECT_EQ(T(d, "societe"), "Transports Lemaire");
}

TEST(CouponEmail, WordingsInNoDataFileAreReadByTheirCloseWordings) {
  // None of these strings is in data/forms or data/synth/wording.toml.
  CouponText c;
  c.title = "Recevez désormais vos décomptes par mail";
  c.societe_label = "Société qui vous emploie";
  c.nom_label = "Nom de l'adhérente";
  c.prenom_label = "Prénom usuel";
  c.nir_label = "N° de sécurité sociale de l'assurée";
  c.email_label = "E-mail personnel :";
  c.guide_above = false;
  ExpectMemberRead(ReadOne(Coupon(c).Build()));
}

TEST(CouponEmail, AHandWrittenAddressSplitAtItsAtSignIsMendedAndFlagged) {
  // Hand-written: low confidence, the '@' read as '©' and cut from the words.
  CouponText c;
  c.email = "marie.dupont75 © orange.fr";
  c.value_confidence = 62;
  const Document d = ReadOne(Coupon(c).Build());
  EXPECT_EQ(T(d, "email"), "marie.dupont75@orange.fr");
  EXPECT_TRUE(Flagged(d, "email"));
}

TEST(CouponEmail, AnAddressUnderALabelInNoDataFileIsTakenByItsShapeAndFlagged) {
  // "Pour vous joindre" is no wording of the data, nor close to one; the
  // guide's own address stands in a sentence and is no candidate.
  CouponText c;
  c.email_label = "Pour vous joindre";
  const Document d = ReadOne(Coupon(c).Build());
  EXPECT_EQ(T(d, "email"), "marie.dupont75@orange.fr");
  EXPECT_NE(ReasonOf(d, "email").find("sans son libellé"), std::string::npos) << ReasonOf(d, "email");
}

TEST(CouponEmail, AnAddressThatCannotBeOneIsNotSetAndSaysWhy) {
  CouponText c;
  c.email = "marie.dupont75@orange";
  const Document d = ReadOne(Coupon(c).Build());
  EXPECT_EQ(T(d, "email"), "<absent>");
  EXPECT_NE(ReasonOf(d, "email").find("domaine sans point"), std::string::npos) << ReasonOf(d, "email");
}

TEST(CouponEmail, ABlankAddressBoxNeverTakesTheGuidesAddress) {
  CouponText c;
  c.email = "";
  const Document d = ReadOne(Coupon(c).Build());
  EXPECT_EQ(d.type, DocumentType::kCouponEmail);
  EXPECT_EQ(T(d, "email"), "<absent>");
  EXPECT_TRUE(Flagged(d, "email"));
}

TEST(CouponEmail, ANirWithAWrongKeyIsKeptAsReadAndFlagged) {
  CouponText c;
  c.nir = "2 85 07 75 115 042 31";
  const Document d = ReadOne(Coupon(c).Build());
  EXPECT_EQ(T(d, "nir"), "285077511504231");
  EXPECT_TRUE(Flagged(d, "nir"));
}

// Answers each box's re-read with the digit of `nir` at that box (boxes 5 mm
// wide from `x0_mm`), as Tesseract does on a box's interior.
class BoxByBoxReader : public RegionReader {
 public:
  BoxByBoxReader(std::string nir, double x0_mm) : nir_(std::move(nir)), x0_mm_(x0_mm) {}
  Result<RegionText> Reread(int, const Box& box, RegionKind) override {
    const double mm = 300 / 25.4;
    const auto i = static_cast<size_t>((box.x / mm - x0_mm_) / 5);
    if (i >= nir_.size()) return Status::NotFound("hors des cases");
    return RegionText{std::string(1, nir_[i]), 96};
  }

 private:
  std::string nir_;
  double x0_mm_;
};

// Fifteen boxes 5 mm wide and 6 mm high from (`x0`, `top`) mm on the
// page's raster, each holding a stroke of ink.
void NirBoxes(PageBuilder& p, double x0, double top) {
  p.WithRaster();
  for (int i = 0; i < 15; ++i) {
    const double left = x0 + 5 * i;
    p.Rect(left, top, 5, 6).Stroke(left + 2.5, top + 1.5, left + 2.5, top + 4.5, 0.4);
  }
}

TEST(CouponEmail, ANirWrittenInBoxesIsReadBoxByBox) {
  CouponText c;
  c.nir = "";
  c.guide_above = false;
  PageBuilder p = Coupon(c);
  // The boxes right of the label (y 92 mm), the OCR of the line garbled by
  // their rules; each box holds a stroke of ink.
  const double x0 = 75;
  NirBoxes(p, x0, 87);
  p.Text(75, 92, "|2|8|5|O|7|7|5|l|1|5|O|4|2|3|", 60);
  BoxByBoxReader reader(kNirRead, x0);
  const Document d = ReadOne(p.Build(), &reader);
  EXPECT_EQ(T(d, "nir"), kNirRead);
}

TEST(CouponEmail, ANirInBoxesWhoseRulesReadAsOnesUnderAWordingOfNoFileIsReadBoxByBox) {
  // The OCR read each box's rule as a '1': one long word of digits only.
  CouponText c;
  c.nir = "";
  c.nir_label = "Identifiant social";
  c.guide_above = false;
  PageBuilder p = Coupon(c);
  const double x0 = 75;
  NirBoxes(p, x0, 87);
  p.Text(75, 92, "12181510171715111151014121311", 60);
  BoxByBoxReader reader(kNirRead, x0);
  const Document d = ReadOne(p.Build(), &reader);
  EXPECT_EQ(T(d, "nir"), kNirRead) << ReasonOf(d, "nir");
}

TEST(CouponEmail, ANirInBoxesUnderItsLabelIsReadBoxByBox) {
  // A label in the corner of its cell, the boxes under it (family 1's
  // printing, here with a wording of no data file).
  CouponText c;
  c.nir = "";
  c.nir_label = "Numéro de sécurité sociale de l'adhérent";
  c.below = true;
  c.guide_above = false;
  PageBuilder p = Coupon(c);
  const double x0 = 19;  // the label stands at y 107 mm (65 + 3 rows of 14)
  NirBoxes(p, x0, 108.5);
  p.Text(19, 113.5, "Lilolalols|slalif7l2l2l2lo] [315]", 40);
  BoxByBoxReader reader(kNirRead, x0);
  const Document d = ReadOne(p.Build(), &reader);
  EXPECT_EQ(T(d, "nir"), kNirRead) << ReasonOf(d, "nir");
  EXPECT_EQ(T(d, "email"), "marie.dupont75@orange.fr");
}

TEST(CouponEmail, ACouponSentWithAFeuilleIsItsOwnDocumentAndLeavesTheFeuilleWhole) {
  PageBuilder feuille(0);
  feuille.Text(60, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(18, 25, "Actes effectués par un auxiliaire médical")
      .Text(18, 40, "Assuré(e) Nom et prénom MARTIN Paul")
      .Text(18, 48, "N° d'immatriculation 1 69 02 99 350 111 01");
  CouponText c;
  PageBuilder coupon = Coupon(c);
  OcrPage second = coupon.Build();
  second.index = 1;
  const auto docs = ExtractDocuments({feuille.Build(), second}, nullptr, Options());
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].type, DocumentType::kFeuilleDeSoins);
  EXPECT_EQ(docs[0].pages, std::vector<int>{0});
  EXPECT_EQ(docs[1].type, DocumentType::kCouponEmail);
  EXPECT_EQ(docs[1].pages, std::vector<int>{1});
  EXPECT_EQ(T(docs[1], "email"), "marie.dupont75@orange.fr");
  EXPECT_FALSE(docs[0].Find("email") != nullptr);
}

}  // namespace
}  // namespace liasse::extractors
