// `liasse watch INBOX --out DIR`: mailroom intake (see liasse/runner/watch.h).
#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "process_cli.h"
#include "liasse/runner/watch.h"
#include "omp_env.h"

namespace liasse::cli {

namespace {

void AddWatchCommand(CLI::App& app, int& exit_code) {
  struct Args {
    std::string inbox, out, db, contract;
    int jobs = 0;
    int poll_ms = 2000;
    int stable_ms = 3000;
    bool once = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "watch", "Courrier entrant : traite les plis complets d'un dossier puis les range dans done/ ou quarantine/");
  cmd->add_option("INBOX", args->inbox, "dossier d'arrivée des plis")->required()->check(CLI::ExistingDirectory);
  cmd->add_option("--out", args->out, "dossier des résultats")->required();
  cmd->add_option("--db", args->db, "base SQLite (défaut : DIR/liasse.db)");
  cmd->add_option("--contract", args->contract, "fichier des adhérents (CSV ou JSON) importé au démarrage");
  cmd->add_option("--jobs", args->jobs, "nombre de workers OCR (0 : un par cœur)")->check(CLI::NonNegativeNumber);
  cmd->add_option("--poll-ms", args->poll_ms, "intervalle entre deux lectures du dossier")->check(CLI::PositiveNumber);
  cmd->add_option("--stable-ms", args->stable_ms,
                  "un pli sans marqueur NOM.done est complet quand il n'a pas changé depuis ce délai")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--once", args->once, "s'arrête quand plus aucun pli complet n'attend");
  cmd->callback([args, &exit_code] {
    EnsureSingleThreadedOpenMp();
    runner::WatchOptions options;
    options.inbox = args->inbox;
    options.process.out_dir = args->out;
    options.process.database = args->db;
    options.process.contract = args->contract;
    options.process.jobs = args->jobs;
    options.poll_ms = args->poll_ms;
    options.stable_ms = args->stable_ms;
    options.once = args->once;
    AttachProgress(options.process);
    auto summary = runner::Watch(options);
    if (!summary.ok()) {
      std::cerr << "liasse watch: " << summary.status().message() << "\n";
      exit_code = 2;
      return;
    }
    std::cout << summary->done << " pli(s) traité(s), " << summary->quarantined << " en quarantaine, "
              << summary->recovered << " repris après interruption\n";
    exit_code = summary->quarantined > 0 ? 1 : 0;
  });
}

const CommandRegistration kRegistration(AddWatchCommand);

}  // namespace
}  // namespace liasse::cli
