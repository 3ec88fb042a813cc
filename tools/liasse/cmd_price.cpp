// `liasse price CLAIM.json`: prices one claim (or {"claims": [...]}) and
// prints {"claims": [...]} with the line fields of docs/results.md,
// each line explained by its French trace. Claims of one file share their
// counters (forfaits, séances, optique renewal) in file order. With --db, a
// claim naming a member of the store is priced with the store's contract
// level, adhesion / end dates and birth date.
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <nlohmann/json.hpp>
#include <string>

#include "claim_json.h"
#include "commands.h"
#include "french_cli.h"
#include "liasse/pricing/data.h"
#include "liasse/pricing/pricer.h"
#include "liasse/store/store.h"

namespace liasse::cli {

namespace {

struct PriceArgs {
  std::string file;
  std::string data_dir = pricing::DefaultDataDir();
  std::string db;  // empty: counters in memory, nothing saved
};

// Members imported with `liasse members import`: their contract level,
// coverage dates and birth date are the reference for their claims.
MemberLookup MemberLookupIn(store::Store& db) {
  return [&db](std::string_view numero) -> Result<std::optional<MemberCoverage>> {
    auto m = db.FindMember(numero);
    if (!m.ok()) {
      if (m.status().code() == StatusCode::kNotFound) return std::optional<MemberCoverage>();
      return m.status();
    }
    return std::optional<MemberCoverage>(MemberCoverage{m->niveau, m->date_naissance, m->date_adhesion, m->date_fin});
  };
}

int Run(const PriceArgs& a) {
  std::ifstream in(a.file);
  if (!in) {
    std::cerr << "liasse price: " << a.file << ": fichier illisible\n";
    return 1;
  }
  nlohmann::json j;
  try {
    in >> j;
  } catch (const nlohmann::json::exception& e) {
    std::cerr << "liasse price: " << a.file << ": JSON invalide : " << e.what() << "\n";
    return 1;
  }
  std::optional<store::Store> db;
  if (!a.db.empty()) {
    if (Status st = RequireExistingStore(a.db); !st.ok()) {
      std::cerr << "liasse price: " << st.message() << "\n";
      return 2;
    }
    auto opened = store::Store::Open(a.db);
    if (!opened.ok()) {
      std::cerr << "liasse price: " << opened.status().message() << "\n";
      return 1;
    }
    db.emplace(std::move(*opened));
  }
  auto claims = ClaimsFromJson(j, db ? MemberLookupIn(*db) : MemberLookup());
  if (!claims.ok()) {
    std::cerr << "liasse price: " << a.file << ": " << claims.status().message() << "\n";
    return 1;
  }
  auto data = pricing::PricingData::Load(a.data_dir);
  if (!data.ok()) {
    std::cerr << "liasse price: " << data.status().message() << "\n";
    return 1;
  }
  pricing::Pricer pricer(data->tables, data->tariffs);
  pricing::InMemoryCounters memory;
  Counters& counters = db ? db->counters() : static_cast<Counters&>(memory);
  nlohmann::ordered_json out;
  out["claims"] = nlohmann::ordered_json::array();
  int code = 0;
  for (const auto& claim : *claims) {
    auto priced = pricer.PriceAndRecord(claim, counters);
    if (!priced.ok()) {
      std::cerr << "liasse price: " << a.file << ": " << priced.status().message() << "\n";
      nlohmann::ordered_json err;
      err["id"] = claim.id;
      err["error"] = priced.status().message();
      out["claims"].push_back(std::move(err));
      code = 1;
      continue;
    }
    if (db) {
      if (auto st = db->SavePricedClaim(*priced); !st.ok()) {
        std::cerr << "liasse price: " << a.db << ": " << st.message() << "\n";
        code = 1;
      }
    }
    out["claims"].push_back(PricedClaimToJson(*priced));
  }
  std::cout << out.dump(2) << "\n";
  return code;
}

void AddPriceCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<PriceArgs>();
  auto* cmd = app.add_subcommand("price", "Liquide une demande (JSON) : part Sécurité sociale, mutuelle, reste à charge, trace");
  cmd->add_option("CLAIM", args->file, "demande au format JSON (une demande ou {\"claims\": [...]})")->required();
  cmd->add_option("--data", args->data_dir, "dossier des données")->default_val(args->data_dir);
  cmd->add_option("--db", args->db,
                  "base SQLite : adhérents importés (contrat, dates d'adhésion et de naissance pris dans la base), "
                  "compteurs (forfaits, séances, optique) consommés une seule fois par demande, "
                  "demandes liquidées enregistrées");
  cmd->callback([args, &exit_code] { exit_code = Run(*args); });
}

const CommandRegistration kRegistration(AddPriceCommand);

}  // namespace
}  // namespace liasse::cli
