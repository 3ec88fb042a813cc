// Shared helpers to read validated TOML data files (toml++ stays private to
// this module). Errors name the file and the key (and line when known).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <toml++/toml.h>

#include "liasse/core/status.h"

namespace liasse::rules::internal {

// Parses `text`; a syntax error becomes "<origin>:<line>: <description>".
inline Result<toml::table> ParseToml(std::string_view text, std::string_view origin) {
  try {
    return toml::parse(text, std::string(origin));
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(std::string(origin) + ":" + std::to_string(e.source().begin.line) + ": " +
                                   std::string(e.description()));
  }
}

inline Result<std::string> ReadText(const std::filesystem::path& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::NotFound(path.string() + ": fichier introuvable ou illisible");
  std::string text;
  char buf[4096];
  size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
  std::fclose(f);
  return text;
}

inline Status KeyError(std::string_view origin, std::string_view key, std::string_view what,
                       const toml::node* node = nullptr) {
  std::string where(origin);
  if (node != nullptr && node->source().begin.line > 0) where += ":" + std::to_string(node->source().begin.line);
  return Status::InvalidArgument(where + ": " + std::string(key) + ": " + std::string(what));
}

// A required non-empty string at `key` of `table`.
inline Result<std::string> RequiredString(const toml::table& table, std::string_view key, std::string_view path,
                                          std::string_view origin) {
  const toml::node* node = table.get(key);
  const std::string full = std::string(path) + "." + std::string(key);
  if (node == nullptr) return KeyError(origin, full, "clé absente", &table);
  auto v = node->value<std::string>();
  if (!v || v->empty()) return KeyError(origin, full, "texte non vide attendu", node);
  return *v;
}

}  // namespace liasse::rules::internal
