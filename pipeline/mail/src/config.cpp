#include "liasse/mail/config.h"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
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
  return Status::InvalidArgument(file + " : [" + std::string(table) + "] clé « " + std::string(key) +
                                 " » : type ou valeur incorrects");
}

// The keys each table may hold: a misspelt key ("startls") would otherwise
// be ignored and its safe default silently replaced by nothing.
Status CheckKnownKeys(const toml::table& root, const std::string& file) {
  static const std::map<std::string, std::set<std::string>> kKnown = {
      {"operator", {"name", "from", "reply_to", "message_id_domain"}},
      {"smtp",
       {"host", "port", "ehlo_name", "starttls", "verify_certificate", "ca_file", "tls_server_name", "username",
        "password_env", "auth_mechanism", "connections", "connect_timeout_ms", "command_timeout_ms",
        "data_timeout_ms"}},
      {"retry", {"base_delay_s", "max_delay_s", "max_attempts", "jitter_percent"}},
      {"confirmation_adresse", {"sujet", "texte"}},
  };
  for (const auto& [table, node] : root) {
    const auto known = kKnown.find(std::string(table.str()));
    if (known == kKnown.end() || !node.is_table()) {
      return Status::InvalidArgument(file + " : table [" + std::string(table.str()) + "] inconnue");
    }
    for (const auto& [key, value] : *node.as_table()) {
      if (!known->second.contains(std::string(key.str()))) {
        return Status::InvalidArgument(file + " : [" + known->first + "] clé « " + std::string(key.str()) +
                                       " » inconnue");
      }
    }
  }
  return Status::Ok();
}

}  // namespace

Result<MailConfig> LoadMailConfig(const std::string& path) {
  if (!std::filesystem::exists(path)) return Status::NotFound(path + " : configuration mail introuvable");
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return Status::Corrupt(path + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
  if (Status s = CheckKnownKeys(root, path); !s.ok()) return s;
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
           Read(root, "confirmation_adresse", "sujet", c.address_notice.subject, path),
           Read(root, "confirmation_adresse", "texte", c.address_notice.text, path),
       }) {
    if (!s.ok()) return s;
  }
  auto bad = [&path](std::string what) { return Status::InvalidArgument(path + " : " + what); };
  if (c.sender.from_address.empty()) return bad("[operator] clé « from » obligatoire");
  if (c.sender.message_id_domain.empty()) return bad("[operator] clé « message_id_domain » obligatoire");
  if (port <= 0 || port > 65535) return bad("[smtp] clé « port » : entre 1 et 65535");
  c.smtp.port = static_cast<uint16_t>(port);
  if (starttls == "required") {
    c.smtp.starttls = StartTls::kRequired;
  } else if (starttls == "if_offered") {
    c.smtp.starttls = StartTls::kIfOffered;
  } else if (starttls == "never") {
    c.smtp.starttls = StartTls::kNever;
  } else {
    return bad("[smtp] clé « starttls » : \"required\", \"if_offered\" ou \"never\", pas \"" + starttls + "\"");
  }
  if (c.connections < 1 || c.connections > 64) return bad("[smtp] clé « connections » : entre 1 et 64");
  if (connect_ms < 1 || command_ms < 1 || data_ms < 1) return bad("[smtp] clés « *_timeout_ms » : positives");
  c.smtp.connect_timeout = std::chrono::milliseconds(connect_ms);
  c.smtp.command_timeout = std::chrono::milliseconds(command_ms);
  c.smtp.data_timeout = std::chrono::milliseconds(data_ms);
  if (c.retry.max_attempts < 1) return bad("[retry] clé « max_attempts » : au moins 1");
  if (c.retry.jitter_percent > 100) return bad("[retry] clé « jitter_percent » : entre 0 et 100");
  if (c.address_notice.subject.empty() != c.address_notice.text.empty()) {
    return bad("[confirmation_adresse] clés « sujet » et « texte » : toutes deux ou aucune");
  }
  c.retry.base_delay_ms = base_s * 1000;
  c.retry.max_delay_ms = max_s * 1000;
  if (!c.smtp.ca_file.empty() && std::filesystem::path(c.smtp.ca_file).is_relative())
    c.smtp.ca_file = (std::filesystem::path(path).parent_path() / c.smtp.ca_file).string();
  if (!c.smtp.username.empty()) {
    if (password_env.empty()) return bad("[smtp] clé « password_env » obligatoire avec « username »");
    const char* password = std::getenv(password_env.c_str());
    if (password == nullptr) return bad("[smtp] clé « password_env » : variable d'environnement " + password_env + " non définie");
    c.smtp.password = password;
  }
  return c;
}

}  // namespace liasse::mail
