// The worked examples of docs/reference.md, and the simulator example
// of docs/results.md, reproduced to the cent.
#include <gtest/gtest.h>

#include "fixture.h"

namespace liasse::pricing::testing {
namespace {

TEST(ReferenceExamples, GeneralisteThirtyEurosIn2025) {
  Claim c = MakeClaim("PASS2");  // "complémentaire at 100 % BR"
  c.lines.push_back(MakeLine("G", "30.00", "2025-03-10"));
  const PricedClaim p = PriceOne(c);
  const PricedLine& l = p.lines[0];
  EXPECT_EQ(l.base, E("30.00"));
  EXPECT_EQ(l.taux_ro, Rate::Percent(70));
  EXPECT_EQ(l.ro_brut, E("21.00"));
  EXPECT_EQ(l.retenues, E("2.00"));
  EXPECT_EQ(l.ro, E("19.00"));
  EXPECT_EQ(l.mutuelle, E("9.00"));
  EXPECT_EQ(l.reste_a_charge, E("2.00"));
  EXPECT_EQ(l.garantie, "PASS2/generaliste_dptm");
  ExpectBalanced(l);
}

TEST(ReferenceExamples, InfirmierAmiPlusIfdIn2025) {
  Claim c = MakeClaim("PASS2");
  c.lines.push_back(MakeLine("AMI", "3.15", "2025-09-05"));
  c.lines.push_back(MakeLine("IFD", "2.75", "2025-09-05"));
  const PricedClaim p = PriceOne(c);
  EXPECT_EQ(p.totals.frais_reels, E("5.90"));
  EXPECT_EQ(p.totals.ro, E("2.54"));
  EXPECT_EQ(p.totals.retenues, E("1.00"));
  EXPECT_EQ(p.totals.mutuelle, E("2.36"));
  EXPECT_EQ(p.totals.reste_a_charge, E("1.00"));
  EXPECT_EQ(p.lines[0].retenues, E("1.00"));  // the franchise is on the act, not the travel
  EXPECT_EQ(p.lines[1].retenues, E("0.00"));
}

TEST(ReferenceExamples, InfirmierAis3PlusIfd) {
  Claim c = MakeClaim("PASS2");
  ClaimLine ais = MakeLine("AIS", "7.95", "2025-09-05");
  ais.coefficient_centiemes = 300;
  c.lines.push_back(ais);
  c.lines.push_back(MakeLine("IFD", "2.75", "2025-09-05"));
  const PricedClaim p = PriceOne(c);
  EXPECT_EQ(p.totals.frais_reels, E("10.70"));
  EXPECT_EQ(p.lines[0].base, E("7.95"));
  EXPECT_EQ(p.totals.ro, E("5.42"));
  EXPECT_EQ(p.totals.mutuelle, E("4.28"));
  EXPECT_EQ(p.totals.reste_a_charge, E("1.00"));
}

TEST(ReferenceExamples, OrthophonisteAmo10) {
  Claim c = MakeClaim("PASS2");
  ClaimLine amo = MakeLine("AMO", "26.00", "2025-02-03");
  amo.coefficient_centiemes = 1000;
  c.lines.push_back(amo);
  const PricedLine l = PriceOne(c).lines[0];
  EXPECT_EQ(l.base, E("26.00"));
  EXPECT_EQ(l.ro_brut, E("15.60"));
  EXPECT_EQ(l.ro, E("14.60"));
  EXPECT_EQ(l.mutuelle, E("10.40"));
  EXPECT_EQ(l.reste_a_charge, E("1.00"));
}

TEST(ReferenceExamples, CouronneSixHundredEurosBefore2020) {
  Claim c = MakeClaim("PASS2");
  c.coverage.date_adhesion = D("2015-01-01");
  c.lines.push_back(MakeLine("HBLD036", "600.00", "2019-06-12"));
  const PricedLine l = PriceOne(c).lines[0];
  EXPECT_EQ(l.base, E("107.50"));
  EXPECT_EQ(l.taux_ro, Rate::Percent(70));
  EXPECT_EQ(l.ro, E("75.25"));
  EXPECT_EQ(l.mutuelle, E("32.25"));
  EXPECT_EQ(l.reste_a_charge, E("492.50"));
  EXPECT_EQ(l.garantie, "PASS2/dentaire_protheses");
}

TEST(ReferenceExamples, SimulatorGeneralisteDptmPass3Fifty) {
  Claim c = MakeClaim("PASS3");
  c.lines.push_back(MakeLine("G", "50.00", "2025-06-01"));
  const PricedLine l = PriceOne(c).lines[0];
  EXPECT_EQ(l.ro, E("19.00"));
  EXPECT_EQ(l.mutuelle, E("18.00"));
  EXPECT_EQ(l.reste_a_charge, E("13.00"));
  // The trace sentence, step by step.
  const std::string nbsp = "\u00A0";
  bool found = false;
  for (const auto& t : l.trace) {
    if (t.find("PASS 3 : 130" + nbsp + "% × 30,00" + nbsp + "€ = 39,00" + nbsp + "€ ; moins Sécurité sociale 21,00" +
               nbsp + "€ = 18,00" + nbsp + "€ ; limité aux frais restants 29,00" + nbsp + "€ → 18,00" + nbsp + "€") !=
        std::string::npos) {
      found = true;
    }
  }
  EXPECT_TRUE(found) << ::testing::PrintToString(l.trace);
}

}  // namespace
}  // namespace liasse::pricing::testing
