// Rules beyond the table rows: retenues and their caps, exemptions, hospital
// notes (3) and (4), care abroad, coverage dates and the two-year deadline,
// RO amounts read on a décompte.
#include <gtest/gtest.h>

#include "fixture.h"
#include "testing/status_matchers.h"

namespace liasse::pricing::testing {
namespace {
using ::liasse::test_support::StatusIs;
using ::testing::HasSubstr;

TEST(PricingRetenues, ParticipationForfaitaireCappedAtFourEurosADayPerProfessional) {
  Claim c = MakeClaim("PASS2");
  for (int i = 0; i < 3; ++i) c.lines.push_back(MakeLine("G", "30.00", "2025-06-01"));
  ClaimLine other = MakeLine("G", "30.00", "2025-06-01");
  other.professionnel = "P2";
  c.lines.push_back(other);
  const PricedClaim p = PriceOne(c);
  EXPECT_EQ(p.lines[0].retenues, E("2.00"));
  EXPECT_EQ(p.lines[1].retenues, E("2.00"));
  EXPECT_EQ(p.lines[2].retenues, E("0.00"));
  EXPECT_EQ(p.lines[3].retenues, E("2.00"));
  for (const auto& l : p.lines) ExpectBalanced(l);
}

TEST(PricingRetenues, ParticipationForfaitaireCappedAtFiftyEurosAYear) {
  Claim c = MakeClaim("PASS2");
  for (int day = 1; day <= 28; ++day) {
    ClaimLine l = MakeLine("G", "30.00", "2025-02-01");
    l.date = D("2025-02-01").AddDays(day - 1);
    c.lines.push_back(l);
  }
  const PricedClaim p = PriceOne(c);
  EXPECT_EQ(p.totals.retenues, E("50.00"));  // 25 × 2 €, then nothing
  EXPECT_EQ(p.lines[24].retenues, E("2.00"));
  EXPECT_EQ(p.lines[25].retenues, E("0.00"));
}

TEST(PricingRetenues, OneEuroBeforeMay2024) {
  Claim c = MakeClaim("PASS2");
  c.lines.push_back(MakeLine("G", "26.50", "2024-05-14"));
  const PricedLine l = PriceOne(c).lines[0];
  EXPECT_EQ(l.base, E("26.50"));
  EXPECT_EQ(l.retenues, E("1.00"));
  EXPECT_EQ(l.ro, E("17.55"));  // 18,55 − 1
}

TEST(PricingRetenues, MinorsAndMaternityAreExempt) {
  Claim minor = MakeClaim("PASS2");
  minor.date_naissance = D("2010-01-01");
  minor.lines.push_back(MakeLine("G", "30.00"));
  EXPECT_EQ(PriceOne(minor).lines[0].retenues, E("0.00"));
  Claim mat = MakeClaim("PASS2");
  ClaimLine l = MakeLine("G", "30.00");
  l.flags.maternite = true;
  mat.lines.push_back(l);
  const PricedLine p = PriceOne(mat).lines[0];
  EXPECT_EQ(p.taux_ro, Rate::Percent(100));
  EXPECT_EQ(p.retenues, E("0.00"));
  EXPECT_EQ(p.ro, E("30.00"));
  EXPECT_EQ(p.mutuelle, E("0.00"));
}

TEST(PricingRetenues, FranchisePerBoxStaysWithTheMember) {
  Claim c = MakeClaim("PASS3");
  ClaimLine l = MakeLine("PH65", "30.00");
  l.base_ligne = E("30.00");
  l.quantite = 3;
  c.lines.push_back(l);
  const PricedLine p = PriceOne(c).lines[0];
  EXPECT_EQ(p.ro_brut, E("19.50"));
  EXPECT_EQ(p.retenues, E("3.00"));
  EXPECT_EQ(p.mutuelle, E("10.50"));
  EXPECT_EQ(p.reste_a_charge, E("3.00"));
}

TEST(PricingRules, HorsParcoursLowersRoRateAndDropsDepassements) {
  Claim c = MakeClaim("PASS5");
  ClaimLine l = MakeLine("G", "80.00");
  l.flags.parcours_de_soins = false;
  c.lines.push_back(l);
  const PricedLine p = PriceOne(c).lines[0];
  EXPECT_EQ(p.taux_ro, Rate::Percent(30));
  EXPECT_EQ(p.ro_brut, E("9.00"));
  EXPECT_EQ(p.mutuelle, E("21.00"));  // 100 % × 30 − 9
}

TEST(PricingHospital, NonConventionneLimitedToTicketModerateur) {
  Claim c = MakeClaim("PASS5");
  ClaimLine l = MakeLine("CCAM_CHIRURGIE", "300.00");
  l.base_ligne = E("100.00");
  l.flags.conventionne = false;
  c.lines.push_back(l);
  EXPECT_EQ(PriceOne(c).lines[0].mutuelle, E("20.00"));  // not 200 % − 80
}

TEST(PricingHospital, VaginalDeliveryDepassementsNotCovered) {
  Claim c = MakeClaim("PASS5");
  ClaimLine l = MakeLine("CCAM_CHIRURGIE", "300.00");
  l.base_ligne = E("100.00");
  l.flags.accouchement_voie_basse = true;
  c.lines.push_back(l);
  EXPECT_EQ(PriceOne(c).lines[0].mutuelle, E("20.00"));
}

TEST(PricingHospital, ForfaitJournalierNotCoveredInMedicoSocial) {
  Claim c = MakeClaim("PASS5");
  ClaimLine l = MakeLine("FJ", "20.00");
  l.flags.medico_social = true;
  c.lines.push_back(l);
  const PricedLine p = PriceOne(c).lines[0];
  EXPECT_EQ(p.mutuelle, E("0.00"));
  EXPECT_NE(p.motif_refus.find("médico-social"), std::string::npos);
  EXPECT_EQ(p.reste_a_charge, E("20.00"));
}

TEST(PricingHospital, HeavyActFlatParticipationCoveredByItsRow) {
  // Surgeon BR 300 €, PASS3 150 %: RO 276 €, garantie 450 − 24 + 24 = 450 €.
  Claim c = MakeClaim("PASS3");
  ClaimLine l = MakeLine("CCAM_CHIRURGIE", "500.00");
  l.base_ligne = E("300.00");
  c.lines.push_back(l);
  const PricedLine p = PriceOne(c).lines[0];
  EXPECT_EQ(p.ro, E("276.00"));
  EXPECT_EQ(p.mutuelle, E("174.00"));
  EXPECT_EQ(p.reste_a_charge, E("50.00"));
  // PASS1 prints "0 €" for that participation: the member keeps 24 €.
  Claim c1 = c;
  c1.coverage.contrat = "PASS1";
  c1.lines[0].frais_reels = E("300.00");
  const PricedLine p1 = PriceOne(c1).lines[0];
  EXPECT_EQ(p1.mutuelle, E("0.00"));
  EXPECT_EQ(p1.reste_a_charge, E("24.00"));
}

TEST(PricingAbroad, SecuPlusTwentyFivePercentAtLeastHundredPercent) {
  Claim c = MakeClaim("PASS3");
  ClaimLine l = MakeLine("G", "100.00");
  l.flags.etranger = true;
  c.lines.push_back(l);
  // RO 21 €; max(21 + 7,50 ; 30) = 30 € → 9 €.
  EXPECT_EQ(PriceOne(c).lines[0].mutuelle, E("9.00"));
  EXPECT_EQ(PriceOne(c).lines[0].garantie, "PASS3/etranger");
}

TEST(PricingAbroad, NotCoveredByTheRoMeansNothing) {
  Claim c = MakeClaim("PASS5");
  ClaimLine l = MakeLine("G", "100.00");
  l.flags.etranger = true;
  l.flags.pris_en_charge_ro_etranger = false;
  c.lines.push_back(l);
  const PricedLine p = PriceOne(c).lines[0];
  EXPECT_EQ(p.ro, E("0.00"));
  EXPECT_EQ(p.mutuelle, E("0.00"));
  EXPECT_FALSE(p.motif_refus.empty());
}

TEST(PricingCoverage, CareBeforeAdhesionPaysNothingWithTheReason) {
  Claim c = MakeClaim("PASS5");
  c.coverage.date_adhesion = D("2025-07-01");
  c.lines.push_back(MakeLine("G", "50.00", "2025-06-30"));
  const PricedLine p = PriceOne(c).lines[0];
  EXPECT_EQ(p.ro, E("19.00"));  // the RO still pays its part
  EXPECT_EQ(p.mutuelle, E("0.00"));
  EXPECT_NE(p.motif_refus.find("antérieurs à l'adhésion"), std::string::npos);
  ExpectBalanced(p);
}

TEST(PricingCoverage, CareAfterTheEndOfCoveragePaysNothing) {
  Claim c = MakeClaim("PASS5");
  c.coverage.date_fin = D("2025-05-31");
  c.lines.push_back(MakeLine("G", "50.00", "2025-06-01"));
  const PricedLine p = PriceOne(c).lines[0];
  EXPECT_EQ(p.mutuelle, E("0.00"));
  EXPECT_NE(p.motif_refus.find("fin des garanties"), std::string::npos);
}

TEST(PricingCoverage, ClaimMoreThanTwoYearsLatePaysNothing) {
  Claim c = MakeClaim("PASS5");
  c.date_reception = D("2027-06-02");
  c.lines.push_back(MakeLine("G", "50.00", "2025-06-01"));
  EXPECT_EQ(PriceOne(c).lines[0].mutuelle, E("0.00"));
  c.date_reception = D("2027-06-01");
  EXPECT_EQ(PriceOne(c).lines[0].mutuelle, E("29.00"));  // min(60 − 21, 50 − 21)
}

TEST(PricingDecompte, RoAmountsReadOnTheDecompteArePreferred) {
  Claim c = MakeClaim("PASS3");
  ClaimLine l = MakeLine("G", "50.00");
  RoConnu ro;
  ro.base = E("30.00");
  ro.taux = Rate::Percent(70);
  ro.rembourse = E("19.00");
  ro.retenues = E("2.00");
  l.ro = ro;
  c.lines.push_back(l);
  const PricedLine p = PriceOne(c).lines[0];
  EXPECT_EQ(p.ro, E("19.00"));
  EXPECT_EQ(p.ro_brut, E("21.00"));
  EXPECT_EQ(p.mutuelle, E("18.00"));
  EXPECT_EQ(p.reste_a_charge, E("13.00"));
}

TEST(PricingErrors, UnknownActOrContractOrTariffDateIsAnErrorNamingTheLine) {
  Pricer pricer(Tables(), Tarifs());
  InMemoryCounters counters;
  Claim c = MakeClaim("PASS3");
  c.lines.push_back(MakeLine("G", "30.00"));
  c.lines.push_back(MakeLine("XYZ", "30.00"));
  EXPECT_THAT(pricer.Price(c, counters, nullptr),
              StatusIs(StatusCode::kNotFound, HasSubstr("ligne 2: acte « XYZ » absent du tarif")));
  Claim old = MakeClaim("PASS3");
  old.lines.push_back(MakeLine("G", "30.00", "2019-01-01"));
  EXPECT_THAT(pricer.Price(old, counters, nullptr),
              StatusIs(StatusCode::kNotFound, HasSubstr("ligne 1: tarif de G non connu au 01/01/2019")));
  Claim unknown = MakeClaim("PASS9");
  unknown.lines.push_back(MakeLine("G", "30.00"));
  EXPECT_THAT(pricer.Price(unknown, counters, nullptr),
              StatusIs(StatusCode::kNotFound, HasSubstr("contrat « PASS9 » inconnu")));
}

TEST(PricingTrace, EveryStepExplainedInFrench) {
  Claim c = MakeClaim("PASS3");
  c.lines.push_back(MakeLine("G", "50.00"));
  const PricedLine p = PriceOne(c).lines[0];
  ASSERT_EQ(p.trace.size(), 5u);
  EXPECT_EQ(p.trace[0].rfind("Base de remboursement", 0), 0u);
  EXPECT_EQ(p.trace[1].rfind("Sécurité sociale : 70", 0), 0u);
  EXPECT_EQ(p.trace[2].rfind("Participation forfaitaire", 0), 0u);
  EXPECT_EQ(p.trace[4].rfind("Reste à charge", 0), 0u);
}

}  // namespace
}  // namespace liasse::pricing::testing
