// The paper of a B2 lot: bordereau récapitulatif, feuille de soins auxiliaire
// médical (S3129-like), prescription, entente préalable (seed 003).
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "documents.h"
#include "form.h"
#include "layout.h"
#include "pen.h"

namespace liasse::synth {

std::string ProfessionLabel(const std::string& p) {
  if (p == "infirmier") return "Infirmier(e) diplômé(e) d'État";
  if (p == "kine") return "Masseur-kinésithérapeute";
  if (p == "orthophoniste") return "Orthophoniste";
  if (p == "orthoptiste") return "Orthoptiste";
  return "Médecin généraliste";
}

void SetPeopleFields(GenDoc& d, const Invoice& inv) {
  d.Set("assure.nom", inv.assure.nom);
  d.Set("assure.prenom", inv.assure.prenom);
  if (!inv.nir_blank) d.Set("assure.nir", inv.printed_nir);
  d.Set("beneficiaire.nom", inv.beneficiaire.nom);
  d.Set("beneficiaire.prenom", inv.beneficiaire.prenom);
  d.Set("beneficiaire.date_naissance", inv.beneficiaire.naissance.ToIso());
}

GenDoc DrawBordereau(Context& ctx, const Bordereau& b) {
  if (const int family = PickFamily(ctx, "bordereau"); family > 0) return DrawBordereauFamily(ctx, family, b);
  Rng& rng = ctx.rng;
  GenDoc d;
  d.type = "bordereau";
  d.pages.emplace_back(ctx.dpi);
  Canvas& c = d.pages.back();
  const int layout = rng.Int(0, 1);
  const Professional& p = b.partenaire;
  double y = Letterhead(c, rng, layout, p.Titre(), ProfessionLabel(p.profession), p.adresse, p.telephone,
                        "N° AM : " + p.numero_am);
  const Font title = PickFont(rng, 13, true);
  const Font lab = layout == 0 ? Sans(9) : Mono(9);
  const Font val = layout == 0 ? Sans(9.5, true) : Mono(9.5, true);
  c.TextCentered(105, y, layout == 0 ? "BORDEREAU RÉCAPITULATIF DES FACTURES" : "Bordereau récapitulatif - Lot B2", title);
  y += 9;
  if (layout == 1) c.Rect(16, y - 5, 178, 26, 0.3);
  LabelValue(c, 18, y, "Partenaire de santé :", p.prenom + " " + p.nom, lab, val);
  LabelValue(c, 118, y, "Identifiant :", p.numero_am, lab, val);
  y += 6;
  LabelValue(c, 18, y, "N° de lot :", b.numero, lab, val);
  LabelValue(c, 118, y, "Date de constitution :", b.date.ToFrench(), lab, val);
  y += 6;
  LabelValue(c, 18, y, "Organisme destinataire :", b.organisme.empty() ? "" : b.organisme + " " + b.organisme_nom, lab, val);
  y += 6;
  LabelValue(c, 18, y, "Destinataire du règlement :", "partenaire de santé", lab, val);
  y += 10;
  d.Set("partenaire.identifiant", p.numero_am);
  d.Set("partenaire.nom", p.nom);
  d.Set("lot.numero", b.numero);
  d.Set("lot.date", b.date.ToIso());
  if (!b.organisme.empty()) d.Set("organisme.destinataire", b.organisme);
  d.Set("reglement.destinataire", b.reglement);

  std::vector<Column> cols = {{"N° facture", 21}, {"N° immatriculation", 35}, {"Nom", 27},
                              {"Prénom", 22},     {"Né(e) le", 19},           {"Total", 17, true},
                              {"Part AMO", 17, true}, {"Part AMC", 17, true}};
  std::vector<std::vector<std::string>> rows;
  Money sum = Money::Zero(), sum_amo = Money::Zero(), sum_amc = Money::Zero();
  for (const auto& l : b.lines) {
    rows.push_back({l.numero, l.nir, l.nom, l.prenom, l.date_naissance ? l.date_naissance->ToFrench() : "",
                    FrenchAmount(l.total), FrenchAmount(l.amo), FrenchAmount(l.amc)});
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
  const Font head = layout == 0 ? Sans(7.5, true) : Mono(7, true);
  const Font body = layout == 0 ? PickFont(rng, 8) : Mono(7.5);
  y = DrawTable(c, 17, y, cols, rows, head, body, layout == 0 ? 0 : rng.Int(1, 2));
  y += 7;
  c.Text(100, y, fmt::format("Nombre de factures : {}", b.lines.size()), lab);
  y += 6;
  c.Text(100, y, "Totaux :", lab);
  c.TextRight(156.5, y, FrenchAmount(sum), val);
  c.TextRight(173.5, y, FrenchAmount(sum_amo), val);
  c.TextRight(190.5, y, FrenchAmount(sum_amc), val);
  c.Text(18, y + 22, "Cachet du partenaire de santé", Sans(8));
  c.Stamp(rng, 55, y + 38, {Upper(p.prenom + " " + p.nom), ProfessionLabel(p.profession), "N° AM " + p.numero_am});
  c.Text(120, y + 22, "Signature", Sans(8));
  c.Signature(rng, 125, y + 26, 45, 16);
  return d;
}

GenDoc DrawFeuilleDeSoins(Context& ctx, const Professional& pro, const Invoice& inv) {
  // A crossed-out feuille is drawn only by the families (family 0 has no crossings).
  const int family = inv.feuille_raturee ? PickNewFamily(ctx, "feuille_de_soins") : PickFamily(ctx, "feuille_de_soins");
  if (family > 0) return DrawFeuilleFamily(ctx, family, pro, inv);
  Rng& rng = ctx.rng;
  GenDoc d;
  d.type = "feuille_de_soins";
  d.pages.emplace_back(ctx.dpi);
  Canvas& c = d.pages.back();
  const int layout = rng.Int(0, 1);
  const bool hand = layout == 0 && rng.Chance(0.6);
  const Font lab = layout == 0 ? Sans(7.5) : Mono(8);
  const Font sec = layout == 0 ? Sans(8.5, true) : Mono(9, true);
  const Font val = hand ? Hand(rng, 11) : (layout == 0 ? Sans(10) : Mono(9.5, true));
  const Person& a = inv.assure;
  const Person& bnf = inv.beneficiaire;

  if (layout == 0) {
    c.Fill(15, 12, 180, 14, 0.1);
    c.Rect(15, 12, 180, 14, 0.4);
    c.Text(18, 18, "FEUILLE DE SOINS", Sans(13, true));
    c.Text(18, 23.5, "AUXILIAIRE MÉDICAL(E)", Sans(9, true));
    c.Text(150, 18, "S 3129", Sans(11, true));
    c.Text(150, 23, "art. R.161-40 CSS", Sans(6.5));
  } else {
    c.TextCentered(105, 16, "FEUILLE DE SOINS AUXILIAIRE MÉDICAL", Mono(12, true));
    c.TextCentered(105, 21, "(duplicata édité par le logiciel du praticien - modèle S3129)", Mono(7.5));
  }
  double y = 33;
  LabelValue(c, 120, y, "N° de facture :", inv.numero, Sans(9, true), layout == 0 ? Sans(11, true) : Mono(11, true));
  d.Set("numero_facture", inv.numero);
  y += 5;

  // Personne recevant les soins et assuré(e).
  const double top = y;
  c.Text(18, y + 5, "PERSONNE RECEVANT LES SOINS", sec);
  y += 11;
  c.Text(18, y, "Nom et prénom", lab);
  c.Text(50, y, bnf.nom + " " + bnf.prenom, val);
  y += 7;
  c.Text(18, y, "Date de naissance", lab);
  c.Text(50, y, bnf.naissance.ToFrench(), val);
  y += 8;
  c.Text(18, y, inv.beneficiaire_is_assure ? "ASSURÉ(E) : la personne recevant les soins" : "ASSURÉ(E) (si la personne recevant les soins n'est pas l'assuré(e))", sec);
  y += 7;
  c.Text(18, y, "Nom et prénom", lab);
  c.Text(50, y, a.nom + " " + a.prenom, val);
  y += 4;
  c.Text(18, y + 5, "N° d'immatriculation", lab);
  if (!inv.nir_blank) {
    if (layout == 0) NirBoxes(c, 50, y, inv.printed_nir, hand ? val : Sans(10));
    else c.Text(50, y + 5, SpacedNir(inv.printed_nir), val);
  } else if (layout == 0) {
    NirBoxes(c, 50, y, "               ", Sans(10));
  }
  y += 10;
  c.Text(18, y, "Adresse", lab);
  c.Text(50, y, a.adresse.OneLine(), layout == 0 ? Sans(8.5) : Mono(8.5));
  y += 4;
  if (layout == 0) c.Rect(15, top, 180, y - top, 0.35);
  SetPeopleFields(d, inv);
  y += 6;

  // Prescription.
  c.Text(18, y + 1, "CONDITIONS DE PRISE EN CHARGE - PRESCRIPTION", sec);
  y += 8;
  c.Text(18, y, "Identification du prescripteur", lab);
  c.Text(68, y, inv.prescripteur.Titre() + "  RPPS " + inv.prescripteur.rpps, val);
  y += 7;
  c.Text(18, y, "Date de la prescription", lab);
  c.Text(68, y, inv.prescription_date.ToFrench(), val);
  d.Set("prescripteur.nom", inv.prescripteur.nom);
  d.Set("prescription.date", inv.prescription_date.ToIso());
  y += 8;

  // Auxiliaire médical.
  c.Text(18, y, "AUXILIAIRE MÉDICAL(E)", sec);
  y += 7;
  c.Text(18, y, "Nom et prénom", lab);
  c.Text(50, y, pro.nom + " " + pro.prenom + " - " + ProfessionLabel(pro.profession), layout == 0 ? Sans(9.5) : Mono(9));
  y += 6;
  c.Text(18, y, "N° d'identification", lab);
  c.Text(50, y, pro.numero_am, layout == 0 ? Sans(10, true) : Mono(10, true));
  c.Text(100, y, pro.adresse.OneLine(), layout == 0 ? Sans(7.5) : Mono(7));
  d.Set("praticien.identifiant", pro.numero_am);
  d.Set("praticien.nom", pro.nom);
  y += 7;

  // Actes.
  std::vector<Column> cols = {{"Date", 28}, {"Acte (lettre clé)", 40}, {"Coefficient", 30, true},
                              {"Montant des honoraires", 45, true}};
  std::vector<std::vector<std::string>> rows;
  for (const auto& act : inv.acts) {
    rows.push_back({act.date.ToFrench(), act.code, act.coefficient, FrenchAmount(act.montant)});
    d.lines.push_back({{"date", act.date.ToIso()}, {"code", act.code}, {"coefficient", Coefficient(act.coefficient)},
                       {"montant", Amount(act.montant)}});
  }
  while (layout == 0 && rows.size() < 8) rows.push_back({"", "", "", ""});
  y = DrawTable(c, 18, y, cols, rows, layout == 0 ? Sans(7.5, true) : Mono(7.5, true), hand ? Hand(rng, 10) : (layout == 0 ? Sans(9) : Mono(9)),
                layout == 0 ? 0 : 1, 6.2);
  y += 8;
  c.Text(90, y, "MONTANT TOTAL", Sans(9, true));
  c.TextRight(161, y, FrenchAmount(inv.total) + " €", hand ? Hand(rng, 12) : Sans(10, true));
  d.Set("montant_total", Amount(inv.total));
  y += 4;
  c.Text(18, y + 4, "Frais de déplacement : IFD, IK (nombre de km) portés sur les lignes d'actes.", Sans(7));
  y += 10;

  // Signatures.
  c.Text(18, y, "L'auxiliaire médical certifie exactes les mentions", lab);
  c.Text(18, y + 4, "portées sur la feuille de soins. Signature :", lab);
  c.Rect(18, y + 6, 80, 24, 0.25);
  if (inv.signature_praticien) c.Signature(rng, 25, y + 9, 60, 17);
  c.Text(108, y, "Signature de la personne recevant les soins", lab);
  c.Rect(108, y + 6, 84, 24, 0.25);
  if (inv.signature_patient) c.Signature(rng, 118, y + 9, 55, 16);
  c.Checkbox(108, y + 33, 3.5, inv.impossibilite_signer);
  c.Text(114, y + 36, "impossibilité de signer", lab);
  d.SetBool("signature.praticien", inv.signature_praticien);
  d.SetBool("signature.patient", inv.signature_patient);
  d.SetBool("impossibilite_signer", inv.impossibilite_signer);
  if (rng.Chance(0.5)) c.Stamp(rng, 150, 275, {Upper(pro.prenom + " " + pro.nom), ProfessionLabel(pro.profession)});
  return d;
}

GenDoc DrawPrescription(Context& ctx, const Professional& dr, const Person& patient, Date date,
                        const std::string& text, bool raturee) {
  if (const int family = PickFamily(ctx, "prescription"); family > 0) {
    return DrawPrescriptionFamily(ctx, family, dr, patient, date, text, raturee);
  }
  Rng& rng = ctx.rng;
  GenDoc d;
  d.type = "prescription";
  d.pages.emplace_back(ctx.dpi);
  Canvas& c = d.pages.back();
  const int layout = rng.Int(0, 1);
  double y = Letterhead(c, rng, layout, "Docteur " + dr.prenom + " " + dr.nom, "Médecine générale - Conventionné secteur 1",
                        dr.adresse, dr.telephone, "RPPS " + dr.rpps);
  const Font hand = Hand(rng, 13);
  y += 8;
  c.TextRight(190, y, dr.adresse.commune.nom + ", le " + date.ToFrench(), layout == 0 ? hand : Sans(10));
  y += 16;
  const std::string civ = patient.sexe == 1 ? "M. " : "Mme ";
  c.Text(30, y, civ + patient.prenom + " " + patient.nom, hand);
  y += 16;
  if (layout == 1) {
    c.TextCentered(105, y, "ORDONNANCE", Sans(12, true));
    y += 12;
  }
  std::vector<TextLine> lines;
  y = c.Paragraph(30, y, 150, text, hand, 1.6, &lines);
  std::optional<InkZone> crossed;
  if (raturee) {
    // Cross out part of the order and overwrite it: the seed's "raturée ou surchargée".
    // The same draws as before the crossing was kept on the text (samples/).
    const TextLine* line_picked = &lines[std::min<size_t>(static_cast<size_t>(rng.Int(0, 1)), lines.size() - 1)];
    if (line_picked->width < 40) line_picked = &lines.front();  // a paragraph's short last line
    const TextLine& line = *line_picked;
    const double sy = line.baseline - 5;
    const double wanted_w = rng.Real(25, 50);
    const double wanted_x = 40 + rng.Real(0, 40);
    // Within the line drawn: a scribble past its end would cross nothing.
    const double w = std::min(wanted_w, line.width - 10);
    const double x = std::clamp(wanted_x, line.x, line.x + line.width - w);
    c.Scribble(rng, x, sy, w, 6);
    c.TextRotated(60 + rng.Real(0, 50), sy - 1, rng.Real(-4, 4), std::to_string(rng.Int(2, 30)) + " séances", hand, 0.9, false);
    crossed = InkZone{"raturee", 0, x, sy, w, 6};
  }
  c.Signature(rng, 120, y + 14, 55, 20);
  if (rng.Chance(0.7)) c.Stamp(rng, 150, y + 48, {"Dr " + Upper(dr.prenom + " " + dr.nom), "RPPS " + dr.rpps});
  d.Set("prescripteur.nom", dr.nom);
  d.Set("prescripteur.identifiant", dr.rpps);
  d.Set("date", date.ToIso());
  d.Set("patient.nom", patient.nom);
  d.Set("patient.prenom", patient.prenom);
  d.SetBool("raturee", raturee);
  if (crossed) MarkCrossed(d, *crossed);
  return d;
}

GenDoc DrawEntentePrealable(Context& ctx, const Professional& pro, const Person& patient, Date date,
                            const std::string& acte) {
  Rng& rng = ctx.rng;
  GenDoc d;
  d.type = "entente_prealable";
  d.pages.emplace_back(ctx.dpi);
  Canvas& c = d.pages.back();
  const int layout = rng.Int(0, 1);
  const Font lab = layout == 0 ? Sans(8) : Serif(8.5);
  const Font val = layout == 0 ? Hand(rng, 11) : Mono(10);
  double y = 40;
  if (layout == 0) {
    c.Rect(15, 12, 180, 16, 0.4);
    c.TextCentered(105, 19, "DEMANDE D'ACCORD PRÉALABLE", Sans(13, true));
    c.TextCentered(105, 25, "Actes de masso-kinésithérapie, soins infirmiers, orthophonie", Sans(8));
  } else {
    // Form with a shaded side band and the title on the left, as on the S3116 print.
    c.Fill(12, 12, 8, 270, 0.18);
    c.Text(26, 20, "ENTENTE PRÉALABLE", Serif(15, true));
    c.Text(26, 26, "Demande d'accord préalable - volet 1 à adresser au service médical", Serif(8.5));
    c.Checkbox(150, 16, 4, true);
    c.Text(156, 19.5, "Première demande", Serif(8.5));
    c.Checkbox(150, 22, 4, false);
    c.Text(156, 25.5, "Renouvellement", Serif(8.5));
    y = 42;
  }
  c.Text(18, y, "PERSONNE RECEVANT LES SOINS", Sans(9, true));
  y += 8;
  LabelValue(c, 18, y, "Nom et prénom :", patient.nom + " " + patient.prenom, lab, val);
  y += 8;
  LabelValue(c, 18, y, "N° d'immatriculation :", SpacedNir(patient.nir), lab, val);
  y += 8;
  LabelValue(c, 18, y, "Date de naissance :", patient.naissance.ToFrench(), lab, val);
  y += 14;
  c.Text(18, y, "PRATICIEN", Sans(9, true));
  y += 8;
  LabelValue(c, 18, y, "Nom :", pro.prenom + " " + pro.nom, lab, val);
  LabelValue(c, 110, y, "N° AM :", pro.numero_am, lab, val);
  y += 14;
  c.Text(18, y, "ACTES DEMANDÉS", Sans(9, true));
  y += 8;
  c.Paragraph(18, y, 170, acte, val, 1.5);
  y += 30;
  LabelValue(c, 18, y, "Date de la demande :", date.ToFrench(), lab, val);
  c.Text(110, y, "Signature du praticien", lab);
  c.Signature(rng, 115, y + 4, 50, 16);
  d.Set("patient.nom", patient.nom);
  d.Set("patient.prenom", patient.prenom);
  d.Set("patient.nir", patient.nir);
  d.Set("praticien.identifiant", pro.numero_am);
  d.Set("date", date.ToIso());
  return d;
}

}  // namespace liasse::synth
