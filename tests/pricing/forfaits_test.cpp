// Forfaits per calendar year and beneficiary, per séance with a yearly cap,
// combined forms, optique renewal; counters and idempotency.
#include <gtest/gtest.h>

#include "fixture.h"
#include "testing/status_matchers.h"

namespace liasse::pricing::testing {
namespace {
using ::liasse::test_support::StatusIs;
using ::testing::HasSubstr;

PricedClaim Record(const Claim& c, Counters& counters) {
  Pricer pricer(Tables(), Tarifs());
  auto p = pricer.PriceAndRecord(c, counters);
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  if (!p.ok()) std::abort();
  return *p;
}

TEST(PricingForfaits, PiluleForfaitIsPerCalendarYearAndBeneficiary) {
  InMemoryCounters counters;
  Claim a = MakeClaim("PASS3", "A");
  a.lines.push_back(MakeLine("PILULE_NR", "30.00", "2025-02-01"));
  EXPECT_EQ(Record(a, counters).lines[0].mutuelle, E("30.00"));
  Claim b = MakeClaim("PASS3", "B");
  b.lines.push_back(MakeLine("PILULE_NR", "30.00", "2025-11-01"));
  EXPECT_EQ(Record(b, counters).lines[0].mutuelle, E("10.00"));  // 40 € a year
  Claim c = MakeClaim("PASS3", "C");
  c.lines.push_back(MakeLine("PILULE_NR", "30.00", "2026-01-02"));
  EXPECT_EQ(Record(c, counters).lines[0].mutuelle, E("30.00"));  // new year
  Claim other = MakeClaim("PASS3", "D");
  other.beneficiaire = "A0001-02";
  other.lines.push_back(MakeLine("PILULE_NR", "30.00", "2025-12-01"));
  EXPECT_EQ(Record(other, counters).lines[0].mutuelle, E("30.00"));  // other beneficiary
}

TEST(PricingForfaits, PricingTheSameClaimTwiceNeverConsumesTwice) {
  InMemoryCounters counters;
  Claim a = MakeClaim("PASS3", "SAME");
  a.lines.push_back(MakeLine("PILULE_NR", "30.00", "2025-02-01"));
  const PricedClaim first = Record(a, counters);
  const PricedClaim again = Record(a, counters);
  EXPECT_EQ(first.lines[0].mutuelle, E("30.00"));
  EXPECT_EQ(again.lines[0].mutuelle, E("30.00"));
  Claim b = MakeClaim("PASS3", "NEXT");
  b.lines.push_back(MakeLine("PILULE_NR", "30.00", "2025-03-01"));
  EXPECT_EQ(Record(b, counters).lines[0].mutuelle, E("10.00"));
}

TEST(PricingForfaits, MedecinesDoucesPerSeanceWithYearlyCap) {
  InMemoryCounters counters;
  Claim c = MakeClaim("PASS5", "S");
  for (int i = 0; i < 6; ++i) c.lines.push_back(MakeLine("OSTEOPATHE", "60.00", "2025-04-01"));
  const PricedClaim p = Record(c, counters);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(p.lines[static_cast<size_t>(i)].mutuelle, E("30.00"));
  EXPECT_EQ(p.lines[5].mutuelle, E("0.00"));  // 150 € a year reached
  EXPECT_EQ(p.totals.mutuelle, E("150.00"));
}

TEST(PricingForfaits, Pass3SeanceCapOfTwentyFiveEurosAYear) {
  Claim c = MakeClaim("PASS3");
  c.lines.push_back(MakeLine("CHIROPRACTEUR", "50.00", "2025-04-01"));
  c.lines.push_back(MakeLine("PSY_NR", "50.00", "2025-05-01"));
  const PricedClaim p = PriceOne(c);
  EXPECT_EQ(p.lines[0].mutuelle, E("25.00"));
  EXPECT_EQ(p.lines[1].mutuelle, E("0.00"));
  EXPECT_EQ(p.lines[1].motif_refus, "Plafond annuel des séances atteint.");
}

TEST(PricingForfaits, SeanceLimitedToAmountSpent) {
  Claim c = MakeClaim("PASS5");
  c.lines.push_back(MakeLine("OSTEOPATHE", "20.00", "2025-04-01"));
  EXPECT_EQ(PriceOne(c).lines[0].mutuelle, E("20.00"));
}

TEST(PricingForfaits, LentillesPercentPlusYearlyForfait) {
  // PASS4 "60% + 80 €": 60 % × 39,48 = 23,69 = RO, plus 80 € a year.
  InMemoryCounters counters;
  Claim a = MakeClaim("PASS4", "L1");
  a.lines.push_back(MakeLine("LENTILLES", "70.00", "2025-01-10"));
  const PricedLine first = Record(a, counters).lines[0];
  EXPECT_EQ(first.ro, E("23.69"));
  EXPECT_EQ(first.mutuelle, E("46.31"));  // all that is left, within 80 €
  Claim b = MakeClaim("PASS4", "L2");
  b.lines.push_back(MakeLine("LENTILLES", "70.00", "2025-07-10"));
  EXPECT_EQ(Record(b, counters).lines[0].mutuelle, E("33.69"));  // 80 − 46,31
}

TEST(PricingForfaits, LentillesForfaitsRembourseesAndNonRembourseesAreSeparate) {
  Claim c = MakeClaim("PASS3");
  c.lines.push_back(MakeLine("LENTILLES_NR", "80.00", "2025-01-10"));
  c.lines.push_back(MakeLine("LENTILLES", "150.00", "2025-01-10"));
  const PricedClaim p = PriceOne(c);
  EXPECT_EQ(p.lines[0].mutuelle, E("50.00"));
  EXPECT_EQ(p.lines[1].mutuelle, E("60.00"));
}

TEST(PricingForfaits, ConcurrentClaimTakingTheForfaitFirstIsRepriced) {
  InMemoryCounters counters;
  Pricer pricer(Tables(), Tarifs());
  Claim a = MakeClaim("PASS3", "X");
  a.lines.push_back(MakeLine("PILULE_NR", "30.00", "2025-02-01"));
  Claim b = MakeClaim("PASS3", "Y");
  b.lines.push_back(MakeLine("PILULE_NR", "30.00", "2025-02-02"));
  // Both priced before either is recorded: the second Apply must refuse.
  std::vector<CounterEntry> ca, cb;
  ASSERT_TRUE(pricer.Price(a, counters, &ca).ok());
  ASSERT_TRUE(pricer.Price(b, counters, &cb).ok());
  ASSERT_TRUE(counters.Apply("X", ca).ok());
  auto second = counters.Apply("Y", cb);
  EXPECT_THAT(second, StatusIs(StatusCode::kFailedPrecondition, HasSubstr("plafond dépassé pour le compteur pilule")));
  // PriceAndRecord prices again and fits in what is left.
  EXPECT_EQ(Record(b, counters).lines[0].mutuelle, E("10.00"));
}

ClaimLine Equipment(const char* date, bool evolution = false) {
  ClaimLine l = MakeLine("OPTIQUE", "300.00", date);
  Optique o;
  o.droit.sphere = -150;
  o.gauche.sphere = -175;
  o.monture = E("120.00");
  o.evolution_vue = evolution;
  l.optique = o;
  return l;
}

TEST(PricingOptique, OneEquipmentPerTwoYearsForAdults) {
  InMemoryCounters counters;
  Claim a = MakeClaim("PASS5", "O1");
  a.lines.push_back(Equipment("2024-03-01"));
  EXPECT_EQ(Record(a, counters).lines[0].mutuelle, E("149.91"));
  Claim b = MakeClaim("PASS5", "O2");
  b.lines.push_back(Equipment("2026-02-28"));
  const PricedLine refused = Record(b, counters).lines[0];
  EXPECT_EQ(refused.mutuelle, E("0.00"));
  EXPECT_NE(refused.motif_refus.find("24 mois"), std::string::npos);
  Claim c = MakeClaim("PASS5", "O3");
  c.lines.push_back(Equipment("2026-03-01"));
  EXPECT_EQ(Record(c, counters).lines[0].mutuelle, E("149.91"));
}

TEST(PricingOptique, RenewalWindowHoldsWhateverTheOrderOfClaims) {
  InMemoryCounters counters;
  Claim later = MakeClaim("PASS5", "LATER");
  later.lines.push_back(Equipment("2025-06-01"));
  EXPECT_EQ(Record(later, counters).lines[0].mutuelle, E("149.91"));
  Claim earlier = MakeClaim("PASS5", "EARLIER");
  earlier.lines.push_back(Equipment("2024-09-01"));  // arrives after, dated before
  EXPECT_EQ(Record(earlier, counters).lines[0].mutuelle, E("0.00"));
}

TEST(PricingOptique, SightChangeShortensThePeriodToOneYear) {
  InMemoryCounters counters;
  Claim a = MakeClaim("PASS5", "E1");
  a.lines.push_back(Equipment("2024-03-01"));
  Record(a, counters);
  Claim b = MakeClaim("PASS5", "E2");
  b.lines.push_back(Equipment("2025-03-01", /*evolution=*/true));
  EXPECT_EQ(Record(b, counters).lines[0].mutuelle, E("149.91"));
}

TEST(PricingOptique, ChildrenRenewEveryYearAndUnderSixEverySixMonths) {
  InMemoryCounters counters;
  Claim a = MakeClaim("PASS5", "K1");
  a.date_naissance = D("2015-01-01");  // 9 years old
  a.lines.push_back(Equipment("2024-03-01"));
  Record(a, counters);
  Claim b = a;
  b.id = "K2";
  b.lines[0] = Equipment("2025-03-01");
  EXPECT_EQ(Record(b, counters).lines[0].mutuelle, E("149.91"));

  Claim c = MakeClaim("PASS5", "T1");
  c.beneficiaire = "toddler";
  c.date_naissance = D("2022-01-01");
  c.lines.push_back(Equipment("2024-03-01"));
  Record(c, counters);
  Claim d = c;
  d.id = "T2";
  d.lines[0] = Equipment("2024-09-01");
  EXPECT_EQ(Record(d, counters).lines[0].mutuelle, E("149.91"));
}

TEST(PricingOptique, LensClassesFromSphereCylinderAddition) {
  const OptiqueRules& r = Tarifs().optique();
  auto classe = [&](int sph, int cyl, int add) {
    Verre v;
    v.sphere = sph;
    v.cylindre = cyl;
    v.addition = add;
    return ClasseDuVerre(v, r);
  };
  EXPECT_EQ(classe(-600, 400, 0), ClasseVerre::kSimple);
  EXPECT_EQ(classe(-625, 0, 0), ClasseVerre::kComplexe);
  EXPECT_EQ(classe(-200, 425, 0), ClasseVerre::kComplexe);
  EXPECT_EQ(classe(300, 300, 0), ClasseVerre::kSimple);   // sphère + cylindre = 6,00
  EXPECT_EQ(classe(400, 250, 0), ClasseVerre::kComplexe);  // 6,50 > 6,00
  EXPECT_EQ(classe(200, 0, 200), ClasseVerre::kComplexe);  // progressive
  EXPECT_EQ(classe(-425, 0, 200), ClasseVerre::kTresComplexe);  // multifocal sphérique hors [-4 ; 4]
  EXPECT_EQ(classe(-425, 100, 200), ClasseVerre::kComplexe);   // sphéro-cylindrique within [-8 ; 8]
  EXPECT_EQ(classe(-850, 100, 200), ClasseVerre::kTresComplexe);
  EXPECT_EQ(PosteOptique(ClasseVerre::kTresComplexe, ClasseVerre::kSimple), "optique_simple_tres_complexe");
}

TEST(PricingOptique, FrameReimbursedUpToOneHundredEuros) {
  // PASS5 complexes 300 €: lenses 150 € + frame 250 € → 150 + 100 = 250 € eligible.
  Claim c = MakeClaim("PASS5");
  ClaimLine l = MakeLine("OPTIQUE", "400.00");
  Optique o;
  o.droit.sphere = o.gauche.sphere = -700;
  o.monture = E("250.00");
  l.optique = o;
  c.lines.push_back(l);
  EXPECT_EQ(PriceOne(c).lines[0].mutuelle, E("249.91"));
}

TEST(PricingOptique, MixedHundredPercentSanteFollowsNoteSix) {
  // PASS3 simples 50 €: lenses 100 % Santé 60 € fully covered; the free frame
  // is limited to 50 − 60 < 0 → 0 €.
  Claim c = MakeClaim("PASS3");
  ClaimLine l = MakeLine("OPTIQUE", "180.00");
  Optique o;
  o.droit.sphere = o.gauche.sphere = -100;
  o.monture = E("120.00");
  o.verres_100_sante = true;
  l.optique = o;
  c.lines.push_back(l);
  EXPECT_EQ(PriceOne(c).lines[0].mutuelle, E("59.91"));
  // PASS5 simples 150 €: frame limited to min(100, 150 − 60) = 90 €.
  Claim c5 = c;
  c5.coverage.contrat = "PASS5";
  EXPECT_EQ(PriceOne(c5).lines[0].mutuelle, E("149.91"));
}

TEST(PricingOptique, HundredPercentSanteFrameAboveThirtyEurosKeepsTheExcess) {
  // Frame 40 € (PLV 30 €), lenses 70 € (PLV 2 × 45 €): 10 € hors 100 % Santé;
  // class A base 36 €, RO 21,60 €, mutuelle 100 − 21,60.
  Claim c = MakeClaim("PASS2");
  ClaimLine l = MakeLine("OPTIQUE", "110.00");
  l.flags.cent_pour_cent_sante = true;
  Optique o;
  o.monture = E("40.00");
  l.optique = o;
  c.lines.push_back(l);
  const PricedLine p = PriceOne(c).lines[0];
  EXPECT_EQ(p.ro, E("21.60"));
  EXPECT_EQ(p.mutuelle, E("78.40"));
  EXPECT_EQ(p.reste_a_charge, E("10.00"));
  ASSERT_TRUE(p.hors_100_sante.has_value());
  EXPECT_EQ(*p.hors_100_sante, E("10.00"));
}

ClaimLine LunettesClasseA(const char* depense, ClasseVerre verre) {
  ClaimLine l = MakeLine("OPTIQUE", depense);
  l.flags.cent_pour_cent_sante = true;
  Optique o;
  o.droit.classe = o.gauche.classe = verre;
  l.optique = o;
  return l;
}

TEST(PricingOptique, HundredPercentSantePaysUpToThePriceLimitWithNothingLeft) {
  // Two simple class A lenses: PLV 30 + 45 + 45 = 120 €.
  Claim c = MakeClaim("PASS1");
  c.lines.push_back(LunettesClasseA("120.00", ClasseVerre::kSimple));
  const PricedLine p = PriceOne(c).lines[0];
  EXPECT_EQ(p.ro + p.mutuelle, E("120.00"));
  EXPECT_EQ(p.reste_a_charge, E("0.00"));
  EXPECT_FALSE(p.hors_100_sante.has_value());
}

TEST(PricingOptique, HundredPercentSanteAboveThePriceLimitIsReportedHorsCentPourCentSante) {
  Claim c = MakeClaim("PASS1");
  c.lines.push_back(LunettesClasseA("450.00", ClasseVerre::kSimple));
  const PricedLine p = PriceOne(c).lines[0];
  ASSERT_TRUE(p.hors_100_sante.has_value());
  EXPECT_EQ(*p.hors_100_sante, E("330.00"));
  EXPECT_EQ(p.ro + p.mutuelle, E("120.00"));
  EXPECT_EQ(p.reste_a_charge, E("330.00"));
  bool said = false;
  for (const auto& t : p.trace) said = said || t.find("Hors 100 % Santé : 330,00") != std::string::npos;
  EXPECT_TRUE(said) << ::testing::PrintToString(p.trace);
}

TEST(PricingOptique, HundredPercentSantePriceLimitDependsOnTheCorrection) {
  // Complex lenses have a higher PLV than simple ones: the same 200 € is
  // within the limit with complex lenses, above it with simple ones.
  Claim simple = MakeClaim("PASS1");
  simple.lines.push_back(LunettesClasseA("200.00", ClasseVerre::kSimple));
  Claim complexe = MakeClaim("PASS1");
  complexe.lines.push_back(LunettesClasseA("200.00", ClasseVerre::kComplexe));
  EXPECT_TRUE(PriceOne(simple).lines[0].hors_100_sante.has_value());
  EXPECT_EQ(PriceOne(complexe).lines[0].reste_a_charge, E("0.00"));
}

TEST(PricingTariffs, AFigureWithoutSourceIsNamedOnTheLineAndInTheTrace) {
  // The class A lens figures and the détartrage base are confirme = false
  // (data/tarifs); the class A frame's PLV and G are sourced.
  Claim c = MakeClaim("PASS1");
  c.lines.push_back(LunettesClasseA("100.00", ClasseVerre::kSimple));
  c.lines.push_back(MakeLine("HBJD001", "43.38"));
  c.lines.push_back(MakeLine("G", "30.00"));
  const PricedClaim p = PriceOne(c);
  const auto& optique = p.lines[0].tarifs_non_confirmes;
  auto names = [&](const std::vector<std::string>& v, const char* what) {
    for (const auto& t : v) {
      if (t.find(what) != std::string::npos) return true;
    }
    return false;
  };
  EXPECT_TRUE(names(optique, "prix limite de vente du verre simple de classe A"));
  EXPECT_FALSE(names(optique, "prix limite de vente de la monture"));
  EXPECT_TRUE(names(p.lines[1].tarifs_non_confirmes, "tarif de HBJD001"));
  EXPECT_TRUE(p.lines[2].tarifs_non_confirmes.empty());
  EXPECT_TRUE(names(p.lines[0].trace, "passe en vérification avant paiement"));
}

ClaimLine Aide(const char* date, const char* oreille) {
  ClaimLine l = MakeLine("AUDIO", "1500.00", date);
  l.base_ligne = E("400.00");
  l.oreille = oreille;
  return l;
}

TEST(PricingAudition, OneHearingAidPerEarEveryFourYears) {
  InMemoryCounters counters;
  Claim a = MakeClaim("PASS2", "H1");
  a.lines.push_back(Aide("2021-05-10", "droite"));
  a.lines.push_back(Aide("2021-05-10", "gauche"));
  const PricedClaim first = Record(a, counters);
  EXPECT_EQ(first.lines[0].mutuelle, E("160.00"));  // 100 % × 400 − 240
  EXPECT_EQ(first.lines[1].mutuelle, E("160.00"));  // the other ear, same day
  Claim b = MakeClaim("PASS2", "H2");
  b.lines.push_back(Aide("2025-05-09", "droite"));
  const PricedLine refused = Record(b, counters).lines[0];
  EXPECT_EQ(refused.mutuelle, E("0.00"));
  EXPECT_NE(refused.motif_refus.find("48 mois"), std::string::npos);
  Claim c = MakeClaim("PASS2", "H3");
  c.lines.push_back(Aide("2025-05-10", "droite"));
  EXPECT_EQ(Record(c, counters).lines[0].mutuelle, E("160.00"));
}

}  // namespace
}  // namespace liasse::pricing::testing
