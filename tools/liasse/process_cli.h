// What `liasse process` and `liasse reprocess` share on the command line:
// the chain's options, the progress line and the summary.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "liasse/runner/process.h"

namespace liasse::cli {

struct ChainArgs {
  std::vector<std::string> inputs;
  std::string out;
  std::string contract;
  std::string db;
  std::string tessdata;
  std::string data;
  int jobs = 0;
  std::string date_reception;
  std::string today;
};

// Adds INPUT…, --out, --contract, --db, --tessdata, --data, --jobs,
// --date-reception and --date to `cmd`, stored in `args` (which must
// outlive the parse).
void AddChainOptions(CLI::App& cmd, ChainArgs& args, const std::string& inputs_help);

// `args` as ProcessOptions with AttachProgress. False
// (after printing why, prefixed by `command`) on a malformed date.
bool ToProcessOptions(const ChainArgs& args, std::string_view command, runner::ProcessOptions& options);

// Prints each envelope's line on stdout as soon as it is committed, a
// progress line on the terminal (stderr) and, when stdout is not a
// terminal, a progress line on stdout every few seconds.
void AttachProgress(runner::ProcessOptions& options);

// The totals (documents by type, lots, euros,
// letters, review flags, pages/s), on stdout.
void PrintSummary(const runner::ProcessSummary& summary);

}  // namespace liasse::cli
