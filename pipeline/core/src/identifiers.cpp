#include "liasse/core/identifiers.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "liasse/core/text.h"

namespace liasse {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

int TwoDigits(std::string_view s) { return (s[0] - '0') * 10 + (s[1] - '0'); }

// Remainder of a long decimal string modulo 97, digit by digit.
int Mod97(std::string_view digits) {
  int r = 0;
  for (char c : digits) r = (r * 10 + (c - '0')) % 97;
  return r;
}

int LuhnCheckDigit(std::string_view digits) {
  int sum = 0;
  bool doubled = true;  // the digit next to the (absent) key is doubled
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (doubled) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    doubled = !doubled;
  }
  return (10 - sum % 10) % 10;
}

Result<UnconfirmedKeyNumber> ParseDigitsWithUnconfirmedKey(std::string_view text, std::size_t length,
                                                          std::string_view label) {
  std::string value = text::StripSeparators(text);
  if (value.size() != length || !AllDigits(value)) {
    return Status::InvalidArgument(std::string(label) + " « " + std::string(text::Trim(text)) + " » : " +
                                   std::to_string(length) + " chiffres attendus");
  }
  UnconfirmedKeyNumber out;
  out.key_ok = LuhnValid(value);
  out.value = std::move(value);
  return out;
}

struct IbanLength { std::string_view country; std::size_t length; };
constexpr std::array<IbanLength, 14> kIbanLengths = {{
    {"FR", 27}, {"MC", 27}, {"DE", 22}, {"BE", 16}, {"ES", 24}, {"IT", 27}, {"LU", 20},
    {"CH", 21}, {"GB", 22}, {"NL", 18}, {"PT", 25}, {"AT", 20}, {"IE", 22}, {"GP", 27},
}};

}  // namespace

bool LuhnValid(std::string_view digits) {
  if (!AllDigits(digits) || digits.size() < 2) return false;
  return LuhnCheckDigit(digits.substr(0, digits.size() - 1)) == digits.back() - '0';
}

// ---------------------------------------------------------------- NIR

int Nir::ComputeKey(std::string_view first13) {
  if (first13.size() != 13) return -1;
  std::string digits(first13);
  const std::string dept = Upper(digits.substr(5, 2));
  if (dept == "2A") digits.replace(5, 2, "19");
  if (dept == "2B") digits.replace(5, 2, "18");
  if (!AllDigits(digits)) return -1;
  return 97 - Mod97(digits);
}

Result<Nir> Nir::Parse(std::string_view text) {
  const std::string shown(text::Trim(text));
  std::string value = Upper(text::StripSeparators(text));
  const auto fail = [&](const std::string& why) {
    return Status::InvalidArgument("NIR « " + shown + " » : " + why);
  };
  if (value.size() != 15) return fail("15 caractères attendus, " + std::to_string(value.size()) + " lus");
  const std::string dept = value.substr(5, 2);
  const bool corsica = dept == "2A" || dept == "2B";
  std::string digits_only = value;
  if (corsica) digits_only.replace(5, 2, "00");
  if (!AllDigits(digits_only)) return fail("seuls des chiffres (et 2A/2B pour la Corse) sont permis");
  const char sex = value[0];
  if (sex != '1' && sex != '2' && sex != '3' && sex != '4' && sex != '7' && sex != '8') {
    return fail(std::string("premier chiffre (sexe) ") + sex + " impossible");
  }
  const int month = TwoDigits(value.substr(3, 2));
  const bool month_ok = (month >= 1 && month <= 12) || month == 20 || (month >= 30 && month <= 42) || month >= 50;
  if (!month_ok) return fail("mois de naissance " + value.substr(3, 2) + " impossible");
  if (!corsica && dept == "00") return fail("département 00 impossible");
  if (value.substr(10, 3) == "000") return fail("numéro d'ordre 000 impossible");
  const int key = TwoDigits(value.substr(13, 2));
  const int expected = ComputeKey(value.substr(0, 13));
  if (key != expected) {
    return fail("clé " + value.substr(13, 2) + " incorrecte (clé calculée " + (expected < 10 ? "0" : "") +
                std::to_string(expected) + ")");
  }
  return Nir(std::move(value));
}

int Nir::birth_year_two_digits() const { return TwoDigits(value_.substr(1, 2)); }

int Nir::birth_month() const {
  const int month = TwoDigits(value_.substr(3, 2));
  return month >= 1 && month <= 12 ? month : 0;
}

std::string Nir::departement() const {
  const std::string dept = value_.substr(5, 2);
  if (dept == "97" || dept == "98") return value_.substr(5, 3);
  return dept;
}

