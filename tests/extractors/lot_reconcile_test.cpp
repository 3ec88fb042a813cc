// The cross-checks of a B2 lot: feuille de soins ↔ bordereau line matching,
// a doubtful reading settled by the other document, disagreements flagged.
#include "lot_reconcile.h"

#include <gtest/gtest.h>

#include "document_checks.h"
#include "liasse/core/identifiers.h"

#include <algorithm>
#include <filesystem>
#include <string>

namespace liasse::extractors::internal {
namespace {

using testing::T;

Field TextField(const std::string& v) {
  Field f;
  f.value = v;
  f.page = 1;
  return f;
}

const ReviewFlag* FlagOf(const Document& d, const std::string& field, std::optional<int> line = std::nullopt) {
  const auto it = std::find_if(d.review.begin(), d.review.end(), [&](const ReviewFlag& f) { return f.field == field && f.line == line; });
  return it == d.review.end() ? nullptr : &*it;
}

std::string L(const Document& d, int line, const std::string& column) {
  const std::string* s = d.lines[static_cast<size_t>(line)].Find(column);
  return s ? *s : "<absent>";
}

// A bordereau (page 0) with two lines, and the feuille of the second (page 1):
// RIVIERE Jean born 05/01/1963, NIR 163015935027234, 52.80 €.
struct Lot {
  std::vector<Document> docs;
  Document& bordereau() { return docs[0]; }
  Document& feuille() { return docs[1]; }
};

Lot MakeLot() {
  Document b;
  b.type = DocumentType::kBordereau;
  b.pages = {0};
  b.fields["lot.date"] = TextField("2024-01-29");
  Line other;
  other.values = {{"numero_facture", "747387700"}, {"nir", "294079201263971"}, {"nom", "ROBERT"}, {"prenom", "Léa"},
                  {"date_naissance", "1994-07-24"}, {"montant_total", "37.80"}, {"montant_amo", "22.68"}, {"montant_amc", "15.12"}};
  Line line;
  line.values = {{"numero_facture", "747387719"}, {"nir", "163015935027234"}, {"nom", "RIVIERE"}, {"prenom", "Jean"},
                 {"date_naissance", "1963-01-05"}, {"montant_total", "52.80"}, {"montant_amo", "31.68"}, {"montant_amc", "21.12"}};
  b.lines = {other, line};
  Document f;
  f.type = DocumentType::kFeuilleDeSoins;
  f.pages = {1};
  for (const auto& [k, v] : std::map<std::string, std::string>{{"numero_facture", "747387719"}, {"assure.nir", "163015935027234"},
                                                               {"assure.nom", "RIVIERE"}, {"assure.prenom", "Jean"},
                                                               {"beneficiaire.nom", "RIVIERE"}, {"beneficiaire.prenom", "Jean"},
                                                               {"beneficiaire.date_naissance", "1963-01-05"}, {"montant_total", "52.80"}}) {
    f.fields[k] = TextField(v);
  }
  Line act1, act2;
  act1.values = {{"montant", "26.40"}};
  act2.values = {{"montant", "26.40"}};
  f.lines = {act1, act2};
  return Lot{{b, f}};
}

TEST(LotReconcile, AFeuilleIsMatchedToItsLineByNirNameAndTotalWhenItsNumberIsUnreadable) {
  Lot lot = MakeLot();
  lot.feuille().fields.erase("numero_facture");
  lot.feuille().review.push_back({"numero_facture", std::nullopt, "numéro illisible (9 chiffres attendus) : « 7473877199 »"});
  const auto pairs = MatchFeuillesToLines(lot.docs);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].line, 1);
  ReconcileLot(lot.docs);
  EXPECT_EQ(T(lot.feuille(), "numero_facture"), "747387719");
  ASSERT_NE(FlagOf(lot.feuille(), "numero_facture"), nullptr);
  EXPECT_NE(FlagOf(lot.feuille(), "numero_facture")->reason.find("repris du bordereau"), std::string::npos);
}

