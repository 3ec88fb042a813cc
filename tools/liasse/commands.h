// Subcommands of `liasse` register themselves at start-up: a command file
// defines a `Register` function and a `CommandRegistration` object, so adding
// a command means adding one file to tools/CMakeLists.txt and nothing else.
// A command's callback stores its exit status in `exit_code`
// (0 ok, 1 some input could not be processed, 2 bad usage).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <vector>

namespace liasse::cli {

using CommandRegistrar = std::function<void(CLI::App& app, int& exit_code)>;

// All registrars, in registration order.
std::vector<CommandRegistrar>& Registrars();

struct CommandRegistration {
  explicit CommandRegistration(CommandRegistrar registrar) { Registrars().push_back(std::move(registrar)); }
};

}  // namespace liasse::cli
