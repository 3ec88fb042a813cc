// Liasse's persistent state on SQLite: members, contracts, consumption
// counters (the pricing module's Counters interface) and priced claims.
// Other components add their own tables through Database::Migrate with their
// own component name.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "liasse/core/date.h"
#include "liasse/core/money.h"
#include "liasse/core/status.h"
#include "liasse/core/claim.h"
#include "liasse/core/counters.h"
#include "liasse/store/database.h"

namespace liasse::store {

// A member (adhérent) as in samples/members.csv.
struct Member {
  std::string numero_adherent;
  std::string nom;
  std::string prenom;
  std::string nir;
  Date date_naissance = Date::FromSerial(0);
  std::string niveau;  // PASS1 … PASS5
  Date date_adhesion = Date::FromSerial(0);
  std::optional<Date> date_fin;
  std::string email;
  std::string iban;
  bool teletransmission = false;
  // The monthly cotisation, paid in advance (seed 004 §4.1.2); nullopt when
  // the members file does not give it (renunciation refunds then go to a
  // person).
  std::optional<Money> cotisation_mensuelle;
  // Postal address for letters: street line(s) then "75009 PARIS"; empty
  // when the members file gives none (a letter then waits for review).
  std::vector<std::string> adresse;

  friend bool operator==(const Member&, const Member&) = default;
};

// A professional who sends B2 lots (the bordereau's partenaire.identifiant,
// the numéro AM), with the postal address the lot notices go to.
struct Partenaire {
  std::string identifiant;           // numéro AM, 9 characters
  std::string nom;                   // "Marie DURAND, infirmière", "Centre de soins …"
  std::vector<std::string> adresse;  // street line(s) then "75009 PARIS"
  std::string email;                 // may be empty

  friend bool operator==(const Partenaire&, const Partenaire&) = default;
};

// The store's own schema steps (component "store").
const std::vector<Migration>& StoreMigrations();
// The e-mail address states (component "addresses").
const std::vector<Migration>& AddressMigrations();

// Whether health data may go to a member's e-mail address.
enum class EmailState { kUnproven, kConfirmed };

// A member's current address and its state.
struct MemberEmail {
  std::string numero_adherent;
  std::string email;
  EmailState state = EmailState::kUnproven;
  std::string since;   // ISO time of the last change
  bool notified = false;  // the confirmation message (no health data) was queued
};

// Owns the database. Thread-safe: calls are serialised by the database.
class Store {
 public:
  // Opens or creates the file and applies the store's migrations.
  static Result<Store> Open(const std::string& path);

  Database& database() { return db_; }

  // Inserts or replaces by numero_adherent.
  Status UpsertMember(const Member& m);
  // Inserts or replaces every member in one transaction (all or nothing).
  Status UpsertMembers(const std::vector<Member>& members);
  // The member, or NotFound.
  Result<Member> FindMember(std::string_view numero_adherent);
  // The member whose NIR (15 characters) is `nir`, or NotFound. When several
  // share it (should not happen), the lowest numéro d'adhérent.
  Result<Member> FindMemberByNir(std::string_view nir);
  Result<int64_t> CountMembers();
  // Every member, by numéro d'adhérent.
  Result<std::vector<Member>> AllMembers();
  // Every member whose nom and prénom equal `nom` and `prenom` once case and
  // French accents are folded (a letter gives no identifier), ordered by
  // numéro d'adhérent; empty when none. Scans the table: for the rare
  // letters, not for claims.
  Result<std::vector<Member>> FindMembersByName(std::string_view nom, std::string_view prenom);

  // Inserts or replaces every professional by identifiant, in one
  // transaction (all or nothing).
  Status UpsertPartenaires(const std::vector<Partenaire>& partenaires);
  // The professional with this identifiant, or NotFound.
  Result<Partenaire> FindPartenaire(std::string_view identifiant);

  // Records a contract (guarantee table) known to this installation.
  Status UpsertContract(std::string_view name, bool responsable, Date valid_from);
  Result<std::vector<std::string>> Contracts();

  // Saves a priced claim, replacing an earlier pricing of the same id.
  Status SavePricedClaim(const PricedClaim& claim);
  // The saved claim with its lines and traces, or NotFound.
  Result<PricedClaim> LoadPricedClaim(std::string_view id);
  // The sum of the mutuelle part of every priced claim saved for member
  // `numero_adherent` (zero when none): the prestations the mutuelle paid.
  Result<Money> MutuellePaidTo(std::string_view numero_adherent);

  // The addresses waiting for an operator's confirmation, by member.
  Result<std::vector<MemberEmail>> UnprovenEmails();
  // The operator confirms the member's current address `email` (the one
  // the operator saw). Fails with NotFound when the member has no address,
  // FailedPrecondition when `email` is not the member's current address.
  Status ConfirmEmail(std::string_view numero_adherent, std::string_view email);
  // Records that the confirmation message went to the member's address.
  Status MarkEmailNotified(std::string_view numero_adherent);
  // The member's current address and its state; nullopt when the member
  // has none.
  Result<std::optional<MemberEmail>> EmailOf(std::string_view numero_adherent);
  // Makes `email` the member's address, unproven and not yet notified,
  // whatever the member had (an address read from a coupon: the caller
  // decides whether it may replace the current one). NotFound when no
  // member has this numéro.
  Status RecordUnprovenEmail(std::string_view numero_adherent, std::string_view email);

  // Counters on this database; valid while the Store lives.
  Counters& counters() { return *counters_; }

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

 private:
  explicit Store(Database db);
  // One member selected by `condition` (SQL with one `?` bound to `value`).
  Result<Member> FindMemberWhere(std::string_view condition, std::string_view value, std::string not_found);
  // Every member for which `keep` is true, by numéro d'adhérent.
  Result<std::vector<Member>> MembersWhere(const std::function<bool(const Member&)>& keep);
  Database db_;
  std::unique_ptr<Counters> counters_;
};

}  // namespace liasse::store
