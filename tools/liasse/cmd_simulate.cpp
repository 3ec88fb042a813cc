// `liasse simulate`: the members' "simulez vos remboursements" screen (seed
// 001) — votre dépense, Sécurité sociale, complémentaire santé, reste à
// charge — for one act of the simulator list (data/tarifs/simulateur.toml).
#include <chrono>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "commands.h"
#include "liasse/core/clock.h"
#include "french_cli.h"
#include "liasse/pricing/data.h"
#include "liasse/pricing/pricer.h"

namespace liasse::cli {

namespace {

struct SimulateArgs {
  std::string contract;
  std::string acte;
  std::string depense;
  std::string date;
  int age = 30;
  int quantite = 1;
  bool json = false;
  std::string data_dir = pricing::DefaultDataDir();
};

// The UTC date now (the CLI's clock).
Date Today() { return UtcDate(SystemClock().Now()); }

ClasseVerre Classe(const std::string& s) {
  if (s == "complexe") return ClasseVerre::kComplexe;
  if (s == "tres_complexe") return ClasseVerre::kTresComplexe;
  return ClasseVerre::kSimple;
}

int Run(const SimulateArgs& a) {
  auto data = pricing::PricingData::Load(a.data_dir);
  if (!data.ok()) {
    std::cerr << "liasse simulate: " << data.status().message() << "\n";
    return 1;
  }
  const pricing::SimulatorAct* act = data->tariffs.FindSimulatorAct(a.acte);
  if (act == nullptr) {
    std::cerr << "liasse simulate: --acte « " << a.acte << " » inconnu ; valeurs :";
    for (const auto& k : data->tariffs.SimulatorKeys()) std::cerr << " " << k;
    std::cerr << "\n";
    return 2;
  }
  if (data->tables.Find(a.contract) == nullptr) {
    std::cerr << "liasse simulate: --contract « " << a.contract << " » inconnu ; valeurs :";
    for (const auto& k : data->tables.Contracts()) std::cerr << " " << k;
    std::cerr << "\n";
    return 2;
  }
  auto depense = Money::Parse(a.depense);
  if (!depense.ok() || depense->is_negative()) {
    std::cerr << "liasse simulate: --depense « " << a.depense << " » : montant attendu, ex. 50 ou 49,90\n";
    return 2;
  }
  Date date = Today();
  if (!a.date.empty()) {
    auto d = Date::Parse(a.date);
    if (!d.ok()) {
      std::cerr << "liasse simulate: --date « " << a.date << " » : " << d.status().message() << "\n";
      return 2;
    }
    date = *d;
  }
  if (a.quantite < 1 || a.age < 0 || a.age > 130) {
    std::cerr << "liasse simulate: --quantite >= 1 et --age entre 0 et 130\n";
    return 2;
  }

  Claim claim;
  claim.id = "simulation";
  claim.beneficiaire = "simulation";
  claim.date_naissance = date.AddMonths(-12 * a.age).AddDays(-1);
  claim.coverage.contrat = a.contract;
  claim.coverage.date_adhesion = Date::FromSerial(0);
  ClaimLine line;
  line.date = date;
  line.code = act->code;
  line.libelle = act->libelle;
  line.quantite = a.quantite;
  line.frais_reels = *depense * a.quantite;
  line.flags.dptm = act->dptm;
  line.flags.cent_pour_cent_sante = act->cent_pour_cent_sante;
  line.flags.hospitalisation = act->hospitalisation;
  if (act->verres.size() == 2) {
    Optique o;
    o.droit.classe = Classe(act->verres[0]);
    o.gauche.classe = Classe(act->verres[1]);
    line.optique = o;
  }
  claim.lines.push_back(line);

  pricing::Pricer pricer(data->tables, data->tariffs);
  pricing::InMemoryCounters counters;
  auto priced = pricer.Price(claim, counters, nullptr);
  if (!priced.ok()) {
    std::cerr << "liasse simulate: " << priced.status().message() << "\n";
    return 1;
  }
  const PricedLine& l = priced->lines[0];
  if (a.json) {
    nlohmann::ordered_json j;
    j["depense"] = l.frais_reels.ToDecimal();
    j["securite_sociale"] = l.ro.ToDecimal();
    j["complementaire"] = l.mutuelle.ToDecimal();
    j["reste_a_charge"] = l.reste_a_charge.ToDecimal();
    if (l.hors_100_sante) j["hors_100_sante"] = l.hors_100_sante->ToDecimal();
    if (!l.tarifs_non_confirmes.empty()) j["tarifs_non_confirmes"] = l.tarifs_non_confirmes;
    j["trace"] = l.trace;
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << act->libelle << " — " << a.contract << ", le " << date.ToFrench() << "\n"
              << "  Votre dépense                        : " << l.frais_reels.ToFrench() << "\n"
              << "  Remboursement Sécurité sociale       : " << l.ro.ToFrench() << "\n"
              << "  Remboursement complémentaire santé   : " << l.mutuelle.ToFrench() << "\n"
              << "  Reste à charge                       : " << l.reste_a_charge.ToFrench() << "\n";
    if (l.hors_100_sante) {
      std::cout << "  dont hors 100 % Santé                : " << l.hors_100_sante->ToFrench() << "\n";
    }
    if (!l.tarifs_non_confirmes.empty()) {
      std::cout << "  À vérifier : valeur(s) du tarif sans source confirmée\n";
    }
    std::cout << "\n";
    for (const auto& t : l.trace) std::cout << "  • " << t << "\n";
  }
  return 0;
}

void AddSimulateCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<SimulateArgs>();
  auto* cmd = app.add_subcommand("simulate", "Simule un remboursement (dépense, Sécurité sociale, mutuelle, reste à charge)");
  cmd->add_option("--contract", args->contract, "niveau de garantie : PASS1 … PASS5")->required();
  cmd->add_option("--acte", args->acte, "acte : generaliste_dptm, couronne, lunettes_simples, … (data/tarifs/simulateur.toml)")
      ->required();
  cmd->add_option("--depense", args->depense, "montant dépensé (par jour à l'hôpital, par séance)")->required();
  cmd->add_option("--date", args->date, "date des soins (défaut : aujourd'hui)")->check(IsoDateValidator());
  cmd->add_option("--age", args->age, "âge du bénéficiaire")->default_val(30);
  cmd->add_option("--quantite", args->quantite, "nombre de jours, séances ou actes")->default_val(1);
  cmd->add_flag("--json", args->json, "sortie JSON");
  cmd->add_option("--data", args->data_dir, "dossier des données")->default_val(args->data_dir);
  cmd->callback([args, &exit_code] { exit_code = Run(*args); });
}

const CommandRegistration kRegistration(AddSimulateCommand);

}  // namespace
}  // namespace liasse::cli