TEST(LotReconcile, APartialNirOnTheFeuilleIsFilledFromTheLineAndStaysFlagged) {
  Lot lot = MakeLot();
  lot.feuille().fields.erase("assure.nir");
  lot.feuille().review.push_back({"assure.nir", std::nullopt, "NIR incomplet (moins de 15 caractères lus) : « 63 61 59 358 272 34 »"});
  ReconcileLot(lot.docs);
  EXPECT_EQ(T(lot.feuille(), "assure.nir"), "163015935027234");
  const ReviewFlag* flag = FlagOf(lot.feuille(), "assure.nir");
  ASSERT_NE(flag, nullptr);
  EXPECT_NE(flag->reason.find("illisible sur la feuille"), std::string::npos) << flag->reason;
  // Read on the bordereau's page, not the feuille's.
  EXPECT_EQ(lot.feuille().Find("assure.nir")->page, 0);
}

TEST(LotReconcile, ANirMissingOnTheFeuilleStaysAbsent) {
  // Nothing read where the NIR goes: the feuille is incomplete (FDS_INCOMPLETE).
  Lot lot = MakeLot();
  lot.feuille().fields.erase("assure.nir");
  lot.feuille().review.push_back({"assure.nir", std::nullopt, "non lu : champ introuvable ou illisible"});
  ReconcileLot(lot.docs);
  EXPECT_EQ(T(lot.feuille(), "assure.nir"), "<absent>");
}

TEST(LotReconcile, APartialReadingFarFromTheLineIsNotFilled) {
  Lot lot = MakeLot();
  lot.feuille().fields.erase("assure.nir");
  lot.feuille().review.push_back({"assure.nir", std::nullopt, "NIR incomplet (moins de 15 caractères lus) : « 94 68 13 205 955 91 »"});
  ReconcileLot(lot.docs);
  EXPECT_EQ(T(lot.feuille(), "assure.nir"), "<absent>");
}

TEST(LotReconcile, TwoUnflaggedTotalsThatDisagreeAreFlaggedOnBothSidesAndKept) {
  Lot lot = MakeLot();
  lot.bordereau().lines[1].values["montant_total"] = "60.40";
  ReconcileLot(lot.docs);
  EXPECT_EQ(T(lot.feuille(), "montant_total"), "52.80");
  EXPECT_EQ(L(lot.bordereau(), 1, "montant_total"), "60.40");
  EXPECT_NE(FlagOf(lot.feuille(), "montant_total"), nullptr);
  EXPECT_NE(FlagOf(lot.bordereau(), "montant_total", 1), nullptr);
}

TEST(LotReconcile, ADoubtfulLineTotalIsReplacedOnlyWhenAmoPlusAmcMakeTheFeuilleTotal) {
  Lot lot = MakeLot();
  lot.bordereau().lines[1].values["montant_total"] = "52.86";
  lot.bordereau().review.push_back({"montant_total", 1, "lu avec une confiance faible : à vérifier"});
  Lot mismatch = lot;
  mismatch.bordereau().lines[1].values["montant_amc"] = "21.72";
  ReconcileLot(lot.docs);
  ReconcileLot(mismatch.docs);
  EXPECT_EQ(L(lot.bordereau(), 1, "montant_total"), "52.80");
  EXPECT_NE(FlagOf(lot.bordereau(), "montant_total", 1), nullptr);
  EXPECT_EQ(L(mismatch.bordereau(), 1, "montant_total"), "52.86");
  EXPECT_NE(FlagOf(mismatch.feuille(), "montant_total"), nullptr);
}

TEST(LotReconcile, ABirthDateDisagreeingWithTheNirIsTakenFromTheLineThatAgrees) {
  Lot lot = MakeLot();
  lot.feuille().fields["beneficiaire.date_naissance"] = TextField("1969-01-05");
  ReconcileLot(lot.docs);
  EXPECT_EQ(T(lot.feuille(), "beneficiaire.date_naissance"), "1963-01-05");
  ASSERT_NE(FlagOf(lot.feuille(), "beneficiaire.date_naissance"), nullptr);
  EXPECT_EQ(FlagOf(lot.bordereau(), "date_naissance", 1), nullptr);
}

