// Guarantee tables (tableaux de garanties PASS 1–5, seed 004 Annexe 1): one
// TOML file per contract under data/garanties/, each row's guarantee kept as
// printed ("130%", "60% + 100 €", "30 € (Forfait 150€/an)", "-") and parsed
// into a Garantie at load time. Adding a contract is adding a file.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/date.h"
#include "liasse/core/money.h"
#include "liasse/core/status.h"

namespace liasse::pricing {

// The printed guarantee of one row, parsed.
struct Garantie {
  enum class Kind {
    kPourcentageBr,     // "130%": (Sécurité sociale + mutuelle) ≤ 130 % of the BR
    kForfait,           // "15 €": an amount (per year when note (2) applies)
    kFraisReels,        // "100% Frais réels": a share of the amount spent
    kSansResteACharge,  // "Sans reste à charge": 100 % Santé basket
    kPourcentagePlusForfait,  // "60% + 100 €": a BR share plus a yearly amount
    kParSeance,         // "30 € (Forfait 150€/an)": per séance, capped per year
    kSecuPlus,          // "Sécurité sociale + 25% (min 100%)"
    kNonCouvert,        // "-"
    kService,           // "Incluse": a service, not a reimbursement
  };
  Kind kind = Kind::kNonCouvert;
  Rate taux = Rate::Percent(0);      // kPourcentageBr, kFraisReels, kPourcentagePlusForfait, kSecuPlus (the +)
  Rate taux_min = Rate::Percent(0);  // kSecuPlus (min)
  Money montant = Money::Zero();     // kForfait, kPourcentagePlusForfait, kParSeance (per séance)
  Money plafond_annuel = Money::Zero();  // kParSeance
  std::string imprime;               // the text as printed

  // Parses a printed guarantee; fails with the reason on unknown text.
  static Result<Garantie> Parse(std::string_view printed);
};

// One row of a table, e.g. {cle "generaliste_dptm", libelle "Généraliste et
// Spécialiste - DPTM ⁽¹⁾", garantie "130%", notes {1}}.
struct GuaranteeRow {
  std::string cle;
  std::string section;
  std::string libelle;  // as printed, footnote calls included
  Garantie garantie;
  std::set<int> notes;  // footnote numbers called in libelle/section: ⁽²⁾ → 2

  bool HasNote(int n) const { return notes.count(n) != 0; }
  std::string libelle_court;  // without footnote calls, heading restored (traces)
  std::string reference;      // "PASS3/generaliste_dptm": the `garantie` of a priced line

  // The libellé without footnote calls, for traces.
  const std::string& LibelleCourt() const { return libelle_court; }
};

// One contract's table (PASS1 …). Immutable once loaded; safe to share
// between threads.
class GuaranteeTable {
 public:
  const std::string& contrat() const { return contrat_; }
  bool responsable() const { return responsable_; }
  Date valid_from() const { return valid_from_; }
  // The row, or nullptr when the table has no row `cle`.
  const GuaranteeRow* Find(std::string_view cle) const;
  const std::vector<GuaranteeRow>& rows() const { return rows_; }
  const std::map<int, std::string>& notes() const { return notes_; }

  // Parses one file. Fails with "<file>: <key>: reason" on a missing or
  // unknown row, a duplicate, or an unparseable guarantee.
  static Result<GuaranteeTable> LoadFile(const std::string& path);

 private:
  std::string contrat_;
  bool responsable_ = true;
  Date valid_from_ = Date::FromSerial(0);
  std::vector<GuaranteeRow> rows_;
  std::map<int, std::string> notes_;
};

// The row keys every table must define (the pricing rules know them).
const std::vector<std::string_view>& RequiredRowKeys();

// All contracts of a directory (every *.toml file, by contract name).
class GuaranteeCatalog {
 public:
  // Loads every .toml file of `dir`. Fails on the first invalid file, with
  // its name; fails when the directory holds no table.
  static Result<GuaranteeCatalog> LoadDirectory(const std::string& dir);
  // The table, or nullptr for an unknown contract.
  const GuaranteeTable* Find(std::string_view contrat) const;
  std::vector<std::string> Contracts() const;

 private:
  std::map<std::string, GuaranteeTable, std::less<>> tables_;
};

}  // namespace liasse::pricing
