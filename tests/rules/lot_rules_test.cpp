// Every lot rule fires on its defect and on nothing else (seed 003).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "liasse/rules/blocking_fields.h"
#include "liasse/rules/lot.h"
#include "liasse/rules/memory_history.h"
#include "lot_fixture.h"
#include "testing/status_matchers.h"

namespace liasse::rules {
namespace {

using liasse::Document;
using ::liasse::test_support::StatusIs;
using testing::Bool;
using testing::CleanLot;
using ::testing::HasSubstr;
using testing::MakeCleanLot;
using testing::Text;

const LotRuleSet& Rules() {
  static const Result<LotRuleSet> rules = LotRuleSet::Load(LIASSE_SOURCE_DIR "/data");
  if (!rules.ok()) {
    ADD_FAILURE() << rules.status().ToString();
    std::abort();
  }
  return *rules;
}

class LotRules : public ::testing::Test {
 protected:
  LotVerdict Check(const std::vector<Document>& docs) {
    auto verdicts = CheckLots(docs, Rules(), history_);
    EXPECT_TRUE(verdicts.ok()) << verdicts.status().ToString();
    EXPECT_EQ(verdicts->size(), 1u);
    return verdicts->front();
  }
  LotVerdict Check() { return Check(lot_.docs); }

  static std::vector<std::string> Codes(const LotVerdict& v) {
    std::vector<std::string> codes;
    for (const auto& a : v.anomalies) codes.push_back(a.code);
    return codes;
  }
  Document& Bordereau() { return lot_.docs[static_cast<size_t>(lot_.bordereau)]; }
  Document& Feuille(size_t i) { return lot_.docs[static_cast<size_t>(lot_.feuilles[i])]; }
  Document& Prescription(size_t i) { return lot_.docs[static_cast<size_t>(lot_.prescriptions[i])]; }

  // Expects exactly one anomaly `code`, rejecting invoice `invoice` only.
  void ExpectInvoiceRejected(const LotVerdict& v, const std::string& code, size_t invoice) {
    ASSERT_EQ(Codes(v), std::vector<std::string>{code});
    EXPECT_EQ(v.verdict, Verdict::kPartial);
    EXPECT_EQ(v.anomalies[0].numero_facture, lot_.numeros[invoice]);
    EXPECT_EQ(v.factures_rejetees, std::vector<std::string>{lot_.numeros[invoice]});
    EXPECT_EQ(v.factures_acceptees.size(), lot_.numeros.size() - 1);
    EXPECT_FALSE(v.anomalies[0].message.empty());
    EXPECT_FALSE(v.anomalies[0].a_renvoyer.empty());
  }
  void ExpectLotRejected(const LotVerdict& v, const std::string& code) {
    ASSERT_EQ(Codes(v), std::vector<std::string>{code});
    EXPECT_EQ(v.verdict, Verdict::kRejected);
    EXPECT_FALSE(v.anomalies[0].numero_facture.has_value());
  }