TEST(LotReconcile, ANirWhoseKeyAloneDiffersIsNeverOverwritten) {
  // A wrong key printed on the bordereau is an anomaly the lot rules report.
  Lot lot = MakeLot();
  lot.bordereau().lines[1].values["nir"] = "163015935027235";
  lot.bordereau().review.push_back({"nir", 1, "NIR de la ligne invalide (clé) : à vérifier"});
  ReconcileLot(lot.docs);
  EXPECT_EQ(L(lot.bordereau(), 1, "nir"), "163015935027235");
  EXPECT_NE(FlagOf(lot.feuille(), "assure.nir"), nullptr);
}

TEST(LotReconcile, ANumberGuessedFromARawReadingThatIsTheLinesNumberTakesTheLines) {
  // Both doubtful; the feuille's raw reading is the line's number with a digit doubled.
  Lot lot = MakeLot();
  lot.feuille().fields["numero_facture"] = TextField("747387190");
  lot.feuille().review.push_back({"numero_facture", std::nullopt, "un chiffre semble lu deux fois (« 7473877190 ») : à vérifier"});
  lot.bordereau().review.push_back({"numero_facture", 1, "lu avec une confiance faible : à vérifier"});
  Lot unrelated = lot;
  unrelated.feuille().review.back().reason = "un chiffre semble lu deux fois (« 7473871990 ») : à vérifier";
  ReconcileLot(lot.docs);
  ReconcileLot(unrelated.docs);
  EXPECT_EQ(T(lot.feuille(), "numero_facture"), "747387719");
  EXPECT_NE(FlagOf(lot.feuille(), "numero_facture"), nullptr);
  EXPECT_EQ(T(unrelated.feuille(), "numero_facture"), "747387190");
  EXPECT_EQ(L(unrelated.bordereau(), 1, "numero_facture"), "747387719");
}

TEST(LotReconcile, AnInvalidNirReadAlikeOnBothDocumentsIsTakenAsPrinted) {
  // The wrong key is on the paper: the feuille is not incomplete, its NIR is invalid.
  Lot lot = MakeLot();
  lot.bordereau().lines[1].values["nir"] = "163015935027235";
  lot.bordereau().review.push_back({"nir", 1, "NIR de la ligne invalide (clé) : à vérifier"});
  lot.feuille().fields.erase("assure.nir");
  lot.feuille().review.push_back({"assure.nir", std::nullopt, "NIR incomplet (moins de 15 caractères lus) : « 63 01 59 350 272 35 »"});
  Lot far = lot;
  far.feuille().review.back().reason = "NIR incomplet (moins de 15 caractères lus) : « 63 01 59 358 272 35 »";
  ReconcileLot(lot.docs);
  ReconcileLot(far.docs);
  EXPECT_EQ(T(lot.feuille(), "assure.nir"), "163015935027235");
  EXPECT_NE(FlagOf(lot.feuille(), "assure.nir"), nullptr);
  EXPECT_EQ(T(far.feuille(), "assure.nir"), "<absent>");
}

TEST(LotReconcile, AFeuilleThatNoLineNamesIsFlaggedAbsentFromTheBordereau) {
  Lot lot = MakeLot();
  lot.bordereau().lines.pop_back();
  ReconcileLot(lot.docs);
  ASSERT_NE(FlagOf(lot.feuille(), "numero_facture"), nullptr);
  EXPECT_NE(FlagOf(lot.feuille(), "numero_facture")->reason.find("absente du bordereau"), std::string::npos);
}

TEST(LotReconcile, ANirDisagreeingWithTheBirthDateOfTheSamePersonIsFlagged) {
  Lot lot = MakeLot();
  lot.docs.erase(lot.docs.begin());  // no bordereau: the feuille alone
  lot.docs[0].fields["beneficiaire.date_naissance"] = TextField("1964-01-05");
  ReconcileLot(lot.docs);
  EXPECT_NE(FlagOf(lot.docs[0], "assure.nir"), nullptr);
  EXPECT_NE(FlagOf(lot.docs[0], "beneficiaire.date_naissance"), nullptr);
  EXPECT_EQ(FlagOf(lot.docs[0], "numero_facture"), nullptr);
}

