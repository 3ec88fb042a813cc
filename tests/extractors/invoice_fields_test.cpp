// An invoice's fields where no label of the data names them, or where a
// second reading settles a doubt: the number by its shape in the head,
// the total by the lines it adds up.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "liasse/extractors/extract.h"
#include "document_checks.h"
#include "page_builder.h"

namespace liasse::extractors {
namespace {

using testing::Flagged;
using testing::PageBuilder;
using testing::T;

// An optician's invoice (its patient unnamed) whose head holds `head` (one row at 45 mm), one
// line of 42,80 and a total row `total` read with OCR confidence
// `total_confidence`.
PageBuilder Invoice(const std::string& head, const std::string& total, float total_confidence = 95) {
  PageBuilder p;
  p.Text(20, 20, "Optique Belair");
  p.Text(90, 32, "FACTURE", 95, 5);
  p.Text(20, 45, head);
  p.Text(20, 70, "Date");
  p.Text(50, 70, "Désignation");
  p.Text(170, 70, "Montant");
  p.Text(20, 78, "07/02/2024");
  p.Text(50, 78, "Monture acétate");
  p.Text(170, 78, "42,80");
  p.Text(120, 95, total, total_confidence);
  return p;
}

// Whether `d` says its invoice paid (nullopt when the field is absent).
std::optional<bool> Paid(const Document& d) {
  const auto it = d.fields.find("acquittee");
  return it == d.fields.end() ? std::nullopt : it->second.boolean();
}

TEST(InvoiceFields, TheOneReferenceShapedNumberOfTheHeadIsTheInvoicesNumberFlagged) {
  // "Pièce émise" is in no data file; the member's number is another field's.
  const Document d =
      testing::ReadSingle(Invoice("Pièce émise 9161008   N° adhérent : A12345678", "Total TTC : 42,80").Build(), DocumentType::kFacture);
  EXPECT_EQ(T(d, "numero_facture"), "9161008");
  EXPECT_TRUE(Flagged(d, "numero_facture"));
  EXPECT_EQ(T(d, "numero_adherent"), "A12345678");
}

TEST(InvoiceFields, TwoReferenceShapedNumbersInTheHeadLeaveTheInvoicesNumberToReview) {
  const Document d = testing::ReadSingle(Invoice("Pièce émise 9161008   Mutuelle A12345678", "Total TTC : 42,80").Build(),
                                         DocumentType::kFacture);
  EXPECT_EQ(T(d, "numero_facture"), "<absent>");
  EXPECT_TRUE(Flagged(d, "numero_facture"));
}

TEST(InvoiceFields, ATotalReadWithADoubtThatTheLinesAddUpToStandsUnflagged) {
  const Document d = testing::ReadSingle(Invoice("Réf. 2024-70344", "Total TTC : 42,80", 60).Build(), DocumentType::kFacture);
  EXPECT_EQ(T(d, "montant_total"), "42.80");
  EXPECT_FALSE(Flagged(d, "montant_total"));
}

TEST(InvoiceFields, ATotalReadWithADoubtThatTheLinesDoNotAddUpToStaysFlagged) {
  const Document d = testing::ReadSingle(Invoice("Réf. 2024-70344", "Total TTC : 48,80", 60).Build(), DocumentType::kFacture);
  EXPECT_EQ(T(d, "montant_total"), "48.80");
  EXPECT_TRUE(Flagged(d, "montant_total"));
}

TEST(InvoiceFields, ANumberAfterALabelOnlyLikeTheDatasThatIsTheHeadsOneReferenceStands) {
  // "Fact. n°" is one of the data's wordings abridged: its role is in doubt,
  // but the number is the one reference the head prints.
  const Document d = testing::ReadSingle(Invoice("Fact. n° : 9161008   N° adhérent : A12345678", "Total TTC : 42,80").Build(),
                                         DocumentType::kFacture);
  EXPECT_EQ(T(d, "numero_facture"), "9161008");
  EXPECT_FALSE(Flagged(d, "numero_facture"));
}

TEST(InvoiceFields, ANumberAfterALabelOnlyLikeTheDatasBesideAnotherReferenceStaysFlagged) {
  const Document d = testing::ReadSingle(Invoice("Fact. n° : 9161008   Dossier 55120874", "Total TTC : 42,80").Build(),
                                         DocumentType::kFacture);
  EXPECT_EQ(T(d, "numero_facture"), "9161008");
  EXPECT_TRUE(Flagged(d, "numero_facture"));
}

TEST(InvoiceFields, APatientAfterALabelOnlyLikeTheDatasWithABirthDateBesideStands) {
  // "Nom pat." is the data's "Nom du patient" abridged: its role is in
  // doubt, but the one person with a birth date on an invoice is its patient.
  PageBuilder p = Invoice("Réf. 2024-70344", "Total TTC : 42,80");
  p.Text(20, 58, "Nom pat. : BRUN Gérard");
  p.Text(100, 58, "06/07/1960");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFacture);
  EXPECT_EQ(T(d, "beneficiaire.nom"), "BRUN");
  EXPECT_EQ(T(d, "beneficiaire.prenom"), "Gérard");
  EXPECT_FALSE(Flagged(d, "beneficiaire.nom"));
  EXPECT_FALSE(Flagged(d, "beneficiaire.prenom"));
}

TEST(InvoiceFields, APatientAfterALabelOnlyLikeTheDatasWithoutABirthDateStaysFlagged) {
  PageBuilder p = Invoice("Réf. 2024-70344", "Total TTC : 42,80");
  p.Text(20, 58, "Nom pat. : BRUN Gérard");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFacture);
  EXPECT_EQ(T(d, "beneficiaire.nom"), "BRUN");
  EXPECT_TRUE(Flagged(d, "beneficiaire.nom"));
}

