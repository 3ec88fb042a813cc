#include "letter_checks.h"

#include <fmt/format.h>

#include <cctype>

namespace liasse::runner {
namespace {

bool IsPlaceholder(std::string_view value) {
  return value.empty() || value.find('?') != std::string_view::npos || value.find("{{") != std::string_view::npos ||
         value.find("illisible") != std::string_view::npos;
}

// A postcode line: five digits, a space, a town.
bool IsPostcodeLine(std::string_view line) {
  if (line.size() < 7 || line[5] != ' ') return false;
  for (int i = 0; i < 5; ++i) {
    if (std::isdigit(static_cast<unsigned char>(line[static_cast<std::size_t>(i)])) == 0) return false;
  }
  return true;
}

}  // namespace

std::string LetterKey(const std::string& sha256) {
  std::string key = sha256.substr(0, 8);
  for (char& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return key;
}

std::string MissingInLetter(const generators::Recipient& to,
                            std::initializer_list<std::pair<std::string_view, std::string_view>> identifiers) {
  std::string missing;
  auto add = [&missing](std::string what) { missing += (missing.empty() ? "" : " ; ") + what; };
  if (IsPlaceholder(to.name)) add("nom du destinataire inconnu");
  if (to.address.size() < 2 || !IsPostcodeLine(to.address.back())) {
    add(fmt::format("adresse postale de {} incomplète ou inconnue", to.name.empty() ? "destinataire" : to.name));
  }
  for (const auto& [label, value] : identifiers) {
    if (IsPlaceholder(value)) add(fmt::format("{} incomplet (« {} »)", label, value));
  }
  return missing;
}

std::vector<std::string> AddressLines(const std::string& adresse) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t comma; (comma = adresse.find(", ", start)) != std::string::npos; start = comma + 2) {
    lines.push_back(adresse.substr(start, comma - start));
  }
  lines.push_back(adresse.substr(start));
  return lines;
}

}  // namespace liasse::runner
