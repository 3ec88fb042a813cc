// Form knowledge as data (data/forms): loading and its French errors,
// label matching whatever the printing, and forms read in wordings,
// placements and column orders the synthetic layouts do not use,
// including wordings that are in no data file.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "forms.h"
#include "labels.h"
#include "liasse/extractors/extract.h"
#include "document_checks.h"
#include "page_builder.h"
#include "page_view.h"
#include "table.h"

namespace liasse::extractors {
namespace {

using testing::L;
using testing::Options;
using testing::T;
using testing::Flagged;

using internal::FormCatalogue;
using testing::PageBuilder;

const char* kMinimal = R"(type = "bordereau"
[classification]
titles = ["Bordereau"]
)";

TEST(FormData, EveryDocumentTypeOfTheContractHasItsFile) {
  auto forms = FormCatalogue::Load(LIASSE_SOURCE_DIR "/data/forms");
  ASSERT_TRUE(forms.ok()) << forms.status().ToString();
  for (auto type : {DocumentType::kBordereau, DocumentType::kFeuilleDeSoins, DocumentType::kFacture, DocumentType::kPrescription,
                    DocumentType::kEntentePrealable, DocumentType::kAttestationDroits, DocumentType::kDecompteRo,
                    DocumentType::kDevis, DocumentType::kReclamation, DocumentType::kRenonciation, DocumentType::kCouponEmail}) {
    EXPECT_NE(forms->Of(type), nullptr) << DocumentTypeName(type);
  }
  EXPECT_TRUE(CheckFormData(LIASSE_SOURCE_DIR "/data").ok());
}

TEST(FormData, AMinimalFileLoads) {
  auto form = FormCatalogue::Parse(kMinimal, "essai.toml");
  ASSERT_TRUE(form.ok()) << form.status().ToString();
  EXPECT_EQ(form->type, DocumentType::kBordereau);
  ASSERT_EQ(form->cues.size(), 1u);
  EXPECT_TRUE(form->cues[0].title);
}

TEST(FormData, AnUnknownKindIsAnErrorNamingTheFileAndTheKey) {
  auto form = FormCatalogue::Parse(std::string(kMinimal) + "[fields.x]\nlabels = [\"X\"]\nkind = \"couleur\"\n", "essai.toml");
  ASSERT_FALSE(form.ok());
  EXPECT_EQ(form.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(form.status().message(), "essai.toml:6: fields.x.kind : nature de valeur inconnue « couleur »");
}

TEST(FormData, AnUnknownDocumentTypeIsAnError) {
  auto form = FormCatalogue::Parse("type = \"menu\"\n[classification]\ntitles = [\"Menu\"]\n", "menu.toml");
  ASSERT_FALSE(form.ok());
  EXPECT_EQ(form.status().message(), "menu.toml:1: type : type de document inconnu « menu »");
}

TEST(FormData, AMissingTitleListIsAnErrorNamingTheKey) {
  auto form = FormCatalogue::Parse("type = \"devis\"\n[classification]\ncues = [[\"Devis\", 3]]\n", "devis.toml");
  ASSERT_FALSE(form.ok());
  EXPECT_NE(form.status().message().find("devis.toml"), std::string::npos);
  EXPECT_NE(form.status().message().find("classification.titles : clé manquante"), std::string::npos);
}

TEST(FormData, ActRowsWithoutCodesAreAnErrorNamingTheKey) {
  auto form = FormCatalogue::Parse("type = \"feuille_de_soins\"\n[classification]\ntitles = [\"Feuille\"]\n"
                                   "[classification.act_rows]\nweight = 3\nmax_rows = 3\n",
                                   "feuille.toml");
  ASSERT_FALSE(form.ok());
  EXPECT_NE(form.status().message().find("feuille.toml"), std::string::npos);
  EXPECT_NE(form.status().message().find("classification.act_rows.codes : clé manquante ou vide"), std::string::npos);
}

TEST(FormData, AmountRowsMayTakePointsOffAndATableHeaderNamesATable) {
  auto form = FormCatalogue::Parse(std::string(kMinimal) +
                                       "[classification.amount_rows]\nweight = -2\nmax_rows = 3\n"
                                       "[classification.table_header]\nweight = 1\n"
                                       "[tables.lines]\nmin_columns = 1\n[tables.lines.columns]\nmontant = [\"Montant\"]\n",
                                   "essai.toml");
  ASSERT_TRUE(form.ok()) << form.status().ToString();
  EXPECT_EQ(form->amount_rows.weight, -2);
  EXPECT_EQ(form->amount_rows.max_rows, 3u);
  EXPECT_EQ(form->table_header.table, "lines");
  EXPECT_EQ(form->table_header.weight, 1);
}

TEST(FormData, ATableHeaderCueNamingNoTableIsAnError) {
  auto form = FormCatalogue::Parse(std::string(kMinimal) + "[classification.table_header]\ntable = \"actes\"\nweight = 1\n", "essai.toml");
  ASSERT_FALSE(form.ok());
  EXPECT_EQ(form.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(form.status().message(), "essai.toml:2: classification.table_header.table : ne nomme aucune table de [tables]");
}

TEST(FormData, ASectionNoHeadingDefinesIsAnError) {
  auto form = FormCatalogue::Parse(std::string(kMinimal) + "[fields.x]\nlabels = [\"X\"]\nkind = \"date\"\nsection = \"ailleurs\"\n",
                                   "essai.toml");
  ASSERT_FALSE(form.ok());
  EXPECT_NE(form.status().message().find("fields.x.section : section inconnue « ailleurs »"), std::string::npos);
}

TEST(FormData, ASignersRoleNoHeadingDefinesIsAnError) {
  auto form = FormCatalogue::Parse(std::string(kMinimal) + "[fields.x]\nlabels = [\"X\"]\nkind = \"signature\"\nroles = [\"ailleurs\"]\n",
                                   "essai.toml");
  ASSERT_FALSE(form.ok());
  EXPECT_EQ(form.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(form.status().message().find("fields.x.roles : section inconnue « ailleurs »"), std::string::npos);
}

TEST(FormData, ADigitsFieldWithoutItsLengthIsAnError) {
  auto form = FormCatalogue::Parse(std::string(kMinimal) + "[fields.x]\nlabels = [\"X\"]\nkind = \"digits\"\n", "essai.toml");
  ASSERT_FALSE(form.ok());
  EXPECT_NE(form.status().message().find("fields.x.digits : clé manquante"), std::string::npos);
}

TEST(FormData, ATablesSharesArePercentsOfOneOfItsColumns) {
  const std::string table = "[tables.lines]\nmin_columns = 1\n[tables.lines.columns]\nmontant = [\"Montant\"]\n";
  auto form = FormCatalogue::Parse(std::string(kMinimal) + table + "[tables.lines.shares]\nmontant = [60, 100]\n", "essai.toml");
  ASSERT_TRUE(form.ok()) << form.status().ToString();
  EXPECT_EQ(form->Table("lines")->shares.at("montant"), (std::vector<int>{60, 100}));
  auto zero = FormCatalogue::Parse(std::string(kMinimal) + table + "[tables.lines.shares]\nmontant = [0]\n", "essai.toml");
  ASSERT_FALSE(zero.ok());
  EXPECT_NE(zero.status().message().find("tables.lines.shares.montant : pourcentage entier de 1 à 100 attendu"), std::string::npos);
  auto unknown = FormCatalogue::Parse(std::string(kMinimal) + table + "[tables.lines.shares]\ntotal = [60]\n", "essai.toml");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("tables.lines.shares.total : colonne inconnue"), std::string::npos);
}

TEST(FormData, BrokenTomlNamesTheFileAndLine) {
  auto form = FormCatalogue::Parse("type = \"devis\"\n[classification\n", "casse.toml");
  ASSERT_FALSE(form.ok());
  EXPECT_EQ(form.status().message().rfind("casse.toml:2: TOML invalide", 0), 0u) << form.status().message();
}

TEST(FormData, AFolderWithoutFormsIsNotFound) {
  const auto empty = std::filesystem::temp_directory_path() / ("liasse-forms-empty-" + std::to_string(::getpid()));
  std::filesystem::create_directories(empty);
  auto forms = FormCatalogue::Load(empty);
  std::filesystem::remove_all(empty);
  ASSERT_FALSE(forms.ok());
  EXPECT_EQ(forms.status().code(), StatusCode::kNotFound);
  EXPECT_NE(forms.status().message().find("aucun fichier de formulaire"), std::string::npos);
}

// One row of text on an otherwise empty page.
OcrPage Row(const std::string& text) { return PageBuilder().Text(20, 50, text).Build(); }

TEST(Labels, AWordingIsFoundWithAccentsCaseAndPunctuationFolded) {
  const OcrPage page = Row("NUMERO  DU LOT : 042");
  const internal::PageView view(page);
  const auto hits = internal::FindLabel(view, "Numéro du lot");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].first, 0);
  EXPECT_EQ(hits[0].last, 2);
}

TEST(Labels, WordsTheOcrGluedOrSplitStillMatch) {
  const OcrPage glued = Row("N°delot: 042");
  EXPECT_EQ(internal::FindLabel(internal::PageView(glued), "N° de lot").size(), 1u);
  const OcrPage split = Row("Date de consti tution 12/09/2025");
  EXPECT_EQ(internal::FindLabel(internal::PageView(split), "Date de constitution").size(), 1u);
}

TEST(Labels, OcrConfusionsAreToleratedInProportionToTheLength) {
  const OcrPage long_label = Row("Date de constitutlon : 12/09/2025");
  EXPECT_EQ(internal::FindLabel(internal::PageView(long_label), "Date de constitution").size(), 1u);
  // Three letters: no confusion allowed ("Non" is not "Nom").
  const OcrPage short_label = Row("Non merci");
  EXPECT_TRUE(internal::FindLabel(internal::PageView(short_label), "Nom").empty());
  const OcrPage far = Row("Date de consommation");
  EXPECT_TRUE(internal::FindLabel(internal::PageView(far), "Date de constitution").empty());
}

TEST(Labels, WordsFarApartOnARowAreNoOneWording) {
  // "NOM" and "PRÉNOMS" heading two cells are not "Nom prénom".
  const OcrPage page = PageBuilder().Text(20, 50, "NOM").Text(90, 50, "PRÉNOMS").Build();
  EXPECT_TRUE(internal::FindLabel(internal::PageView(page), "Nom prénom").empty());
  EXPECT_EQ(internal::FindLabel(internal::PageView(Row("NOM PRÉNOMS")), "Nom prénom").size(), 1u);
}

TEST(Tables, AColumnWordingCarriedOnInWordsOfNoDataFileIsOneColumn) {
  // "Date du passage" where the data has "Date": the words after it at a
  // word's spacing are the date column's cell.
  internal::TableSpec spec;
  spec.min_columns = 2;
  spec.columns = {{"date", {"Date"}}, {"montant", {"Montant"}}};
  // Words of 3 mm letters (1.65 mm wide) a printed space (0.8 mm) apart.
  PageBuilder b;
  double x = 20;
  for (const std::string w : {"Date", "du", "passage", "infirmier"}) {
    b.Text(x, 50, w);
    x += 1.65 * static_cast<double>(w.size()) + 0.8;
  }
  const OcrPage page = b.Text(120, 50, "Montant").Build();
  const internal::PageView view(page);
  const internal::TableHeader header = internal::FindTableHeader(view, spec);
  ASSERT_TRUE(header.ok());
  const internal::HeaderColumn* date = header.Find("date");
  ASSERT_NE(date, nullptr);
  EXPECT_GT(date->x1, 55 * view.mm());
  EXPECT_EQ(header.ColumnAt(50 * view.mm()), 0);
}

TEST(Tables, TwoExactWordingsSideBySideBeatOneLongerWordingReadWithASlip) {
  // "COEF" and "ACTE" side by side read, with one letter changed, like the
  // code column's "Code acte": the two columns are there, each exactly.
  internal::TableSpec spec;
  spec.min_columns = 3;
  spec.columns = {{"code", {"Acte", "Code acte"}}, {"coefficient", {"Coef"}}, {"montant", {"Montant"}}};
  const OcrPage page = PageBuilder().Text(20, 50, "COEF").Text(28.5, 50, "ACTE").Text(120, 50, "MONTANT").Build();
  const internal::PageView view(page);
  const internal::TableHeader header = internal::FindTableHeader(view, spec);
  ASSERT_TRUE(header.ok());
  ASSERT_NE(header.Find("coefficient"), nullptr);
  ASSERT_NE(header.Find("code"), nullptr);
  EXPECT_LT(header.Find("coefficient")->x1, header.Find("code")->x0);
}

TEST(Tables, AWordingAsLongAndCloserClaimsTheWordsOverOneOfItsWords) {
  // "Date des soins" claims its three words over "Date" alone, and "Part
  // AMO" read is the AMO's column, not the AMC's "Part AMC".
  internal::TableSpec spec;
  spec.min_columns = 2;
  spec.columns = {{"date", {"Date", "Date des soins"}}, {"amo", {"Part AMO"}}, {"amc", {"Part AMC"}}};
  const OcrPage page = PageBuilder().Text(20, 50, "Date des soins").Text(90, 50, "Part AMO").Build();
  const internal::PageView view(page);
  const internal::TableHeader header = internal::FindTableHeader(view, spec);
  ASSERT_TRUE(header.ok());
  ASSERT_EQ(header.columns.size(), 2u);
  EXPECT_EQ(header.columns[0].name, "date");
  EXPECT_EQ(header.columns[1].name, "amo");
  EXPECT_EQ(header.Find("amc"), nullptr);
}

TEST(Labels, DigitsGluedToTheLabelAreTheValue) {
  const OcrPage page = Row("Identifiant756474821");
  const auto hits = internal::FindLabel(internal::PageView(page), "Identifiant");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].glued_value, "756474821");
}

