// SHA-256 of a file, the envelope's identity in results and caches.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "liasse/core/status.h"

namespace liasse::runner {

// Lower-case hex SHA-256 of the file's bytes; an IoError naming the file
// when it cannot be read.
Result<std::string> Sha256OfFile(const std::filesystem::path& path);

// Lower-case hex SHA-256 of `bytes`.
std::string Sha256OfText(std::string_view bytes);

// What a result depends on besides its input and options, as text: the
// SHA-256 of the running program and of every file under `data_dir` (by
// relative path, sorted). "?" for a file that cannot be read.
std::string ProgramAndDataMaterial(const std::filesystem::path& data_dir);

}  // namespace liasse::runner
