// Signature places whose label is in no wording of the form (signature_role.h):
// found by geometry under or beside a short label, given to a signer by the
// words of its role sections or by elimination beside the other signature,
// never guessed; in several placements (framed, dotted, open), signed and
// blank.
#include "signature_role.h"

#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ink_drawing.h"
#include "page_builder.h"
#include "signature.h"

namespace liasse::extractors::internal {
namespace {

using testing::PageBuilder;
using testing::Printed;
using testing::Sign;

// A form whose signature wordings are "Signature du praticien" and
// "Signature du patient"; its sections name the signers.
FormSpec Form() {
  auto form = FormCatalogue::Parse(R"toml(type = "feuille_de_soins"
[classification]
titles = ["Feuille de soins"]
[sections]
beneficiaire = ["Personne recevant les soins", "Malade"]
assure = ["Assuré(e)", "Identification de l'assuré"]
praticien = ["Praticien", "Identification du praticien", "Auxiliaire médical"]
[fields."signature.praticien"]
labels = ["Signature du praticien"]
kind = "signature"
roles = ["praticien"]
[fields."signature.patient"]
labels = ["Signature du patient"]
kind = "signature"
roles = ["beneficiaire", "assure"]
[fields.impossibilite_signer]
labels = ["Impossibilité de signer"]
kind = "checkbox"
)toml",
                                   "essai.toml");
  EXPECT_TRUE(form.ok()) << form.status().ToString();
  return form.ok() ? *form : FormSpec{};
}

// Two signature places side by side at 100 mm, labelled `left` and `right`,
// drawn as `placement` (box, dotted, open), a printed row above and below.
PageBuilder Page(const std::string& left, const std::string& right, const std::string& placement) {
  PageBuilder p;
  p.WithRaster();
  Printed(p, 20, 80, "Montant total des honoraires 45,60");
  Printed(p, 20, 100, left);
  Printed(p, 110, 100, right);
  for (const double x : {20.0, 110.0}) {
    if (placement == "box") p.Rect(x, 102, 80, 22);
    if (placement == "dotted") {
      for (double dx = 2; dx < 78; dx += 1.2) p.Stroke(x + dx, 120, x + dx + 0.1, 120, 0.25);
    }
  }
  Printed(p, 20, 135, "Cadre réservé à l'organisme");
  return p;
}

struct Reading {
  std::vector<std::optional<SignatureLabel>> labels;
  std::vector<std::string> texts;  // the label's words, "" when unknown
  std::vector<std::optional<Signed>> verdicts;
};

Reading Read(const OcrPage& page, const FormSpec& form) {
  const PageView v(page);
  const std::vector<const FieldSpec*> fields = {form.Field("signature.praticien"), form.Field("signature.patient")};
  const auto printed = PrintedWordBoxes(v);
  Reading out;
  out.labels = SignatureLabels(v, form, fields, printed);
  for (const auto& l : out.labels) {
    std::vector<int> ids;
    for (int i = l ? l->first : 1; l && i <= l->last; ++i) ids.push_back(i);
    out.texts.push_back(v.Join(ids));
    if (!l) {
      out.verdicts.push_back(std::nullopt);
      continue;
    }
    Signed verdict = Signed::kBlank;
    for (const Box& zone : SignatureZones(v, l->first, l->last)) {
      const auto r = ReadSignature(page.ink, zone, printed, v.mm(), v.word_height());
      if (r.verdict == Signed::kSigned) verdict = Signed::kSigned;
    }
    out.verdicts.push_back(verdict);
  }
  return out;
}

TEST(SignatureRole, AnUnknownLabelHoldingASectionWordOfItsSignerIsThatSignersPlace) {
  const FormSpec form = Form();
  for (const std::string placement : {"box", "dotted", "open"}) {
    PageBuilder p = Page("VISA DE L'AUXILIAIRE MÉDICAL", "PARAPHE DU MALADE", placement);
    Sign(p, "loops", 116, 106, 50, 12);
    const Reading r = Read(p.Build(), form);
    ASSERT_TRUE(r.labels[0] && r.labels[1]) << placement;
    EXPECT_EQ(r.texts[0], "VISA DE L'AUXILIAIRE MÉDICAL") << placement;
    EXPECT_EQ(r.texts[1], "PARAPHE DU MALADE") << placement;
    EXPECT_FALSE(r.labels[0]->by_wording);
    EXPECT_EQ(r.verdicts[0], Signed::kBlank) << placement;
    EXPECT_EQ(r.verdicts[1], Signed::kSigned) << placement;
  }
}

TEST(SignatureRole, TheUnknownPlaceBesideAKnownSignatureIsTheOtherSigners) {
  const FormSpec form = Form();
  for (const std::string placement : {"box", "dotted", "open"}) {
    // "EXÉCUTANT" is in no wording and no section: the patient's label, known, tells it.
    PageBuilder p = Page("VISA DE L'EXÉCUTANT", "Signature du patient", placement);
    Sign(p, "zigzag", 26, 106, 50, 12);
    const Reading r = Read(p.Build(), form);
    ASSERT_TRUE(r.labels[0] && r.labels[1]) << placement;
    EXPECT_EQ(r.texts[0], "VISA DE L'EXÉCUTANT") << placement;
    EXPECT_TRUE(r.labels[1]->by_wording);
    EXPECT_EQ(r.verdicts[0], Signed::kSigned) << placement;
    EXPECT_EQ(r.verdicts[1], Signed::kBlank) << placement;
  }
}

TEST(SignatureRole, TwoPlacesNamingNoSignerAreUnknownNeverGuessed) {
  const FormSpec form = Form();
  PageBuilder p = Page("VISA DE L'EXÉCUTANT", "VISA", "box");
  Sign(p, "paraphe", 26, 106, 50, 12);
  const Reading r = Read(p.Build(), form);
  EXPECT_FALSE(r.labels[0].has_value());
  EXPECT_FALSE(r.labels[1].has_value());
}

TEST(SignatureRole, TwoPlacesBesideTheKnownOneLeaveTheOtherUnknown) {
  const FormSpec form = Form();
  PageBuilder p;
  p.WithRaster();
  Printed(p, 20, 80, "Montant total des honoraires 45,60");
  Printed(p, 15, 100, "VISA");
  Printed(p, 80, 100, "CACHET");
  Printed(p, 140, 100, "Signature du patient");
  Printed(p, 20, 135, "Cadre réservé à l'organisme");
  const Reading r = Read(p.Build(), form);
  EXPECT_FALSE(r.labels[0].has_value());
  ASSERT_TRUE(r.labels[1].has_value());
  EXPECT_TRUE(r.labels[1]->by_wording);
}

TEST(SignatureRole, ASectionHeadingWithItsFieldsBelowIsNoPlaceToSign) {
  // "MALADE" heads the patient's identity: printed rows under it, no blank place.
  const FormSpec form = Form();
  PageBuilder p;
  p.WithRaster();
  Printed(p, 20, 40, "MALADE");
  Printed(p, 20, 46, "Nom et prénom MARTIN Sophie");
  Printed(p, 20, 52, "Date de naissance 12/07/1985");
  Printed(p, 20, 100, "Signature du praticien");
  Printed(p, 20, 135, "Cadre réservé à l'organisme");
  Sign(p, "loops", 26, 106, 50, 12);
  const Reading r = Read(p.Build(), form);
  ASSERT_TRUE(r.labels[0].has_value());
  EXPECT_EQ(r.verdicts[0], Signed::kSigned);
  EXPECT_FALSE(r.labels[1].has_value());
}

TEST(SignatureRole, ACheckBoxPhraseNamingTheSignerIsNoPlaceToSign) {
  // The box of "malade ne pouvant signer" stands where a signature could;
  // its phrase names the patient but is the box's, not a place to sign.
  const FormSpec form = Form();
  PageBuilder p;
  p.WithRaster();
  Printed(p, 20, 80, "Montant total des honoraires 45,60");
  Printed(p, 20, 100, "Signature du praticien");
  p.Rect(110, 97.5, 3.5, 3.5);
  Printed(p, 116, 100, "malade ne pouvant signer");
  Printed(p, 20, 135, "Cadre réservé à l'organisme");
  const Reading r = Read(p.Build(), form);
  ASSERT_TRUE(r.labels[0].has_value());
  EXPECT_FALSE(r.labels[1].has_value());
}

// A feuille whose signer words stand on more places than the places to
// sign: a heading "Assuré(e)" over a blank (its fields unread by the OCR),
// "N° du praticien" over the blank beside its value, and, `pairs` times
// (the first at 100 mm, then 20 mm higher), "Le praticien :" and
// "Le patient :" side by side.
PageBuilder SignersNamedTwice(int pairs) {
  PageBuilder p;
  p.WithRaster();
  Printed(p, 20, 20, "Assuré(e)");
  Printed(p, 110, 45, "N° du praticien : 316761949");
  Printed(p, 20, 45, "Nom et prénom : MORIN Thomas");
  Printed(p, 20, 60, "Cotation Montant Date Coef");
  for (int k = 0; k < pairs; ++k) {
    const double y = 100 + 40 * k;
    Printed(p, 20, y, "Le praticien :");
    Printed(p, 110, y, "Le patient :");
  }
  Printed(p, 20, 100 + 40 * pairs, "Cadre réservé à l'organisme");
  return p;
}

TEST(SignatureRole, SignersNamedOnSeveralPlacesSignOnTheOneRowTheyShare) {
  const FormSpec form = Form();
  PageBuilder p = SignersNamedTwice(1);
  Sign(p, "zigzag", 116, 106, 50, 12);
  const Reading r = Read(p.Build(), form);
  ASSERT_TRUE(r.labels[0] && r.labels[1]);
  EXPECT_EQ(r.texts[0], "Le praticien :");
  EXPECT_EQ(r.texts[1], "Le patient :");
  EXPECT_FALSE(r.labels[0]->by_wording);
  EXPECT_FALSE(r.labels[1]->by_wording);
  EXPECT_EQ(r.verdicts[0], Signed::kBlank);
  EXPECT_EQ(r.verdicts[1], Signed::kSigned);
}

TEST(SignatureRole, TwoRowsWhereTheSignersCouldSignLeaveThemUnknown) {
  const FormSpec form = Form();
  PageBuilder p = SignersNamedTwice(2);
  Sign(p, "zigzag", 116, 106, 50, 12);
  const Reading r = Read(p.Build(), form);
  EXPECT_FALSE(r.labels[0].has_value());
  EXPECT_FALSE(r.labels[1].has_value());
}

TEST(SignatureRole, DistinctWordsLeaveOutTheWordsBothSignersShare) {
  const FormSpec form = Form();
  const std::vector<const FieldSpec*> fields = {form.Field("signature.praticien"), form.Field("signature.patient")};
  const auto praticien = DistinctWords(form, *fields[0], fields);
  const auto patient = DistinctWords(form, *fields[1], fields);
  for (const auto* shared : {"signature", "identification"}) {
    EXPECT_EQ(std::count(praticien.begin(), praticien.end(), shared), 0) << shared;
    EXPECT_EQ(std::count(patient.begin(), patient.end(), shared), 0) << shared;
  }
  EXPECT_EQ(std::count(praticien.begin(), praticien.end(), "auxiliaire"), 1);
  EXPECT_EQ(std::count(patient.begin(), patient.end(), "malade"), 1);
  EXPECT_EQ(std::count(patient.begin(), patient.end(), "assure"), 1);
}

}  // namespace
}  // namespace liasse::extractors::internal