std::string Nir::commune() const {
  const std::string dept = value_.substr(5, 2);
  if (dept == "97" || dept == "98") return value_.substr(8, 2);
  return value_.substr(7, 3);
}

std::string Nir::ordre() const { return value_.substr(10, 3); }

bool Nir::MatchesBirthDate(Date birth) const {
  if (birth.year() % 100 != birth_year_two_digits()) return false;
  return birth_month() == 0 || birth_month() == birth.month();
}

std::string Nir::Masked() const {
  // U+2022 bullets keep the grouping readable on a letter.
  const std::string dot = "\xE2\x80\xA2";
  return value_.substr(0, 1) + " " + value_.substr(1, 2) + " " + value_.substr(3, 2) + " " + dot + dot + " " + dot +
         dot + dot + " " + dot + dot + dot + " " + dot + dot;
}

// ---------------------------------------------------------------- Numéro AM

int NumeroAm::ComputeKey(std::string_view first8) {
  if (first8.size() != 8 || !AllDigits(first8)) return -1;
  return LuhnCheckDigit(first8);
}

Result<NumeroAm> NumeroAm::Parse(std::string_view text) {
  const std::string shown(text::Trim(text));
  std::string value = text::StripSeparators(text);
  if (value.size() != 9 || !AllDigits(value)) {
    return Status::InvalidArgument("numéro AM « " + shown + " » : 9 chiffres attendus");
  }
  const int expected = ComputeKey(value.substr(0, 8));
  if (expected != value[8] - '0') {
    return Status::InvalidArgument("numéro AM « " + shown + " » : clé " + value.substr(8, 1) +
                                   " incorrecte (clé calculée " + std::to_string(expected) + ")");
  }
  return NumeroAm(std::move(value));
}

std::string_view NumeroAm::categorie_name() const {
  static constexpr std::array<std::string_view, 10> kNames = {
      "établissement", "médecin", "fournisseur", "laboratoire", "chirurgien-dentiste",
      "sage-femme", "infirmier", "masseur-kinésithérapeute", "pédicure-podologue",
      "orthophoniste ou orthoptiste"};
  return kNames[static_cast<std::size_t>(categorie())];
}

// ---------------------------------------------------------------- RPPS, ADELI, FINESS

Result<UnconfirmedKeyNumber> ParseRpps(std::string_view text) { return ParseDigitsWithUnconfirmedKey(text, 11, "RPPS"); }
Result<UnconfirmedKeyNumber> ParseAdeli(std::string_view text) { return ParseDigitsWithUnconfirmedKey(text, 9, "ADELI"); }

Result<UnconfirmedKeyNumber> ParseFiness(std::string_view text) {
  std::string value = Upper(text::StripSeparators(text));
  if (value.size() == 9 && (value.substr(0, 2) == "2A" || value.substr(0, 2) == "2B")) {
    std::string digits = value;
    digits.replace(0, 2, "20");
    auto parsed = ParseDigitsWithUnconfirmedKey(digits, 9, "FINESS");
    if (!parsed.ok()) return parsed.status();
    parsed->value = value;
    return parsed;
  }
  return ParseDigitsWithUnconfirmedKey(value, 9, "FINESS");
}

// ---------------------------------------------------------------- IBAN

Result<std::string> ParseIban(std::string_view text) {
  const std::string shown(text::Trim(text));
  const std::string value = Upper(text::StripSeparators(text));
  const auto fail = [&](const std::string& why) { return Status::InvalidArgument("IBAN « " + shown + " » : " + why); };
  if (value.size() < 15 || value.size() > 34) return fail("longueur " + std::to_string(value.size()) + " impossible");
  if (!std::isalpha(static_cast<unsigned char>(value[0])) || !std::isalpha(static_cast<unsigned char>(value[1])) ||
      !AllDigits(value.substr(2, 2))) {
    return fail("doit commencer par le code pays et deux chiffres de contrôle");
  }
  for (const auto& known : kIbanLengths) {
    if (value.substr(0, 2) == known.country && value.size() != known.length) {
      return fail(std::to_string(known.length) + " caractères attendus pour " + std::string(known.country));
    }
  }
  std::string rearranged = value.substr(4) + value.substr(0, 4);
  std::string digits;
  for (char c : rearranged) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      digits += std::to_string(c - 'A' + 10);
    } else {
      return fail("caractère « " + std::string(1, c) + " » interdit");
    }
  }
  if (Mod97(digits) != 1) return fail("clé de contrôle incorrecte");
  return value;
}

