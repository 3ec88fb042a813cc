// The generator's data files (data/synth/*.toml): names, addresses, NGAP
// letter-key values by date, priced items. Loaded once, read-only after.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "liasse/core/date.h"
#include "liasse/core/money.h"
#include "family.h"
#include "liasse/core/status.h"

namespace liasse::synth {

struct Commune {
  std::string code_postal, nom, departement, insee;
};

struct NgapCode {
  std::string code, libelle, profession;
  std::vector<std::pair<Date, Money>> values;  // ascending valid_from
  std::vector<std::string> coefficients;
  // The value in force on `on` (the earliest one before any valid_from).
  Money ValueOn(Date on) const;
};

struct PricedItem {
  std::string categorie, code, libelle;
  Money base = Money::Zero(), prix_min = Money::Zero(), prix_max = Money::Zero();
};

struct SynthData {
  std::vector<std::string> noms, prenoms_f, prenoms_m, voies, noms_voies, entreprises;
  std::vector<Commune> communes;
  std::map<std::string, NgapCode> ngap;
  std::map<std::string, NgapCode> retenues;  // PF, FRANCHISE: amounts the RO keeps, by date
  std::vector<PricedItem> items;
  Families families;  // layout families 1…N and every family's wordings
  std::vector<const PricedItem*> Items(const std::string& categorie) const;
};

// Reads people.toml, tariffs.toml (tables ngap, retenue, item), families.toml and wording.toml under `dir`; fails naming the file and
// key of the first bad value.
Result<SynthData> LoadSynthData(const std::filesystem::path& dir);

}  // namespace liasse::synth
