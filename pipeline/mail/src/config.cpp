#include "liasse/mail/config.h"

#include <cstdlib>
#include <filesystem>
#include <toml++/toml.h>

namespace liasse::mail {

namespace {

template <typename T>
Status Read(const toml::table& root, std::string_view table, std::string_view key, T& out, const std::string& file) {
  const auto node = root[table][key];
  if (!node) return Status::Ok();  // keep the default
  if constexpr (std::is_same_v<T, std::string>) {
    if (auto v = node.template value<std::string>()) {
      out = *v;
      return Status::Ok();
    }
  } else if constexpr (std::is_same_v<T, bool>) {
    if (auto v = node.template value<bool>()) {
      out = *v;
      return Status::Ok();
    }
  } else {
    if (auto v = node.template value<int64_t>()) {
      out = static_cast<T>(*v);
      if (*v >= 0 && static_cast<int64_t>(out) == *v) return Status::Ok();
    }
  }
  return Status::InvalidArgument(file + ": [" + std::string(table) + "] " + std::string(key) + " has a wrong type or value");
}

}  // namespace

Result<MailConfig> LoadMailConfig(const std::string& path) {
  if (!std::filesystem::exists(path)) return Status::NotFound(path + ": mail configuration not found");
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return Status::Corrupt(path + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
  MailConfig c;
  std::string starttls = "required";
  std::string password_env;
  int64_t connect_ms = c.smtp.connect_timeout.count(), command_ms = c.smtp.command_timeout.count(),
          data_ms = c.smtp.data_timeout.count();
  int64_t base_s = c.retry.base_delay_ms / 1000, max_s = c.retry.max_delay_ms / 1000;
  int port = c.smtp.port;
  for (Status s : {
           Read(root, "operator", "name", c.sender.name, path),
           Read(root, "operator", "from", c.sender.from_address, path),
           Read(root, "operator", "reply_to", c.sender.reply_to, path),
           Read(root, "operator", "message_id_domain", c.sender.message_id_domain, path),
           Read(root, "smtp", "host", c.smtp.host, path),
           Read(root, "smtp", "port", port, path),
           Read(root, "smtp", "ehlo_name", c.smtp.ehlo_name, path),
           Read(root, "smtp", "starttls", starttls, path),
           Read(root, "smtp", "verify_certificate", c.smtp.verify_certificate, path),
           Read(root, "smtp", "ca_file", c.smtp.ca_file, path),
           Read(root, "smtp", "tls_server_name", c.smtp.tls_server_name, path),
           Read(root, "smtp", "username", c.smtp.username, path),
           Read(root, "smtp", "password_env", password_env, path),
           Read(root, "smtp", "auth_mechanism", c.smtp.auth_mechanism, path),
           Read(root, "smtp", "connections", c.connections, path),
           Read(root, "smtp", "connect_timeout_ms", connect_ms, path),
           Read(root, "smtp", "command_timeout_ms", command_ms, path),
           Read(root, "smtp", "data_timeout_ms", data_ms, path),
           Read(root, "retry", "base_delay_s", base_s, path),
           Read(root, "retry", "max_delay_s", max_s, path),
           Read(root, "retry", "max_attempts", c.retry.max_attempts, path),
           Read(root, "retry", "jitter_percent", c.retry.jitter_percent, path),
       }) {
    if (!s.ok()) return s;
  }
  auto bad = [&path](std::string what) { return Status::InvalidArgument(path + ": " + what); };
  if (c.sender.from_address.empty()) return bad("[operator] from is required");
  if (c.sender.message_id_domain.empty()) return bad("[operator] message_id_domain is required");
  if (port <= 0 || port > 65535) return bad("[smtp] port must be in 1..65535");
  c.smtp.port = static_cast<uint16_t>(port);
  if (starttls == "required") {
    c.smtp.starttls = StartTls::kRequired;
  } else if (starttls == "if_offered") {
    c.smtp.starttls = StartTls::kIfOffered;
  } else if (starttls == "never") {
    c.smtp.starttls = StartTls::kNever;
  } else {
    return bad("[smtp] starttls must be \"required\", \"if_offered\" or \"never\", not \"" + starttls + "\"");
  }
  if (c.connections < 1 || c.connections > 64) return bad("[smtp] connections must be in 1..64");
  if (connect_ms < 1 || command_ms < 1 || data_ms < 1) return bad("[smtp] timeouts must be positive");
  c.smtp.connect_timeout = std::chrono::milliseconds(connect_ms);
  c.smtp.command_timeout = std::chrono::milliseconds(command_ms);
  c.smtp.data_timeout = std::chrono::milliseconds(data_ms);
  if (c.retry.max_attempts < 1) return bad("[retry] max_attempts must be at least 1");
  if (c.retry.jitter_percent > 100) return bad("[retry] jitter_percent must be in 0..100");
  c.retry.base_delay_ms = base_s * 1000;
  c.retry.max_delay_ms = max_s * 1000;
  if (!c.smtp.ca_file.empty() && std::filesystem::path(c.smtp.ca_file).is_relative())
    c.smtp.ca_file = (std::filesystem::path(path).parent_path() / c.smtp.ca_file).string();
  if (!c.smtp.username.empty()) {
    if (password_env.empty()) return bad("[smtp] password_env is required with a username");
    const char* password = std::getenv(password_env.c_str());
    if (password == nullptr) return bad("[smtp] environment variable " + password_env + " is not set");
    c.smtp.password = password;
  }
  return c;
}

}  // namespace liasse::mail
