// A consistent copy of the store while it is in use (`liasse store backup`):
// SQLite's online backup API reads the whole database inside one read
// transaction, so the copy is the database as it was when the copy began,
// whatever `watch` commits meanwhile (WAL: the writer is not blocked).
#pragma once

#include <string>

#include "liasse/core/status.h"

namespace liasse::store {

struct BackupReport {
  long long pages = 0;     // database pages copied
  std::string integrity;   // PRAGMA integrity_check of the copy ("ok")
};

// Copies the database `source` to `destination`. The copy is written under
// "<destination>.partiel" (created mode 0600: it holds health data) and
// renamed over `destination` only once complete and checked with PRAGMA
// integrity_check. Fails with NotFound when `source` does not exist,
// InvalidArgument when both name the same file or the partial file already
// exists (another backup running), IoError on a SQLite or file error,
// Corrupt when the copy fails its integrity check (nothing is renamed).
Result<BackupReport> BackupDatabase(const std::string& source, const std::string& destination);

}  // namespace liasse::store
