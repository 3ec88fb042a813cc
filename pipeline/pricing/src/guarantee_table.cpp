#include "liasse/pricing/guarantee_table.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fmt/format.h>
#include <regex>

#include "liasse/core/system_error.h"
#include "liasse/core/text.h"
#include "toml_util.h"

namespace liasse::pricing {

namespace {

Result<Money> Euros(const std::string& number) { return Money::Parse(number); }

// Superscript digits of footnote calls "⁽¹⁾" … "⁽⁹⁾" (UTF-8).
constexpr std::string_view kSuperscripts[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
constexpr std::string_view kOpen = "⁽";
constexpr std::string_view kClose = "⁾";

// Footnote numbers called in `text`, and the text without the calls.
std::set<int> FootnoteCalls(std::string_view text, std::string* stripped) {
  std::set<int> notes;
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text.substr(i, kOpen.size()) == kOpen) {
      size_t j = i + kOpen.size();
      int value = 0;
      bool digits = false;
      for (bool more = true; more;) {
        more = false;
        for (int d = 0; d < 10; ++d) {
          const auto sup = kSuperscripts[d];
          if (text.substr(j, sup.size()) == sup) {
            value = value * 10 + d;
            j += sup.size();
            digits = more = true;
            break;
          }
        }
      }
      if (digits && text.substr(j, kClose.size()) == kClose) {
        notes.insert(value);
        i = j + kClose.size();
        continue;
      }
    }
    out.push_back(text[i]);
    ++i;
  }
  if (stripped != nullptr) *stripped = std::string(text::Trim(out));
  return notes;
}

}  // namespace

Result<Garantie> Garantie::Parse(std::string_view printed) {
  const std::string s(text::Trim(text::NormalizeSpaces(printed)));
  static const std::regex kPercent(R"(^(\d+(?:[.,]\d+)?) ?%$)");
  static const std::regex kEuros(R"(^(\d+(?:[.,]\d+)?) ?€$)");
  static const std::regex kFraisReels(R"(^(\d+(?:[.,]\d+)?) ?% [Ff]rais [Rr]éels$)");
  static const std::regex kPctPlus(R"(^(\d+(?:[.,]\d+)?) ?% \+ (\d+(?:[.,]\d+)?) ?€$)");
  static const std::regex kSeance(R"(^(\d+(?:[.,]\d+)?) ?€ \([Ff]orfait (\d+(?:[.,]\d+)?) ?€ ?/ ?an\)$)");
  static const std::regex kSecuPlus(R"(^Sécurité sociale \+ (\d+) ?% \(min (\d+) ?%\)$)");
  Garantie g;
  g.imprime = std::string(printed);
  std::smatch m;
  auto pct = [](const std::string& v) { return detail::ParsePercent(v + "%"); };
  if (s == "-") {
    g.kind = Kind::kNonCouvert;
  } else if (s == "Sans reste à charge") {
    g.kind = Kind::kSansResteACharge;
  } else if (s == "Incluse" || s == "Include" || s == "Inclus") {
    g.kind = Kind::kService;
  } else if (std::regex_match(s, m, kPercent)) {
    LIASSE_ASSIGN_OR_RETURN(auto r, pct(m[1]));
    g.kind = Kind::kPourcentageBr;
    g.taux = r;
  } else if (std::regex_match(s, m, kEuros)) {
    LIASSE_ASSIGN_OR_RETURN(auto e, Euros(m[1]));
    g.kind = Kind::kForfait;
    g.montant = e;
  } else if (std::regex_match(s, m, kFraisReels)) {
    LIASSE_ASSIGN_OR_RETURN(auto r, pct(m[1]));
    g.kind = Kind::kFraisReels;
    g.taux = r;
  } else if (std::regex_match(s, m, kPctPlus)) {
    auto r = pct(m[1]);
    auto e = Euros(m[2]);
    if (!r.ok() || !e.ok()) return Status::InvalidArgument("garantie illisible");
    g.kind = Kind::kPourcentagePlusForfait;
    g.taux = *r;
    g.montant = *e;
  } else if (std::regex_match(s, m, kSeance)) {
    auto e = Euros(m[1]);
    auto cap = Euros(m[2]);
    if (!e.ok() || !cap.ok()) return Status::InvalidArgument("garantie illisible");
    g.kind = Kind::kParSeance;
    g.montant = *e;
    g.plafond_annuel = *cap;
  } else if (std::regex_match(s, m, kSecuPlus)) {
    auto plus = pct(m[1]);
    auto min = pct(m[2]);
    if (!plus.ok() || !min.ok()) return Status::InvalidArgument("garantie illisible");
    g.kind = Kind::kSecuPlus;
    g.taux = *plus;
    g.taux_min = *min;
  } else {
    return Status::InvalidArgument(fmt::format("garantie non reconnue « {} »", s));
  }
  return g;
}

static std::string ComputeLibelleCourt(const GuaranteeRow& row) {
  const std::string& libelle = row.libelle;
  const std::string& section = row.section;
  std::string out;
  FootnoteCalls(libelle, &out);
  // Rows printed as a continuation ("prises en charge par la Sécurité
  // sociale" under "Lentilles") get their heading back.
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
    std::string heading;
    FootnoteCalls(section, &heading);
    const size_t slash = heading.rfind(" / ");
    if (slash != std::string::npos) heading = heading.substr(slash + 3);
    if (!heading.empty()) out = heading + " " + out;
  }
  return out;
}

