#include "test_server.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

namespace liasse::mail::testing {

namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "liasse-mail-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) std::abort();
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

SmtpTestServer::SmtpTestServer(const fs::path& mail_dir, const std::vector<std::string>& options) : dir_(mail_dir) {
  fs::create_directories(mail_dir);
  // The server's own log (e.g. Python's report of a TLS handshake the
  // client aborted on purpose) goes next to the messages, not in the test output.
  const std::string log = (mail_dir.parent_path() / (mail_dir.filename().string() + "-server.log")).string();
  std::vector<std::string> args = {LIASSE_PYTHON3, LIASSE_SOURCE_DIR "/tests/mail/smtp_server.py", "--dir",
                                   mail_dir.string()};
  args.insert(args.end(), options.begin(), options.end());
  int out[2];
  if (pipe(out) != 0) std::abort();
  pid_ = fork();
  if (pid_ < 0) std::abort();
  if (pid_ == 0) {
    dup2(out[1], STDOUT_FILENO);
    const int err = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (err >= 0) dup2(err, STDERR_FILENO);
    close(out[0]);
    close(out[1]);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  // Wait for "PORT <n>\n", at most 15 s.
  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    pollfd pfd{out[0], POLLIN, 0};
    if (poll(&pfd, 1, 200) <= 0) continue;
    char buf[64];
    const ssize_t n = read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    line.append(buf, static_cast<std::size_t>(n));
  }
  close(out[0]);
  if (line.rfind("PORT ", 0) != 0) {
    ADD_FAILURE() << "the test SMTP server did not start: '" << line << "'";
    return;
  }
  port_ = static_cast<uint16_t>(std::stoi(line.substr(5)));
}

SmtpTestServer::~SmtpTestServer() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
}

std::vector<fs::path> SmtpTestServer::Messages() const {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(dir_)) {
    if (entry.path().extension() == ".eml") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

ParsedMessage ReadParsed(const fs::path& eml) {
  fs::path json_path = eml;
  json_path.replace_extension(".json");
  std::ifstream in(json_path);
  const auto j = nlohmann::json::parse(in);
  ParsedMessage m;
  m.message_id = j.at("message_id").get<std::string>();
  m.rcpt = j.at("rcpt").get<std::vector<std::string>>();
  m.subject = j.at("subject").get<std::string>();
  m.reply_to = j.at("reply_to").get<std::string>();
  if (j.at("text").is_string()) m.text = j.at("text").get<std::string>();
  if (j.at("html").is_string()) m.html = j.at("html").get<std::string>();
  for (const auto& a : j.at("attachments")) {
    m.attachment_sha256.push_back(a.at("sha256").get<std::string>());
    m.attachment_names.push_back(a.at("filename").get<std::string>());
  }
  return m;
}

void MakeSelfSignedCertificate(const fs::path& dir) {
  const std::string command = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost"
                              " -addext subjectAltName=DNS:localhost,IP:127.0.0.1"
                              " -keyout '" + (dir / "key.pem").string() + "' -out '" + (dir / "cert.pem").string() +
                              "' 2>/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
}

std::string BinaryBytes(std::size_t size, uint32_t seed) {
  std::mt19937 rng(seed);
  std::string out(size, '\0');
  for (std::size_t i = 0; i < size; ++i) out[i] = static_cast<char>(i < 256 ? i : rng() & 0xff);
  out.replace(0, 8, "%PDF-1.4");
  return out;
}

std::string Sha256Hex(const std::string& bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr);
  std::string hex;
  char buf[3];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(buf, sizeof buf, "%02x", digest[i]);
    hex += buf;
  }
  return hex;
}

OperatorIdentity TestOperator() {
  return {"CPMS — Service prestations", "prestations@cpms.example", "dcommercial@cpms.example", "cpms.example"};
}

OutboxMessage MakeOutboxMessage(int n, const std::string& recipient, const std::string& attachment) {
  DecompteMail mail;
  mail.decompte_id = "DEC-2026-" + std::to_string(n);
  mail.to_name = "Adhérent n°" + std::to_string(n);
  mail.to_address = recipient;
  mail.subject = "Votre décompte de remboursement n° " + std::to_string(n);
  mail.text = "Madame, Monsieur,\n\nVeuillez trouver ci-joint votre relevé de remboursement.\n.\nCPMS\n";
  mail.html = "<p>Madame, Monsieur,</p><p>Veuillez trouver ci-joint votre relevé de remboursement.</p>";
  mail.date = "Mon, 23 Nov 2026 08:00:00 +0100";
  mail.attachments.push_back({"décompte-" + std::to_string(n) + ".pdf", "application/pdf", attachment});
  const auto sender = TestOperator();
  auto mime = BuildMime(mail, sender);
  if (!mime.ok()) std::abort();
  return {mail.decompte_id, MessageIdFor(mail.decompte_id, sender.message_id_domain), sender.from_address,
          recipient, std::move(mime).value()};
}

}  // namespace liasse::mail::testing
