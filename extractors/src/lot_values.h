// The values a feuille de soins and its bordereau line both carry, and how
// a reading of one is compared with the other (lot_match, lot_reconcile).
// Internal; pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/document.h"
#include "liasse/core/fields.h"

namespace liasse::extractors::internal {

enum class Kind { kNumero, kNir, kDate, kAmount, kName };

// A value printed on both the feuille and its bordereau line.
struct SharedValue {
  const char* field;   // on the feuille
  const char* column;  // on the bordereau line
  Kind kind;
  const char* label;   // French, for the reasons
};

inline constexpr SharedValue kShared[] = {
    {fields::kNumeroFacture, fields::kNumeroFacture, Kind::kNumero, "n° de facture"},
    {fields::kAssureNir, fields::kNir, Kind::kNir, "NIR"},
    {fields::kBeneficiaireDateNaissance, fields::kDateNaissance, Kind::kDate, "date de naissance"},
    {fields::kMontantTotal, fields::kMontantTotal, Kind::kAmount, "montant total"},
    {fields::kAssureNom, fields::kNom, Kind::kName, "nom de l'assuré"},
    {fields::kAssurePrenom, fields::kPrenom, Kind::kName, "prénom de l'assuré"},
};

// The review flag of `name` (of `line` when set), or nullptr.
const ReviewFlag* FindFlag(const Document& doc, std::string_view name, std::optional<int> line);

// The reading a flag's reason quotes between « and », or nullopt.
std::optional<std::string> Quoted(const std::string& reason);

// The characters `value` shows on the paper (dates are printed dd/mm/yyyy).
std::string PrintedCharacters(Kind kind, const std::string& value);

// True when a (partial) reading agrees with `value` on most characters: the
// ink there is this value, misread. Any reading with digits for an amount
// (the sums confirm amounts); a word within a third of its letters for a name.
bool PartialReadingAgrees(Kind kind, const std::string& reading, const std::string& value);

// True when `reading` shows the characters of `value` but for one (a
// character doubled, lost or misread).
bool WithinOneCharacter(Kind kind, const std::string& reading, const std::string& value);

// The one number two readings of the same printed number can both be, when
// they differ only where one read a 0 and the other a 6, 8 or 9, or the two
// read different ones of 6, 8 and 9 (a dotted or slashed zero of a
// monospace font, read as a digit with a bowl): there, 0. nullopt when they
// differ otherwise or not at all, or in length.
std::optional<std::string> ZeroSettles(const std::string& a, const std::string& b);

// Every number two such readings could stand for: at each position where
// `a` and `b` differ, a 0, a's digit or b's digit (at most four such
// positions; empty beyond, or when the lengths differ).
std::vector<std::string> ZeroCandidates(const std::string& a, const std::string& b);

}  // namespace liasse::extractors::internal
