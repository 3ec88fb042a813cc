#include "envelope_witnesses.h"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/edit_distance.h"
#include "liasse/core/fields.h"
#include "lot_values.h"

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
// `envelope_wide`: one value for the whole envelope (one lot, one
// partner); else a person's readings witness each other on one document,
// or on two when the person's other name reads the same on both (the
// patients of a lot's feuilles are many).
struct WitnessGroup {
  std::vector<Place> places;
  bool envelope_wide = true;
};

const std::vector<WitnessGroup>& Groups() {
  using enum DocumentType;
  static const std::vector<WitnessGroup> groups = {
      {{{kFeuilleDeSoins, fields::kPraticienIdentifiant}, {kBordereau, fields::kPartenaireIdentifiant}}},
      {{{kFeuilleDeSoins, fields::kPraticienNom}, {kBordereau, fields::kPartenaireNom}}},
      {{{kFeuilleDeSoins, fields::kPrescripteurNom}, {kPrescription, fields::kPrescripteurNom}}},
      {{{kPrescription, fields::kPrescripteurIdentifiant}}},
      {{{kFeuilleDeSoins, fields::kAssureNom}, {kFeuilleDeSoins, fields::kBeneficiaireNom}, {kPrescription, fields::kPatientNom}},
       false},
      {{{kFeuilleDeSoins, fields::kAssurePrenom},
        {kFeuilleDeSoins, fields::kBeneficiairePrenom},
        {kPrescription, fields::kPatientPrenom}},
       false},
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

// `text` without its spaces.
std::string WithoutSpaces(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != ' ') out += c;
  }
  return out;
}

// Two readings of one word as the OCR misreads it: equal but for spaces;
// or, unless `field` is a prénom, one character apart in words of four
// characters or more.
bool NearlyAlike(std::string_view field, const std::string& a, const std::string& b) {
  if (a == b) return false;
  if (WithoutSpaces(a) == WithoutSpaces(b)) return true;
  if (field.ends_with("prenom") || std::min(a.size(), b.size()) < 4) return false;
  return EditDistance(a, b) == 1;
}

// One reading of a witness group: where, and what.
struct Printing {
  Document* doc;
  std::string_view field;
  std::string value;
};

std::vector<Printing> PrintingsOf(std::vector<Document>& documents, const std::vector<Place>& group) {
  std::vector<Printing> out;
  for (Document& doc : documents) {
    for (const Place& place : group) {
      if (doc.type != place.type) continue;
      if (const std::string* text = doc.Text(place.field)) out.push_back({&doc, place.field, *text});
    }
  }
  return out;
}

// The person's other name field beside a nom or prénom field
// ("patient.nom" → "patient.prenom").
std::string OtherNameField(std::string_view field) {
  std::string f(field);
  if (f.ends_with(".prenom")) return f.substr(0, f.size() - 6) + "nom";
  if (f.ends_with(".nom")) return f.substr(0, f.size() - 3) + "prenom";
  return {};
}

// Two printings on different documents of one person: the other name
// read the same on both (a prescription's patient, the feuille's bénéficiaire).
bool SamePersonsOtherName(const Printing& a, const Printing& b) {
  const std::string* x = a.doc->Text(OtherNameField(a.field));
  const std::string* y = b.doc->Text(OtherNameField(b.field));
  return x != nullptr && y != nullptr && *x == *y;
}

}  // namespace

int FlagNearlyAlikePrintings(std::vector<Document>& documents) {
  struct Flagging {
    Document* doc;
    std::string_view field;
    std::string reason;
  };
  std::vector<Flagging> flags;
  for (const auto& group : Groups()) {
    const auto printings = PrintingsOf(documents, group.places);
    // Readings of one value: the whole group's, or one person's.
    auto comparable = [&](const Printing& a, const Printing& b) {
      return group.envelope_wide || a.doc == b.doc || SamePersonsOtherName(a, b);
    };
    // How many documents comparable with `p` read `v` (two printings on
    // one page, in one font, are one witness: the OCR splits both alike).
    auto support = [&](const std::string& v, const Printing& p) {
      std::set<const Document*> docs;
      for (const Printing& q : printings) {
        if (q.value == v && comparable(p, q)) docs.insert(q.doc);
      }
      return docs.size();
    };
    for (const Printing& p : printings) {
      for (const Printing& other : printings) {
        if (!comparable(p, other)) continue;
        if (!NearlyAlike(p.field, p.value, other.value) || support(p.value, p) > support(other.value, p)) continue;
        // The other reading already in review, this one sure: the person
        // checking it sees the misreading; this one stands.
        const bool other_flagged = FindFlag(*other.doc, other.field, std::nullopt) != nullptr;
        if (other_flagged && FindFlag(*p.doc, p.field, std::nullopt) == nullptr) continue;
        flags.push_back({p.doc, p.field,
                         "lu \xC2\xAB " + p.value + " \xC2\xBB ici et \xC2\xAB " + other.value +
                             " \xC2\xBB ailleurs dans l'enveloppe : même valeur mal lue à l'un des deux endroits, à vérifier"});
        break;
      }
    }
  }
  int flagged = 0;
  for (const Flagging& f : flags) {
    if (FindFlag(*f.doc, f.field, std::nullopt) != nullptr) continue;
    f.doc->review.push_back({std::string(f.field), std::nullopt, f.reason, false});
    ++flagged;
  }
  return flagged;
}

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
      for (const Place& place : group.places) {
        if (doc.type != place.type || ReadingOf(doc, place.field) != Reading::kDoubtOnly) continue;
        if (SurelyReadElsewhere(documents, group.places, doc, place.field, *doc.Text(place.field))) {
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
