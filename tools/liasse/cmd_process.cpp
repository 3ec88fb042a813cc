// `liasse process INPUT… --out DIR`: the whole chain on each envelope, one
// result JSON per envelope (docs/results.md), then a summary.
#include <iostream>
#include <memory>

#include "commands.h"
#include "liasse/runner/process.h"
#include "omp_env.h"
#include "process_cli.h"

namespace liasse::cli {
namespace {

void AddProcessCommand(CLI::App& app, int& exit_code) {
  struct Args {
    ChainArgs chain;
    bool no_ocr_cache = false;
    bool no_mail = false;
    bool dry_run = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("process", "Traite des plis scannés (TIFF, PDF, PNG, JPEG ou dossiers)");
  AddChainOptions(*cmd, args->chain, "fichiers ou dossiers de plis");
  cmd->add_flag("--no-ocr-cache", args->no_ocr_cache,
                "ne lit ni n'écrit le cache OCR de la base (défaut : un pli déjà lu n'est pas relu)");
  cmd->add_flag("--no-mail", args->no_mail, "ne met aucun courrier en file d'envoi (les courriers sont écrits dans DIR)");
  cmd->add_flag("--dry-run", args->dry_run,
                "essai : n'écrit rien dans la base (adhérents, compteurs, demandes, file d'envoi) ; résultats et "
                "courriers écrits dans DIR");
  cmd->callback([args, &exit_code] {
    EnsureSingleThreadedOpenMp();
    runner::ProcessOptions options;
    if (!ToProcessOptions(args->chain, "process", options)) {
      exit_code = 2;
      return;
    }
    options.ocr_cache = !args->no_ocr_cache;
    options.queue_letters = !args->no_mail;
    options.dry_run = args->dry_run;
    auto summary = runner::RunProcess(options);
    if (!summary.ok()) {
      std::cerr << "liasse process: " << summary.status().message() << "\n";
      exit_code = 2;
      return;
    }
    PrintSummary(*summary);
    exit_code = summary->unreadable > 0 ? 1 : 0;
  });
}

const CommandRegistration kRegistration(AddProcessCommand);

}  // namespace
}  // namespace liasse::cli
