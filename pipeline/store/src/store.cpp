#include "liasse/store/store.h"

#include <fmt/format.h>

#include "liasse/core/text.h"
#include "sqlite_counters.h"
#include "sqlite_handle.h"

namespace liasse::store {

namespace {

using detail::Connection;
using detail::Statement;

std::optional<std::string> OptDate(const std::optional<Date>& d) {
  return d ? std::optional<std::string>(d->ToIso()) : std::nullopt;
}

// Lines (traces, address lines) kept in one TEXT column, newline-separated.
std::string JoinTrace(const std::vector<std::string>& trace) {
  std::string out;
  for (size_t i = 0; i < trace.size(); ++i) {
    if (i > 0) out += '\n';
    out += trace[i];
  }
  return out;
}

std::vector<std::string> SplitTrace(const std::string& s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  size_t start = 0;
  for (;;) {
    const size_t nl = s.find('\n', start);
    out.push_back(s.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

Status InsertMember(Statement& s, const Member& m) {
  s.Reset();
  s.Bind(1, m.numero_adherent).Bind(2, m.nom).Bind(3, m.prenom).Bind(4, m.nir).Bind(5, m.date_naissance.ToIso());
  s.Bind(6, m.niveau).Bind(7, m.date_adhesion.ToIso()).BindOpt(8, OptDate(m.date_fin)).Bind(9, m.email);
  s.Bind(10, m.iban).Bind(11, int64_t{m.teletransmission ? 1 : 0});
  if (m.cotisation_mensuelle) {
    s.Bind(12, m.cotisation_mensuelle->cents());
  } else {
    s.BindNull(12);
  }
  s.Bind(13, JoinTrace(m.adresse));
  return s.Run().WithContext(m.numero_adherent);
}

constexpr const char* kInsertMember =
    "INSERT OR REPLACE INTO members(numero_adherent, nom, prenom, nir, date_naissance, niveau, date_adhesion,"
    " date_fin, email, iban, teletransmission, cotisation_mensuelle_cents, adresse)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)";

constexpr const char* kSelectMember =
    "SELECT numero_adherent, nom, prenom, nir, date_naissance, niveau, date_adhesion, date_fin, email, iban,"
    " teletransmission, cotisation_mensuelle_cents, adresse FROM members";

Date ParseStoredDate(const std::string& iso) { return Date::Parse(iso).value_or(Date::FromSerial(0)); }

// The member of the current row of a kSelectMember statement.
Member MemberOfRow(const Statement& s) {
  Member m;
  m.numero_adherent = s.Text(0);
  m.nom = s.Text(1);
  m.prenom = s.Text(2);
  m.nir = s.Text(3);
  m.date_naissance = ParseStoredDate(s.Text(4));
  m.niveau = s.Text(5);
  m.date_adhesion = ParseStoredDate(s.Text(6));
  if (!s.IsNull(7)) m.date_fin = ParseStoredDate(s.Text(7));
  m.email = s.Text(8);
  m.iban = s.Text(9);
  m.teletransmission = s.Int(10) != 0;
  if (!s.IsNull(11)) m.cotisation_mensuelle = Money::FromCents(s.Int(11));
  m.adresse = SplitTrace(s.Text(12));
  return m;
}


}  // namespace

Store::Store(Database db) : db_(std::move(db)), counters_(std::make_unique<detail::SqliteCounters>(db_)) {}
Store::Store(Store&& o) noexcept
    : db_(std::move(o.db_)), counters_(std::make_unique<detail::SqliteCounters>(db_)) {
  o.counters_.reset();
}
Store& Store::operator=(Store&& o) noexcept {
  db_ = std::move(o.db_);
  counters_ = std::make_unique<detail::SqliteCounters>(db_);
  o.counters_.reset();
  return *this;
}
Store::~Store() = default;

Result<Store> Store::Open(const std::string& path) {
  LIASSE_ASSIGN_OR_RETURN(auto db, Database::Open(path));
  if (auto st = db.Migrate(StoreMigrations()); !st.ok()) return st.WithContext(path);
  if (auto st = db.Migrate(AddressMigrations()); !st.ok()) return st.WithContext(path);
  return Store(std::move(db));
}

Status Store::UpsertMember(const Member& m) { return UpsertMembers({m}); }

Status Store::UpsertMembers(const std::vector<Member>& members) {
  std::lock_guard<std::mutex> lock(db_.mutex());
  Connection& c = db_.connection();
  LIASSE_ASSIGN_OR_RETURN(auto scope, detail::WriteScope::Begin(c.db));
  LIASSE_ASSIGN_OR_RETURN(auto s, Statement::Prepare(c, kInsertMember));
  for (const auto& m : members) LIASSE_RETURN_IF_ERROR(InsertMember(s, m));
  return scope.Commit();
}

Result<Member> Store::FindMember(std::string_view numero) {
  return FindMemberWhere("numero_adherent=?", numero, fmt::format("adhérent {} inconnu", numero));
}

Result<Member> Store::FindMemberByNir(std::string_view nir) {
  return FindMemberWhere("nir=? ORDER BY numero_adherent LIMIT 1", nir, "aucun adhérent n'a ce NIR");
}

Result<Member> Store::FindMemberWhere(std::string_view condition, std::string_view value, std::string not_found) {
  std::lock_guard<std::mutex> lock(db_.mutex());
  LIASSE_ASSIGN_OR_RETURN(auto s, Statement::Prepare(db_.connection(), std::string(kSelectMember) + " WHERE " + std::string(condition)));
  s.Bind(1, value);
  LIASSE_ASSIGN_OR_RETURN(auto row, s.Step());
  if (!row) return Status::NotFound(std::move(not_found));
  return MemberOfRow(s);
}

Result<std::vector<Member>> Store::MembersWhere(const std::function<bool(const Member&)>& keep) {
  std::lock_guard<std::mutex> lock(db_.mutex());
  LIASSE_ASSIGN_OR_RETURN(auto s, Statement::Prepare(db_.connection(), std::string(kSelectMember) + " ORDER BY numero_adherent"));
  std::vector<Member> out;
  for (;;) {
    LIASSE_ASSIGN_OR_RETURN(auto row, s.Step());
    if (!row) break;
    Member m = MemberOfRow(s);
    if (keep(m)) out.push_back(std::move(m));
  }
  return out;
}

Result<std::vector<Member>> Store::FindMembersByName(std::string_view nom, std::string_view prenom) {
  // Folded in C++: SQLite's lower() knows no accents, and a letter typed or
  // read without them ("Maelys") names the same person.
  const std::string nom_cle = text::FoldFrench(text::Trim(nom));
  const std::string prenom_cle = text::FoldFrench(text::Trim(prenom));
  return MembersWhere([&](const Member& m) {
    return text::FoldFrench(m.nom) == nom_cle && text::FoldFrench(m.prenom) == prenom_cle;
  });
}

Status Store::UpsertPartenaires(const std::vector<Partenaire>& partenaires) {
  std::lock_guard<std::mutex> lock(db_.mutex());
  Connection& c = db_.connection();
  LIASSE_ASSIGN_OR_RETURN(auto scope, detail::WriteScope::Begin(c.db));
  LIASSE_ASSIGN_OR_RETURN(
      auto s, Statement::Prepare(c, "INSERT OR REPLACE INTO partenaires(identifiant, nom, adresse, email) VALUES (?,?,?,?)"));
  for (const auto& p : partenaires) {
    s.Reset();
    s.Bind(1, p.identifiant).Bind(2, p.nom).Bind(3, JoinTrace(p.adresse)).Bind(4, p.email);
    if (auto st = s.Run().WithContext(p.identifiant); !st.ok()) return st;
  }
  return scope.Commit();
}

Result<Partenaire> Store::FindPartenaire(std::string_view identifiant) {
  std::lock_guard<std::mutex> lock(db_.mutex());
  LIASSE_ASSIGN_OR_RETURN(auto s, Statement::Prepare(db_.connection(), "SELECT identifiant, nom, adresse, email"
                                                                        " FROM partenaires WHERE identifiant=?"));
  s.Bind(1, identifiant);
  LIASSE_ASSIGN_OR_RETURN(auto row, s.Step());
  if (!row) return Status::NotFound(fmt::format("professionnel {} inconnu des partenaires", identifiant));
  return Partenaire{s.Text(0), s.Text(1), SplitTrace(s.Text(2)), s.Text(3)};
}

Result<std::vector<Member>> Store::AllMembers() {
  return MembersWhere([](const Member&) { return true; });
}

Result<int64_t> Store::CountMembers() {
  std::lock_guard<std::mutex> lock(db_.mutex());
  LIASSE_ASSIGN_OR_RETURN(auto s, Statement::Prepare(db_.connection(), "SELECT COUNT(*) FROM members"));
  LIASSE_RETURN_IF_ERROR(s.Step());
  return s.Int(0);
}

Status Store::UpsertContract(std::string_view name, bool responsable, Date valid_from) {
  std::lock_guard<std::mutex> lock(db_.mutex());
  LIASSE_ASSIGN_OR_RETURN(auto s, Statement::Prepare(db_.connection(),
                              "INSERT OR REPLACE INTO contracts(name, responsable, valid_from) VALUES (?,?,?)"));
  s.Bind(1, name).Bind(2, int64_t{responsable ? 1 : 0}).Bind(3, valid_from.ToIso());
  return s.Run();
}

Result<std::vector<std::string>> Store::Contracts() {
  std::lock_guard<std::mutex> lock(db_.mutex());
  LIASSE_ASSIGN_OR_RETURN(auto s, Statement::Prepare(db_.connection(), "SELECT name FROM contracts ORDER BY name"));
  std::vector<std::string> out;
  for (;;) {
    LIASSE_ASSIGN_OR_RETURN(auto row, s.Step());
    if (!row) break;
    out.push_back(s.Text(0));
  }
  return out;
}

Status Store::SavePricedClaim(const PricedClaim& claim) {
  std::lock_guard<std::mutex> lock(db_.mutex());
  Connection& c = db_.connection();
  LIASSE_ASSIGN_OR_RETURN(auto scope, detail::WriteScope::Begin(c.db));
  auto del = Statement::Prepare(c, "DELETE FROM priced_claims WHERE id=?");
  if (!del.ok()) return del.status();
  del->Bind(1, claim.id);
  if (auto st = del->Run(); !st.ok()) return st;
  auto head = Statement::Prepare(c,
                                 "INSERT INTO priced_claims(id, member, beneficiaire, frais_reels_cents, ro_cents,"
                                 " retenues_cents, mutuelle_cents, reste_a_charge_cents) VALUES (?,?,?,?,?,?,?,?)");
  if (!head.ok()) return head.status();
  const auto& t = claim.totals;
  head->Bind(1, claim.id).Bind(2, claim.member).Bind(3, claim.beneficiaire).Bind(4, t.frais_reels.cents());
  head->Bind(5, t.ro.cents()).Bind(6, t.retenues.cents()).Bind(7, t.mutuelle.cents()).Bind(8, t.reste_a_charge.cents());
  if (auto st = head->Run(); !st.ok()) return st;
  auto line = Statement::Prepare(c,
                                 "INSERT INTO priced_lines(claim_id, n, date, code, libelle, frais_reels_cents,"
                                 " base_cents, taux_ro_bp, ro_brut_cents, retenues_cents, ro_cents, mutuelle_cents,"
                                 " reste_a_charge_cents, garantie, motif_refus, trace)"
                                 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!line.ok()) return line.status();
  for (size_t i = 0; i < claim.lines.size(); ++i) {
    const auto& l = claim.lines[i];
    line->Reset();
    line->Bind(1, claim.id).Bind(2, static_cast<int64_t>(i)).Bind(3, l.date.ToIso()).Bind(4, l.code);
    line->Bind(5, l.libelle).Bind(6, l.frais_reels.cents()).Bind(7, l.base.cents());
    line->Bind(8, l.taux_ro.basis_points()).Bind(9, l.ro_brut.cents()).Bind(10, l.retenues.cents());
    line->Bind(11, l.ro.cents()).Bind(12, l.mutuelle.cents()).Bind(13, l.reste_a_charge.cents());
    line->Bind(14, l.garantie).Bind(15, l.motif_refus).Bind(16, JoinTrace(l.trace));
    if (auto st = line->Run(); !st.ok()) return st;
  }
  return scope.Commit();
}

Result<Money> Store::MutuellePaidTo(std::string_view numero_adherent) {
  std::lock_guard<std::mutex> lock(db_.mutex());
  LIASSE_ASSIGN_OR_RETURN(auto s, Statement::Prepare(db_.connection(),
                              "SELECT COALESCE(SUM(mutuelle_cents), 0) FROM priced_claims WHERE member=?"));
  s.Bind(1, numero_adherent);
  LIASSE_RETURN_IF_ERROR(s.Step());
  return Money::FromCents(s.Int(0));
}

Result<std::vector<MemberEmail>> Store::UnprovenEmails() {
  std::lock_guard<std::mutex> lock(db_.mutex());
  auto s = Statement::Prepare(db_.connection(),
                              "SELECT numero_adherent, email, since, notified FROM email_addresses"
                              " WHERE state = 'unproven' ORDER BY since, numero_adherent");
  if (!s.ok()) return s.status();
  std::vector<MemberEmail> out;
  for (;;) {
    auto row = s->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back({s->Text(0), s->Text(1), EmailState::kUnproven, s->Text(2), s->Int(3) != 0});
  }
  return out;
}

Status Store::ConfirmEmail(std::string_view numero_adherent, std::string_view email) {
  std::lock_guard<std::mutex> lock(db_.mutex());
  auto current = Statement::Prepare(db_.connection(), "SELECT email FROM email_addresses WHERE numero_adherent=?");
  if (!current.ok()) return current.status();
  current->Bind(1, numero_adherent);
  auto row = current->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound(fmt::format("adhérent {} : aucune adresse e-mail connue", numero_adherent));
  if (text::FoldFrench(current->Text(0)) != text::FoldFrench(email)) {
    return Status::FailedPrecondition(
        fmt::format("adhérent {} : l'adresse à confirmer n'est pas son adresse actuelle", numero_adherent));
  }
  auto update = Statement::Prepare(db_.connection(),
                                   "UPDATE email_addresses SET state = 'confirmed',"
                                   " since = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE numero_adherent=?");
  if (!update.ok()) return update.status();
  update->Bind(1, numero_adherent);
  return update->Run();
}

Status Store::MarkEmailNotified(std::string_view numero_adherent) {
  std::lock_guard<std::mutex> lock(db_.mutex());
  auto update = Statement::Prepare(db_.connection(), "UPDATE email_addresses SET notified = 1 WHERE numero_adherent=?");
  if (!update.ok()) return update.status();
  update->Bind(1, numero_adherent);
  return update->Run();
}

Result<std::optional<MemberEmail>> Store::EmailOf(std::string_view numero_adherent) {
  std::lock_guard<std::mutex> lock(db_.mutex());
  LIASSE_ASSIGN_OR_RETURN(auto s, Statement::Prepare(db_.connection(),
                              "SELECT email, state, since, notified FROM email_addresses WHERE numero_adherent=?"));
  s.Bind(1, numero_adherent);
  LIASSE_ASSIGN_OR_RETURN(auto row, s.Step());
  if (!row) return std::optional<MemberEmail>();
  return std::optional<MemberEmail>(MemberEmail{std::string(numero_adherent), s.Text(0),
                                                s.Text(1) == "confirmed" ? EmailState::kConfirmed : EmailState::kUnproven,
                                                s.Text(2), s.Int(3) != 0});
}

Status Store::RecordUnprovenEmail(std::string_view numero_adherent, std::string_view email) {
  std::lock_guard<std::mutex> lock(db_.mutex());
  Connection& c = db_.connection();
  // The members row (no trigger on UPDATE) and the state: both or neither.
  LIASSE_ASSIGN_OR_RETURN(auto scope, detail::WriteScope::Begin(c.db));
  LIASSE_ASSIGN_OR_RETURN(auto member, Statement::Prepare(c, "UPDATE members SET email=? WHERE numero_adherent=?"));
  member.Bind(1, email).Bind(2, numero_adherent);
  LIASSE_RETURN_IF_ERROR(member.Run());
  if (sqlite3_changes(c.db) == 0) return Status::NotFound(fmt::format("adhérent {} inconnu", numero_adherent));
  LIASSE_ASSIGN_OR_RETURN(auto state, Statement::Prepare(c,
                                "INSERT INTO email_addresses(numero_adherent, email, state) VALUES (?, ?, 'unproven')"
                                " ON CONFLICT(numero_adherent) DO UPDATE SET email = excluded.email, state = 'unproven',"
                                " notified = 0, since = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"));
  state.Bind(1, numero_adherent).Bind(2, email);
  LIASSE_RETURN_IF_ERROR(state.Run());
  return scope.Commit();
}

Result<PricedClaim> Store::LoadPricedClaim(std::string_view id) {
  std::lock_guard<std::mutex> lock(db_.mutex());
  Connection& c = db_.connection();
  LIASSE_ASSIGN_OR_RETURN(auto head, Statement::Prepare(c,
                                 "SELECT member, beneficiaire, frais_reels_cents, ro_cents, retenues_cents,"
                                 " mutuelle_cents, reste_a_charge_cents FROM priced_claims WHERE id=?"));
  head.Bind(1, id);
  LIASSE_ASSIGN_OR_RETURN(auto row, head.Step());
  if (!row) return Status::NotFound(fmt::format("demande {} non liquidée", id));
  PricedClaim p;
  p.id = std::string(id);
  p.member = head.Text(0);
  p.beneficiaire = head.Text(1);
  p.totals = {Money::FromCents(head.Int(2)), Money::FromCents(head.Int(3)), Money::FromCents(head.Int(4)),
              Money::FromCents(head.Int(5)), Money::FromCents(head.Int(6))};
  LIASSE_ASSIGN_OR_RETURN(auto lines, Statement::Prepare(c,
                                  "SELECT date, code, libelle, frais_reels_cents, base_cents, taux_ro_bp,"
                                  " ro_brut_cents, retenues_cents, ro_cents, mutuelle_cents, reste_a_charge_cents,"
                                  " garantie, motif_refus, trace FROM priced_lines WHERE claim_id=? ORDER BY n"));
  lines.Bind(1, id);
  for (;;) {
    LIASSE_ASSIGN_OR_RETURN(auto more, lines.Step());
    if (!more) break;
    PricedLine l;
    l.date = ParseStoredDate(lines.Text(0));
    l.code = lines.Text(1);
    l.libelle = lines.Text(2);
    l.frais_reels = Money::FromCents(lines.Int(3));
    l.base = Money::FromCents(lines.Int(4));
    l.taux_ro = Rate::BasisPoints(lines.Int(5));
    l.ro_brut = Money::FromCents(lines.Int(6));
    l.retenues = Money::FromCents(lines.Int(7));
    l.ro = Money::FromCents(lines.Int(8));
    l.mutuelle = Money::FromCents(lines.Int(9));
    l.reste_a_charge = Money::FromCents(lines.Int(10));
    l.garantie = lines.Text(11);
    l.motif_refus = lines.Text(12);
    l.trace = SplitTrace(lines.Text(13));
    p.lines.push_back(std::move(l));
  }
  return p;
}

}  // namespace liasse::store