std::string MaskIban(std::string_view iban) {
  const std::string value = text::StripSeparators(iban);
  if (value.size() < 8) return std::string(value.size(), '*');
  const std::string dots = "\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2";
  return value.substr(0, 4) + " " + dots + " " + dots + " " + value.substr(value.size() - 4);
}

// ---------------------------------------------------------------- SIREN, SIRET

Result<std::string> ParseSiren(std::string_view text) {
  std::string value = text::StripSeparators(text);
  if (value.size() != 9 || !AllDigits(value)) {
    return Status::InvalidArgument("SIREN « " + std::string(text::Trim(text)) + " » : 9 chiffres attendus");
  }
  if (!LuhnValid(value)) return Status::InvalidArgument("SIREN « " + value + " » : clé de Luhn incorrecte");
  return value;
}

Result<std::string> ParseSiret(std::string_view text) {
  std::string value = text::StripSeparators(text);
  if (value.size() != 14 || !AllDigits(value)) {
    return Status::InvalidArgument("SIRET « " + std::string(text::Trim(text)) + " » : 14 chiffres attendus");
  }
  // La Poste's establishments (SIREN 356000000) use a digit sum multiple of 5.
  if (value.substr(0, 9) == "356000000") {
    int sum = 0;
    for (char c : value) sum += c - '0';
    if (sum % 5 != 0) return Status::InvalidArgument("SIRET « " + value + " » : clé incorrecte");
    return value;
  }
  if (!LuhnValid(value)) return Status::InvalidArgument("SIRET « " + value + " » : clé de Luhn incorrecte");
  return value;
}

// ---------------------------------------------------------------- CheckIdentifier

Result<IdentifierInfo> CheckIdentifier(std::string_view kind, std::string_view text) {
  IdentifierInfo info;
  info.kind = std::string(kind);
  if (kind == "nir") {
    LIASSE_ASSIGN_OR_RETURN(auto nir, Nir::Parse(text));
    info.normalized = nir.value();
    const int sex = nir.sex();
    info.parts = {{"sexe", sex % 2 == 1 ? "homme" : "femme"},
                  {"année de naissance", nir.value().substr(1, 2)},
                  {"mois de naissance", nir.birth_month() == 0 ? "inconnu" : nir.value().substr(3, 2)},
                  {"département", nir.departement() == "99" ? "99 (né à l'étranger)" : nir.departement()},
                  {nir.departement() == "99" ? "pays" : "commune", nir.commune()},
                  {"ordre", nir.ordre()},
                  {"clé", nir.key()}};
    if (sex > 2) info.warnings.push_back("numéro provisoire (premier chiffre " + std::to_string(sex) + ")");
    return info;
  }
  if (kind == "am") {
    LIASSE_ASSIGN_OR_RETURN(auto am, NumeroAm::Parse(text));
    info.normalized = am.value();
    info.parts = {{"département", am.departement()},
                  {"catégorie", std::to_string(am.categorie()) + " (" + std::string(am.categorie_name()) + ")"},
                  {"ordre", am.ordre()},
                  {"clé", std::to_string(am.key())}};
    return info;
  }
  if (kind == "rpps" || kind == "adeli" || kind == "finess") {
    LIASSE_ASSIGN_OR_RETURN(auto parsed, kind == "rpps" ? ParseRpps(text) : kind == "adeli" ? ParseAdeli(text) : ParseFiness(text));
    info.normalized = parsed.value;
    info.parts = {{"clé de Luhn", parsed.key_ok ? "correcte" : "incorrecte"}};
    if (!parsed.key_ok) info.warnings.push_back("clé non confirmée et incorrecte : à vérifier (pas un rejet)");
    return info;
  }
  if (kind == "iban") {
    LIASSE_ASSIGN_OR_RETURN(auto iban, ParseIban(text));
    info.normalized = iban;
    info.parts = {{"pays", iban.substr(0, 2)}, {"masqué", MaskIban(iban)}};
    return info;
  }
  if (kind == "siren" || kind == "siret") {
    LIASSE_ASSIGN_OR_RETURN(auto parsed, kind == "siren" ? ParseSiren(text) : ParseSiret(text));
    info.normalized = parsed;
    info.parts = {{"SIREN", parsed.substr(0, 9)}};
    if (kind == "siret") info.parts.emplace_back("NIC", parsed.substr(9));
    return info;
  }
  return Status::InvalidArgument("type d'identifiant inconnu « " + std::string(kind) +
                                 " » (nir, am, rpps, adeli, finess, iban, siren, siret)");
}

}  // namespace liasse
