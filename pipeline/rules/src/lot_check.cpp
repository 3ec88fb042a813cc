#include <algorithm>
#include <map>
#include <set>

#include "liasse/core/date.h"
#include "liasse/core/identifiers.h"
#include "liasse/core/money.h"
#include "liasse/core/fields.h"
#include "liasse/rules/lot.h"

namespace liasse::rules {


std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kAccepted: return "accepted";
    case Verdict::kPartial: return "partial";
    case Verdict::kRejected: return "rejected";
  }
  return "rejected";
}

namespace {

// One invoice of the lot: a bordereau line, its feuille de soins, the
// prescriptions that came with it. Either side may be missing.
struct Invoice {
  std::optional<std::string> numero;
  std::optional<int> line;
  std::optional<int> feuille;
  std::vector<int> prescriptions;
};

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

bool AllDigits(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Invoice numbers compare as numbers when both are digit strings.
bool NumeroLess(const std::string& a, const std::string& b) {
  const bool digits = AllDigits(a) && AllDigits(b);
  if (digits) {
    const auto strip = [](const std::string& s) { return s.substr(std::min(s.find_first_not_of('0'), s.size())); };
    const std::string x = strip(a), y = strip(b);
    if (x.size() != y.size()) return x.size() < y.size();
    return x < y;
  }
  return a < b;
}

std::optional<Money> ParseAmount(const std::string* text) {
  if (text == nullptr) return std::nullopt;
  auto m = Money::ParseDecimal(*text);
  if (!m.ok()) m = Money::Parse(*text);
  return m.ok() ? std::optional<Money>(*m) : std::nullopt;
}

std::optional<Date> ParseDate(const std::string* text) {
  if (text == nullptr) return std::nullopt;
  auto d = Date::Parse(*text);
  return d.ok() ? std::optional<Date>(*d) : std::nullopt;
}

class LotChecker {
 public:
  // `rules` may be null when only Assemble() is used.
  LotChecker(const std::vector<Document>& docs, const Lot& lot, const LotRuleSet* rules,
             const PrescriptionHistory& history, const PaidInvoicesView& paid = {})
      : docs_(docs), lot_(lot), rules_(rules), history_(history), paid_(paid) {}

  Result<LotVerdict> Run() {
    out_.flux = lot_.flux;
    if (bordereau()) {
      if (const std::string* n = bordereau()->Text(fields::kLotNumero)) out_.numero = *n;
    }
    BuildInvoices();
    CheckLotLevel();
    std::set<std::string> seen;
    for (const Invoice& inv : invoices_) {
      LIASSE_RETURN_IF_ERROR(CheckInvoice(inv));
      LIASSE_RETURN_IF_ERROR(CheckDuplicate(inv, seen));
    }
    Decide();
    return std::move(out_);
  }

 private:
  const Document* bordereau() const {
    return lot_.bordereau ? &docs_[static_cast<size_t>(*lot_.bordereau)] : nullptr;
  }
  const Document& doc(int i) const { return docs_[static_cast<size_t>(i)]; }
  const Line& line(const Invoice& inv) const { return bordereau()->lines[static_cast<size_t>(*inv.line)]; }

  std::string UnitKey(const Invoice& inv) const {
    if (inv.numero) return *inv.numero;
    return "document:" + std::to_string(inv.feuille ? *inv.feuille : -1) + ":ligne:" +
           std::to_string(inv.line ? *inv.line : -1);
  }

  void Add(const std::string& code, int document, std::optional<int> line_index, const Invoice* inv,
           const std::string& detail = "", bool illisible = false) {
    const RuleText& rule = rules_->Rule(code);
    Anomaly a;
    a.code = code;
    a.document = document;
    a.line = line_index;
    a.message = detail.empty() ? rule.message : rule.message + " (" + detail + ")";
    a.a_renvoyer = rule.a_renvoyer;
    a.illisible = illisible;
    if (rule.scope == Scope::kLot || inv == nullptr) {
      lot_rejected_ = true;
    } else {
      a.numero_facture = inv->numero;
      rejected_units_.insert(UnitKey(*inv));
    }
    out_.anomalies.push_back(std::move(a));
  }

  void BuildInvoices() {
    if (const Document* b = bordereau()) {
      for (size_t i = 0; i < b->lines.size(); ++i) {
        Invoice inv;
        inv.line = static_cast<int>(i);
        if (const std::string* n = b->lines[i].Find(fields::kNumeroFacture)) inv.numero = *n;
        invoices_.push_back(inv);
      }
    }
    std::vector<int> unnumbered, unmatched;
    for (int p : lot_.pieces) {
      if (doc(p).type != DocumentType::kFeuilleDeSoins) continue;
      const std::string* n = doc(p).Text(fields::kNumeroFacture);
      if (n == nullptr) {
        unnumbered.push_back(p);
        continue;
      }
      auto it = std::find_if(invoices_.begin(), invoices_.end(),
                             [&](const Invoice& inv) { return !inv.feuille && inv.numero == *n; });
      if (it != invoices_.end()) {
        it->feuille = p;
      } else {
        unmatched.push_back(p);
      }
    }
    // A numbered feuille that no line names takes a line whose number is
    // unreadable (the line is then incomplete, not missing); else it has no line.
    for (int p : unmatched) {
      auto it = std::find_if(invoices_.begin(), invoices_.end(),
                             [&](const Invoice& inv) { return inv.line && !inv.numero && !inv.feuille; });
      if (it != invoices_.end()) {
        it->feuille = p;
        it->numero = *doc(p).Text(fields::kNumeroFacture);
      } else {
        invoices_.push_back(Invoice{*doc(p).Text(fields::kNumeroFacture), std::nullopt, p, {}});
      }
    }
    // A feuille whose number is unreadable takes the first line left without
    // a feuille: the pieces follow the bordereau order.
    for (int p : unnumbered) {
      auto it = std::find_if(invoices_.begin(), invoices_.end(),
                             [&](const Invoice& inv) { return inv.line && !inv.feuille; });
      if (it != invoices_.end()) {
        it->feuille = p;
      } else {
        invoices_.push_back(Invoice{std::nullopt, std::nullopt, p, {}});
      }
    }
    AttachPrescriptions();
  }

  // A prescription belongs to the feuille it follows; without a feuille
  // before it (flux sécurisé) to the line whose patient it names, else to
  // the first line still without a prescription.
  void AttachPrescriptions() {
    std::optional<int> last_feuille;
    for (int p : lot_.pieces) {
      const Document& d = doc(p);
      if (d.type == DocumentType::kFeuilleDeSoins) {
        last_feuille = p;
        continue;
      }
      if (d.type != DocumentType::kPrescription) continue;
      Invoice* target = nullptr;
      if (last_feuille) {
        for (Invoice& inv : invoices_) {
          if (inv.feuille == last_feuille) target = &inv;
        }
      }
      if (target == nullptr && bordereau() != nullptr) {
        const std::string* nom = d.Text(fields::kPatientNom);
        const std::string* prenom = d.Text(fields::kPatientPrenom);
        for (Invoice& inv : invoices_) {
          if (!inv.line || !inv.prescriptions.empty() || nom == nullptr) continue;
          const std::string* lnom = line(inv).Find(fields::kNom);
          const std::string* lprenom = line(inv).Find(fields::kPrenom);
          if (lnom && *lnom == *nom && (prenom == nullptr || (lprenom && *lprenom == *prenom))) {
            target = &inv;
            break;
          }
        }
        if (target == nullptr) {
          for (Invoice& inv : invoices_) {
            if (inv.prescriptions.empty() && !inv.feuille) {
              target = &inv;
              break;
            }
          }
        }
      }
      if (target != nullptr) target->prescriptions.push_back(p);
    }
  }

  void CheckLotLevel() {
    const Document* b = bordereau();
    if (b == nullptr) {
      Add("LOT_BORDEREAU_MISSING", lot_.pieces.empty() ? 0 : lot_.pieces.front(), std::nullopt, nullptr);
      return;
    }
    const int bd = *lot_.bordereau;
    static const std::vector<std::pair<std::string, std::string>> kHeader = {
        {fields::kPartenaireIdentifiant, "identification du partenaire"},
        {fields::kLotNumero, "n° du lot"},
        {fields::kLotDate, "date du lot"},
        {fields::kOrganismeDestinataire, "organisme destinataire"},
        {fields::kReglementDestinataire, "destinataire du règlement"}};
    std::vector<std::string> missing;
    for (const auto& [field, label] : kHeader) {
      if (b->Text(field) == nullptr) missing.push_back(label);
    }
    if (b->Text(fields::kLotDate) != nullptr && !ParseDate(b->Text(fields::kLotDate))) missing.push_back("date du lot illisible");
    if (!missing.empty()) Add("LOT_HEADER_INCOMPLETE", bd, std::nullopt, nullptr, "manque : " + Join(missing));

    if (const std::string* n = b->Text(fields::kLotNumero)) {
      const bool digits = AllDigits(*n);
      if (!digits || static_cast<int>(n->size()) != rules_->limits().largeur_numero_lot) {
        Add("LOT_NUMERO_INVALID", bd, std::nullopt, nullptr,
            "« " + *n + " » ; attendu : " + std::to_string(rules_->limits().largeur_numero_lot) + " chiffres");
      }
    }
    if (static_cast<int>(b->lines.size()) > rules_->limits().factures_par_lot_max) {
      Add("LOT_TOO_MANY_INVOICES", bd, std::nullopt, nullptr,
          std::to_string(b->lines.size()) + " factures, au plus " +
              std::to_string(rules_->limits().factures_par_lot_max));
    }
    if (b->lines.empty()) {
      lot_rejected_ = true;
      Add("LOT_LINE_INCOMPLETE", bd, std::nullopt, nullptr, "aucune ligne de facture lisible");
    }
    // Ascending invoice numbers on the bordereau (lines with a readable number).
    bool bordereau_disordered = false;
    const std::string* previous = nullptr;
    for (size_t i = 0; i < b->lines.size(); ++i) {
      const std::string* n = b->lines[i].Find(fields::kNumeroFacture);
      if (n == nullptr) continue;
      // A number twice in a row is a duplicate (FACTURE_DOUBLON), not disorder.
      if (previous != nullptr && *previous == *n) continue;
      if (previous != nullptr && !NumeroLess(*previous, *n)) {
        Add("LOT_ORDER", bd, static_cast<int>(i), nullptr, "facture " + *n + " après " + *previous);
        bordereau_disordered = true;
        break;
      }
      previous = n;
    }
    // Pieces in bordereau order: the feuilles that have a line must appear in
    // the order of their lines.
    std::vector<const Invoice*> by_feuille;
    for (const Invoice& inv : invoices_) {
      if (inv.line && inv.feuille) by_feuille.push_back(&inv);
    }
    std::vector<const Invoice*> by_line = by_feuille;
    std::sort(by_feuille.begin(), by_feuille.end(), [](auto* x, auto* y) { return *x->feuille < *y->feuille; });
    // A bordereau out of order whose pieces are classed by ascending number:
    // the pieces are right, the bordereau alone goes back (LOT_ORDER).
    if (bordereau_disordered && NumbersAscending(by_feuille)) return;
    for (size_t k = 0; k < by_feuille.size(); ++k) {
      if (by_feuille[k] != by_line[k]) {
        Add("LOT_PIECES_ORDER", *by_feuille[k]->feuille, std::nullopt, nullptr,
            "la feuille de la facture " + by_feuille[k]->numero.value_or("?") + " est à la place de celle de la facture " +
                by_line[k]->numero.value_or("?"));
        break;
      }
    }
  }

  static bool NumbersAscending(const std::vector<const Invoice*>& invoices) {
    for (size_t k = 1; k < invoices.size(); ++k) {
      const auto& a = invoices[k - 1]->numero;
      const auto& b = invoices[k]->numero;
      if (!a || !b || !NumeroLess(*a, *b)) return false;
    }
    return true;
  }

  void CheckLine(const Invoice& inv) {
    const Line& l = line(inv);
    const int bd = *lot_.bordereau;
    static const std::vector<std::pair<std::string, std::string>> kColumns = {
        {fields::kNumeroFacture, "n° de facture"}, {fields::kNir, "n° d'immatriculation"},
        {fields::kNom, "nom"}, {fields::kPrenom, "prénom"},
        {fields::kDateNaissance, "date de naissance"}, {fields::kMontantTotal, "montant total"},
        {fields::kMontantAmo, "part AMO"}, {fields::kMontantAmc, "part AMC"}};
    std::vector<std::string> missing;
    for (const auto& [column, label] : kColumns) {
      if (l.Find(column) == nullptr) missing.push_back(label);
    }
    for (const char* column : {fields::kMontantTotal, fields::kMontantAmo, fields::kMontantAmc}) {
      if (l.Find(column) != nullptr && !ParseAmount(l.Find(column))) missing.push_back(std::string(column) + " illisible");
    }
    if (l.Find(fields::kDateNaissance) != nullptr && !ParseDate(l.Find(fields::kDateNaissance))) {
      missing.push_back("date de naissance illisible");
    }
    if (!missing.empty()) Add("LOT_LINE_INCOMPLETE", bd, inv.line, &inv, "manque : " + Join(missing));
    if (const std::string* nir = l.Find(fields::kNir); nir != nullptr && !Nir::Parse(*nir).ok()) {
      Add("LOT_NIR_INVALID", bd, inv.line, &inv, Nir::Parse(*nir).status().message());
    }
    const auto total = ParseAmount(l.Find(fields::kMontantTotal));
    const auto amo = ParseAmount(l.Find(fields::kMontantAmo));
    const auto amc = ParseAmount(l.Find(fields::kMontantAmc));
    if (total && amo && amc && *amo + *amc != *total) {
      Add("LOT_AMO_AMC_INCONSISTENT", bd, inv.line, &inv,
          amo->ToFrench() + " + " + amc->ToFrench() + " ≠ " + total->ToFrench());
    }
  }

  // The feuille's total: its montant_total, else the sum of its acts.
  std::optional<Money> FeuilleTotal(const Document& f) const {
    if (auto t = ParseAmount(f.Text(fields::kMontantTotal))) return t;
    if (f.lines.empty()) return std::nullopt;
    Money sum = Money::Zero();
    for (const Line& l : f.lines) {
      auto m = ParseAmount(l.Find(fields::kMontant));
      if (!m) return std::nullopt;
      sum += *m;
    }
    return sum;
  }

  void CheckFeuille(const Invoice& inv) {
    const Document& f = doc(*inv.feuille);
    const int fd = *inv.feuille;
    std::vector<std::string> missing;
    static const std::vector<std::pair<std::string, std::string>> kFields = {
        {fields::kNumeroFacture, "n° de facture"}, {fields::kAssureNom, "nom de l'assuré"},
        {fields::kAssurePrenom, "prénom de l'assuré"}, {fields::kAssureNir, "n° d'immatriculation de l'assuré"}};
    for (const auto& [field, label] : kFields) {
      if (f.Text(field) == nullptr) missing.push_back(label);
    }
    if (f.lines.empty()) missing.push_back("actes effectués");
    for (size_t i = 0; i < f.lines.size(); ++i) {
      const Line& l = f.lines[i];
      const std::string where = " (acte " + std::to_string(i + 1) + ")";
      if (!ParseDate(l.Find(fields::kDate))) missing.push_back("date des soins" + where);
      if (l.Find(fields::kCode) == nullptr) missing.push_back("code de l'acte" + where);
      if (!ParseAmount(l.Find(fields::kMontant))) missing.push_back("honoraires" + where);
    }
    if (!missing.empty()) Add("FDS_INCOMPLETE", fd, std::nullopt, &inv, "manque : " + Join(missing));

    const auto praticien = f.Flag(fields::kSignaturePraticien);
    if (praticien != true) {
      Add("FDS_PRATICIEN_SIGNATURE_MISSING", fd, std::nullopt, &inv,
          praticien ? "" : "signature illisible", !praticien.has_value());
    }
    const auto patient = f.Flag(fields::kSignaturePatient);
    const auto impossible = f.Flag(fields::kImpossibiliteSigner);
    if (patient != true && impossible != true) {
      const bool unreadable = !patient.has_value() || !impossible.has_value();
      Add("FDS_PATIENT_SIGNATURE_MISSING", fd, std::nullopt, &inv, unreadable ? "signature ou case illisible" : "",
          unreadable);
    }
    CheckFeuilleRaturee(f, fd, inv);
    if (inv.line) {
      const auto line_total = ParseAmount(line(inv).Find(fields::kMontantTotal));
      const auto feuille_total = FeuilleTotal(f);
      if (line_total && feuille_total) {
        const int64_t gap = (*line_total - *feuille_total).cents();
        if (std::abs(gap) > rules_->limits().tolerance_montant_centimes) {
          Add("LOT_AMOUNT_MISMATCH", fd, inv.line, &inv,
              "bordereau " + line_total->ToFrench() + ", feuille " + feuille_total->ToFrench());
        }
      } else if (line_total && !feuille_total) {
        Add("FDS_INCOMPLETE", fd, std::nullopt, &inv, "montant de la feuille illisible", true);
      }
    }
  }

  // Seed 003: an invoice "raturée" is not paid. A feuille whose reading says
  // it is crossed out or overwritten rejects its invoice. One the reader
  // looked at without deciding (a possible stroke, its value left to a
  // person) carries no anomaly: its invoice waits for that review
  // (data/rules/revue_bloquante.toml), and a person's "raturée" rejects it
  // then — an undecided stroke must not send the professional a notice of a
  // defect the feuille may not have. A feuille the reader did not check
  // (no such field) carries none either: absence of the check is not
  // evidence of a crossing, unlike the prescription's, which the reader
  // always decides.
  void CheckFeuilleRaturee(const Document& f, int fd, const Invoice& inv) {
    if (f.Flag(fields::kRaturee) != true) return;
    Add("FDS_RATUREE", fd, std::nullopt, &inv);
  }

  PrescriptionKey KeyOf(const Invoice& inv) const {
    PrescriptionKey key;
    const Document* f = inv.feuille ? &doc(*inv.feuille) : nullptr;
    auto pick = [&](const std::string* a, const std::string* b) { return a ? *a : (b ? *b : std::string()); };
    const Line* l = inv.line ? &line(inv) : nullptr;
    key.partenaire = pick(bordereau() ? bordereau()->Text(fields::kPartenaireIdentifiant) : nullptr,
                          f ? f->Text(fields::kPraticienIdentifiant) : nullptr);
    key.nir = pick(l ? l->Find(fields::kNir) : nullptr, f ? f->Text(fields::kAssureNir) : nullptr);
    key.date_naissance = pick(l ? l->Find(fields::kDateNaissance) : nullptr, f ? f->Text(fields::kBeneficiaireDateNaissance) : nullptr);
    return key;
  }

  // Where an invoice-level anomaly not tied to one piece points: the feuille,
  // else the bordereau line.
  std::pair<int, std::optional<int>> Anchor(const Invoice& inv) const {
    if (inv.feuille) return {*inv.feuille, std::nullopt};
    return {lot_.bordereau.value_or(0), inv.line};
  }

  Status CheckPrescription(const Invoice& inv, std::optional<Date>& prescription_date) {
    for (int p : inv.prescriptions) {
      const Document& pr = doc(p);
      if (!prescription_date) prescription_date = ParseDate(pr.Text(fields::kDate));
      const auto raturee = pr.Flag(fields::kRaturee);
      if (raturee == true) {
        Add("PRESCRIPTION_RATUREE", p, std::nullopt, &inv);
      } else if (!raturee && pr.InReview(fields::kRaturee)) {
        // A possible stroke the reader could not decide: no notice of a
        // defect the prescription may not have; the invoice waits for the
        // person who looks (as a feuille's, CheckFeuilleRaturee).
        if (inv.numero) waiting_.insert(*inv.numero);
      } else if (!raturee) {
        Add("PRESCRIPTION_RATUREE", p, std::nullopt, &inv, "état de la prescription illisible", true);
      }
    }
    if (!inv.prescriptions.empty()) return Status::Ok();
    const PrescriptionKey key = KeyOf(inv);
    std::optional<PrescriptionRecord> known;
    if (key.complete()) {
      LIASSE_ASSIGN_OR_RETURN(auto found, history_.Find(key));
      known = found;
    }
    if (known) {
      if (!prescription_date) prescription_date = known->date;
      return Status::Ok();
    }
    const auto [document, line_index] = Anchor(inv);
    Add("PRESCRIPTION_MISSING", document, line_index, &inv,
        key.complete() ? "" : "patient non identifiable pour retrouver une transmission antérieure", !key.complete());
    return Status::Ok();
  }

  void CheckDates(const Invoice& inv, std::optional<Date> prescription_date) {
    const Document* f = inv.feuille ? &doc(*inv.feuille) : nullptr;
    if (f != nullptr && !prescription_date) prescription_date = ParseDate(f->Text(fields::kPrescriptionDate));
    std::optional<Date> first_care, last_care;
    if (f != nullptr) {
      for (const Line& l : f->lines) {
        if (auto d = ParseDate(l.Find(fields::kDate))) {
          if (!first_care || *d < *first_care) first_care = d;
          if (!last_care || *d > *last_care) last_care = d;
        }
      }
    }
    const std::optional<Date> lot_date = bordereau() ? ParseDate(bordereau()->Text(fields::kLotDate)) : std::nullopt;
    std::vector<std::string> problems;
    if (prescription_date && first_care && *first_care < *prescription_date) {
      problems.push_back("soins du " + first_care->ToFrench() + " avant la prescription du " +
                         prescription_date->ToFrench());
    }
    if (lot_date && last_care && *last_care > *lot_date) {
      problems.push_back("soins du " + last_care->ToFrench() + " après le lot du " + lot_date->ToFrench());
    }
    if (lot_date && prescription_date && *prescription_date > *lot_date) {
      problems.push_back("prescription du " + prescription_date->ToFrench() + " après le lot du " + lot_date->ToFrench());
    }
    // A prescription came but no date of it can be read anywhere: the
    // "care after prescription" rule cannot be checked, so it flags.
    const bool unreadable = !prescription_date && !inv.prescriptions.empty();
    if (unreadable) problems.push_back("date de la prescription illisible");
    if (!problems.empty()) {
      const auto [document, line_index] = Anchor(inv);
      Add("DATES_INCONSISTENT", document, line_index, &inv, Join(problems), unreadable);
    }
  }

  Status CheckInvoice(const Invoice& inv) {
    if (inv.line) CheckLine(inv);
    if (inv.line && !inv.feuille && lot_.flux == Flux::kDegrade) {
      // The prescription travels with its feuille: asking for the feuille
      // asks for both, so no second anomaly for the same missing pieces.
      Add("LOT_FEUILLE_MISSING", *lot_.bordereau, inv.line, &inv);
      if (inv.prescriptions.empty()) return Status::Ok();
    }
    if (!inv.line && inv.feuille && bordereau() != nullptr) {
      Add("LOT_LINE_MISSING", *inv.feuille, std::nullopt, &inv);
    }
    if (inv.feuille) CheckFeuille(inv);
    std::optional<Date> prescription_date;
    LIASSE_RETURN_IF_ERROR(CheckPrescription(inv, prescription_date));
    CheckDates(inv, prescription_date);
    return Status::Ok();
  }

  // The professional whose invoice numbers are unique: the lot's partner
  // (bordereau header), else the auxiliaire named on the feuille.
  std::optional<std::string> Professionnel(const Invoice& inv) const {
    if (bordereau() != nullptr) {
      if (const std::string* id = bordereau()->Text("partenaire.identifiant")) return *id;
    }
    if (inv.feuille) {
      if (const std::string* id = doc(*inv.feuille).Text("praticien.identifiant")) return *id;
    }
    return std::nullopt;
  }

  // An invoice number met earlier in this lot, or already paid through
  // another envelope, is refused: a B2 invoice number is unique per
  // professional (reference.md) and an invoice is paid once.
  Status CheckDuplicate(const Invoice& inv, std::set<std::string>& seen) {
    if (!inv.numero) return Status::Ok();
    const auto [document, line_index] = Anchor(inv);
    if (!seen.insert(*inv.numero).second) {
      Add("FACTURE_DOUBLON", document, line_index, &inv, "n° " + *inv.numero);
      return Status::Ok();
    }
    const auto professionnel = Professionnel(inv);
    if (paid_.paid == nullptr || !professionnel) return Status::Ok();
    auto paid = paid_.paid->PaidElsewhere(B2ClaimId(*professionnel, *inv.numero), paid_.envelope);
    if (!paid.ok()) return paid.status();
    if (*paid) {
      Add("FACTURE_DEJA_PAYEE", document, line_index, &inv,
          "n° " + *inv.numero + ", réglée le " + (*paid)->date.ToFrench() + " (pli " + (*paid)->source + ")");
    }
    return Status::Ok();
  }

  void Decide() {
    std::set<std::string> numbers_rejected;
    for (const Anomaly& a : out_.anomalies) {
      if (a.numero_facture) numbers_rejected.insert(*a.numero_facture);
    }
    std::set<std::string> all_units, accepted;
    for (const Invoice& inv : invoices_) {
      all_units.insert(UnitKey(inv));
      if (inv.numero && !numbers_rejected.count(*inv.numero)) accepted.insert(*inv.numero);
    }
    auto sorted = [](const std::set<std::string>& s) {
      std::vector<std::string> v(s.begin(), s.end());
      std::sort(v.begin(), v.end(), NumeroLess);
      return v;
    };
    out_.factures_rejetees = sorted(numbers_rejected);
    out_.factures_acceptees = sorted(accepted);
    std::set<std::string> waiting;
    for (const std::string& n : accepted) {
      if (waiting_.count(n)) waiting.insert(n);
    }
    out_.factures_en_attente = sorted(waiting);
    if (lot_rejected_ || all_units.empty() || rejected_units_.size() >= all_units.size()) {
      out_.verdict = Verdict::kRejected;
      // The lot goes back whole (seed 003): none of its invoices is payable,
      // whatever the invoice-level anomalies said.
      for (const std::string& n : out_.factures_acceptees) numbers_rejected.insert(n);
      out_.factures_rejetees = sorted(numbers_rejected);
      out_.factures_acceptees.clear();
      out_.factures_en_attente.clear();
    } else if (!rejected_units_.empty()) {
      out_.verdict = Verdict::kPartial;
    } else {
      out_.verdict = Verdict::kAccepted;
    }
  }

  const std::vector<Document>& docs_;
  const Lot& lot_;
  const LotRuleSet* rules_;
  const PrescriptionHistory& history_;
  PaidInvoicesView paid_;
  std::vector<Invoice> invoices_;
  std::set<std::string> rejected_units_;
  std::set<std::string> waiting_;  // invoice numbers held by an undecided piece
  bool lot_rejected_ = false;
  LotVerdict out_;

 public:
  // Used by RememberPrescriptions: the invoices with their prescriptions.
  const std::vector<Invoice>& Assemble() {
    BuildInvoices();
    return invoices_;
  }
  PrescriptionKey Key(const Invoice& inv) const { return KeyOf(inv); }
};

}  // namespace

Result<LotVerdict> CheckLot(const std::vector<Document>& documents, const Lot& lot, const LotRuleSet& rules,
                            const PrescriptionHistory& history, const PaidInvoicesView& paid) {
  return LotChecker(documents, lot, &rules, history, paid).Run();
}

Result<std::vector<LotVerdict>> CheckLots(const std::vector<Document>& documents, const LotRuleSet& rules,
                                          const PrescriptionHistory& history, const PaidInvoicesView& paid) {
  std::vector<LotVerdict> out;
  for (const Lot& lot : AssembleLots(documents)) {
    LIASSE_ASSIGN_OR_RETURN(auto v, CheckLot(documents, lot, rules, history, paid));
    out.push_back(std::move(v));
  }
  return out;
}

Status RememberPrescriptions(const std::vector<Document>& documents, const Lot& lot, PrescriptionHistory& history) {
  LotChecker checker(documents, lot, nullptr, history);
  for (const Invoice& inv : checker.Assemble()) {
    if (inv.prescriptions.empty()) continue;
    PrescriptionRecord record;
    record.key = checker.Key(inv);
    if (!record.key.complete()) continue;  // cannot be found again anyway
    record.date = ParseDate(documents[static_cast<size_t>(inv.prescriptions.front())].Text(fields::kDate));
    record.numero_facture = inv.numero.value_or("");
    LIASSE_RETURN_IF_ERROR(history.Remember(record));
  }
  return Status::Ok();
}

}  // namespace liasse::rules
