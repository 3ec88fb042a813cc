// The calculation core: prices claim lines like the gestionnaire — RO part
// (base × rate, minus participation forfaitaire / franchise), mutuelle part
// from the member's guarantee row (percentages include the RO; mutuelle =
// min(garantie − RO brut, frais réels − RO brut), never below zero), reste à
// charge — with a French sentence per step. Amounts are rounded half-up to
// the cent once each; ro + mutuelle + reste à charge == frais réels exactly.
#pragma once

#include <string>
#include <vector>

#include "liasse/core/status.h"
#include "liasse/core/claim.h"
#include "liasse/pricing/counters.h"
#include "liasse/pricing/guarantee_table.h"
#include "liasse/pricing/tariffs.h"

namespace liasse::pricing {

struct PricingOptions {
  bool trace = true;  // build the French trace (off only for benchmarks)
};

// Prices claims against loaded tables. Holds references to `tables` and
// `tariffs`, which must outlive it. Const methods are thread-safe.
class Pricer {
 public:
  Pricer(const GuaranteeCatalog& tables, const Tariffs& tariffs, PricingOptions options = {})
      : tables_(tables), tariffs_(tariffs), options_(options) {}

  // Prices every line of `claim`, reading `counters` for what other claims
  // already consumed (entries of claim.id itself are ignored) and appending
  // this claim's consumptions to `consumptions`. Fails on an unknown
  // contract or act code, or a tariff not in force on a line's date — the
  // message names the line.
  Result<PricedClaim> Price(const Claim& claim, const Counters& counters,
                            std::vector<CounterEntry>* consumptions) const;

  // Price, then record the consumptions under claim.id atomically; prices
  // again (up to 3 times) when a concurrent claim took a capped amount
  // first. Pricing the same claim twice never consumes twice.
  Result<PricedClaim> PriceAndRecord(const Claim& claim, Counters& counters) const;

 private:
  const GuaranteeCatalog& tables_;
  const Tariffs& tariffs_;
  PricingOptions options_;
};

// Lens class from sphère / cylindre / addition (reference.md, note (6)).
ClasseVerre ClasseDuVerre(const Verre& verre, const OptiqueRules& rules);

// The optique guarantee row for a pair of classes: "optique_simple_complexe"…
std::string PosteOptique(ClasseVerre a, ClasseVerre b);

}  // namespace liasse::pricing
