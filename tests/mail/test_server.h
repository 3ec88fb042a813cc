// Test fixtures for the mail tests: the loopback SMTP server
// (tests/mail/smtp_server.py, a real aiosmtpd server run as a child
// process), temporary folders, self-signed certificates made with
// `openssl req`, and décompte messages with binary attachments.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "liasse/mail/mime.h"
#include "liasse/core/outbox.h"

namespace liasse::mail::testing {

// A fresh folder under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The server process. Starts on construction (127.0.0.1, a free port chosen
// by the kernel, at most 15 s to come up), stops (SIGKILL) on destruction.
class SmtpTestServer {
 public:
  SmtpTestServer(const std::filesystem::path& mail_dir, const std::vector<std::string>& options);
  ~SmtpTestServer();
  SmtpTestServer(const SmtpTestServer&) = delete;
  SmtpTestServer& operator=(const SmtpTestServer&) = delete;

  uint16_t port() const { return port_; }
  // Messages the server accepted so far (complete .eml files).
  std::vector<std::filesystem::path> Messages() const;
  std::size_t MessageCount() const { return Messages().size(); }

 private:
  pid_t pid_ = -1;
  uint16_t port_ = 0;
  std::filesystem::path dir_;
};

// What the server's Python e-mail parser saw in message `eml` (its .json).
struct ParsedMessage {
  std::string message_id;
  std::vector<std::string> rcpt;
  std::string subject;
  std::string text;
  std::string html;
  std::string reply_to;
  std::vector<std::string> attachment_sha256;
  std::vector<std::string> attachment_names;
};
ParsedMessage ReadParsed(const std::filesystem::path& eml);

// Writes cert.pem and key.pem (self-signed, CN=localhost, SAN localhost and
// 127.0.0.1) into `dir` with `openssl req`; aborts the test on failure.
void MakeSelfSignedCertificate(const std::filesystem::path& dir);

// `size` deterministic pseudo-random bytes covering all 256 values.
std::string BinaryBytes(std::size_t size, uint32_t seed);
std::string Sha256Hex(const std::string& bytes);

// A décompte e-mail number `n` to `recipient`, with a PDF-named attachment of
// `attachment` bytes, turned into an outbox message.
OutboxMessage MakeOutboxMessage(int n, const std::string& recipient, const std::string& attachment);
OperatorIdentity TestOperator();

}  // namespace liasse::mail::testing
