#include <iostream>

#include "commands.h"

namespace liasse::cli {

namespace {

void AddVersionCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("version", "Affiche la version de Liasse");
  cmd->callback([&exit_code] {
    std::cout << "liasse " << LIASSE_VERSION << "\n";
    exit_code = 0;
  });
}

const CommandRegistration kRegistration(AddVersionCommand);

}  // namespace
}  // namespace liasse::cli
