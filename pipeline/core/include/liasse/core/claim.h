// Claims to price and their priced result: plain structs of Money, Date and
// std::string so that generators can render them and the CLI can serialise
// them without knowing the pricing rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "liasse/core/date.h"
#include "liasse/core/money.h"

namespace liasse {

enum class ClasseVerre { kSimple, kComplexe, kTresComplexe };

// One lens as prescribed: dioptres in hundredths (-6,25 → -625), or an
// explicit class when only the class is known (simulator, invoice).
struct Verre {
  int sphere = 0;
  int cylindre = 0;
  int addition = 0;        // > 0 for multifocal / progressive lenses
  bool multifocal = false;
  std::optional<ClasseVerre> classe;  // overrides the computation when set
};

// Details of an optique equipment line (monture + deux verres).
struct Optique {
  Verre droit;
  Verre gauche;
  Money monture = Money::Zero();   // part of frais réels for the frame (0 = unknown)
  bool verres_100_sante = false;
  bool monture_100_sante = false;
  bool evolution_vue = false;          // justified sight change (§3.1.2)
  bool situation_medicale = false;     // listed medical situation: no minimum delay
};

// The RO payment as read on a décompte RO, when known.
struct RoConnu {
  std::optional<Money> base;
  std::optional<Rate> taux;
  Money rembourse = Money::Zero();      // what the RO paid (after retenues)
  std::optional<Money> retenues;        // PF / franchises it kept, when printed
};

struct LineFlags {
  bool dptm = true;                // médecin adhérent OPTAM / OPTAM-CO
  bool parcours_de_soins = true;
  bool conventionne = true;        // établissement / praticien conventionné
  bool cent_pour_cent_sante = false;
  bool ald = false;
  bool maternite = false;
  bool c2s = false;
  bool ame = false;
  bool etranger = false;
  bool pris_en_charge_ro_etranger = true;
  bool medico_social = false;      // forfait journalier in EHPAD / MAS
  bool psychiatrie = false;
  bool accouchement_voie_basse = false;  // obstetric dépassements not covered
  bool hospitalisation = false;
};

// One line of a claim.
struct ClaimLine {
  Date date = Date::FromSerial(0);
  std::string code;                 // tariff code (actes.toml): "G", "AMI", "HBLD036"
  std::string libelle;              // as printed; the act's label when empty
  int64_t coefficient_centiemes = 100;  // "7.5" → 750
  int64_t quantite = 1;             // boxes, days, séances
  Money frais_reels = Money::Zero();
  std::optional<Money> base_ligne;  // the BR printed (CCAM, pharmacie, LPP)
  std::string poste;                // guarantee row forced by the caller (else from the act)
  std::string professionnel;        // identifier, for the PF daily cap
  std::string oreille;              // hearing aids: "droite" / "gauche" (renewal per ear)
  LineFlags flags;
  std::optional<RoConnu> ro;
  std::optional<Optique> optique;
};

// Who is covered, by which contract, since when.
struct Coverage {
  std::string contrat;              // "PASS3"
  Date date_adhesion = Date::FromSerial(0);
  std::optional<Date> date_fin;     // last covered day
};

struct Claim {
  std::string id;                   // idempotency key for counters
  std::string member;               // numéro d'adhérent
  std::string beneficiaire;         // stable beneficiary id (counters)
  Date date_naissance = Date::FromSerial(0);
  Coverage coverage;
  std::optional<Date> date_reception;  // for the 2-year deadline
  std::vector<ClaimLine> lines;
};

struct PricedLine {
  Date date = Date::FromSerial(0);
  std::string code;
  std::string libelle;
  Money frais_reels = Money::Zero();
  Money base = Money::Zero();
  Rate taux_ro = Rate::Percent(0);
  Money ro_brut = Money::Zero();     // before retenues
  Money retenues = Money::Zero();    // PF / franchises kept by the RO
  Money ro = Money::Zero();          // RO paid = ro_brut − retenues
  Money mutuelle = Money::Zero();
  Money reste_a_charge = Money::Zero();  // frais_reels − ro − mutuelle
  std::string garantie;              // "PASS3/generaliste_dptm", empty when no row
  std::string motif_refus;           // why the mutuelle pays nothing, if so
  // 100 % Santé: the part of frais réels above the prix limite de vente,
  // not paid as 100 % Santé (it stays in reste_a_charge).
  std::optional<Money> hors_100_sante;
  // Tariff figures used without a source (confirme = false), in French; a
  // claim with any goes to review before payment.
  std::vector<std::string> tarifs_non_confirmes;
  std::vector<std::string> trace;    // one French sentence per step
};

struct PricedTotals {
  Money frais_reels = Money::Zero();
  Money ro = Money::Zero();
  Money retenues = Money::Zero();
  Money mutuelle = Money::Zero();
  Money reste_a_charge = Money::Zero();
};

struct PricedClaim {
  std::string id;
  std::string member;
  std::string beneficiaire;
  std::vector<PricedLine> lines;
  PricedTotals totals;
};

}  // namespace liasse
