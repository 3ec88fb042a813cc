#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "liasse/synth/holdout.h"
#include "liasse/synth/synth.h"

namespace liasse::cli {

namespace {

void AddSynthCommand(CLI::App& app, int& exit_code) {
  struct Args {
    uint64_t seed = 1;
    int count = 10;
    std::string out;
    std::string data;
    std::vector<std::string> kinds;
    std::vector<std::string> defects;
    std::vector<int> families;
    double defect_rate = 0.5;
    int jobs = 2;
    int dpi = 0;
    bool samples = false;
    int data_without = -1;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("synth", "Génère des plis scannés synthétiques avec leur vérité terrain");
  cmd->add_option("--seed", args->seed, "graine (même graine et version : fichiers identiques)");
  cmd->add_option("--count", args->count, "nombre de plis")->check(CLI::NonNegativeNumber);
  cmd->add_option("--out", args->out, "dossier de sortie")->required();
  cmd->add_option("--data", args->data, "dossier des données (contient synth/)");
  cmd->add_option("--kinds", args->kinds, "types de plis : lot, mailroom, reclamation, renonciation, optique, dentaire, "
                                          "hospitalisation, medecine_douce, pharmacie, corrupt")->delimiter(',');
  cmd->add_option("--defects", args->defects, "anomalies de lot à injecter dans chaque lot (codes LOT_…, FDS_…, …)")
      ->delimiter(',');
  cmd->add_option("--families", args->families,
                  "familles de mise en page tirées (data/synth/families.toml ; 0 : le dessin historique) ; "
                  "défaut : toutes")
      ->delimiter(',');
  cmd->add_option("--defect-rate", args->defect_rate, "part des lots avec anomalies tirées au hasard")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--jobs", args->jobs, "threads")->check(CLI::PositiveNumber);
  cmd->add_option("--dpi", args->dpi, "résolution des pages : 200, 300 ou 400 (défaut : mélange ; fax à 200)");
  auto* samples = cmd->add_flag("--samples", args->samples, "écrit le jeu d'exemples de samples/ au lieu de --count plis");
  cmd->add_option("--data-without", args->data_without,
                  "écrit dans --out une copie du dossier de données sans les libellés propres à cette famille "
                  "(retirés de forms/*.toml ; liasse/synth/holdout.h) au lieu de plis")
      ->check(CLI::NonNegativeNumber)
      ->excludes(samples);
  cmd->callback([args, &exit_code] {
    const std::filesystem::path data = args->data.empty() ? synth::DefaultDataDir() : std::filesystem::path(args->data);
    if (args->data_without >= 0) {
      auto held = synth::WriteDataWithoutFamily(data, args->data_without, args->out);
      if (!held.ok()) {
        std::cerr << "liasse synth: " << held.status().message() << "\n";
        exit_code = held.status().code() == StatusCode::kInvalidArgument ? 2 : 1;
        return;
      }
      std::cout << held->removed.size() << " libellé(s) de la famille " << args->data_without << " retiré(s) de "
                << held->files_filtered << " fichier(s) de forms/, " << held->replaced.size() << " remplacé(s), dans "
                << args->out << "\n";
      exit_code = 0;
      return;
    }
    Result<synth::SynthSummary> r = Status::Internal("unset");
    if (args->samples) {
      r = synth::GenerateSamples(args->out, data, args->seed);
    } else {
      synth::SynthOptions o;
      o.seed = args->seed;
      o.count = args->count;
      o.out_dir = args->out;
      o.data_dir = data;
      o.kinds = args->kinds;
      o.defects = args->defects;
      o.families = args->families;
      o.defect_rate = args->defect_rate;
      o.jobs = args->jobs;
      o.dpi = args->dpi;
      r = synth::Generate(o);
    }
    if (!r.ok()) {
      std::cerr << "liasse synth: " << r.status().message() << "\n";
      exit_code = r.status().code() == StatusCode::kInvalidArgument ? 2 : 1;
      return;
    }
    std::cout << r->envelopes << " pli(s), " << r->pages << " page(s), " << r->members << " adhérent(s) dans "
              << args->out << "\n";
    exit_code = 0;
  });
}

const CommandRegistration kRegistration(AddSynthCommand);

}  // namespace
}  // namespace liasse::cli
