#include "servers.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <thread>
#include <utility>
#include <vector>

namespace bench_mail {

namespace {

constexpr const char* kSmtpSink = LIASSE_SMTP_SINK;  // found by CMake

pid_t Spawn(std::vector<std::string> args, int stdout_fd) {
  const pid_t pid = fork();
  if (pid == 0) {
    if (stdout_fd >= 0) dup2(stdout_fd, STDOUT_FILENO);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

sockaddr_in Loopback(uint16_t port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

// A port the kernel reports free now. smtp-sink cannot be told to pick one
// itself; another program could take it before smtp-sink binds it, in which
// case Start() fails rather than measure a stranger.
uint16_t FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  sockaddr_in address = Loopback(0);
  socklen_t length = sizeof address;
  uint16_t port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  close(fd);
  return port;
}

bool Accepts(uint16_t port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in address = Loopback(port);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  close(fd);
  return ok;
}

}  // namespace

const char* ServerName(ServerKind kind) { return kind == ServerKind::kSmtpSink ? "smtp-sink" : "aiosmtpd"; }

LocalSmtpServer::LocalSmtpServer(ServerKind kind, std::filesystem::path dump_dir, std::string python)
    : kind_(kind), dump_dir_(std::move(dump_dir)), python_(std::move(python)) {}

LocalSmtpServer::~LocalSmtpServer() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

bool LocalSmtpServer::Start() { return kind_ == ServerKind::kSmtpSink ? StartSink() : StartAiosmtpd(); }

bool LocalSmtpServer::StartSink() {
  if (access(kSmtpSink, X_OK) != 0) {
    std::cerr << "bench-mail: " << kSmtpSink << " missing (Debian package postfix, installed by tools/setup)\n";
    return false;
  }
  port_ = FreePort();
  if (port_ == 0) return false;
  std::vector<std::string> args = {kSmtpSink, "-4"};
  if (geteuid() == 0) {
    // smtp-sink refuses to run as root without dropping privileges; the
    // dump folder must then be writable by that user.
    args.insert(args.end(), {"-u", "nobody"});
    chmod(dump_dir_.c_str(), 0777);
  }
  // -m: enough simultaneous sessions; backlog 64.
  args.insert(args.end(), {"-m", "64", "-d", (dump_dir_ / "m.").string(), "127.0.0.1:" + std::to_string(port_), "64"});
  pid_ = Spawn(args, -1);
  if (pid_ < 0) return false;
  for (int i = 0; i < 150; ++i) {
    if (Accepts(port_)) return true;
    if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
      pid_ = -1;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::cerr << "bench-mail: smtp-sink did not come up on 127.0.0.1:" << port_ << "\n";
  return false;
}

bool LocalSmtpServer::StartAiosmtpd() {
  int out[2];
  if (pipe(out) != 0) return false;
  pid_ = Spawn({python_, std::string(LIASSE_SOURCE_DIR) + "/tests/mail/smtp_server.py", "--dir", dump_dir_.string(),
                "--pipelining", "--fast-data"},
               out[1]);
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
  if (line.rfind("PORT ", 0) != 0) {
    std::cerr << "bench-mail: the aiosmtpd server did not start\n";
    return false;
  }
  port_ = static_cast<uint16_t>(std::stoi(line.substr(5)));
  return true;
}

}  // namespace bench_mail
