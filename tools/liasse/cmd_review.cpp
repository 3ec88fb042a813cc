// `liasse review list|set|validate`: an operator clears what the reader
// was unsure of, from the command line, until the verification station
// exists; both call the correction service of liasse/runner/review.h.
#include <cstdlib>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "french_cli.h"
#include "liasse/runner/review.h"
#include "omp_env.h"

namespace liasse::cli {
namespace {

struct ReviewArgs {
  std::string out = "out";
  std::string db;
  std::string data;
  std::string operateur;
  std::string date;
  bool no_mail = false;
  bool json = false;
  std::string envelope;
  int document = 0;
  std::string field;
  int ligne = 0;  // 1-based as shown; 0: a field of the document
  std::string value;
};

void AddCommonOptions(CLI::App& cmd, ReviewArgs& a) {
  cmd.add_option("--out", a.out, "dossier des résultats de liasse process (défaut : out)");
  cmd.add_option("--db", a.db, "base SQLite (défaut : DOSSIER/liasse.db ; jamais créée ici)");
  cmd.add_option("--data", a.data, "dossier des données (défaut : celui de l'installation)")
      ->check(CLI::ExistingDirectory);
}

void AddChangeOptions(CLI::App& cmd, ReviewArgs& a) {
  AddCommonOptions(cmd, a);
  cmd.add_option("--operateur", a.operateur, "qui corrige (défaut : la variable USER)");
  cmd.add_option("--date", a.date, "date des courriers refaits (défaut : aujourd'hui)")->check(IsoDateValidator());
  cmd.add_flag("--no-mail", a.no_mail, "ne met aucun courrier en file d'envoi");
}

runner::ReviewOptions OptionsOf(const ReviewArgs& a) {
  runner::ReviewOptions o;
  o.out_dir = a.out;
  o.database = a.db;
  o.data_dir = a.data;
  o.operateur = a.operateur;
  if (o.operateur.empty()) {
    const char* user = std::getenv("USER");
    if (user != nullptr) o.operateur = user;
  }
  if (!a.date.empty()) o.today = Date::Parse(a.date).value();  // checked by IsoDateValidator
  o.queue_letters = !a.no_mail;
  return o;
}

// What `liasse review set` would be typed to clear `item`.
std::string SetCommand(const runner::ReviewItem& item) {
  std::string cmd = "liasse review set " + item.envelope + " " + std::to_string(item.document) + " " + item.field;
  if (item.line) cmd += " --ligne " + std::to_string(*item.line + 1);
  return cmd + " VALEUR";
}

void PrintItem(const runner::ReviewItem& item) {
  if (item.document < 0) {
    std::cout << "  pli : " << item.reason << "\n";
    return;
  }
  std::cout << "  document " << item.document << " (" << item.type << ") " << item.field;
  if (item.line) std::cout << " ligne " << *item.line + 1;
  std::cout << " : " << (item.value ? "lu « " + *item.value + " »" : "non lu") << " — " << item.reason;
  if (item.blocks_payment) std::cout << " [bloque le paiement]";
  std::cout << "\n";
  if (!item.candidates.empty()) {
    std::cout << "      candidats :";
    for (const auto& c : item.candidates) std::cout << " « " << c << " »";
    std::cout << "\n";
  }
  std::cout << "      " << SetCommand(item) << "\n";
}

nlohmann::ordered_json QueueJson(const runner::ReviewQueue& q) {
  nlohmann::ordered_json j;
  j["items"] = nlohmann::ordered_json::array();
  for (const auto& i : q.items) {
    nlohmann::ordered_json item;
    item["envelope"] = i.envelope;
    if (i.document >= 0) {
      item["document"] = i.document;
      item["type"] = i.type;
      item["field"] = i.field;
      if (i.line) item["line"] = *i.line;
      item["value"] = i.value ? nlohmann::ordered_json(*i.value) : nlohmann::ordered_json(nullptr);
      item["candidates"] = i.candidates;
      item["bloque_paiement"] = i.blocks_payment;
    }
    item["reason"] = i.reason;
    j["items"].push_back(std::move(item));
  }
  j["claims_waiting"] = q.claims_waiting;
  j["addresses_waiting"] = q.addresses_waiting;
  return j;
}

int RunList(const ReviewArgs& a) {
  auto queue = runner::ListReview(OptionsOf(a));
  if (!queue.ok()) {
    std::cerr << "liasse review list: " << queue.status().message() << "\n";
    return 2;
  }
  if (a.json) {
    std::cout << QueueJson(*queue).dump(2) << "\n";
    return 0;
  }
  std::string envelope;
  for (const auto& item : queue->items) {
    if (item.envelope != envelope) std::cout << (envelope = item.envelope) << "\n";
    PrintItem(item);
  }
  if (queue->items.empty()) std::cout << "Aucun point à revoir.\n";
  if (!queue->claims_waiting.empty()) std::cout << "demandes en attente de vérification :\n";
  for (const auto& c : queue->claims_waiting) std::cout << "  " << c << "\n";
  if (!queue->addresses_waiting.empty()) {
    std::cout << "adresses e-mail en attente de confirmation (liasse members confirm-email NUMERO ADRESSE) :\n";
  }
  for (const auto& w : queue->addresses_waiting) std::cout << "  " << w << "\n";
  return 0;
}

int PrintOutcome(const char* command, const Result<runner::CorrectionOutcome>& outcome) {
  if (!outcome.ok()) {
    std::cerr << "liasse review " << command << ": " << outcome.status().message() << "\n";
    return outcome.status().code() == StatusCode::kInvalidArgument ? 1 : 2;
  }
  if (!outcome->changed) {
    std::cout << "Aucun changement : " << outcome->result.string() << " reste à la version " << outcome->version << ".\n";
  } else {
    std::cout << outcome->result.string() << " : version " << outcome->version << " (précédente gardée dans "
              << outcome->kept.string() << ")\n"
              << "demandes : " << outcome->claims_paid << " payée(s) " << outcome->paid.ToFrench() << ", "
              << outcome->claims_waiting << " en attente, " << outcome->claims_refused << " refusée(s)\n"
              << "courriers : " << outcome->letters_queued << " mis en file d'envoi, " << outcome->letters_waiting
              << " en attente de vérification\n";
  }
  for (const auto& r : outcome->remaining) std::cout << "  reste à revoir : " << r << "\n";
  return 0;
}

void AddReviewCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ReviewArgs>();
  auto* cmd = app.add_subcommand("review", "Vérification : points à revoir, corrections et validations d'un opérateur");
  cmd->require_subcommand(1);

