// The mutuelle part of a line: eligibility, guarantee row, amount.
// Percentages include the RO (Annexe 1: "Remboursement Sécurité sociale +
// Mutuelle"): mutuelle = min(garantie − RO brut, frais réels − RO brut) ≥ 0,
// so the participation forfaitaire and franchises stay with the member.
#include <fmt/format.h>

#include "line_context.h"

namespace liasse::pricing::detail {

namespace {

bool IsHospitalRow(std::string_view cle) {
  return cle.starts_with("hospitalisation_honoraires") || cle == "participation_forfaitaire_24" ||
         cle == "forfait_journalier" || cle == "frais_sejour";
}

// Why the mutuelle pays nothing on this line whatever the row, or empty.
std::string Ineligibility(const LineState& s) {
  const Coverage& c = s.claim.coverage;
  const Date d = s.line.date;
  if (d < c.date_adhesion) {
    return fmt::format("Soins du {} antérieurs à l'adhésion du {} : pas de remboursement.", d,
                       c.date_adhesion);
  }
  if (c.date_fin && *c.date_fin < d) {
    return fmt::format("Soins du {} postérieurs à la fin des garanties le {} : pas de remboursement (§3.2).",
                       d, *c.date_fin);
  }
  if (s.claim.date_reception) {
    const Date limite = d.AddMonths(s.tariffs.delai_declaration_mois());
    if (limite < *s.claim.date_reception) {
      return fmt::format(
          "Demande reçue le {}, plus de deux ans après les soins du {} : pas de remboursement (§3.4.2).",
          *s.claim.date_reception, d);
    }
  }
  return {};
}

// The guarantee row key for this line.
std::string RowKey(const LineState& s) {
  const ClaimLine& l = s.line;
  if (l.flags.etranger) return "etranger";
  if (!l.poste.empty()) return l.poste;
  if (s.item.poste == "optique") return "optique";  // resolved from the lens classes and 100 % Santé
  if (l.flags.cent_pour_cent_sante && !s.item.poste_100_sante.empty()) return s.item.poste_100_sante;
  if (s.item.selon_dptm) return s.item.poste + (l.flags.dptm ? "_dptm" : "_hors_dptm");
  return s.item.poste;
}

void Refuse(LineState& s, std::string motif) {
  s.out.mutuelle = Money::Zero();
  LIASSE_TRACE(s, "{}", motif);
  s.out.motif_refus = std::move(motif);
}

// mutuelle = min(garantie − RO brut, frais restants), never below zero.
void FromGarantie(LineState& s, const GuaranteeRow& row, Money garantie, const std::string& calcul) {
  const Money reste = s.out.frais_reels - s.out.ro_brut;
  const Money part = garantie - s.out.ro_brut;
  const Money m = Max(Money::Zero(), Min(part, reste));
  s.out.mutuelle = m;
  LIASSE_TRACE(s, "{}, {} : {} = {} ; moins Sécurité sociale {} = {} ; limité aux frais restants {} → {}.",
          row.LibelleCourt(), ContratAffiche(s.table.contrat()), calcul, garantie,
          s.out.ro_brut, part, reste, m);
}

Status YearlyForfait(LineState& s, const GuaranteeRow& row, Money already_due, Money forfait) {
  const auto [du, au] = AnneeCivile(s.line.date);
  LIASSE_ASSIGN_OR_RETURN(auto used, s.counters.Total(row.cle, du, au));
  const Money remaining = Max(Money::Zero(), forfait - used.montant);
  const Money reste = s.out.frais_reels - s.out.ro_brut;
  const Money m = Max(Money::Zero(), Min(already_due + remaining, reste));
  const Money from_forfait = Max(Money::Zero(), m - already_due);
  s.out.mutuelle = m;
  LIASSE_TRACE(s, "{}, {} : forfait {} par année civile, déjà utilisé {} en {}, disponible {} ; frais restants {} → {}.",
          row.LibelleCourt(), ContratAffiche(s.table.contrat()), forfait, used.montant,
          s.line.date.year(), remaining, reste, m);
  if (!from_forfait.is_zero()) {
    s.counters.Consume({s.counters.beneficiaire(), row.cle, s.line.date, from_forfait, 1, du, au, forfait, {}});
  }
  if (m.is_zero() && remaining.is_zero()) s.out.motif_refus = "Forfait annuel épuisé.";
  return Status::Ok();
}

Status ParSeance(LineState& s, const GuaranteeRow& row) {
  const Garantie& g = row.garantie;
  const auto [du, au] = AnneeCivile(s.line.date);
  LIASSE_ASSIGN_OR_RETURN(auto used, s.counters.Total(row.cle, du, au));
  const Money remaining = Max(Money::Zero(), g.plafond_annuel - used.montant);
  const Money per_line = g.montant * s.line.quantite;
  const Money reste = s.out.frais_reels - s.out.ro_brut;
  const Money m = Max(Money::Zero(), Min(Min(per_line, remaining), reste));
  s.out.mutuelle = m;
  LIASSE_TRACE(s, "{}, {} : {} par séance × {}, plafond {} par an dont {} déjà utilisé en {} ; frais restants {} → {}.",
          row.LibelleCourt(), ContratAffiche(s.table.contrat()), g.montant, s.line.quantite,
          g.plafond_annuel, used.montant, s.line.date.year(), reste, m);
  if (!m.is_zero()) {
    s.counters.Consume(
        {s.counters.beneficiaire(), row.cle, s.line.date, m, s.line.quantite, du, au, g.plafond_annuel, {}});
  } else if (remaining.is_zero()) {
    s.out.motif_refus = "Plafond annuel des séances atteint.";
  }
  return Status::Ok();
}

Status Percentage(LineState& s, const GuaranteeRow& row) {
  const ClaimLine& l = s.line;
  const Garantie& g = row.garantie;
  if (s.out.base.is_zero() || s.out.taux_ro.basis_points() == 0) {
    Refuse(s, fmt::format("{} : acte non pris en charge par la Sécurité sociale, pas de remboursement de la mutuelle.",
                          row.LibelleCourt()));
    return Status::Ok();
  }
  Rate taux = g.taux;
  const char* pourquoi = "";
  const bool limite_tm = (IsHospitalRow(row.cle) && !l.flags.conventionne) ||
                         (l.flags.accouchement_voie_basse && row.cle.starts_with("hospitalisation_honoraires")) ||
                         (!l.flags.parcours_de_soins && row.cle.starts_with("generaliste"));
  if (limite_tm && Rate::Percent(100) < taux) {
    taux = Rate::Percent(100);
    if (!l.flags.conventionne) pourquoi = "établissement non conventionné (note 3)";
    else if (l.flags.accouchement_voie_basse) pourquoi = "dépassements d'un accouchement par voie basse non pris en charge (§3.1.2)";
    else pourquoi = "dépassements hors parcours de soins non pris en charge (§3.2)";
    LIASSE_TRACE(s, "Garantie limitée au ticket modérateur (100 % de la base) : {}.", pourquoi);
  }
  Money garantie = s.out.base.ApplyRate(taux, Rounding::kHalfUp);
  std::string calcul = LIASSE_TRACE_TEXT(s, "{} × {}", taux, s.out.base);
  if (s.acte_lourd) {
    // The flat participation on heavy acts is covered by its own row.
    const GuaranteeRow* pf = s.table.Find("participation_forfaitaire_24");
    const Money pf_garantie = pf != nullptr ? Min(pf->garantie.montant, s.participation_lourde) : Money::Zero();
    garantie = garantie - s.participation_lourde + pf_garantie;
    calcul += LIASSE_TRACE_TEXT(s, " − participation {} + « {} » {}", s.participation_lourde,
                                pf != nullptr ? pf->LibelleCourt() : std::string(), pf_garantie);
  }
  FromGarantie(s, row, garantie, calcul);
  return Status::Ok();
}

// One hearing aid per ear per renewal period (§3.1.2), counted on either
// side of this date. Returns false (line refused) when one was covered.
Result<bool> AudioRenewalAllows(LineState& s) {
  const int months = s.tariffs.audition_renouvellement_mois();
  const Date d = s.line.date;
  const Date du = d.AddMonths(-months).AddDays(1);
  const Date au = d.AddMonths(months).AddDays(-1);
  const std::string compteur = "audio:" + (s.line.oreille.empty() ? std::string("?") : s.line.oreille);
  LIASSE_ASSIGN_OR_RETURN(auto used, s.counters.Total(compteur, du, au));
  if (used.nombre > 0) {
    Refuse(s, fmt::format("Aide auditive ({}) déjà prise en charge dans la période de renouvellement de {} mois (§3.1.2).",
                          s.line.oreille.empty() ? "oreille non précisée" : "oreille " + s.line.oreille, months));
    return false;
  }
  s.counters.Consume({s.counters.beneficiaire(), compteur, d, Money::Zero(), 1, du, au, {}, 1});
  return true;
}

}  // namespace

Status PriceMutuellePart(LineState& s) {
  if (std::string motif = Ineligibility(s); !motif.empty()) {
    Refuse(s, std::move(motif));
    return Status::Ok();
  }
  const std::string key = RowKey(s);
  if (key.empty()) {
    Refuse(s, fmt::format("{} : non prévu au tableau de garanties {}, pas de remboursement de la mutuelle.",
                          s.out.libelle, ContratAffiche(s.table.contrat())));
    return Status::Ok();
  }
  if (key == "optique") return PriceOptique(s);
  const GuaranteeRow* row = s.table.Find(key);
  if (row == nullptr) {
    return Status::InvalidArgument(fmt::format("ligne de garantie « {} » absente du tableau {}", key, s.table.contrat()));
  }
  s.out.garantie = row->reference;
  if (row->cle == "audio_prothese" || row->cle == "audio_100_sante") {
    LIASSE_ASSIGN_OR_RETURN(auto allowed, AudioRenewalAllows(s));
    if (!allowed) return Status::Ok();
  }
  const Garantie& g = row->garantie;
  const Money reste = s.out.frais_reels - s.out.ro_brut;
  switch (g.kind) {
    case Garantie::Kind::kPourcentageBr:
      return Percentage(s, *row);
    case Garantie::Kind::kFraisReels: {
      if (row->HasNote(4) && s.line.flags.medico_social) {
        Refuse(s, "Forfait journalier d'un établissement médico-social : non pris en charge (note 4, §3.2).");
        return Status::Ok();
      }
      const Money garantie = s.out.frais_reels.ApplyRate(g.taux, Rounding::kHalfUp);
      FromGarantie(s, *row, garantie, LIASSE_TRACE_TEXT(s, "{} des frais réels {}", g.taux, s.out.frais_reels));
      return Status::Ok();
    }
    case Garantie::Kind::kSansResteACharge: {
      Money garantie = s.out.frais_reels;
      std::string calcul;
      if (s.item.prix_limite && *s.item.prix_limite < garantie) {
        garantie = *s.item.prix_limite;
        if (!s.item.prix_limite_confirme) {
          NoteNonConfirme(s, fmt::format("prix limite de {} ({}) {}", s.item.code, s.item.libelle, garantie));
        }
        calcul = LIASSE_TRACE_TEXT(s, "sans reste à charge dans la limite du prix limite {}", garantie);
      } else {
        calcul = LIASSE_TRACE_TEXT(s, "sans reste à charge, frais réels {}", garantie);
      }
      FromGarantie(s, *row, garantie, calcul);
      return Status::Ok();
    }
    case Garantie::Kind::kForfait:
      if (row->HasNote(2)) return YearlyForfait(s, *row, Money::Zero(), g.montant);
      {
        const Money m = Max(Money::Zero(), Min(g.montant, reste));
        s.out.mutuelle = m;
        LIASSE_TRACE(s, "{}, {} : forfait {} ; frais restants {} → {}.", row->LibelleCourt(),
                ContratAffiche(s.table.contrat()), g.montant, reste, m);
      }
      return Status::Ok();
    case Garantie::Kind::kPourcentagePlusForfait: {
      Money part = Money::Zero();
      if (!s.out.base.is_zero() && s.out.taux_ro.basis_points() > 0) {
        part = Max(Money::Zero(), s.out.base.ApplyRate(g.taux, Rounding::kHalfUp) - s.out.ro_brut);
        LIASSE_TRACE(s, "{}, {} : {} × {} moins Sécurité sociale {} = {}.", row->LibelleCourt(),
                ContratAffiche(s.table.contrat()), g.taux, s.out.base, s.out.ro_brut,
                part);
      }
      return YearlyForfait(s, *row, part, g.montant);
    }
    case Garantie::Kind::kParSeance:
      return ParSeance(s, *row);
    case Garantie::Kind::kSecuPlus: {
      if (s.out.ro_brut.is_zero()) {
        Refuse(s, "Soins à l'étranger non pris en charge par la Sécurité sociale : pas de remboursement (§3.1.2).");
        return Status::Ok();
      }
      const Money plus = s.out.ro_brut + s.out.base.ApplyRate(g.taux, Rounding::kHalfUp);
      const Money min = s.out.base.ApplyRate(g.taux_min, Rounding::kHalfUp);
      FromGarantie(s, *row, Max(plus, min),
                   LIASSE_TRACE_TEXT(s, "Sécurité sociale {} + {} × {}, au moins {} × {}", s.out.ro_brut, g.taux,
                                     s.out.base, g.taux_min, s.out.base));
      return Status::Ok();
    }
    case Garantie::Kind::kNonCouvert:
      Refuse(s, fmt::format("{}, {} : non couvert (« - ») ; pas de remboursement.", row->LibelleCourt(),
                            ContratAffiche(s.table.contrat())));
      return Status::Ok();
    case Garantie::Kind::kService:
      Refuse(s, fmt::format("{} : service inclus, sans remboursement.", row->LibelleCourt()));
      return Status::Ok();
  }
  return Status::Internal("garantie inconnue");
}

}  // namespace liasse::pricing::detail
