#include "liasse/pricing/tariffs.h"

#include <fmt/format.h>

#include "toml_util.h"

namespace liasse::pricing {

namespace {

using detail::Error;

Result<Retenue> ParseRetenue(std::string_view s) {
  if (s == "aucune") return Retenue::kAucune;
  if (s == "participation_forfaitaire") return Retenue::kParticipationForfaitaire;
  if (s == "franchise_acte") return Retenue::kFranchiseActe;
  if (s == "franchise_boite") return Retenue::kFranchiseBoite;
  if (s == "franchise_transport") return Retenue::kFranchiseTransport;
  return Status::InvalidArgument(fmt::format("retenue inconnue « {} »", s));
}

Result<TariffItem> LoadAct(const std::string& file, const std::string& code, const toml::table& t) {
  TariffItem item;
  item.code = code;
  LIASSE_ASSIGN_OR_RETURN(auto libelle, detail::GetString(file, t, "libelle", code));
  item.libelle = libelle;
  LIASSE_ASSIGN_OR_RETURN(auto categorie, detail::GetString(file, t, "categorie", code));
  item.categorie = categorie;
  auto retenue = ParseRetenue(detail::GetStringOr(t, "retenue", "aucune"));
  if (!retenue.ok()) return Error(file, t.get("retenue"), code + ".retenue", retenue.status().message());
  item.retenue = *retenue;
  LIASSE_ASSIGN_OR_RETURN(auto poste, detail::GetString(file, t, "poste", code));
  item.poste = poste;
  item.selon_dptm = detail::GetBoolOr(t, "selon_dptm", false);
  item.poste_100_sante = detail::GetStringOr(t, "poste_100_sante", "");
  item.acte_lourd = detail::GetBoolOr(t, "acte_lourd", false);
  item.confirme = detail::GetBoolOr(t, "confirme", true);
  item.prix_limite_confirme = detail::GetBoolOr(t, "prix_limite_confirme", true);
  const std::string mode = detail::GetStringOr(t, "base", "tarif");
  if (mode == "tarif") {
    item.base_mode = BaseMode::kTarif;
    LIASSE_ASSIGN_OR_RETURN(auto bases, detail::GetDatedMoney(file, t, "valeurs", "base", code));
    item.bases = bases;
  } else if (mode == "ligne") {
    item.base_mode = BaseMode::kLigne;
  } else if (mode == "frais_reels") {
    item.base_mode = BaseMode::kFraisReels;
  } else {
    return Error(file, t.get("base"), code + ".base", fmt::format("mode de base inconnu « {} »", mode));
  }
  if (t.contains("prix_limite")) {
    LIASSE_ASSIGN_OR_RETURN(auto limite, detail::GetMoney(file, t, "prix_limite", code));
    item.prix_limite = limite;
  }
  if (t.contains("age_max_ro")) {
    LIASSE_ASSIGN_OR_RETURN(auto age, detail::GetInt(file, t, "age_max_ro", code));
    item.age_max_ro = static_cast<int>(age);
  }
  return item;
}

Status LoadRegime(const std::string& file, const toml::table& root, std::map<std::string, RoCategory, std::less<>>* cats,
                  Rate* exoneration, RetenueRules* ret, HospitalRules* hosp, int* delai) {
  const toml::table* taux = root["taux"].as_table();
  if (taux == nullptr) return Error(file, &root, "taux", "table manquante");
  for (const auto& [k, v] : *taux) {
    const std::string name(k.str());
    const toml::table* t = v.as_table();
    if (t == nullptr) return Error(file, &v, "taux." + name, "doit être une table");
    RoCategory cat;
    cat.libelle = detail::GetStringOr(*t, "libelle", name);
    LIASSE_ASSIGN_OR_RETURN(auto rates, detail::GetDatedRate(file, *t, "valeurs", "taux", "taux." + name));
    cat.taux = rates;
    if (t->contains("hors_parcours")) {
      LIASSE_ASSIGN_OR_RETURN(auto hp, detail::GetRate(file, *t, "hors_parcours", "taux." + name));
      cat.hors_parcours = hp;
    }
    cat.confirme = detail::GetBoolOr(*t, "confirme", true);
    cats->emplace(name, std::move(cat));
  }
  const toml::table* exo = root["exoneration"].as_table();
  if (exo == nullptr) return Error(file, &root, "exoneration", "table manquante");
  LIASSE_ASSIGN_OR_RETURN(auto exo_rate, detail::GetRate(file, *exo, "taux", "exoneration"));
  *exoneration = exo_rate;

  struct DatedField {
    const char* table;
    const char* key;
    Dated<Money>* out;
  };
  const DatedField fields[] = {
      {"participation_forfaitaire", "valeurs", &ret->pf_montant},
      {"participation_forfaitaire", "plafond_jour", &ret->pf_plafond_jour},
      {"participation_forfaitaire", "plafond_an", &ret->pf_plafond_an},
      {"franchise", "acte", &ret->franchise_acte},
      {"franchise", "boite", &ret->franchise_boite},
      {"franchise", "transport", &ret->franchise_transport},
      {"franchise", "plafond_jour_actes", &ret->franchise_plafond_jour_actes},
      {"franchise", "plafond_jour_transport", &ret->franchise_plafond_jour_transport},
      {"franchise", "plafond_an", &ret->franchise_plafond_an},
      {"hospitalisation", "forfait_journalier", &hosp->forfait_journalier},
      {"hospitalisation", "forfait_journalier_psychiatrie", &hosp->forfait_journalier_psychiatrie},
      {"hospitalisation", "acte_lourd_seuil", &hosp->acte_lourd_seuil},
      {"hospitalisation", "acte_lourd_participation", &hosp->acte_lourd_participation},
  };
  for (const auto& f : fields) {
    const toml::table* t = root[f.table].as_table();
    if (t == nullptr) return Error(file, &root, f.table, "table manquante");
    LIASSE_ASSIGN_OR_RETURN(auto d, detail::GetDatedMoney(file, *t, f.key, "montant", f.table));
    *f.out = d;
  }
  if (const toml::table* delais = root["delais"].as_table()) {
    LIASSE_ASSIGN_OR_RETURN(auto m, detail::GetInt(file, *delais, "declaration_mois", "delais"));
    *delai = static_cast<int>(m);
  }
  return Status::Ok();
}

// { montant, lpp, source, confirme } of a class A element; a figure without
// its source text is refused at load time.
Result<SourcedMoney> LoadSourced(const std::string& file, const toml::table& element, std::string_view key,
                                 const std::string& ctx) {
  const toml::table* t = element.get_as<toml::table>(key);
  const std::string where = ctx + "." + std::string(key);
  if (t == nullptr) return Error(file, &element, where, "table { montant, lpp, source, confirme } manquante");
  SourcedMoney out;
  LIASSE_ASSIGN_OR_RETURN(out.montant, detail::GetMoney(file, *t, "montant", where));
  LIASSE_ASSIGN_OR_RETURN(out.source, detail::GetString(file, *t, "source", where));
  out.lpp = detail::GetStringOr(*t, "lpp", "");
  out.confirme = detail::GetBoolOr(*t, "confirme", false);
  return out;
}

Status LoadClasseA(const std::string& file, const toml::table& root, OptiqueRules* o) {
  const toml::table* classe_a = root["classe_a"].as_table();
  if (classe_a == nullptr) return Error(file, &root, "classe_a", "table manquante");
  struct Slot {
    const char* key;
    ClasseAElement* out;
  };
  const Slot slots[] = {{"monture", &o->classe_a_monture},
                        {"verre_simple", &o->classe_a_verre[0]},
                        {"verre_complexe", &o->classe_a_verre[1]},
                        {"verre_tres_complexe", &o->classe_a_verre[2]}};
  for (const auto& slot : slots) {
    const std::string ctx = std::string("classe_a.") + slot.key;
    const toml::table* t = classe_a->get_as<toml::table>(slot.key);
    if (t == nullptr) return Error(file, classe_a, ctx, "table manquante");
    slot.out->libelle = detail::GetStringOr(*t, "libelle", slot.key);
    LIASSE_ASSIGN_OR_RETURN(slot.out->valid_from, detail::GetDate(file, *t, "valid_from", ctx));
    LIASSE_ASSIGN_OR_RETURN(slot.out->base, LoadSourced(file, *t, "base", ctx));
    LIASSE_ASSIGN_OR_RETURN(slot.out->prix_limite, LoadSourced(file, *t, "prix_limite", ctx));
  }
  return Status::Ok();
}

Status LoadOptique(const std::string& file, const toml::table& root, OptiqueRules* o) {
  struct IntField {
    const char* table;
    const char* key;
    int* out;
  };
  const IntField ints[] = {
      {"classes", "simple_sphere_min", &o->simple_sphere_min},
      {"classes", "simple_cylindre_max", &o->simple_cylindre_max},
      {"classes", "simple_sphere_plus_cylindre_max", &o->simple_sphere_plus_cylindre_max},
      {"classes", "tres_complexe_spherocylindrique_sphere_abs", &o->tres_complexe_spherocylindrique_sphere_abs},
      {"classes", "tres_complexe_spherique_sphere_abs", &o->tres_complexe_spherique_sphere_abs},
      {"renouvellement", "mois_adulte", &o->mois_adulte},
      {"renouvellement", "mois_adulte_evolution", &o->mois_adulte_evolution},
      {"renouvellement", "mois_enfant", &o->mois_enfant},
      {"renouvellement", "mois_jeune_enfant", &o->mois_jeune_enfant},
      {"renouvellement", "age_adulte", &o->age_adulte},
      {"renouvellement", "age_jeune_enfant", &o->age_jeune_enfant},
  };
  for (const auto& f : ints) {
    const toml::table* t = root[f.table].as_table();
    if (t == nullptr) return Error(file, &root, f.table, "table manquante");
    LIASSE_ASSIGN_OR_RETURN(auto v, detail::GetInt(file, *t, f.key, f.table));
    *f.out = static_cast<int>(v);
  }
  const toml::table* monture = root["monture"].as_table();
  if (monture == nullptr) return Error(file, &root, "monture", "table manquante");
  LIASSE_ASSIGN_OR_RETURN(auto plafond, detail::GetMoney(file, *monture, "plafond", "monture"));
  o->plafond_monture = plafond;
  return LoadClasseA(file, root, o);
}

}  // namespace

Result<Tariffs> Tariffs::LoadDirectory(const std::string& dir) {
  Tariffs t;
  const std::string regime_file = dir + "/regime_obligatoire.toml";
  LIASSE_ASSIGN_OR_RETURN(auto regime, detail::ParseFile(regime_file));
  if (auto st = LoadRegime(regime_file, regime, &t.categories_, &t.taux_exoneration_, &t.retenues_, &t.hospital_,
                           &t.delai_declaration_mois_);
      !st.ok()) {
    return st;
  }

  const std::string actes_file = dir + "/actes.toml";
  LIASSE_ASSIGN_OR_RETURN(auto actes, detail::ParseFile(actes_file));
  for (const auto& [k, v] : actes) {
    const std::string code(k.str());
    const toml::table* table = v.as_table();
    if (table == nullptr) return Error(actes_file, &v, code, "doit être une table");
    LIASSE_ASSIGN_OR_RETURN(auto item, LoadAct(actes_file, code, *table));
    if (t.categories_.find(item.categorie) == t.categories_.end()) {
      return Error(actes_file, table->get("categorie"), code + ".categorie",
                   fmt::format("catégorie « {} » absente de regime_obligatoire.toml", item.categorie));
    }
    t.acts_.emplace(code, std::move(item));
  }

  const std::string optique_file = dir + "/optique.toml";
  LIASSE_ASSIGN_OR_RETURN(auto optique, detail::ParseFile(optique_file));
  LIASSE_RETURN_IF_ERROR(LoadOptique(optique_file, optique, &t.optique_));

  const std::string audition_file = dir + "/audition.toml";
  LIASSE_ASSIGN_OR_RETURN(auto audition, detail::ParseFile(audition_file));
  const toml::table* renouvellement = (audition)["renouvellement"].as_table();
  if (renouvellement == nullptr) return Error(audition_file, &audition, "renouvellement", "table manquante");
  LIASSE_ASSIGN_OR_RETURN(auto mois, detail::GetInt(audition_file, *renouvellement, "mois", "renouvellement"));
  if (mois < 1) return Error(audition_file, renouvellement->get("mois"), "renouvellement.mois", "doit être >= 1");
  t.audition_renouvellement_mois_ = static_cast<int>(mois);

  const std::string simu_file = dir + "/simulateur.toml";
  LIASSE_ASSIGN_OR_RETURN(auto simu, detail::ParseFile(simu_file));
  for (const auto& [k, v] : simu) {
    const std::string cle(k.str());
    const toml::table* table = v.as_table();
    if (table == nullptr) return Error(simu_file, &v, cle, "doit être une table");
    SimulatorAct act;
    act.cle = cle;
    LIASSE_ASSIGN_OR_RETURN(auto code, detail::GetString(simu_file, *table, "code", cle));
    act.code = code;
    if (t.acts_.find(act.code) == t.acts_.end()) {
      return Error(simu_file, table->get("code"), cle + ".code", fmt::format("acte « {} » absent de actes.toml", act.code));
    }
    act.libelle = detail::GetStringOr(*table, "libelle", cle);
    act.dptm = detail::GetBoolOr(*table, "dptm", true);
    act.cent_pour_cent_sante = detail::GetBoolOr(*table, "cent_pour_cent_sante", false);
    act.hospitalisation = detail::GetBoolOr(*table, "hospitalisation", false);
    if (const toml::array* verres = table->get_as<toml::array>("verres")) {
      for (const auto& v2 : *verres) {
        auto s = v2.value<std::string>();
        if (!s || (*s != "simple" && *s != "complexe" && *s != "tres_complexe")) {
          return Error(simu_file, &v2, cle + ".verres", "classe de verre attendue : simple, complexe, tres_complexe");
        }
        act.verres.push_back(*s);
      }
      if (act.verres.size() != 2) return Error(simu_file, verres, cle + ".verres", "deux verres attendus");
    }
    t.simulator_.emplace(cle, std::move(act));
  }
  return t;
}

const TariffItem* Tariffs::FindAct(std::string_view code) const {
  auto it = acts_.find(code);
  return it == acts_.end() ? nullptr : &it->second;
}

const RoCategory* Tariffs::FindCategory(std::string_view categorie) const {
  auto it = categories_.find(categorie);
  return it == categories_.end() ? nullptr : &it->second;
}

const SimulatorAct* Tariffs::FindSimulatorAct(std::string_view cle) const {
  auto it = simulator_.find(cle);
  return it == simulator_.end() ? nullptr : &it->second;
}

std::vector<std::string> Tariffs::SimulatorKeys() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : simulator_) out.push_back(k);
  return out;
}

}  // namespace liasse::pricing
