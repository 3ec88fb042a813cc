#include "envelope_meta.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

Status Invalid(const fs::path& file, std::string_view what) {
  return Status::InvalidArgument(fmt::format("{} : {}", file.string(), what));
}

// The string member `key`, empty when absent; an error when not a string.
Result<std::string> StringMember(const json& j, const char* key, const fs::path& file) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::string();
  if (!it->is_string()) return Invalid(file, fmt::format("« {} » doit être une chaîne", key));
  return it->get<std::string>();
}

Result<std::optional<Date>> DateMember(const json& j, const char* key, const fs::path& file) {
  LIASSE_ASSIGN_OR_RETURN(const std::string text, StringMember(j, key, file));
  if (text.empty()) return std::optional<Date>();
  auto d = Date::Parse(text);
  if (!d.ok() || d->ToIso() != text) {
    return Invalid(file, fmt::format("« {} » : date « {} » attendue au format AAAA-MM-JJ", key, text));
  }
  return std::optional<Date>(*d);
}

}  // namespace

fs::path MetaPathOf(const fs::path& envelope) {
  return envelope.parent_path() / (envelope.stem().string() + ".meta.json");
}

Result<std::optional<EnvelopeMeta>> ReadEnvelopeMeta(Env& env, const fs::path& envelope) {
  const fs::path file = MetaPathOf(envelope);
  std::error_code ec;
  if (!fs::exists(file, ec)) return std::optional<EnvelopeMeta>();
  LIASSE_ASSIGN_OR_RETURN(const std::string text, env.ReadFile(file));
  const json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Invalid(file, "objet JSON attendu");
  EnvelopeMeta meta;
  LIASSE_ASSIGN_OR_RETURN(meta.date_reception, DateMember(j, "date_reception", file));
  LIASSE_ASSIGN_OR_RETURN(meta.date_courrier, DateMember(j, "date_courrier", file));
  for (auto [key, out] : {std::pair{"canal", &meta.canal}, std::pair{"lot_scan", &meta.lot_scan},
                          std::pair{"operateur", &meta.operateur}}) {
    LIASSE_ASSIGN_OR_RETURN(*out, StringMember(j, key, file));
  }
  if (!meta.canal.empty() && meta.canal != "courrier" && meta.canal != "e-mail" && meta.canal != "dépôt") {
    return Invalid(file, fmt::format("« canal » : « {} » inconnu (courrier, e-mail ou dépôt)", meta.canal));
  }
  return std::optional<EnvelopeMeta>(std::move(meta));
}

Reception ReceptionOf(const std::optional<Date>& option, const std::optional<EnvelopeMeta>& meta, Date file_date) {
  if (option) return {*option, ReceptionSource::kOption};
  if (meta && meta->date_reception) return {*meta->date_reception, ReceptionSource::kMeta};
  return {file_date, ReceptionSource::kFile};
}

const char* ReceptionSourceKey(ReceptionSource source) {
  switch (source) {
    case ReceptionSource::kOption: return "option";
    case ReceptionSource::kMeta: return "meta";
    case ReceptionSource::kFile: return "fichier";
  }
  return "fichier";
}

}  // namespace liasse::runner
