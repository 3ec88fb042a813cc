// liasse: scanned health-insurance claims in, checked and priced claims and
// letters out. See README.md.
#include <iostream>

#include "commands.h"
#include "french_cli.h"

namespace liasse::cli {
std::vector<CommandRegistrar>& Registrars() {
  static std::vector<CommandRegistrar> registrars;
  return registrars;
}
}  // namespace liasse::cli

int main(int argc, char** argv) {
  CLI::App app{"Liasse — lecture, contrôle et liquidation des demandes de remboursement scannées"};
  app.require_subcommand(1);
  liasse::cli::MakeFrench(app);
  int exit_code = 0;
  for (const auto& registrar : liasse::cli::Registrars()) registrar(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Bad usage exits 2 (docs/results.md); --help exits 0.
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return exit_code;
}
