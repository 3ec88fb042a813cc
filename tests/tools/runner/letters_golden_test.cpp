// Every kind of letter rendered from an envelope's results, read back with
// pdftotext and checked the way a member or a nurse would read it: no
// unfilled placeholder, no "?" in an identifier or a file name, no "€ €", no
// internal code, a full postal address. Real store (samples/members.csv and
// samples/partenaires.csv), real generator, real outbox; the letters'
// facts are made here, not read from a scan.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <set>

#include "letter_checks.h"
#include "letters.h"
#include "liasse/mail/config.h"
#include "liasse/store/members_import.h"
#include "liasse/store/outbox_store.h"
#include "renonciations.h"
#include "sample_pricing.h"
#include "settlement.h"
#include "test_files.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;

Field Text(std::string v) { return {std::move(v), 0.99, 0, std::nullopt}; }

// pdftotext's lines of a letter (reading order).
std::vector<std::string> PdfLines(const fs::path& pdf) {
  const std::string command = "pdftotext -q -enc UTF-8 '" + pdf.string() + "' - 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  std::string raw;
  if (pipe != nullptr) {
    std::array<char, 4096> buffer{};
    for (std::size_t n; (n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) raw.append(buffer.data(), n);
    pclose(pipe);
  }
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t nl; (nl = raw.find('\n', start)) != std::string::npos; start = nl + 1) {
    lines.push_back(raw.substr(start, nl - start));
  }
  return lines;
}

// The golden rules of a letter sent to `to`; failures name the letter.
void ExpectComplete(const WrittenLetter& letter, const fs::path& out, const generators::Recipient& to) {
  SCOPED_TRACE(letter.kind + " " + letter.file);
  EXPECT_EQ(letter.file.find('?'), std::string::npos);
  const auto lines = PdfLines(out / letter.file);
  ASSERT_FALSE(lines.empty()) << "pdftotext read nothing";
  std::string text;
  for (const auto& l : lines) text += l + "\n";
  EXPECT_EQ(text.find("{{"), std::string::npos) << text;
  EXPECT_EQ(text.find("€ €"), std::string::npos) << text;
  std::smatch m;
  EXPECT_FALSE(std::regex_search(text, m, std::regex("[A-Z]{2,}_[A-Z_]{2,}"))) << "code " << m.str() << "\n" << text;
  EXPECT_FALSE(std::regex_search(text, m, std::regex("[A-Za-z0-9]-\\?|\\?-[A-Za-z0-9]")))
      << "identifier with a hole " << m.str() << "\n" << text;
  // The address block: the name, then its address lines, postcode last.
  auto name = std::find(lines.begin(), lines.end(), to.name);
  ASSERT_NE(name, lines.end()) << to.name << " not on a line of its own\n" << text;
  ASSERT_GE(to.address.size(), 2u);
  for (std::size_t i = 0; i < to.address.size(); ++i) {
    ASSERT_LT(static_cast<std::size_t>(name - lines.begin()) + 1 + i, lines.size());
    EXPECT_EQ(*(name + 1 + static_cast<std::ptrdiff_t>(i)), to.address[i]) << text;
  }
}

class LettersGoldenTest : public test_support::SamplePricingTest {
 protected:
  void SetUp() override {
    dir_ = test_support::FreshTestDir("liasse_golden_");
    OpenStoreAndPricer(dir_ / "liasse.db");
    auto members = store::ReadMembersFile(std::string(LIASSE_SOURCE_DIR) + "/samples/members.csv");
    ASSERT_TRUE(members.ok());
    members_ = *members;
    auto partenaires = store::ReadPartenairesFile(std::string(LIASSE_SOURCE_DIR) + "/samples/partenaires.csv");
    ASSERT_TRUE(partenaires.ok()) << partenaires.status().ToString();
    ASSERT_FALSE(partenaires->empty());
    partenaire_ = partenaires->front();
    ASSERT_TRUE(store_->UpsertPartenaires(*partenaires).ok());
    auto generator = generators::LetterGenerator::Create();
    ASSERT_TRUE(generator.ok()) << generator.status().ToString();
    generator_.emplace(std::move(generator).value());
    auto outbox = store::OutboxStore::Open((dir_ / "liasse.db").string());
    ASSERT_TRUE(outbox.ok());
    outbox_ = std::move(outbox).value();
    auto config = mail::LoadMailConfig(std::string(LIASSE_SOURCE_DIR) + "/data/mail/operator.toml");
    ASSERT_TRUE(config.ok()) << config.status().ToString();
    sender_ = config->sender;
  }
  void TearDown() override { fs::remove_all(dir_); }

