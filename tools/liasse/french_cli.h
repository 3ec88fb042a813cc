// The command line in French. CLI11 2.1 has no message catalogue: the help
// is laid out by CLI11's formatter with French labels, and each parse error
// (CLI11's English sentence) is rewritten as a French one naming the option.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>

#include "liasse/core/status.h"

namespace liasse::cli {

// French help flag, labels and failure messages on `app`; call before any
// subcommand is added (subcommands inherit them).
void MakeFrench(CLI::App& app);

// The French sentence for a CLI11 parse error (without the command name).
std::string FrenchParseError(const CLI::Error& error);

// Accepts a date only as AAAA-MM-JJ, and only a day that exists; the error
// names the value and the expected form (CLI11 prefixes the option).
CLI::Validator IsoDateValidator();

// For commands that read a store: Ok when `db` exists; otherwise an error
// saying that the command does not create a store, where `liasse process`
// puts one and which stores lie in the current folder's subfolders.
Status RequireExistingStore(const std::string& db);

}  // namespace liasse::cli