TEST(LotReconcile, ZerosReadAsDigitsWithABowlOnEitherDocumentAreSettledToZerosAndFlagged) {
  // A monospace font's dotted zeros: "747387719" printed 740387019 read
  // "748387019" on the bordereau and "740387619" on the feuille.
  Lot lot = MakeLot();
  lot.bordereau().lines[1].values["numero_facture"] = "748387019";
  lot.feuille().fields["numero_facture"] = TextField("740387619");
  ReconcileLot(lot.docs);
  EXPECT_EQ(T(lot.feuille(), "numero_facture"), "740387019");
  // Or both read a bowl, each a different one.
  Lot both = MakeLot();
  both.bordereau().lines[1].values["numero_facture"] = "748387019";
  both.feuille().fields["numero_facture"] = TextField("746387619");
  ReconcileLot(both.docs);
  EXPECT_EQ(T(both.feuille(), "numero_facture"), "740387019");
  EXPECT_EQ(L(lot.bordereau(), 1, "numero_facture"), "740387019");
  ASSERT_NE(FlagOf(lot.feuille(), "numero_facture"), nullptr);
  ASSERT_NE(FlagOf(lot.bordereau(), "numero_facture", 1), nullptr);
  EXPECT_NE(FlagOf(lot.bordereau(), "numero_facture", 1)->reason.find("740387619"), std::string::npos);
}

// The lot's numbering as a third witness: its invoices come from one
// billing software's counter. `other` is the other line's number; the
// feuille's number is read `on_feuille` and its line's `on_line`.
Lot LotNumbered(const std::string& other, const std::string& on_feuille, const std::string& on_line) {
  Lot lot = MakeLot();
  lot.bordereau().lines[0].values["numero_facture"] = other;
  lot.bordereau().lines[1].values["numero_facture"] = on_line;
  lot.feuille().fields["numero_facture"] = TextField(on_feuille);
  ReconcileLot(lot.docs);
  return lot;
}

TEST(LotReconcile, AZeroSettledNumberNextToTheLotsOtherInvoiceIsConfirmedByTheNumbering) {
  // "006629" or "000629": only 000629 lies next to the lot's 000630.
  Lot lot = LotNumbered("000630", "000629", "006629");
  EXPECT_EQ(T(lot.feuille(), "numero_facture"), "000629");
  EXPECT_EQ(L(lot.bordereau(), 1, "numero_facture"), "000629");
  EXPECT_EQ(FlagOf(lot.feuille(), "numero_facture"), nullptr);
  EXPECT_EQ(FlagOf(lot.bordereau(), "numero_facture", 1), nullptr);
  // A different bowl on each side: 000630, 000638 or 000636; only 000630
  // lies next to 000631.
  Lot bowls = LotNumbered("000631", "000638", "000636");
  EXPECT_EQ(T(bowls.feuille(), "numero_facture"), "000630");
  EXPECT_EQ(FlagOf(bowls.feuille(), "numero_facture"), nullptr);
}

TEST(LotReconcile, TheNumberingPointingToAnotherCandidateOrToADuplicateKeepsTheFlags) {
  // Next to 000634 lies 000636, not the settled 000630: the flags stay.
  Lot elsewhere = LotNumbered("000634", "000630", "000636");
  EXPECT_EQ(T(elsewhere.feuille(), "numero_facture"), "000630");
  EXPECT_NE(FlagOf(elsewhere.feuille(), "numero_facture"), nullptr);
  EXPECT_NE(FlagOf(elsewhere.bordereau(), "numero_facture", 1), nullptr);
  // The settled number is the other line's own: no witness.
  Lot duplicate = LotNumbered("000630", "000630", "006630");
  EXPECT_NE(FlagOf(duplicate.feuille(), "numero_facture"), nullptr);
  // Far from every other number: the flags stay.
  Lot far = LotNumbered("000900", "000629", "006629");
  EXPECT_NE(FlagOf(far.feuille(), "numero_facture"), nullptr);
}