// A bordereau laid out as no synthetic family draws it: labels above their
// values, wordings of another software vendor (one in no data file).
PageBuilder VendorBordereau(const std::string& lot_label) {
  PageBuilder p;
  p.Text(20, 20, "BORDEREAU RECAPITULATIF", 95, 5)
      .Text(20, 35, lot_label)
      .Text(80, 35, "Constitué le")
      .Text(140, 35, "Caisse destinataire")
      .Text(20, 40, "042")
      .Text(80, 40, "26/09/2025")
      .Text(140, 40, "131")
      .Text(20, 55, "Professionnel de santé : Marie DURAND")
      .Text(120, 55, "N° AM : 756474821");
  return p;
}

TEST(ExtractDocuments, ABordereauWithLabelsAboveItsValuesIsRead) {
  const auto docs = ExtractDocuments({VendorBordereau("Référence du lot").Build()}, nullptr, Options());
  ASSERT_EQ(docs[0].type, DocumentType::kBordereau);
  EXPECT_EQ(T(docs[0], "lot.numero"), "042");
  EXPECT_EQ(T(docs[0], "lot.date"), "2025-09-26");
  EXPECT_EQ(T(docs[0], "organisme.destinataire"), "131");
  EXPECT_EQ(T(docs[0], "partenaire.identifiant"), "756474821");
  EXPECT_EQ(T(docs[0], "partenaire.nom"), "DURAND");
}

