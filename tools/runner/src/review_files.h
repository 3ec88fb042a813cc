// Where the review service finds an envelope's result, its store and the
// results it keeps. Internal to the runner.
#pragma once

#include <filesystem>
#include <string>

#include "liasse/core/status.h"
#include "liasse/runner/review.h"

namespace liasse::runner {

// DIR/<envelope>.json.
std::filesystem::path ResultPath(const ReviewOptions& options, const std::string& envelope);
// DIR/.revue/<envelope>/version-<version>.json: the result as it was at
// `version` (0: as `liasse process` wrote it).
std::filesystem::path KeptPath(const ReviewOptions& options, const std::string& envelope, int version);
// kInvalidArgument unless `envelope` is a plain file stem (no folder, not
// hidden, not empty).
Status CheckEnvelopeName(const std::string& envelope);
// The text of DIR/<envelope>.json; kNotFound naming the file when absent.
Result<std::string> ReadResult(const ReviewOptions& options, const std::string& envelope);
// options.database, else DIR/liasse.db, when it exists; kNotFound saying
// where it was looked for otherwise (a store is never created here).
Result<std::filesystem::path> ExistingDatabase(const ReviewOptions& options);

}  // namespace liasse::runner