  LetterContext Context() {
    return {dir_,     "pli", "0A1B2C3D", D("2025-06-12"), D("2025-06-16"), &*generator_, outbox_.get(),
            sender_, Env::Default(), &*store_};
  }
  static Date D(const char* iso) { return Date::Parse(iso).value(); }

  // A member with a cotisation (renunciation refunds need one).
  const store::Member& Member() const {
    for (const auto& m : members_) {
      if (m.cotisation_mensuelle && !m.adresse.empty()) return m;
    }
    return members_.front();
  }

  // The bordereau of a B2 lot of the partenaire whose one invoice is rejected for a missing
  // patient signature, the patient's name misread on the bordereau.
  Document Bordereau(const store::Member& patient) const {
    Document d;
    d.type = DocumentType::kBordereau;
    d.fields["partenaire.identifiant"] = Text(partenaire_.identifiant);
    d.fields["partenaire.nom"] = Text("B0NNET");
    d.fields["lot.numero"] = Text("814");
    d.fields["lot.date"] = Text("2025-06-02");
    Line l;
    l.values = {{"numero_facture", "218647856"}, {"nir", patient.nir}, {"nom", "DURAMD"}, {"prenom", "Michet"},
                {"montant_total", "17.68"}};
    d.lines.push_back(l);
    return d;
  }

  static rules::LotVerdict RejectedLot() {
    rules::LotVerdict v;
    v.numero = "814";
    v.verdict = rules::Verdict::kRejected;
    rules::Anomaly a;
    a.code = "FDS_PATIENT_SIGNATURE_MISSING";
    a.numero_facture = "218647856";
    a.message = "La feuille de soins n'est pas signée par le patient.";
    a.a_renvoyer = "La feuille de soins signée par le patient";
    v.anomalies.push_back(a);
    rules::Anomaly order;  // a lot-level anomaly: listed above the table
    order.code = "LOT_ORDER";
    order.message = "Les factures ne sont pas classées par numéro croissant.";
    v.anomalies.push_back(order);
    v.factures_rejetees = {"218647856"};
    return v;
  }

  Document Reclamation(const store::Member& m) const {
    Document d;
    d.type = DocumentType::kReclamation;
    d.fields["nom"] = Text("MARTlN");  // misread: the store's name wins
    d.fields["prenom"] = Text(m.prenom);
    d.fields["nir"] = Text(m.nir);
    d.fields["objet"] = Text("remboursement");
    return d;
  }

  Document Renonciation(const store::Member& m) const {
    Document d;
    d.type = DocumentType::kRenonciation;
    d.fields["nir"] = Text(m.nir);
    d.fields["nom"] = Text(m.nom);
    d.fields["prenom"] = Text(m.prenom);
    d.fields["date"] = Text(m.date_adhesion.AddDays(3).ToIso());
    return d;
  }

  ClaimResult Paid(const store::Member& m) const {
    ClaimResult c;
    c.member = m;
    PricedClaim p;
    p.id = "B2-" + partenaire_.identifiant + "-218647857";
    p.member = m.numero_adherent;
    PricedLine l;
    l.date = D("2025-06-02");
    l.code = "AMI";
    l.libelle = "Acte médico-infirmier";
    l.frais_reels = Money::FromCents(590);
    l.base = l.frais_reels;
    l.ro = Money::FromCents(254);
    l.mutuelle = Money::FromCents(236);
    l.reste_a_charge = Money::FromCents(100);
    p.lines.push_back(l);
    p.totals = {l.frais_reels, l.ro, Money::FromCents(100), l.mutuelle, l.reste_a_charge};
    c.priced = p;
    return c;
  }

