#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <cctype>
#include <functional>
#include <optional>
#include <set>

#include "liasse/mail/mime.h"
#include "liasse/mail/smtp.h"

namespace liasse::mail {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using boost::system::error_code;

void DotStuffInto(std::string_view message, std::string& out);

namespace {

struct Reply {
  int code = 0;  // 0: no reply (network error, timeout)
  std::string text;  // every line, joined by " / "
  std::vector<std::string> lines;  // text after the code, one per line
};

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// RFC 5321 §4.5.3.1.5 limits a reply line to 512 octets; servers in the wild
// send longer ones, so a generous bound, but a bound: a server that never
// ends its line must not grow the read buffer without limit.
constexpr std::size_t kMaxReplyLine = 8192;
// Lines of one multi-line reply (EHLO lists a dozen extensions).
constexpr int kMaxReplyLines = 100;

// The TLS client context, complete before any stream exists: OpenSSL copies
// a context's options, protocol bounds, verify mode and verification
// parameters into each SSL object when the stream is made, so whatever is set
// later never reaches the connection. TLS 1.2 at least; with verification,
// the chain against the CA file (or the system's store) and the server's
// name (a DNS name or an IP address) in its certificate. `error` gets the
// French reason when the CA file cannot be read.
asio::ssl::context MakeTlsContext(const SmtpOptions& options, std::string& error) {
  asio::ssl::context context(asio::ssl::context::tls_client);
  context.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                      asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                      asio::ssl::context::no_tlsv1_1 | asio::ssl::context::no_compression);
  SSL_CTX_set_min_proto_version(context.native_handle(), TLS1_2_VERSION);
  if (!options.verify_certificate) {
    context.set_verify_mode(asio::ssl::verify_none);
    return context;
  }
  error_code ec;
  if (options.ca_file.empty()) {
    context.set_default_verify_paths(ec);
  } else {
    context.load_verify_file(options.ca_file, ec);
  }
  if (ec) error = "fichier d'autorités de certification illisible '" + options.ca_file + "' : " + ec.message();
  context.set_verify_mode(asio::ssl::verify_peer);
  const std::string name = options.tls_server_name.empty() ? options.host : options.tls_server_name;
  X509_VERIFY_PARAM* param = SSL_CTX_get0_param(context.native_handle());
  X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
  // An address literal is checked against the certificate's IP entries.
  if (X509_VERIFY_PARAM_set1_ip_asc(param, name.c_str()) != 1) {
    X509_VERIFY_PARAM_set1_host(param, name.c_str(), name.size());
  }
  return context;
}

}  // namespace

class SmtpConnection::Impl {
 public:
  explicit Impl(const SmtpOptions& options)
      : options_(options), tls_context_(MakeTlsContext(options_, context_error_)), stream_(io_, tls_context_) {}

  Status Open();
  SmtpOutcome Send(std::string_view from, std::string_view to, std::string_view mime);
  void Quit();
  void Close() {
    error_code ignored;
    stream_.next_layer().close(ignored);
  }
  bool encrypted() const { return tls_; }
  bool HasExtension(std::string_view keyword) const { return extensions_.count(Upper(keyword)) > 0; }

 private:
  using Handler = std::function<void(const error_code&, std::size_t)>;

  // Runs one asynchronous operation to completion or until `timeout`; on
  // timeout the socket is closed (the session is lost) and an error returned.
  // This is the Asio "blocking client with timeouts" pattern: the io_context
  // runs only for this operation, so every step has its own deadline.
  error_code Run(const std::function<void(Handler)>& start, std::chrono::milliseconds timeout,
                 std::size_t* transferred = nullptr) {
    error_code result = asio::error::would_block;
    std::size_t n = 0;
    start([&result, &n](const error_code& ec, std::size_t len) {
      result = ec;
      n = len;
    });
    io_.restart();
    io_.run_for(timeout);
    if (!io_.stopped()) {
      Close();
      io_.run();  // let the cancelled operation finish
      timed_out_ = true;
      result = asio::error::timed_out;
    }
    if (transferred != nullptr) *transferred = n;
    return result;
  }

  std::string Describe(const error_code& ec, std::string_view step) const {
    if (line_too_long_)
      return "ligne de réponse du serveur de plus de " + std::to_string(kMaxReplyLine) + " octets " +
             std::string(step) + " : connexion fermée";
    if (ec == asio::error::timed_out)
      return "timeout after " + std::to_string(last_timeout_.count()) + " ms " + std::string(step);
    return "network error " + std::string(step) + ": " + ec.message();
  }

