// bench-mail: messages per second from the outbox to a local SMTP server.
//
// Queues N décomptes with a PDF attachment of --attachment-kb KB (each
// message's attachment differs) in a fresh SQLite outbox, starts a server on
// 127.0.0.1 (Postfix's smtp-sink by default, or the tests' aiosmtpd server;
// see servers.h) and times mail::SendPending with 1 and then 4 connections
// (a fresh outbox and server each). Then checks what the server stored:
// every message once, attachment byte-identical after base64 decoding.
// Prints one line per run with the sender's and the server's CPU time per
// message and the load average. Goal (issue #9): ≥ 200 messages/s with
// 100 KB attachments.
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "dump_check.h"
#include "liasse/mail/mime.h"
#include "liasse/mail/sender.h"
#include "liasse/store/outbox_store.h"
#include "servers.h"

namespace fs = std::filesystem;
using namespace liasse;

namespace {

double CpuSeconds(int who) {
  rusage usage{};
  getrusage(who, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

const mail::OperatorIdentity kOperator{"CPMS", "prestations@cpms.example", "", "cpms.example"};

// Message n's attachment: the shared random bytes with n written over the
// first ones, so that a message carrying another's attachment is caught.
std::string AttachmentFor(const std::string& base, int n) {
  std::string bytes = base;
  const std::string stamp = "%PDF-" + std::to_string(n) + "\n";
  bytes.replace(0, std::min(stamp.size(), bytes.size()), stamp.substr(0, std::min(stamp.size(), bytes.size())));
  return bytes;
}

double LoadAverage() {
  double load[1] = {0};
  return getloadavg(load, 1) == 1 ? load[0] : -1;
}

OutboxMessage Decompte(int n, const std::string& attachment) {
  mail::DecompteMail m;
  m.decompte_id = "BENCH-" + std::to_string(n);
  m.to_address = "adherent" + std::to_string(n) + "@example.org";
  m.to_name = "Adhérent " + std::to_string(n);
  m.subject = "Votre décompte de remboursement n° " + std::to_string(n);
  m.text = "Madame, Monsieur,\n\nVeuillez trouver ci-joint votre relevé de remboursement.\n\nCPMS\n";
  m.html = "<p>Madame, Monsieur,</p><p>Veuillez trouver ci-joint votre relevé de remboursement.</p>";
  m.date = "Mon, 23 Nov 2026 08:00:00 +0100";
  m.attachments.push_back({"decompte-" + std::to_string(n) + ".pdf", "application/pdf", attachment});
  auto mime = mail::BuildMime(m, kOperator);
  if (!mime.ok()) std::abort();
  return {m.decompte_id, mail::MessageIdFor(m.decompte_id, kOperator.message_id_domain), kOperator.from_address,
          m.to_address, std::move(mime).value()};
}

struct RunFigures {
  double seconds = 0;
  double sender_cpu_s = 0;
  double server_cpu_s = 0;
  double load_before = 0;
  double load_after = 0;
  std::size_t bytes = 0;
  double enqueue_per_s = 0;
};

struct BenchOptions {
  int messages = 1000;
  int attachment_kb = 100;
  bool full_sync = false;
  std::string server_dir;  // where the server stores what it receives
  bench_mail::ServerKind server = bench_mail::ServerKind::kSmtpSink;
  std::string python = "/usr/bin/python3";
};

// One timed run with `connections` connections in the fresh folder `run`.
// Returns false (with a message on stderr) when anything failed.
bool RunOnce(const BenchOptions& o, int connections, const std::string& base, const fs::path& run,
             const fs::path& dump, RunFigures& f) {
  fs::create_directories(run);
  fs::create_directories(dump);
  store::OutboxStoreOptions store_options;
  store_options.full_sync = o.full_sync;
  auto outbox = store::OutboxStore::Open((run / "outbox.db").string(), store_options);
  if (!outbox.ok()) {
    std::cerr << outbox.status().ToString() << "\n";
    return false;
  }
  std::map<std::string, int> expected;
  const auto enqueue_start = std::chrono::steady_clock::now();
  for (int i = 0; i < o.messages; ++i) {
    auto m = Decompte(i, AttachmentFor(base, i));
    f.bytes += m.mime.size();
    expected[m.message_id] = i;
    if (auto id = (*outbox)->Enqueue(m); !id.ok()) {
      std::cerr << id.status().ToString() << "\n";
      return false;
    }
  }
  f.enqueue_per_s =
      o.messages / std::chrono::duration<double>(std::chrono::steady_clock::now() - enqueue_start).count();

  const double children_before = CpuSeconds(RUSAGE_CHILDREN);
  auto server = std::make_unique<bench_mail::LocalSmtpServer>(o.server, dump, o.python);
  if (!server->Start()) return false;
  mail::SmtpOptions smtp;
  smtp.port = server->port();
  smtp.starttls = mail::StartTls::kNever;
  mail::SendOptions options;
  options.connections = connections;
  f.load_before = LoadAverage();
  const double self_before = CpuSeconds(RUSAGE_SELF);
  const auto start = std::chrono::steady_clock::now();
  auto report = mail::SendPending(**outbox, smtp, options);
  f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  f.sender_cpu_s = CpuSeconds(RUSAGE_SELF) - self_before;
  f.load_after = LoadAverage();
  server.reset();  // reaps the server, so that its CPU time is counted
  f.server_cpu_s = CpuSeconds(RUSAGE_CHILDREN) - children_before;
  if (!report.ok() || report->sent != o.messages) {
    std::cerr << "bench-mail: "
              << (report.ok() ? std::to_string(report->sent) + " sent" : report.status().ToString()) << "\n";
    return false;
  }
  const auto check = bench_mail::CheckDump(dump, expected, [&base](int n) { return AttachmentFor(base, n); });
  if (!check.problem.empty()) {
    std::cerr << "bench-mail: " << bench_mail::ServerName(o.server) << " stored: " << check.problem << "\n";
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"bench-mail — débit d'envoi SMTP depuis la file d'envoi vers un serveur local"};
  BenchOptions o;
  std::vector<int> connections = {1, 4};
  std::string server = "smtp-sink";
  app.add_option("--messages", o.messages, "messages per run")->check(CLI::PositiveNumber);
  app.add_option("--attachment-kb", o.attachment_kb, "attachment size (KB)")->check(CLI::PositiveNumber);
  app.add_option("--connections", connections, "connection counts to run")->expected(1, 8);
  app.add_option("--server", server, "smtp-sink (Postfix's test server) or aiosmtpd (the tests' server)")
      ->check(CLI::IsMember({"smtp-sink", "aiosmtpd"}))
      ->capture_default_str();
  app.add_flag("--full-sync", o.full_sync, "SQLite synchronous = FULL for the state changes too");
  app.add_option("--python", o.python, "Debian python3 with aiosmtpd");
  // The server's copies go to memory by default: its file writes would
  // otherwise compete for the disk with the outbox being measured.
  o.server_dir = fs::is_directory("/dev/shm") ? "/dev/shm" : fs::temp_directory_path().string();
  app.add_option("--server-dir", o.server_dir, "folder for the server's copies of the messages")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  o.server = server == "aiosmtpd" ? bench_mail::ServerKind::kAiosmtpd : bench_mail::ServerKind::kSmtpSink;

  std::mt19937 rng(1);
  std::string base(static_cast<std::size_t>(o.attachment_kb) * 1024, '\0');
  for (auto& c : base) c = static_cast<char>(rng() & 0xff);

  char pattern[] = "/tmp/liasse-bench-mail-XXXXXX";
  if (mkdtemp(pattern) == nullptr) return 1;
  const fs::path root = pattern;
  const std::string server_pattern = (fs::path(o.server_dir) / "liasse-bench-mail-server-XXXXXX").string();
  std::vector<char> server_root_name(server_pattern.begin(), server_pattern.end());
  server_root_name.push_back('\0');
  if (mkdtemp(server_root_name.data()) == nullptr) {
    std::cerr << "bench-mail: cannot create a folder in " << o.server_dir << "\n";
    return 1;
  }
  const fs::path server_root = server_root_name.data();
  // smtp-sink runs as `nobody` when the bench runs as root: it must reach it.
  fs::permissions(server_root, fs::perms::others_exec | fs::perms::group_exec, fs::perm_options::add);
  int status = 0;
  for (int n : connections) {
    RunFigures f;
    const std::string name = "c" + std::to_string(n);
    const bool ok = RunOnce(o, n, base, root / name, server_root / name, f);
    std::error_code ignored;
    fs::remove_all(server_root / name, ignored);  // up to 150 MB in memory
    if (!ok) {
      status = 1;
      break;
    }
    std::printf(
        "connections=%d messages=%d attachment=%d KB message=%zu B server=%s sync=%s: %.1f messages/s (%.2f s, "
        "%.1f MB/s); CPU per message: sender %.2f ms, server %.2f ms; load average %.1f -> %.1f; "
        "enqueue %.1f messages/s; %d attachments byte-identical (server copies in %s)\n",
        n, o.messages, o.attachment_kb, f.bytes / static_cast<std::size_t>(o.messages),
        bench_mail::ServerName(o.server), o.full_sync ? "FULL" : "NORMAL", o.messages / f.seconds, f.seconds,
        static_cast<double>(f.bytes) / f.seconds / 1e6, f.sender_cpu_s * 1000 / o.messages,
        f.server_cpu_s * 1000 / o.messages, f.load_before, f.load_after, f.enqueue_per_s, o.messages, o.server_dir.c_str());
    std::fflush(stdout);
  }
  std::error_code ignored;
  fs::remove_all(root, ignored);
  fs::remove_all(server_root, ignored);
  return status;
}
