#include "facture_claims.h"

#include <fmt/format.h>

#include <map>
#include <regex>

#include "liasse/core/text.h"
#include "liasse/core/fields.h"

namespace liasse::runner {
namespace {


// Invoice codes that name a tariff act differently (the others are the
// tariff's own codes: CCAM dentaire, FJ…).
const std::map<std::string, std::string, std::less<>>& ActeOfFactureCode() {
  static const std::map<std::string, std::string, std::less<>> kActes = {
      {"CP", "CHAMBRE"}, {"OSTEO", "OSTEOPATHE"}, {"CHIRO", "CHIROPRACTEUR"}};
  return kActes;
}

std::string ActeOf(const std::string& code) {
  const auto it = ActeOfFactureCode().find(code);
  return it == ActeOfFactureCode().end() ? code : it->second;
}

// "+1,25" / "-6.25" → 125 / -625 hundredths of a dioptre.
std::optional<int> Dioptres(const std::string& text) {
  static const std::regex kValue(R"(^([+-]?)(\d{1,2})[,.](\d{2})$)");
  std::smatch m;
  if (!std::regex_match(text, m, kValue)) return std::nullopt;
  const int value = std::stoi(m[2].str()) * 100 + std::stoi(m[3].str());
  return m[1].str() == "-" ? -value : value;
}

std::optional<int> Correction(const std::string& libelle, const char* label) {
  const std::regex pattern(std::string(label) + R"(\s*:?\s*([+-]?\d{1,2}[,.]\d{2}))", std::regex::icase);
  std::smatch m;
  if (!std::regex_search(libelle, m, pattern)) return std::nullopt;
  return Dioptres(m[1].str());
}

// A lens from its libellé ("Verre OD unifocal Sph +1,25 Cyl -2,75 Axe 40°
// [Add +2,00]"). Opticians print the cylinder negative; seed 004's classes
// (note 6) count it positive: transposed (sphère + cylindre, −cylindre).
std::optional<Verre> VerreOf(const std::string& libelle) {
  const auto sphere = Correction(libelle, "Sph");
  if (!sphere) return std::nullopt;
  const int cylindre = Correction(libelle, "Cyl").value_or(0);
  Verre v;
  v.sphere = cylindre < 0 ? *sphere + cylindre : *sphere;
  v.cylindre = cylindre < 0 ? -cylindre : cylindre;
  v.addition = Correction(libelle, "Add").value_or(0);
  const std::string folded = text::FoldFrench(libelle);
  v.multifocal = v.addition > 0 || folded.find("progressi") != std::string::npos ||
                 folded.find("multifocal") != std::string::npos || folded.find("bifocal") != std::string::npos;
  return v;
}

struct LineRead {
  Date date = Date::FromSerial(0);
  std::string code;
  std::string libelle;
  Money montant = Money::Zero();
};

std::optional<LineRead> ReadLine(const Line& line, const std::optional<Date>& facture_date) {
  const std::string *code = line.Find(fields::kCode), *montant = line.Find(fields::kMontant), *date = line.Find(fields::kDate);
  if (code == nullptr || montant == nullptr) return std::nullopt;
  auto m = Money::ParseDecimal(*montant);
  if (!m.ok()) return std::nullopt;
  std::optional<Date> d = facture_date;
  if (date != nullptr) {
    auto parsed = Date::Parse(*date);
    if (!parsed.ok()) return std::nullopt;
    d = *parsed;
  }
  if (!d) return std::nullopt;
  const std::string* libelle = line.Find(fields::kLibelle);
  return LineRead{*d, *code, libelle ? *libelle : std::string(), *m};
}

// Monture + two lenses → one equipment line (the guarantee's forfait is
// per equipment, by the pair of lens classes).
bool OptiqueLines(const std::vector<LineRead>& lines, Claim& claim, std::vector<std::string>& review) {
  ClaimLine equipment;
  Optique optique;
  bool droit = false, gauche = false;
  for (const auto& l : lines) {
    equipment.date = l.date;
    equipment.frais_reels += l.montant;
    if (l.code == "MONTURE") {
      optique.monture += l.montant;
      continue;
    }
    const auto verre = l.code == "VERRE" ? VerreOf(l.libelle) : std::nullopt;
    const bool od = l.libelle.find("OD") != std::string::npos, og = l.libelle.find("OG") != std::string::npos;
    if (!verre || od == og) {
      review.push_back(fmt::format("ligne optique « {} » : verre ou correction non lus", l.libelle));
      return false;
    }
    (od ? optique.droit : optique.gauche) = *verre;
    (od ? droit : gauche) = true;
  }
  if (!droit || !gauche) {
    review.push_back("équipement optique sans ses deux verres (OD et OG)");
    return false;
  }
  equipment.code = "OPTIQUE";
  equipment.optique = optique;
  claim.lines.push_back(std::move(equipment));
  return true;
}

// "… - 3 jour(s) x 60,00 €": the days a per-day item covers.
int64_t Jours(const std::string& libelle) {
  static const std::regex kJours(R"((\d{1,3})\s*jour)");
  std::smatch m;
  return std::regex_search(libelle, m, kJours) ? std::stoll(m[1].str()) : 1;
}

void ActLines(const std::vector<LineRead>& lines, const std::string& categorie, Claim& claim) {
  for (const auto& l : lines) {
    ClaimLine out;
    out.date = l.date;
    out.code = ActeOf(l.code);
    out.libelle = l.libelle;
    out.frais_reels = l.montant;
    if (categorie == "hospitalisation") {
      out.flags.hospitalisation = true;
      out.quantite = Jours(l.libelle);
    }
    claim.lines.push_back(std::move(out));
  }
}

// The claim of the facture, or nullopt with the reasons in `review`.
std::optional<Claim> BuildClaim(const Document& facture, const store::Member& member, Date received,
                                         std::vector<std::string>& review) {
  const std::string* numero = facture.Text(fields::kNumeroFacture);
  if (numero == nullptr) {
    review.push_back("numéro de facture illisible");
    return std::nullopt;
  }
  if (!BeneficiaireIsMember(facture, member)) {
    // The store knows no ayants droit: their birth date and counters would be guessed.
    review.push_back("bénéficiaire de la facture autre que l'adhérent (ou illisible) : ayant droit à vérifier");
    return std::nullopt;
  }
  std::optional<Date> date;
  if (const std::string* d = facture.Text(fields::kDate)) {
    if (auto parsed = Date::Parse(*d); parsed.ok()) date = *parsed;
  }
  std::vector<LineRead> lines;
  Money total = Money::Zero();
  for (std::size_t i = 0; i < facture.lines.size(); ++i) {
    if (const auto* doubt = LineDoubt(facture, i)) {
      review.push_back(fmt::format("ligne {} de la facture à vérifier avant paiement ({} : {})", i + 1, doubt->field,
                                   doubt->reason));
      return std::nullopt;
    }
    auto l = ReadLine(facture.lines[i], date);
    if (!l) {
      review.push_back(fmt::format("ligne {} de la facture illisible (date, code ou montant)", i + 1));
      return std::nullopt;
    }
    total += l->montant;
    lines.push_back(std::move(*l));
  }
  if (lines.empty()) {
    review.push_back("aucune ligne lue sur la facture");
    return std::nullopt;
  }
  if (const std::string* t = facture.Text(fields::kMontantTotal)) {
    if (auto printed = Money::ParseDecimal(*t); !printed.ok() || *printed != total) {
      review.push_back(fmt::format("total de la facture {} ≠ somme des lignes {}",
                                   printed.ok() ? printed->ToFrench() : "« " + *t + " »", total.ToFrench()));
      return std::nullopt;
    }
  }
  Claim claim;
  const std::string* emetteur = facture.Text(fields::kEmetteurIdentifiant);
  if (emetteur == nullptr) {
    // Without the issuer the invoice cannot be told from another one.
    review.push_back("identifiant de l'émetteur de la facture illisible : facture non identifiable");
    return std::nullopt;
  }
  claim.id = fmt::format("FAC-{}-{}", *emetteur, *numero);
  claim.member = member.numero_adherent;
  claim.beneficiaire = member.numero_adherent;
  claim.date_naissance = member.date_naissance;
  claim.coverage = {member.niveau, member.date_adhesion, member.date_fin};
  claim.date_reception = received;
  const std::string* categorie = facture.Text(fields::kCategorie);
  if (categorie != nullptr && *categorie == "optique") {
    if (!OptiqueLines(lines, claim, review)) return std::nullopt;
  } else {
    ActLines(lines, categorie ? *categorie : std::string(), claim);
  }
  for (auto& l : claim.lines) {
    if (emetteur != nullptr) l.professionnel = *emetteur;
  }
  return claim;
}

ClaimResult PriceFacture(const Document& facture, const FactureCheck& check, const pricing::Pricer& pricer,
                         const rules::BlockingFields& blocking, store::Store& store, Date received,
                         const rules::PaidInvoicesView& paid) {
  ClaimResult r;
  r.document = check.document;
  r.from_bordereau = false;
  if (const std::string* n = facture.Text(fields::kNumeroFacture)) r.numero_facture = *n;
  r.member = check.member;
  r.review = DoubtsOf(facture, blocking, "de la facture");
  if (!r.review.empty()) return r;  // nothing paid on a reading a person has not confirmed
  auto claim = BuildClaim(facture, check.member, received, r.review);
  if (!claim) return r;
  PriceAndSave(*claim, pricer, store, r, paid);
  return r;
}

}  // namespace

std::vector<ClaimResult> PriceFactureClaims(const std::vector<Document>& documents,
                                            const std::vector<FactureCheck>& checks, const pricing::Pricer& pricer,
                                            const rules::BlockingFields& blocking, store::Store& store, Date received,
                                            const rules::PaidInvoicesView& paid) {
  std::vector<ClaimResult> out;
  for (const auto& check : checks) {
    if (!check.demande.complete()) continue;
    out.push_back(
        PriceFacture(documents[static_cast<std::size_t>(check.document)], check, pricer, blocking, store, received, paid));
  }
  return out;
}

}  // namespace liasse::runner