  error_code Write(std::string_view data, std::chrono::milliseconds timeout) {
    last_timeout_ = timeout;
    return Run(
        [this, data](Handler h) {
          if (tls_) {
            asio::async_write(stream_, asio::buffer(data.data(), data.size()), h);
          } else {
            asio::async_write(stream_.next_layer(), asio::buffer(data.data(), data.size()), h);
          }
        },
        timeout);
  }

  error_code ReadLine(std::string& line, std::chrono::milliseconds timeout) {
    last_timeout_ = timeout;
    std::size_t n = 0;
    error_code ec = Run(
        [this](Handler h) {
          if (tls_) {
            asio::async_read_until(stream_, asio::dynamic_buffer(input_, kMaxReplyLine), "\r\n", h);
          } else {
            asio::async_read_until(stream_.next_layer(), asio::dynamic_buffer(input_, kMaxReplyLine), "\r\n", h);
          }
        },
        timeout, &n);
    if (ec == asio::error::not_found) {  // the buffer reached kMaxReplyLine without CRLF
      input_.clear();
      input_.shrink_to_fit();
      Close();
      line_too_long_ = true;
      return ec;
    }
    if (ec) return ec;
    line = input_.substr(0, n - 2);
    input_.erase(0, n);
    return {};
  }

  // Reads a complete (possibly multi-line) reply. On failure `error`
  // describes it and the returned reply has code 0.
  Reply ReadReply(std::chrono::milliseconds timeout, std::string_view step, std::string& error) {
    Reply reply;
    for (int guard = 0; guard < kMaxReplyLines; ++guard) {
      std::string line;
      if (error_code ec = ReadLine(line, timeout)) {
        error = Describe(ec, step);
        return {};
      }
      if (line.size() < 3 || !std::isdigit(static_cast<unsigned char>(line[0])) ||
          !std::isdigit(static_cast<unsigned char>(line[1])) || !std::isdigit(static_cast<unsigned char>(line[2])) ||
          (line.size() > 3 && line[3] != ' ' && line[3] != '-')) {
        error = "malformed reply " + std::string(step) + ": " + line.substr(0, 200);
        Close();
        return {};
      }
      const int code = std::stoi(line.substr(0, 3));
      if (reply.code != 0 && code != reply.code) {
        error = "inconsistent multi-line reply " + std::string(step);
        Close();
        return {};
      }
      reply.code = code;
      reply.lines.push_back(line.size() > 4 ? line.substr(4) : "");
      if (!reply.text.empty()) reply.text += " / ";
      reply.text += line;
      if (line.size() == 3 || line[3] == ' ') return reply;
    }
    error = "reply too long " + std::string(step);
    Close();
    return {};
  }

  // Sends a command and reads its reply.
  Reply Command(std::string_view command, std::string_view step, std::string& error) {
    if (error_code ec = Write(std::string(command) + "\r\n", options_.command_timeout)) {
      error = Describe(ec, step);
      return {};
    }
    return ReadReply(options_.command_timeout, step, error);
  }

  Status Ehlo();
  Status StartTlsHandshake();
  Status Authenticate();

  SmtpOptions options_;
  asio::io_context io_;
  std::string context_error_;  // set by MakeTlsContext; reported by Open
  asio::ssl::context tls_context_;
  asio::ssl::stream<tcp::socket> stream_;
  bool tls_ = false;
  bool timed_out_ = false;
  bool line_too_long_ = false;
  std::chrono::milliseconds last_timeout_{0};
  std::string input_;
  std::string stuffed_;
  std::set<std::string> extensions_;
  std::set<std::string> auth_mechanisms_;
  uint64_t size_limit_ = 0;
};

