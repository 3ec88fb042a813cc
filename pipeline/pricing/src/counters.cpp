#include "liasse/pricing/counters.h"

#include <limits>

namespace liasse::pricing {

namespace {

bool Matches(const CounterEntry& e, std::string_view beneficiaire, std::string_view compteur, Date du, Date au) {
  return e.beneficiaire == beneficiaire && e.compteur == compteur && !(e.date < du) && !(au < e.date);
}

}  // namespace

CounterTotal InMemoryCounters::TotalLocked(std::string_view beneficiaire, std::string_view compteur, Date du, Date au,
                                           size_t before_seq) const {
  CounterTotal total;
  for (const auto& s : entries_) {
    if (s.seq >= before_seq || !Matches(s.entry, beneficiaire, compteur, du, au)) continue;
    total.montant += s.entry.montant;
    total.nombre += s.entry.nombre;
  }
  return total;
}

Result<CounterTotal> InMemoryCounters::Total(std::string_view beneficiaire, std::string_view compteur, Date du, Date au,
                                             std::string_view claim_key) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = applied_.find(claim_key);
  const size_t before = it == applied_.end() ? std::numeric_limits<size_t>::max() : it->second;
  return TotalLocked(beneficiaire, compteur, du, au, before);
}

Result<ApplyOutcome> InMemoryCounters::Apply(std::string_view key, std::span<const CounterEntry> entries) {
  std::lock_guard<std::mutex> lock(mu_);
  if (applied_.find(key) != applied_.end()) return ApplyOutcome::kAlreadyApplied;
  // Each cap is checked on the view the pricing had: what is stored plus the
  // entries before it in this claim. All or nothing.
  for (size_t i = 0; i < entries.size(); ++i) {
    const CounterEntry& e = entries[i];
    if (!e.plafond_montant && !e.plafond_nombre) continue;
    CounterTotal t = TotalLocked(e.beneficiaire, e.compteur, e.fenetre_du, e.fenetre_au,
                                 std::numeric_limits<size_t>::max());
    for (size_t j = 0; j <= i; ++j) {
      if (Matches(entries[j], e.beneficiaire, e.compteur, e.fenetre_du, e.fenetre_au)) {
        t.montant += entries[j].montant;
        t.nombre += entries[j].nombre;
      }
    }
    if ((e.plafond_montant && t.montant > *e.plafond_montant) || (e.plafond_nombre && t.nombre > *e.plafond_nombre)) {
      return Status::FailedPrecondition("plafond dépassé pour le compteur " + e.compteur + " de " + e.beneficiaire);
    }
  }
  const size_t seq = applied_.size();
  applied_.emplace(std::string(key), seq);
  for (const auto& e : entries) entries_.push_back({seq, e});
  return ApplyOutcome::kApplied;
}

}  // namespace liasse::pricing
