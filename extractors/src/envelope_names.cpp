#include "envelope_names.h"

#include <algorithm>
#include <optional>
#include <string>

#include "lot_values.h"
#include "page_view.h"

namespace liasse::extractors::internal {

namespace {

// One person's nom and prénom as printed in one place.
struct NamePair {
  std::string nom, prenom;
};

bool CapitalsFlag(const ReviewFlag& f) { return f.reason.starts_with(kNomPrenomInCapitals) || f.reason.starts_with(kPrenomInCapitals); }

// True when `text` holds a small letter (ASCII, or a Latin-1 one in UTF-8: "é").
bool HasSmallLetter(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 'a' && c <= 'z') return true;
    if (c == 0xC3 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0xA0) return true;
  }
  return false;
}

// The order of the two names is printed: the nom in capitals, the prénom in small letters.
bool OrderPrinted(const NamePair& p) { return !HasSmallLetter(p.nom) && HasSmallLetter(p.prenom); }

// The field of a person's prénom beside field `nom` ("assure.nom" →
// "assure.prenom", "nom" → "prenom"); empty when `nom` is no nom's field.
std::string PrenomFieldOf(const std::string& nom) {
  constexpr std::string_view kNom = "nom";
  if (nom.size() < kNom.size() || nom.compare(nom.size() - kNom.size(), kNom.size(), kNom) != 0) return "";
  const std::string head = nom.substr(0, nom.size() - kNom.size());
  if (!head.empty() && head.back() != '.') return "";  // "assure.prenom" ends so too
  return head + "prenom";
}

// The flags of `doc` on a person's fields `nom` and `prenom` (not a line's).
std::vector<const ReviewFlag*> PairFlags(const Document& doc, std::string_view nom, std::string_view prenom) {
  std::vector<const ReviewFlag*> out;
  for (const ReviewFlag& f : doc.review) {
    if ((f.field == nom || f.field == prenom) && !f.line) out.push_back(&f);
  }
  return out;
}

// True when line `i` of `doc` has its nom or prénom flagged.
bool LineNamesFlagged(const Document& doc, size_t i) {
  const auto line = static_cast<int>(i);
  return FindFlag(doc, "nom", line) != nullptr || FindFlag(doc, "prenom", line) != nullptr;
}

// A pair of one document read in capitals: its two fields, flagged only so.
struct Target {
  Document* doc;
  std::string nom_field, prenom_field;
};

// Every printing of a person's two names in the envelope that tells their
// order, with the document it stands on.
struct Witness {
  NamePair names;
  const Document* doc;
  bool sure;              // read without any flag
};

std::vector<Witness> Witnesses(const std::vector<Document>& documents) {
  std::vector<Witness> out;
  for (const Document& doc : documents) {
    for (const auto& [name, field] : doc.fields) {
      const std::string prenom_field = PrenomFieldOf(name);
      const std::string* nom = doc.Text(name);
      const std::string* prenom = prenom_field.empty() ? nullptr : doc.Text(prenom_field);
      if (nom == nullptr || prenom == nullptr) continue;
      // A printing read in capitals tells no order.
      const auto flags = PairFlags(doc, name, prenom_field);
      if (std::any_of(flags.begin(), flags.end(), [](const ReviewFlag* f) { return CapitalsFlag(*f); })) continue;
      NamePair p{*nom, *prenom};
      if (OrderPrinted(p)) out.push_back({p, &doc, flags.empty()});
    }
    for (size_t i = 0; i < doc.lines.size(); ++i) {
      const std::string* nom = doc.lines[i].Find("nom");
      const std::string* prenom = doc.lines[i].Find("prenom");
      if (nom == nullptr || prenom == nullptr) continue;
      NamePair p{*nom, *prenom};
      if (OrderPrinted(p)) out.push_back({p, &doc, !LineNamesFlagged(doc, i)});
    }
  }
  return out;
}

std::vector<Target> Targets(std::vector<Document>& documents) {
  std::vector<Target> out;
  for (Document& doc : documents) {
    for (const auto& [name, field] : doc.fields) {
      const std::string prenom_field = PrenomFieldOf(name);
      if (prenom_field.empty() || doc.Text(name) == nullptr || doc.Text(prenom_field) == nullptr) continue;
      const auto flags = PairFlags(doc, name, prenom_field);
      // Read in capitals, and else at most doubted as a reading (a low confidence).
      const bool capitals = std::any_of(flags.begin(), flags.end(), [](const ReviewFlag* f) { return CapitalsFlag(*f); });
      if (!capitals || !std::all_of(flags.begin(), flags.end(), [](const ReviewFlag* f) { return CapitalsFlag(*f) || f->reading_doubt; })) continue;
      out.push_back({&doc, name, prenom_field});
    }
  }
  return out;
}

// The printing of the target's two names, in either order, that tells
// their order; nullopt when none or two different ones do.
std::optional<Witness> OrderOf(const Target& t, const std::vector<Witness>& witnesses) {
  const std::string a = FoldKey(*t.doc->Text(t.nom_field)), b = FoldKey(*t.doc->Text(t.prenom_field));
  if (a.empty() || b.empty() || a == b) return std::nullopt;
  std::optional<Witness> found;
  for (const Witness& w : witnesses) {
    // The same document's other person may be a copy of this reading (one block read for both).
    if (w.doc == t.doc) continue;
    const std::string n = FoldKey(w.names.nom), p = FoldKey(w.names.prenom);
    if (!((n == a && p == b) || (n == b && p == a))) continue;
    if (found && (found->names.nom != w.names.nom || found->names.prenom != w.names.prenom)) return std::nullopt;
    if (!found || w.sure) found = w;
  }
  return found;
}