TEST(ExtractDocuments, ALotNumberUnderAWordingInNoDataFileIsRead) {
  // "No du lot": in no file; one confusion from "N° du lot".
  const auto docs = ExtractDocuments({VendorBordereau("No du lot").Build()}, nullptr, Options());
  EXPECT_EQ(T(docs[0], "lot.numero"), "042");
}

// A feuille de soins whose sections come in another order (assuré first)
// with "Nom" and "Prénom" as separate labels, and an act table whose
// columns are in another order, one of them unknown to the data.
OcrPage OtherFeuille() {
  PageBuilder p;
  p.Text(20, 15, "FEUILLE DE SOINS", 95, 5)
      .Text(20, 22, "Facture n° 000630")
      .Text(20, 32, "ASSURÉ(E)")
      .Text(20, 38, "Nom : RICHARD")
      .Text(90, 38, "Prénom : Philippe")
      .Text(20, 44, "N° d'immatriculation : 1 97 06 33 305 779 90")
      .Text(20, 54, "PERSONNE RECEVANT LES SOINS")
      .Text(20, 60, "Nom : LEROY")
      .Text(90, 60, "Prénom : Zoé")
      .Text(20, 66, "Date de naissance : 15/06/2015")
      .Text(20, 80, "Montant")
      .Text(50, 80, "Dépt.")
      .Text(70, 80, "Coef.")
      .Text(95, 80, "Code acte")
      .Text(130, 80, "Date")
      .Text(20, 87, "12,60 €")
      .Text(72, 87, "4")
      .Text(95, 87, "AMI")
      .Text(130, 87, "11/09/2025")
      .Text(20, 94, "3,15 €")
      .Text(72, 94, "1")
      .Text(95, 94, "AMI")
      .Text(130, 94, "12/09/2025")
      .Text(20, 110, "Montant total : 15,75 €");
  return p.Build();
}

