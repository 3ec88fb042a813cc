// `liasse members import FILE.csv|.json [--db FILE]`: validates every member
// (NIR key, IBAN, ISO dates, niveau known to data/garanties) and upserts them
// in one transaction; nothing is imported when one record is invalid. A
// changed e-mail address is unproven: it first gets the confirmation
// message of the mail configuration (no health data), and décomptes go
// there only after `liasse members confirm-email`. `liasse members
// pending-emails` lists the addresses that wait.
// `liasse partenaires import FILE.csv [--db FILE]`: the same for the
// professionals who send B2 lots, with their postal address.
#include <ctime>
#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "liasse/mail/address_notice.h"
#include "liasse/mail/config.h"
#include "liasse/pricing/data.h"
#include "liasse/store/members_import.h"
#include "liasse/store/outbox_store.h"
#include "liasse/store/store.h"

namespace liasse::cli {

namespace {

struct MembersArgs {
  std::string file;
  std::string db = "liasse.sqlite";
  std::string data_dir = pricing::DefaultDataDir();
  std::string mail_config = std::string(LIASSE_DATA_DIR) + "/mail/operator.toml";
  std::string numero;
  std::string email;
};

// The RFC 5322 date of now, in UTC (the C locale's day and month names).
std::string RfcNow() {
  const std::time_t t = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S +0000", &utc);
  return buffer;
}

// Queues the confirmation message (no health data) for every unproven
// address not yet told; returns how many were queued.
Result<int> QueueAddressNotices(store::Store& st, const MembersArgs& a) {
  auto waiting = st.UnprovenEmails();
  if (!waiting.ok()) return waiting.status();
  int queued = 0;
  for (const auto& w : *waiting) {
    if (w.notified) continue;
    auto config = mail::LoadMailConfig(a.mail_config);
    if (!config.ok()) return config.status();
    auto message = mail::AddressNoticeMessage(config->address_notice, config->sender, w.numero_adherent, w.email,
                                              w.since, RfcNow());
    if (!message.ok()) return message.status().WithContext(a.mail_config);
    auto outbox = store::OutboxStore::Open(a.db);
    if (!outbox.ok()) return outbox.status();
    if (auto id = (*outbox)->Enqueue(*message); !id.ok()) return id.status();
    if (Status s = st.MarkEmailNotified(w.numero_adherent); !s.ok()) return s;
    ++queued;
  }
  return queued;
}

int RunPending(const MembersArgs& a) {
  auto st = store::Store::Open(a.db);
  auto waiting = st.ok() ? st->UnprovenEmails() : Result<std::vector<store::MemberEmail>>(st.status());
  if (!waiting.ok()) {
    std::cerr << "liasse members pending-emails : " << waiting.status().message() << "\n";
    return 1;
  }
  for (const auto& w : *waiting) {
    std::cout << w.numero_adherent << " " << w.email << " depuis " << w.since
              << (w.notified ? " (message de confirmation en file)" : "") << "\n";
  }
  std::cout << waiting->size() << " adresse(s) en attente de confirmation\n";
  return 0;
}

int RunConfirm(const MembersArgs& a) {
  auto st = store::Store::Open(a.db);
  Status s = st.ok() ? st->ConfirmEmail(a.numero, a.email) : st.status();
  if (!s.ok()) {
    std::cerr << "liasse members confirm-email : " << s.message() << "\n";
    return s.code() == StatusCode::kIoError ? 1 : 2;
  }
  std::cout << a.numero << " : adresse confirmée, les décomptes y partiront\n";
  return 0;
}

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
  auto notices = QueueAddressNotices(*st, a);
  if (!notices.ok()) {
    std::cerr << "liasse members import : " << notices.status().message() << "\n";
    return 1;
  }
  if (*notices > 0) {
    std::cout << *notices << " adresse(s) e-mail nouvelle(s) : message de confirmation en file, décomptes par "
              << "courrier jusqu'à `liasse members confirm-email`\n";
  }
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
  import->add_option("--mail-config", args->mail_config, "configuration mail (message de confirmation d'adresse)")
      ->default_val(args->mail_config);
  import->callback([args, &exit_code] { exit_code = RunImport(*args); });
  auto* pending = cmd->add_subcommand("pending-emails", "Adresses e-mail en attente de confirmation");
  pending->add_option("--db", args->db, "base SQLite")->default_val(args->db);
  pending->callback([args, &exit_code] { exit_code = RunPending(*args); });
  auto* confirm = cmd->add_subcommand(
      "confirm-email", "Confirme l'adresse e-mail actuelle d'un adhérent : les décomptes pourront y partir");
  confirm->add_option("NUMERO", args->numero, "numéro d'adhérent")->required();
  confirm->add_option("EMAIL", args->email, "l'adresse vérifiée (doit être l'adresse actuelle)")->required();
  confirm->add_option("--db", args->db, "base SQLite")->default_val(args->db);
  confirm->callback([args, &exit_code] { exit_code = RunConfirm(*args); });

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
