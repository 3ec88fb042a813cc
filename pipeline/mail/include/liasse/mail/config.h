// The operator's mail configuration (TOML): who sends, through which SMTP
// server, how many connections, the retry policy. Passwords are never in
// the file: `password_env` names the environment variable that holds it.
#pragma once

#include <string>

#include "liasse/core/status.h"
#include "liasse/mail/mime.h"
#include "liasse/mail/sender.h"
#include "liasse/mail/smtp.h"

namespace liasse::mail {

// The message (no health data) that tells a member a new address will
// receive the décomptes once confirmed, and how to stop it. Empty: not
// configured.
struct AddressNotice {
  std::string subject;
  std::string text;
};

struct MailConfig {
  AddressNotice address_notice;
  OperatorIdentity sender;
  SmtpOptions smtp;
  int connections = 4;
  RetryPolicy retry;
};

// Reads and validates `path`:
//   [operator] name, from, reply_to, message_id_domain
//   [smtp] host, port, starttls ("required" | "if_offered" | "never"),
//          verify_certificate, ca_file, tls_server_name, username,
//          password_env, auth_mechanism, ehlo_name, connections,
//          connect_timeout_ms, command_timeout_ms, data_timeout_ms
//   [retry] base_delay_s, max_delay_s, max_attempts, jitter_percent
//   [confirmation_adresse] sujet, texte (both or neither)
// STARTTLS is required unless `starttls` says otherwise in so many words.
// A relative ca_file is taken from the file's folder. Fails with
// kNotFound / kCorrupt / kInvalidArgument naming the file and the key, in
// French; an unknown table or key is refused (a misspelt key would leave
// its default unnoticed).
Result<MailConfig> LoadMailConfig(const std::string& path);

}  // namespace liasse::mail
