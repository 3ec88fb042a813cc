// The SMTP servers bench-mail sends to, each a child process on 127.0.0.1.
//
// - smtp-sink (Postfix's test server, C, one event loop): the default. It
//   answers as fast as the kernel moves bytes, so the figure measures the
//   sender. With a dump folder it writes every accepted message to its own
//   file there (dot-unstuffed, LF line ends, after a few X- headers).
// - aiosmtpd (tests/mail/smtp_server.py, Python): the tests' server, which
//   stores each message as DIR/<n>.eml; slower than the sender.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>

namespace bench_mail {

enum class ServerKind { kSmtpSink, kAiosmtpd };

// One running server. Start() returns false (with a message on stderr) when
// it does not come up within 15 s. The destructor kills and reaps it, so its
// CPU time is then counted in getrusage(RUSAGE_CHILDREN). Not thread-safe.
class LocalSmtpServer {
 public:
  LocalSmtpServer(ServerKind kind, std::filesystem::path dump_dir, std::string python);
  ~LocalSmtpServer();
  LocalSmtpServer(const LocalSmtpServer&) = delete;
  LocalSmtpServer& operator=(const LocalSmtpServer&) = delete;

  bool Start();
  uint16_t port() const { return port_; }

 private:
  bool StartSink();
  bool StartAiosmtpd();

  ServerKind kind_;
  std::filesystem::path dump_dir_;
  std::string python_;
  pid_t pid_ = -1;
  uint16_t port_ = 0;
};

const char* ServerName(ServerKind kind);

}  // namespace bench_mail