const std::vector<std::string_view>& RequiredRowKeys() {
  static const std::vector<std::string_view> kKeys = {
      "generaliste_dptm", "generaliste_hors_dptm", "imagerie_dptm", "imagerie_hors_dptm",
      "actes_cabinet_dptm", "actes_cabinet_hors_dptm", "medicaments", "pilule", "analyses", "paramedicaux",
      "materiel_medical", "grand_appareillage", "transport", "psychologue", "etranger",
      "hospitalisation_honoraires_dptm", "hospitalisation_honoraires_hors_dptm", "participation_forfaitaire_24",
      "forfait_journalier", "frais_sejour", "dentaire_100_sante", "dentaire_soins", "orthodontie",
      "dentaire_protheses", "optique_100_sante", "optique_simple_simple", "optique_simple_complexe",
      "optique_simple_tres_complexe", "optique_complexe_complexe", "optique_complexe_tres_complexe",
      "optique_tres_complexe_tres_complexe", "optique_supplements", "lentilles_remboursees",
      "lentilles_non_remboursees", "audio_100_sante", "audio_accessoires", "audio_prothese", "medecines_douces",
      "assistance", "teleconsultation", "protection_juridique"};
  return kKeys;
}

const GuaranteeRow* GuaranteeTable::Find(std::string_view cle) const {
  for (const auto& row : rows_) {
    if (row.cle == cle) return &row;
  }
  return nullptr;
}

Result<GuaranteeTable> GuaranteeTable::LoadFile(const std::string& path) {
  LIASSE_ASSIGN_OR_RETURN(auto parsed, detail::ParseFile(path));
  const toml::table& root = parsed;
  GuaranteeTable table;
  LIASSE_ASSIGN_OR_RETURN(auto contrat, detail::GetString(path, root, "contrat", ""));
  table.contrat_ = contrat;
  table.responsable_ = detail::GetBoolOr(root, "responsable", true);
  LIASSE_ASSIGN_OR_RETURN(auto from, detail::GetDate(path, root, "valid_from", ""));
  table.valid_from_ = from;

  const toml::array* lignes = root["ligne"].as_array();
  if (lignes == nullptr) return detail::Error(path, &root, "ligne", "aucune [[ligne]]");
  const auto& required = RequiredRowKeys();
  for (size_t i = 0; i < lignes->size(); ++i) {
    const toml::table* t = lignes->get(i)->as_table();
    const std::string ctx = fmt::format("ligne[{}]", i);
    if (t == nullptr) return detail::Error(path, lignes->get(i), ctx, "doit être une table");
    GuaranteeRow row;
    LIASSE_ASSIGN_OR_RETURN(auto cle, detail::GetString(path, *t, "cle", ctx));
    row.cle = cle;
    if (std::find(required.begin(), required.end(), row.cle) == required.end()) {
      return detail::Error(path, t, row.cle, "ligne inconnue des règles de liquidation");
    }
    if (table.Find(row.cle) != nullptr) return detail::Error(path, t, row.cle, "ligne en double");
    LIASSE_ASSIGN_OR_RETURN(auto libelle, detail::GetString(path, *t, "libelle", row.cle));
    row.libelle = libelle;
    row.section = detail::GetStringOr(*t, "section", "");
    LIASSE_ASSIGN_OR_RETURN(auto printed, detail::GetString(path, *t, "garantie", row.cle));
    auto g = Garantie::Parse(printed);
    if (!g.ok()) return detail::Error(path, t->get("garantie"), row.cle, g.status().message());
    row.garantie = *g;
    row.notes = FootnoteCalls(row.libelle, nullptr);
    row.libelle_court = ComputeLibelleCourt(row);
    row.reference = table.contrat_ + "/" + row.cle;
    for (int n : FootnoteCalls(row.section, nullptr)) row.notes.insert(n);
    table.rows_.push_back(std::move(row));
  }
  for (auto key : required) {
    if (table.Find(key) == nullptr) return detail::Error(path, &root, key, "ligne manquante");
  }
  if (const toml::table* notes = root["notes"].as_table()) {
    for (const auto& [k, v] : *notes) {
      int n = 0;
      const std::string_view ks = k.str();
      if (std::from_chars(ks.data(), ks.data() + ks.size(), n).ec != std::errc{}) {
        return detail::Error(path, &v, fmt::format("notes.{}", ks), "numéro de note attendu");
      }
      table.notes_[n] = v.value<std::string>().value_or("");
    }
  }
  for (const auto& row : table.rows_) {
    for (int n : row.notes) {
      if (!table.notes_.empty() && table.notes_.count(n) == 0) {
        return detail::Error(path, &root, row.cle, fmt::format("appel de note ({}) sans note", n));
      }
    }
  }
  return table;
}

Result<GuaranteeCatalog> GuaranteeCatalog::LoadDirectory(const std::string& dir) {
  GuaranteeCatalog catalog;
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  if (ec) return Status::NotFound(fmt::format("{}: {}", dir, FrenchSystemError(ec)));
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    LIASSE_ASSIGN_OR_RETURN(auto table, GuaranteeTable::LoadFile(file.string()));
    const std::string name = table.contrat();
    if (catalog.tables_.count(name) != 0) {
      return Status::InvalidArgument(fmt::format("{}: contrat {} déjà défini", file.string(), name));
    }
    catalog.tables_.emplace(name, std::move(table));
  }
  if (catalog.tables_.empty()) return Status::NotFound(fmt::format("{}: aucun tableau de garanties (*.toml)", dir));
  return catalog;
}

const GuaranteeTable* GuaranteeCatalog::Find(std::string_view contrat) const {
  auto it = tables_.find(contrat);
  return it == tables_.end() ? nullptr : &it->second;
}

std::vector<std::string> GuaranteeCatalog::Contracts() const {
  std::vector<std::string> out;
  for (const auto& [name, t] : tables_) out.push_back(name);
  return out;
}

}  // namespace liasse::pricing