TEST(ExtractDocuments, SectionsInAnotherOrderGiveEachNameToItsPerson) {
  const auto docs = ExtractDocuments({OtherFeuille()}, nullptr, Options());
  ASSERT_EQ(docs[0].type, DocumentType::kFeuilleDeSoins);
  EXPECT_EQ(T(docs[0], "assure.nom"), "RICHARD");
  EXPECT_EQ(T(docs[0], "assure.prenom"), "Philippe");
  EXPECT_EQ(T(docs[0], "beneficiaire.nom"), "LEROY");
  EXPECT_EQ(T(docs[0], "beneficiaire.prenom"), "Zoé");
  EXPECT_EQ(T(docs[0], "beneficiaire.date_naissance"), "2015-06-15");
  EXPECT_EQ(T(docs[0], "assure.nir"), "197063330577990");
  EXPECT_EQ(T(docs[0], "numero_facture"), "000630");
  EXPECT_EQ(T(docs[0], "montant_total"), "15.75");
}

TEST(ExtractDocuments, ActColumnsAreTakenFromTheHeaderInAnyOrderAndAConsistentRowStands) {
  const auto docs = ExtractDocuments({OtherFeuille()}, nullptr, Options());
  ASSERT_EQ(docs[0].lines.size(), 2u);
  EXPECT_EQ(L(docs[0].lines[0], "date"), "2025-09-11");
  EXPECT_EQ(L(docs[0].lines[0], "code"), "AMI");
  EXPECT_EQ(L(docs[0].lines[0], "coefficient"), "4");
  EXPECT_EQ(L(docs[0].lines[0], "montant"), "12.60");
  EXPECT_EQ(L(docs[0].lines[1], "code"), "AMI");
  EXPECT_EQ(L(docs[0].lines[1], "montant"), "3.15");
  EXPECT_FALSE(Flagged(docs[0], "code", 0));
}

