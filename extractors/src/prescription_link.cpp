#include "prescription_link.h"

#include <algorithm>
#include <optional>
#include <string>

#include "lot_values.h"
#include "page_view.h"
#include "liasse/core/fields.h"

namespace liasse::extractors::internal {

namespace {

constexpr const char* kField = "prescription.date";

std::string Digits(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

// What the feuille shows was written in the field, as day-month-year
// digits: the doubtful value, or the text quoted by the flag ("date
// illisible : « 63/12/2024 »"). Empty when nothing was read there.
std::string WrittenDigits(const Document& feuille) {
  const ReviewFlag* flag = FindFlag(feuille, kField, std::nullopt);
  if (flag == nullptr) return {};
  if (const std::string* iso = feuille.Text(kField)) {
    return Digits(PrintedCharacters(Kind::kDate, *iso));
  }
  const auto quoted = Quoted(flag->reason);
  if (!quoted) return {};
  const std::string digits = Digits(*quoted);
  return digits.size() >= 6 ? digits : std::string();
}

// The same nom, and the same prénom where both were read: two people of
// one family (the assuré and the child he has treated) share the nom.
bool SamePatient(const Document& feuille, const Document& prescription) {
  const std::string* a = feuille.Text(fields::kBeneficiaireNom);
  const std::string* b = prescription.Text(fields::kPatientNom);
  if (!a || !b || FoldKey(*a) != FoldKey(*b)) return false;
  const std::string* pa = feuille.Text(fields::kBeneficiairePrenom);
  const std::string* pb = prescription.Text(fields::kPatientPrenom);
  return !pa || !pb || FoldKey(*pa) == FoldKey(*pb);
}

// The date of the one prescription that fits best, or nullptr.
const Document* Closest(const std::vector<Document>& documents, const Document& feuille, const std::string& written) {
  const Document* best = nullptr;
  size_t best_distance = 3;
  bool tie = false;
  for (const auto& p : documents) {
    if (p.type != DocumentType::kPrescription || !SamePatient(feuille, p) || FindFlag(p, fields::kDate, std::nullopt)) continue;
    const std::string* iso = p.Text(fields::kDate);
    if (iso == nullptr || iso->size() != 10) continue;
    const size_t distance = EditDistance(written, Digits(PrintedCharacters(Kind::kDate, *iso)));
    if (distance < best_distance) {
      best = &p;
      best_distance = distance;
      tie = false;
    } else if (distance == best_distance && best && *best->Text(fields::kDate) != *iso) {
      tie = true;
    }
  }
  return tie ? nullptr : best;
}

bool ReadingDoubtOnly(const Document& d, const std::string& field) {
  const ReviewFlag* flag = FindFlag(d, field, std::nullopt);
  return flag != nullptr && flag->reading_doubt;
}

void Unflag(Document& d, const std::string& field) {
  std::erase_if(d.review, [&](const ReviewFlag& f) { return f.field == field && !f.line; });
}

// The feuille's prescription.date and the prescription's own date, read
// alike for the same patient: one side's doubt of the reading alone is
// settled when the other side is sure (two printings read the same).
void ConfirmAgreeingDates(std::vector<Document>& documents) {
  for (auto& feuille : documents) {
    if (feuille.type != DocumentType::kFeuilleDeSoins) continue;
    const std::string* on_feuille = feuille.Text(kField);
    if (on_feuille == nullptr) continue;
    for (auto& p : documents) {
      if (p.type != DocumentType::kPrescription || !SamePatient(feuille, p)) continue;
      const std::string* own = p.Text(fields::kDate);
      if (own == nullptr || *own != *on_feuille) continue;
      const bool feuille_sure = FindFlag(feuille, kField, std::nullopt) == nullptr;
      const bool prescription_sure = FindFlag(p, fields::kDate, std::nullopt) == nullptr;
      if (prescription_sure && ReadingDoubtOnly(feuille, kField)) Unflag(feuille, kField);
      else if (feuille_sure && ReadingDoubtOnly(p, fields::kDate)) Unflag(p, fields::kDate);
    }
  }
}

}  // namespace

void LinkPrescriptionDates(std::vector<Document>& documents) {
  ConfirmAgreeingDates(documents);
  for (auto& feuille : documents) {
    if (feuille.type != DocumentType::kFeuilleDeSoins) continue;
    const std::string written = WrittenDigits(feuille);
    if (written.empty()) continue;
    const Document* prescription = Closest(documents, feuille, written);
    if (prescription == nullptr) continue;
    const Field& date = *prescription->Find(fields::kDate);
    const std::string* before = feuille.Text(kField);
    if (before && *before == *date.text()) continue;
    feuille.fields[kField] = Field{*date.text(), 0.5, date.page, date.box};
    for (auto& f : feuille.review) {
      if (f.field == kField && !f.line) {
        f.reason = "repris de la prescription : à vérifier (sur la feuille : " + f.reason + ")";
      }
    }
  }
}

}  // namespace liasse::extractors::internal
