// Each subcommand of `liasse` registers itself on the application. A
// command's callback stores its exit status in `exit_code`.
#pragma once

#include <CLI/CLI.hpp>

namespace liasse::cli {

void AddVersionCommand(CLI::App& app, int& exit_code);
void AddCheckIdCommand(CLI::App& app, int& exit_code);
void AddProcessCommand(CLI::App& app, int& exit_code);

}  // namespace liasse::cli
