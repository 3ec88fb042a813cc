// Shared set-up of the pricing tests: the real data files of the repository.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "liasse/pricing/pricer.h"

namespace liasse {
// Amounts print as "17.00" in test failures.
inline void PrintTo(const Money& m, std::ostream* os) { *os << m.ToDecimal(); }
inline void PrintTo(const Rate& r, std::ostream* os) { *os << r.ToFrench(); }
}  // namespace liasse

namespace liasse::pricing::testing {

inline const GuaranteeCatalog& Tables() {
  static const GuaranteeCatalog* tables = [] {
    auto t = GuaranteeCatalog::LoadDirectory(std::string(LIASSE_SOURCE_DIR) + "/data/garanties");
    if (!t.ok()) {
      ADD_FAILURE() << t.status().ToString();
      std::abort();
    }
    return new GuaranteeCatalog(std::move(*t));
  }();
  return *tables;
}

inline const Tariffs& Tarifs() {
  static const Tariffs* tariffs = [] {
    auto t = Tariffs::LoadDirectory(std::string(LIASSE_SOURCE_DIR) + "/data/tarifs");
    if (!t.ok()) {
      ADD_FAILURE() << t.status().ToString();
      std::abort();
    }
    return new Tariffs(std::move(*t));
  }();
  return *tariffs;
}

inline Date D(const char* iso) { return Date::Parse(iso).value(); }
inline Money E(const char* decimal) { return Money::ParseDecimal(decimal).value(); }

// An adult member covered since 2020 by `contrat`.
inline Claim MakeClaim(const std::string& contrat, std::string id = "C1") {
  Claim c;
  c.id = std::move(id);
  c.member = "A0001";
  c.beneficiaire = "A0001-01";
  c.date_naissance = D("1980-03-15");
  c.coverage.contrat = contrat;
  c.coverage.date_adhesion = D("2020-01-01");
  return c;
}

inline ClaimLine MakeLine(const char* code, const char* frais, const char* date = "2025-06-01") {
  ClaimLine l;
  l.code = code;
  l.frais_reels = E(frais);
  l.date = D(date);
  l.professionnel = "P1";
  return l;
}

// Prices one claim against fresh counters.
inline PricedClaim PriceOne(const Claim& claim) {
  Pricer pricer(Tables(), Tarifs());
  InMemoryCounters counters;
  auto priced = pricer.Price(claim, counters, nullptr);
  EXPECT_TRUE(priced.ok()) << priced.status().ToString();
  if (!priced.ok()) std::abort();
  return *priced;
}

inline void ExpectBalanced(const PricedLine& l) {
  EXPECT_EQ(l.ro + l.mutuelle + l.reste_a_charge, l.frais_reels) << l.code;
  EXPECT_EQ(l.ro_brut - l.retenues, l.ro) << l.code;
  EXPECT_FALSE(l.mutuelle.is_negative());
  EXPECT_FALSE(l.reste_a_charge.is_negative());
  EXPECT_FALSE(l.ro.is_negative());
}

}  // namespace liasse::pricing::testing
