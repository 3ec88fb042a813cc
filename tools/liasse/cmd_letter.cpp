// liasse letter MODEL.json... --out FILE.pdf: renders letters from JSON
// models (generators/include/liasse/generators/json_models.h). Several models
// are merged into one print-ready PDF for the postal mailroom.
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "commands.h"
#include "liasse/generators/json_models.h"
#include "liasse/generators/letter_generator.h"
#include "liasse/generators/pdf_tools.h"

namespace liasse::cli {

namespace {

using generators::LetterGenerator;
using generators::RenderedLetter;

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": fichier introuvable");
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

Result<RenderedLetter> Render(LetterGenerator& generator, const generators::LetterRequest& request) {
  return std::visit(
      [&generator](const auto& model) -> Result<RenderedLetter> {
        using T = std::decay_t<decltype(model)>;
        if constexpr (std::is_same_v<T, generators::DecompteModel>) return generator.Decompte(model);
        if constexpr (std::is_same_v<T, generators::RenonciationModel>) return generator.Renonciation(model);
        if constexpr (std::is_same_v<T, generators::ReclamationModel>) return generator.AccuseReceptionReclamation(model);
        if constexpr (std::is_same_v<T, generators::LotAnomaliesModel>) return generator.AnomaliesLot(model);
        if constexpr (std::is_same_v<T, generators::DemandePiecesModel>) return generator.DemandePieces(model);
        if constexpr (std::is_same_v<T, generators::RefusRemboursementModel>) return generator.RefusRemboursement(model);
      },
      request.model);
}

// "2025-09-12T08:30:00" → a fixed clock, for byte-stable output.
Result<generators::Timestamp> ParseTimestamp(const std::string& text) {
  LIASSE_ASSIGN_OR_RETURN(auto date, Date::Parse(text.substr(0, 10)));
  generators::Timestamp t;
  t.date = date;
  if (text.size() >= 19 && text[10] == 'T') {
    t.hour = std::stoi(text.substr(11, 2));
    t.minute = std::stoi(text.substr(14, 2));
    t.second = std::stoi(text.substr(17, 2));
  }
  return t;
}

struct LetterArgs {
  std::vector<std::string> models;
  std::string out;
  std::string templates;
  std::string fixed_time;
  bool encrypt = false;    // --password: encrypt by the rule of letterhead.toml
  std::string birth_date;  // the facts the rule may use
  std::string adherent;
};

// The password of the rule from the facts given on the command line; fails
// (naming what is missing) when the rule needs a fact not given.
Result<std::string> RulePassword(const generators::TemplateSet& templates, const LetterArgs& args) {
  generators::PasswordFacts facts;
  facts.numero_adherent = args.adherent;
  if (!args.birth_date.empty()) {
    auto birth = Date::Parse(args.birth_date);
    if (!birth.ok()) return birth.status();
    facts.date_naissance = *birth;
  }
  return templates.UserPassword(facts);
}

void AddLetterCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<LetterArgs>();
  auto* cmd = app.add_subcommand("letter", "Produit un courrier PDF (décompte, renonciation, réclamation, lot, pièces) depuis un modèle JSON");
  cmd->add_option("MODEL", args->models, "modèle(s) JSON {\"kind\": …, \"model\": {…}} ; plusieurs : un seul PDF fusionné")
      ->required();
  cmd->add_option("--out", args->out, "fichier PDF à écrire")->required();
  cmd->add_option("--templates", args->templates, "dossier des modèles de courrier (défaut : templates/)");
  cmd->add_option("--fixed-time", args->fixed_time, "date de création imposée, AAAA-MM-JJTHH:MM:SS (sortie stable)");
  // No password on the command line (it would sit in the shell history and
  // the process list): the one of the rule, made from the member's facts.
  cmd->add_flag("--password", args->encrypt,
                "chiffre le PDF (AES-256, révision 6) avec le mot de passe de la règle [chiffrement] de "
                "letterhead.toml, formé depuis --birth-date et --adherent");
  cmd->add_option("--birth-date", args->birth_date,
                  "date de naissance de l'adhérent AAAA-MM-JJ pour la règle de mot de passe (implique --password)");
  cmd->add_option("--adherent", args->adherent, "numéro d'adhérent pour la règle de mot de passe");
  cmd->callback([args, &exit_code] {
    generators::GeneratorOptions options;
    options.templates_dir = args->templates;
    if (!args->fixed_time.empty()) {
      auto t = ParseTimestamp(args->fixed_time);
      if (!t.ok()) {
        std::cerr << "--fixed-time : " << t.status().message() << "\n";
        exit_code = 2;
        return;
      }
      options.clock = std::make_shared<FixedClock>(FixedClock::At(t->date, t->hour, t->minute, t->second));
    }
    auto generator = LetterGenerator::Create(options);
    if (!generator.ok()) {
      std::cerr << generator.status().ToString() << "\n";
      exit_code = 1;
      return;
    }
    std::vector<std::string> pdfs;
    for (const auto& path : args->models) {
      auto text = ReadFile(path);
      auto request = text.ok() ? generators::ParseLetterRequest(*text) : Result<generators::LetterRequest>(text.status());
      auto letter = request.ok() ? Render(*generator, *request) : Result<RenderedLetter>(request.status());
      if (!letter.ok()) {
        std::cerr << path << ": " << letter.status().ToString() << "\n";
        exit_code = 1;
        return;
      }
      std::cout << path << " : " << generators::LetterKindName(letter->kind) << ", " << letter->pages << " page(s)\n";
      pdfs.push_back(std::move(letter->pdf));
    }
    std::string password;
    if (args->encrypt || !args->birth_date.empty()) {
      auto made = RulePassword(generator->templates(), *args);
      if (!made.ok()) {
        std::cerr << "--password : " << made.status().message() << "\n";
        exit_code = 2;
        return;
      }
      password = std::move(made).value();
      std::cout << "mot de passe d'ouverture : " << generator->templates().PasswordHint() << "\n";
    }
    Result<std::string> out = pdfs.size() == 1 ? Result<std::string>(pdfs.front()) : generators::MergePdfs(pdfs);
    if (out.ok() && !password.empty()) out = generators::EncryptPdf(*out, password);
    if (!out.ok()) {
      std::cerr << out.status().ToString() << "\n";
      exit_code = 1;
      return;
    }
    std::ofstream file(args->out, std::ios::binary);
    file.write(out->data(), static_cast<std::streamsize>(out->size()));
    if (!file) {
      std::cerr << args->out << ": écriture impossible\n";
      exit_code = 1;
      return;
    }
    exit_code = 0;
  });
}

const CommandRegistration kRegistration(AddLetterCommand);

}  // namespace
}  // namespace liasse::cli
