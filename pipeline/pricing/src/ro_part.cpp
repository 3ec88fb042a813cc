// The régime obligatoire part of a line: base de remboursement, rate, gross
// reimbursement, participation forfaitaire / franchise, amount paid.
#include <fmt/format.h>

#include "line_context.h"

namespace liasse::pricing::detail {

namespace {

Result<Money> Base(LineState& s) {
  const ClaimLine& l = s.line;
  const TariffItem& item = s.item;
  if (l.ro && l.ro->base) {
    LIASSE_TRACE(s, "Base de remboursement lue sur le décompte de la Sécurité sociale : {}.", *l.ro->base);
    return *l.ro->base;
  }
  const RoCategory* cat = s.tariffs.FindCategory(item.categorie);
  if (cat != nullptr && item.categorie == "non_rembourse") {
    LIASSE_TRACE(s, "{} : acte non pris en charge par la Sécurité sociale, pas de base de remboursement.", s.out.libelle);
    return Money::Zero();
  }
  if (OptiqueToutCentPourCentSante(s)) return BaseClasseA(s);
  switch (item.base_mode) {
    case BaseMode::kTarif: {
      const Money* unit = item.bases.At(l.date);
      if (unit == nullptr) {
        return Status::NotFound(fmt::format("tarif de {} non connu au {}", item.code, l.date));
      }
      const Money base = unit->MulDiv(l.coefficient_centiemes * l.quantite, 100, Rounding::kHalfUp);
      if (!item.confirme) NoteNonConfirme(s, fmt::format("tarif de {} ({}) {}", item.code, item.libelle, *unit));
      if (l.coefficient_centiemes == 100 && l.quantite == 1) {
        LIASSE_TRACE(s, "Base de remboursement : {} ({}) = {} (tarif en vigueur le {}).", s.out.libelle, item.code,
                base, l.date);
      } else if (l.quantite == 1) {
        LIASSE_TRACE(s, "Base de remboursement : {} ({}) {} × {} = {} (tarif en vigueur le {}).", s.out.libelle,
                     item.code, *unit, Centiemes{l.coefficient_centiemes}, base, l.date);
      } else {
        LIASSE_TRACE(s, "Base de remboursement : {} ({}) {} × {} × {} = {} (tarif en vigueur le {}).", s.out.libelle,
                     item.code, *unit, Centiemes{l.coefficient_centiemes}, l.quantite, base, l.date);
      }
      return base;
    }
    case BaseMode::kLigne:
      if (!l.base_ligne) {
        return Status::InvalidArgument(fmt::format("{} : la base de remboursement imprimée est requise", item.code));
      }
      LIASSE_TRACE(s, "Base de remboursement imprimée : {} ({}) = {}.", s.out.libelle, item.code, *l.base_ligne);
      return *l.base_ligne;
    case BaseMode::kFraisReels: {
      Money base = l.frais_reels;
      if (item.prix_limite && *item.prix_limite < base) {
        base = *item.prix_limite;
        if (!item.prix_limite_confirme) {
          NoteNonConfirme(s, fmt::format("prix limite de {} ({}) {}", item.code, item.libelle, base));
        }
      }
      LIASSE_TRACE(s, "Base de remboursement : frais réels {} = {}.", s.out.libelle, base);
      return base;
    }
  }
  return Status::Internal("mode de base inconnu");
}

Result<Rate> TauxRo(LineState& s, Money base) {
  const ClaimLine& l = s.line;
  if (l.ro && l.ro->taux) return *l.ro->taux;
  const RoCategory* cat = s.tariffs.FindCategory(s.item.categorie);
  if (cat == nullptr) return Status::NotFound(fmt::format("catégorie {} inconnue", s.item.categorie));
  const Rate* taux = cat->taux.At(l.date);
  if (taux == nullptr) {
    return Status::NotFound(fmt::format("taux du RO pour {} non connu au {}", cat->libelle, l.date));
  }
  if (base.is_zero() || taux->basis_points() == 0) return *taux;
  if (!cat->confirme) NoteNonConfirme(s, fmt::format("taux du RO pour les {} {}", cat->libelle, *taux));
  if (s.item.age_max_ro && s.age >= *s.item.age_max_ro) {
    LIASSE_TRACE(s, "{} : non pris en charge par la Sécurité sociale à partir de {} ans.", s.out.libelle, *s.item.age_max_ro);
    return Rate::Percent(0);
  }
  if (l.flags.etranger && !l.flags.pris_en_charge_ro_etranger) {
    LIASSE_TRACE(s, "Soins à l'étranger non pris en charge par la Sécurité sociale.");
    return Rate::Percent(0);
  }
  if (l.flags.ald || l.flags.maternite || l.flags.c2s) {
    LIASSE_TRACE(s, "Exonération du ticket modérateur ({}) : taux porté à {}.",
            l.flags.ald ? "ALD" : (l.flags.maternite ? "maternité" : "C2S"), s.tariffs.taux_exoneration());
    return s.tariffs.taux_exoneration();
  }
  if (!l.flags.parcours_de_soins && cat->hors_parcours) {
    LIASSE_TRACE(s, "Hors parcours de soins coordonnés : taux réduit à {}.", *cat->hors_parcours);
    return *cat->hors_parcours;
  }
  return *taux;
}

// Daily and yearly caps of a retenue, consumed through the counters.
struct RetenueCaps {
  const char* nom;
  std::string compteur_jour;
  const Money* plafond_jour;
  std::string compteur_an;
  const Money* plafond_an;
};

Result<Money> ApplyCaps(LineState& s, Money wanted, const RetenueCaps& caps) {
  Money allowed = wanted;
  const Date d = s.line.date;
  if (caps.plafond_jour != nullptr) {
    LIASSE_ASSIGN_OR_RETURN(auto t, s.counters.Total(caps.compteur_jour, d, d));
    allowed = Min(allowed, Max(Money::Zero(), *caps.plafond_jour - t.montant));
  }
  const auto [du, au] = AnneeCivile(d);
  if (caps.plafond_an != nullptr) {
    LIASSE_ASSIGN_OR_RETURN(auto t, s.counters.Total(caps.compteur_an, du, au));
    allowed = Min(allowed, Max(Money::Zero(), *caps.plafond_an - t.montant));
  }
  if (allowed < wanted) {
    LIASSE_TRACE(s, "{} limitée à {} par les plafonds journalier et annuel.", caps.nom, allowed);
  }
  if (allowed.is_zero()) return allowed;
  CounterEntry e;
  e.beneficiaire = s.counters.beneficiaire();
  e.date = d;
  e.montant = allowed;
  e.nombre = 1;
  if (caps.plafond_jour != nullptr) {
    e.compteur = caps.compteur_jour;
    e.fenetre_du = d;
    e.fenetre_au = d;
    e.plafond_montant = *caps.plafond_jour;
    s.counters.Consume(e);
  }
  if (caps.plafond_an != nullptr) {
    e.compteur = caps.compteur_an;
    e.fenetre_du = du;
    e.fenetre_au = au;
    e.plafond_montant = *caps.plafond_an;
    s.counters.Consume(e);
  }
  return allowed;
}

Result<Money> Retenues(LineState& s) {
  const ClaimLine& l = s.line;
  const RetenueRules& r = s.tariffs.retenues();
  if (s.item.retenue == Retenue::kAucune || s.out.ro_brut.is_zero()) return Money::Zero();
  if (s.age < 18 || l.flags.maternite || l.flags.c2s || l.flags.ame) {
    LIASSE_TRACE(s, "Pas de participation forfaitaire ni de franchise (exonération : {}).",
            s.age < 18 ? "moins de 18 ans" : (l.flags.maternite ? "maternité" : (l.flags.c2s ? "C2S" : "AME")));
    return Money::Zero();
  }
  const Date d = l.date;
  const std::string prof = l.professionnel.empty() ? std::string("?") : l.professionnel;
  Money wanted = Money::Zero();
  RetenueCaps caps{};
  const Money* unit = nullptr;
  switch (s.item.retenue) {
    case Retenue::kParticipationForfaitaire:
      unit = r.pf_montant.At(d);
      caps = {"Participation forfaitaire", "ro_pf_jour:" + prof, r.pf_plafond_jour.At(d), "ro_pf", r.pf_plafond_an.At(d)};
      if (unit != nullptr) wanted = *unit;  // one per act (consultation or act line)
      break;
    case Retenue::kFranchiseActe:
      unit = r.franchise_acte.At(d);
      caps = {"Franchise médicale", "ro_franchise_jour:" + prof, r.franchise_plafond_jour_actes.At(d), "ro_franchise",
              r.franchise_plafond_an.At(d)};
      if (unit != nullptr) wanted = *unit * l.quantite;
      break;
    case Retenue::kFranchiseBoite:
      unit = r.franchise_boite.At(d);
      caps = {"Franchise médicale", "", nullptr, "ro_franchise", r.franchise_plafond_an.At(d)};
      if (unit != nullptr) wanted = *unit * l.quantite;
      break;
    case Retenue::kFranchiseTransport:
      unit = r.franchise_transport.At(d);
      caps = {"Franchise sur les transports", "ro_franchise_transport_jour", r.franchise_plafond_jour_transport.At(d),
              "ro_franchise", r.franchise_plafond_an.At(d)};
      if (unit != nullptr) wanted = *unit * l.quantite;
      break;
    case Retenue::kAucune:
      break;
  }
  if (unit == nullptr) return Status::NotFound(fmt::format("retenue du RO non connue au {}", d));
  wanted = Min(wanted, s.out.ro_brut);
  LIASSE_ASSIGN_OR_RETURN(auto allowed, ApplyCaps(s, wanted, caps));
  if (!allowed.is_zero()) {
    LIASSE_TRACE(s, "{} retenue par la Sécurité sociale : {} → versé {}.", caps.nom, allowed,
            (s.out.ro_brut - allowed));
  }
  return allowed;
}

}  // namespace

Status PriceRoPart(LineState& s) {
  const ClaimLine& l = s.line;
  LIASSE_ASSIGN_OR_RETURN(auto base, Base(s));
  Money b = base;
  if (l.frais_reels < b && !(l.ro && l.ro->base)) {
    LIASSE_TRACE(s, "Base ramenée aux frais réels {} (dépense inférieure au tarif).", l.frais_reels);
    b = l.frais_reels;
  }
  s.out.base = b;
  LIASSE_ASSIGN_OR_RETURN(auto taux, TauxRo(s, b));
  s.out.taux_ro = taux;

  if (l.ro) {
    // Paid amount as printed on the décompte RO; the retenues are either
    // printed or computed by the rules.
    Money retenues = Money::Zero();
    if (l.ro->retenues) {
      retenues = *l.ro->retenues;
    } else {
      s.out.ro_brut = b.ApplyRate(s.out.taux_ro, Rounding::kHalfUp);
      LIASSE_ASSIGN_OR_RETURN(auto computed, Retenues(s));
      retenues = computed;
      if (s.out.ro_brut - retenues != l.ro->rembourse) {
        LIASSE_TRACE(s, "Écart avec le décompte RO : {} calculé, {} versé ; le décompte fait foi.",
                (s.out.ro_brut - retenues), l.ro->rembourse);
      }
    }
    s.out.ro_brut = l.ro->rembourse + retenues;
    s.out.retenues = retenues;
    s.out.ro = l.ro->rembourse;
    if (retenues.is_zero()) {
      LIASSE_TRACE(s, "Sécurité sociale (décompte) : {} versé.", s.out.ro);
    } else {
      LIASSE_TRACE(s, "Sécurité sociale (décompte) : {} versé, après {} de retenues.", s.out.ro, retenues);
    }
    return Status::Ok();
  }

  const HospitalRules& h = s.tariffs.hospital();
  const Money* seuil = h.acte_lourd_seuil.At(l.date);
  const Money* participation = h.acte_lourd_participation.At(l.date);
  if (s.item.acte_lourd && seuil != nullptr && participation != nullptr && b >= *seuil &&
      s.out.taux_ro.basis_points() > 0 && s.out.taux_ro < s.tariffs.taux_exoneration()) {
    s.acte_lourd = true;
    s.participation_lourde = Min(*participation, b);
    s.out.taux_ro = s.tariffs.taux_exoneration();
    s.out.ro_brut = b - s.participation_lourde;
    LIASSE_TRACE(s, "Acte d'au moins {} : la Sécurité sociale prend en charge {} − participation forfaitaire {} = {}.",
            *seuil, b, s.participation_lourde, s.out.ro_brut);
  } else {
    s.out.ro_brut = b.ApplyRate(s.out.taux_ro, Rounding::kHalfUp);
    if (!b.is_zero()) {
      LIASSE_TRACE(s, "Sécurité sociale : {} × {} = {}.", s.out.taux_ro, b, s.out.ro_brut);
    }
  }
  LIASSE_ASSIGN_OR_RETURN(auto retenues, Retenues(s));
  s.out.retenues = retenues;
  s.out.ro = s.out.ro_brut - s.out.retenues;
  return Status::Ok();
}

std::string ContratAffiche(const std::string& contrat) {
  if (contrat.size() > 4 && contrat.compare(0, 4, "PASS") == 0) return "PASS " + contrat.substr(4);
  return contrat;
}

}  // namespace liasse::pricing::detail
