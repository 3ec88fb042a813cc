#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "commands.h"
#include "liasse/core/identifiers.h"

namespace liasse::cli {

namespace {

void AddCheckIdCommand(CLI::App& app, int& exit_code) {
  struct Args {
    std::string kind;
    std::string value;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("check-id", "Vérifie un identifiant et sa clé (exit 1 si invalide)");
  cmd->add_option("KIND", args->kind, "nir, am, rpps, adeli, finess, iban, siren, siret")
      ->required()
      ->check(CLI::IsMember({"nir", "am", "rpps", "adeli", "finess", "iban", "siren", "siret"}));
  cmd->add_option("VALUE", args->value, "la valeur telle qu'imprimée, espaces permis")->required();
  cmd->add_flag("--json", args->json, "sortie JSON");
  cmd->callback([args, &exit_code] {
    auto info = CheckIdentifier(args->kind, args->value);
    if (args->json) {
      nlohmann::ordered_json j;
      j["kind"] = args->kind;
      j["valid"] = info.ok();
      if (info.ok()) {
        j["value"] = info->normalized;
        for (const auto& [name, part] : info->parts) j["parts"][name] = part;
        j["warnings"] = info->warnings;
      } else {
        j["reason"] = info.status().message();
      }
      std::cout << j.dump(2) << "\n";
    } else if (info.ok()) {
      std::cout << "valide : " << info->normalized << "\n";
      for (const auto& [name, part] : info->parts) std::cout << "  " << name << " : " << part << "\n";
      for (const auto& warning : info->warnings) std::cout << "  attention : " << warning << "\n";
    } else {
      std::cout << "invalide : " << info.status().message() << "\n";
    }
    exit_code = info.ok() ? 0 : 1;
  });
}

const CommandRegistration kRegistration(AddCheckIdCommand);

}  // namespace
}  // namespace liasse::cli
