// PrescriptionHistory: the port through which the B2 lot rules remember the
// prescriptions already received. Seed 003 asks for the prescription copy
// "lors de la première transmission" only, so a later lot for the same
// patient and auxiliaire médical without a copy is conform. The store module
// implements it on SQLite; liasse::rules has an in-memory implementation.
#pragma once

#include <optional>
#include <string>

#include "liasse/core/date.h"
#include "liasse/core/status.h"

namespace liasse {

// Who the prescription is for and which auxiliaire médical carries it out.
// All three parts are normalised text (identifiant as printed, 15-character
// NIR of the assuré, ISO birth date of the bénéficiaire).
struct PrescriptionKey {
  std::string partenaire;      // partenaire.identifiant of the auxiliaire
  std::string nir;             // assuré
  std::string date_naissance;  // bénéficiaire
  bool complete() const { return !partenaire.empty() && !nir.empty() && !date_naissance.empty(); }
  friend auto operator<=>(const PrescriptionKey&, const PrescriptionKey&) = default;
};

struct PrescriptionRecord {
  PrescriptionKey key;
  std::optional<Date> date;      // date of the prescription when read
  std::string numero_facture;    // the invoice it came with
};

// Implementations must be safe to call from one thread at a time at least;
// say so if they allow more. Find returns nullopt when no prescription is
// known, a non-ok Status when the backing store cannot answer.
class PrescriptionHistory {
 public:
  virtual ~PrescriptionHistory() = default;
  virtual Result<std::optional<PrescriptionRecord>> Find(const PrescriptionKey& key) const = 0;
  // Records (or replaces) the prescription known for record.key.
  virtual Status Remember(const PrescriptionRecord& record) = 0;
};

}  // namespace liasse
