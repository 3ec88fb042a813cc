#include "liasse/core/system_error.h"

#include <cerrno>
#include <cstring>

namespace liasse {
namespace {

struct Sentence {
  int number;
  const char* french;
};

constexpr Sentence kSentences[] = {
    {ENOENT, "fichier ou dossier introuvable"},
    {EACCES, "permission refusée"},
    {EPERM, "opération non permise"},
    {EEXIST, "le fichier existe déjà"},
    {ENOTDIR, "un élément du chemin n'est pas un dossier"},
    {EISDIR, "c'est un dossier, pas un fichier"},
    {ENOSPC, "plus de place sur le disque"},
    {EROFS, "système de fichiers en lecture seule"},
    {EIO, "erreur d'entrée-sortie du disque"},
    {ENAMETOOLONG, "nom de fichier trop long"},
    {ENOTEMPTY, "dossier non vide"},
    {EXDEV, "déplacement impossible entre deux systèmes de fichiers"},
    {EMFILE, "trop de fichiers ouverts"},
    {EBUSY, "ressource occupée"},
    {ELOOP, "trop de liens symboliques dans le chemin"},
    {EINVAL, "argument invalide"},
    {ECONNREFUSED, "connexion refusée"},
    {ETIMEDOUT, "délai d'attente dépassé"},
    {EDQUOT, "quota de disque dépassé"},
};

}  // namespace

std::string FrenchErrno(int error_number) {
  for (const auto& s : kSentences) {
    if (s.number == error_number) return s.french;
  }
  return "erreur système " + std::to_string(error_number) + " (" + std::strerror(error_number) + ")";
}

std::string FrenchSystemError(const std::error_code& error) {
  if (error.category() == std::generic_category() || error.category() == std::system_category()) {
    return FrenchErrno(error.value());
  }
  return error.message();
}

}  // namespace liasse