Status SmtpConnection::Impl::Open() {
  const std::string where = options_.host + ":" + std::to_string(options_.port);
  if (!context_error_.empty() && options_.starttls != StartTls::kNever) {
    return Status::IoError(where + ": " + context_error_);
  }
  tcp::resolver resolver(io_);
  tcp::resolver::results_type endpoints;
  last_timeout_ = options_.connect_timeout;
  error_code ec = Run(
      [&](Handler h) {
        resolver.async_resolve(options_.host, std::to_string(options_.port),
                               [&endpoints, h](const error_code& e, tcp::resolver::results_type r) {
                                 endpoints = std::move(r);
                                 h(e, 0);
                               });
      },
      options_.connect_timeout);
  if (ec) return Status::Unavailable(where + ": " + Describe(ec, "resolving the host"));
  ec = Run(
      [&](Handler h) {
        asio::async_connect(stream_.next_layer(), endpoints,
                            [h](const error_code& e, const tcp::endpoint&) { h(e, 0); });
      },
      options_.connect_timeout);
  if (ec) return Status::Unavailable(where + ": " + Describe(ec, "connecting"));
  error_code ignored;
  stream_.next_layer().set_option(tcp::no_delay(true), ignored);

  std::string error;
  Reply greeting = ReadReply(options_.command_timeout, "waiting for the greeting", error);
  if (greeting.code == 0) return Status::Unavailable(where + ": " + error);
  if (greeting.code != 220) return Status::Unavailable(where + ": " + greeting.text);
  if (Status s = Ehlo(); !s.ok()) return s.WithContext(where);

  const bool offered = HasExtension("STARTTLS");
  if (options_.starttls == StartTls::kRequired && !offered)
    return Status::FailedPrecondition(where + ": STARTTLS required but not offered by the server");
  if (options_.starttls != StartTls::kNever && offered) {
    if (Status s = StartTlsHandshake(); !s.ok()) return s.WithContext(where);
    if (Status s = Ehlo(); !s.ok()) return s.WithContext(where);
  }
  if (!options_.username.empty()) {
    if (!tls_ && !options_.allow_auth_without_tls)
      return Status::FailedPrecondition(where + ": AUTH refused without TLS (allow_auth_without_tls is off)");
    if (Status s = Authenticate(); !s.ok()) return s.WithContext(where);
  }
  return Status::Ok();
}

Status SmtpConnection::Impl::Ehlo() {
  std::string error;
  Reply reply = Command("EHLO " + options_.ehlo_name, "after EHLO", error);
  if (reply.code == 0) return Status::Unavailable(error);
  if (reply.code != 250) return Status::Unavailable(reply.text);
  extensions_.clear();
  auth_mechanisms_.clear();
  size_limit_ = 0;
  for (std::size_t i = 1; i < reply.lines.size(); ++i) {
    const std::string line = Upper(reply.lines[i]);
    const auto space = line.find(' ');
    const std::string keyword = line.substr(0, space);
    extensions_.insert(keyword);
    const std::string params = space == std::string::npos ? "" : line.substr(space + 1);
    if (keyword == "SIZE" && !params.empty()) {
      try {
        size_limit_ = std::stoull(params);
      } catch (const std::exception&) {
        size_limit_ = 0;  // unparsable: no known limit
      }
    }
    if (keyword == "AUTH") {
      std::size_t pos = 0;
      while (pos < params.size()) {
        const auto next = params.find(' ', pos);
        auth_mechanisms_.insert(params.substr(pos, next - pos));
        if (next == std::string::npos) break;
        pos = next + 1;
      }
    }
  }
  return Status::Ok();
}

namespace {

// A French hint for the failures an operator can act on.
std::string HandshakeHint(const error_code& ec) {
  // A server limited to TLS 1.0/1.1 (OpenSSL 3) closes without an alert
  // when the client offers TLS 1.3.
  if (ec == asio::ssl::error::stream_truncated || ec == asio::error::eof) {
    return " (le serveur a fermé la connexion pendant la négociation TLS : il n'accepte peut-être pas TLS 1.2 "
           "ou plus récent, le minimum exigé)";
  }
  if (ec.category() != asio::error::get_ssl_category()) return "";
  const int reason = ERR_GET_REASON(static_cast<unsigned long>(ec.value()));
  if (reason == SSL_R_UNSUPPORTED_PROTOCOL || reason == SSL_R_TLSV1_ALERT_PROTOCOL_VERSION ||
      reason == SSL_R_NO_PROTOCOLS_AVAILABLE || reason == SSL_R_WRONG_SSL_VERSION) {
    return " (version TLS refusée : le serveur doit accepter TLS 1.2 ou plus récent)";
  }
  return "";
}

}  // namespace

