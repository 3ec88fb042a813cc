// `liasse mail send` and `liasse mail status`: drain the décompte outbox to
// the operator's SMTP server, and show where every message stands.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "french_cli.h"
#include "liasse/mail/config.h"
#include "liasse/mail/sender.h"
#include "liasse/store/outbox_store.h"

namespace liasse::cli {

namespace {

struct MailArgs {
  std::string db = "liasse.db";
  std::string config = std::string(LIASSE_DATA_DIR) + "/mail/operator.toml";
  int64_t limit = 0;
  int connections = 0;
  bool list_failed = false;
  bool full_sync = false;
};

// One sender at a time per outbox: a second one would take the first one's
// messages in flight for crashed ones. The kernel drops the lock when the
// holder dies, even by kill -9.
class SenderLock {
 public:
  explicit SenderLock(const std::string& db) : fd_(open((db + ".send-lock").c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600)) {}
  ~SenderLock() {
    if (fd_ >= 0) close(fd_);
  }
  SenderLock(const SenderLock&) = delete;
  SenderLock& operator=(const SenderLock&) = delete;
  bool Acquire() { return fd_ >= 0 && flock(fd_, LOCK_EX | LOCK_NB) == 0; }

 private:
  int fd_;
};

int RunSend(const MailArgs& args) {
  if (Status st = RequireExistingStore(args.db); !st.ok()) {
    std::cerr << "liasse mail send: " << st.message() << "\n";
    return 2;
  }
  auto config = mail::LoadMailConfig(args.config);
  if (!config.ok()) {
    std::cerr << "liasse mail send: " << config.status().message() << "\n";
    return 2;
  }
  SenderLock lock(args.db);
  if (!lock.Acquire()) {
    std::cerr << "liasse mail send: " << args.db << " : un autre `liasse mail send` travaille déjà sur cette file d'envoi\n";
    return 1;
  }
  store::OutboxStoreOptions store_options;
  store_options.full_sync = args.full_sync;
  auto outbox = store::OutboxStore::Open(args.db, store_options);
  if (!outbox.ok()) {
    std::cerr << "liasse mail send: " << outbox.status().message() << "\n";
    return 2;
  }
  mail::SendOptions options;
  options.connections = args.connections > 0 ? args.connections : config->connections;
  options.limit = args.limit;
  options.retry = config->retry;
  options.clock = &SystemClock();
  auto report = mail::SendPending(**outbox, config->smtp, options);
  if (!report.ok()) {
    std::cerr << "liasse mail send: " << report.status().message() << "\n";
    return 1;
  }
  for (const auto& line : report->errors) std::cerr << "liasse mail send: " << line << "\n";
  std::cout << "envoyés : " << report->sent << ", à réessayer : " << report->retry << ", en échec : " << report->failed
            << ", repris après interruption : " << report->recovered << "\n";
  return report->retry == 0 && report->failed == 0 && report->errors.empty() ? 0 : 1;
}

int RunStatus(const MailArgs& args) {
  if (Status st = RequireExistingStore(args.db); !st.ok()) {
    std::cerr << "liasse mail status: " << st.message() << "\n";
    return 2;
  }
  auto outbox = store::OutboxStore::Open(args.db);
  if (!outbox.ok()) {
    std::cerr << "liasse mail status: " << outbox.status().message() << "\n";
    return 2;
  }
  auto counts = (*outbox)->Counts();
  if (!counts.ok()) {
    std::cerr << "liasse mail status: " << counts.status().message() << "\n";
    return 1;
  }
  std::cout << "en file : " << counts->queued << "\nen cours : " << counts->sending << "\nenvoyés : " << counts->sent
            << "\nà réessayer : " << counts->retry << "\nen échec : " << counts->failed << "\n";
  if (args.list_failed) {
    for (auto state : {OutboxState::kRetry, OutboxState::kFailed}) {
      auto rows = (*outbox)->List(state);
      if (!rows.ok()) {
        std::cerr << "liasse mail status: " << rows.status().message() << "\n";
        return 1;
      }
      for (const auto& row : *rows) {
        std::cout << OutboxStateName(row.state) << "\t" << row.decompte_id << "\t" << row.recipient << "\t"
                  << row.attempts << " essai(s)\t" << row.last_reply << "\n";
      }
    }
  }
  return 0;
}

void AddMailCommand(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<MailArgs>();
  auto* cmd = app.add_subcommand("mail", "Envoie les décomptes par e-mail (file d'envoi SMTP)");
  cmd->require_subcommand(1);

  auto* send = cmd->add_subcommand("send", "Envoie les messages en attente de la file d'envoi");
  send->add_option("--db", args->db, "base de la file d'envoi (SQLite)")->capture_default_str();
  send->add_option("--config", args->config, "configuration e-mail de l'opérateur (TOML)")->capture_default_str();
  send->add_option("--limit", args->limit, "au plus N messages (0 : tous)")->check(CLI::NonNegativeNumber);
  send->add_option("--connections", args->connections, "connexions SMTP parallèles (0 : celles de la configuration)")
      ->check(CLI::Range(0, 64));
  send->add_flag("--full-sync", args->full_sync,
                 "synchronise chaque changement d'état sur disque (résiste aussi à une panne de courant ; plus lent)");
  send->callback([args, &exit_code] { exit_code = RunSend(*args); });

  auto* status = cmd->add_subcommand("status", "Compte les messages par état");
  status->add_option("--db", args->db, "base de la file d'envoi (SQLite)")->capture_default_str();
  status->add_flag("--failed", args->list_failed, "liste les messages à réessayer et en échec avec la réponse du serveur");
  status->callback([args, &exit_code] { exit_code = RunStatus(*args); });
}

const CommandRegistration kRegistration(AddMailCommand);

}  // namespace
}  // namespace liasse::cli
