#include "french_cli.h"

#include <fmt/format.h>

#include <filesystem>
#include <regex>
#include <utility>
#include <vector>

#include "liasse/core/date.h"

namespace liasse::cli {
namespace {

// CLI11's help labels and type names, in French.
const std::pair<const char*, const char*> kLabels[] = {
    {"Usage", "Utilisation"},      {"OPTIONS", "OPTIONS"},       {"SUBCOMMAND", "COMMANDE"},
    {"SUBCOMMANDS", "COMMANDES"},  {"Positionals", "Arguments"}, {"REQUIRED", "OBLIGATOIRE"},
    {"Needs", "Requiert"},         {"Excludes", "Exclut"},       {"Env", "Variable"},
    {"TEXT", "TEXTE"},             {"INT", "ENTIER"},            {"UINT", "ENTIER"},
    {"FLOAT", "NOMBRE"},           {"NUMBER", "NOMBRE"},         {"TEXT:DIR", "DOSSIER"},
    {"TEXT:FILE", "FICHIER"},      {"TEXT:PATH(existing)", "CHEMIN"}, {"INT:NONNEGATIVE", "ENTIER"},
    {"INT:POSITIVE", "ENTIER"},    {"INT:INT in [0 - 64]", "ENTIER de 0 à 64"},
    {"TEXT:AAAA-MM-JJ", "AAAA-MM-JJ"},
};

// CLI11 2.1.2 sentences (CLI/Error.hpp, CLI/Validators.hpp) and their
// French; $1, $2… are the captured parts. The first match wins.
struct Rewrite {
  std::regex english;
  const char* french;
};

const std::vector<Rewrite>& Rewrites() {
  static const std::vector<Rewrite> rules = [] {
    std::vector<Rewrite> r;
    auto add = [&](const char* re, const char* fr) { r.push_back({std::regex(re), fr}); };
    add("^A subcommand is required$", "une commande est obligatoire (voir --help)");
    add("^(-[^ ]+) is required$", "l'option $1 est obligatoire");
    add("^([^ ]+) is required$", "l'argument $1 est obligatoire");
    add("^Requires at least ([0-9]+) subcommands$", "au moins $1 commande(s) attendue(s)");
    add("^The following arguments? (?:was|were) not expected: (.*)$", "argument inattendu : $1");
    add("^Could not convert: ([^ ]+) = (.*)$", "$1 : valeur « $2 » invalide");
    add("^The value (.*) is not an allowed value for (.*)$", "$2 : valeur « $1 » non permise");
    add("^([^ ]+): too many inputs for a flag$", "$1 : ce drapeau ne prend pas de valeur");
    add("^([^ ]+): Should be true/false or a number$", "$1 : vrai/faux ou nombre attendu");
    add("^Expected exactly ([0-9]+) arguments? to ([^,]+), got ([0-9]+)$", "$2 attend $1 valeur(s), $3 reçue(s)");
    add("^Expected at least ([0-9]+) arguments? to ([^,]+), got ([0-9]+)$",
        "$2 attend au moins $1 valeur(s), $3 reçue(s)");
    add("^([^ ]+): ([0-9]+) required ([^ ]+) missing$", "$1 : valeur manquante");
    add("^([^ ]+) requires ([^ ]+)$", "$1 demande aussi $2");
    add("^([^ ]+) excludes ([^ ]+)$", "$1 ne va pas avec $2");
    add("^([^ ]+): Directory does not exist: (.*)$", "$1 : dossier introuvable : $2");
    add("^([^ ]+): Directory is actually a file: (.*)$", "$1 : $2 est un fichier, pas un dossier");
    add("^([^ ]+): File does not exist: (.*)$", "$1 : fichier introuvable : $2");
    add("^([^ ]+): File is actually a directory: (.*)$", "$1 : $2 est un dossier, pas un fichier");
    add("^([^ ]+): Path does not exist: (.*)$", "$1 : chemin introuvable : $2");
    add("^([^ ]+): Value (.*) not in range \\[?([^ ]+) - ([^\\]]+)\\]?$", "$1 : « $2 » hors de l'intervalle $3 à $4");
    add("^([^ ]+): Value (.*) not in range (.*)$", "$1 : « $2 » hors de l'intervalle permis");
    add("^([^ ]+): Number less or equal to 0: \\(?(.*?)\\)?$", "$1 : nombre strictement positif attendu, reçu « $2 »");
    add("^([^ ]+): Number less than 0: \\(?(.*?)\\)?$", "$1 : nombre positif ou nul attendu, reçu « $2 »");
    add("^([^ ]+): Failed parsing number: \\(?(.*?)\\)?$", "$1 : nombre attendu, reçu « $2 »");
    add("^([^ ]+): Failed parsing as a number \\(?(.*?)\\)?$", "$1 : nombre attendu, reçu « $2 »");
    add("^([^ ]+) was not readable \\(missing\\?\\)$", "$1 : fichier illisible ou absent");
    return r;
  }();
  return rules;
}

}  // namespace

std::string FrenchParseError(const CLI::Error& error) {
  const std::string english = error.what();
  for (const auto& rule : Rewrites()) {
    if (std::regex_match(english, rule.english)) return std::regex_replace(english, rule.english, rule.french);
  }
  // Our own validators already speak French ("--date : …").
  static const std::regex validation("^([^ ]+): (.*)$");
  if (error.get_name() == "ValidationError" && std::regex_match(english, validation)) {
    return std::regex_replace(english, validation, "$1 : $2");
  }
  return "erreur d'utilisation : " + english;
}

void MakeFrench(CLI::App& app) {
  app.set_help_flag("-h,--help", "affiche cette aide et quitte");
  app.group("Commandes");
  app.option_defaults()->group("Options");
  auto formatter = std::make_shared<CLI::Formatter>();
  for (const auto& [english, french] : kLabels) formatter->label(english, french);
  app.formatter(formatter);
  app.failure_message([](const CLI::App* command, const CLI::Error& e) {
    std::string path;
    for (const CLI::App* a = command; a != nullptr; a = a->get_parent()) {
      path = a->get_name() + (path.empty() ? "" : " " + path);
    }
    if (path.empty()) path = "liasse";
    return fmt::format("{}: {}\nAide : {} --help\n", path, FrenchParseError(e), path);
  });
}

CLI::Validator IsoDateValidator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        static const std::regex iso("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
        if (!std::regex_match(value, iso)) {
          return fmt::format("date « {} » refusée : format attendu AAAA-MM-JJ (ex. 2025-01-15)", value);
        }
        auto d = Date::Parse(value);
        if (!d.ok() || d->ToIso() != value) return fmt::format("date « {} » refusée : ce jour n'existe pas", value);
        return {};
      },
      "AAAA-MM-JJ");
}

Status RequireExistingStore(const std::string& db) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_regular_file(db, ec)) return Status::Ok();
  std::string found;
  for (const auto& entry : fs::directory_iterator(".", ec)) {
    const fs::path candidate = entry.path() / "liasse.db";
    if (entry.is_directory(ec) && fs::is_regular_file(candidate, ec)) {
      found += (found.empty() ? "" : ", ") + candidate.lexically_normal().string();
    }
  }
  return Status::NotFound(fmt::format(
      "base « {} » introuvable ; cette commande lit une base existante et n'en crée pas. `liasse process … --out DIR` "
      "crée DIR/liasse.db (ou la base de --db) : indiquez-la avec --db.{}",
      db, found.empty() ? std::string() : " Bases trouvées ici : " + found + "."));
}

}  // namespace liasse::cli
