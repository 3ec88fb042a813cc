#include "liasse/core/email_address.h"

#include <algorithm>
#include <cctype>

namespace liasse {
namespace {

bool IsAsciiAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 && static_cast<unsigned char>(c) < 0x80; }

// The character of `c` for a message: itself when ASCII, else a word (one
// byte of a UTF-8 sequence cannot be shown alone).
std::string Shown(char c) {
  if (static_cast<unsigned char>(c) >= 0x80) return "caractère accentué ou non latin";
  return std::string("caractère « ") + c + " »";
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return out;
}

Status CheckLocal(std::string_view local) {
  if (local.empty()) return Status::InvalidArgument("rien avant « @ »");
  if (local.size() > 64) return Status::InvalidArgument("partie avant « @ » trop longue");
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
    return Status::InvalidArgument("point mal placé avant « @ »");
  }
  for (char c : local) {
    if (!IsAsciiAlnum(c) && c != '.' && c != '_' && c != '%' && c != '+' && c != '-') {
      return Status::InvalidArgument(Shown(c) + " impossible avant « @ »");
    }
  }
  return Status::Ok();
}

Status CheckDomain(std::string_view domain) {
  if (domain.find('.') == std::string_view::npos) return Status::InvalidArgument("domaine sans point après « @ »");
  size_t start = 0;
  std::string_view last;
  while (start <= domain.size()) {
    const size_t dot = std::min(domain.find('.', start), domain.size());
    const std::string_view label = domain.substr(start, dot - start);
    if (label.empty()) return Status::InvalidArgument("point mal placé dans le domaine");
    if (label.front() == '-' || label.back() == '-') return Status::InvalidArgument("tiret mal placé dans le domaine");
    for (char c : label) {
      if (!IsAsciiAlnum(c) && c != '-') {
        return Status::InvalidArgument(Shown(c) + " impossible dans le domaine");
      }
    }
    last = label;
    start = dot + 1;
  }
  const bool letters = std::all_of(last.begin(), last.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
  if (last.size() < 2 || last.size() > 24 || !letters) {
    return Status::InvalidArgument("extension du domaine invalide (« " + std::string(last) + " »)");
  }
  return Status::Ok();
}

}  // namespace

Result<std::string> ParseEmailAddress(std::string_view text) {
  auto trim = [](char c) { return c == ' ' || c == '\t' || c == ',' || c == ';' || c == ':' || c == '.' || c == '<' || c == '>'; };
  while (!text.empty() && trim(text.front())) text.remove_prefix(1);
  while (!text.empty() && trim(text.back())) text.remove_suffix(1);
  if (text.empty()) return Status::InvalidArgument("adresse e-mail vide");
  if (text.size() > 254) return Status::InvalidArgument("adresse e-mail trop longue");
  const size_t at = text.find('@');
  if (at == std::string_view::npos) return Status::InvalidArgument("adresse e-mail sans « @ »");
  if (text.find('@', at + 1) != std::string_view::npos) return Status::InvalidArgument("adresse e-mail avec deux « @ »");
  const std::string address = Lower(text);
  if (Status s = CheckLocal(std::string_view(address).substr(0, at)); !s.ok()) {
    return Status::InvalidArgument("adresse e-mail invalide : " + s.message());
  }
  if (Status s = CheckDomain(std::string_view(address).substr(at + 1)); !s.ok()) {
    return Status::InvalidArgument("adresse e-mail invalide : " + s.message());
  }
  return address;
}

}  // namespace liasse
