// `liasse members import FILE.csv|.json [--db FILE]`: validates every member
// (NIR key, IBAN, ISO dates, niveau known to data/garanties) and upserts them
// in one transaction; nothing is imported when one record is invalid.
// `liasse partenaires import FILE.csv [--db FILE]`: the same for the
// professionals who send B2 lots, with their postal address.
#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "liasse/pricing/data.h"
#include "liasse/store/members_import.h"
#include "liasse/store/store.h"

namespace liasse::cli {

namespace {

struct MembersArgs {
  std::string file;
  std::string db = "liasse.sqlite";
  std::string data_dir = pricing::DefaultDataDir();
};

int RunImport(const MembersArgs& a) {
  auto members = store::ReadMembersFile(a.file);
  if (!members.ok()) {
    std::cerr << "liasse members import: " << members.status().message() << "\n";
    return 1;
  }
  auto data = pricing::PricingData::Load(a.data_dir);
  if (!data.ok()) {
    std::cerr << "liasse members import: " << data.status().message() << "\n";
    return 1;
  }
  for (const auto& m : *members) {
    if (data->tables.Find(m.niveau) == nullptr) {
      std::cerr << "liasse members import: " << a.file << ": " << m.numero_adherent << ": niveau " << m.niveau
                << " sans tableau de garanties\n";
      return 1;
    }
  }
  auto st = store::Store::Open(a.db);
  if (!st.ok()) {
    std::cerr << "liasse members import: " << st.status().message() << "\n";
    return 1;
  }
  for (const auto& name : data->tables.Contracts()) {
    const auto* t = data->tables.Find(name);
    if (auto s = st->UpsertContract(name, t->responsable(), t->valid_from()); !s.ok()) {
      std::cerr << "liasse members import: " << s.message() << "\n";
      return 1;
    }
  }
  if (auto s = st->UpsertMembers(*members); !s.ok()) {
    std::cerr << "liasse members import: " << a.db << ": " << s.message() << "\n";
    return 1;
  }
  auto total = st->CountMembers();
  std::cout << members->size() << " adhérents importés dans " << a.db << " (" << total.value_or(0)
            << " au total)\n";
  return 0;
}

int RunPartenairesImport(const MembersArgs& a) {
  auto partenaires = store::ReadPartenairesFile(a.file);
  if (!partenaires.ok()) {
    std::cerr << "liasse partenaires import: " << partenaires.status().message() << "\n";
    return 1;
  }
  auto st = store::Store::Open(a.db);
  if (!st.ok()) {
    std::cerr << "liasse partenaires import: " << st.status().message() << "\n";
    return 1;
  }
  if (auto s = st->UpsertPartenaires(*partenaires); !s.ok()) {
    std::cerr << "liasse partenaires import: " << a.db << ": " << s.message() << "\n";
    return 1;
  }
  std::cout << partenaires->size() << " professionnel(s) importé(s) dans " << a.db << "\n";
  return 0;
}

void AddMembersCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<MembersArgs>();
  auto* cmd = app.add_subcommand("members", "Adhérents : import dans la base");
  cmd->require_subcommand(1);
  auto* import = cmd->add_subcommand("import", "Importe un fichier d'adhérents (CSV samples/members.csv ou JSON)");
  import->add_option("FILE", args->file, "fichier .csv ou .json")->required()->check(CLI::ExistingFile);
  import->add_option("--db", args->db, "base SQLite")->default_val(args->db);
  import->add_option("--data", args->data_dir, "dossier des données")->default_val(args->data_dir);
  import->callback([args, &exit_code] { exit_code = RunImport(*args); });

  auto pargs = std::make_shared<MembersArgs>();
  auto* partenaires = app.add_subcommand("partenaires", "Professionnels (auxiliaires médicaux, centres) : import dans la base");
  partenaires->require_subcommand(1);
  auto* pimport = partenaires->add_subcommand(
      "import", "Importe les professionnels et leur adresse postale (CSV identifiant,nom,adresse,code_postal,ville,email)");
  pimport->add_option("FILE", pargs->file, "fichier .csv")->required()->check(CLI::ExistingFile);
  pimport->add_option("--db", pargs->db, "base SQLite")->default_val(pargs->db);
  pimport->callback([pargs, &exit_code] { exit_code = RunPartenairesImport(*pargs); });
}

const CommandRegistration kRegistration(AddMembersCommand);

}  // namespace
}  // namespace liasse::cli