  CleanLot lot_ = MakeCleanLot();
  MemoryPrescriptionHistory history_;
};

TEST_F(LotRules, CleanLotIsAcceptedInFluxDegrade) {
  const LotVerdict v = Check();
  EXPECT_TRUE(v.anomalies.empty()) << v.anomalies[0].code << ": " << v.anomalies[0].message;
  EXPECT_EQ(v.verdict, Verdict::kAccepted);
  EXPECT_EQ(v.flux, Flux::kDegrade);
  EXPECT_EQ(v.numero, "042");
  EXPECT_EQ(v.factures_acceptees, lot_.numeros);
}

TEST_F(LotRules, BordereauMissingRejectsTheLot) {
  lot_.docs.erase(lot_.docs.begin());
  ExpectLotRejected(Check(), "LOT_BORDEREAU_MISSING");
}

TEST_F(LotRules, HeaderWithoutOrganismeDestinataireRejectsTheLot) {
  Bordereau().fields.erase("organisme.destinataire");
  const LotVerdict v = Check();
  ExpectLotRejected(v, "LOT_HEADER_INCOMPLETE");
  EXPECT_NE(v.anomalies[0].message.find("organisme destinataire"), std::string::npos);
  EXPECT_EQ(v.anomalies[0].document, 0);
}

TEST_F(LotRules, EachHeaderFieldIsRequired) {
  for (const char* field :
       {"partenaire.identifiant", "lot.numero", "lot.date", "organisme.destinataire", "reglement.destinataire"}) {
    lot_ = MakeCleanLot();
    Bordereau().fields.erase(field);
    ExpectLotRejected(Check(), "LOT_HEADER_INCOMPLETE");
  }
}

TEST_F(LotRules, LotNumberOfTheWrongWidthIsInvalid) {
  Bordereau().fields["lot.numero"] = Text("42");
  ExpectLotRejected(Check(), "LOT_NUMERO_INVALID");
}

TEST_F(LotRules, EachLineColumnIsRequired) {
  for (const char* column : {"numero_facture", "nir", "nom", "prenom", "date_naissance", "montant_total",
                             "montant_amo", "montant_amc"}) {
    lot_ = MakeCleanLot();
    Bordereau().lines[1].values.erase(column);
    const LotVerdict v = Check();
    ASSERT_FALSE(v.anomalies.empty()) << column;
    EXPECT_EQ(v.anomalies[0].code, "LOT_LINE_INCOMPLETE") << column;
    EXPECT_EQ(v.anomalies[0].line, 1) << column;
    EXPECT_EQ(Codes(v), std::vector<std::string>{"LOT_LINE_INCOMPLETE"}) << column;
    EXPECT_EQ(v.verdict, Verdict::kPartial) << column;
  }
}

TEST_F(LotRules, UnreadableLineNumberTakesItsFeuilleByPosition) {
  Bordereau().lines[1].values.erase("numero_facture");
  const LotVerdict v = Check();
  ExpectInvoiceRejected(v, "LOT_LINE_INCOMPLETE", 1);  // named by its feuille's number
}

TEST_F(LotRules, LineWithoutBirthDateRejectsOnlyItsInvoice) {
  Bordereau().lines[2].values.erase("date_naissance");
  ExpectInvoiceRejected(Check(), "LOT_LINE_INCOMPLETE", 2);
}

TEST_F(LotRules, NirWithWrongKeyRejectsItsInvoice) {
  Bordereau().lines[0].values["nir"] = "295109912611199";
  const LotVerdict v = Check();
  ExpectInvoiceRejected(v, "LOT_NIR_INVALID", 0);
  EXPECT_EQ(v.anomalies[0].line, 0);
}

TEST_F(LotRules, InvoicesNotAscendingOnTheBordereauRejectTheLot) {
  std::swap(Bordereau().lines[0], Bordereau().lines[1]);
  // The pieces follow the bordereau, as the auxiliaire classed them.
  std::swap(lot_.docs[1], lot_.docs[3]);
  std::swap(lot_.docs[2], lot_.docs[4]);
  const LotVerdict v = Check();
  ExpectLotRejected(v, "LOT_ORDER");
  EXPECT_EQ(v.anomalies[0].line, 1);
}

TEST_F(LotRules, ABordereauOutOfOrderOverPiecesClassedAscendingIsOnlyLotOrder) {
  // The pieces are classed by ascending number; the bordereau alone is not.
  std::swap(Bordereau().lines[0], Bordereau().lines[1]);
  const LotVerdict v = Check();
  ExpectLotRejected(v, "LOT_ORDER");  // no LOT_PIECES_ORDER besides
}

TEST_F(LotRules, PiecesNotInBordereauOrderRejectTheLot) {
  std::swap(lot_.docs[1], lot_.docs[3]);
  std::swap(lot_.docs[2], lot_.docs[4]);
  const LotVerdict v = Check();
  ExpectLotRejected(v, "LOT_PIECES_ORDER");
  EXPECT_EQ(v.anomalies[0].document, 1);
}

TEST_F(LotRules, LineWithoutItsFeuilleRejectsItsInvoice) {
  lot_.docs.erase(lot_.docs.begin() + lot_.feuilles[1], lot_.docs.begin() + lot_.prescriptions[1] + 1);
  const LotVerdict v = Check();
  ExpectInvoiceRejected(v, "LOT_FEUILLE_MISSING", 1);
  EXPECT_EQ(v.anomalies[0].document, 0);
  EXPECT_EQ(v.anomalies[0].line, 1);
}

TEST_F(LotRules, FeuilleWithoutBordereauLineRejectsItsInvoice) {
  Bordereau().lines.erase(Bordereau().lines.begin() + 1);
  const LotVerdict v = Check();
  ExpectInvoiceRejected(v, "LOT_LINE_MISSING", 1);
  EXPECT_EQ(v.anomalies[0].document, lot_.feuilles[1]);
}

TEST_F(LotRules, AmountDifferentOnBordereauAndFeuilleRejectsItsInvoice) {
  Bordereau().lines[1].values["montant_total"] = "22.60";
  Bordereau().lines[1].values["montant_amc"] = "9.34";  // AMO + AMC still make the total
  const LotVerdict v = Check();
  ExpectInvoiceRejected(v, "LOT_AMOUNT_MISMATCH", 1);
  EXPECT_EQ(v.anomalies[0].document, lot_.feuilles[1]);
  EXPECT_EQ(v.anomalies[0].line, 1);
}

TEST_F(LotRules, FeuilleTotalFallsBackToTheSumOfItsActs) {
  Feuille(0).fields.erase("montant_total");
  EXPECT_EQ(Check().verdict, Verdict::kAccepted);
  Feuille(0).lines[0].values["montant"] = "6.80";
  ExpectInvoiceRejected(Check(), "LOT_AMOUNT_MISMATCH", 0);
}

TEST_F(LotRules, AmoPlusAmcDifferentFromTotalRejectsItsInvoice) {
  Bordereau().lines[2].values["montant_amc"] = "2.56";
  ExpectInvoiceRejected(Check(), "LOT_AMO_AMC_INCONSISTENT", 2);
}

TEST_F(LotRules, FeuilleWithoutAssureNirIsIncomplete) {
  Feuille(1).fields.erase("assure.nir");
  const LotVerdict v = Check();
  ExpectInvoiceRejected(v, "FDS_INCOMPLETE", 1);
  EXPECT_NE(v.anomalies[0].message.find("immatriculation"), std::string::npos);
}

TEST_F(LotRules, FeuilleActWithoutCodeOrDateIsIncomplete) {
  Feuille(0).lines[1].values.erase("code");
  ExpectInvoiceRejected(Check(), "FDS_INCOMPLETE", 0);
  lot_ = MakeCleanLot();
  Feuille(2).lines[0].values.erase("date");
  ExpectInvoiceRejected(Check(), "FDS_INCOMPLETE", 2);
  lot_ = MakeCleanLot();
  Feuille(2).lines.clear();
  Feuille(2).fields.erase("montant_total");
  const LotVerdict v = Check();
  ASSERT_FALSE(v.anomalies.empty());
  EXPECT_EQ(v.anomalies[0].code, "FDS_INCOMPLETE");
}

TEST_F(LotRules, FeuilleNotSignedByTheAuxiliaireRejectsItsInvoice) {
  Feuille(0).fields["signature.praticien"] = Bool(false);
  ExpectInvoiceRejected(Check(), "FDS_PRATICIEN_SIGNATURE_MISSING", 0);
}

TEST_F(LotRules, UnreadablePraticienSignatureIsFlaggedNotPassed) {
  Feuille(0).fields.erase("signature.praticien");
  const LotVerdict v = Check();
  ExpectInvoiceRejected(v, "FDS_PRATICIEN_SIGNATURE_MISSING", 0);
  EXPECT_TRUE(v.anomalies[0].illisible);
}

TEST_F(LotRules, NoPatientSignatureAndBoxNotTickedRejectsItsInvoice) {
  Feuille(2).fields["signature.patient"] = Bool(false);
  ExpectInvoiceRejected(Check(), "FDS_PATIENT_SIGNATURE_MISSING", 2);
}

TEST_F(LotRules, ImpossibiliteDeSignerTickedReplacesThePatientSignature) {
  Feuille(2).fields["signature.patient"] = Bool(false);
  Feuille(2).fields["impossibilite_signer"] = Bool(true);
  EXPECT_EQ(Check().verdict, Verdict::kAccepted);
}

TEST_F(LotRules, UnreadableBoxWithoutPatientSignatureIsFlagged) {
  Feuille(2).fields["signature.patient"] = Bool(false);
  Feuille(2).fields.erase("impossibilite_signer");
  const LotVerdict v = Check();
  ExpectInvoiceRejected(v, "FDS_PATIENT_SIGNATURE_MISSING", 2);
  EXPECT_TRUE(v.anomalies[0].illisible);
}

TEST_F(LotRules, PrescriptionMissingAtFirstTransmissionRejectsItsInvoice) {
  lot_.docs.erase(lot_.docs.begin() + lot_.prescriptions[1]);
  const LotVerdict v = Check();
  ExpectInvoiceRejected(v, "PRESCRIPTION_MISSING", 1);
  EXPECT_EQ(v.anomalies[0].document, lot_.feuilles[1]);
}

TEST_F(LotRules, PrescriptionAlreadyReceivedNeedNotBeSentAgain) {
  const std::vector<Document> first = lot_.docs;
  for (const Lot& lot : AssembleLots(first)) ASSERT_TRUE(RememberPrescriptions(first, lot, history_).ok());
  EXPECT_EQ(history_.size(), 3u);
  // The next lot of the same treatments comes without prescriptions.
  std::vector<Document> next;
  for (const Document& d : lot_.docs) {
    if (d.type != DocumentType::kPrescription) next.push_back(d);
  }
  const LotVerdict v = Check(next);
  EXPECT_EQ(v.verdict, Verdict::kAccepted) << (v.anomalies.empty() ? "" : v.anomalies[0].code);
}

TEST_F(LotRules, PrescriptionOfAnotherAuxiliaireDoesNotCount) {
  const std::vector<Document> first = lot_.docs;
  for (const Lot& lot : AssembleLots(first)) ASSERT_TRUE(RememberPrescriptions(first, lot, history_).ok());
  lot_.docs.erase(lot_.docs.begin() + lot_.prescriptions[0]);
  Bordereau().fields["partenaire.identifiant"] = Text("761234560");
  ExpectInvoiceRejected(Check(), "PRESCRIPTION_MISSING", 0);
}

TEST_F(LotRules, RatureePrescriptionRejectsItsInvoice) {
  Prescription(2).fields["raturee"] = Bool(true);
  const LotVerdict v = Check();
  ExpectInvoiceRejected(v, "PRESCRIPTION_RATUREE", 2);
  EXPECT_EQ(v.anomalies[0].document, lot_.prescriptions[2]);
}

TEST_F(LotRules, UnreadableRatureeIsFlagged) {
  Prescription(0).fields.erase("raturee");
  const LotVerdict v = Check();
  ExpectInvoiceRejected(v, "PRESCRIPTION_RATUREE", 0);
  EXPECT_TRUE(v.anomalies[0].illisible);
}

TEST_F(LotRules, RatureeFeuilleRejectsItsInvoice) {
  Feuille(1).fields["raturee"] = Bool(true);
  const LotVerdict v = Check();
  ExpectInvoiceRejected(v, "FDS_RATUREE", 1);
  EXPECT_EQ(v.anomalies[0].document, lot_.feuilles[1]);
  EXPECT_FALSE(v.anomalies[0].illisible);
}

TEST_F(LotRules, FeuilleReadAsNotRatureeOrNotCheckedHasNoCrossingAnomaly) {
  Feuille(0).fields["raturee"] = Bool(false);
  Feuille(1).fields.erase("raturee");
  EXPECT_EQ(Check().verdict, Verdict::kAccepted);
}

TEST_F(LotRules, FeuilleCheckedForCrossingsWithoutDecisionRaisesNoAnomalyItsInvoiceWaitsForReview) {
  // A possible stroke the reader left to a person: no notice of a defect the
  // feuille may not have; the review of "raturee" holds the payment.
  Feuille(2).fields.erase("raturee");
  Feuille(2).review.push_back(ReviewFlag{"raturee", std::nullopt, "trait à travers une ligne du texte (10 mm) : rature à vérifier"});
  const LotVerdict v = Check();
  EXPECT_EQ(v.verdict, Verdict::kAccepted);
  EXPECT_TRUE(v.anomalies.empty());
  const auto blocking = BlockingFields::Load(LIASSE_SOURCE_DIR "/data");
  ASSERT_TRUE(blocking.ok()) << blocking.status().ToString();
  EXPECT_TRUE(blocking->Blocks(Feuille(2), Feuille(2).review.back()));
  // Read "not crossed" with a doubt: the reader decided, the payment goes on.
  Feuille(2).fields["raturee"] = Bool(false);
  EXPECT_FALSE(blocking->Blocks(Feuille(2), Feuille(2).review.back()));
}

TEST_F(LotRules, PrescriptionCheckedForCrossingsWithoutDecisionRaisesNoAnomalyItsInvoiceWaits) {
  // The prescription's possible stroke left to a person: no notice to the
  // professional (it used to reject the invoice as "illisible"); the
  // invoice is accepted but held until the person decides.
  Prescription(1).fields.erase("raturee");
  Prescription(1).review.push_back(ReviewFlag{"raturee", std::nullopt, "trait possible à travers une ligne du texte : rature à vérifier"});
  const LotVerdict v = Check();
  EXPECT_EQ(v.verdict, Verdict::kAccepted);
  EXPECT_TRUE(v.anomalies.empty());
  ASSERT_EQ(v.factures_en_attente.size(), 1u);
  EXPECT_EQ(v.factures_en_attente[0], v.factures_acceptees[1]);
  const auto blocking = BlockingFields::Load(LIASSE_SOURCE_DIR "/data");
  ASSERT_TRUE(blocking.ok()) << blocking.status().ToString();
  EXPECT_TRUE(blocking->Blocks(Prescription(1), Prescription(1).review.back()));
  // Decided "crossed" by the person: rejected, nothing waits.
  Prescription(1).fields["raturee"] = Bool(true);
  const LotVerdict decided = Check();
  ExpectInvoiceRejected(decided, "PRESCRIPTION_RATUREE", 1);
  EXPECT_TRUE(decided.factures_en_attente.empty());
}

TEST_F(LotRules, CareBeforeThePrescriptionIsInconsistent) {
  Prescription(1).fields["date"] = Text("2025-09-15");
  Feuille(1).fields["prescription.date"] = Text("2025-09-15");
  ExpectInvoiceRejected(Check(), "DATES_INCONSISTENT", 1);
}

TEST_F(LotRules, CareAfterTheLotIsInconsistent) {
  Feuille(0).lines[1].values["date"] = "2025-10-03";
  ExpectInvoiceRejected(Check(), "DATES_INCONSISTENT", 0);
}

TEST_F(LotRules, TooManyInvoicesRejectTheLot) {
  auto text = std::string("[limites]\nlargeur_numero_lot = 3\nfactures_par_lot_max = 2\ntolerance_montant_centimes = 0\n");
  // Reuse the shipped rule texts with a smaller limit.
  auto full = LotRuleSet::Load(LIASSE_SOURCE_DIR "/data");
  ASSERT_TRUE(full.ok());
  std::string rules = "[regles]\n";
  for (const auto& code : LotRuleCodes()) {
    const RuleText& r = full->Rule(code);
    rules += "[regles." + code + "]\nportee = \"" + (r.scope == Scope::kLot ? "lot" : "facture") +
             "\"\nmessage = \"m\"\na_renvoyer = \"r\"\n";
  }
  auto small = LotRuleSet::Parse(text + rules, "small.toml");
  ASSERT_TRUE(small.ok()) << small.status().ToString();
  auto verdicts = CheckLots(lot_.docs, *small, history_);
  ASSERT_TRUE(verdicts.ok());
  ASSERT_EQ(Codes(verdicts->front()), std::vector<std::string>{"LOT_TOO_MANY_INVOICES"});
  EXPECT_EQ(verdicts->front().verdict, Verdict::kRejected);
}

// Lot 814 of the samples: the lot goes back whole (LOT_ORDER) while two
// invoices had no anomaly of their own; none of them is payable.
TEST_F(LotRules, RejectedLotPaysNoneOfItsInvoicesEvenThoseWithoutAnomaly) {
  std::swap(Bordereau().lines[0], Bordereau().lines[1]);
  std::swap(lot_.docs[1], lot_.docs[3]);
  std::swap(lot_.docs[2], lot_.docs[4]);
  Feuille(2).fields["signature.praticien"] = Bool(false);
  const LotVerdict v = Check();
  EXPECT_EQ(v.verdict, Verdict::kRejected);
  EXPECT_TRUE(v.factures_acceptees.empty());
  EXPECT_EQ(v.factures_rejetees, lot_.numeros);
}

TEST_F(LotRules, InvoiceNumberTwiceInTheLotIsADuplicate) {
  Bordereau().lines[1].values["numero_facture"] = lot_.numeros[0];
  Feuille(1).fields["numero_facture"] = Text(lot_.numeros[0]);
  const LotVerdict v = Check();
  ASSERT_EQ(Codes(v), std::vector<std::string>{"FACTURE_DOUBLON"});
  EXPECT_EQ(v.anomalies[0].document, lot_.feuilles[1]);  // the second feuille with that number
  EXPECT_EQ(v.anomalies[0].numero_facture, lot_.numeros[0]);
  EXPECT_EQ(v.verdict, Verdict::kPartial);
  EXPECT_EQ(v.factures_rejetees, std::vector<std::string>{lot_.numeros[0]});
  EXPECT_EQ(v.factures_acceptees, std::vector<std::string>{lot_.numeros[2]});
}

// The register of one invoice paid by envelope "autre".
class OnePaidInvoice final : public PaidInvoices {
 public:
  explicit OnePaidInvoice(std::string claim_id) : claim_id_(std::move(claim_id)) {}
  Result<std::optional<PaidInvoice>> PaidElsewhere(std::string_view claim_id, std::string_view envelope) const override {
    if (claim_id != claim_id_ || envelope == "autre") return std::optional<PaidInvoice>();
    return std::optional<PaidInvoice>(PaidInvoice{claim_id_, "autre", "lot_autre.pdf", Date::FromYmd(2025, 10, 2).value()});
  }

