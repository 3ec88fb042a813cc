// System errors (errno, std::error_code) as French sentences for messages to
// people: the C library's strerror and std::error_code::message() speak the
// process locale's language, English on the servers.
#pragma once

#include <string>
#include <system_error>

namespace liasse {

// "fichier ou dossier introuvable" for ENOENT, "permission refusée" for
// EACCES…; an errno without a sentence here gives "erreur système N (text)".
std::string FrenchSystemError(const std::error_code& error);

// The same for a raw errno value.
std::string FrenchErrno(int error_number);

}  // namespace liasse
