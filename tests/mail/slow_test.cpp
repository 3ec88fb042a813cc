// Slow mail tests: 1 000 décomptes through the real server, and a sender
// killed with SIGKILL in the middle of a batch, then resumed.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "liasse/mail/sender.h"
#include "liasse/store/outbox_store.h"
#include "test_server.h"

namespace liasse::mail {
namespace {

using store::OutboxStore;
using testing::BinaryBytes;
using testing::MakeOutboxMessage;
using testing::ReadParsed;
using testing::Sha256Hex;
using testing::SmtpTestServer;
using testing::TempDir;

TEST(MailSlow, ThousandDecomptesDeliveredWithAttachmentsByteIdentical) {
  TempDir dir;
  SmtpTestServer server(dir.path() / "mail", {"--parse", "--pipelining", "--fast-data"});
  auto outbox = OutboxStore::Open((dir.path() / "outbox.db").string());
  ASSERT_TRUE(outbox.ok());
  std::map<std::string, std::string> expected;  // Message-ID → attachment sha-256
  for (int i = 1; i <= 1000; ++i) {
    const std::string attachment = BinaryBytes(20'000 + static_cast<std::size_t>(i % 17) * 1000, static_cast<uint32_t>(i));
    auto message = MakeOutboxMessage(i, "adherent" + std::to_string(i) + "@example.org", attachment);
    expected[message.message_id] = Sha256Hex(attachment);
    ASSERT_TRUE((*outbox)->Enqueue(message).ok());
  }
  SmtpOptions smtp;
  smtp.port = server.port();
  smtp.starttls = StartTls::kNever;
  SendOptions options;
  options.connections = 4;
  auto report = SendPending(**outbox, smtp, options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->sent, 1000);
  EXPECT_EQ((*outbox)->Counts()->sent, 1000);
  const auto messages = server.Messages();
  ASSERT_EQ(messages.size(), 1000u);
  std::map<std::string, std::string> received;
  for (const auto& eml : messages) {
    const auto parsed = ReadParsed(eml);
    ASSERT_EQ(parsed.attachment_sha256.size(), 1u);
    received[parsed.message_id] = parsed.attachment_sha256[0];
  }
  EXPECT_EQ(received, expected);
}

// Runs `liasse mail send` in a child process.
pid_t StartSender(const std::string& db, const std::string& config) {
  const pid_t pid = fork();
  if (pid == 0) {
    const int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, STDOUT_FILENO);
    execl(LIASSE_BIN, LIASSE_BIN, "mail", "send", "--db", db.c_str(), "--config", config.c_str(), nullptr);
    _exit(127);
  }
  return pid;
}

TEST(MailSlow, KillNineMidBatchThenResumeDeliversEverythingDuplicatingOnlyWhatWasInFlight) {
  TempDir dir;
  SmtpTestServer server(dir.path() / "mail", {"--parse", "--pipelining", "--fast-data"});
  const std::string db = (dir.path() / "outbox.db").string();
  const std::string config = (dir.path() / "mail.toml").string();
  constexpr int kConnections = 4;
  std::ofstream(config) << "[operator]\nfrom = \"prestations@cpms.example\"\nmessage_id_domain = \"cpms.example\"\n"
                        << "[smtp]\nhost = \"127.0.0.1\"\nport = " << server.port()
                        << "\nstarttls = \"never\"\nconnections = " << kConnections << "\n";
  constexpr int kMessages = 600;
  {
    auto outbox = OutboxStore::Open(db);
    ASSERT_TRUE(outbox.ok());
    for (int i = 1; i <= kMessages; ++i)
      ASSERT_TRUE((*outbox)->Enqueue(MakeOutboxMessage(i, "a@example.org", BinaryBytes(60'000, static_cast<uint32_t>(i)))).ok());
  }

  const pid_t sender = StartSender(db, config);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (server.MessageCount() < kMessages / 3 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  kill(sender, SIGKILL);
  int status = 0;
  waitpid(sender, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the sender finished before it could be killed";

  std::set<std::string> in_flight;
  {
    auto outbox = OutboxStore::Open(db);
    const auto rows = (*outbox)->List(OutboxState::kSending).value();
    for (const auto& row : rows) in_flight.insert(row.message_id);
    const auto counts = *(*outbox)->Counts();
    EXPECT_GT(counts.queued, 0) << "killed too late to test a resume";
    EXPECT_EQ(counts.total(), kMessages);
  }
  EXPECT_LE(in_flight.size(), static_cast<std::size_t>(kConnections));
  // Messages in flight may or may not have reached the server; wait a little
  // so that the server finishes storing what it had accepted.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const std::size_t before_resume = server.MessageCount();

  const pid_t resumed = StartSender(db, config);
  waitpid(resumed, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);

  auto outbox = OutboxStore::Open(db);
  EXPECT_EQ((*outbox)->Counts()->sent, kMessages);
  std::map<std::string, int> deliveries;
  for (const auto& eml : server.Messages()) ++deliveries[ReadParsed(eml).message_id];
  EXPECT_EQ(deliveries.size(), static_cast<std::size_t>(kMessages)) << "a message was lost";
  int duplicates = 0;
  for (const auto& [message_id, count] : deliveries) {
    EXPECT_LE(count, 2) << message_id;
    if (count > 1) {
      ++duplicates;
      EXPECT_TRUE(in_flight.count(message_id) > 0) << message_id << " delivered twice but was not in flight";
    }
  }
  std::cout << "killed after " << before_resume << " deliveries; " << in_flight.size() << " in flight, " << duplicates
            << " delivered twice\n";
}

}  // namespace
}  // namespace liasse::mail
