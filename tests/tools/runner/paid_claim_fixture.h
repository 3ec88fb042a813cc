// A claim paid to a member (one consultation, 9,00 € of mutuelle), for the
// runner tests that write its décompte. Header-only, test code only.
#pragma once

#include "claims.h"
#include "liasse/core/date.h"
#include "liasse/core/money.h"
#include "liasse/store/store.h"

namespace liasse::test_support {

// Claim "B2-1" of `member`, priced and paid (a décompte is written only for
// money paid).
inline runner::ClaimResult PaidConsultation(const store::Member& member) {
  PricedClaim priced;
  priced.id = "B2-1";
  priced.member = member.numero_adherent;
  priced.beneficiaire = member.numero_adherent;
  PricedLine line;
  line.date = Date::Parse("2025-06-02").value();
  line.code = "G";
  line.libelle = "Consultation";
  line.frais_reels = Money::FromCents(3000);
  line.base = Money::FromCents(3000);
  line.ro = Money::FromCents(2000);
  line.mutuelle = Money::FromCents(900);
  line.reste_a_charge = Money::FromCents(100);
  priced.lines.push_back(line);
  priced.totals = {line.frais_reels, line.ro, Money::Zero(), line.mutuelle, line.reste_a_charge};
  runner::ClaimResult c;
  c.member = member;
  c.priced = priced;
  return c;
}

}  // namespace liasse::test_support
