#include "liasse/pricing/counters.h"

#include <algorithm>

namespace liasse::pricing {

CounterTotal InMemoryCounters::TotalLocked(std::string_view beneficiaire, std::string_view compteur, Date du, Date au,
                                           std::string_view exclude_key) const {
  CounterTotal total;
  for (const auto& s : entries_) {
    const CounterEntry& e = s.entry;
    if (e.beneficiaire != beneficiaire || e.compteur != compteur) continue;
    if (e.date < du || au < e.date) continue;
    if (!exclude_key.empty() && s.key == exclude_key) continue;
    total.montant += e.montant;
    total.nombre += e.nombre;
  }
  return total;
}

Result<CounterTotal> InMemoryCounters::Total(std::string_view beneficiaire, std::string_view compteur, Date du, Date au,
                                             std::string_view exclude_key) const {
  std::lock_guard<std::mutex> lock(mu_);
  return TotalLocked(beneficiaire, compteur, du, au, exclude_key);
}

Result<ApplyOutcome> InMemoryCounters::Apply(std::string_view key, std::span<const CounterEntry> entries) {
  std::lock_guard<std::mutex> lock(mu_);
  if (std::find(applied_keys_.begin(), applied_keys_.end(), key) != applied_keys_.end()) {
    return ApplyOutcome::kAlreadyApplied;
  }
  // Check every cap with this claim's own entries counted, before changing
  // anything: all or nothing.
  const size_t before = entries_.size();
  for (const auto& e : entries) entries_.push_back({std::string(key), e});
  for (const auto& e : entries) {
    if (!e.plafond_montant && !e.plafond_nombre) continue;
    const CounterTotal t = TotalLocked(e.beneficiaire, e.compteur, e.fenetre_du, e.fenetre_au, "");
    const bool over_amount = e.plafond_montant && t.montant > *e.plafond_montant;
    const bool over_count = e.plafond_nombre && t.nombre > *e.plafond_nombre;
    if (over_amount || over_count) {
      entries_.resize(before);
      return Status::FailedPrecondition("plafond dépassé pour le compteur " + e.compteur + " de " + e.beneficiaire);
    }
  }
  applied_keys_.emplace_back(key);
  return ApplyOutcome::kApplied;
}

}  // namespace liasse::pricing
