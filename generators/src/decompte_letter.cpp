#include "letters.h"
#include "liasse/core/identifiers.h"

namespace liasse::generators::internal {

namespace {

Result<std::string> MaskedNir(const std::string& nir, const std::string& whose) {
  auto parsed = Nir::Parse(nir);
  if (!parsed.ok()) return parsed.status().WithContext("décompte : NIR de " + whose);
  return parsed->Masked();
}

struct Totals {
  Money frais_reels = Money::Zero(), base = Money::Zero(), securite_sociale = Money::Zero(), mutuelle = Money::Zero(),
        reste_a_charge = Money::Zero();
};

Table MakeTable(const LetterTemplate& tmpl, const DecompteModel& model, const Totals& t) {
  Table table;
  const float widths[8] = {52, 62, 122.8f, 52.5f, 52.5f, 52.5f, 52.5f, 52.5f};
  for (size_t c = 0; c < 8; ++c) {
    table.columns.push_back({tmpl.columns[c], widths[c], c < 3 ? Align::kLeft : Align::kRight});
  }
  for (const LigneDecompte& l : model.lignes) {
    TableRow row;
    row.cells = {Short(l.date_soins),    l.beneficiaire,        l.acte,         Euros(l.frais_reels),
                 Euros(l.base),          Euros(l.securite_sociale), Euros(l.mutuelle), Euros(l.reste_a_charge)};
    row.note = l.explication;
    table.rows.push_back(std::move(row));
  }
  TableRow total;
  total.bold = true;
  total.shaded = true;
  total.cells = {"Total", "", "", Euros(t.frais_reels), Euros(t.base), Euros(t.securite_sociale), Euros(t.mutuelle),
                 Euros(t.reste_a_charge)};
  table.rows.push_back(std::move(total));
  return table;
}

}  // namespace

Result<LetterContent> BuildDecompte(const TemplateSet& templates, const DecompteModel& m) {
  if (m.lignes.empty()) return Status::InvalidArgument("décompte " + m.numero + " : aucune ligne");
  LIASSE_ASSIGN_OR_RETURN(auto nir, MaskedNir(m.nir, "l'adhérent"));
  auto iban = ParseIban(m.iban);
  if (!iban.ok()) return iban.status().WithContext("décompte " + m.numero + " : IBAN");

  Totals t;
  bool explained = false;
  for (size_t i = 0; i < m.lignes.size(); ++i) {
    const LigneDecompte& l = m.lignes[i];
    const std::string where = "décompte " + m.numero + " : ligne " + std::to_string(i + 1);
    // Every euro on the page must add up: what was spent is split between
    // the RO, the mutuelle and the member.
    if (l.securite_sociale + l.mutuelle + l.reste_a_charge != l.frais_reels) {
      return Status::InvalidArgument(where + " : Sécurité sociale + mutuelle + reste à charge (" +
                                     Euros(l.securite_sociale + l.mutuelle + l.reste_a_charge) +
                                     ") ≠ frais réels (" + Euros(l.frais_reels) + ")");
    }
    if (l.mutuelle.is_zero() && l.explication.empty()) {
      return Status::InvalidArgument(where + " : la mutuelle ne verse rien et l'explication manque");
    }
    explained = explained || !l.explication.empty();
    t.frais_reels += l.frais_reels;
    t.base += l.base;
    t.securite_sociale += l.securite_sociale;
    t.mutuelle += l.mutuelle;
    t.reste_a_charge += l.reste_a_charge;
  }

  LetterContent c;
  c.kind = LetterKind::kDecompte;
  c.recipient = m.adherent;
  c.date_courrier = m.date_courrier;
  AddCommonValues(templates.letterhead(), m.adherent, m.date_courrier, m.numero, c.values);
  auto& s = c.values.scalars;
  s["adherent.nom"] = m.adherent.name;
  s["numero_adherent"] = m.numero_adherent;
  s["nir_masque"] = nir;
  s["contrat"] = m.contrat;
  s["numero_decompte"] = m.numero;
  s["date_paiement"] = Short(m.date_paiement);
  s["iban_masque"] = MaskIban(*iban);
  s["professionnel_paye"] = m.professionnel_paye;
  c.values.flags["tiers_payant"] = !m.professionnel_paye.empty();
  s["nombre_lignes"] = std::to_string(m.lignes.size());
  s["total.frais_reels"] = Euros(t.frais_reels);
  s["total.base"] = Euros(t.base);
  s["total.securite_sociale"] = Euros(t.securite_sociale);
  s["total.mutuelle"] = Euros(t.mutuelle);
  s["total.reste_a_charge"] = Euros(t.reste_a_charge);
  c.values.flags["lignes_expliquees"] = explained;
  auto& beneficiaires = c.values.lists["beneficiaires"];
  for (const Beneficiaire& b : m.beneficiaires) {
    std::string masked;
    if (!b.nir.empty()) {
      LIASSE_ASSIGN_OR_RETURN(auto parsed, MaskedNir(b.nir, b.nom));
      masked = parsed;
    }
    beneficiaires.push_back({{"nom", b.nom}, {"qualite", b.qualite}, {"nir_masque", masked}});
  }
  c.references = {{"N° d'adhérent", m.numero_adherent}, {"N° de décompte", m.numero}, {"N° de sécurité sociale", nir}};
  c.table = MakeTable(templates.Get(LetterKind::kDecompte), m, t);
  return c;
}

}  // namespace liasse::generators::internal
