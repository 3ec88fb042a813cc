#include "liasse/store/members_import.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "liasse/core/identifiers.h"
#include "liasse/core/text.h"
#include "liasse/store/csv.h"

namespace liasse::store {

namespace {

const std::vector<std::string> kColumns = {"numero_adherent", "nom",  "prenom", "nir",  "date_naissance",
                                           "niveau",          "date_adhesion", "date_fin", "email", "iban",
                                           "teletransmission"};
// Optional trailing column: files written before it existed still load.
constexpr const char* kCotisationColumn = "cotisation_mensuelle_cents";
// Optional trailing columns after it: the postal address.
const std::vector<std::string> kAddressColumns = {"adresse", "code_postal", "ville"};

// The address lines from the adresse / code_postal / ville cells: none when
// all three are empty; all three are needed otherwise (a letter with half an
// address is not sent).
Result<std::vector<std::string>> ParseAddress(std::string_view rue, std::string_view code_postal,
                                              std::string_view ville) {
  if (rue.empty() && code_postal.empty() && ville.empty()) return std::vector<std::string>();
  if (rue.empty() || code_postal.empty() || ville.empty()) {
    return Status::InvalidArgument("adresse : adresse, code_postal et ville vont ensemble");
  }
  if (code_postal.size() != 5 || code_postal.find_first_not_of("0123456789") != std::string_view::npos) {
    return Status::InvalidArgument(fmt::format("code_postal : 5 chiffres attendus, lu « {} »", code_postal));
  }
  return std::vector<std::string>{std::string(rue), fmt::format("{} {}", code_postal, ville)};
}

// "4890" → 48,90 €; nullopt for an empty cell. Integer cents so the file
// never carries a floating-point euro.
Result<std::optional<Money>> ParseCotisation(std::string_view cell) {
  if (cell.empty()) return std::optional<Money>();
  if (cell.size() > 9 || cell.find_first_not_of("0123456789") != std::string_view::npos) {
    return Status::InvalidArgument(
        fmt::format("{}: nombre entier de centimes attendu (4890 pour 48,90 €), lu « {} »", kCotisationColumn, cell));
  }
  return std::optional<Money>(Money::FromCents(std::stoll(std::string(cell))));
}

using Fields = std::map<std::string, std::string>;

// Validates one record; errors name the field.
Result<Member> ToMember(const Fields& f) {
  auto get = [&f](const char* k) {
    auto it = f.find(k);
    return it == f.end() ? std::string() : std::string(text::Trim(it->second));
  };
  auto fail = [](const char* field, std::string_view why) {
    return Status::InvalidArgument(fmt::format("{}: {}", field, why));
  };
  Member m;
  m.numero_adherent = get("numero_adherent");
  if (m.numero_adherent.empty()) return fail("numero_adherent", "vide");
  m.nom = get("nom");
  m.prenom = get("prenom");
  if (m.nom.empty()) return fail("nom", "vide");
  auto nir = Nir::Parse(get("nir"));
  if (!nir.ok()) return fail("nir", nir.status().message());
  m.nir = nir->value();
  auto iso_date = [&](const char* k, Date* out) -> Status {
    const std::string v = get(k);
    if (v.size() != 10 || v[4] != '-' || v[7] != '-') return fail(k, fmt::format("date ISO attendue, lu « {} »", v));
    auto d = Date::Parse(v);
    if (!d.ok()) return fail(k, d.status().message());
    *out = *d;
    return Status::Ok();
  };
  LIASSE_RETURN_IF_ERROR(iso_date("date_naissance", &m.date_naissance));
  LIASSE_RETURN_IF_ERROR(iso_date("date_adhesion", &m.date_adhesion));
  if (!get("date_fin").empty()) {
    Date fin = Date::FromSerial(0);
    LIASSE_RETURN_IF_ERROR(iso_date("date_fin", &fin));
    if (fin < m.date_adhesion) return fail("date_fin", "antérieure à la date d'adhésion");
    m.date_fin = fin;
  }
  m.niveau = get("niveau");
  if (m.niveau.size() != 5 || m.niveau.compare(0, 4, "PASS") != 0 || m.niveau[4] < '1' || m.niveau[4] > '5') {
    return fail("niveau", fmt::format("PASS1 … PASS5 attendu, lu « {} »", m.niveau));
  }
  m.email = get("email");
  if (!m.email.empty() && m.email.find('@') == std::string::npos) return fail("email", "adresse invalide");
  if (!get("iban").empty()) {
    auto iban = ParseIban(get("iban"));
    if (!iban.ok()) return fail("iban", iban.status().message());
    m.iban = *iban;
  }
  const std::string tt = get("teletransmission");
  if (tt == "true") m.teletransmission = true;
  else if (tt == "false") m.teletransmission = false;
  else return fail("teletransmission", fmt::format("true ou false attendu, lu « {} »", tt));
  LIASSE_ASSIGN_OR_RETURN(auto cotisation, ParseCotisation(get(kCotisationColumn)));
  m.cotisation_mensuelle = cotisation;
  LIASSE_ASSIGN_OR_RETURN(m.adresse, ParseAddress(get("adresse"), get("code_postal"), get("ville")));
  return m;
}

// The members header: the required columns, then optionally the cotisation,
// then optionally the address.
bool IsMembersHeader(const std::vector<std::string>& header) {
  std::vector<std::string> columns = kColumns;
  if (header == columns) return true;
  columns.push_back(kCotisationColumn);
  if (header == columns) return true;
  columns.insert(columns.end(), kAddressColumns.begin(), kAddressColumns.end());
  return header == columns;
}

// The records of a strictly parsed CSV `text` whose header `accepts`, each
// turned into a T by `convert`; fails on the first bad record with
// "<file>:<line>: …". `expected` describes the header in the error.
template <typename T, typename Accepts, typename Convert>
Result<std::vector<T>> ReadRecords(std::string_view text, const std::string& path, Accepts accepts,
                                   const std::string& expected, Convert convert) {
  LIASSE_ASSIGN_OR_RETURN(auto records, ParseCsv(text, path));
  if (records.empty()) return Status::InvalidArgument(fmt::format("{}: fichier vide", path));
  const std::vector<std::string>& columns = records.front().fields;
  if (!accepts(columns)) {
    return Status::InvalidArgument(
        fmt::format("{}:{}: en-tête attendu : {} (séparateur , ou ;)", path, records.front().line, expected));
  }
  std::vector<T> out;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& record = records[r];
    if (record.fields.size() != columns.size()) {
      return Status::InvalidArgument(fmt::format("{}:{}: {} colonnes au lieu de {}", path, record.line,
                                                 record.fields.size(), columns.size()));
    }
    Fields f;
    for (size_t i = 0; i < record.fields.size(); ++i) f[columns[i]] = record.fields[i];
    Result<T> converted = convert(f);
    if (!converted.ok()) return converted.status().WithContext(fmt::format("{}:{}", path, record.line));
    out.push_back(std::move(converted).value());
  }
  return out;
}

}  // namespace

