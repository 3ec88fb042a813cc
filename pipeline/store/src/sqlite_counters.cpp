#include "sqlite_counters.h"

#include <fmt/format.h>

#include "sqlite_handle.h"

namespace liasse::store::detail {

namespace {

bool Matches(const CounterEntry& e, const CounterEntry& cap) {
  return e.beneficiaire == cap.beneficiaire && e.compteur == cap.compteur && !(e.date < cap.fenetre_du) &&
         !(cap.fenetre_au < e.date);
}

// Entries whose key was applied before `claim_key` (all when it never was).
Result<CounterTotal> TotalLocked(Connection& c, std::string_view beneficiaire, std::string_view compteur,
                                          Date du, Date au, std::string_view claim_key) {
  LIASSE_ASSIGN_OR_RETURN(auto s, Statement::Prepare(
      c,
      "SELECT COALESCE(SUM(e.montant_cents),0), COALESCE(SUM(e.nombre),0) FROM counter_entries e"
      " JOIN counter_keys k ON k.idempotency_key = e.idempotency_key"
      " WHERE e.beneficiaire=? AND e.compteur=? AND e.date BETWEEN ? AND ?"
      " AND k.seq < COALESCE((SELECT seq FROM counter_keys WHERE idempotency_key=?), 9223372036854775807)"));
  s.Bind(1, beneficiaire).Bind(2, compteur).Bind(3, du.ToIso()).Bind(4, au.ToIso()).Bind(5, claim_key);
  LIASSE_RETURN_IF_ERROR(s.Step());
  return CounterTotal{Money::FromCents(s.Int(0)), s.Int(1)};
}

}  // namespace

Result<CounterTotal> SqliteCounters::Total(std::string_view beneficiaire, std::string_view compteur, Date du,
                                                    Date au, std::string_view claim_key) const {
  std::lock_guard<std::mutex> lock(db_.mutex());
  return TotalLocked(db_.connection(), beneficiaire, compteur, du, au, claim_key);
}

Result<ApplyOutcome> SqliteCounters::Apply(std::string_view key,
                                                    std::span<const CounterEntry> entries) {
  std::lock_guard<std::mutex> lock(db_.mutex());
  Connection& c = db_.connection();
  // BEGIN IMMEDIATE (WriteScope) takes the write lock first, so two
  // processes cannot both read a cap as free and both consume it.
  LIASSE_ASSIGN_OR_RETURN(auto scope, WriteScope::Begin(c.db));
  auto seen = Statement::Prepare(c, "SELECT 1 FROM counter_keys WHERE idempotency_key=?");
  if (!seen.ok()) return seen.status();
  seen->Bind(1, key);
  auto exists = seen->Step();
  if (!exists.ok()) return exists.status();
  if (*exists) return ApplyOutcome::kAlreadyApplied;
  // Each cap is checked on the view the pricing had: what is stored plus the
  // entries before it in this claim.
  for (size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    if (!e.plafond_montant && !e.plafond_nombre) continue;
    auto t = TotalLocked(c, e.beneficiaire, e.compteur, e.fenetre_du, e.fenetre_au, key);
    if (!t.ok()) return t.status();
    for (size_t j = 0; j <= i; ++j) {
      if (Matches(entries[j], e)) {
        t->montant += entries[j].montant;
        t->nombre += entries[j].nombre;
      }
    }
    if ((e.plafond_montant && t->montant > *e.plafond_montant) || (e.plafond_nombre && t->nombre > *e.plafond_nombre)) {
      return Status::FailedPrecondition(
          fmt::format("plafond dépassé pour le compteur {} de {}", e.compteur, e.beneficiaire));
    }
  }
  auto mark = Statement::Prepare(c, "INSERT INTO counter_keys(idempotency_key) VALUES (?)");
  if (!mark.ok()) return mark.status();
  mark->Bind(1, key);
  if (auto st = mark->Run(); !st.ok()) return st;
  auto ins = Statement::Prepare(c,
                                "INSERT INTO counter_entries(idempotency_key, beneficiaire, compteur, date,"
                                " montant_cents, nombre) VALUES (?,?,?,?,?,?)");
  if (!ins.ok()) return ins.status();
  for (const auto& e : entries) {
    ins->Reset();
    ins->Bind(1, key).Bind(2, e.beneficiaire).Bind(3, e.compteur).Bind(4, e.date.ToIso());
    ins->Bind(5, e.montant.cents()).Bind(6, e.nombre);
    if (auto st = ins->Run(); !st.ok()) return st;
  }
  LIASSE_RETURN_IF_ERROR(scope.Commit());
  return ApplyOutcome::kApplied;
}

}  // namespace liasse::store::detail
