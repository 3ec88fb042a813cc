// The paper of a B2 lot in layout families 1…N: bordereau, feuille de soins,
// prescription. Same truth fields as family 0 (doc_lot.cpp), plus `raturee`
// on the feuille.
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "documents.h"
#include "form.h"
#include "layout.h"
#include "pen.h"

namespace liasse::synth {

namespace {

constexpr double kLeft = 15, kWidth = 180, kBottom = 287;

// Title (and subtitle) in the look's title font, left or centred, framed in
// the boxed family; returns the y below.
double FormTitle(Canvas& c, Rng& rng, const Look& look, const std::string& title, const std::string& subtitle, double y) {
  const bool centred = rng.Chance(0.5);
  const Font sub{look.label.family, 8, false, false};
  if (look.style->placement == "box") c.Rect(kLeft, y - 6.5, kWidth, subtitle.empty() ? 9 : 13.5, 0.45);
  if (centred) c.TextCentered(105, y, title, look.title);
  else c.Text(kLeft + 3, y, title, look.title);
  if (!subtitle.empty()) {
    y += 5;
    if (centred) c.TextCentered(105, y, subtitle, sub);
    else c.Text(kLeft + 3, y, subtitle, sub);
  }
  return y + 8;
}

std::vector<Field> Names(const Person& p, bool split) {
  if (split) return {{"nom", p.nom}, {"prenom", p.prenom}};
  return {{"nom_prenom", p.nom + " " + p.prenom, 2}};
}

// A box with its label, on either side; returns the box's zone.
InkZone LabelledBox(Canvas& c, Rng& rng, const Look& look, const std::string& field, const std::string& slot, double x,
                    double y, bool ticked) {
  const double size = rng.Real(3.2, 5.0);
  const std::string label = look.Label(rng, slot);
  const Font f = look.small;
  const bool box_first = rng.Chance(0.6);
  double bx = x;
  if (box_first) {
    c.Text(x + size + 2, y + size - 0.6, label, f);
  } else {
    const double w = c.Text(x, y + size - 0.6, label, f);
    bx = x + w + 2;
  }
  TickBox(c, rng, look.tick, bx, y, size, ticked);
  return {field, 0, bx, y, size, size};
}

// A signature zone: its label, a frame (box and above families), a dotted
// line (dotted family) or nothing (listing), and the signature when signed.
InkZone SignatureZone(Canvas& c, Rng& rng, const Look& look, const std::string& field, const std::string& slot,
                      double x, double y, double w, double h, bool signed_, const std::string& name) {
  const std::string label = look.Label(rng, slot);
  c.Text(x, y + 3, label, FitFont(c, label, look.small, w));
  const double top = y + 4.5;
  const std::string& placement = look.style->placement;
  if (placement == "box" || placement == "above") c.Rect(x, top, w, h, 0.25);
  if (placement == "dotted") c.DottedLine(x + 2, x + w - 2, top + h - 2);
  if (signed_) SignatureInk(c, rng, look.signature, x + 4, top + 2, w * 0.7, h - 5, name, look.hand_fonts);
  return {field, 0, x, top, w, h};
}

std::string OrganismeText(Rng& rng, const Bordereau& b) {
  if (b.organisme.empty()) return "";
  const int style = rng.Int(0, 2);
  if (style == 0) return b.organisme + " " + b.organisme_nom;
  if (style == 1) return b.organisme + " - " + b.organisme_nom;
  return b.organisme_nom + " (" + b.organisme + ")";
}

}  // namespace

GenDoc DrawBordereauFamily(Context& ctx, int family, const Bordereau& b) {
  Rng& rng = ctx.rng;
  GenDoc d;
  d.type = "bordereau";
  d.family = family;
  d.pages.emplace_back(ctx.dpi);
  Canvas& c = d.pages.back();
  const Look look = MakeLook(ctx, family, d.type, false);
  const Professional& p = b.partenaire;
  double y = FamilyLetterhead(c, rng, look, p.Titre(), ProfessionLabel(p.profession), p.adresse,
                              PhoneText(rng, p.telephone), {look.Label(rng, "am") + " " + p.numero_am});
  y = FormTitle(c, rng, look, look.Word(rng, "titre"), "", y + 2);
  const std::string reglement = look.Word(rng, "partenaire_de_sante");
  std::vector<std::vector<Field>> header = {
      {{"partenaire.nom", p.prenom + " " + p.nom, 1.3, false}, {"partenaire.identifiant", p.numero_am, 1, false}},
      {{"lot.numero", b.numero, 1, false}, {"lot.date", look.DateText(b.date), 1, false}},
      {{"organisme.destinataire", OrganismeText(rng, b), 1.3, false}, {"reglement.destinataire", reglement, 1, false}}};
  if (rng.Chance(0.5)) std::swap(header[0], header[1]);
  y = DrawFields(c, rng, look, kLeft, y, kWidth, header) + 6;
  d.Set("partenaire.identifiant", p.numero_am);
  d.Set("partenaire.nom", p.nom);
  d.Set("lot.numero", b.numero);
  d.Set("lot.date", b.date.ToIso());
  if (!b.organisme.empty()) d.Set("organisme.destinataire", b.organisme);
  d.Set("reglement.destinataire", b.reglement);

  const bool spaced_nir = rng.Chance(0.5);
  std::vector<std::vector<std::string>> rows;
  Money sum = Money::Zero(), sum_amo = Money::Zero(), sum_amc = Money::Zero();
  for (const auto& l : b.lines) {
    rows.push_back({l.numero, spaced_nir ? SpacedNir(l.nir) : l.nir, l.nom, l.prenom,
                    l.date_naissance ? look.DateText(*l.date_naissance, true) : "", look.AmountText(l.total),
                    look.AmountText(l.amo), look.AmountText(l.amc)});
    Json line = {{"numero_facture", l.numero}, {"nir", l.nir}, {"nom", l.nom}, {"prenom", l.prenom}};
    if (l.date_naissance) line["date_naissance"] = l.date_naissance->ToIso();
    line["montant_total"] = Amount(l.total);
    line["montant_amo"] = Amount(l.amo);
    line["montant_amc"] = Amount(l.amc);
    d.lines.push_back(line);
    sum += l.total;
    sum_amo += l.amo;
    sum_amc += l.amc;
  }
  const std::vector<TableColumn> cols = {{"numero_facture"}, {"nir"}, {"nom"}, {"prenom"}, {"date_naissance"},
                                         {"montant_total", true}, {"montant_amo", true}, {"montant_amc", true}};
  const TableGeometry g = DrawFamilyTable(c, rng, look, kLeft, y, kWidth, cols, rows, kBottom - 70 - y, false);
  y = g.bottom + 6;
  const Font totals{look.value.family, 8.5, true, false};
  c.Text(kLeft, y, look.Label(rng, "nombre_factures") + " " + std::to_string(b.lines.size()), look.small);
  y += 5.5;
  // The totals row: its label in the leftmost column that holds no amount.
  std::pair<double, double> label_col = {kLeft + kWidth, kLeft + kWidth};
  for (const auto& [slot, span] : g.columns) {
    if (!slot.starts_with("montant") && span.first < label_col.first) label_col = span;
  }
  const std::string totals_label = look.Label(rng, "totaux");
  c.Text(label_col.first + 1.5, y, totals_label, FitFont(c, totals_label, totals, label_col.second - label_col.first - 2));
  for (const auto& [slot, m] : {std::pair{"montant_total", sum}, std::pair{"montant_amo", sum_amo},
                                std::pair{"montant_amc", sum_amc}}) {
    const auto& [from, to] = g.columns.at(slot);
    c.Text(to - 1.5 - c.TextWidth(look.AmountText(m), totals), y, look.AmountText(m), totals);
  }
  y = std::min(y + 12, kBottom - 45);
  c.Text(kLeft, y, look.Label(rng, "cachet"), look.small);
  c.Stamp(rng, 55, y + 18, {Upper(p.prenom + " " + p.nom), ProfessionLabel(p.profession), "N° AM " + p.numero_am});
  d.zones.push_back(SignatureZone(c, rng, look, "signature", "signature", 110, y - 3, 80, 26, true,
                                  FirstLetter(p.prenom) + ". " + p.nom));
  return d;
}

GenDoc DrawFeuilleFamily(Context& ctx, int family, const Professional& pro, const Invoice& inv) {
  Rng& rng = ctx.rng;
  GenDoc d;
  d.type = "feuille_de_soins";
  d.family = family;
  d.pages.emplace_back(ctx.dpi);
  Canvas& c = d.pages.back();
  const Look look = MakeLook(ctx, family, d.type, true);
  const Person& a = inv.assure;
  const Person& bnf = inv.beneficiaire;
  double y = FormTitle(c, rng, look, look.Word(rng, "titre"), look.Word(rng, "sous_titre"), 18);
  y = DrawFields(c, rng, look, 110, y, 85, {{{"numero_facture", inv.numero, 1, false}}}) + 2;
  d.Set("numero_facture", inv.numero);

  const bool split = rng.Chance(0.5);
  const bool dotted = look.style->placement == "dotted";
  auto person_block = [&](bool assure) {
    y = DrawSection(c, rng, look, kLeft, y, kWidth, assure ? "section.assure" : "section.beneficiaire") + 1;
    const Person& p = assure ? a : bnf;
    std::vector<Field> names = Names(p, split);
    if (!assure) names.push_back({"date_naissance", look.DateText(p.naissance, true)});
    std::vector<std::vector<Field>> rows = {names};
    if (assure) {
      const Field nir{"nir", inv.nir_blank ? "" : inv.printed_nir, 1.3, true, true};
      const Field adresse{"adresse", a.adresse.OneLine(), 1.7};
      if (dotted) rows.insert(rows.end(), {{nir}, {adresse}});
      else rows.push_back({nir, adresse});
    }
    y = DrawFields(c, rng, look, kLeft, y, kWidth, rows) + 3;
  };
  auto prescription_block = [&] {
    y = DrawSection(c, rng, look, kLeft, y, kWidth, "section.prescription") + 1;
    std::string who = inv.prescripteur.Titre();
    if (rng.Chance(0.5)) who += " - RPPS " + inv.prescripteur.rpps;
    y = DrawFields(c, rng, look, kLeft, y, kWidth,
                   {{{"prescripteur", who, 2}, {"prescription.date", look.DateText(inv.prescription_date)}}}) + 3;
  };
  TextLine address_line;
  auto praticien_block = [&] {
    y = DrawSection(c, rng, look, kLeft, y, kWidth, "section.praticien") + 1;
    y = DrawFields(c, rng, look, kLeft, y, kWidth,
                   {{{"nom_prenom", pro.nom + " " + pro.prenom, 1.4, false},
                     {"praticien.identifiant", pro.numero_am, 1, false}}});
    const double address_y = y + 3;
    const std::string address = ProfessionLabel(pro.profession) + " - " + pro.adresse.OneLine();
    const double w = c.Text(kLeft, address_y, address, look.small);
    address_line = {kLeft, address_y, w, look.small.size_pt * 25.4 / 72.0, address, look.small};
    y += 7;
  };
  const bool praticien_first = rng.Chance(0.4);
  if (praticien_first) praticien_block();
  const bool assure_first = rng.Chance(0.3);
  person_block(assure_first);
  person_block(!assure_first);
  prescription_block();
  if (!praticien_first) praticien_block();
  SetPeopleFields(d, inv);
  d.Set("prescripteur.nom", inv.prescripteur.nom);
  d.Set("prescription.date", inv.prescription_date.ToIso());
  d.Set("praticien.identifiant", pro.numero_am);
  d.Set("praticien.nom", pro.nom);

  // Boxes that are not the contract's, ticked now and then.
  LabelledBox(c, rng, look, "ald", "ald", kLeft, y, rng.Chance(0.15));
  LabelledBox(c, rng, look, "accident", "accident", kLeft + 95, y, rng.Chance(0.1));
  y += 9;

  // Acts; a crossed-out feuille may carry a struck row that is not an act.
  const bool comma_coef = rng.Chance(0.4);
  std::vector<std::vector<std::string>> rows;
  for (const auto& act : inv.acts) {
    std::string coef = act.coefficient;
    if (comma_coef) std::replace(coef.begin(), coef.end(), '.', ',');
    rows.push_back({look.DateText(act.date), act.code, coef, look.AmountText(act.montant)});
    d.lines.push_back({{"date", act.date.ToIso()}, {"code", act.code}, {"coefficient", Coefficient(act.coefficient)},
                       {"montant", Amount(act.montant)}});
  }
  const bool struck_row = inv.feuille_raturee && rng.Chance(0.5);
  size_t struck = 0;
  if (struck_row) {
    struck = static_cast<size_t>(rng.Int(0, static_cast<int>(rows.size())));
    const Act& model = inv.acts[std::min(struck, inv.acts.size() - 1)];
    rows.insert(rows.begin() + static_cast<std::ptrdiff_t>(struck),
                {look.DateText(model.date.AddDays(rng.Int(1, 3))), model.code, model.coefficient, look.AmountText(model.montant)});
  }
  const double signatures_h = 46;
  const TableGeometry g = DrawFamilyTable(
      c, rng, look, kLeft, y, kWidth, {{"date"}, {"code"}, {"coefficient", true}, {"montant", true}}, rows,
      kBottom - signatures_h - 10 - y, true);
  std::optional<InkZone> crossed;
  if (struck_row) {
    CrossOut(c, rng, look.crossing == "overwrite" ? "strike" : look.crossing, kLeft + 2, g.row_tops[struck], kWidth - 4,
             g.row_h, "", look.hand);
    crossed = InkZone{"raturee", 0, kLeft + 1, g.row_tops[struck], kWidth - 2, g.row_h};
  } else if (inv.feuille_raturee) {
    // Some words of the practitioner's address line struck through (or a number written over).
    crossed = CrossOutWords(c, rng, look.crossing, address_line, look.hand);
  }
  y = g.bottom + 6;
  const Font total_font = look.ValueFont(true);
  c.Text(95, y, look.Label(rng, "montant_total"), Font{look.label.family, 9, true, false});
  c.Text(195 - c.TextWidth(look.AmountText(inv.total), total_font), y, look.AmountText(inv.total), total_font);
  d.Set("montant_total", Amount(inv.total));

  // Signatures: always on the page, whatever the number of acts.
  y = std::min(y + 5, kBottom - signatures_h);
  d.zones.push_back(SignatureZone(c, rng, look, "signature.praticien", "signature.praticien", kLeft, y, 85, 24,
                                  inv.signature_praticien, FirstLetter(pro.prenom) + ". " + pro.nom));
  d.zones.push_back(SignatureZone(c, rng, look, "signature.patient", "signature.patient", 105, y, 90, 24,
                                  inv.signature_patient, bnf.nom));
  d.zones.push_back(LabelledBox(c, rng, look, "impossibilite_signer", "impossibilite_signer", 105, y + 32,
                                inv.impossibilite_signer));
  if (rng.Chance(0.4)) c.Stamp(rng, 60, y + 20, {Upper(pro.prenom + " " + pro.nom), ProfessionLabel(pro.profession)});
  d.SetBool("signature.praticien", inv.signature_praticien);
  d.SetBool("signature.patient", inv.signature_patient);
  d.SetBool("impossibilite_signer", inv.impossibilite_signer);
  d.SetBool("raturee", inv.feuille_raturee);
  if (crossed) MarkCrossed(d, *crossed);
  return d;
}

GenDoc DrawPrescriptionFamily(Context& ctx, int family, const Professional& dr, const Person& patient, Date date,
                              const std::string& text, bool raturee) {
  Rng& rng = ctx.rng;
  GenDoc d;
  d.type = "prescription";
  d.family = family;
  d.pages.emplace_back(ctx.dpi);
  Canvas& c = d.pages.back();
  const Look look = MakeLook(ctx, family, d.type, true);
  std::vector<std::string> ids = {look.Label(rng, "rpps") + " " + dr.rpps};
  if (rng.Chance(0.5)) ids.push_back(look.Label(rng, "am") + " " + dr.numero_am);  // a number that is not the RPPS
  if (rng.Chance(0.5)) std::swap(ids.front(), ids.back());
  double y = FamilyLetterhead(c, rng, look, look.Word(rng, "docteur") + " " + dr.prenom + " " + Upper(dr.nom),
                              look.Word(rng, "specialite"), dr.adresse, PhoneText(rng, dr.telephone), ids);
  const Font hand = look.hand;
  const Font written = look.hand_filled ? hand : look.value;
  if (rng.Chance(0.6)) {
    c.TextCentered(105, y + 4, look.Word(rng, "titre"), look.title);
    y += 12;
  }
  // Date line, right or left, with or without the place.
  std::string when = look.Word(rng, "date");
  const auto lieu = when.find("{lieu}");
  if (lieu != std::string::npos) when.replace(lieu, 6, dr.adresse.commune.nom);
  when += " " + look.DateText(date);
  if (rng.Chance(0.6)) c.TextRight(192, y, when, written);
  else c.Text(25, y, when, written);
  y += 12;
  const std::string civ = patient.sexe == 1 ? (rng.Chance(0.5) ? "M. " : "Monsieur ") : (rng.Chance(0.5) ? "Mme " : "Madame ");
  const int patient_style = rng.Int(0, 2);
  if (patient_style == 0) {
    c.Text(30, y, civ + patient.prenom + " " + patient.nom, written);
  } else if (patient_style == 1) {
    const std::string label = look.Label(rng, "patient");
    const double w = c.Text(25, y, label, look.small);
    c.Text(27 + w, y, patient.nom + " " + patient.prenom, written);
  } else {
    c.Text(30, y, civ + Upper(patient.nom) + " " + patient.prenom, written);
    c.Text(140, y, fmt::format("{} ans", patient.naissance.AgeOn(date)), written);
  }
  y += 14;
  std::vector<TextLine> lines;
  y = c.Paragraph(30, y, 150, text, written, 1.6, &lines);
  if (rng.Chance(0.3)) y = c.Paragraph(30, y + 2, 150, look.Word(rng, "renouvellement"), written, 1.6, &lines);
  std::optional<InkZone> crossed;
  if (raturee && !lines.empty()) {
    // Strike some words of the order and write a correction above them.
    const TextLine& line = lines[static_cast<size_t>(rng.Int(0, static_cast<int>(lines.size()) - 1))];
    crossed = CrossOutWords(c, rng, look.crossing, line, hand);
    if (look.crossing != "overwrite") {
      c.TextRotated(crossed->x + rng.Real(0, 10), crossed->y - 1, rng.Real(-4, 4),
                    std::to_string(rng.Int(2, 30)) + " séances", hand, 0.9, false);
    }
  }
  const double sy = std::min(y + 12, kBottom - 40);
  SignatureInk(c, rng, look.signature, 115, sy, 60, 18, dr.nom, look.hand_fonts);
  if (rng.Chance(0.6)) c.Stamp(rng, 150, sy + 30, {"Dr " + Upper(dr.prenom + " " + dr.nom), "RPPS " + dr.rpps});
  d.Set("prescripteur.nom", dr.nom);
  d.Set("prescripteur.identifiant", dr.rpps);
  d.Set("date", date.ToIso());
  d.Set("patient.nom", patient.nom);
  d.Set("patient.prenom", patient.prenom);
  d.SetBool("raturee", raturee);
  if (crossed) MarkCrossed(d, *crossed);
  return d;
}

}  // namespace liasse::synth