 private:
  std::string claim_id_;
};

TEST_F(LotRules, InvoicePaidThroughAnotherEnvelopeIsRefusedAsAlreadyPaid) {
  const OnePaidInvoice paid(B2ClaimId("067805663", lot_.numeros[1]));
  auto verdicts = CheckLots(lot_.docs, Rules(), history_, {&paid, "ce-pli"});
  ASSERT_TRUE(verdicts.ok());
  const LotVerdict& v = verdicts->front();
  ASSERT_EQ(Codes(v), std::vector<std::string>{"FACTURE_DEJA_PAYEE"});
  EXPECT_EQ(v.verdict, Verdict::kPartial);
  EXPECT_EQ(v.factures_rejetees, std::vector<std::string>{lot_.numeros[1]});
  EXPECT_NE(v.anomalies[0].message.find("réglée le 02/10/2025 (pli lot_autre.pdf)"), std::string::npos)
      << v.anomalies[0].message;
  // The envelope that paid it, checked again, is not a duplicate of itself.
  auto own = CheckLots(lot_.docs, Rules(), history_, {&paid, "autre"});
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->front().verdict, Verdict::kAccepted);
}

TEST_F(LotRules, EveryInvoiceRejectedMakesTheLotRejected) {
  for (size_t i = 0; i < 3; ++i) Feuille(i).fields["signature.praticien"] = Bool(false);
  const LotVerdict v = Check();
  EXPECT_EQ(v.verdict, Verdict::kRejected);
  EXPECT_EQ(v.factures_rejetees, lot_.numeros);
}

TEST_F(LotRules, FluxSecuriseNeedsOnlyBordereauAndPrescriptions) {
  std::vector<Document> securise;
  for (const Document& d : lot_.docs) {
    if (d.type != DocumentType::kFeuilleDeSoins) securise.push_back(d);
  }
  const LotVerdict v = Check(securise);
  EXPECT_EQ(v.flux, Flux::kSecurise);
  EXPECT_EQ(v.verdict, Verdict::kAccepted) << (v.anomalies.empty() ? "" : v.anomalies[0].code);
  // Without its prescription, an invoice of a flux sécurisé is rejected too.
  securise.erase(securise.begin() + 2);
  const LotVerdict w = Check(securise);
  ASSERT_EQ(Codes(w), std::vector<std::string>{"PRESCRIPTION_MISSING"});
  EXPECT_EQ(w.anomalies[0].numero_facture, lot_.numeros[1]);
  EXPECT_EQ(w.anomalies[0].line, 1);
}

TEST_F(LotRules, LotsJsonFollowsTheContract) {
  Bordereau().lines[0].values["nir"] = "295109912611199";
  const std::string json = LotsToJson({Check()}, -1);
  EXPECT_NE(json.find(R"("numero":"042","verdict":"partial")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("code":"LOT_NIR_INVALID","document":0,"line":0,"numero_facture":"100000101")"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find(R"("factures_rejetees":["100000101"])"), std::string::npos) << json;
}

}  // namespace
}  // namespace liasse::rules

