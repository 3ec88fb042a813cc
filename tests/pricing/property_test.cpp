// Property tests over random claims (fixed seeds, so failures reproduce):
// every line balances to the cent, nothing is negative, and the yearly caps
// hold whatever the order in which claims arrive.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "fixture.h"

namespace liasse::pricing::testing {
namespace {

struct Gen {
  std::mt19937_64 rng;
  explicit Gen(uint64_t seed) : rng(seed) {}
  int64_t Int(int64_t lo, int64_t hi) { return std::uniform_int_distribution<int64_t>(lo, hi)(rng); }
  bool Coin(int percent) { return Int(0, 99) < percent; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[static_cast<size_t>(Int(0, static_cast<int64_t>(v.size()) - 1))];
  }
};

const std::vector<std::string> kCodes = {"G",       "CS",         "AMI",        "AIS",        "AMK",       "AMO",
                                         "IFD",     "HBJD001",    "HBLD036",    "PILULE_NR",  "OSTEOPATHE", "PSY_NR",
                                         "LENTILLES", "LENTILLES_NR", "FJ",     "CHAMBRE",    "OPTIQUE",   "PH65",
                                         "BIOLOGIE", "CCAM_CHIRURGIE", "SEJOUR", "TRANSPORT", "AUDIO",     "TO90"};

ClaimLine RandomLine(Gen& g, int year) {
  ClaimLine l;
  l.code = g.Pick(kCodes);
  l.date = Date::FromYmd(year, static_cast<int>(g.Int(1, 12)), static_cast<int>(g.Int(1, 28))).value();
  l.frais_reels = Money::FromCents(g.Int(0, 200000));
  l.professionnel = "P" + std::to_string(g.Int(1, 3));
  l.quantite = g.Int(1, 3);
  l.coefficient_centiemes = g.Pick(std::vector<int64_t>{100, 150, 300, 750, 1000});
  const TariffItem* item = Tarifs().FindAct(l.code);
  if (item->base_mode == BaseMode::kLigne) l.base_ligne = Money::FromCents(g.Int(0, 60000));
  l.flags.dptm = g.Coin(70);
  l.flags.parcours_de_soins = g.Coin(90);
  l.flags.conventionne = g.Coin(90);
  l.flags.cent_pour_cent_sante = g.Coin(15);
  l.flags.ald = g.Coin(5);
  l.flags.maternite = g.Coin(3);
  l.flags.etranger = g.Coin(5);
  l.flags.pris_en_charge_ro_etranger = g.Coin(70);
  l.flags.medico_social = g.Coin(10);
  l.flags.accouchement_voie_basse = g.Coin(5);
  if (l.code == "OPTIQUE") {
    Optique o;
    o.droit.sphere = static_cast<int>(g.Int(-1200, 800));
    o.droit.cylindre = static_cast<int>(g.Int(0, 500));
    o.gauche.sphere = static_cast<int>(g.Int(-1200, 800));
    o.gauche.addition = g.Coin(30) ? static_cast<int>(g.Int(75, 300)) : 0;
    o.monture = Money::FromCents(g.Int(0, l.frais_reels.cents()));
    o.verres_100_sante = g.Coin(10);
    o.monture_100_sante = g.Coin(10);
    o.evolution_vue = g.Coin(20);
    l.optique = o;
  }
  return l;
}

std::vector<Claim> RandomClaims(uint64_t seed, int count) {
  Gen g(seed);
  std::vector<Claim> claims;
  for (int i = 0; i < count; ++i) {
    Claim c = MakeClaim("PASS" + std::to_string(g.Int(1, 5)), "R" + std::to_string(i));
    const int64_t who = g.Int(1, 4);  // few beneficiaries: caps are reached
    c.beneficiaire = "B" + std::to_string(who);
    c.date_naissance = Date::FromYmd(static_cast<int>(1950 + 10 * who), 5, 17).value();  // adults
    c.coverage.date_adhesion = Date::FromYmd(static_cast<int>(g.Int(2018, 2025)), 1, 1).value();
    if (g.Coin(10)) c.coverage.date_fin = Date::FromYmd(2025, static_cast<int>(g.Int(1, 12)), 15).value();
    if (g.Coin(10)) c.date_reception = Date::FromYmd(static_cast<int>(g.Int(2025, 2028)), 6, 1).value();
    const int64_t n = g.Int(1, 6);
    const int year = static_cast<int>(g.Int(2024, 2025));
    for (int64_t k = 0; k < n; ++k) c.lines.push_back(RandomLine(g, year));
    claims.push_back(std::move(c));
  }
  return claims;
}

TEST(PricingProperties, RandomLinesBalanceToTheCentAndNothingIsNegative) {
  Pricer pricer(Tables(), Tarifs());
  InMemoryCounters counters;
  int lines = 0;
  for (const Claim& c : RandomClaims(20251123, 3000)) {
    auto p = pricer.PriceAndRecord(c, counters);
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    Money mutuelle = Money::Zero();
    for (const PricedLine& l : p->lines) {
      ExpectBalanced(l);
      EXPECT_LE(l.retenues, l.ro_brut);
      EXPECT_LE(l.ro + l.mutuelle, l.frais_reels);  // indemnitaire: never more than spent
      EXPECT_FALSE(l.trace.empty());
      mutuelle += l.mutuelle;
      ++lines;
    }
    EXPECT_EQ(mutuelle, p->totals.mutuelle);  // totals are sums of lines
  }
  EXPECT_GT(lines, 8000);
}

// What the mutuelle paid per (beneficiary, year) on capped rows, and the
// number of optique equipments paid, after pricing `claims` in that order.
struct Consumed {
  std::map<std::string, Money> by_cap;
  std::map<std::string, std::vector<Date>> equipements;
  std::map<std::string, Money> pf;          // participation forfaitaire kept, per beneficiary and year
  std::map<std::string, Money> franchises;  // franchises kept (boxes, paramedical acts, transport)
};

void Add(std::map<std::string, Money>& m, const std::string& key, Money v) {
  m.try_emplace(key, Money::Zero()).first->second += v;
}

Consumed PriceInOrder(const std::vector<Claim>& claims) {
  Pricer pricer(Tables(), Tarifs());
  InMemoryCounters counters;
  Consumed out;
  for (const Claim& c : claims) {
    auto p = pricer.PriceAndRecord(c, counters);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    if (!p.ok()) continue;
    for (const PricedLine& l : p->lines) {
      const std::string who = c.beneficiaire + "/" + std::to_string(l.date.year()) + "/";
      const std::string row = l.garantie.substr(l.garantie.find('/') + 1);
      if (row == "pilule" || row == "lentilles_non_remboursees" || row == "medecines_douces") {
        Add(out.by_cap, who + l.garantie, l.mutuelle);
      }
      if (row == "lentilles_remboursees") {
        // "60% + 100 €": only what exceeds the percentage part (60 % of the
        // BR less the RO) comes out of the yearly forfait.
        const Rate taux = Tables().Find(c.coverage.contrat)->Find(row)->garantie.taux;
        const bool rembourse = !l.base.is_zero() && l.taux_ro.basis_points() > 0;
        const Money part =
            rembourse ? Max(Money::Zero(), l.base.ApplyRate(taux, Rounding::kHalfUp) - l.ro_brut) : Money::Zero();
        Add(out.by_cap, who + l.garantie, Max(Money::Zero(), l.mutuelle - part));
      }
      if (row.rfind("optique_", 0) == 0 && row != "optique_supplements" && !l.mutuelle.is_zero()) {
        out.equipements[c.beneficiaire].push_back(l.date);
      }
      const Retenue retenue = Tarifs().FindAct(l.code)->retenue;
      if (retenue == Retenue::kParticipationForfaitaire) Add(out.pf, who, l.retenues);
      if (retenue == Retenue::kFranchiseActe || retenue == Retenue::kFranchiseBoite ||
          retenue == Retenue::kFranchiseTransport) {
        Add(out.franchises, who, l.retenues);
      }
    }
  }
  return out;
}

Money Cap(const std::string& garantie) {
  const auto slash = garantie.find('/');
  const GuaranteeRow* row = Tables().Find(garantie.substr(0, slash))->Find(garantie.substr(slash + 1));
  return row->garantie.kind == Garantie::Kind::kParSeance ? row->garantie.plafond_annuel : row->garantie.montant;
}

TEST(PricingProperties, YearlyCapsNeverExceededWhateverTheOrder) {
  std::vector<Claim> claims = RandomClaims(7, 1500);
  std::mt19937_64 shuffle(99);
  for (int round = 0; round < 4; ++round) {
    const Consumed c = PriceInOrder(claims);
    for (const auto& [key, paid] : c.by_cap) {
      EXPECT_LE(paid, Cap(key.substr(key.find('/', key.find('/') + 1) + 1))) << key;
    }
    for (const auto& [who, pf] : c.pf) EXPECT_LE(pf, Money::Euros(50)) << who;
    for (const auto& [who, f] : c.franchises) EXPECT_LE(f, Money::Euros(50)) << who;
    // The claims are numerous enough for the caps to be reached, so the
    // checks above could fail.
    auto reached = [](const std::map<std::string, Money>& m, Money cap) {
      return std::any_of(m.begin(), m.end(), [&](const auto& kv) { return kv.second == cap; });
    };
    EXPECT_TRUE(reached(c.pf, Money::Euros(50)));
    EXPECT_TRUE(reached(c.franchises, Money::Euros(50)));
    EXPECT_TRUE(std::any_of(c.by_cap.begin(), c.by_cap.end(), [](const auto& kv) {
      return kv.first.find("lentilles_remboursees") != std::string::npos && !kv.second.is_zero() &&
             kv.second == Cap(kv.first.substr(kv.first.find('/', kv.first.find('/') + 1) + 1));
    }));
    for (const auto& [who, dates] : c.equipements) {
      std::vector<Date> sorted = dates;
      std::sort(sorted.begin(), sorted.end());
      // Adults: no two paid equipments closer than the sight-change period (1 year).
      for (size_t i = 1; i < sorted.size(); ++i) {
        EXPECT_FALSE(sorted[i] < sorted[i - 1].AddMonths(12)) << who << " " << sorted[i].ToIso();
      }
    }
    std::shuffle(claims.begin(), claims.end(), shuffle);
  }
}

TEST(PricingProperties, RepricingAClaimGivesTheSameAmounts) {
  Pricer pricer(Tables(), Tarifs());
  InMemoryCounters counters;
  const std::vector<Claim> claims = RandomClaims(42, 400);
  std::vector<PricedClaim> first;
  for (const Claim& c : claims) first.push_back(pricer.PriceAndRecord(c, counters).value());
  for (size_t i = 0; i < claims.size(); ++i) {
    const PricedClaim again = pricer.PriceAndRecord(claims[i], counters).value();
    EXPECT_EQ(again.totals.mutuelle, first[i].totals.mutuelle) << claims[i].id;
    EXPECT_EQ(again.totals.retenues, first[i].totals.retenues) << claims[i].id;
  }
}

}  // namespace
}  // namespace liasse::pricing::testing
