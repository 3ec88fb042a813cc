// View models of the letters: plain values the lead maps pricing and rules
// results to. Amounts are liasse::Money, dates liasse::Date, text UTF-8.
// Identifiers are given in full; the generators mask them (NIR with
// liasse::Nir::Masked, IBAN with liasse::MaskIban) — a letter never shows
// them whole.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "liasse/core/date.h"
#include "liasse/core/money.h"
#include "liasse/generators/templates.h"

namespace liasse::generators {

// Name and postal address as printed in the envelope window.
struct Recipient {
  std::string name;                  // "Mme Claire MARTIN"
  std::vector<std::string> address;  // street, "75009 PARIS", …
  std::string email;                 // for e-mailed letters (not printed)
};

// ------------------------------------------------------------- décompte
struct Beneficiaire {
  std::string nom;       // "Claire MARTIN"
  std::string qualite;   // "adhérente", "conjoint", "enfant"
  std::string nir;       // full NIR (15 characters) or empty when not known
};

struct LigneDecompte {
  Date date_soins = Date::FromSerial(0);
  std::string beneficiaire;
  std::string acte;               // "Consultation généraliste (G)"
  Money frais_reels = Money::Zero();
  Money base = Money::Zero();     // base de remboursement
  Money securite_sociale = Money::Zero();
  Money mutuelle = Money::Zero();
  Money reste_a_charge = Money::Zero();
  // Why the mutuelle paid nothing or was capped, from the pricing trace;
  // required when mutuelle is zero, printed under the line.
  std::string explication;
};

struct DecompteModel {
  std::string numero;             // décompte number
  std::string numero_adherent;
  Recipient adherent;
  std::string nir;                // the member's NIR (masked on the letter)
  std::string contrat;            // "PASS 3"
  std::vector<Beneficiaire> beneficiaires;
  Date date_paiement = Date::FromSerial(0);
  std::string iban;               // full IBAN (masked on the letter)
  Date date_courrier = Date::FromSerial(0);
  std::vector<LigneDecompte> lignes;
  // Tiers payant: the professional the mutuelle paid instead of the member
  // ("Cabinet BONNET, n° 596349779"); empty: paid to the member's IBAN.
  std::string professionnel_paye;
};

// ----------------------------------------------------------- renonciation
// The dates the renunciation rule needs (seed 004 §2.5, reference.md).
struct RenonciationFaits {
  // Signature of the bulletin (démarchage) or effect of the adhesion
  // (vente à distance).
  Date date_signature_ou_effet = Date::FromSerial(0);
  // When the member received the conditions, if known and later.
  std::optional<Date> date_reception_conditions;
  std::optional<Date> date_lettre;   // the date written on the letter
  std::optional<Date> date_cachet;   // the postmark, when readable
  Date date_reception = Date::FromSerial(0);  // when we received the letter
};

struct RenonciationModel {
  std::string reference;
  std::string numero_adherent;
  Recipient adherent;
  std::string contrat;
  Date date_courrier = Date::FromSerial(0);
  RenonciationFaits faits;
  Money cotisations_versees = Money::Zero();   // refunded to the member
  Money prestations_versees = Money::Zero();   // the member refunds them
  bool carte_tiers_payant = true;              // a card was sent and must come back
};

// ------------------------------------------------------------ réclamation
// What the complaint gave, field by field as in results.md's `reclamation`
// (empty = not given); the acknowledgment lists what seed 002 asks for and
// is missing.
struct ReclamationModel {
  std::string ticket;
  Recipient reclamant;
  Date date_reception = Date::FromSerial(0);
  Date date_courrier = Date::FromSerial(0);
  std::string objet;        // the object as understood
  InsurerKind porteur_de_risque = InsurerKind::kMutuelle;
  std::string nom;
  std::string prenom;
  std::string nir;
  std::string adresse;
  std::string email;
  std::string telephone;
  std::string entreprise;
  bool pieces_jointes_annoncees_manquantes = false;  // "ci-joint" but nothing attached
};

// ---------------------------------------------------------------- B2 lot
struct Anomalie {
  std::string code;     // stable code, e.g. "LOT_ORDER"
  std::string message;  // plain French
};

struct FactureRejetee {
  std::string numero_facture;
  std::string patient;
  Money montant = Money::Zero();
  std::vector<Anomalie> anomalies;
  std::vector<std::string> a_renvoyer;  // what to send again for this invoice
};

struct LotAnomaliesModel {
  std::string reference;
  Recipient professionnel;
  std::string identifiant_professionnel;  // numéro AM
  std::string numero_lot;
  Date date_lot = Date::FromSerial(0);
  Date date_reception = Date::FromSerial(0);
  Date date_courrier = Date::FromSerial(0);
  bool lot_rejete = false;                // the whole lot (else partial)
  std::vector<Anomalie> anomalies_lot;    // lot-level anomalies
  std::vector<FactureRejetee> factures;
  int factures_acceptees = 0;
};

// ------------------------------------------------------ demande de pièces
struct PieceManquante {
  std::string piece;  // "Facture détaillée et acquittée"
  std::string motif;  // which care it is needed for
};

struct DemandePiecesModel {
  std::string reference;
  std::string numero_adherent;
  Recipient adherent;
  Date date_reception = Date::FromSerial(0);  // of the claim
  Date date_courrier = Date::FromSerial(0);
  std::string objet;                           // "votre demande de remboursement d'optique"
  std::vector<PieceManquante> pieces;
};

// ------------------------------------------------- refus de remboursement
// A claim the mutuelle does not pay (deadline passed, act not covered, not
// a member, invoice already paid): the refusal with its reasons and what to
// do, to whoever would have been paid.
struct RefusRemboursementModel {
  std::string reference;
  std::string numero_adherent;     // empty when the person is not a member
  Recipient destinataire;
  std::string numero_facture;
  std::string professionnel;       // the professional who invoiced, when known
  bool tiers_payant = false;       // a B2 invoice: the professional was to be paid
  Date date_reception = Date::FromSerial(0);
  Date date_courrier = Date::FromSerial(0);
  std::string objet;               // "la facture n° 218647856"
  std::vector<std::string> motifs; // French sentences, at least one
};

}  // namespace liasse::generators
