#include "synth_data.h"

#include <toml++/toml.h>

namespace liasse::synth {

namespace {

Status ReadStrings(const toml::table& t, const std::string& key, const std::string& file,
                   std::vector<std::string>& out) {
  const auto* arr = t[key].as_array();
  if (!arr || arr->empty()) return Status::InvalidArgument(file + ": clé '" + key + "' absente ou vide");
  for (const auto& v : *arr) {
    auto s = v.value<std::string>();
    if (!s) return Status::InvalidArgument(file + ": clé '" + key + "': valeur non textuelle");
    out.push_back(*s);
  }
  return Status::Ok();
}

Result<Money> ReadMoney(const toml::node_view<const toml::node>& n, const std::string& where) {
  auto s = n.value<std::string>();
  if (!s) return Status::InvalidArgument(where + ": montant absent");
  auto m = Money::ParseDecimal(*s);
  if (!m.ok()) return Status::InvalidArgument(where + ": montant invalide '" + *s + "'");
  return m.value();
}

}  // namespace

Money NgapCode::ValueOn(Date on) const {
  Money v = values.front().second;
  for (const auto& [from, value] : values) {
    if (from <= on) v = value;
  }
  return v;
}

std::vector<const PricedItem*> SynthData::Items(const std::string& categorie) const {
  std::vector<const PricedItem*> out;
  for (const auto& i : items) {
    if (i.categorie == categorie) out.push_back(&i);
  }
  return out;
}

Result<SynthData> LoadSynthData(const std::filesystem::path& dir) {
  SynthData d;
  const std::string people_file = (dir / "people.toml").string();
  toml::table people;
  try {
    people = toml::parse_file(people_file);
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(people_file + ":" + std::to_string(e.source().begin.line) + ": " +
                                   std::string(e.description()));
  }
  for (auto [key, vec] : {std::pair{"noms", &d.noms}, std::pair{"prenoms_f", &d.prenoms_f},
                          std::pair{"prenoms_m", &d.prenoms_m}, std::pair{"voies", &d.voies},
                          std::pair{"noms_voies", &d.noms_voies}, std::pair{"entreprises", &d.entreprises}}) {
    LIASSE_RETURN_IF_ERROR(ReadStrings(people, key, people_file, *vec));
  }
  const auto* communes = people["communes"].as_array();
  if (!communes) return Status::InvalidArgument(people_file + ": clé 'communes' absente");
  for (const auto& c : *communes) {
    const auto* row = c.as_array();
    if (!row || row->size() != 4) return Status::InvalidArgument(people_file + ": 'communes': 4 valeurs attendues");
    Commune cm{row->at(0).value_or(std::string()), row->at(1).value_or(std::string()),
               row->at(2).value_or(std::string()), row->at(3).value_or(std::string())};
    if (cm.code_postal.size() != 5 || cm.insee.size() != 3)
      return Status::InvalidArgument(people_file + ": 'communes': code postal ou INSEE invalide pour " + cm.nom);
    d.communes.push_back(cm);
  }

  const std::string tariffs_file = (dir / "tariffs.toml").string();
  toml::table tariffs;
  try {
    tariffs = toml::parse_file(tariffs_file);
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(tariffs_file + ":" + std::to_string(e.source().begin.line) + ": " +
                                   std::string(e.description()));
  }
  for (const char* table : {"ngap", "retenue"}) {
  std::map<std::string, NgapCode>& target = std::string(table) == "ngap" ? d.ngap : d.retenues;
  const auto* ngap = tariffs[table].as_array();
  if (!ngap) return Status::InvalidArgument(tariffs_file + ": tableau '" + table + "' absent");
  for (const auto& n : *ngap) {
    const auto* t = n.as_table();
    if (!t) return Status::InvalidArgument(tariffs_file + ": 'ngap': table attendue");
    NgapCode code;
    code.code = (*t)["code"].value_or(std::string());
    code.libelle = (*t)["libelle"].value_or(std::string());
    code.profession = (*t)["profession"].value_or(std::string());
    const std::string where = tariffs_file + ": " + table + "." + code.code;
    if (code.code.empty()) return Status::InvalidArgument(tariffs_file + ": '" + table + "': code absent");
    const auto* values = (*t)["values"].as_array();
    if (!values || values->empty()) return Status::InvalidArgument(where + ".values absent");
    for (const auto& v : *values) {
      const auto* vt = v.as_table();
      if (!vt) return Status::InvalidArgument(where + ".values: table attendue");
      auto from = Date::Parse((*vt)["valid_from"].value_or(std::string()));
      if (!from.ok()) return Status::InvalidArgument(where + ".values.valid_from invalide");
      LIASSE_ASSIGN_OR_RETURN(auto money, ReadMoney((*vt)["value"], where + ".values.value"));
      if (!code.values.empty() && !(code.values.back().first < from.value()))
        return Status::InvalidArgument(where + ".values: valid_from non croissants");
      code.values.emplace_back(from.value(), money);
    }
    LIASSE_RETURN_IF_ERROR(ReadStrings(*t, "coefficients", where, code.coefficients));
    target[code.code] = code;
  }
  }
  const auto* items = tariffs["item"].as_array();
  if (!items) return Status::InvalidArgument(tariffs_file + ": tableau 'item' absent");
  for (const auto& n : *items) {
    const auto* t = n.as_table();
    if (!t) return Status::InvalidArgument(tariffs_file + ": 'item': table attendue");
    PricedItem it;
    it.categorie = (*t)["categorie"].value_or(std::string());
    it.code = (*t)["code"].value_or(std::string());
    it.libelle = (*t)["libelle"].value_or(std::string());
    const std::string where = tariffs_file + ": item." + it.code;
    auto base = ReadMoney((*t)["base"], where + ".base");
    auto pmin = ReadMoney((*t)["prix_min"], where + ".prix_min");
    auto pmax = ReadMoney((*t)["prix_max"], where + ".prix_max");
    if (!base.ok()) return base.status();
    if (!pmin.ok()) return pmin.status();
    if (!pmax.ok()) return pmax.status();
    it.base = base.value();
    it.prix_min = pmin.value();
    it.prix_max = pmax.value();
    d.items.push_back(it);
  }
  auto families = LoadFamilies(dir);
  if (!families.ok()) return families.status();
  d.families = std::move(families.value());
  return d;
}

}  // namespace liasse::synth
