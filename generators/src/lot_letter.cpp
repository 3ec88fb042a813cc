#include <algorithm>

#include "letters.h"

namespace liasse::generators::internal {

Result<LetterContent> BuildAnomaliesLot(const TemplateSet& templates, const LotAnomaliesModel& m) {
  if (m.numero_lot.empty()) return Status::InvalidArgument("notice d'anomalies : numéro de lot manquant");
  if (m.factures.empty() && m.anomalies_lot.empty()) {
    return Status::InvalidArgument("lot " + m.numero_lot + " : aucune anomalie à notifier");
  }
  LetterContent c;
  c.kind = LetterKind::kAnomaliesLot;
  c.recipient = m.professionnel;
  c.date_courrier = m.date_courrier;
  AddCommonValues(templates.letterhead(), m.professionnel, m.date_courrier, m.reference, c.values);
  auto& s = c.values.scalars;
  s["numero_lot"] = m.numero_lot;
  s["date_lot"] = Short(m.date_lot);
  s["date_reception"] = Short(m.date_reception);
  s["identifiant_professionnel"] = m.identifiant_professionnel;
  s["nombre_factures_rejetees"] = m.factures.empty() ? "" : std::to_string(m.factures.size());
  s["factures_acceptees"] = std::to_string(m.factures_acceptees);
  c.values.flags["lot_rejete"] = m.lot_rejete;
  for (const Anomalie& a : m.anomalies_lot) c.values.lists["anomalies_lot"].push_back({{"code", a.code}, {"message", a.message}});

  const LetterTemplate& tmpl = templates.Get(LetterKind::kAnomaliesLot);
  Table table;
  const float widths[5] = {62, 90, 55, 172, 120.3f};
  for (size_t i = 0; i < 5; ++i) table.columns.push_back({tmpl.columns[i], widths[i], i == 2 ? Align::kRight : Align::kLeft});
  std::vector<std::string> resend;
  for (const FactureRejetee& f : m.factures) {
    if (f.anomalies.empty()) {
      return Status::InvalidArgument("lot " + m.numero_lot + " : facture " + f.numero_facture + " rejetée sans anomalie");
    }
    std::string anomalies;
    // The reason in plain French; the stable code stays in the result JSON.
    for (const Anomalie& a : f.anomalies) anomalies += (anomalies.empty() ? "" : "\n") + a.message;
    table.rows.push_back({{f.numero_facture, f.patient, Euros(f.montant), anomalies, JoinLines(f.a_renvoyer, "\n")},
                          false, false, ""});
    for (const auto& piece : f.a_renvoyer) {
      if (std::find(resend.begin(), resend.end(), piece) == resend.end()) resend.push_back(piece);
    }
  }
  for (const auto& piece : resend) c.values.lists["a_renvoyer"].push_back({{"piece", piece}});
  c.table = std::move(table);
  c.references = {{"Identifiant", m.identifiant_professionnel}, {"Lot", m.numero_lot}, {"Référence", m.reference}};
  return c;
}

}  // namespace liasse::generators::internal
