#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "liasse/generators/letter_generator.h"
#include "pdf_probe.h"
#include "testing/status_matchers.h"

namespace liasse::generators {
namespace {

using ::liasse::test_support::StatusIs;
using testing::D;
using ::testing::HasSubstr;
using ::testing::Not;

// Checks what every letter must satisfy and returns its text.
std::string CheckedText(const Result<RenderedLetter>& letter, const std::string& name) {
  EXPECT_TRUE(letter.ok()) << letter.status().ToString();
  if (!letter.ok()) return "";
  const std::string path = testing::WriteTemp(name, letter->pdf);
  std::string fonts;
  EXPECT_TRUE(testing::AllFontsEmbedded(path, &fonts)) << fonts;
  const auto check = testing::QpdfCheck(path);
  EXPECT_EQ(check.exit_code, 0) << check.out;
  return testing::PdfText(path);
}

RenonciationModel Renonciation() {
  RenonciationModel m;
  m.reference = "REN-2025-0042";
  m.numero_adherent = "104977";
  m.adherent = {"M. François LEFÈVRE", {"8 avenue Jean-Jaurès", "13005 MARSEILLE"}, ""};
  m.contrat = "PASS MUTUELLES";
  m.date_courrier = D(2025, 3, 20);
  m.faits.date_signature_ou_effet = D(2025, 3, 1);
  m.faits.date_reception = D(2025, 3, 18);
  m.cotisations_versees = Money::FromCents(4890);
  m.prestations_versees = Money::FromCents(2300);
  return m;
}

TEST(RenonciationLetter, InTimeGivesConfirmationWithRefundsAndCard) {
  RenonciationModel m = Renonciation();
  m.faits.date_cachet = D(2025, 3, 17);  // 15 March is a Saturday: Monday 17 is the last day
  auto letter = testing::MakeGenerator().Renonciation(m);
  ASSERT_TRUE(letter.ok()) << letter.status().ToString();
  EXPECT_EQ(letter->kind, LetterKind::kConfirmationRenonciation);
  EXPECT_EQ(letter->to, "M. François LEFÈVRE");
  const std::string text = CheckedText(letter, "confirmation.pdf");
  EXPECT_THAT(text, HasSubstr("Confirmation de votre renonciation"));
  EXPECT_THAT(text, HasSubstr("cessent le 18 mars 2025"));
  EXPECT_THAT(text, HasSubstr("soit 48,90 €, au plus tard le 17 avril 2025"));
  EXPECT_THAT(text, HasSubstr("soit 23,00 €, au plus tard le 17 avril 2025"));
  EXPECT_THAT(text, HasSubstr("carte de tiers payant"));
  EXPECT_THAT(text, HasSubstr("qui expirait le 17 mars 2025"));
}

TEST(RenonciationLetter, ConfirmationOmitsRefundOfPrestationsWhenNonePaid) {
  RenonciationModel m = Renonciation();
  m.faits.date_cachet = D(2025, 3, 10);
  m.prestations_versees = Money::Zero();
  m.carte_tiers_payant = false;
  const std::string text = CheckedText(testing::MakeGenerator().Renonciation(m), "sans_prestations.pdf");
  EXPECT_THAT(text, Not(HasSubstr("prestations déjà versées")));
  EXPECT_THAT(text, Not(HasSubstr("carte de tiers payant")));
}

TEST(RenonciationLetter, LateGivesRefusalWithAlternatives) {
  RenonciationModel m = Renonciation();
  m.faits.date_cachet = D(2025, 3, 18);
  auto letter = testing::MakeGenerator().Renonciation(m);
  ASSERT_TRUE(letter.ok());
  EXPECT_EQ(letter->kind, LetterKind::kRefusRenonciation);
  const std::string text = CheckedText(letter, "refus.pdf");
  EXPECT_THAT(text, HasSubstr("a pris fin le 17 mars 2025"));
  EXPECT_THAT(text, HasSubstr("le 15 mars 2025 étant un samedi"));
  EXPECT_THAT(text, HasSubstr("envoyée le 18 mars 2025 (selon le cachet de la poste)"));
  EXPECT_THAT(text, HasSubstr("Résiliation à l'échéance"));
  EXPECT_THAT(text, HasSubstr("31 décembre 2025"));
  EXPECT_THAT(text, HasSubstr("au plus tard le 31 octobre 2025"));
  EXPECT_THAT(text, HasSubstr("à partir du 1er mars 2026"));
}

ReclamationModel Reclamation(InsurerKind kind) {
  ReclamationModel m;
  m.ticket = "RCL-2025-00188";
  m.reclamant = {"M. Jérôme GARÇON", {"27 boulevard Voltaire", "75011 PARIS"}, ""};
  m.date_reception = D(2025, 12, 19);
  m.date_courrier = D(2025, 12, 22);
  m.objet = "le remboursement de votre couronne dentaire";
  m.porteur_de_risque = kind;
  m.nom = "GARÇON";
  m.prenom = "Jérôme";
  m.adresse = "27 boulevard Voltaire";
  m.email = "j@example.fr";
  return m;
}

TEST(ReclamationLetter, AcknowledgmentStatesTicketCommitmentsMissingItemsAndMediator) {
  const std::string text = CheckedText(
      testing::MakeGenerator().AccuseReceptionReclamation(Reclamation(InsurerKind::kMutuelle)), "reclamation.pdf");
  EXPECT_THAT(text, HasSubstr("RCL-2025-00188"));
  EXPECT_THAT(text, HasSubstr("reçu le 19 décembre 2025"));
  EXPECT_THAT(text, HasSubstr("le remboursement de votre couronne dentaire"));
  EXPECT_THAT(text, HasSubstr("au plus tard le 6 janvier 2026"));
  EXPECT_THAT(text, HasSubstr("au plus tard le 19 février 2026"));
  EXPECT_THAT(text, HasSubstr("Numéro de sécurité sociale de l'adhérent concerné"));
  EXPECT_THAT(text, HasSubstr("Coordonnées (n° de téléphone)"));
  EXPECT_THAT(text, HasSubstr("Médiateur de la Mutualité Française"));
  EXPECT_THAT(text, HasSubstr("255 rue de Vaugirard"));
}

TEST(ReclamationLetter, MediatorFollowsTheKindOfInsurer) {
  auto generator = testing::MakeGenerator();
  const std::string assurance =
      CheckedText(generator.AccuseReceptionReclamation(Reclamation(InsurerKind::kEntrepriseAssurance)), "a.pdf");
  EXPECT_THAT(assurance, HasSubstr("La Médiation de l'Assurance"));
  EXPECT_THAT(assurance, HasSubstr("TSA 50110"));
  EXPECT_THAT(assurance, Not(HasSubstr("Vaugirard")));
  const std::string ctip =
      CheckedText(generator.AccuseReceptionReclamation(Reclamation(InsurerKind::kInstitutionPrevoyance)), "c.pdf");
  EXPECT_THAT(ctip, HasSubstr("Médiateur du CTIP"));
  EXPECT_THAT(ctip, HasSubstr("10 rue Cambacérès"));
}

LotAnomaliesModel Lot() {
  LotAnomaliesModel m;
  m.reference = "LOT-042";
  m.professionnel = {"Mme Hélène DUPRÉ", {"3 place de l'Église", "97100 BASSE-TERRE"}, ""};
  m.identifiant_professionnel = "976123452";
  m.numero_lot = "042";
  m.date_lot = D(2025, 9, 15);
  m.date_reception = D(2025, 9, 18);
  m.date_courrier = D(2025, 9, 19);
  m.anomalies_lot = {{"LOT_ORDER", "Les factures ne sont pas classées par numéro croissant."}};
  m.factures = {{"000001234", "Paul BÉRANGER", Money::FromCents(3150),
                 {{"FS_SIGNATURE_PATIENT", "La feuille de soins n'est pas signée par le patient."}},
                 {"Feuille de soins signée par le patient"}},
                {"000001237", "Agnès CŒUR", Money::FromCents(5730),
                 {{"PRESCRIPTION_RATUREE", "La prescription médicale est raturée."}},
                 {"Copie d'une prescription médicale non raturée"}}};
  m.factures_acceptees = 9;
  return m;
}

TEST(LotLetter, NoticeListsLotAnomaliesRejectedInvoicesAndWhatToResend) {
  const std::string text = CheckedText(testing::MakeGenerator().AnomaliesLot(Lot()), "lot.pdf");
  EXPECT_THAT(text, HasSubstr("Anomalies du lot n° 042"));
  EXPECT_THAT(text, HasSubstr("9 facture(s) ont été acceptées"));
  EXPECT_THAT(text, HasSubstr("Les factures ne sont pas classées par numéro croissant."));
  EXPECT_THAT(text, Not(HasSubstr("LOT_ORDER")));  // codes stay in the result JSON
  EXPECT_THAT(text, HasSubstr("000001237"));
  EXPECT_THAT(text, HasSubstr("Agnès CŒUR"));
  EXPECT_THAT(text, HasSubstr("57,30 €"));
  EXPECT_THAT(text, HasSubstr("La prescription médicale est raturée."));
  EXPECT_THAT(text, Not(HasSubstr("PRESCRIPTION_RATUREE")));
  EXPECT_THAT(text, HasSubstr("Copie d'une prescription médicale non raturée"));
}

TEST(LotLetter, WholeLotRejectedSaysSo) {
  LotAnomaliesModel m = Lot();
  m.lot_rejete = true;
  m.factures.clear();
  m.factures_acceptees = 0;
  const std::string text = CheckedText(testing::MakeGenerator().AnomaliesLot(m), "rejete.pdf");
  EXPECT_THAT(text, HasSubstr("vous est retourné dans son ensemble"));
  EXPECT_THAT(text, Not(HasSubstr("Factures rejetées")));
}

TEST(LotLetter, RejectedInvoiceWithoutAnomalyIsRefused) {
  LotAnomaliesModel m = Lot();
  m.factures[0].anomalies.clear();
  EXPECT_THAT(testing::MakeGenerator().AnomaliesLot(m),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("facture 000001234 rejetée sans anomalie")));
}

TEST(PiecesLetter, RequestListsEveryMissingPiece) {
  DemandePiecesModel m;
  m.reference = "DP-2025-1187";
  m.numero_adherent = "104582";
  m.adherent = {"Mme Claire MARTIN", {"12 rue de la Fontaine-au-Roi", "75011 PARIS"}, ""};
  m.date_reception = D(2025, 10, 2);
  m.date_courrier = D(2025, 10, 3);
  m.objet = "votre demande de remboursement d'équipement optique";
  m.pieces = {{"Copie de la prescription médicale", "lunettes de Léa MARTIN"},
              {"Facture détaillée et acquittée", "monture et verres"}};
  const std::string text = CheckedText(testing::MakeGenerator().DemandePieces(m), "pieces.pdf");
  EXPECT_THAT(text, HasSubstr("Demande de pièces justificatives"));
  EXPECT_THAT(text, HasSubstr("Copie de la prescription médicale – lunettes de Léa MARTIN"));
  EXPECT_THAT(text, HasSubstr("Facture détaillée et acquittée – monture et verres"));
  EXPECT_THAT(text, HasSubstr("DP-2025-1187"));
  m.pieces.clear();
  EXPECT_THAT(testing::MakeGenerator().DemandePieces(m),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("DP-2025-1187 : aucune pièce demandée")));
}

