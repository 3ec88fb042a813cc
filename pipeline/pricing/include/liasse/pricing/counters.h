// Consumption counters kept in memory (the port is liasse/core/counters.h).
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/counters.h"

namespace liasse::pricing {

// Counters in memory. Thread-safe (one mutex).
class InMemoryCounters final : public Counters {
 public:
  Result<CounterTotal> Total(std::string_view beneficiaire, std::string_view compteur, Date du, Date au,
                             std::string_view claim_key) const override;
  Result<ApplyOutcome> Apply(std::string_view key, std::span<const CounterEntry> entries) override;

 private:
  struct Stored {
    size_t seq;  // order in which its key was applied
    CounterEntry entry;
  };
  CounterTotal TotalLocked(std::string_view beneficiaire, std::string_view compteur, Date du, Date au,
                           size_t before_seq) const;
  mutable std::mutex mu_;
  std::vector<Stored> entries_;
  std::map<std::string, size_t, std::less<>> applied_;  // key → seq
};

}  // namespace liasse::pricing