Status SmtpConnection::Impl::StartTlsHandshake() {
  std::string error;
  Reply reply = Command("STARTTLS", "after STARTTLS", error);
  if (reply.code == 0) return Status::Unavailable(error);
  if (reply.code != 220) return Status::Unavailable("STARTTLS refused: " + reply.text);
  if (!input_.empty()) return Status::Unavailable("data after the STARTTLS reply (possible injection)");

  // The context (protocol bounds, verification) was complete before the
  // stream was made; only the SNI name is per connection.
  if (options_.verify_certificate) {
    const std::string name = options_.tls_server_name.empty() ? options_.host : options_.tls_server_name;
    SSL_ctrl(stream_.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
             const_cast<char*>(name.c_str()));  // SSL_set_tlsext_host_name, without its C cast
  }
  error_code ec;
  last_timeout_ = options_.command_timeout;
  ec = Run([this](Handler h) { stream_.async_handshake(asio::ssl::stream_base::client, [h](const error_code& e) { h(e, 0); }); },
           options_.command_timeout);
  if (ec) return Status::Unavailable(Describe(ec, "in the TLS handshake") + HandshakeHint(ec));
  tls_ = true;
  return Status::Ok();
}

Status SmtpConnection::Impl::Authenticate() {
  std::string error;
  Reply reply;
  const std::string wanted = Upper(options_.auth_mechanism);
  if (!wanted.empty() && wanted != "PLAIN" && wanted != "LOGIN")
    return Status::InvalidArgument("unknown AUTH mechanism '" + options_.auth_mechanism + "'");
  if (!wanted.empty() && auth_mechanisms_.count(wanted) == 0)
    return Status::FailedPrecondition("the server does not offer AUTH " + wanted);
  const bool plain = wanted.empty() ? auth_mechanisms_.count("PLAIN") > 0 : wanted == "PLAIN";
  const bool login = wanted.empty() ? auth_mechanisms_.count("LOGIN") > 0 : wanted == "LOGIN";
  if (plain) {
    const std::string token = Base64(std::string(1, '\0') + options_.username + std::string(1, '\0') + options_.password);
    reply = Command("AUTH PLAIN " + token, "after AUTH PLAIN", error);
  } else if (login) {
    reply = Command("AUTH LOGIN", "after AUTH LOGIN", error);
    if (reply.code == 334) reply = Command(Base64(options_.username), "after the AUTH LOGIN user name", error);
    if (reply.code == 334) reply = Command(Base64(options_.password), "after the AUTH LOGIN password", error);
  } else {
    return Status::FailedPrecondition("the server offers neither AUTH PLAIN nor AUTH LOGIN");
  }
  if (reply.code == 0) return Status::Unavailable(error);
  if (reply.code != 235) return Status::Unavailable("authentication failed: " + reply.text);
  return Status::Ok();
}

SmtpOutcome SmtpConnection::Impl::Send(std::string_view from, std::string_view to, std::string_view mime) {
  using Kind = SmtpOutcome::Kind;
  for (std::string_view address : {from, to}) {
    for (char c : address) {
      if (c <= 0x20 || c == '<' || c == '>' || c == 0x7f)
        return {Kind::kPermanent, "553 invalid envelope address '" + std::string(address) + "' (refused before sending)", true};
    }
  }
  DotStuffInto(mime, stuffed_);  // a buffer kept across messages: no 150 KB allocation each time
  const std::string& stuffed = stuffed_;
  const std::size_t size = stuffed.size() - 3;  // without the final ".\r\n"
  if (size_limit_ > 0 && size > size_limit_) {
    return {Kind::kPermanent,
            "552 message of " + std::to_string(size) + " bytes over the server's SIZE limit of " +
                std::to_string(size_limit_) + " (refused before sending)",
            true};
  }
  std::string mail = "MAIL FROM:<" + std::string(from) + ">";
  if (HasExtension("SIZE")) mail += " SIZE=" + std::to_string(size);
  mail += "\r\n";
  const std::string rcpt = "RCPT TO:<" + std::string(to) + ">\r\n";

  auto lost = [](std::string error) { return SmtpOutcome{Kind::kTransient, std::move(error), false}; };
  auto refused = [this](const Reply& r) {
    // The envelope was refused: reset so the session can carry the next one.
    std::string ignored;
    Reply reset = Command("RSET", "after RSET", ignored);
    const bool alive = reset.code == 250;
    return SmtpOutcome{r.code >= 500 ? Kind::kPermanent : Kind::kTransient, r.text, alive};
  };

  std::string error;
  Reply mail_reply, rcpt_reply, data_reply;
  if (HasExtension("PIPELINING")) {
    if (error_code ec = Write(mail + rcpt + "DATA\r\n", options_.command_timeout))
      return lost(Describe(ec, "sending the envelope"));
    mail_reply = ReadReply(options_.command_timeout, "after MAIL FROM", error);
    if (mail_reply.code == 0) return lost(error);
    rcpt_reply = ReadReply(options_.command_timeout, "after RCPT TO", error);
    if (rcpt_reply.code == 0) return lost(error);
    data_reply = ReadReply(options_.command_timeout, "after DATA", error);
    if (data_reply.code == 0) return lost(error);
    if (mail_reply.code / 100 != 2 || rcpt_reply.code / 100 != 2) {
      if (data_reply.code == 354) {
        // The server accepted DATA without a valid envelope: end it empty.
        if (error_code ec = Write(".\r\n", options_.command_timeout)) return lost(Describe(ec, "ending DATA"));
        if (ReadReply(options_.data_timeout, "after an empty DATA", error).code == 0) return lost(error);
      }
      return refused(mail_reply.code / 100 != 2 ? mail_reply : rcpt_reply);
    }
  } else {
    mail_reply = Command(mail.substr(0, mail.size() - 2), "after MAIL FROM", error);
    if (mail_reply.code == 0) return lost(error);
    if (mail_reply.code / 100 != 2) return refused(mail_reply);
    rcpt_reply = Command(rcpt.substr(0, rcpt.size() - 2), "after RCPT TO", error);
    if (rcpt_reply.code == 0) return lost(error);
    if (rcpt_reply.code / 100 != 2) return refused(rcpt_reply);
    data_reply = Command("DATA", "after DATA", error);
    if (data_reply.code == 0) return lost(error);
  }
  if (data_reply.code != 354) return refused(data_reply);

  if (error_code ec = Write(stuffed, options_.data_timeout)) return lost(Describe(ec, "sending the message"));
  Reply final_reply = ReadReply(options_.data_timeout, "after the end of DATA", error);
  if (final_reply.code == 0) return lost(error);
  if (final_reply.code / 100 == 2) return {Kind::kDelivered, final_reply.text, true};
  return {final_reply.code >= 500 ? Kind::kPermanent : Kind::kTransient, final_reply.text, true};
}