TEST(RefusRemboursementLetter, RefusalGivesItsReasonsAndWhatToDo) {
  RefusRemboursementModel m;
  m.reference = "lot_03-REFUS-2";
  m.numero_adherent = "A24135841";
  m.destinataire = {"Julie BONNET", {"4 rue des Lilas", "97139 LES ABYMES"}, ""};
  m.numero_facture = "218647856";
  m.date_reception = D(2025, 1, 15);
  m.date_courrier = D(2026, 11, 23);
  m.objet = "facture n° 218647856";
  m.motifs = {"Demande reçue plus de deux ans après la date des soins (§ 3.4.2)."};
  const std::string text = CheckedText(testing::MakeGenerator().RefusRemboursement(m), "refus.pdf");
  EXPECT_THAT(text, HasSubstr("Refus de remboursement"));
  EXPECT_THAT(text, HasSubstr("Demande reçue plus de deux ans après la date des soins"));
  EXPECT_THAT(text, HasSubstr("Ce que vous pouvez faire"));
  EXPECT_THAT(text, HasSubstr("reclamationscpms@cpms.fr"));
  EXPECT_THAT(text, Not(HasSubstr("0,00")));  // a refusal, not a décompte of nothing
  m.motifs.clear();
  const auto none = testing::MakeGenerator().RefusRemboursement(m);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().message(), "refus lot_03-REFUS-2 : aucun motif");
}

TEST(RefusRemboursementLetter, TiersPayantRefusalIsAddressedToTheProfessional) {
  RefusRemboursementModel m;
  m.reference = "lot_01-REFUS-3";
  m.destinataire = {"BONNET", {"Cabinet infirmier", "97139 LES ABYMES"}, ""};
  m.numero_facture = "596721245";
  m.tiers_payant = true;
  m.date_reception = D(2025, 1, 15);
  m.date_courrier = D(2026, 11, 23);
  m.objet = "facture n° 596721245";
  m.motifs = {"L'assuré n'est pas adhérent de la mutuelle."};
  const std::string text = CheckedText(testing::MakeGenerator().RefusRemboursement(m), "refus_tp.pdf");
  EXPECT_THAT(text, HasSubstr("la facture n° 596721245 que vous nous avez adressée en tiers payant"));
  EXPECT_THAT(text, HasSubstr("L'assuré n'est pas adhérent de la mutuelle."));
}

}  // namespace
}  // namespace liasse::generators
