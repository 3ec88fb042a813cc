// Lot assembly and lot checking (seed 003). A lot is a bordereau
// récapitulatif and the pieces that follow it in the envelope: feuilles de
// soins, prescriptions, ententes préalables, attestations de droits. The
// check judges conformity to the lot rules only (never payability) and
// returns the anomalies as data. Pure functions over the documents; thread
// safety is that of the PrescriptionHistory passed in.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/paid_invoices.h"
#include "liasse/core/prescription_history.h"
#include "liasse/core/status.h"
#include "liasse/core/document.h"
#include "liasse/rules/rule_set.h"

namespace liasse::rules {

// Flux sécurisé: invoices télétransmises, the paper lot is the bordereau and
// the prescriptions. Flux dégradé: the paper feuilles de soins come too.
enum class Flux { kSecurise, kDegrade };
std::string_view FluxName(Flux flux);  // "securise", "degrade"

struct Lot {
  std::optional<int> bordereau;  // document index, nullopt when missing
  std::vector<int> pieces;       // document indices in envelope order
  Flux flux = Flux::kDegrade;
};

// Groups the lot documents of an envelope into lots, in order: each
// bordereau starts a lot; pieces before the first bordereau belong to the
// first lot; pieces with no bordereau at all form one lot without
// bordereau. Other document types are not lot pieces. The flux is the
// bordereau's `lot.flux` ("securise"/"degrade") when read, else dégradé when
// the lot holds a feuille de soins, else sécurisé.
std::vector<Lot> AssembleLots(const std::vector<Document>& documents);

struct Anomaly {
  std::string code;
  int document = 0;                           // index in the envelope's documents
  std::optional<int> line;                    // bordereau line, 0-based
  std::optional<std::string> numero_facture;  // the invoice rejected, when one is
  std::string message;                        // French, to the auxiliaire médical
  std::string a_renvoyer;                     // what to resend
  bool illisible = false;  // raised because a needed value was unreadable (needs a look)
};

enum class Verdict { kAccepted, kPartial, kRejected };
std::string_view VerdictName(Verdict verdict);  // "accepted", "partial", "rejected"

// The one source of truth from verdict to payment: `factures_acceptees`
// are exactly the payable invoices of the lot. A rejected lot has none (all
// its numbered invoices are in `factures_rejetees`); a partial lot has those
// no anomaly names.
struct LotVerdict {
  std::string numero;  // lot.numero, empty when unreadable or no bordereau
  Flux flux = Flux::kDegrade;
  Verdict verdict = Verdict::kAccepted;
  std::vector<Anomaly> anomalies;
  std::vector<std::string> factures_rejetees;  // ascending
  std::vector<std::string> factures_acceptees; // ascending; empty when rejected
  // Accepted invoices whose payment waits for a person: a piece of theirs
  // whose crossing the reader left undecided (a prescription's possible
  // stroke). Ascending; not part of the result JSON (the piece's review
  // flag says why).
  std::vector<std::string> factures_en_attente;
};

// The invoices already paid, seen from the envelope being checked (its own
// earlier pricing, on reprocessing, is not a duplicate). `paid` null: no
// register (only duplicates inside the lot are found).
struct PaidInvoicesView {
  const PaidInvoices* paid = nullptr;  // borrowed
  std::string envelope;                // EnvelopeKey of the envelope checked
};

// Checks one lot. An invoice number twice in the lot is FACTURE_DOUBLON; one
// `paid` knows from another envelope is FACTURE_DEJA_PAYEE. Fails only when
// `history` or `paid` cannot answer.
Result<LotVerdict> CheckLot(const std::vector<Document>& documents, const Lot& lot,
                            const LotRuleSet& rules, const PrescriptionHistory& history,
                            const PaidInvoicesView& paid = {});

// AssembleLots + CheckLot for every lot.
Result<std::vector<LotVerdict>> CheckLots(const std::vector<Document>& documents,
                                          const LotRuleSet& rules, const PrescriptionHistory& history,
                                          const PaidInvoicesView& paid = {});

// Records in `history` every prescription the lot carries (for invoices it
// can identify), so the next lot for the same treatment needs no copy. Call
// after the lot was processed.
Status RememberPrescriptions(const std::vector<Document>& documents, const Lot& lot,
                             PrescriptionHistory& history);

// The result contract's `lots` array (docs/results.md) as JSON text,
// with `factures_rejetees`, `flux` and each anomaly's `a_renvoyer`.
std::string LotsToJson(const std::vector<LotVerdict>& lots, int indent = 2);

}  // namespace liasse::rules
