// Internal: Counters on the store's counter_entries table.
#pragma once

#include "liasse/core/counters.h"
#include "liasse/store/database.h"

namespace liasse::store::detail {

class SqliteCounters final : public Counters {
 public:
  explicit SqliteCounters(Database& db) : db_(db) {}
  Result<CounterTotal> Total(std::string_view beneficiaire, std::string_view compteur, Date du, Date au,
                                      std::string_view claim_key) const override;
  Result<ApplyOutcome> Apply(std::string_view key, std::span<const CounterEntry> entries) override;

 private:
  Database& db_;
};

}  // namespace liasse::store::detail