TEST(InvoiceFields, AnInvoicePaidWhoseTotalIsLabelledToBePaidIsPaid) {
  // "Total à régler" names the total; "Réglée le" says it was paid.
  PageBuilder p = Invoice("Réf. 2024-70344", "Total à régler : 42,80");
  p.Text(20, 110, "Réglée le 10/02/2024");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFacture);
  EXPECT_EQ(Paid(d), std::optional<bool>(true));
  EXPECT_FALSE(Flagged(d, "acquittee"));
}

TEST(InvoiceFields, AnInvoiceSaidPaidWithABalanceLineApartFromItsTotalGoesToReview) {
  PageBuilder p = Invoice("Réf. 2024-70344", "Total TTC : 42,80");
  p.Text(120, 102, "Reste à régler : 42,80");
  p.Text(20, 110, "Réglée le 10/02/2024");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFacture);
  EXPECT_TRUE(Flagged(d, "acquittee"));
}

TEST(InvoiceFields, AStampWithADateUnderTheLinesInWordsOfNoFileSaysPaidFlagged) {
  // "Solde versé le" is in no data file.
  PageBuilder p = Invoice("Réf. 2024-70344", "Total TTC : 42,80");
  p.Text(20, 110, "Solde versé le : 10/02/2024");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFacture);
  EXPECT_EQ(Paid(d), std::optional<bool>(true));
  EXPECT_TRUE(Flagged(d, "acquittee"));
}

TEST(InvoiceFields, TheTotalRepeatedUnderTheLinesInWordsOfNoFileSaysOwedFlagged) {
  // "Montant à verser" is in no data file: a balance line.
  PageBuilder p = Invoice("Réf. 2024-70344", "Total TTC : 42,80");
  p.Text(120, 110, "Montant à verser 42,80");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFacture);
  EXPECT_EQ(Paid(d), std::optional<bool>(false));
  EXPECT_TRUE(Flagged(d, "acquittee"));
}

TEST(InvoiceFields, AnInvoiceTitledPaidWhoseTotalIsRepeatedAsABalanceGoesToReview) {
  PageBuilder p = Invoice("Réf. 2024-70344", "Total TTC : 42,80");
  p.Text(80, 38, "Facture acquittée");
  p.Text(120, 110, "Montant à verser 42,80");
  const Document d = testing::ReadSingle(p.Build(), DocumentType::kFacture);
  EXPECT_TRUE(Flagged(d, "acquittee"));
}

}  // namespace
}  // namespace liasse::extractors
