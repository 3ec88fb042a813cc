// Ink fields of a feuille de soins read end to end (ExtractDocuments with
// the repository's data/forms) on a layout whose signature and check box
// wordings are in no data file: places found by geometry, signers told by
// their section words or beside the other signature, the box by the words
// of its phrase; unknown → review, never a guess.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "document_checks.h"
#include "ink_drawing.h"
#include "liasse/extractors/extract.h"
#include "page_builder.h"

namespace liasse::extractors {
namespace {

using testing::Flagged;
using testing::Options;
using testing::PageBuilder;
using testing::Printed;
using testing::Sign;

struct InkLayout {
  std::string praticien_label, patient_label, box_phrase;
  std::string placement = "box";  // box, dotted, open
  bool praticien_signed = false, patient_signed = false, ticked = false;
  bool struck = false;  // the practitioner's line struck through
};

// A feuille in capitals, its acts in a table, the signature places side by
// side at 200 mm, the box under the patient's, an "ACCIDENT" box ticked
// higher up (a box of no ink field).
OcrPage Feuille(const InkLayout& k) {
  PageBuilder p;
  p.WithRaster();
  Printed(p, 15, 18, "FEUILLE DE SOINS", 4);
  Printed(p, 110, 30, "N° FACTURE 884201");
  Printed(p, 15, 40, "PATIENT(E)");
  Printed(p, 15, 47, "NOM BERNARD");
  Printed(p, 80, 47, "PRÉNOM Lucie");
  Printed(p, 140, 47, "NÉ(E) LE 03/02/1961");
  Printed(p, 15, 58, "ASSURÉ");
  Printed(p, 15, 65, "NOM BERNARD");
  Printed(p, 80, 65, "PRÉNOM Lucie");
  Printed(p, 15, 72, "N° SS 2 61 02 75 115 042 30");
  Printed(p, 15, 84, "PRATICIEN");
  Printed(p, 15, 91, "NOM ROUX Marc");
  Printed(p, 110, 91, "N° AM 971123450");
  if (k.struck) p.Stroke(13, 89.8, 62, 89.4, 0.45);
  p.Rect(15, 100, 3.5, 3.5);
  Printed(p, 21, 103, "ACCIDENT DU TRAVAIL");
  p.Stroke(15.4, 100.4, 18.1, 103.1, 0.45).Stroke(18.1, 100.4, 15.4, 103.1, 0.45);
  Printed(p, 15, 115, "DATE");
  Printed(p, 50, 115, "ACTE");
  Printed(p, 90, 115, "COEF");
  Printed(p, 150, 115, "MONTANT");
  Printed(p, 15, 122, "05/06/2025");
  Printed(p, 50, 122, "AMI");
  Printed(p, 90, 122, "4");
  Printed(p, 150, 122, "12,60");
  Printed(p, 15, 128, "06/06/2025");
  Printed(p, 50, 128, "AMI");
  Printed(p, 90, 128, "4");
  Printed(p, 150, 128, "12,60");
  Printed(p, 110, 140, "TOTAL 25,20");
  Printed(p, 15, 200, k.praticien_label);
  Printed(p, 105, 200, k.patient_label);
  for (const double x : {15.0, 105.0}) {
    if (k.placement == "box") p.Rect(x, 202, 85, 24);
    if (k.placement == "dotted") {
      for (double dx = 2; dx < 83; dx += 1.2) p.Stroke(x + dx, 223, x + dx + 0.1, 223, 0.25);
    }
  }
  if (k.praticien_signed) Sign(p, "paraphe", 20, 206, 50, 14);
  if (k.patient_signed) Sign(p, "zigzag", 110, 206, 50, 14);
  p.Rect(105, 230, 4, 4);
  if (k.ticked) p.Stroke(105.4, 230.4, 108.6, 233.6, 0.45).Stroke(108.6, 230.4, 105.4, 233.6, 0.45);
  Printed(p, 112, 233.5, k.box_phrase);
  return p.Build();
}

Document Read(const InkLayout& k) {
  const auto docs = ExtractDocuments({Feuille(k)}, nullptr, Options());
  EXPECT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs.empty() ? DocumentType::kAutre : docs[0].type, DocumentType::kFeuilleDeSoins);
  return docs.empty() ? Document{} : docs[0];
}

TEST(InkFields, SignaturesUnderLabelsInNoWordingAreReadByTheirSignersWords) {
  for (const std::string placement : {"box", "dotted", "open"}) {
    for (const bool praticien : {false, true}) {
      InkLayout k{"VISA DU PRATICIEN EXÉCUTANT", "PARAPHE DU MALADE", "IMPOSSIBILITÉ DE SIGNER", placement};
      k.praticien_signed = praticien;
      k.patient_signed = !praticien;
      const Document d = Read(k);
      EXPECT_EQ(d.Flag("signature.praticien"), praticien) << placement;
      EXPECT_EQ(d.Flag("signature.patient"), !praticien) << placement;
      EXPECT_FALSE(Flagged(d, "signature.praticien")) << placement;
      EXPECT_FALSE(Flagged(d, "signature.patient")) << placement;
    }
  }
}

TEST(InkFields, TheSignatureBesideAKnownOneIsTheOtherSigners) {
  InkLayout k{"VISA DE L'EXÉCUTANT", "SIGNATURE DU PATIENT", "IMPOSSIBILITÉ DE SIGNER"};
  k.praticien_signed = true;
  const Document d = Read(k);
  EXPECT_EQ(d.Flag("signature.praticien"), true);
  EXPECT_EQ(d.Flag("signature.patient"), false);
  EXPECT_FALSE(Flagged(d, "signature.praticien"));
}

TEST(InkFields, SignaturesWhoseSignerNothingTellsGoToReview) {
  InkLayout k{"VISA 1", "VISA 2", "IMPOSSIBILITÉ DE SIGNER"};
  k.praticien_signed = k.patient_signed = true;
  const Document d = Read(k);
  for (const char* field : {"signature.praticien", "signature.patient"}) {
    EXPECT_EQ(d.Find(field), nullptr) << field;
    EXPECT_TRUE(Flagged(d, field)) << field;
  }
}

TEST(InkFields, TheBoxBesideAPhraseInNoWordingIsReadByItsWords) {
  // "signer", "impossible": words of the field's labels that no other field's
  // label holds; the ticked "ACCIDENT DU TRAVAIL" box is not it.
  for (const std::string phrase : {"MALADE NE POUVANT SIGNER", "SIGNATURE IMPOSSIBLE"}) {
    for (const bool ticked : {false, true}) {
      InkLayout k{"SIGNATURE DU PRATICIEN", "SIGNATURE DU PATIENT", phrase};
      k.ticked = ticked;
      const Document d = Read(k);
      EXPECT_EQ(d.Flag("impossibilite_signer"), ticked) << phrase;
      EXPECT_FALSE(Flagged(d, "impossibilite_signer")) << phrase;
    }
  }
}

TEST(InkFields, ABoxBesideAPhraseOfNoWordOfTheFieldGoesToReview) {
  InkLayout k{"SIGNATURE DU PRATICIEN", "SIGNATURE DU PATIENT", "CASE À COCHER SI BESOIN"};
  k.ticked = true;
  const Document d = Read(k);
  EXPECT_EQ(d.Find("impossibilite_signer"), nullptr);
  EXPECT_TRUE(Flagged(d, "impossibilite_signer"));
}

TEST(InkFields, AStruckFeuilleGoesToAPersonAndACleanOneIsNotRaturee) {
  // Its rows, the ticked "ACCIDENT" box and its table are no crossing.
  InkLayout k{"SIGNATURE DU PRATICIEN", "SIGNATURE DU PATIENT", "IMPOSSIBILITÉ DE SIGNER"};
  const Document clean = Read(k);
  EXPECT_EQ(clean.Flag("raturee"), false);
  EXPECT_FALSE(Flagged(clean, "raturee"));
  // A stroke through a line of a feuille is never decided by the reader:
  // absent and flagged, the lot rule holds the invoice for a person.
  k.struck = true;
  const Document struck = Read(k);
  EXPECT_EQ(struck.Find("raturee"), nullptr);
  EXPECT_TRUE(Flagged(struck, "raturee"));
}

}  // namespace
}  // namespace liasse::extractors
