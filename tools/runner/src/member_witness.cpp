#include "member_witness.h"

#include <algorithm>
#include <optional>
#include <string>

#include "liasse/core/fields.h"
#include "liasse/core/text.h"

namespace liasse::runner {

namespace {

bool Flagged(const Document& d, std::string_view field, std::optional<int> line = std::nullopt) {
  return std::any_of(d.review.begin(), d.review.end(),
                     [&](const ReviewFlag& f) { return f.field == field && f.line == line; });
}

void Unflag(Document& d, std::string_view field, std::optional<int> line = std::nullopt) {
  std::erase_if(d.review, [&](const ReviewFlag& f) { return f.field == field && f.line == line; });
}

bool SameName(const std::string* reading, const std::string& recorded) {
  return reading != nullptr && !recorded.empty() &&
         text::FoldFrench(text::Trim(*reading)) == text::FoldFrench(text::Trim(recorded));
}

// The bordereau line of the feuille's invoice, or nullptr.
std::pair<Document*, int> LineOf(std::vector<Document>& documents, const std::string* numero) {
  if (numero == nullptr) return {nullptr, -1};
  for (auto& d : documents) {
    if (d.type != DocumentType::kBordereau) continue;
    for (std::size_t i = 0; i < d.lines.size(); ++i) {
      const std::string* n = d.lines[i].Find(fields::kNumeroFacture);
      if (n != nullptr && *n == *numero) return {&d, static_cast<int>(i)};
    }
  }
  return {nullptr, -1};
}

class Witness {
 public:
  Witness(const store::Member& member, Document& feuille, Document* bordereau, int line)
      : member_(member), feuille_(feuille), bordereau_(bordereau), line_(line) {}

  int Run() {
    const std::string birth = member_.date_naissance.ToIso();
    Field(fields::kAssureNom, member_.nom, LineValue(fields::kNom));
    Field(fields::kAssurePrenom, member_.prenom, LineValue(fields::kPrenom));
    Field(fields::kBeneficiaireNom, member_.nom, nullptr);
    Field(fields::kBeneficiairePrenom, member_.prenom, nullptr);
    if (BeneficiaryIsMember()) Field(fields::kBeneficiaireDateNaissance, birth, nullptr);
    if (bordereau_ != nullptr) {
      Column(fields::kNir, member_.nir, nullptr);
      Column(fields::kNom, member_.nom, feuille_.Text(fields::kAssureNom));
      Column(fields::kPrenom, member_.prenom, feuille_.Text(fields::kAssurePrenom));
      if (BeneficiaryIsMember()) Column(fields::kDateNaissance, birth, nullptr);
    }
    return removed_;
  }

 private:
  const std::string* LineValue(std::string_view column) const {
    return bordereau_ != nullptr ? bordereau_->lines[static_cast<std::size_t>(line_)].Find(column) : nullptr;
  }

  // Read without doubt as the member's names: the care was given to the member.
  bool BeneficiaryIsMember() const {
    return !Flagged(feuille_, fields::kBeneficiaireNom) && !Flagged(feuille_, fields::kBeneficiairePrenom) &&
           SameName(feuille_.Text(fields::kBeneficiaireNom), member_.nom) &&
           SameName(feuille_.Text(fields::kBeneficiairePrenom), member_.prenom);
  }

  void Field(std::string_view name, const std::string& recorded, const std::string* other_reading) {
    auto it = feuille_.fields.find(name);
    if (it == feuille_.fields.end() || !Flagged(feuille_, name)) return;
    if (!SameName(feuille_.Text(name), recorded) && !SameName(other_reading, recorded)) return;
    it->second.value = recorded;
    Unflag(feuille_, name);
    ++removed_;
  }

  void Column(std::string_view column, const std::string& recorded, const std::string* other_reading) {
    Line& line = bordereau_->lines[static_cast<std::size_t>(line_)];
    const std::string* own = line.Find(column);
    if (own == nullptr || !Flagged(*bordereau_, column, line_)) return;
    if (!SameName(own, recorded) && !SameName(other_reading, recorded)) return;
    line.values[std::string(column)] = recorded;
    Unflag(*bordereau_, column, line_);
    ++removed_;
  }

  const store::Member& member_;
  Document& feuille_;
  Document* bordereau_;
  int line_;
  int removed_ = 0;
};

}  // namespace

Result<int> ConfirmIdentityByMembers(std::vector<Document>& documents, store::Store& store) {
  int removed = 0;
  for (auto& feuille : documents) {
    if (feuille.type != DocumentType::kFeuilleDeSoins || Flagged(feuille, fields::kAssureNir)) continue;
    const std::string* nir = feuille.Text(fields::kAssureNir);
    if (nir == nullptr) continue;
    auto member = store.FindMemberByNir(*nir);
    if (!member.ok()) {
      if (member.status().code() == StatusCode::kNotFound) continue;
      return member.status();
    }
    auto [bordereau, line] = LineOf(documents, feuille.Text(fields::kNumeroFacture));
    removed += Witness(*member, feuille, bordereau, line).Run();
  }
  return removed;
}

}  // namespace liasse::runner
