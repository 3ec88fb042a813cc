#include "settlement.h"

#include <fmt/format.h>

#include "letter_checks.h"

namespace liasse::runner {

void SettlementTally::Add(const SettlementTally& o) {
  lots_accepted += o.lots_accepted;
  lots_partial += o.lots_partial;
  lots_rejected += o.lots_rejected;
  claims_paid += o.claims_paid;
  paid += o.paid;
  claims_refused += o.claims_refused;
  claims_waiting += o.claims_waiting;
  for (const auto& [reason, n] : o.refusals) refusals[reason] += n;
  waiting.insert(waiting.end(), o.waiting.begin(), o.waiting.end());
  letters_written += o.letters_written;
  letters_queued += o.letters_queued;
  letters_waiting += o.letters_waiting;
  for (const auto& [reason, n] : o.review_by_reason) review_by_reason[reason] += n;
}

std::vector<ClaimResult> PaidClaims(const std::vector<ClaimResult>& claims) {
  std::vector<ClaimResult> out;
  for (const auto& c : claims) {
    if (StatusOf(c) == ClaimStatus::kPaid) out.push_back(c);
  }
  return out;
}

Status RecordPayments(const std::vector<ClaimResult>& claims, store::SqlitePaidInvoices& paid,
                      const std::string& envelope, const std::string& source, Date today) {
  for (const auto& c : claims) {
    if (StatusOf(c) != ClaimStatus::kPaid) continue;
    if (Status s = paid.Record({c.priced->id, envelope, source, today}); !s.ok()) return s;
  }
  return Status::Ok();
}

namespace {

generators::RefusRemboursementModel RefusalModelOf(const LetterContext& ctx, const ClaimResult& c) {
  generators::RefusRemboursementModel m;
  m.reference = fmt::format("REF-{}-{}", ctx.letter_key, c.document + 1);
  m.numero_facture = c.numero_facture;
  m.tiers_payant = c.from_bordereau;
  m.professionnel = c.professionnel_nom;
  if (c.member) m.numero_adherent = c.member->numero_adherent;
  // Addressed as letters are (letters.h): the store's partenaire or member,
  // never a name alone.
  if (c.from_bordereau) {
    m.destinataire = ProfessionnelRecipient(ctx, c.professionnel_identifiant, c.professionnel_nom, c.professionnel_adresse);
  } else if (c.member) {
    m.destinataire = MemberRecipient(*c.member);
  }
  m.date_reception = ctx.received;
  m.date_courrier = ctx.today;
  m.objet = c.numero_facture.empty() ? "votre facture" : "facture n° " + c.numero_facture;
  m.motifs = RefusalReasons(c);
  return m;
}

}  // namespace

std::vector<WrittenLetter> WriteRefusals(const LetterContext& ctx, const std::vector<ClaimResult>& claims,
                                         std::vector<std::string>& errors) {
  std::vector<WrittenLetter> out;
  for (const auto& c : claims) {
    if (StatusOf(c) != ClaimStatus::kRefused) continue;
    const auto model = RefusalModelOf(ctx, c);
    if (std::string missing = MissingInLetter(model.destinataire, {{"n° de facture", model.numero_facture}});
        !missing.empty()) {
      out.push_back(IncompleteLetter("refus_remboursement", model.destinataire, missing, errors));
      continue;
    }
    auto letter = ctx.generator->RefusRemboursement(model);
    const std::string name = fmt::format("refus-remboursement-{}", c.document + 1);
    if (auto written = WriteOneLetter(ctx, "refus_remboursement", std::move(letter), name, errors)) {
      out.push_back(std::move(*written));
    }
  }
  return out;
}

namespace {

// A review reason without its particulars (the figure, the text read), so
// that flags of the same kind count together: "lu avec une confiance faible
// (59 %) : à vérifier" → "lu avec une confiance faible : à vérifier".
std::string ReasonKind(const std::string& reason) {
  std::string out;
  int depth = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < reason.size(); ++i) {
    if (reason[i] == '(') ++depth;
    if (reason.compare(i, 2, "\u00ab") == 0) quoted = true;  // «
    if (depth == 0 && !quoted) out += reason[i];
    if (reason[i] == ')' && depth > 0) --depth;
    if (reason.compare(i, 2, "\u00bb") == 0) {  // »
      quoted = false;
      ++i;
    }
  }
  // Spaces left where a particular was taken out.
  std::string tidy;
  for (char c : out) {
    if (c == ' ' && !tidy.empty() && tidy.back() == ' ') continue;
    tidy += c;
  }
  while (!tidy.empty() && tidy.back() == ' ') tidy.pop_back();
  for (std::string::size_type at; (at = tidy.find(" :")) != std::string::npos && at > 0 && tidy[at - 1] == ' ';) {
    tidy.erase(at - 1, 1);
  }
  return tidy;
}

void TallyLots(const std::vector<rules::LotVerdict>& lots, SettlementTally& t) {
  for (const auto& lot : lots) {
    switch (lot.verdict) {
      case rules::Verdict::kAccepted: ++t.lots_accepted; break;
      case rules::Verdict::kPartial: ++t.lots_partial; break;
      case rules::Verdict::kRejected: ++t.lots_rejected; break;
    }
    // Each invoice refused by the lot, under its first reason: the lot's
    // own anomaly when the lot is rejected whole, else the invoice's.
    for (const auto& numero : lot.factures_rejetees) {
      std::string reason;
      for (const auto& a : lot.anomalies) {
        const bool concerns = a.numero_facture ? *a.numero_facture == numero : lot.verdict == rules::Verdict::kRejected;
        if (concerns && (reason.empty() || !a.numero_facture)) reason = a.message;
        if (concerns && !a.numero_facture) break;
      }
      ++t.claims_refused;
      ++t.refusals[reason.empty() ? "lot rejeté" : reason];
    }
  }
}

}  // namespace

