// `liasse store backup --db FILE --to FILE`: a consistent copy of the store
// (members, counters, outbox…) while `watch` or `process` runs, with
// SQLite's online backup API. On PostgreSQL the same is `pg_dump` (README).
#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "liasse/store/backup.h"

namespace liasse::cli {
namespace {

struct StoreArgs {
  std::string db = "liasse.db";
  std::string to;
};

void AddStoreCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<StoreArgs>();
  auto* store = app.add_subcommand("store", "Opérations sur la base (copie de sauvegarde)");
  store->require_subcommand(1);
  auto* backup = store->add_subcommand(
      "backup", "Copie cohérente de la base pendant qu'elle sert (API de sauvegarde en ligne de SQLite)");
  backup->add_option("--db", args->db, "base SQLite à copier (défaut : liasse.db)");
  backup->add_option("--to", args->to, "fichier de la copie (créé en mode 0600)")->required();
  backup->callback([args, &exit_code] {
    auto report = store::BackupDatabase(args->db, args->to);
    if (!report.ok()) {
      std::cerr << "liasse store backup : " << report.status().message() << "\n";
      exit_code = report.status().code() == StatusCode::kInvalidArgument ? 2 : 1;
      return;
    }
    std::cout << args->to << " : copie de " << args->db << ", " << report->pages
              << " pages, integrity_check : " << report->integrity << "\n";
    exit_code = 0;
  });
}

const CommandRegistration kRegistration(AddStoreCommand);

}  // namespace
}  // namespace liasse::cli
