// Letter templates: one TOML file per letter kind under templates/ (title,
// subject and body written by the operator, changed without recompiling),
// plus the operator's letterhead (letterhead.toml) and the mediators
// (mediateurs.toml).
//
// Template text: `{{name}}` inserts a value; `{{#if name}}…{{else}}…{{/if}}`
// keeps a block when a flag is set, a value non-empty or a list non-empty;
// `{{#each list}}…{{/each}}` repeats a block per item, where the item's
// fields are named directly. A tag alone on its line takes the line with it.
// Body lines: "## " heading, "- " bullet, "> " bold paragraph, ">> "
// signature (bold, right half), "[[tableau]]" where the table goes; any
// other non-empty line is a paragraph.
//
// Every name is checked at load against what the letter kind provides: an
// unknown placeholder fails with the file, the line and the name.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/date.h"
#include "liasse/core/status.h"

namespace liasse::generators {

// The `kind` values of results.md's letters[].
enum class LetterKind {
  kDecompte,
  kConfirmationRenonciation,
  kRefusRenonciation,
  kAccuseReceptionReclamation,
  kAnomaliesLot,
  kDemandePieces,
  kRefusRemboursement,
};
inline constexpr LetterKind kAllLetterKinds[] = {
    LetterKind::kDecompte,          LetterKind::kConfirmationRenonciation, LetterKind::kRefusRenonciation,
    LetterKind::kAccuseReceptionReclamation, LetterKind::kAnomaliesLot,   LetterKind::kDemandePieces,
    LetterKind::kRefusRemboursement};

// "decompte", "confirmation_renonciation", …
std::string_view LetterKindName(LetterKind kind);
// The inverse of LetterKindName; fails on an unknown name.
Result<LetterKind> ParseLetterKind(std::string_view name);

// The values one letter offers its template.
struct TemplateValues {
  std::map<std::string, std::string> scalars;
  std::map<std::string, bool> flags;
  std::map<std::string, std::vector<std::map<std::string, std::string>>> lists;
};

// The names a letter kind offers, for load-time checking.
struct TemplateSchema {
  std::set<std::string> scalars;
  std::set<std::string> flags;
  std::map<std::string, std::set<std::string>> lists;  // list → item fields
};
// What each kind offers (the contract between templates/ and the code).
const TemplateSchema& SchemaFor(LetterKind kind);

// A compiled template text. Copyable, immutable, thread-safe to render.
class TextTemplate {
 public:
  struct Node;
  // Parses and checks `text` against `schema`; errors name `file` and the
  // line (`first_line` is the file line of the text's first line).
  static Result<TextTemplate> Compile(std::string_view text, const TemplateSchema& schema, std::string_view file,
                                      int first_line);
  // Renders with `values`; a name without a value renders empty.
  std::string Render(const TemplateValues& values) const;

 private:
  std::shared_ptr<const std::vector<Node>> nodes_;
};

struct LetterTemplate {
  LetterKind kind = LetterKind::kDecompte;
  std::string file;
  TextTemplate title;    // PDF title and heading of the letter
  TextTemplate subject;  // "Objet :" line
  TextTemplate body;
  std::vector<std::string> columns;  // décompte table headings (8), else empty
};

struct Mediator {
  std::string name;
  std::vector<std::string> address;
  std::string website;
};

enum class InsurerKind { kMutuelle, kEntrepriseAssurance, kInstitutionPrevoyance };
std::string_view InsurerKindName(InsurerKind kind);  // "mutuelle", "entreprise_assurance", "institution_prevoyance"
Result<InsurerKind> ParseInsurerKind(std::string_view name);

// The operator printed on every letter (letterhead.toml).
struct Letterhead {
  std::string name;        // "CPMS"
  std::string long_name;   // "Centre de Prévoyance Médico-Sociale"
  std::vector<std::string> address;
  std::string phone;
  std::string email;
  std::string website;
  std::string city;        // "Paris" in « Paris, le 5 septembre 2025 »
  std::string signature;   // closing signature line
  std::string orias;
  std::string siret;
  std::vector<std::string> legal;  // footer lines
  std::vector<std::string> complaints_address;
  std::string complaints_email;
  std::string complaints_phone;
  std::string author;      // PDF metadata author
};

// What the e-mail password rule of letterhead.toml ([chiffrement]
// mot_de_passe) may use: {{date_naissance}} (JJMMAAAA), {{numero_adherent}}.
// A fact left empty (nullopt) is unknown.
struct PasswordFacts {
  std::optional<Date> date_naissance;
  std::string numero_adherent;
};

// [chiffrement] of letterhead.toml: the password rule and the French words
// that tell the member how the password is made ("votre date de naissance,
// au format JJMMAAAA"), which the e-mail carries instead of the password.
struct PasswordRule {
  TextTemplate password;
  std::string hint;
};

// All templates of a directory, loaded and checked at start-up.
class TemplateSet {
 public:
  // Loads letterhead.toml, mediateurs.toml and one <kind>.toml per letter
  // kind from `dir`. Fails on the first missing file, TOML syntax error,
  // missing key or unknown placeholder, naming file and line.
  static Result<TemplateSet> Load(const std::string& dir);

  const LetterTemplate& Get(LetterKind kind) const;
  const Letterhead& letterhead() const { return letterhead_; }
  const Mediator& MediatorFor(InsurerKind kind) const;
  // The user password of an e-mailed PDF by the configured rule. Fails with
  // NotFound when the rule needs a fact `facts` lacks, or renders empty: the
  // letter then cannot be e-mailed.
  Result<std::string> UserPassword(const PasswordFacts& facts) const;
  // How the password is made, for the member (e-mail text).
  const std::string& PasswordHint() const { return password_rule_.hint; }

 private:
  std::map<LetterKind, LetterTemplate> letters_;
  std::map<InsurerKind, Mediator> mediators_;
  Letterhead letterhead_;
  PasswordRule password_rule_;
};

}  // namespace liasse::generators