void SmtpConnection::Impl::Quit() {
  std::string ignored;
  std::chrono::milliseconds short_timeout = std::min(options_.command_timeout, std::chrono::milliseconds(2000));
  if (!Write("QUIT\r\n", short_timeout)) ReadReply(short_timeout, "after QUIT", ignored);
  // No TLS close_notify exchange: the session is over either way.
  Close();
}

void DotStuffInto(std::string_view message, std::string& out) {
  out.clear();
  out.reserve(message.size() + 64);
  // Line by line with find(), so that base64 bodies (which never start a
  // line with '.') are copied in large chunks.
  std::size_t pos = 0;
  while (pos < message.size()) {
    if (message[pos] == '.') out += '.';
    const auto newline = message.find('\n', pos);
    if (newline == std::string_view::npos) {
      out.append(message.substr(pos));
      out += "\r\n";
      break;
    }
    if (newline > pos && message[newline - 1] == '\r') {
      out.append(message.substr(pos, newline + 1 - pos));
    } else {
      out.append(message.substr(pos, newline - pos));
      out += "\r\n";
    }
    pos = newline + 1;
  }
  out += ".\r\n";
}

std::string DotStuff(std::string_view message) {
  std::string out;
  DotStuffInto(message, out);
  return out;
}

SmtpConnection::SmtpConnection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SmtpConnection::~SmtpConnection() {
  if (impl_) impl_->Close();
}

Result<std::unique_ptr<SmtpConnection>> SmtpConnection::Open(const SmtpOptions& options) {
  auto impl = std::make_unique<Impl>(options);
  Status s;
  try {
    s = impl->Open();
  } catch (const std::exception& e) {  // Asio throws on context set-up failures
    s = Status::Unavailable(options.host + ":" + std::to_string(options.port) + ": " + e.what());
  }
  if (!s.ok()) {
    impl->Close();
    return s;
  }
  return std::unique_ptr<SmtpConnection>(new SmtpConnection(std::move(impl)));
}

SmtpOutcome SmtpConnection::Send(std::string_view envelope_from, std::string_view recipient, std::string_view mime) {
  try {
    return impl_->Send(envelope_from, recipient, mime);
  } catch (const std::exception& e) {
    impl_->Close();
    return {SmtpOutcome::Kind::kTransient, std::string("error: ") + e.what(), false};
  }
}

void SmtpConnection::Quit() {
  try {
    impl_->Quit();
  } catch (const std::exception&) {
    impl_->Close();
  }
}

bool SmtpConnection::encrypted() const { return impl_->encrypted(); }
bool SmtpConnection::HasExtension(std::string_view keyword) const { return impl_->HasExtension(keyword); }

}  // namespace liasse::mail
