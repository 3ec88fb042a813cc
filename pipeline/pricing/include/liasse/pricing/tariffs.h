// Tariff data of the régime obligatoire (RO): bases de remboursement of acts
// and products, RO rates by category, participation forfaitaire and
// franchises, hospital flat amounts, optique classes — all by date of care
// (`valid_from`), loaded from data/tarifs/*.toml and validated at start-up.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/date.h"
#include "liasse/core/money.h"
#include "liasse/core/status.h"

namespace liasse::pricing {

// A value that changes by date: the one in force on a date is the last whose
// valid_from is on or before it.
template <typename T>
struct Dated {
  std::vector<std::pair<Date, T>> valeurs;  // sorted by date
  // The value in force on `d`, or nullptr before the first valid_from.
  const T* At(Date d) const {
    const T* found = nullptr;
    for (const auto& [from, v] : valeurs) {
      if (from <= d) found = &v;
      else break;
    }
    return found;
  }
};

enum class Retenue { kAucune, kParticipationForfaitaire, kFranchiseActe, kFranchiseBoite, kFranchiseTransport };
enum class BaseMode { kTarif, kLigne, kFraisReels };

struct TariffItem {
  std::string code;
  std::string libelle;
  std::string categorie;        // key of RoRates
  Retenue retenue = Retenue::kAucune;
  std::string poste;            // guarantee row (or prefix when selon_dptm)
  bool selon_dptm = false;
  std::string poste_100_sante;  // row for the 100 % Santé basket, may be empty
  BaseMode base_mode = BaseMode::kTarif;
  Dated<Money> bases;           // kTarif: unit base
  std::optional<Money> prix_limite;  // 100 % Santé price limit
  std::optional<int> age_max_ro;
  bool acte_lourd = false;
  bool confirme = true;              // the bases (valeurs) have a source
  bool prix_limite_confirme = true;  // the prix_limite has a source
};

struct RoCategory {
  std::string libelle;
  Dated<Rate> taux;
  std::optional<Rate> hors_parcours;
  bool confirme = true;  // the rates have a source
};

struct RetenueRules {
  Dated<Money> pf_montant, pf_plafond_jour, pf_plafond_an;
  Dated<Money> franchise_acte, franchise_boite, franchise_transport;
  Dated<Money> franchise_plafond_jour_actes, franchise_plafond_jour_transport, franchise_plafond_an;
};

struct HospitalRules {
  Dated<Money> forfait_journalier, forfait_journalier_psychiatrie;
  Dated<Money> acte_lourd_seuil, acte_lourd_participation;
};

// One figure of a tariff with where it comes from: the LPP code and the text
// that sets it. A figure without a source here has confirme = false; pricing
// names it on every line that uses it, and such a claim goes to review.
struct SourcedMoney {
  Money montant = Money::Zero();
  std::string lpp;     // LPP code, empty when not sourced here
  std::string source;  // the text that sets the figure
  bool confirme = false;
};

// An element of a class A (100 % Santé) equipment, adult: the tarif LPP
// (base de remboursement) and the prix limite de vente (PLV), in force from
// valid_from.
struct ClasseAElement {
  std::string libelle;
  Date valid_from = Date::FromSerial(0);
  SourcedMoney base;
  SourcedMoney prix_limite;
};

// Lens classes (dioptres in hundredths) and optique renewal rules.
struct OptiqueRules {
  int simple_sphere_min = -600;
  int simple_cylindre_max = 400;
  int simple_sphere_plus_cylindre_max = 600;
  int tres_complexe_spherocylindrique_sphere_abs = 800;
  int tres_complexe_spherique_sphere_abs = 400;
  Money plafond_monture = Money::Euros(100);
  ClasseAElement classe_a_monture;
  ClasseAElement classe_a_verre[3];  // indexed by ClasseVerre: simple, complexe, très complexe
  int mois_adulte = 24, mois_adulte_evolution = 12, mois_enfant = 12, mois_jeune_enfant = 6;
  int age_adulte = 16, age_jeune_enfant = 6;
};

// One simulator key (data/tarifs/simulateur.toml).
struct SimulatorAct {
  std::string cle;
  std::string code;
  std::string libelle;
  bool dptm = true;
  bool cent_pour_cent_sante = false;
  bool hospitalisation = false;
  std::vector<std::string> verres;  // lens classes for optique
};

// Everything loaded from data/tarifs. Immutable once loaded; thread-safe to
// share.
class Tariffs {
 public:
  // Loads actes.toml, regime_obligatoire.toml, optique.toml, audition.toml
  // and simulateur.toml from `dir`. Fails with "<file>: <key>: reason".
  static Result<Tariffs> LoadDirectory(const std::string& dir);

  // The act, or nullptr for an unknown code (codes are upper case).
  const TariffItem* FindAct(std::string_view code) const;
  const RoCategory* FindCategory(std::string_view categorie) const;
  const SimulatorAct* FindSimulatorAct(std::string_view cle) const;
  std::vector<std::string> SimulatorKeys() const;

  Rate taux_exoneration() const { return taux_exoneration_; }
  const RetenueRules& retenues() const { return retenues_; }
  const HospitalRules& hospital() const { return hospital_; }
  const OptiqueRules& optique() const { return optique_; }
  int delai_declaration_mois() const { return delai_declaration_mois_; }
  // Months before a hearing aid of the same ear is covered again.
  int audition_renouvellement_mois() const { return audition_renouvellement_mois_; }

 private:
  std::map<std::string, TariffItem, std::less<>> acts_;
  std::map<std::string, RoCategory, std::less<>> categories_;
  std::map<std::string, SimulatorAct, std::less<>> simulator_;
  Rate taux_exoneration_ = Rate::Percent(100);
  RetenueRules retenues_;
  HospitalRules hospital_;
  OptiqueRules optique_;
  int delai_declaration_mois_ = 24;
  int audition_renouvellement_mois_ = 48;
};

}  // namespace liasse::pricing
