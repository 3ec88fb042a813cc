#include "prescription_link.h"

#include <algorithm>
#include <optional>
#include <string>

#include "page_view.h"

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

// Levenshtein distance between two short digit strings.
size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

const ReviewFlag* FlagOf(const Document& d, const std::string& field) {
  for (const auto& f : d.review) {
    if (f.field == field && !f.line) return &f;
  }
  return nullptr;
}

// What the feuille shows was written in the field, as day-month-year
// digits: the doubtful value, or the text quoted by the flag ("date
// illisible : « 63/12/2024 »"). Empty when nothing was read there.
std::string WrittenDigits(const Document& feuille) {
  const ReviewFlag* flag = FlagOf(feuille, kField);
  if (flag == nullptr) return {};
  if (const std::string* iso = feuille.Text(kField)) {
    // ISO yyyy-mm-dd back to the day-month-year order of the paper.
    return iso->size() == 10 ? Digits(iso->substr(8, 2) + iso->substr(5, 2) + iso->substr(0, 4)) : std::string();
  }
  const auto open = flag->reason.find("« "), close = flag->reason.rfind(" »");
  if (open == std::string::npos || close == std::string::npos || close <= open) return {};
  const std::string digits = Digits(flag->reason.substr(open, close - open));
  return digits.size() >= 6 ? digits : std::string();
}

bool SamePatient(const Document& feuille, const Document& prescription) {
  const std::string* a = feuille.Text("beneficiaire.nom");
  const std::string* b = prescription.Text("patient.nom");
  return a && b && FoldKey(*a) == FoldKey(*b);
}

// The date of the one prescription that fits best, or nullptr.
const Document* Closest(const std::vector<Document>& documents, const Document& feuille, const std::string& written) {
  const Document* best = nullptr;
  size_t best_distance = 3;
  bool tie = false;
  for (const auto& p : documents) {
    if (p.type != DocumentType::kPrescription || !SamePatient(feuille, p) || FlagOf(p, "date")) continue;
    const std::string* iso = p.Text("date");
    if (iso == nullptr || iso->size() != 10) continue;
    const size_t distance = EditDistance(written, Digits(iso->substr(8, 2) + iso->substr(5, 2) + iso->substr(0, 4)));
    if (distance < best_distance) {
      best = &p;
      best_distance = distance;
      tie = false;
    } else if (distance == best_distance && best && *best->Text("date") != *iso) {
      tie = true;
    }
  }
  return tie ? nullptr : best;
}

}  // namespace

void LinkPrescriptionDates(std::vector<Document>& documents) {
  for (auto& feuille : documents) {
    if (feuille.type != DocumentType::kFeuilleDeSoins) continue;
    const std::string written = WrittenDigits(feuille);
    if (written.empty()) continue;
    const Document* prescription = Closest(documents, feuille, written);
    if (prescription == nullptr) continue;
    const Field& date = *prescription->Find("date");
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