  auto* list = cmd->add_subcommand("list", "Liste les champs à revoir (raison, valeur lue, candidats) et ce qui attend");
  AddCommonOptions(*list, *args);
  list->add_flag("--json", args->json, "sortie JSON");
  list->callback([args, &exit_code] { exit_code = RunList(*args); });

  auto* set = cmd->add_subcommand("set", "Corrige un champ lu ; la chaîne (règles, tarification, courriers) est rejouée");
  set->add_option("ENVELOPE", args->envelope, "pli (nom du résultat, sans .json)")->required();
  set->add_option("DOCUMENT", args->document, "numéro du document (à partir de 0, comme dans le résultat)")
      ->required()
      ->check(CLI::NonNegativeNumber);
  set->add_option("FIELD", args->field, "champ (ex. assure.nir) ou colonne d'une ligne avec --ligne")->required();
  set->add_option("VALUE", args->value, "valeur (dates AAAA-MM-JJ ou JJ/MM/AAAA, montants en euros)")->required();
  set->add_option("--ligne", args->ligne, "ligne du tableau (à partir de 1)")->check(CLI::PositiveNumber);
  AddChangeOptions(*set, *args);
  set->callback([args, &exit_code] {
    EnsureSingleThreadedOpenMp();
    runner::FieldCorrection c{args->envelope, args->document, args->field, std::nullopt, args->value};
    if (args->ligne > 0) c.line = args->ligne - 1;
    exit_code = PrintOutcome("set", runner::CorrectField(OptionsOf(*args), c));
  });

  auto* validate = cmd->add_subcommand("validate", "Accepte les valeurs lues d'un document telles quelles");
  validate->add_option("ENVELOPE", args->envelope, "pli (nom du résultat, sans .json)")->required();
  validate->add_option("DOCUMENT", args->document, "numéro du document (à partir de 0)")
      ->required()
      ->check(CLI::NonNegativeNumber);
  AddChangeOptions(*validate, *args);
  validate->callback([args, &exit_code] {
    EnsureSingleThreadedOpenMp();
    exit_code = PrintOutcome("validate", runner::ValidateDocument(OptionsOf(*args), args->envelope, args->document));
  });
}

const CommandRegistration kRegistration(AddReviewCommand);

}  // namespace
}  // namespace liasse::cli
