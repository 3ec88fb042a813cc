#include "liasse/pricing/pricer.h"

#include <cctype>
#include <fmt/format.h>

#include "line_context.h"

namespace liasse::pricing {

namespace detail {

Result<CounterTotal> ClaimCounters::Total(std::string_view compteur, Date du, Date au) const {
  LIASSE_ASSIGN_OR_RETURN(auto stored, store_.Total(claim_.beneficiaire, compteur, du, au, claim_.id));
  CounterTotal t = stored;
  for (const auto& e : *out_) {
    if (e.compteur == compteur && !(e.date < du) && !(au < e.date)) {
      t.montant += e.montant;
      t.nombre += e.nombre;
    }
  }
  return t;
}

}  // namespace detail

namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

Result<PricedLine> PriceLine(const ClaimLine& line, const Claim& claim, const GuaranteeTable& table,
                             const Tariffs& tariffs, detail::ClaimCounters& counters, bool trace) {
  const TariffItem* item = tariffs.FindAct(line.code);
  std::string upper;
  if (item == nullptr) {
    upper = Upper(line.code);
    item = tariffs.FindAct(upper);
  }
  if (item == nullptr) return Status::NotFound(fmt::format("acte « {} » absent du tarif", line.code));
  if (line.frais_reels.is_negative()) return Status::InvalidArgument("frais réels négatifs");
  if (line.quantite < 1 || line.coefficient_centiemes < 1) {
    return Status::InvalidArgument("coefficient et quantité doivent être positifs");
  }
  detail::LineState s{line, claim, *item, table, tariffs, counters, trace, {}, 0, false, Money::Zero()};
  s.out.date = line.date;
  s.out.code = item->code;
  s.out.libelle = line.libelle.empty() ? item->libelle : line.libelle;
  s.out.frais_reels = line.frais_reels;
  if (trace) s.out.trace.reserve(6);
  s.age = claim.date_naissance.AgeOn(line.date);
  LIASSE_RETURN_IF_ERROR(detail::PriceRoPart(s));
  if (s.out.frais_reels < s.out.ro) {
    return Status::InvalidArgument(fmt::format("remboursement de la Sécurité sociale {} supérieur aux frais réels {}",
                                               s.out.ro, s.out.frais_reels));
  }
  LIASSE_RETURN_IF_ERROR(detail::PriceMutuellePart(s));
  s.out.reste_a_charge = s.out.frais_reels - s.out.ro - s.out.mutuelle;
  if (!s.out.tarifs_non_confirmes.empty()) {
    std::string liste;
    for (const auto& t : s.out.tarifs_non_confirmes) liste += (liste.empty() ? "" : " ; ") + t;
    LIASSE_TRACE(s, "Valeur(s) du tarif sans source confirmée : {} — la demande passe en vérification avant paiement.",
                 liste);
  }
  if (s.out.retenues.is_zero()) {
    LIASSE_TRACE(s, "Reste à charge : {} − Sécurité sociale {} − mutuelle {} = {}.", s.out.frais_reels, s.out.ro,
                 s.out.mutuelle, s.out.reste_a_charge);
  } else {
    LIASSE_TRACE(s, "Reste à charge : {} − Sécurité sociale {} − mutuelle {} = {} (dont {} de retenues de la Sécurité sociale).",
                 s.out.frais_reels, s.out.ro, s.out.mutuelle, s.out.reste_a_charge, s.out.retenues);
  }
  return std::move(s.out);
}

}  // namespace

Result<PricedClaim> Pricer::Price(const Claim& claim, const Counters& counters,
                                  std::vector<CounterEntry>* consumptions) const {
  const GuaranteeTable* table = tables_.Find(claim.coverage.contrat);
  if (table == nullptr) {
    return Status::NotFound(fmt::format("demande {} : contrat « {} » inconnu", claim.id, claim.coverage.contrat));
  }
  std::vector<CounterEntry> local;
  std::vector<CounterEntry>* out = consumptions != nullptr ? consumptions : &local;
  detail::ClaimCounters view(counters, claim, out);
  PricedClaim priced;
  priced.id = claim.id;
  priced.member = claim.member;
  priced.beneficiaire = claim.beneficiaire;
  priced.lines.reserve(claim.lines.size());
  for (size_t i = 0; i < claim.lines.size(); ++i) {
    auto line = PriceLine(claim.lines[i], claim, *table, tariffs_, view, options_.trace);
    if (!line.ok()) return line.status().WithContext(fmt::format("demande {} : ligne {}", claim.id, i + 1));
    PricedTotals& t = priced.totals;
    t.frais_reels += line->frais_reels;
    t.ro += line->ro;
    t.retenues += line->retenues;
    t.mutuelle += line->mutuelle;
    t.reste_a_charge += line->reste_a_charge;
    priced.lines.push_back(std::move(*line));
  }
  return priced;
}

Result<PricedClaim> Pricer::PriceAndRecord(const Claim& claim, Counters& counters) const {
  if (claim.id.empty()) return Status::InvalidArgument("demande sans identifiant : clé d'idempotence requise");
  Status last;
  for (int attempt = 0; attempt < 3; ++attempt) {
    std::vector<CounterEntry> consumptions;
    auto priced = Price(claim, counters, &consumptions);
    if (!priced.ok()) return priced;
    auto applied = counters.Apply(claim.id, consumptions);
    if (applied.ok()) return priced;
    if (applied.status().code() != StatusCode::kFailedPrecondition) return applied.status();
    last = applied.status();
  }
  return last.WithContext(fmt::format("demande {}", claim.id));
}

}  // namespace liasse::pricing