TEST(ExtractDocuments, APrescriptionHeadedOrdonnanceIsAPrescription) {
  PageBuilder p;
  p.Text(20, 20, "Dr Jean MOREAU")
      .Text(20, 26, "Médecine générale")
      .Text(90, 45, "ORDONNANCE", 95, 5)
      .Text(20, 60, "Mme Léa LAMBERT")
      .Text(20, 70, "Soins infirmiers à domicile : pansement")
      .Text(120, 100, "Lyon, le 08/09/2025");
  const auto docs = ExtractDocuments({p.Build()}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].type, DocumentType::kPrescription);
  EXPECT_EQ(T(docs[0], "patient.nom"), "LAMBERT");
  EXPECT_EQ(T(docs[0], "date"), "2025-09-08");
}

// "PATIENT(E) DUFOUR MARIE": both words in capitals, the nom first as
// the form's custom has it: read so, and flagged (nothing checks the order).
TEST(ExtractDocuments, APrescriptionsPatientAllInCapitalsIsReadNomFirstFlagged) {
  PageBuilder p;
  p.Text(20, 20, "Dr Jean MOREAU")
      .Text(20, 26, "Médecine générale")
      .Text(90, 45, "ORDONNANCE", 95, 5)
      .Text(20, 60, "PATIENT(E) DUFOUR NOËL")
      .Text(20, 70, "Soins infirmiers à domicile : pansement")
      .Text(120, 100, "Lyon, le 08/09/2025");
  const auto docs = ExtractDocuments({p.Build()}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(T(docs[0], "patient.nom"), "DUFOUR");
  EXPECT_EQ(T(docs[0], "patient.prenom"), "Noël");
  EXPECT_TRUE(Flagged(docs[0], "patient.nom"));
  EXPECT_TRUE(Flagged(docs[0], "patient.prenom"));
}

// A prescription dated under a wording in no data file ("DATE", "Émise")
// or with a two-digit year: the one date of the page, the patient's birth
// date (years older) left out.
PageBuilder PrescriptionDated(const std::string& date_row, const std::string& other_row) {
  PageBuilder p;
  p.Text(20, 20, "DR Christophe LEMAIRE")
      .Text(20, 26, "NUM RPPS : 10023167728")
      .Text(90, 45, "ORDONNANCE", 95, 5)
      .Text(20, 60, date_row)
      .Text(20, 68, other_row)
      .Text(20, 80, "Bilan orthophonique avec rééducation si nécessaire");
  return p;
}

TEST(ExtractDocuments, APrescriptionsDateUnderAWordingOfNoFileIsTheOneRecentDateOfThePage) {
  for (const std::string row : {"DATE 18/09/25", "Émise 18.09.2025", "18/09/2025"}) {
    const auto docs = ExtractDocuments({PrescriptionDated(row, "Monsieur SIMON Julien, né le 03/02/1951").Build()}, nullptr, Options());
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(T(docs[0], "date"), "2025-09-18") << row;
  }
}

TEST(ExtractDocuments, TwoRecentDatesLeaveAPrescriptionsDateUnreadAndFlagged) {
  const auto docs =
      ExtractDocuments({PrescriptionDated("DATE 18/09/25", "A renouveler jusqu'au 18/12/2025").Build()}, nullptr, Options());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(T(docs[0], "date"), "<absent>");
  EXPECT_TRUE(Flagged(docs[0], "date"));
}

}  // namespace
}  // namespace liasse::extractors
