#include "review_files.h"

#include <system_error>

namespace liasse::runner {

namespace fs = std::filesystem;

fs::path ResultPath(const ReviewOptions& options, const std::string& envelope) {
  return options.out_dir / (envelope + ".json");
}

fs::path KeptPath(const ReviewOptions& options, const std::string& envelope, int version) {
  return options.out_dir / ".revue" / envelope / ("version-" + std::to_string(version) + ".json");
}

Status CheckEnvelopeName(const std::string& envelope) {
  if (envelope.empty() || envelope.front() == '.' || envelope.find('/') != std::string::npos) {
    return Status::InvalidArgument("pli « " + envelope + " » : nom du fichier de résultat attendu, sans dossier ni .json");
  }
  return Status::Ok();
}

Result<std::string> ReadResult(const ReviewOptions& options, const std::string& envelope) {
  const fs::path path = ResultPath(options, envelope);
  auto text = options.env->ReadFile(path);
  if (!text.ok()) return Status::NotFound("pli « " + envelope + " » inconnu : " + path.string() + " absent ou illisible");
  return text;
}

Result<fs::path> ExistingDatabase(const ReviewOptions& options) {
  const fs::path db = options.database.empty() ? options.out_dir / "liasse.db" : options.database;
  std::error_code ec;
  if (!fs::exists(db, ec)) {
    return Status::NotFound("base " + db.string() +
                            " introuvable : la base est celle que liasse process a écrite (DOSSIER/liasse.db, ou --db)");
  }
  return db;
}

}  // namespace liasse::runner
