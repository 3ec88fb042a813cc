#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "liasse/synth/score.h"

namespace liasse::cli {

namespace {

void AddScoreCommand(CLI::App& app, int& exit_code) {
  struct Args {
    std::string truth, results;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("score", "Compare des résultats à la vérité terrain de `liasse synth`");
  cmd->add_option("TRUTH_DIR", args->truth, "dossier des *.truth.json")->required();
  cmd->add_option("RESULTS_DIR", args->results, "dossier des <nom>.json (à défaut <nom>.truth.json)")->required();
  cmd->add_flag("--json", args->json, "sortie JSON");
  cmd->callback([args, &exit_code] {
    auto r = synth::Score(args->truth, args->results);
    if (!r.ok()) {
      std::cerr << "liasse score: " << r.status().message() << "\n";
      exit_code = 1;
      return;
    }
    std::cout << (args->json ? synth::ScoreJson(r.value()) : synth::ScoreTable(r.value()));
    exit_code = 0;
  });
}

const CommandRegistration kRegistration(AddScoreCommand);

}  // namespace
}  // namespace liasse::cli
