// Optique equipments (monture + deux verres): lens classes, forfait per pair
// of classes including the RO, frame ≤ 100 €, one equipment per renewal
// period (§3.1.2), 100 % Santé and mixed equipments (note 6).
#include <cstdlib>
#include <fmt/format.h>

#include "line_context.h"

namespace liasse::pricing {

ClasseVerre ClasseDuVerre(const Verre& v, const OptiqueRules& r) {
  if (v.classe) return *v.classe;
  const bool multifocal = v.multifocal || v.addition > 0;
  if (!multifocal) {
    const bool simple = (v.sphere >= r.simple_sphere_min && v.sphere <= 0 && v.cylindre <= r.simple_cylindre_max) ||
                        (v.sphere > 0 && v.sphere + v.cylindre <= r.simple_sphere_plus_cylindre_max);
    return simple ? ClasseVerre::kSimple : ClasseVerre::kComplexe;
  }
  const int abs_sphere = std::abs(v.sphere);
  if (v.cylindre != 0 && abs_sphere > r.tres_complexe_spherocylindrique_sphere_abs) return ClasseVerre::kTresComplexe;
  if (v.cylindre == 0 && abs_sphere > r.tres_complexe_spherique_sphere_abs) return ClasseVerre::kTresComplexe;
  return ClasseVerre::kComplexe;
}

std::string PosteOptique(ClasseVerre a, ClasseVerre b) {
  if (b < a) std::swap(a, b);
  auto name = [](ClasseVerre c) {
    switch (c) {
      case ClasseVerre::kSimple: return "simple";
      case ClasseVerre::kComplexe: return "complexe";
      case ClasseVerre::kTresComplexe: return "tres_complexe";
    }
    return "simple";
  };
  return fmt::format("optique_{}_{}", name(a), name(b));
}

namespace detail {

namespace {

// Renewal period in months for this beneficiary, 0 when no minimum delay.
int RenewalMonths(const LineState& s, const Optique& o) {
  const OptiqueRules& r = s.tariffs.optique();
  if (o.situation_medicale) return 0;
  if (s.age < r.age_adulte && o.evolution_vue) return 0;
  if (s.age < r.age_jeune_enfant) return r.mois_jeune_enfant;
  if (s.age < r.age_adulte) return r.mois_enfant;
  return o.evolution_vue ? r.mois_adulte_evolution : r.mois_adulte;
}

const ClasseAElement& VerreClasseA(const OptiqueRules& r, ClasseVerre c) {
  return r.classe_a_verre[static_cast<int>(c)];
}

// The figure `f` of `e`, named on the line when it has no source.
Money Figure(LineState& s, const ClasseAElement& e, const SourcedMoney& f, const char* quoi) {
  if (!f.confirme) NoteNonConfirme(s, fmt::format("{} {} {}", quoi, e.libelle, f.montant));
  return f.montant;
}

Status InForce(const LineState& s, const ClasseAElement& e) {
  if (s.line.date < e.valid_from) {
    return Status::NotFound(fmt::format("prix limite de la {} non connu au {}", e.libelle, s.line.date));
  }
  return Status::Ok();
}

// Prix limites de vente of a class A equipment: frame and lenses.
struct PlvClasseA {
  Money monture = Money::Zero();
  Money verres = Money::Zero();
  Money total() const { return monture + verres; }
};

Result<PlvClasseA> PrixLimites(LineState& s, ClasseVerre a, ClasseVerre b) {
  const OptiqueRules& r = s.tariffs.optique();
  PlvClasseA plv;
  for (const ClasseAElement* e : {&r.classe_a_monture, &VerreClasseA(r, a), &VerreClasseA(r, b)}) {
    LIASSE_RETURN_IF_ERROR(InForce(s, *e));
  }
  plv.monture = Figure(s, r.classe_a_monture, r.classe_a_monture.prix_limite, "prix limite de vente de la");
  plv.verres = Figure(s, VerreClasseA(r, a), VerreClasseA(r, a).prix_limite, "prix limite de vente du") +
               Figure(s, VerreClasseA(r, b), VerreClasseA(r, b).prix_limite, "prix limite de vente du");
  return plv;
}

// What a class A equipment may cost as 100 % Santé: frais réels up to the
// PLV; the part above (frame and lenses apart when the frame's price is
// known) is "hors 100 % Santé", reported and left to the member.
Money GarantieClasseA(LineState& s, const PlvClasseA& plv, Money monture, Money verres, std::string* calcul) {
  const Money fr = s.out.frais_reels;
  const Money excedent = monture.is_zero()
                             ? Max(Money::Zero(), fr - plv.total())
                             : Max(Money::Zero(), monture - plv.monture) + Max(Money::Zero(), verres - plv.verres);
  *calcul = LIASSE_TRACE_TEXT(s, "sans reste à charge dans la limite du prix limite de vente {} (monture {}, verres {})",
                              plv.total(), plv.monture, plv.verres);
  if (!excedent.is_zero()) {
    s.out.hors_100_sante = excedent;
    LIASSE_TRACE(s, "Hors 100 % Santé : {} au-delà du prix limite de vente de l'équipement de classe A ({}) ; cette part "
                 "n'est pas prise en charge au titre du 100 % Santé et reste à la charge de l'assuré.",
                 excedent, plv.total());
  }
  return fr - excedent;
}

}  // namespace

bool OptiqueToutCentPourCentSante(const LineState& s) {
  if (s.item.poste != "optique" || !s.line.optique) return false;
  const Optique& o = *s.line.optique;
  return s.line.flags.cent_pour_cent_sante || (o.verres_100_sante && o.monture_100_sante);
}

Result<Money> BaseClasseA(LineState& s) {
  const Optique& o = *s.line.optique;
  const OptiqueRules& r = s.tariffs.optique();
  const ClasseAElement& droit = VerreClasseA(r, ClasseDuVerre(o.droit, r));
  const ClasseAElement& gauche = VerreClasseA(r, ClasseDuVerre(o.gauche, r));
  for (const ClasseAElement* e : {&r.classe_a_monture, &droit, &gauche}) {
    LIASSE_RETURN_IF_ERROR(InForce(s, *e));
  }
  const Money monture = Figure(s, r.classe_a_monture, r.classe_a_monture.base, "tarif LPP de la");
  const Money v1 = Figure(s, droit, droit.base, "tarif LPP du");
  const Money v2 = Figure(s, gauche, gauche.base, "tarif LPP du");
  const Money base = monture + v1 + v2;
  LIASSE_TRACE(s, "Base de remboursement d'un équipement 100 % Santé (classe A) : monture {} + verres {} + {} = {}.",
               monture, v1, v2, base);
  return base;
}

Status PriceOptique(LineState& s) {
  if (!s.line.optique) {
    return Status::InvalidArgument("équipement optique sans verres : classes ou corrections requises");
  }
  const Optique& o = *s.line.optique;
  const OptiqueRules& r = s.tariffs.optique();
  const ClasseVerre a = ClasseDuVerre(o.droit, r);
  const ClasseVerre b = ClasseDuVerre(o.gauche, r);
  const bool tout_100 = s.line.flags.cent_pour_cent_sante || (o.verres_100_sante && o.monture_100_sante);
  const bool mixte = !tout_100 && (o.verres_100_sante != o.monture_100_sante);
  const std::string key = tout_100 ? "optique_100_sante" : PosteOptique(a, b);
  const GuaranteeRow* row = s.table.Find(key);
  if (row == nullptr) return Status::InvalidArgument(fmt::format("ligne {} absente du tableau", key));
  s.out.garantie = row->reference;

  // One equipment per renewal period, counted from the previous invoice on
  // either side of this date (claims may arrive out of order).
  const int months = RenewalMonths(s, o);
  const Date d = s.line.date;
  CounterEntry use{s.counters.beneficiaire(), "optique", d, Money::Zero(), 1, d, d, {}, {}};
  if (months > 0) {
    const Date du = d.AddMonths(-months).AddDays(1);
    const Date au = d.AddMonths(months).AddDays(-1);
    LIASSE_ASSIGN_OR_RETURN(auto used, s.counters.Total("optique", du, au));
    if (used.nombre > 0) {
      s.out.mutuelle = Money::Zero();
      s.out.motif_refus = fmt::format(
          "Un équipement optique a déjà été pris en charge dans la période de renouvellement de {} mois (§3.1.2).",
          months);
      LIASSE_TRACE(s, "{}", s.out.motif_refus);
      return Status::Ok();
    }
    use.fenetre_du = du;
    use.fenetre_au = au;
    use.plafond_nombre = 1;
  }

  const Money fr = s.out.frais_reels;
  const Money monture = Min(o.monture, fr);
  const Money verres = fr - monture;
  const Money reste = fr - s.out.ro_brut;
  Money garantie = Money::Zero();
  std::string calcul;
  if (tout_100) {
    LIASSE_ASSIGN_OR_RETURN(const PlvClasseA plv, PrixLimites(s, a, b));
    garantie = GarantieClasseA(s, plv, o.monture.is_zero() ? Money::Zero() : monture, verres, &calcul);
  } else if (row->garantie.kind == Garantie::Kind::kPourcentageBr) {
    garantie = s.out.base.ApplyRate(row->garantie.taux, Rounding::kHalfUp);
    calcul = LIASSE_TRACE_TEXT(s, "{} × {}", row->garantie.taux, s.out.base);
  } else if (mixte) {
    const GuaranteeRow* row100 = s.table.Find("optique_100_sante");
    // The 100 % Santé part is paid up to its own PLV (note 6).
    Money plv_part = Money::Zero();
    if (o.verres_100_sante) {
      for (ClasseVerre c : {a, b}) plv_part += Figure(s, VerreClasseA(r, c), VerreClasseA(r, c).prix_limite, "prix limite de vente du");
    } else {
      plv_part = Figure(s, r.classe_a_monture, r.classe_a_monture.prix_limite, "prix limite de vente de la");
    }
    const Money part100 = Min(o.verres_100_sante ? verres : monture, plv_part);
    Money libre = o.verres_100_sante ? Min(monture, r.plafond_monture) : verres;
    libre = Min(libre, Max(Money::Zero(), row->garantie.montant - part100));
    garantie = part100 + libre;
    calcul = LIASSE_TRACE_TEXT(s, "partie 100 % Santé {} ({}) + partie libre limitée au forfait {} moins {} = {} (note 6)",
                         part100, row100 != nullptr ? row100->garantie.imprime : "",
                         row->garantie.montant, part100, libre);
  } else {
    const Money monture_retenue = Min(monture, r.plafond_monture);
    const Money eligible = verres + monture_retenue;
    garantie = Min(row->garantie.montant, eligible);
    calcul = LIASSE_TRACE_TEXT(s, "forfait {} (Sécurité sociale incluse) pour verres {} + monture {} (limitée à {})",
                         row->garantie.montant, verres, monture_retenue,
                         r.plafond_monture);
  }
  const Money part = garantie - s.out.ro_brut;
  s.out.mutuelle = Max(Money::Zero(), Min(part, reste));
  LIASSE_TRACE(s, "{}, {} : {} → {} ; moins Sécurité sociale {} = {} ; limité aux frais restants {} → {}.", row->LibelleCourt(),
          ContratAffiche(s.table.contrat()), calcul, garantie, s.out.ro_brut, part,
          reste, s.out.mutuelle);
  use.montant = s.out.mutuelle;
  s.counters.Consume(std::move(use));
  return Status::Ok();
}

}  // namespace detail
}  // namespace liasse::pricing
