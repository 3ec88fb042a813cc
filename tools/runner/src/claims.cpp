#include "claims.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <set>

#include "liasse/pricing/claim_json.h"

namespace liasse::runner {
namespace {


std::set<std::string> AcceptedInvoices(const std::vector<rules::LotVerdict>& lots) {
  std::set<std::string> accepted;
  for (const auto& lot : lots) accepted.insert(lot.factures_acceptees.begin(), lot.factures_acceptees.end());
  return accepted;
}

// The bordereau line naming invoice `numero`, or nullptr.
const Line* BordereauLine(const std::vector<Document>& documents, const std::string& numero) {
  for (const auto& d : documents) {
    if (d.type != DocumentType::kBordereau) continue;
    for (const auto& line : d.lines) {
      if (const std::string* n = line.Find("numero_facture"); n != nullptr && *n == numero) return &line;
    }
  }
  return nullptr;
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
    const std::string *date = line.Find("date"), *code = line.Find("code"), *montant = line.Find("montant");
    const std::string* coefficient = line.Find("coefficient");
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
    if (const auto* praticien = feuille.Text("praticien.identifiant")) out.professionnel = *praticien;
    claim.lines.push_back(std::move(out));
  }
  if (claim.lines.empty()) review.push_back("aucune ligne d'acte lue sur la feuille");
  return !claim.lines.empty();
}

// The beneficiary's stable id for counters: the member when the feuille's
// beneficiary is the assuré, else the assuré's NIR with the birth date.
std::string BeneficiaireId(const Document& feuille, const store::Member& member) {
  const std::string* naissance = feuille.Text("beneficiaire.date_naissance");
  if (naissance == nullptr || *naissance == member.date_naissance.ToIso()) return member.numero_adherent;
  return member.numero_adherent + "/" + *naissance;
}

std::optional<Claim> BuildClaim(const Document& feuille, int index, const store::Member& member, Date received,
                                         std::vector<std::string>& review) {
  Claim claim;
  const std::string* praticien = feuille.Text("praticien.identifiant");
  const std::string* numero = feuille.Text("numero_facture");
  claim.id = fmt::format("B2-{}-{}", praticien ? *praticien : "?", numero ? *numero : std::to_string(index));
  claim.member = member.numero_adherent;
  claim.beneficiaire = BeneficiaireId(feuille, member);
  claim.date_naissance = member.date_naissance;
  if (const std::string* naissance = feuille.Text("beneficiaire.date_naissance")) {
    if (auto d = Date::Parse(*naissance); d.ok()) claim.date_naissance = *d;
  }
  claim.coverage = {member.niveau, member.date_adhesion, member.date_fin};
  claim.date_reception = received;
  if (!ReadLines(feuille, claim, review)) return std::nullopt;
  return claim;
}

// The invoiced AMC against the guarantee's: a difference is not paid
// silently, it goes to review with both figures.
void CompareWithBordereau(ClaimResult& r) {
  if (!r.priced) return;
  if (r.amc_facture && *r.amc_facture != r.priced->totals.mutuelle) {
    r.review.push_back(fmt::format("part complémentaire facturée {} ≠ garantie {}", r.amc_facture->ToFrench(),
                                   r.priced->totals.mutuelle.ToFrench()));
  }
}

ClaimResult PriceFeuille(const std::vector<Document>& documents, int index, const pricing::Pricer& pricer,
                         store::Store& store, Date received) {
  const Document& feuille = documents[static_cast<std::size_t>(index)];
  ClaimResult r;
  r.document = index;
  if (const std::string* n = feuille.Text("numero_facture")) r.numero_facture = *n;
  const Line* line = BordereauLine(documents, r.numero_facture);
  r.amo_facture = AmountOf(line, "montant_amo");
  r.amc_facture = AmountOf(line, "montant_amc");
  const std::string* nir = feuille.Text("assure.nir");
  if (nir == nullptr) {
    r.review.push_back("NIR de l'assuré illisible : adhérent non identifié");
    return r;
  }
  auto member = store.FindMemberByNir(*nir);
  if (!member.ok()) {
    r.review.push_back("assuré inconnu des adhérents : " + member.status().message());
    return r;
  }
  r.member = *member;
  auto claim = BuildClaim(feuille, index, *member, received, r.review);
  if (!claim) return r;
  PriceAndSave(*claim, pricer, store, r);
  if (r.priced) CompareWithBordereau(r);
  return r;
}

}  // namespace

const ReviewFlag* LineDoubt(const Document& document, std::size_t i) {
  for (const auto& f : document.review) {
    if (f.line && static_cast<std::size_t>(*f.line) == i) return &f;
  }
  return nullptr;
}

void PriceAndSave(const Claim& claim, const pricing::Pricer& pricer, store::Store& store,
                  ClaimResult& result) {
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
                                        store::Store& store, Date received) {
  const std::set<std::string> accepted = AcceptedInvoices(lots);
  std::vector<ClaimResult> out;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const Document& d = documents[i];
    if (d.type != DocumentType::kFeuilleDeSoins) continue;
    const std::string* numero = d.Text("numero_facture");
    if (numero == nullptr || !accepted.contains(*numero)) continue;
    out.push_back(PriceFeuille(documents, static_cast<int>(i), pricer, store, received));
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
    j["controle_bordereau"] = std::move(controle);
  }
  j["review"] = r.review;
  return j.dump();
}

}  // namespace liasse::runner
