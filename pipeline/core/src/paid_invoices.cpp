#include "liasse/core/paid_invoices.h"

namespace liasse {

std::string B2ClaimId(std::string_view professionnel, std::string_view numero) {
  return "B2-" + std::string(professionnel) + "-" + std::string(numero);
}

std::string EnvelopeKey(std::string_view source, std::string_view sha256) {
  // Both parts: the name alone would take a renamed copy for the same
  // envelope, the hash alone a copy under another name.
  return std::string(source) + "@" + std::string(sha256);
}

}  // namespace liasse
