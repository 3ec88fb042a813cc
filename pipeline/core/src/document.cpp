#include "liasse/core/document.h"

#include <algorithm>

#include <array>
#include <utility>

namespace liasse {

namespace {
constexpr std::array<std::pair<DocumentType, std::string_view>, 12> kTypeNames = {{
    {DocumentType::kBordereau, "bordereau"},
    {DocumentType::kFeuilleDeSoins, "feuille_de_soins"},
    {DocumentType::kFacture, "facture"},
    {DocumentType::kPrescription, "prescription"},
    {DocumentType::kEntentePrealable, "entente_prealable"},
    {DocumentType::kAttestationDroits, "attestation_droits"},
    {DocumentType::kDecompteRo, "decompte_ro"},
    {DocumentType::kDevis, "devis"},
    {DocumentType::kReclamation, "reclamation"},
    {DocumentType::kRenonciation, "renonciation"},
    {DocumentType::kCouponEmail, "coupon_email"},
    {DocumentType::kAutre, "autre"},
}};
}  // namespace

std::string_view DocumentTypeName(DocumentType type) {
  for (const auto& [t, name] : kTypeNames) {
    if (t == type) return name;
  }
  return "autre";
}

std::optional<DocumentType> ParseDocumentType(std::string_view name) {
  for (const auto& [t, n] : kTypeNames) {
    if (n == name) return t;
  }
  return std::nullopt;
}

std::optional<std::string> Field::text() const {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  return std::nullopt;
}

std::optional<bool> Field::boolean() const {
  if (const auto* b = std::get_if<bool>(&value)) return *b;
  return std::nullopt;
}

const std::string* Line::Find(std::string_view column) const {
  auto it = values.find(column);
  if (it == values.end() || it->second.empty()) return nullptr;
  return &it->second;
}

const Field* Document::Find(std::string_view name) const {
  auto it = fields.find(name);
  return it == fields.end() ? nullptr : &it->second;
}

const std::string* Document::Text(std::string_view name) const {
  const Field* f = Find(name);
  if (f == nullptr) return nullptr;
  const auto* s = std::get_if<std::string>(&f->value);
  if (s == nullptr || s->empty()) return nullptr;
  return s;
}

std::optional<bool> Document::Flag(std::string_view name) const {
  const Field* f = Find(name);
  return f == nullptr ? std::nullopt : f->boolean();
}

bool Document::InReview(std::string_view name) const {
  return std::any_of(review.begin(), review.end(), [&](const ReviewFlag& f) { return f.field == name && !f.line; });
}

}  // namespace liasse