  // A claim refused, from document `document`: a B2 invoice of the partenaire `identifiant`
  // (tiers payant, its name misread on the bordereau), or the member's own
  // facture when `identifiant` is empty.
  static ClaimResult Refused(const store::Member& m, const std::string& identifiant, const char* numero,
                             int document) {
    ClaimResult c;
    c.member = m;
    c.document = document;
    c.numero_facture = numero;
    c.from_bordereau = !identifiant.empty();
    c.professionnel_identifiant = identifiant;
    c.professionnel_nom = "B0NNET";
    c.refus = "soins reçus plus de deux ans après leur date";
    return c;
  }

  fs::path dir_;
  std::vector<store::Member> members_;
  store::Partenaire partenaire_;
  std::optional<generators::LetterGenerator> generator_;
  std::unique_ptr<store::OutboxStore> outbox_;
  mail::OperatorIdentity sender_;
};

TEST_F(LettersGoldenTest, EveryLetterKindIsCompleteAddressedAndFreeOfCodes) {
  const store::Member& m = Member();
  ASSERT_FALSE(m.adresse.empty()) << "samples/members.csv gives no address";
  // Membership dates in the samples vary: receive the renunciation 5 days
  // after the adhesion, in time.
  const std::vector<Document> docs = {Bordereau(m), Reclamation(m), Renonciation(m)};
  std::vector<std::string> review;
  const auto renonciations =
      PrepareRenonciations(docs, *store_, "0A1B2C3D", m.date_adhesion.AddDays(5), D("2025-06-16"), review);
  ASSERT_EQ(renonciations.size(), 1u) << (review.empty() ? "" : review[0]);
  PieceRequest pieces{1, m, {"optique", {"Facture détaillée et acquittée"}, {}}, "Équipement optique"};
  std::vector<std::string> errors;
  const auto written = WriteLetters(Context(), docs, {RejectedLot()}, {Paid(m)}, {pieces}, renonciations, errors);
  EXPECT_TRUE(errors.empty()) << errors.front();
  const generators::Recipient membre{m.prenom + " " + m.nom, m.adresse, m.email};
  const generators::Recipient pro{partenaire_.nom, partenaire_.adresse, partenaire_.email};
  std::set<std::string> kinds;
  for (const auto& letter : written) {
    kinds.insert(letter.kind);
    EXPECT_TRUE(letter.incomplete.empty()) << letter.kind << ": " << letter.incomplete;
    ExpectComplete(letter, dir_, letter.kind == "anomalies_lot" ? pro : membre);
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"anomalies_lot", "accuse_reception_reclamation", "demande_pieces",
                                          "confirmation_renonciation", "decompte"}));
  // The patient of the rejected invoice is named from the store, not as misread.
  for (const auto& letter : written) {
    if (letter.kind != "anomalies_lot") continue;
    std::string text;
    for (const auto& l : PdfLines(dir_ / letter.file)) text += l + "\n";
    EXPECT_NE(text.find(m.nom), std::string::npos) << text;
    EXPECT_EQ(text.find("Michet"), std::string::npos) << text;
  }
}

// The refusal of a claim (integ's refus_remboursement) follows the same
// rules: to the professional in tiers payant at the partenaire's address,
// named as the store knows it, else to the member at the member's address.
TEST_F(LettersGoldenTest, RefusalLettersAreCompleteAndAddressedFromTheStore) {
  const store::Member& m = Member();
  std::vector<std::string> errors;
  const auto written = WriteRefusals(
      Context(), {Refused(m, partenaire_.identifiant, "218647858", 2), Refused(m, "", "2025-40004", 5)}, errors);
  EXPECT_TRUE(errors.empty()) << errors.front();
  ASSERT_EQ(written.size(), 2u);
  const generators::Recipient pro{partenaire_.nom, partenaire_.adresse, partenaire_.email};
  const generators::Recipient membre{m.prenom + " " + m.nom, m.adresse, m.email};
  for (const auto& letter : written) {
    EXPECT_EQ(letter.kind, "refus_remboursement");
    EXPECT_TRUE(letter.incomplete.empty()) << letter.incomplete;
    EXPECT_FALSE(letter.queued);
  }
  ExpectComplete(written[0], dir_, pro);
  ExpectComplete(written[1], dir_, membre);
  std::string text;
  for (const auto& l : PdfLines(dir_ / written[0].file)) text += l + "\n";
  EXPECT_EQ(text.find("B0NNET"), std::string::npos) << text;  // the store's name, not the misreading
  EXPECT_NE(text.find("REF-0A1B2C3D-3"), std::string::npos) << text;  // from the envelope's content
}

