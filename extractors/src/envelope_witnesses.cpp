#include "envelope_witnesses.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/fields.h"

namespace liasse::extractors::internal {

namespace {

// A place a value is printed: a field of a document type.
struct Place {
  DocumentType type;
  std::string_view field;
};

// The places that print one value, when they hold the same text. What
// places are equal is domain knowledge (seed 003: the auxiliaire who bills
// the feuilles is the lot's partner; the prescriber of the feuille signed
// the prescription; the patient of a prescription is the feuille's
// bénéficiaire), not wording: it stays with the field catalogue.
const std::vector<std::vector<Place>>& Groups() {
  using enum DocumentType;
  static const std::vector<std::vector<Place>> groups = {
      {{kFeuilleDeSoins, fields::kPraticienIdentifiant}, {kBordereau, fields::kPartenaireIdentifiant}},
      {{kFeuilleDeSoins, fields::kPraticienNom}, {kBordereau, fields::kPartenaireNom}},
      {{kFeuilleDeSoins, fields::kPrescripteurNom}, {kPrescription, fields::kPrescripteurNom}},
      {{kPrescription, fields::kPrescripteurIdentifiant}},
      {{kFeuilleDeSoins, fields::kAssureNom}, {kFeuilleDeSoins, fields::kBeneficiaireNom}, {kPrescription, fields::kPatientNom}},
      {{kFeuilleDeSoins, fields::kAssurePrenom},
       {kFeuilleDeSoins, fields::kBeneficiairePrenom},
       {kPrescription, fields::kPatientPrenom}},
  };
  return groups;
}

enum class Reading { kNone, kSure, kDoubtOnly, kOtherFlag };

// How `field` of `doc` was read: absent, without a flag, with a doubt of
// the reading alone, or with another flag (an anomaly, a disagreement).
Reading ReadingOf(const Document& doc, std::string_view field) {
  if (doc.Text(field) == nullptr) return Reading::kNone;
  bool doubt = false;
  for (const ReviewFlag& f : doc.review) {
    if (f.field != field || f.line) continue;
    if (!f.reading_doubt) return Reading::kOtherFlag;
    doubt = true;
  }
  return doubt ? Reading::kDoubtOnly : Reading::kSure;
}

// True when a place of `group` other than (`self`, `own`) holds `value`
// read without a flag.
bool SurelyReadElsewhere(const std::vector<Document>& documents, const std::vector<Place>& group, const Document& self,
                         std::string_view own, const std::string& value) {
  for (const Document& doc : documents) {
    for (const Place& place : group) {
      if (doc.type != place.type || (&doc == &self && place.field == own)) continue;
      const std::string* text = doc.Text(place.field);
      if (text != nullptr && *text == value && ReadingOf(doc, place.field) == Reading::kSure) return true;
    }
  }
  return false;
}

}  // namespace

int ConfirmByOtherPrintings(std::vector<Document>& documents) {
  // Decide every removal before making any: a doubt confirmed here must not
  // become the sure witness of another doubt in the same pass.
  struct Removal {
    Document* doc;
    std::string_view field;
  };
  std::vector<Removal> removals;
  for (const auto& group : Groups()) {
    for (Document& doc : documents) {
      for (const Place& place : group) {
        if (doc.type != place.type || ReadingOf(doc, place.field) != Reading::kDoubtOnly) continue;
        if (SurelyReadElsewhere(documents, group, doc, place.field, *doc.Text(place.field))) {
          removals.push_back({&doc, place.field});
        }
      }
    }
  }
  for (const Removal& r : removals) {
    std::erase_if(r.doc->review, [&](const ReviewFlag& f) { return f.field == r.field && !f.line; });
  }
  return static_cast<int>(removals.size());
}

}  // namespace liasse::extractors::internal
