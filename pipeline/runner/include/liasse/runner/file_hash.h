// SHA-256 of a file, the envelope's identity in results and caches.
#pragma once

#include <filesystem>
#include <string>

#include "liasse/core/status.h"

namespace liasse::runner {

// Lower-case hex SHA-256 of the file's bytes; an IoError naming the file
// when it cannot be read.
Result<std::string> Sha256OfFile(const std::filesystem::path& path);

}  // namespace liasse::runner
