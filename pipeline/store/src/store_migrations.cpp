// Schema of the store component. Append new steps; never edit applied ones.
#include "liasse/store/store.h"

namespace liasse::store {

const std::vector<Migration>& StoreMigrations() {
  static const std::vector<Migration> kMigrations = {
      {"store", 1,
       "CREATE TABLE members ("
       " numero_adherent TEXT PRIMARY KEY, nom TEXT NOT NULL, prenom TEXT NOT NULL, nir TEXT NOT NULL,"
       " date_naissance TEXT NOT NULL, niveau TEXT NOT NULL, date_adhesion TEXT NOT NULL, date_fin TEXT,"
       " email TEXT NOT NULL, iban TEXT NOT NULL, teletransmission INTEGER NOT NULL);"
       "CREATE INDEX members_nir ON members(nir);"
       "CREATE TABLE contracts (name TEXT PRIMARY KEY, responsable INTEGER NOT NULL, valid_from TEXT NOT NULL);"
       "CREATE TABLE counter_entries ("
       " id INTEGER PRIMARY KEY, idempotency_key TEXT NOT NULL, beneficiaire TEXT NOT NULL,"
       " compteur TEXT NOT NULL, date TEXT NOT NULL, montant_cents INTEGER NOT NULL, nombre INTEGER NOT NULL);"
       "CREATE INDEX counter_entries_lookup ON counter_entries(beneficiaire, compteur, date);"
       "CREATE INDEX counter_entries_key ON counter_entries(idempotency_key);"
       "CREATE TABLE counter_keys (seq INTEGER PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE);"
       "CREATE TABLE priced_claims ("
       " id TEXT PRIMARY KEY, member TEXT NOT NULL, beneficiaire TEXT NOT NULL,"
       " frais_reels_cents INTEGER NOT NULL, ro_cents INTEGER NOT NULL, retenues_cents INTEGER NOT NULL,"
       " mutuelle_cents INTEGER NOT NULL, reste_a_charge_cents INTEGER NOT NULL);"
       "CREATE TABLE priced_lines ("
       " claim_id TEXT NOT NULL REFERENCES priced_claims(id) ON DELETE CASCADE, n INTEGER NOT NULL,"
       " date TEXT NOT NULL, code TEXT NOT NULL, libelle TEXT NOT NULL, frais_reels_cents INTEGER NOT NULL,"
       " base_cents INTEGER NOT NULL, taux_ro_bp INTEGER NOT NULL, ro_brut_cents INTEGER NOT NULL,"
       " retenues_cents INTEGER NOT NULL, ro_cents INTEGER NOT NULL, mutuelle_cents INTEGER NOT NULL,"
       " reste_a_charge_cents INTEGER NOT NULL, garantie TEXT NOT NULL, motif_refus TEXT NOT NULL,"
       " trace TEXT NOT NULL, PRIMARY KEY (claim_id, n))"},
      // The monthly cotisation in cents, NULL when the members file gave none.
      {"store", 2, "ALTER TABLE members ADD COLUMN cotisation_mensuelle_cents INTEGER"},
      // Postal addresses for the letters: the member's lines (street…, then
      // "75009 PARIS") joined by newlines, empty when unknown; the
      // professionals who send B2 lots (auxiliaires médicaux, centres).
      {"store", 3,
       "ALTER TABLE members ADD COLUMN adresse TEXT NOT NULL DEFAULT '';"
       "CREATE TABLE partenaires (identifiant TEXT PRIMARY KEY, nom TEXT NOT NULL, adresse TEXT NOT NULL,"
       " email TEXT NOT NULL)"},
  };
  return kMigrations;
}

// The state of each member's e-mail address, kept by the database itself:
// the address a member first comes with (the bulletin d'affiliation of the
// members file) is confirmed; an address that replaces it (an operator's
// change, a coupon) is unproven until an operator confirms it. A trigger,
// so that every way of writing a member keeps the rule.
const std::vector<Migration>& AddressMigrations() {
  static const std::vector<Migration> kMigrations = {
      {"addresses", 1,
       "CREATE TABLE email_addresses ("
       " numero_adherent TEXT PRIMARY KEY, email TEXT NOT NULL,"
       " state TEXT NOT NULL CHECK (state IN ('unproven', 'confirmed')),"
       " since TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
       " notified INTEGER NOT NULL DEFAULT 0);"
       "INSERT INTO email_addresses(numero_adherent, email, state)"
       " SELECT numero_adherent, email, 'confirmed' FROM members WHERE email <> '';"
       "CREATE TRIGGER members_email AFTER INSERT ON members WHEN NEW.email <> '' BEGIN"
       " INSERT INTO email_addresses(numero_adherent, email, state) VALUES (NEW.numero_adherent, NEW.email, 'confirmed')"
       " ON CONFLICT(numero_adherent) DO UPDATE SET email = excluded.email, state = 'unproven', notified = 0,"
       " since = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE lower(email_addresses.email) <> lower(excluded.email);"
       " END;"},
  };
  return kMigrations;
}

}  // namespace liasse::store
