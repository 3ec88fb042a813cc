#include "liasse/mail/mime.h"

#include <openssl/evp.h>

#include <array>
#include <cstdio>

#include "liasse/core/utf8.h"

namespace liasse::mail {
namespace {

constexpr std::string_view kCrlf = "\r\n";

std::string Sha256Hex(std::string_view bytes) {
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

bool IsPrintableAscii(std::string_view s) {
  for (char c : s) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

bool HasLineBreak(std::string_view s) { return s.find_first_of("\r\n") != std::string_view::npos; }

// Deliberately strict: the address goes verbatim into headers and into
// MAIL FROM / RCPT TO, so anything that could break either is refused.
bool IsPlainAddress(std::string_view a) {
  const auto at = a.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= a.size()) return false;
  if (a.find('@', at + 1) != std::string_view::npos) return false;
  for (char c : a) {
    if (c <= 0x20 || c >= 0x7f || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' || c == '(' ||
        c == ')' || c == '\\')
      return false;
  }
  return true;
}

// Mailbox "Display Name <addr>"; the name is quoted when ASCII, encoded
// words otherwise.
std::string Mailbox(std::string_view name, std::string_view address) {
  if (name.empty()) return std::string(address);
  std::string display;
  if (IsPrintableAscii(name)) {
    display = "\"";
    for (char c : name) {
      if (c == '"' || c == '\\') display += '\\';
      display += c;
    }
    display += "\"";
  } else {
    display = EncodeHeaderWords(name);
  }
  return display + " <" + std::string(address) + ">";
}

std::string FilenameParams(std::string_view filename) {
  if (IsPrintableAscii(filename) && filename.find_first_of("\"\\") == std::string_view::npos) {
    return "filename=\"" + std::string(filename) + "\"";
  }
  // RFC 2231 extended parameter: percent-encoded UTF-8.
  std::string out = "filename*=UTF-8''";
  char buf[4];
  for (char ch : filename) {
    const auto c = static_cast<unsigned char>(ch);
    const bool plain = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                       c == '.' || c == '-' || c == '_';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

void AppendTextPart(std::string& out, std::string_view boundary, std::string_view subtype, std::string_view body) {
  out += "--";
  out += boundary;
  out += kCrlf;
  out += "Content-Type: text/";
  out += subtype;
  out += "; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  out += Base64Lines(body);
}

// "Name: value" CRLF, folded before spaces so that lines stay within 78
// characters (RFC 5322 §2.2.3); a value already holding CRLF SP folds is
// kept as it is. A single word longer than a line stays whole.
std::string FoldHeader(std::string_view name, std::string_view value) {
  std::string out(name);
  out += ':';
  if (value.find("\r\n") != std::string_view::npos) return out + " " + std::string(value) + "\r\n";
  std::size_t line_length = out.size();
  std::size_t pos = 0;
  while (pos <= value.size()) {
    auto end = value.find(' ', pos);
    if (end == std::string_view::npos) end = value.size();
    const std::string_view word = value.substr(pos, end - pos);
    if (line_length + 1 + word.size() > 78 && line_length > 0) {
      out += "\r\n";
      line_length = 0;
    }
    out += ' ';
    out += word;
    line_length += 1 + word.size();
    pos = end + 1;
  }
  return out + "\r\n";
}

Status Check(const DecompteMail& mail, const OperatorIdentity& sender) {
  if (mail.decompte_id.empty()) return Status::InvalidArgument("mail: decompte_id is empty");
  if (mail.subject.empty()) return Status::InvalidArgument("mail: subject is empty for " + mail.decompte_id);
  if (mail.text.empty()) return Status::InvalidArgument("mail: text body is empty for " + mail.decompte_id);
  if (mail.date.empty()) return Status::InvalidArgument("mail: date is empty for " + mail.decompte_id);
  if (sender.message_id_domain.empty() || !IsPlainAddress("x@" + sender.message_id_domain))
    return Status::InvalidArgument("mail: invalid message_id_domain '" + sender.message_id_domain + "'");
  if (!IsPlainAddress(mail.to_address))
    return Status::InvalidArgument("mail: invalid recipient address '" + mail.to_address + "' for " +
                                   mail.decompte_id);
  if (!IsPlainAddress(sender.from_address))
    return Status::InvalidArgument("mail: invalid sender address '" + sender.from_address + "'");
  if (!sender.reply_to.empty() && !IsPlainAddress(sender.reply_to))
    return Status::InvalidArgument("mail: invalid Reply-To address '" + sender.reply_to + "'");
  for (std::string_view v : {std::string_view(mail.decompte_id), std::string_view(mail.to_name),
                             std::string_view(mail.subject), std::string_view(mail.date),
                             std::string_view(sender.name)}) {
    if (HasLineBreak(v)) return Status::InvalidArgument("mail: line break in a header value for " + mail.decompte_id);
  }
  for (const auto& a : mail.attachments) {
    if (a.filename.empty() || HasLineBreak(a.filename) || a.filename.find('/') != std::string::npos)
      return Status::InvalidArgument("mail: invalid attachment name '" + a.filename + "'");
    if (a.content_type.find('/') == std::string::npos || !IsPrintableAscii(a.content_type) ||
        a.content_type.find_first_of(" ;\"") != std::string::npos)
      return Status::InvalidArgument("mail: invalid attachment type '" + a.content_type + "'");
  }
  return Status::Ok();
}

}  // namespace

std::string Base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string Base64Lines(std::string_view bytes) {
  // 57 input bytes make exactly one 76-character line.
  constexpr std::size_t kChunk = 57;
  std::string out;
  out.reserve((bytes.size() / kChunk + 1) * 78);
  for (std::size_t pos = 0; pos < bytes.size(); pos += kChunk) {
    out += Base64(bytes.substr(pos, kChunk));
    out += kCrlf;
  }
  return out;
}

std::string EncodeHeaderWords(std::string_view utf8) {
  if (IsPrintableAscii(utf8)) return std::string(utf8);
  // "=?UTF-8?B?" + "?=" is 12 characters; 63 left hold 15 groups of 4, i.e.
  // 45 bytes of text per word, cut on a character boundary.
  constexpr std::size_t kMaxBytes = 45;
  std::string out;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    std::size_t end = pos;
    while (end < utf8.size()) {
      // A malformed sequence is carried over byte by byte.
      const std::size_t len = utf8::DecodeFirst(utf8.substr(end)).length;
      if (end + len - pos > kMaxBytes) break;
      end += len;
    }
    if (end == pos) end = std::min(utf8.size(), pos + 1);  // malformed: move on
    if (!out.empty()) out += ' ';  // space between encoded words is not part of the text
    out += "=?UTF-8?B?" + Base64(utf8.substr(pos, end - pos)) + "?=";
    pos = end;
  }
  return out;
}

std::string MessageIdFor(std::string_view decompte_id, std::string_view domain) {
  std::string safe;
  for (char c : decompte_id) {
    const bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' ||
                    c == '_';
    if (safe.size() < 40) safe += ok ? c : '-';
  }
  return "<decompte." + safe + "." + Sha256Hex(decompte_id).substr(0, 16) + "@" + std::string(domain) + ">";
}

Result<std::string> BuildMime(const DecompteMail& mail, const OperatorIdentity& sender) {
  LIASSE_RETURN_IF_ERROR(Check(mail, sender));
  // Boundaries cannot occur in the parts: "=_" is not base64 and every part
  // is base64.
  const std::string tag = Sha256Hex("boundary:" + mail.decompte_id).substr(0, 24);
  const std::string mixed = "=_liasse_mixed_" + tag;
  const std::string alternative = "=_liasse_alt_" + tag;

  std::string out;
  out.reserve(256 + mail.text.size() * 2 + mail.html.size() * 2 +
              (mail.attachments.empty() ? 0 : mail.attachments.front().bytes.size() * 14 / 10));
  auto header = [&out](std::string_view name, std::string_view value) { out += FoldHeader(name, value); };
  header("Date", mail.date);
  header("From", Mailbox(sender.name, sender.from_address));
  header("To", Mailbox(mail.to_name, mail.to_address));
  if (!sender.reply_to.empty()) header("Reply-To", sender.reply_to);
  header("Subject", EncodeHeaderWords(mail.subject));
  header("Message-ID", MessageIdFor(mail.decompte_id, sender.message_id_domain));
  header("MIME-Version", "1.0");
  header("Content-Type", "multipart/mixed;\r\n boundary=\"" + mixed + "\"");
  out += kCrlf;
  out += "This is a multipart message in MIME format.\r\n";

  out += "--" + mixed + "\r\n";
  if (mail.html.empty()) {
    out += "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    out += Base64Lines(mail.text);
  } else {
    out += "Content-Type: multipart/alternative;\r\n boundary=\"" + alternative + "\"\r\n\r\n";
    AppendTextPart(out, alternative, "plain", mail.text);
    AppendTextPart(out, alternative, "html", mail.html);
    out += "--" + alternative + "--\r\n";
  }
  for (const auto& a : mail.attachments) {
    out += "--" + mixed + "\r\n";
    out += "Content-Type: " + a.content_type + "\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    out += "Content-Disposition: attachment;\r\n " + FilenameParams(a.filename) + "\r\n\r\n";
    out += Base64Lines(a.bytes);
  }
  out += "--" + mixed + "--\r\n";
  return out;
}

}  // namespace liasse::mail
