// Consumption counters (forfaits per calendar year, séances, optique
// renewal, RO retenue caps). This port is defined in core; the store
// implements it on SQLite; pricing's InMemoryCounters serves tests, the
// simulator and benchmarks.
//
// Idempotency: every entry is recorded under the claim's idempotency key,
// and keys are applied in sequence. A total seen by a claim counts only the
// entries of keys applied before it (all of them while it was never
// applied), so pricing a claim again gives exactly the amounts of its first
// pricing, and Apply of an already-applied key changes nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "liasse/core/date.h"
#include "liasse/core/money.h"
#include "liasse/core/status.h"

namespace liasse {

struct CounterTotal {
  Money montant = Money::Zero();
  int64_t nombre = 0;
};

// One consumption, with the cap it must respect over its window.
struct CounterEntry {
  std::string beneficiaire;
  std::string compteur;   // "pilule", "medecines_douces", "optique", "ro_pf" …
  Date date = Date::FromSerial(0);
  Money montant = Money::Zero();
  int64_t nombre = 0;
  Date fenetre_du = Date::FromSerial(0);  // cap window, inclusive
  Date fenetre_au = Date::FromSerial(0);
  std::optional<Money> plafond_montant;
  std::optional<int64_t> plafond_nombre;
};

enum class ApplyOutcome { kApplied, kAlreadyApplied };

class Counters {
 public:
  virtual ~Counters() = default;
  // Sum of the entries of (beneficiaire, compteur) dated in [du, au] that
  // were applied before `claim_key` (all of them when `claim_key` was never
  // applied). Fails only on storage errors.
  virtual Result<CounterTotal> Total(std::string_view beneficiaire, std::string_view compteur, Date du, Date au,
                                     std::string_view claim_key) const = 0;
  // Records `entries` under `key`, all or nothing. Returns kAlreadyApplied
  // (and changes nothing) when the key was applied before. Fails with
  // FailedPrecondition, recording nothing, when an entry would take its
  // window past its cap counting what was stored before plus the entries
  // before it in `entries` — the view the pricing had — i.e. another claim
  // consumed it meanwhile: price again.
  virtual Result<ApplyOutcome> Apply(std::string_view key, std::span<const CounterEntry> entries) = 0;
};

}  // namespace liasse
