// bench-mail: messages per second from the outbox to a local SMTP server.
//
// Starts tests/mail/smtp_server.py on 127.0.0.1 (aiosmtpd, storing every
// message to a temporary folder), queues N décomptes with a PDF attachment
// of --attachment-kb KB in a fresh SQLite outbox, and times
// mail::SendPending with 1 and then 4 connections (a fresh outbox each).
// Prints one line per run. Goal: ≥ 200 messages/s with 100 KB attachments.
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "liasse/mail/mime.h"
#include "liasse/mail/sender.h"
#include "liasse/store/outbox_store.h"

namespace fs = std::filesystem;
using namespace liasse;

namespace {

double CpuSeconds(int who) {
  rusage usage{};
  getrusage(who, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Server {
  pid_t pid = -1;
  uint16_t port = 0;
  ~Server() {
    if (pid > 0) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
    }
  }
};

bool StartServer(Server& server, const std::string& python, const fs::path& dir, bool parse) {
  std::vector<std::string> args = {python, std::string(LIASSE_SOURCE_DIR) + "/tests/mail/smtp_server.py", "--dir",
                                   dir.string(), "--pipelining", "--fast-data"};
  if (parse) args.emplace_back("--parse");
  int out[2];
  if (pipe(out) != 0) return false;
  server.pid = fork();
  if (server.pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  std::string line;
  for (int i = 0; i < 75 && line.find('\n') == std::string::npos; ++i) {
    pollfd pfd{out[0], POLLIN, 0};
    if (poll(&pfd, 1, 200) <= 0) continue;
    char buf[64];
    const ssize_t n = read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    line.append(buf, static_cast<std::size_t>(n));
  }
  close(out[0]);
  if (line.rfind("PORT ", 0) != 0) return false;
  server.port = static_cast<uint16_t>(std::stoi(line.substr(5)));
  return true;
}

mail::OutboxMessage Decompte(int n, const std::string& attachment) {
  mail::DecompteMail m;
  m.decompte_id = "BENCH-" + std::to_string(n);
  m.to_address = "adherent" + std::to_string(n) + "@example.org";
  m.to_name = "Adhérent " + std::to_string(n);
  m.subject = "Votre décompte de remboursement n° " + std::to_string(n);
  m.text = "Madame, Monsieur,\n\nVeuillez trouver ci-joint votre relevé de remboursement.\n\nCPMS\n";
  m.html = "<p>Madame, Monsieur,</p><p>Veuillez trouver ci-joint votre relevé de remboursement.</p>";
  m.date = "Mon, 23 Nov 2026 08:00:00 +0100";
  m.attachments.push_back({"decompte-" + std::to_string(n) + ".pdf", "application/pdf", attachment});
  const mail::OperatorIdentity op{"CPMS", "prestations@cpms.example", "", "cpms.example"};
  auto mime = mail::BuildMime(m, op);
  if (!mime.ok()) std::abort();
  return {m.decompte_id, mail::MessageIdFor(m.decompte_id, op.message_id_domain), op.from_address, m.to_address,
          std::move(mime).value()};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"bench-mail — débit d'envoi SMTP depuis la file d'envoi vers un serveur local"};
  int messages = 1000;
  int attachment_kb = 100;
  bool parse = false;
  bool full_sync = true;
  std::string python = "/usr/bin/python3";
  std::vector<int> connections = {1, 4};
  app.add_option("--messages", messages, "messages per run")->check(CLI::PositiveNumber);
  app.add_option("--attachment-kb", attachment_kb, "attachment size (KB)")->check(CLI::PositiveNumber);
  app.add_option("--connections", connections, "connection counts to run")->expected(1, 8);
  app.add_flag("--parse", parse, "the server also parses each message (slower server)");
  app.add_flag("!--no-full-sync", full_sync, "SQLite synchronous = NORMAL instead of FULL");
  app.add_option("--python", python, "Debian python3 with aiosmtpd");
  CLI11_PARSE(app, argc, argv);

  std::mt19937 rng(1);
  std::string attachment(static_cast<std::size_t>(attachment_kb) * 1024, '\0');
  for (auto& c : attachment) c = static_cast<char>(rng() & 0xff);

  char pattern[] = "/tmp/liasse-bench-mail-XXXXXX";
  if (mkdtemp(pattern) == nullptr) return 1;
  const fs::path root = pattern;
  int status = 0;
  for (int n : connections) {
    const fs::path run = root / ("c" + std::to_string(n));
    fs::create_directories(run / "mail");
    const double children_before = CpuSeconds(RUSAGE_CHILDREN);
    auto server = std::make_unique<Server>();
    if (!StartServer(*server, python, run / "mail", parse)) {
      std::cerr << "bench-mail: the SMTP server did not start\n";
      status = 1;
      break;
    }
    store::OutboxStoreOptions store_options;
    store_options.full_sync = full_sync;
    auto outbox = store::OutboxStore::Open((run / "outbox.db").string(), store_options);
    if (!outbox.ok()) {
      std::cerr << outbox.status().ToString() << "\n";
      status = 1;
      break;
    }
    const auto enqueue_start = std::chrono::steady_clock::now();
    std::size_t bytes = 0;
    for (int i = 0; i < messages; ++i) {
      auto m = Decompte(i, attachment);
      bytes += m.mime.size();
      if (!(*outbox)->Enqueue(m).ok()) return 1;
    }
    const double enqueue_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - enqueue_start).count();
    mail::SmtpOptions smtp;
    smtp.port = server->port;
    smtp.starttls = mail::StartTls::kNever;
    mail::SendOptions options;
    options.connections = n;
    const double self_before = CpuSeconds(RUSAGE_SELF);
    const auto start = std::chrono::steady_clock::now();
    auto report = mail::SendPending(**outbox, smtp, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double client_cpu = CpuSeconds(RUSAGE_SELF) - self_before;
    server.reset();  // reaps the server, so its CPU time is counted
    const double server_cpu = CpuSeconds(RUSAGE_CHILDREN) - children_before;
    if (!report.ok() || report->sent != messages) {
      std::cerr << "bench-mail: " << (report.ok() ? std::to_string(report->sent) + " sent" : report.status().ToString())
                << "\n";
      status = 1;
      break;
    }
    std::printf("connections=%d messages=%d attachment=%d KB message=%zu B sync=%s server_parse=%s: %.1f messages/s "
                "(%.2f s, %.1f MB/s); CPU per message: sender %.2f ms, server %.2f ms (whole run); enqueue %.1f messages/s\n",
                n, messages, attachment_kb, bytes / static_cast<std::size_t>(messages), full_sync ? "FULL" : "NORMAL",
                parse ? "yes" : "no", messages / seconds, seconds, static_cast<double>(bytes) / seconds / 1e6,
                client_cpu * 1000 / messages, server_cpu * 1000 / messages, messages / enqueue_s);
  }
  std::error_code ignored;
  fs::remove_all(root, ignored);
  return status;
}