TEST(LotReconcile, ANirWhoseZerosTheLineReadAsBowlsIsConfirmedByItsKey) {
  // The line read 163015935027234 with two dotted zeros as 6 and 8: its key
  // fails; of every number the two readings could stand for, only the
  // feuille's passes the key.
  ASSERT_FALSE(Nir::Parse("163615935827234").ok());
  Lot lot = MakeLot();
  lot.bordereau().lines[1].values["nir"] = "163615935827234";
  ReconcileLot(lot.docs);
  EXPECT_EQ(L(lot.bordereau(), 1, "nir"), "163015935027234");
  EXPECT_EQ(FlagOf(lot.bordereau(), "nir", 1), nullptr);
  // Another misreading than a zero's (a 3 read 8): taken from the feuille,
  // flagged as before.
  Lot other = MakeLot();
  other.bordereau().lines[1].values["nir"] = "163015985027234";
  ReconcileLot(other.docs);
  EXPECT_EQ(L(other.bordereau(), 1, "nir"), "163015935027234");
  EXPECT_NE(FlagOf(other.bordereau(), "nir", 1), nullptr);
}

TEST(LotReconcile, NumbersDifferingOtherwiseThanByAZeroAreFlaggedNotSettled) {
  Lot lot = MakeLot();
  lot.bordereau().lines[1].values["numero_facture"] = "748387019";
  lot.feuille().fields["numero_facture"] = TextField("740387519");  // a 5 is no zero misread
  ReconcileLot(lot.docs);
  EXPECT_EQ(T(lot.feuille(), "numero_facture"), "740387519");
  EXPECT_EQ(L(lot.bordereau(), 1, "numero_facture"), "748387019");
  EXPECT_NE(FlagOf(lot.feuille(), "numero_facture"), nullptr);
  EXPECT_NE(FlagOf(lot.bordereau(), "numero_facture", 1), nullptr);
}

ReviewFlag ReadingDoubt(const std::string& field, std::optional<int> line) {
  return {field, line, "lu avec une confiance faible : à vérifier", true};
}

TEST(LotReconcile, ALowConfidenceReadingIsSettledWhenTheOtherDocumentReadsTheSameValueConfidently) {
  Lot on_line = MakeLot();
  on_line.bordereau().review.push_back(ReadingDoubt("date_naissance", 1));
  Lot on_feuille = MakeLot();
  on_feuille.feuille().review.push_back(ReadingDoubt("assure.nir", std::nullopt));
  ReconcileLot(on_line.docs);
  ReconcileLot(on_feuille.docs);
  EXPECT_EQ(FlagOf(on_line.bordereau(), "date_naissance", 1), nullptr);
  EXPECT_EQ(FlagOf(on_feuille.feuille(), "assure.nir"), nullptr);
  EXPECT_EQ(L(on_line.bordereau(), 1, "date_naissance"), "1963-01-05");
}

TEST(LotReconcile, TwoDoubtfulReadingsThatAgreeStayFlagged) {
  // One font misread the same way twice is still a misreading.
  Lot lot = MakeLot();
  lot.bordereau().review.push_back(ReadingDoubt("numero_facture", 1));
  lot.feuille().review.push_back(ReadingDoubt("numero_facture", std::nullopt));
  ReconcileLot(lot.docs);
  EXPECT_NE(FlagOf(lot.bordereau(), "numero_facture", 1), nullptr);
  EXPECT_NE(FlagOf(lot.feuille(), "numero_facture"), nullptr);
}

