// Identifiers printed on claim documents, each parsed from OCR text (spaces,
// dots and hyphens allowed) and checked against its key. Rules and test
// vectors: docs/reference.md. Failures say why, in French, so the
// reason can go straight into a review flag.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "liasse/core/date.h"
#include "liasse/core/status.h"

namespace liasse {

// Numéro d'inscription au répertoire (NIR, "numéro de sécurité sociale"):
// sex (1) + birth year (2) + birth month (2) + département (2, 2A/2B for
// Corsica) + commune (3) + order (3) + key (2); key = 97 − (13 digits mod 97)
// with 2A → 19 and 2B → 18.
class Nir {
 public:
  // Fails when the text is not 15 characters once separators are removed,
  // when sex, month or département are implausible, or when the key is wrong.
  static Result<Nir> Parse(std::string_view text);
  // The key of the first 13 characters (Corsica letters allowed), or -1 when
  // they are not 13 digits / a valid 2A-2B form.
  static int ComputeKey(std::string_view first13);

  const std::string& value() const { return value_; }  // 15 characters, no spaces
  int sex() const { return (value_[0] - '0'); }        // 1 homme, 2 femme (3,4,7,8 provisional)
  int birth_year_two_digits() const;
  // 1–12, or 0 when the NIR records an unknown month (20, 30–42, 50–99).
  int birth_month() const;
  std::string departement() const;  // "75", "2A", "971", "99" (born abroad)
  std::string commune() const;      // INSEE commune, or country code when born abroad
  std::string ordre() const;
  std::string key() const { return value_.substr(13, 2); }

  // True when `birth` agrees with the year and (known) month of the NIR.
  bool MatchesBirthDate(Date birth) const;
  // "2 95 10 •• ••• ••• ••": sex, year and month visible, the rest masked.
  std::string Masked() const;

 private:
  explicit Nir(std::string value) : value_(std::move(value)) {}
  std::string value_;
};

// Numéro Assurance Maladie of a professional or establishment: département
// (2) + catégorie (1) + order (5) + Luhn key (1) = 9 characters.
class NumeroAm {
 public:
  static Result<NumeroAm> Parse(std::string_view text);
  // The Luhn key of the 8 first digits; -1 when they are not 8 digits.
  static int ComputeKey(std::string_view first8);

  const std::string& value() const { return value_; }
  std::string departement() const { return value_.substr(0, 2); }
  int categorie() const { return value_[2] - '0'; }
  // "infirmier", "masseur-kinésithérapeute", ...
  std::string_view categorie_name() const;
  std::string ordre() const { return value_.substr(3, 5); }
  int key() const { return value_[8] - '0'; }

 private:
  explicit NumeroAm(std::string value) : value_(std::move(value)) {}
  std::string value_;
};

// A number whose check key is not confirmed by a public source (RPPS, ADELI,
// FINESS): the format is enforced, the key is only reported.
struct UnconfirmedKeyNumber {
  std::string value;
  bool key_ok = false;  // Luhn over all digits; a failure is a review flag, not a rejection
};
Result<UnconfirmedKeyNumber> ParseRpps(std::string_view text);    // 11 digits
Result<UnconfirmedKeyNumber> ParseAdeli(std::string_view text);   // 9 digits
Result<UnconfirmedKeyNumber> ParseFiness(std::string_view text);  // 9 characters, 2A/2B allowed

// IBAN (ISO 13616): country, length for known countries, mod 97 == 1.
// Returns the electronic form, upper case, no spaces.
Result<std::string> ParseIban(std::string_view text);
// "FR76 •••• •••• 1234": the first four and the last four characters.
std::string MaskIban(std::string_view iban);

// SIREN (9 digits) and SIRET (14 digits), Luhn key (La Poste exception for
// SIRET). Return the digits.
Result<std::string> ParseSiren(std::string_view text);
Result<std::string> ParseSiret(std::string_view text);

// True when the digit string passes the Luhn check.
bool LuhnValid(std::string_view digits);

// A readable account of one identifier for the `check-id` command.
struct IdentifierInfo {
  std::string kind;        // "nir", "am", ...
  std::string normalized;  // the value as stored
  std::vector<std::pair<std::string, std::string>> parts;  // decoded parts, in order
  std::vector<std::string> warnings;                        // e.g. an unconfirmed key that fails
};
// Parses `text` as identifier `kind` (nir, am, rpps, adeli, finess, iban,
// siren, siret). Fails with the reason, or on an unknown kind.
Result<IdentifierInfo> CheckIdentifier(std::string_view kind, std::string_view text);

}  // namespace liasse