namespace liasse::rules {
namespace {

// An unreadable field is absent from the document. Every field a rule needs,
// when absent, must make the lot non-accepted; only fields no rule needs (or
// read elsewhere) may go missing silently.
TEST(LotRulesUnreadable, EveryNeededFieldAbsentIsFlagged) {
  MemoryPrescriptionHistory history;
  const CleanLot clean = MakeCleanLot();
  // Fields with another source or not required by seed 003.
  const std::set<std::string> optional = {"partenaire.nom",      "beneficiaire.nom", "beneficiaire.prenom",
                                          "beneficiaire.date_naissance", "praticien.identifiant",
                                          "prescripteur.nom",    "patient.nom",      "patient.prenom",
                                          "prescription.date",   "date",             "montant_total",
                                          "impossibilite_signer" /* not needed when the patient signed */};
  for (size_t d = 0; d < clean.docs.size(); ++d) {
    for (const auto& [name, field] : clean.docs[d].fields) {
      std::vector<Document> docs = clean.docs;
      docs[d].fields.erase(name);
      auto v = CheckLots(docs, Rules(), history);
      ASSERT_TRUE(v.ok());
      if (optional.count(name)) {
        EXPECT_EQ(v->front().verdict, Verdict::kAccepted) << "document " << d << " field " << name;
      } else {
        EXPECT_NE(v->front().verdict, Verdict::kAccepted) << "document " << d << " field " << name;
      }
    }
  }
}

TEST(LotRulesUnreadable, PrescriptionDateReadNowhereIsFlagged) {
  MemoryPrescriptionHistory history;
  CleanLot lot = MakeCleanLot();
  lot.docs[static_cast<size_t>(lot.prescriptions[0])].fields.erase("date");
  lot.docs[static_cast<size_t>(lot.feuilles[0])].fields.erase("prescription.date");
  auto v = CheckLots(lot.docs, Rules(), history);
  ASSERT_TRUE(v.ok());
  ASSERT_EQ(v->front().anomalies.size(), 1u);
  EXPECT_EQ(v->front().anomalies[0].code, "DATES_INCONSISTENT");
  EXPECT_TRUE(v->front().anomalies[0].illisible);
}

class UnavailableHistory final : public PrescriptionHistory {
 public:
  Result<std::optional<PrescriptionRecord>> Find(const PrescriptionKey&) const override {
    return Status::Unavailable("base indisponible");
  }
  Status Remember(const PrescriptionRecord&) override { return Status::Unavailable("base indisponible"); }
};

TEST(LotRulesHistory, StoreThatCannotAnswerIsAnErrorNotAVerdict) {
  CleanLot lot = MakeCleanLot();
  lot.docs.erase(lot.docs.begin() + lot.prescriptions[0]);
  UnavailableHistory history;
  EXPECT_THAT(CheckLots(lot.docs, Rules(), history),
              StatusIs(StatusCode::kUnavailable, HasSubstr("base indisponible")));
}

TEST(LotRulesEnvelope, TwoLotsInOneEnvelopeAreJudgedApart) {
  MemoryPrescriptionHistory history;
  CleanLot first = MakeCleanLot();
  CleanLot second = MakeCleanLot();
  second.docs[0].fields["lot.numero"] = Text("043");
  second.docs[static_cast<size_t>(second.feuilles[1])].fields["signature.praticien"] = Bool(false);
  std::vector<Document> docs = first.docs;
  docs.insert(docs.end(), second.docs.begin(), second.docs.end());
  auto v = CheckLots(docs, Rules(), history);
  ASSERT_TRUE(v.ok());
  ASSERT_EQ(v->size(), 2u);
  EXPECT_EQ((*v)[0].verdict, Verdict::kAccepted);
  EXPECT_EQ((*v)[1].numero, "043");
  EXPECT_EQ((*v)[1].verdict, Verdict::kPartial);
  EXPECT_EQ((*v)[1].anomalies[0].document, 7 + second.feuilles[1]);
}

}  // namespace
}  // namespace liasse::rules
