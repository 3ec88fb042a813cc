#include "claims.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "liasse/pricing/claim_json.h"
#include "liasse/core/fields.h"

namespace liasse::runner {
namespace {


// The invoice numbers of one list of every lot (`&LotVerdict::factures_acceptees`,
// the accepted; `factures_en_attente`, those a piece holds until a person decides).
std::set<std::string> InvoicesOf(const std::vector<rules::LotVerdict>& lots,
                                 std::vector<std::string> rules::LotVerdict::*list) {
  std::set<std::string> out;
  for (const auto& lot : lots) out.insert((lot.*list).begin(), (lot.*list).end());
  return out;
}

// The bordereau whose lines name invoice `numero`, with the line's index.
std::pair<const Document*, std::optional<std::size_t>> BordereauOf(const std::vector<Document>& documents,
                                                                   const std::string& numero) {
  for (const auto& d : documents) {
    if (d.type != DocumentType::kBordereau) continue;
    for (std::size_t i = 0; i < d.lines.size(); ++i) {
      if (const std::string* n = d.lines[i].Find(fields::kNumeroFacture); n != nullptr && *n == numero) return {&d, i};
    }
  }
  return {nullptr, std::nullopt};
}

// The review flags of the bordereau line `i` (identity and amounts of the
// invoice as the professional declared them).
std::vector<std::string> BordereauLineDoubts(const Document& bordereau, std::size_t i) {
  std::vector<std::string> out;
  for (const auto& f : bordereau.review) {
    if (f.line && static_cast<std::size_t>(*f.line) == i) {
      out.push_back(fmt::format("ligne {} du bordereau à vérifier avant paiement ({} : {})", i + 1, f.field, f.reason));
    }
  }
  return out;
}

std::optional<Money> AmountOf(const Line* line, std::string_view column) {
  if (line == nullptr) return std::nullopt;
  const std::string* text = line->Find(column);
  if (text == nullptr) return std::nullopt;
  auto m = Money::ParseDecimal(*text);
  return m.ok() ? std::optional<Money>(*m) : std::nullopt;
}

// "7.5" → 750 hundredths; nullopt when not a decimal with ≤ 2 places.
std::optional<int64_t> Centiemes(const std::string& coefficient) {
  auto m = Money::ParseDecimal(coefficient);  // same grammar: digits, optional 1–2 decimals
  if (!m.ok()) return std::nullopt;
  return m->cents();
}

// One claim line per act line of the feuille; false (with the reason in
// `review`) when a line lacks what pricing needs, or holds a value the
// extractors flagged: euros are never paid on a reading a person has not
// confirmed.
bool ReadLines(const Document& feuille, Claim& claim, std::vector<std::string>& review) {
  for (std::size_t i = 0; i < feuille.lines.size(); ++i) {
    const auto& line = feuille.lines[i];
    if (const auto* doubt = LineDoubt(feuille, i)) {
      review.push_back(fmt::format("ligne {} de la feuille à vérifier avant paiement ({} : {})", i + 1, doubt->field,
                                   doubt->reason));
      return false;
    }
    const std::string *date = line.Find(fields::kDate), *code = line.Find(fields::kCode), *montant = line.Find(fields::kMontant);
    const std::string* coefficient = line.Find(fields::kCoefficient);
    auto d = date ? Date::Parse(*date) : Result<Date>(Status::NotFound(""));
    auto m = montant ? Money::ParseDecimal(*montant) : Result<Money>(Status::NotFound(""));
    auto c = coefficient ? Centiemes(*coefficient) : std::optional<int64_t>(100);
    if (!d.ok() || code == nullptr || !m.ok() || !c) {
      review.push_back(fmt::format("ligne {} de la feuille illisible (date, code, coefficient ou montant)", i + 1));
      return false;
    }
    ClaimLine out;
    out.date = *d;
    out.code = *code;
    out.coefficient_centiemes = *c;
    out.frais_reels = *m;
    if (const auto* praticien = feuille.Text(fields::kPraticienIdentifiant)) out.professionnel = *praticien;
    claim.lines.push_back(std::move(out));
  }
  if (claim.lines.empty()) review.push_back("aucune ligne d'acte lue sur la feuille");
  return !claim.lines.empty();
}

// The beneficiary's stable id for counters: the member when the feuille's
// beneficiary is the assuré, else the assuré's NIR with the birth date.
std::string BeneficiaireId(const Document& feuille, const store::Member& member) {
  const std::string* naissance = feuille.Text(fields::kBeneficiaireDateNaissance);
  if (naissance == nullptr || *naissance == member.date_naissance.ToIso()) return member.numero_adherent;
  return member.numero_adherent + "/" + *naissance;
}

std::optional<Claim> BuildClaim(const Document& feuille, const std::string& professionnel,
                                const store::Member& member, Date received, std::vector<std::string>& review) {
  Claim claim;
  const std::string* numero = feuille.Text(fields::kNumeroFacture);
  if (numero == nullptr || professionnel.empty()) {
    // Without both the invoice cannot be told from another one: it could
    // be paid twice.
    review.push_back("n° de facture ou identifiant du professionnel illisible : facture non identifiable");
    return std::nullopt;
  }
  claim.id = B2ClaimId(professionnel, *numero);
  claim.member = member.numero_adherent;
  claim.beneficiaire = BeneficiaireId(feuille, member);
  claim.date_naissance = member.date_naissance;
  if (const std::string* naissance = feuille.Text(fields::kBeneficiaireDateNaissance)) {
    if (auto d = Date::Parse(*naissance); d.ok()) claim.date_naissance = *d;
  }
  claim.coverage = {member.niveau, member.date_adhesion, member.date_fin};
  claim.date_reception = received;
  if (!ReadLines(feuille, claim, review)) return std::nullopt;
  return claim;
}

// What rounding alone can put between the invoiced AMC and the guarantee's:
// the Sécurité sociale's part is rounded per act here, while a professional
// may round it once on the invoice's total (half a cent per act and half a
// cent on the total).
Money RoundingGap(std::size_t lines) { return Money::FromCents(static_cast<std::int64_t>((lines + 1) / 2)); }

// The invoiced AMC against the guarantee's: a difference is not paid
// silently, it goes to review with both figures — unless it is within
// rounding, when the guarantee is paid and the gap is recorded
// (`controle_bordereau.ecart_arrondi`).
void CompareWithBordereau(ClaimResult& r) {
  if (!r.priced || !r.amc_facture || *r.amc_facture == r.priced->totals.mutuelle) return;
  const Money gap = *r.amc_facture - r.priced->totals.mutuelle;
  const Money limit = RoundingGap(r.priced->lines.size());
  if (gap <= limit && -gap <= limit) {
    r.ecart_arrondi = gap;
    return;
  }
  r.review.push_back(fmt::format("part complémentaire facturée {} ≠ garantie {}", r.amc_facture->ToFrench(),
                                 r.priced->totals.mutuelle.ToFrench()));
}

// The professional of the invoice: the lot's partner (bordereau header, as
// the lot rules key duplicates), else the auxiliaire named on the feuille.
void SetProfessionnel(const Document* bordereau, const Document& feuille, ClaimResult& r) {
  const std::string* id = bordereau ? bordereau->Text(fields::kPartenaireIdentifiant) : nullptr;
  if (id == nullptr) id = feuille.Text(fields::kPraticienIdentifiant);
  if (id != nullptr) r.professionnel_identifiant = *id;
  const std::string* nom = bordereau ? bordereau->Text(fields::kPartenaireNom) : nullptr;
  if (nom == nullptr) nom = feuille.Text(fields::kPraticienNom);
  if (nom != nullptr) r.professionnel_nom = *nom;
  if (bordereau != nullptr) r.professionnel_adresse = PartnerAddressRead(*bordereau);
}

ClaimResult PriceFeuille(const std::vector<Document>& documents, int index, const pricing::Pricer& pricer,
                         const rules::BlockingFields& blocking, store::Store& store, Date received,
                         const rules::PaidInvoicesView& paid, bool held_by_a_piece) {
  const Document& feuille = documents[static_cast<std::size_t>(index)];
  ClaimResult r;
  r.document = index;
  if (const std::string* n = feuille.Text(fields::kNumeroFacture)) r.numero_facture = *n;
  const auto [bordereau, line_index] = BordereauOf(documents, r.numero_facture);
  const Line* line = line_index ? &bordereau->lines[*line_index] : nullptr;
  r.amo_facture = AmountOf(line, "montant_amo");
  r.amc_facture = AmountOf(line, "montant_amc");
  SetProfessionnel(bordereau, feuille, r);
  r.review = DoubtsOf(feuille, blocking, "de la feuille");
  if (held_by_a_piece) r.review.push_back("prescription de la facture : rature possible à vérifier avant paiement");
  if (line_index) {
    for (auto& doubt : BordereauLineDoubts(*bordereau, *line_index)) r.review.push_back(std::move(doubt));
  }
  if (!r.review.empty()) return r;  // nothing paid on a reading a person has not confirmed
  const std::string* nir = feuille.Text(fields::kAssureNir);
  if (nir == nullptr) {
    r.review.push_back("NIR de l'assuré illisible : adhérent non identifié");
    return r;
  }
  auto member = store.FindMemberByNir(*nir);
  if (!member.ok()) {
    if (member.status().code() == StatusCode::kNotFound) {
      r.refus = "L'assuré (n° de sécurité sociale " + *nir + ") n'est pas adhérent de la mutuelle.";
    } else {
      r.review.push_back("adhérent non vérifiable : " + member.status().message());
    }
    return r;
  }
  r.member = *member;
  auto claim = BuildClaim(feuille, r.professionnel_identifiant, *member, received, r.review);
  if (!claim) return r;
  PriceAndSave(*claim, pricer, store, r, paid);
  if (r.priced) CompareWithBordereau(r);
  return r;
}

}  // namespace

std::vector<std::string> DoubtsOf(const Document& document, const rules::BlockingFields& blocking,
                                  std::string_view what) {
  std::vector<std::string> out;
  for (const auto& f : document.review) {
    if (f.line) {
      out.push_back(fmt::format("ligne {} {} à vérifier avant paiement ({} : {})", *f.line + 1, what, f.field, f.reason));
    } else if (blocking.Blocks(document, f)) {
      out.push_back(fmt::format("{} {} à vérifier avant paiement : {}", f.field, what, f.reason));
    }
  }
  return out;
}

const ReviewFlag* LineDoubt(const Document& document, std::size_t i) {
  for (const auto& f : document.review) {
    if (f.line && static_cast<std::size_t>(*f.line) == i) return &f;
  }
  return nullptr;
}

void PriceAndSave(const Claim& claim, const pricing::Pricer& pricer, store::Store& store,
                  ClaimResult& result, const rules::PaidInvoicesView& paid) {
  if (paid.paid != nullptr) {
    auto earlier = paid.paid->PaidElsewhere(claim.id, paid.envelope);
    if (!earlier.ok()) {
      result.review.push_back("registre des factures payées indisponible : " + earlier.status().message());
      return;
    }
    if (*earlier) {
      result.refus = fmt::format("Facture déjà présentée et réglée le {} (pli {}) : elle n'est pas payée une seconde fois.",
                                 (*earlier)->date.ToFrench(), (*earlier)->source);
      return;
    }
  }
  auto priced = pricer.PriceAndRecord(claim, store.counters());
  if (!priced.ok()) {
    result.review.push_back("tarification impossible : " + priced.status().message());
    return;
  }
  for (const auto& line : priced->lines) {
    for (const auto& figure : line.tarifs_non_confirmes) {
      result.review.push_back(fmt::format("tarif sans source confirmée ({}, ligne du {}) : {}", line.code,
                                          line.date.ToFrench(), figure));
    }
  }
  if (Status s = store.SavePricedClaim(*priced); !s.ok()) result.review.push_back("enregistrement : " + s.message());
  result.priced = std::move(priced).value();
}

std::vector<ClaimResult> PriceLotClaims(const std::vector<Document>& documents,
                                        const std::vector<rules::LotVerdict>& lots, const pricing::Pricer& pricer,
                                        const rules::BlockingFields& blocking, store::Store& store, Date received,
                                        const rules::PaidInvoicesView& paid) {
  const std::set<std::string> accepted = InvoicesOf(lots, &rules::LotVerdict::factures_acceptees);
  const std::set<std::string> waiting = InvoicesOf(lots, &rules::LotVerdict::factures_en_attente);
  std::vector<ClaimResult> out;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const Document& d = documents[i];
    if (d.type != DocumentType::kFeuilleDeSoins) continue;
    const std::string* numero = d.Text(fields::kNumeroFacture);
    if (numero == nullptr || !accepted.contains(*numero)) continue;
    out.push_back(PriceFeuille(documents, static_cast<int>(i), pricer, blocking, store, received, paid,
                               waiting.contains(*numero)));
  }
  return out;
}

