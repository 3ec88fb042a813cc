#include "renonciations.h"

#include <fmt/format.h>

#include <algorithm>

#include "liasse/generators/renonciation.h"
#include "liasse/core/fields.h"
#include "letter_checks.h"

namespace liasse::runner {
namespace {

bool Flagged(const Document& d, std::string_view field) {
  return std::any_of(d.review.begin(), d.review.end(), [&](const auto& f) { return f.field == field; });
}

// The member the letter names, or the French reason why it cannot be told.
Result<store::Member> FindAuthor(const Document& d, store::Store& store) {
  if (const std::string* nir = d.Text(fields::kNir); nir != nullptr && !Flagged(d, fields::kNir)) {
    return store.FindMemberByNir(*nir);
  }
  if (const std::string* numero = d.Text(fields::kNumeroAdherent); numero != nullptr && !Flagged(d, fields::kNumeroAdherent)) {
    return store.FindMember(*numero);
  }
  const std::string *nom = d.Text(fields::kNom), *prenom = d.Text(fields::kPrenom);
  if (nom == nullptr || prenom == nullptr) return Status::NotFound("nom ou prénom de l'expéditeur illisible");
  LIASSE_ASSIGN_OR_RETURN(auto homonymes, store.FindMembersByName(*nom, *prenom));
  std::vector<store::Member> candidates = std::move(homonymes);
  if (candidates.size() > 1) {
    // Homonyms: the date of souscription the letter gives tells them apart.
    const std::string* souscription = d.Text(fields::kDateSouscription);
    std::erase_if(candidates, [&](const store::Member& m) {
      return souscription == nullptr || m.date_adhesion.ToIso() != *souscription;
    });
    if (candidates.size() != 1) {
      return Status::NotFound(fmt::format("plusieurs adhérents s'appellent {} {}", *prenom, *nom));
    }
  }
  if (candidates.empty()) return Status::NotFound(fmt::format("aucun adhérent ne s'appelle {} {}", *prenom, *nom));
  return candidates.front();
}

std::optional<Date> DateField(const Document& d, std::string_view field) {
  const std::string* text = d.Text(field);
  if (text == nullptr) return std::nullopt;
  auto parsed = Date::Parse(*text);
  return parsed.ok() ? std::optional<Date>(*parsed) : std::nullopt;
}

// Fills the model, or says why the letter cannot be written.
Status BuildModel(const Document& d, store::Store& store, Date received, RenonciationLetter& letter) {
  generators::RenonciationModel& m = letter.model;
  // The letter's date decides between confirmation and refusal: a doubtful
  // reading must be checked by a person, not guessed.
  if (Flagged(d, fields::kDate)) return Status::InvalidArgument("date de la lettre douteuse, à vérifier");
  auto member = FindAuthor(d, store);
  if (!member.ok()) return Status::NotFound("adhérent non identifié : " + member.status().message());
  m.numero_adherent = member->numero_adherent;
  if (member->date_naissance != Date::FromSerial(0)) letter.date_naissance = member->date_naissance;
  m.adherent.name = fmt::format("{} {}", member->prenom, member->nom);
  m.adherent.email = member->email;
  // The store's address when it has one; the letter's own otherwise.
  if (!member->adresse.empty()) {
    m.adherent.address = member->adresse;
  } else if (const std::string* adresse = d.Text(fields::kAdresse)) {
    m.adherent.address = AddressLines(*adresse);
  }
  const std::string* contrat = d.Text(fields::kContrat);
  m.contrat = contrat != nullptr ? *contrat : member->niveau;
  m.faits.date_signature_ou_effet = member->date_adhesion;
  m.faits.date_lettre = DateField(d, fields::kDate);
  m.faits.date_reception = received;
  if (!generators::DecideRenonciation(m.faits).dans_le_delai) return Status::Ok();  // a refusal refunds nothing
  if (!member->cotisation_mensuelle) {
    return Status::NotFound(
        fmt::format("cotisation mensuelle de l'adhérent {} inconnue : montant à rembourser non calculable",
                    member->numero_adherent));
  }
  m.cotisations_versees = CotisationsReglees(*member->cotisation_mensuelle, member->date_adhesion, received);
  LIASSE_ASSIGN_OR_RETURN(auto prestations, store.MutuellePaidTo(member->numero_adherent));
  m.prestations_versees = prestations;
  return Status::Ok();
}

}  // namespace

Money CotisationsReglees(Money mensuelle, Date adhesion, Date reception) {
  if (reception < adhesion) return Money::Zero();
  const int jours_du_mois = DaysInMonth(adhesion.year(), adhesion.month());
  const int jours_restants = jours_du_mois - adhesion.day() + 1;
  Money total = mensuelle.MulDiv(jours_restants, jours_du_mois, Rounding::kHalfUp);
  Date echeance = Date::FromYmd(adhesion.year(), adhesion.month(), 1).value().AddMonths(1);
  while (echeance <= reception) {
    total += mensuelle;
    echeance = echeance.AddMonths(1);
  }
  return total;
}

std::vector<RenonciationLetter> PrepareRenonciations(const std::vector<Document>& documents, store::Store& store,
                                                     const std::string& letter_key, Date received, Date today,
                                                     std::vector<std::string>& review) {
  std::vector<RenonciationLetter> out;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    if (documents[i].type != DocumentType::kRenonciation) continue;
    RenonciationLetter letter;
    letter.document = static_cast<int>(i);
    letter.model.reference = fmt::format("REN-{}-{}", letter_key, i + 1);
    letter.model.date_courrier = today;
    if (Status s = BuildModel(documents[i], store, received, letter); !s.ok()) {
      review.push_back(fmt::format("renonciation (document {}) : pas de courrier, {}", i, s.message()));
      continue;
    }
    out.push_back(std::move(letter));
  }
  return out;
}

}  // namespace liasse::runner