Result<std::vector<Member>> ParseMembersCsv(std::string_view text, const std::string& path) {
  const std::string expected =
      fmt::format("{}[,{}[,{}]]", fmt::join(kColumns, ","), kCotisationColumn, fmt::join(kAddressColumns, ","));
  return ReadRecords<Member>(text, path, IsMembersHeader, expected, ToMember);
}

namespace {

Result<std::vector<Member>> ReadJson(const std::string& path, std::istream& in) {
  nlohmann::json j;
  try {
    in >> j;
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidArgument(fmt::format("{}: JSON invalide : {}", path, e.what()));
  }
  if (j.is_object() && j.contains("members")) j = j["members"];
  if (!j.is_array()) return Status::InvalidArgument(fmt::format("{}: liste d'adhérents attendue", path));
  std::vector<Member> out;
  for (size_t i = 0; i < j.size(); ++i) {
    if (!j[i].is_object()) return Status::InvalidArgument(fmt::format("{}: [{}]: objet attendu", path, i));
    Fields f;
    for (const auto& [k, v] : j[i].items()) {
      if (v.is_string()) f[k] = v.get<std::string>();
      else if (v.is_boolean()) f[k] = v.get<bool>() ? "true" : "false";
      else if (!v.is_null()) f[k] = v.dump();
    }
    auto m = ToMember(f);
    if (!m.ok()) return m.status().WithContext(fmt::format("{}: [{}]", path, i));
    out.push_back(std::move(*m));
  }
  return out;
}

const std::vector<std::string> kPartenaireColumns = {"identifiant", "nom", "adresse", "code_postal", "ville", "email"};

Result<Partenaire> ToPartenaire(const Fields& f) {
  auto get = [&f](const std::string& k) {
    auto it = f.find(k);
    return it == f.end() ? std::string() : std::string(text::Trim(it->second));
  };
  Partenaire p;
  p.identifiant = get("identifiant");
  if (p.identifiant.empty()) return Status::InvalidArgument("identifiant: vide");
  p.nom = get("nom");
  if (p.nom.empty()) return Status::InvalidArgument("nom: vide");
  LIASSE_ASSIGN_OR_RETURN(auto adresse, ParseAddress(get("adresse"), get("code_postal"), get("ville")));
  if (adresse.empty()) return Status::InvalidArgument("adresse: vide (les notices d'anomalies partent par courrier)");
  p.adresse = std::move(adresse);
  p.email = get("email");
  if (!p.email.empty() && p.email.find('@') == std::string::npos) return Status::InvalidArgument("email: adresse invalide");
  return p;
}

}  // namespace

Result<std::vector<Partenaire>> ReadPartenairesFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(fmt::format("{}: fichier illisible", path));
  std::ostringstream content;
  content << in.rdbuf();
  auto is_partenaires = [](const std::vector<std::string>& header) { return header == kPartenaireColumns; };
  return ReadRecords<Partenaire>(content.str(), path, is_partenaires, fmt::format("{}", fmt::join(kPartenaireColumns, ",")),
                                 ToPartenaire);
}

Result<std::vector<Member>> ReadMembersFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(fmt::format("{}: fichier illisible", path));
  const bool json = path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0;
  if (json) return ReadJson(path, in);
  std::ostringstream content;
  content << in.rdbuf();
  return ParseMembersCsv(content.str(), path);
}

}  // namespace liasse::store
