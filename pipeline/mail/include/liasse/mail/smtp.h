// SMTP client (RFC 5321) on Boost.Asio: EHLO, STARTTLS with certificate
// verification, AUTH PLAIN / LOGIN, SIZE, PIPELINING, dot-stuffing, and a
// timeout on every step. One SmtpConnection carries many messages in turn.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "liasse/core/status.h"

namespace liasse::mail {

enum class StartTls {
  kRequired,  // refuse to go on in clear text if the server does not offer it
  kIfOffered, // upgrade when offered, else stay in clear text
  kNever,     // clear text (a relay on the same machine)
};

struct SmtpOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 25;
  std::string ehlo_name = "localhost";  // our name in EHLO
  StartTls starttls = StartTls::kRequired;
  bool verify_certificate = true;  // peer chain and host name (off only for diagnosis)
  std::string ca_file;             // PEM; empty: the system's trust store
  std::string tls_server_name;     // name checked in the certificate; empty: `host`
  std::string username;            // empty: no AUTH
  std::string password;
  std::string auth_mechanism;           // "PLAIN", "LOGIN"; empty: PLAIN if offered, else LOGIN
  bool allow_auth_without_tls = false;  // AUTH in clear text is refused by default
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds command_timeout{30000};  // each reply, TLS handshake
  std::chrono::milliseconds data_timeout{120000};    // sending a message body, its final reply
};

// What happened to one message.
struct SmtpOutcome {
  enum class Kind {
    kDelivered,  // 2xx to the end of DATA
    kTransient,  // 4xx, network error or timeout: try again later
    kPermanent,  // 5xx: will not be accepted as it is
  };
  Kind kind = Kind::kTransient;
  std::string reply;             // the server's reply ("250 2.0.0 Ok") or the error
  bool connection_alive = true;  // false: open a new connection for the next message
};

// One SMTP session. Not thread-safe: use one per thread. Movable only
// through the unique_ptr Open returns; the destructor closes the socket
// without QUIT.
class SmtpConnection {
 public:
  // Connects, reads the greeting, says EHLO, upgrades with STARTTLS (per
  // options; EHLO again), authenticates when a username is set. Fails with
  // kUnavailable and the server's reply or the network/TLS error ("421 …",
  // "certificate verify failed", "timeout after 1000 ms waiting for the
  // greeting"), or kFailedPrecondition when STARTTLS is required but not
  // offered or AUTH would go in clear text.
  static Result<std::unique_ptr<SmtpConnection>> Open(const SmtpOptions& options);

  ~SmtpConnection();
  SmtpConnection(const SmtpConnection&) = delete;
  SmtpConnection& operator=(const SmtpConnection&) = delete;

  // Sends one message (CRLF line ends; bare LF is sent as CRLF) from
  // `envelope_from` to `recipient`. Pipelines MAIL/RCPT/DATA when the server
  // offers PIPELINING, declares SIZE when offered and refuses locally (5xx
  // outcome) a message over the server's SIZE limit. After a refused
  // MAIL/RCPT the session is reset (RSET) and stays usable.
  SmtpOutcome Send(std::string_view envelope_from, std::string_view recipient, std::string_view mime);

  // QUIT, then close. Errors are ignored: the messages are already settled.
  void Quit();

  // Whether the session is encrypted (after STARTTLS).
  bool encrypted() const;
  // Extensions the server announced, e.g. "PIPELINING", "SIZE".
  bool HasExtension(std::string_view keyword) const;

  class Impl;

 private:
  explicit SmtpConnection(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The SMTP transparency rule (RFC 5321 §4.5.2): every line that starts with
// '.' gets one more '.', bare LF becomes CRLF, and the result ends with
// CRLF "." CRLF.
std::string DotStuff(std::string_view message);

}  // namespace liasse::mail
