// Invoices (optique, dentaire, hospitalisation, médecine douce, pharmacie) in
// layout families 1…N; same truth fields as family 0 (doc_claims.cpp).
#include <fmt/format.h>

#include "documents.h"
#include "form.h"
#include "layout.h"

namespace liasse::synth {

namespace {

std::string IdSlot(const std::string& categorie) {
  if (categorie == "hospitalisation") return "finess";
  if (categorie == "medecine_douce") return "adeli";
  return "am";
}

std::string InvoiceNumber(Rng& rng, Date date) {
  const int style = rng.Int(0, 3);
  if (style == 0) return std::to_string(date.year()) + "-" + rng.Digits(5);
  if (style == 1) return "F" + std::to_string(date.year() % 100) + rng.Digits(5);
  if (style == 2) return fmt::format("FA{}{:02}{}", date.year(), date.month(), rng.Digits(4));
  return rng.Digits(7);
}

}  // namespace

GenDoc DrawFactureFamily(Context& ctx, int family, const std::string& categorie, const Person& patient, Date date) {
  Rng& rng = ctx.rng;
  GenDoc d = NewFamilyDoc(ctx, "facture", family);
  Canvas& c = d.pages.back();
  const Look look = MakeLook(ctx, family, d.type, false);
  const Emitter e = MakeEmitter(ctx, categorie);
  double y = FamilyLetterhead(c, rng, look, e.nom, e.subtitle, e.pro.adresse, PhoneText(rng, e.pro.telephone),
                              {look.Label(rng, IdSlot(categorie)) + " " + e.identifiant});
  const std::string numero = InvoiceNumber(rng, date);
  const std::string title = look.Word(rng, "titre");
  if (rng.Chance(0.5)) c.TextRight(192, y, title, look.title);
  else c.Text(18, y, title, look.title);
  y += 8;
  const std::string who = rng.Chance(0.5) ? patient.nom + " " + patient.prenom : patient.prenom + " " + Upper(patient.nom);
  std::vector<std::vector<Field>> rows = {
      {{"numero_facture", numero, 1, false}, {"date", look.DateText(date), 1, false}},
      {{"beneficiaire", who, 1.4, false}, {"date_naissance", look.DateText(patient.naissance, true), 1, false}},
      {{"nir", SpacedNir(patient.nir), 1.2, false}, {"numero_adherent", patient.numero_adherent, 1, false}}};
  if (rng.Chance(0.5)) std::swap(rows[1], rows[2]);
  y = DrawFields(c, rng, look, 16, y, 178, rows) + 6;

  std::vector<std::string> notes;
  if (categorie == "medecine_douce") notes.push_back(e.subtitle);
  const std::vector<FactureLine> lines = MakeFactureLines(ctx, categorie, date, notes);
  const bool dental = categorie == "dentaire";
  const bool counted = categorie == "hospitalisation" || categorie == "pharmacie";
  std::vector<TableColumn> cols = {{"date_ligne"}, {"code"}, {"libelle"}, {"montant", true}};
  if (dental) cols.push_back({"dent"});
  if (counted) cols.push_back({"quantite", true});
  std::vector<std::vector<std::string>> cells;
  Money total = Money::Zero();
  for (const auto& l : lines) {
    std::vector<std::string> row = {look.DateText(l.date), l.code, l.libelle, look.AmountText(l.montant)};
    if (dental || counted) row.push_back(l.extra);
    cells.push_back(row);
    d.lines.push_back(FactureLineTruth(l, dental));
    total += l.montant;
  }
  y = DrawFamilyTable(c, rng, look, 16, y, 178, cols, cells, 90, false).bottom + 8;
  const Font strong{look.value.family, 10.5, true, false};
  c.Text(110, y, look.Label(rng, "montant_total"), strong);
  c.TextRight(192, y, look.AmountText(total), strong);
  y += 9;
  for (const auto& n : notes) {
    c.Text(18, y, n, look.small);
    y += 4.5;
  }
  const bool acquittee = rng.Chance(0.75);
  y += 5;
  if (acquittee) {
    c.Text(18, y, look.Label(rng, "acquittee") + " " + look.DateText(date.AddDays(rng.Int(0, 5))), look.value);
    c.Stamp(rng, 150, y + 18, {"PAYÉ", Upper(e.nom)});
  } else {
    c.Text(18, y, look.Label(rng, "reste_du") + " " + look.AmountText(total), look.value);
  }
  SetFactureFields(d, {categorie, numero, date, total, acquittee}, e, patient);
  return d;
}

}  // namespace liasse::synth
