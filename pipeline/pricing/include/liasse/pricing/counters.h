// Consumption counters (forfaits per calendar year, séances, optique
// renewal, RO retenue caps). The pricing module defines the interface; the
// store implements it on SQLite; InMemoryCounters serves tests, the
// simulator and benchmarks.
//
// Idempotency: every entry is recorded under the claim's idempotency key.
// Totals exclude the entries of the key being priced, so pricing a claim
// again gives the same amounts, and Apply of an already-applied key changes
// nothing.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "liasse/core/date.h"
#include "liasse/core/money.h"
#include "liasse/core/status.h"

namespace liasse::pricing {

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
  // Sum of the entries of (beneficiaire, compteur) dated in [du, au], leaving
  // out those recorded under `exclude_key`. Fails only on storage errors.
  virtual Result<CounterTotal> Total(std::string_view beneficiaire, std::string_view compteur, Date du, Date au,
                                     std::string_view exclude_key) const = 0;
  // Records `entries` under `key`, all or nothing. Returns kAlreadyApplied
  // (and changes nothing) when the key was applied before. Fails with
  // FailedPrecondition, recording nothing, when an entry would take its
  // window past its cap (another claim consumed it meanwhile: price again).
  virtual Result<ApplyOutcome> Apply(std::string_view key, std::span<const CounterEntry> entries) = 0;
};

// Counters in memory. Thread-safe (one mutex).
class InMemoryCounters final : public Counters {
 public:
  Result<CounterTotal> Total(std::string_view beneficiaire, std::string_view compteur, Date du, Date au,
                             std::string_view exclude_key) const override;
  Result<ApplyOutcome> Apply(std::string_view key, std::span<const CounterEntry> entries) override;

 private:
  struct Stored {
    std::string key;
    CounterEntry entry;
  };
  CounterTotal TotalLocked(std::string_view beneficiaire, std::string_view compteur, Date du, Date au,
                           std::string_view exclude_key) const;
  mutable std::mutex mu_;
  std::vector<Stored> entries_;
  std::vector<std::string> applied_keys_;
};

}  // namespace liasse::pricing