TEST_F(LettersGoldenTest, ARefusalToAProfessionalWithoutAddressIsHeld) {
  const store::Member& m = Member();
  std::vector<std::string> errors;
  const auto written = WriteRefusals(Context(), {Refused(m, "999999999", "218647858", 2)}, errors);
  ASSERT_EQ(written.size(), 1u);
  EXPECT_TRUE(written[0].file.empty());
  EXPECT_NE(written[0].incomplete.find("adresse postale de B0NNET incomplète ou inconnue"), std::string::npos)
      << written[0].incomplete;
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("courrier refus_remboursement en attente de vérification, non envoyé"), std::string::npos)
      << errors[0];
}

TEST_F(LettersGoldenTest, ALetterWithoutPostalAddressIsHeldForReviewNotSent) {
  store::Member m = Member();
  m.adresse.clear();
  m.numero_adherent = "A99999999";
  ASSERT_TRUE(store_->UpsertMember(m).ok());
  std::vector<std::string> errors;
  const auto written = WriteLetters(Context(), {}, {}, {Paid(m)}, {}, {}, errors);
  ASSERT_EQ(written.size(), 1u);
  EXPECT_EQ(written[0].kind, "decompte");
  EXPECT_TRUE(written[0].file.empty());
  EXPECT_FALSE(written[0].queued);
  EXPECT_NE(written[0].incomplete.find("adresse postale"), std::string::npos) << written[0].incomplete;
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("courrier decompte en attente de vérification, non envoyé"), std::string::npos) << errors[0];
  auto counts = outbox_->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->queued, 0);
}

TEST_F(LettersGoldenTest, ALotNoticeWithoutItsNumberIsHeld) {
  const store::Member& m = Member();
  rules::LotVerdict lot = RejectedLot();
  lot.numero.clear();
  std::vector<std::string> errors;
  const auto written = WriteLetters(Context(), {Bordereau(m)}, {lot}, {}, {}, {}, errors);
  ASSERT_EQ(written.size(), 1u);
  EXPECT_TRUE(written[0].file.empty());
  EXPECT_NE(written[0].incomplete.find("numéro de lot incomplet"), std::string::npos) << written[0].incomplete;
}

// A partner the store does not know: the lot notice goes to the address
// its own letterhead printed on the bordereau (partenaire.adresse) — unless
// that reading is in review, when the notice is held, never sent with a
// doubtful address.
TEST_F(LettersGoldenTest, ALotNoticeToAPartnerNotInTheStoreTakesTheLetterheadsAddress) {
  const store::Member& m = Member();
  Document bordereau = Bordereau(m);
  bordereau.fields["partenaire.identifiant"] = Text("331234567");  // in no partenaires table
  bordereau.fields["partenaire.nom"] = Text("Claire DUVAL");
  bordereau.fields["partenaire.adresse"] = Text("4 impasse des Lilas, 33000 BORDEAUX");
  rules::LotVerdict lot = RejectedLot();
  std::vector<std::string> errors;
  const auto written = WriteLetters(Context(), {bordereau}, {lot}, {}, {}, {}, errors);
  ASSERT_EQ(written.size(), 1u);
  EXPECT_TRUE(written[0].incomplete.empty()) << written[0].incomplete;
  ExpectComplete(written[0], dir_, {"Claire DUVAL", {"4 impasse des Lilas", "33000 BORDEAUX"}, ""});

  bordereau.review.push_back({"partenaire.adresse", std::nullopt, "lu avec une confiance faible (55 %) : à vérifier", true});
  errors.clear();
  const auto held = WriteLetters(Context(), {bordereau}, {lot}, {}, {}, {}, errors);
  ASSERT_EQ(held.size(), 1u);
  EXPECT_TRUE(held[0].file.empty());
  EXPECT_NE(held[0].incomplete.find("adresse postale de Claire DUVAL incomplète ou inconnue"), std::string::npos)
      << held[0].incomplete;
}

TEST(LetterChecks, LetterKeyComesFromTheContentNotTheName) {
  EXPECT_EQ(LetterKey("3f9a2c1b77e0"), "3F9A2C1B");
}

}  // namespace
}  // namespace liasse::runner