TEST(LotReconcile, AnAgreementNeverSettlesWhatIsNotADoubtOfReading) {
  // A flag of the reader's checks (here a name it could not split) stays.
  Lot lot = MakeLot();
  lot.feuille().review.push_back({"assure.nom", std::nullopt, "nom en capitales introuvable : « Riviere Jean »"});
  Lot wrong_key = MakeLot();
  wrong_key.bordereau().lines[1].values["nir"] = "163015935027235";
  wrong_key.feuille().fields["assure.nir"] = TextField("163015935027235");
  wrong_key.bordereau().review.push_back(ReadingDoubt("nir", 1));
  ReconcileLot(lot.docs);
  ReconcileLot(wrong_key.docs);
  EXPECT_NE(FlagOf(lot.feuille(), "assure.nom"), nullptr);
  // Read alike, but the key fails: the value does not pass its checks.
  EXPECT_NE(FlagOf(wrong_key.bordereau(), "nir", 1), nullptr);
}

TEST(LotReconcile, TheInvoiceNumbersLengthComesFromTheFeuillesForm) {
  // The shipped form allows 4 to 12 digits: a six-digit number read alike
  // settles the line's doubt, a three-digit one does not pass.
  const auto& forms = DefaultForms(std::filesystem::path(LIASSE_SOURCE_DIR) / "data");
  ASSERT_TRUE(forms.ok()) << forms.status().message();
  Lot six = MakeLot(), three = MakeLot();
  for (auto [lot, number] : {std::pair{&six, "000629"}, std::pair{&three, "629"}}) {
    lot->bordereau().lines[1].values["numero_facture"] = number;
    lot->feuille().fields["numero_facture"] = TextField(number);
    lot->bordereau().review.push_back(ReadingDoubt("numero_facture", 1));
    ReconcileLot(lot->docs, &forms.value());
  }
  EXPECT_EQ(FlagOf(six.bordereau(), "numero_facture", 1), nullptr);
  EXPECT_NE(FlagOf(three.bordereau(), "numero_facture", 1), nullptr);
}

TEST(LotReconcile, ANumberOfAnotherLengthThanTheLotsIsTakenFromTheLine) {
  // Every line of the bordereau has nine digits: the feuille's "53129" (the
  // form's own number, S3129, misread as the invoice's) is not one of them.
  const auto& forms = DefaultForms(std::filesystem::path(LIASSE_SOURCE_DIR) / "data");
  ASSERT_TRUE(forms.ok()) << forms.status().message();
  Lot lot = MakeLot();
  lot.feuille().fields["numero_facture"] = TextField("53129");
  ReconcileLot(lot.docs, &forms.value());
  EXPECT_EQ(T(lot.feuille(), "numero_facture"), "747387719");
  ASSERT_NE(FlagOf(lot.feuille(), "numero_facture"), nullptr);
  EXPECT_NE(FlagOf(lot.feuille(), "numero_facture")->reason.find("repris du bordereau"), std::string::npos);
}

}  // namespace
}  // namespace liasse::extractors::internal

namespace liasse::extractors::internal {
namespace {

TEST(LotReconcile, ALengthEveryLineReadsWithDoubtIsNoLengthOfTheLot) {
  // The bordereau's font makes the OCR add a digit to every number, each
  // line in review: ten digits is no length of the lot, and the feuille's
  // nine stand (in review, the two readings differing).
  const auto& forms = DefaultForms(std::filesystem::path(LIASSE_SOURCE_DIR) / "data");
  ASSERT_TRUE(forms.ok()) << forms.status().message();
  Lot lot = MakeLot();
  lot.bordereau().lines[0].values["numero_facture"] = "7473877000";
  lot.bordereau().lines[1].values["numero_facture"] = "7473877119";
  lot.bordereau().review.push_back(ReadingDoubt("numero_facture", 0));
  lot.bordereau().review.push_back(ReadingDoubt("numero_facture", 1));
  lot.feuille().review.push_back({"numero_facture", std::nullopt, "libellé introuvable ; seul nombre de sa longueur en tête de page, son rôle est à vérifier"});
  ReconcileLot(lot.docs, &forms.value());
  EXPECT_EQ(T(lot.feuille(), "numero_facture"), "747387719");
  EXPECT_NE(FlagOf(lot.feuille(), "numero_facture"), nullptr);
  EXPECT_NE(FlagOf(lot.bordereau(), "numero_facture", 1), nullptr);
}

}  // namespace
}  // namespace liasse::extractors::internal
