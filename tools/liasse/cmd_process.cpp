#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "liasse/runner/process.h"

namespace liasse::cli {

namespace {

void AddProcessCommand(CLI::App& app, int& exit_code) {
  struct Args {
    std::vector<std::string> inputs;
    std::string out;
    std::string contract;
    int jobs = 0;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("process", "Traite des plis scannés (TIFF, PDF, PNG, JPEG ou dossiers)");
  cmd->add_option("INPUT", args->inputs, "fichiers ou dossiers de plis")->required();
  cmd->add_option("--out", args->out, "dossier des résultats")->required();
  cmd->add_option("--contract", args->contract, "fichier adhérents/contrats");
  cmd->add_option("--jobs", args->jobs, "nombre de workers (0 : un par cœur)")->check(CLI::NonNegativeNumber);
  cmd->callback([args, &exit_code] {
    runner::ProcessOptions options;
    for (const auto& input : args->inputs) options.inputs.emplace_back(input);
    options.out_dir = args->out;
    options.contract = args->contract;
    options.jobs = args->jobs;
    auto summary = runner::RunProcess(options);
    if (!summary.ok()) {
      std::cerr << "liasse process: " << summary.status().message() << "\n";
      exit_code = 2;
      return;
    }
    for (const auto& line : summary->messages) std::cout << line << "\n";
    std::cout << summary->envelopes << " pli(s), " << summary->unreadable << " illisible(s) mis en quarantaine\n";
    exit_code = summary->unreadable > 0 ? 1 : 0;
  });
}

const CommandRegistration kRegistration(AddProcessCommand);

}  // namespace
}  // namespace liasse::cli
