// The partner's address read on a bordereau: the heading block that is the
// partner's own letterhead (it names the partner the header gives), found by
// geometry and the shape of a postal code, whatever its wording.
#include <string>

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

// A bordereau under `heading` (rows at 12 mm, 5 mm apart, from the left
// margin), its header naming the partner "Claire DUVAL" n° AM 977990555.
Document ReadBordereau(const std::vector<std::string>& heading, double heading_x = 18) {
  PageBuilder p;
  double y = 12;
  for (const auto& row : heading) {
    p.Text(heading_x, y, row);
    y += 5;
  }
  p.Text(40, 60, "BORDEREAU RÉCAPITULATIF DES FACTURES", 95, 4.5)
      .Text(18, 75, "Partenaire de santé : Claire DUVAL")
      .Text(120, 75, "Identifiant : 977990555")
      .Text(18, 82, "N° de lot : 042")
      .Text(120, 82, "Date de constitution : 26/09/2025")
      .Text(18, 100, "N° facture")
      .Text(45, 100, "NIR")
      .Text(95, 100, "Nom")
      .Text(125, 100, "Total")
      .Text(150, 100, "Part AMO")
      .Text(175, 100, "Part AMC")
      .Text(18, 107, "123456789", 93, 2.6)
      .Text(45, 107, "2 85 07 75 115 042 30", 93, 2.6)
      .Text(95, 107, "MARTIN", 93, 2.6)
      .Text(125, 107, "25,20", 93, 2.6)
      .Text(150, 107, "15,12", 93, 2.6)
      .Text(175, 107, "10,08", 93, 2.6);
  const auto docs = ExtractDocuments({p.Build()}, nullptr, Options());
  EXPECT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs.front().type, DocumentType::kBordereau);
  return docs.front();
}

TEST(Letterhead, ThePartnersOwnLetterheadGivesItsPostalAddress) {
  const Document d = ReadBordereau({"Claire DUVAL", "Infirmière diplômée d'État", "4 impasse des Lilas",
                                    "33000 BORDEAUX", "Tél. : 05 56 00 00 00"});
  EXPECT_EQ(T(d, "partenaire.adresse"), "4 impasse des Lilas, 33000 BORDEAUX");
  EXPECT_FALSE(Flagged(d, "partenaire.adresse"));
}

TEST(Letterhead, AStampedBlockNamingThePartnerByItsNumberAloneIsItsLetterhead) {
  // The letterhead prints a trade name, not the partner's own; its n° AM
  // ties it to the partner. Street and commune on two rows, right side.
  const Document d = ReadBordereau({"CABINET DES LILAS", "Résidence Les Pins, bât. 2", "12 allée Fleming",
                                    "97110 POINTE-A-PITRE", "N° AM 977990555"}, 120);
  EXPECT_EQ(T(d, "partenaire.adresse"), "Résidence Les Pins, bât. 2, 12 allée Fleming, 97110 POINTE-A-PITRE");
}

TEST(Letterhead, AProfessionBetweenTheNameAndTheStreetIsNotPartOfTheAddress) {
  const Document d = ReadBordereau({"Claire DUVAL", "Masseur-kinésithérapeute D.E.", "Lieu-dit Kerbihan",
                                    "29000 QUIMPER"});
  EXPECT_EQ(T(d, "partenaire.adresse"), "Lieu-dit Kerbihan, 29000 QUIMPER");
}

TEST(Letterhead, AnotherBlockAtTheTopGivesNoAddressAndNoFlag) {
  // The organisme's address heads the page: it is not the partner's.
  const Document d = ReadBordereau({"CPMS Gestion", "10 rue de la Paix", "75002 PARIS"});
  EXPECT_EQ(d.Find("partenaire.adresse"), nullptr);
  EXPECT_FALSE(Flagged(d, "partenaire.adresse"));
}

TEST(Letterhead, ALetterheadWithoutPostalCodeGivesNoAddress) {
  const Document d = ReadBordereau({"Claire DUVAL", "Infirmière diplômée d'État", "Tél. : 05 56 00 00 00"});
  EXPECT_EQ(d.Find("partenaire.adresse"), nullptr);
}

}  // namespace
}  // namespace liasse::extractors