SettlementTally TallyOf(const std::vector<rules::LotVerdict>& lots, const std::vector<ClaimResult>& claims,
                        const std::vector<Document>& documents, const std::vector<WrittenLetter>& letters) {
  SettlementTally t;
  TallyLots(lots, t);
  for (const auto& c : claims) {
    switch (StatusOf(c)) {
      case ClaimStatus::kPaid:
        ++t.claims_paid;
        t.paid += c.priced->totals.mutuelle;
        break;
      case ClaimStatus::kRefused:
        ++t.claims_refused;
        for (const auto& reason : RefusalReasons(c)) ++t.refusals[reason];
        break;
      case ClaimStatus::kWaiting:
        ++t.claims_waiting;
        t.waiting.push_back(fmt::format("facture {} : {}", c.numero_facture.empty() ? "?" : c.numero_facture,
                                        c.review.empty() ? std::string("non tarifée") : c.review.front()));
        break;
    }
  }
  for (const auto& d : documents) {
    for (const auto& f : d.review) ++t.review_by_reason[ReasonKind(f.reason)];
  }
  t.letters_waiting = t.claims_waiting;
  for (const auto& l : letters) {
    t.letters_written += l.incomplete.empty() ? 1 : 0;
    t.letters_queued += l.queued ? 1 : 0;
    t.letters_waiting += l.held_for_review || !l.incomplete.empty() ? 1 : 0;
  }
  return t;
}

std::string TallyLine(const SettlementTally& t) {
  std::string line;
  if (t.claims_paid > 0) line += fmt::format(", {} payée(s) {}", t.claims_paid, t.paid.ToFrench());
  if (t.claims_refused > 0) line += fmt::format(", {} refusée(s)", t.claims_refused);
  if (t.claims_waiting > 0) line += fmt::format(", {} en attente de vérification", t.claims_waiting);
  return line;
}

}  // namespace liasse::runner
