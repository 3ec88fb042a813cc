// `liasse reprocess ARCHIVE… --out DIR [--shard i/N]`: the chain again over
// envelopes already processed into DIR, OCR from the cache, with a report
// of what changed (see liasse/runner/reprocess.h).
#include <iostream>
#include <memory>

#include "commands.h"
#include "liasse/runner/reprocess.h"
#include "omp_env.h"
#include "process_cli.h"

namespace liasse::cli {
namespace {

void AddReprocessCommand(CLI::App& app, int& exit_code) {
  struct Args {
    ChainArgs chain;
    std::string shard;
    bool restart = false;
    bool no_mail = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "reprocess", "Retraite une archive de plis déjà traités (OCR du cache) et rapporte ce qui change");
  AddChainOptions(*cmd, args->chain, "dossiers ou fichiers de l'archive");
  cmd->add_option("--shard", args->shard,
                  "i/N : ne traite que la part i (0 ≤ i < N) de l'archive, stable d'une machine à l'autre");
  cmd->add_flag("--no-mail", args->no_mail,
                "ne met aucun courrier en file d'envoi (défaut : les décomptes nouveaux y vont, un décompte déjà en "
                "file n'est jamais renvoyé)");
  cmd->add_flag("--restart", args->restart, "oublie une exécution interrompue et reprend du premier pli");
  cmd->callback([args, &exit_code] {
    EnsureSingleThreadedOpenMp();
    runner::ReprocessOptions options;
    if (!ToProcessOptions(args->chain, "reprocess", options.process)) {
      exit_code = 2;
      return;
    }
    if (!args->shard.empty()) {
      if (Status s = runner::ParseShard(args->shard, options.shard_index, options.shard_count); !s.ok()) {
        std::cerr << "liasse reprocess: " << s.message() << "\n";
        exit_code = 2;
        return;
      }
    }
    options.restart = args->restart;
    options.process.queue_letters = !args->no_mail;
    auto report = runner::RunReprocess(options);
    if (!report.ok()) {
      std::cerr << "liasse reprocess: " << report.status().message() << "\n";
      exit_code = 2;
      return;
    }
    std::cout << runner::ReprocessReportTable(*report);
    exit_code = report->summary.unreadable > 0 ? 1 : 0;
  });
}

const CommandRegistration kRegistration(AddReprocessCommand);

}  // namespace
}  // namespace liasse::cli