bool RoleFlag(const ReviewFlag& f) {
  return f.reason.starts_with(kRoleOfTheBlocksName) || f.reason.starts_with(kRoleByElimination) ||
         f.reason.starts_with(kRoleOfThePagesOnlyName) || f.reason.starts_with(kRoleBesideABirthDate);
}

// One person's place: a document type and the opening of its fields
// ("beneficiaire."); an empty opening for a bordereau line's columns.
struct PersonPlace {
  DocumentType type;
  std::string_view person;
};

// The places that name the same person (domain knowledge, as in
// envelope_witnesses.cpp: the patient of a prescription is the feuille's
// bénéficiaire; the bordereau's lines name the assurés).
const std::vector<std::pair<PersonPlace, PersonPlace>>& SamePersonPlaces() {
  using enum DocumentType;
  static const std::vector<std::pair<PersonPlace, PersonPlace>> places = {
      {{kFeuilleDeSoins, "beneficiaire."}, {kPrescription, "patient."}},
      {{kPrescription, "patient."}, {kFeuilleDeSoins, "beneficiaire."}},
      {{kFeuilleDeSoins, "assure."}, {kBordereau, ""}},
  };
  return places;
}

bool FlaggedOnly(const Document& doc, const std::string& nom, const std::string& prenom, bool (*kind)(const ReviewFlag&)) {
  const auto flags = PairFlags(doc, nom, prenom);
  return !flags.empty() && std::all_of(flags.begin(), flags.end(), [&](const ReviewFlag* f) { return kind(*f); });
}

// The nom and prénom that `place` on a document other than `self` holds,
// read without a flag, when they are `nom` and `prenom` folded; nullopt
// when no such printing is there.
std::optional<NamePair> SurePrintingOf(const std::vector<Document>& documents, const Document& self, const PersonPlace& place,
                                       const std::string& nom, const std::string& prenom) {
  for (const Document& doc : documents) {
    if (&doc == &self || doc.type != place.type) continue;
    if (place.person.empty()) {
      for (size_t i = 0; i < doc.lines.size(); ++i) {
        const std::string* n = doc.lines[i].Find("nom");
        const std::string* p = doc.lines[i].Find("prenom");
        if (n && p && !LineNamesFlagged(doc, i) && FoldKey(*n) == nom && FoldKey(*p) == prenom) return NamePair{*n, *p};
      }
      continue;
    }
    const std::string nf = std::string(place.person) + "nom", pf = std::string(place.person) + "prenom";
    const std::string* n = doc.Text(nf);
    const std::string* p = doc.Text(pf);
    if (n && p && PairFlags(doc, nf, pf).empty() && FoldKey(*n) == nom && FoldKey(*p) == prenom) return NamePair{*n, *p};
  }
  return std::nullopt;
}

bool RoleOrCapitalsFlag(const ReviewFlag& f) { return RoleFlag(f) || CapitalsFlag(f); }

}  // namespace

int SettleRolesOfNames(std::vector<Document>& documents) {
  int settled = 0;
  for (Document& doc : documents) {
    for (const auto& [own, other] : SamePersonPlaces()) {
      if (doc.type != own.type) continue;
      const std::string nom_field = std::string(own.person) + "nom", prenom_field = std::string(own.person) + "prenom";
      const std::string* nom = doc.Text(nom_field);
      const std::string* prenom = doc.Text(prenom_field);
      // Flagged for the role, and else at most for a reading in capitals
      // (the role's flag on the other field of the pair then unwritten: one flag a field).
      if (!nom || !prenom || !FlaggedOnly(doc, nom_field, prenom_field, RoleOrCapitalsFlag)) continue;
      const auto flags = PairFlags(doc, nom_field, prenom_field);
      const bool role = std::any_of(flags.begin(), flags.end(), [](const ReviewFlag* f) { return RoleFlag(*f); });
      const bool capitals = std::any_of(flags.begin(), flags.end(), [](const ReviewFlag* f) { return CapitalsFlag(*f); });
      const auto printing = SurePrintingOf(documents, doc, other, FoldKey(*nom), FoldKey(*prenom));
      // Names read in capitals take the printing's spelling only where it tells the order.
      if (!role || !printing || (capitals && !OrderPrinted(*printing))) continue;
      if (capitals) {
        doc.fields[nom_field].value = printing->nom;
        doc.fields[prenom_field].value = printing->prenom;
      }
      std::erase_if(doc.review, [&](const ReviewFlag& f) { return !f.line && (f.field == nom_field || f.field == prenom_field); });
      ++settled;
    }
  }
  return settled;
}

int SettleNamesInCapitals(std::vector<Document>& documents) {
  const std::vector<Witness> witnesses = Witnesses(documents);
  int settled = 0;
  for (const Target& t : Targets(documents)) {
    const auto witness = OrderOf(t, witnesses);
    if (!witness) continue;
    t.doc->fields[t.nom_field].value = witness->names.nom;
    t.doc->fields[t.prenom_field].value = witness->names.prenom;
    // A doubt of the reading alone goes too when the other printing was
    // read without any (as ConfirmByOtherPrintings settles it).
    std::erase_if(t.doc->review, [&](const ReviewFlag& f) {
      return !f.line && (f.field == t.nom_field || f.field == t.prenom_field) && (CapitalsFlag(f) || (f.reading_doubt && witness->sure));
    });
    ++settled;
  }
  return settled;
}

}  // namespace liasse::extractors::internal