std::string_view ClaimStatusName(ClaimStatus status) {
  switch (status) {
    case ClaimStatus::kPaid: return "paye";
    case ClaimStatus::kRefused: return "refuse";
    case ClaimStatus::kWaiting: return "en_attente";
  }
  return "en_attente";
}

ClaimStatus StatusOf(const ClaimResult& r) {
  if (r.refus) return ClaimStatus::kRefused;
  if (!r.review.empty() || !r.priced) return ClaimStatus::kWaiting;
  return r.priced->totals.mutuelle.is_zero() ? ClaimStatus::kRefused : ClaimStatus::kPaid;
}

std::vector<std::string> RefusalReasons(const ClaimResult& r) {
  if (StatusOf(r) != ClaimStatus::kRefused) return {};
  if (r.refus) return {*r.refus};
  std::vector<std::string> out;
  for (const auto& line : r.priced->lines) {
    std::string motif = line.motif_refus.empty() && !line.trace.empty() ? line.trace.back() : line.motif_refus;
    if (!motif.empty() && std::find(out.begin(), out.end(), motif) == out.end()) out.push_back(std::move(motif));
  }
  return out;
}

std::string ClaimResultToJson(const ClaimResult& r) {
  using nlohmann::ordered_json;
  ordered_json j;
  if (r.priced) {
    j = ordered_json::parse(pricing::PricedClaimToJson(*r.priced));
  } else {
    j["id"] = nullptr;
    j["member"] = r.member ? ordered_json(r.member->numero_adherent) : ordered_json(nullptr);
    j["beneficiaire"] = nullptr;
    j["lines"] = ordered_json::array();
    j["totals"] = nullptr;
  }
  j["document"] = r.document;
  j["numero_facture"] = r.numero_facture;
  if (r.from_bordereau) {
    ordered_json controle;
    controle["amo_facture"] = r.amo_facture ? ordered_json(r.amo_facture->ToDecimal()) : ordered_json(nullptr);
    controle["amc_facture"] = r.amc_facture ? ordered_json(r.amc_facture->ToDecimal()) : ordered_json(nullptr);
    if (r.ecart_arrondi) controle["ecart_arrondi"] = r.ecart_arrondi->ToDecimal();
    j["controle_bordereau"] = std::move(controle);
  }
  j["review"] = r.review;
  const ClaimStatus status = StatusOf(r);
  j["statut"] = ClaimStatusName(status);
  j["motifs_refus"] = RefusalReasons(r);
  if (status == ClaimStatus::kPaid) {
    // B2 lots are paid to the professional (tiers payant); a member's
    // facture to the member (seed 004 §3.3.5: by virement).
    const bool tiers_payant = r.from_bordereau;
    ordered_json paiement;
    paiement["montant"] = r.priced->totals.mutuelle.ToDecimal();
    paiement["destinataire"] = tiers_payant ? "professionnel" : "adherent";
    paiement["nom"] = tiers_payant ? r.professionnel_nom
                                   : (r.member ? r.member->prenom + " " + r.member->nom : std::string());
    paiement["mode"] = "virement";
    j["paiement"] = std::move(paiement);
  }
  return j.dump();
}

std::string PartnerAddressRead(const Document& bordereau) {
  for (const auto& flag : bordereau.review) {
    if (flag.field == fields::kPartenaireAdresse && !flag.line) return "";
  }
  const std::string* address = bordereau.Text(fields::kPartenaireAdresse);
  return address ? *address : "";
}

}  // namespace liasse::runner
