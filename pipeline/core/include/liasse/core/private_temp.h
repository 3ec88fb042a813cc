// The run's private temporary directory: one per process, made with
// mkdtemp(3) under $TMPDIR (mode 0700, an unguessable name), removed with
// its content when the process exits normally. Files that must pass
// through the file system (a library that only writes to a path) go there,
// never through a predictable name in a shared directory.
#pragma once

#include <filesystem>

#include "liasse/core/status.h"

namespace liasse {

// The directory, made on first use (thread-safe). Fails with kIoError when
// it cannot be made; every later call returns the same failure.
Result<std::filesystem::path> PrivateTempDir();

}  // namespace liasse
