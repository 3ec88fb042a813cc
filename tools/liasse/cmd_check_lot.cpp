// liasse check-lot ENVELOPE.json...: runs the B2 lot rules on contract-shaped
// envelopes (documents already extracted) and prints the `lots` verdicts.
// Envelopes are taken in the order given and share one prescription memory,
// so a later lot for the same treatment needs no prescription copy.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "commands.h"
#include "liasse/core/document_json.h"
#include "liasse/rules/lot.h"
#include "liasse/rules/memory_history.h"
#include "liasse/store/database.h"
#include "liasse/store/prescription_history_store.h"

namespace liasse::cli {

namespace {

void AddCheckLotCommand(CLI::App& app, int& exit_code) {
  struct Args {
    std::vector<std::string> inputs;
    std::string data_dir;
    std::string out_dir;
    std::string db_path;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("check-lot", "Contrôle les lots B2 d'enveloppes déjà extraites (JSON du contrat)");
  cmd->add_option("ENVELOPE", args->inputs, "fichiers JSON au format liasse.result/1 (documents)")->required();
  cmd->add_option("--data", args->data_dir, "dossier des données (contient rules/lots.toml)");
  cmd->add_option("--out", args->out_dir, "écrit chaque enveloppe, avec ses `lots`, dans ce dossier");
  cmd->add_option("--db", args->db_path,
                  "base SQLite qui garde les prescriptions déjà reçues d'un lot à l'autre "
                  "(sinon : mémoire de cette seule commande)");
  cmd->callback([args, &exit_code] {
    const std::filesystem::path data =
        args->data_dir.empty() ? rules::LotRuleSet::DefaultDataDir() : std::filesystem::path(args->data_dir);
    auto rule_set = rules::LotRuleSet::Load(data);
    if (!rule_set.ok()) {
      std::cerr << "liasse check-lot: " << rule_set.status().message() << "\n";
      exit_code = 2;
      return;
    }
    // First transmission needs memory: the store's when --db is given.
    rules::MemoryPrescriptionHistory memory_history;
    std::optional<store::Database> db;
    std::unique_ptr<store::SqlitePrescriptionHistory> stored_history;
    PrescriptionHistory* history = &memory_history;
    if (!args->db_path.empty()) {
      auto opened = store::Database::Open(args->db_path);
      if (opened.ok()) db.emplace(std::move(*opened));
      auto sqlite_history = opened.ok() ? store::SqlitePrescriptionHistory::Open(*db)
                                        : Result<std::unique_ptr<store::SqlitePrescriptionHistory>>(opened.status());
      if (!sqlite_history.ok()) {
        std::cerr << "liasse check-lot: " << args->db_path << ": " << sqlite_history.status().message() << "\n";
        exit_code = 2;
        return;
      }
      stored_history = std::move(*sqlite_history);
      history = stored_history.get();
    }
    nlohmann::ordered_json report = nlohmann::ordered_json::array();
    exit_code = 0;
    for (const std::string& input : args->inputs) {
      auto envelope = ReadEnvelopeFile(input);
      if (!envelope.ok()) {
        std::cerr << "liasse check-lot: " << envelope.status().message() << "\n";
        report.push_back({{"source", input}, {"error", envelope.status().message()}});
        exit_code = 1;
        continue;
      }
      auto verdicts = rules::CheckLots(envelope->documents, *rule_set, *history);
      if (!verdicts.ok()) {
        std::cerr << "liasse check-lot: " << input << ": " << verdicts.status().message() << "\n";
        exit_code = 1;
        continue;
      }
      for (const rules::Lot& lot : rules::AssembleLots(envelope->documents)) {
        if (Status s = rules::RememberPrescriptions(envelope->documents, lot, *history); !s.ok()) {
          std::cerr << "liasse check-lot: " << input << ": " << s.message() << "\n";
          exit_code = 1;
        }
      }
      const std::string lots_json = rules::LotsToJson(*verdicts, -1);
      report.push_back({{"source", input}, {"lots", nlohmann::ordered_json::parse(lots_json)}});
      if (!args->out_dir.empty()) {
        envelope->other_members["lots"] = lots_json;
        std::filesystem::create_directories(args->out_dir);
        const auto path = std::filesystem::path(args->out_dir) / std::filesystem::path(input).filename();
        std::ofstream out(path, std::ios::binary);
        out << EnvelopeToJson(*envelope) << "\n";
        if (!out) {
          std::cerr << "liasse check-lot: " << path.string() << ": écriture impossible\n";
          exit_code = 1;
        }
      }
    }
    std::cout << report.dump(2) << "\n";
  });
}

const CommandRegistration kRegistration(AddCheckLotCommand);

}  // namespace
}  // namespace liasse::cli
