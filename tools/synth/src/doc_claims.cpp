// Invoices (optique, dentaire, hospitalisation, médecine douce, pharmacie),
// devis dentaire, décompte RO and attestation de droits.
#include <fmt/format.h>

#include "documents.h"
#include "form.h"
#include "layout.h"

namespace liasse::synth {

namespace {

Money PriceBetween(Rng& rng, const PricedItem& it) {
  const int64_t lo = it.prix_min.cents() / 10, hi = it.prix_max.cents() / 10;
  return Money::FromCents(rng.Int(lo, hi) * 10);
}

std::string Signed(double v) {
  std::string s = fmt::format("{:+.2f}", v);
  for (char& ch : s) {
    if (ch == '.') ch = ',';
  }
  return s;
}

}  // namespace

Emitter MakeEmitter(Context& ctx, const std::string& categorie) {
  Rng& rng = ctx.rng;
  Emitter e;
  static const std::vector<std::string> opticiens = {"OPTIQUE DU CENTRE", "Les Lunettes de Léa", "VISION PLUS",
                                                     "Optique Belair", "Atol Les Opticiens"};
  static const std::vector<std::string> hopitaux = {"Clinique des Eaux Claires", "Centre Hospitalier Louis Daniel Beauperthuy",
                                                    "Polyclinique Saint-Christophe", "Clinique Les Nouvelles Eaux Marines"};
  static const std::vector<std::string> pharmacies = {"PHARMACIE DE LA GARE", "Pharmacie des Flamboyants", "Pharmacie Centrale",
                                                      "PHARMACIE DU MARCHÉ"};
  if (categorie == "optique") {
    e.pro = MakeProfessional(ctx, "opticien");
    e.nom = rng.Pick(opticiens);
    e.identifiant = e.pro.numero_am;
    e.subtitle = "Opticien lunetier diplômé";
  } else if (categorie == "dentaire") {
    e.pro = MakeProfessional(ctx, "dentiste");
    e.nom = "Dr " + e.pro.prenom + " " + e.pro.nom;
    e.identifiant = e.pro.numero_am;
    e.subtitle = "Chirurgien-dentiste";
  } else if (categorie == "hospitalisation") {
    e.pro = MakeProfessional(ctx, "etablissement");
    e.nom = rng.Pick(hopitaux);
    std::string dept = e.pro.adresse.commune.departement;
    if (dept.size() < 2 || dept[1] == 'A' || dept[1] == 'B') dept = "20";
    e.identifiant = dept.substr(0, 2) + rng.Digits(7);  // FINESS (key unconfirmed)
    e.subtitle = "Établissement de santé - FINESS";
  } else if (categorie == "pharmacie") {
    e.pro = MakeProfessional(ctx, "fournisseur");
    e.nom = rng.Pick(pharmacies);
    e.identifiant = e.pro.numero_am;
    e.subtitle = "Pharmacien titulaire : " + e.pro.prenom + " " + e.pro.nom;
  } else {
    e.pro = MakeProfessional(ctx, "osteopathe");
    e.nom = e.pro.prenom + " " + e.pro.nom;
    e.identifiant = "97" + rng.Digits(7);  // ADELI
    e.subtitle = rng.Chance(0.5) ? "Ostéopathe D.O." : "Chiropracteur";
  }
  return e;
}

std::vector<FactureLine> MakeFactureLines(Context& ctx, const std::string& categorie, Date date,
                                          std::vector<std::string>& notes) {
  Rng& rng = ctx.rng;
  std::vector<FactureLine> lines;
  const auto items = ctx.data.Items(categorie);
  if (categorie == "optique") {
    const PricedItem* monture = nullptr;
    const PricedItem* verre = nullptr;
    for (const auto* it : items) (it->code == "MONTURE" ? monture : verre) = it;
    lines.push_back({date, "Monture " + std::string(rng.Chance(0.5) ? "RAY-BAN RB5154" : "OAKLEY OX8046"), "MONTURE",
                     PriceBetween(rng, *monture), ""});
    const bool progressive = rng.Chance(0.4);
    const Money verre_price = PriceBetween(rng, *verre);  // a pair: the same lens price, one eye a little dearer at most
    for (const char* eye : {"OD", "OG"}) {
      const double sph = static_cast<double>(rng.Int(-32, 24)) * 0.25;
      const double cyl = -static_cast<double>(rng.Int(0, 12)) * 0.25;
      const int axe = rng.Int(0, 36) * 5;
      std::string lib = fmt::format("Verre {} {} Sph {} Cyl {} Axe {}°", eye, progressive ? "progressif" : "unifocal",
                                    Signed(sph), Signed(cyl), axe);
      if (progressive) lib += " Add " + Signed(static_cast<double>(rng.Int(4, 12)) * 0.25);
      lines.push_back({date, lib, "VERRE", verre_price + Money::FromCents(rng.Chance(0.3) ? rng.Int(1, 4) * 500 : 0), ""});
    }
    notes.push_back("Équipement " + std::string(progressive ? "à verres progressifs" : "unifocal") +
                    " délivré sur prescription médicale");
  } else if (categorie == "dentaire") {
    const int n = rng.Int(1, 3);
    for (int i = 0; i < n; ++i) {
      const PricedItem* it = rng.Pick(items);
      const int dent = rng.Int(1, 4) * 10 + rng.Int(1, 8);
      lines.push_back({date.AddDays(i * 7), it->libelle, it->code, PriceBetween(rng, *it), std::to_string(dent)});
    }
  } else if (categorie == "hospitalisation") {
    const int days = rng.Int(2, 9);
    for (const auto* it : items) {
      const Money unit = PriceBetween(rng, *it);
      lines.push_back({date, fmt::format("{} - {} jour(s) x {} €", it->libelle, days, FrenchAmount(unit)), it->code,
                       unit * days, std::to_string(days)});
    }
    notes.push_back(fmt::format("Séjour du {} au {}", date.ToFrench(), date.AddDays(days).ToFrench()));
  } else if (categorie == "pharmacie") {
    const int n = rng.Int(1, 4);
    for (int i = 0; i < n; ++i) {
      const PricedItem* it = rng.Pick(items);
      const int q = rng.Int(1, 3);
      lines.push_back({date, fmt::format("{} x{}", it->libelle, q), it->code, it->prix_min * q, std::to_string(q)});
    }
  } else {
    // Médecine douce: the séance of the practitioner's own discipline.
    const bool chiro = notes.size() == 1 && notes[0] == "Chiropracteur";
    notes.clear();
    const PricedItem* it = items.front();
    for (const auto* candidate : items) {
      if ((candidate->code == "CHIRO") == chiro) it = candidate;
    }
    const int n = rng.Int(1, 2);
    for (int i = 0; i < n; ++i) {
      lines.push_back({date.AddDays(i * 14), it->libelle, it->code, PriceBetween(rng, *it), ""});
    }
  }
  return lines;
}

Json FactureLineTruth(const FactureLine& l, bool dental) {
  Json jl = {{"date", l.date.ToIso()}, {"libelle", l.libelle}, {"code", l.code}, {"montant", Amount(l.montant)}};
  if (dental) jl["dent"] = l.extra;
  return jl;
}

void SetFactureFields(GenDoc& d, const FactureTruth& f, const Emitter& e, const Person& patient) {
  d.Set("categorie", f.categorie);
  d.Set("numero_facture", f.numero);
  d.Set("date", f.date.ToIso());
  d.Set("emetteur.nom", e.nom);
  d.Set("emetteur.identifiant", e.identifiant);
  d.Set("beneficiaire.nom", patient.nom);
  d.Set("beneficiaire.prenom", patient.prenom);
  d.Set("numero_adherent", patient.numero_adherent);
  d.Set("montant_total", Amount(f.total));
  d.SetBool("acquittee", f.acquittee);
}

GenDoc DrawFacture(Context& ctx, const std::string& categorie, const Person& patient, Date date) {
  if (const int family = PickFamily(ctx, "facture"); family > 0) return DrawFactureFamily(ctx, family, categorie, patient, date);
  Rng& rng = ctx.rng;
  GenDoc d;
  d.type = "facture";
  d.pages.emplace_back(ctx.dpi);
  Canvas& c = d.pages.back();
  const int layout = rng.Int(0, 1);
  const Emitter e = MakeEmitter(ctx, categorie);
  double y = Letterhead(c, rng, layout, e.nom, e.subtitle, e.pro.adresse, e.pro.telephone,
                        (categorie == "hospitalisation" ? "FINESS " : (categorie == "medecine_douce" ? "ADELI " : "N° AM ")) + e.identifiant);
  const Font lab = PickFont(rng, 9);
  const Font val = Font{lab.family, 9.5, true, false};
  const std::string numero = std::to_string(date.year()) + "-" + rng.Digits(5);
  c.Text(layout == 0 ? 18 : 120, y, layout == 0 ? "FACTURE" : "FACTURE N° " + numero, PickFont(rng, 14, true));
  y += 8;
  if (layout == 0) { LabelValue(c, 18, y, "N° de facture :", numero, lab, val); y += 5.5; }
  LabelValue(c, 18, y, "Date :", date.ToFrench(), lab, val);
  y += 5.5;
  LabelValue(c, 18, y, "Patient :", patient.nom + " " + patient.prenom, lab, val);
  LabelValue(c, 120, y, "Né(e) le", patient.naissance.ToFrench(), lab, val);
  y += 5.5;
  LabelValue(c, 18, y, "N° de sécurité sociale :", SpacedNir(patient.nir), lab, val);
  y += 5.5;
  LabelValue(c, 18, y, "Mutuelle : CPMS - N° adhérent :", patient.numero_adherent, lab, val);
  y += 10;
  std::vector<std::string> notes;
  if (categorie == "medecine_douce") notes.push_back(e.subtitle);
  const std::vector<FactureLine> lines = MakeFactureLines(ctx, categorie, date, notes);
  std::vector<Column> cols;
  const bool dental = categorie == "dentaire";
  if (dental) cols = {{"Date", 22}, {"Code CCAM", 24}, {"Dent", 12}, {"Désignation", 96}, {"Montant", 22, true}};
  else cols = {{"Date", 22}, {"Code", 22}, {"Désignation", 112}, {"Montant", 22, true}};
  std::vector<std::vector<std::string>> rows;
  Money total = Money::Zero();
  for (const auto& l : lines) {
    if (dental) rows.push_back({l.date.ToFrench(), l.code, l.extra, l.libelle, FrenchAmount(l.montant)});
    else rows.push_back({l.date.ToFrench(), l.code, l.libelle, FrenchAmount(l.montant)});
    d.lines.push_back(FactureLineTruth(l, dental));
    total += l.montant;
  }
  const Font body = Font{lab.family, categorie == "optique" ? 7.5 : 8.5, false, false};
  y = DrawTable(c, 16, y, cols, rows, Font{lab.family, 8, true, false}, body, layout == 0 ? 0 : 1, 7);
  y += 8;
  c.Text(120, y, "TOTAL TTC", val);
  c.TextRight(192, y, FrenchAmount(total) + " €", Font{lab.family, 11, true, false});
  y += 8;
  for (const auto& n : notes) {
    c.Text(18, y, n, lab);
    y += 5;
  }
  const bool acquittee = rng.Chance(0.75);
  y += 6;
  if (acquittee) {
    c.Text(18, y, "Facture acquittée le " + date.AddDays(rng.Int(0, 5)).ToFrench() + " - règlement par " +
                      (rng.Chance(0.5) ? "carte bancaire" : "chèque"), lab);
    c.Stamp(rng, 150, y + 20, {"ACQUITTÉ", Upper(e.nom)});
  } else {
    c.Text(18, y, "Montant restant dû : " + FrenchAmount(total) + " €", lab);
  }
  c.Text(18, 285, "TVA non applicable, article 261-4-1° du CGI", Sans(7));
  SetFactureFields(d, {categorie, numero, date, total, acquittee}, e, patient);
  return d;
}

GenDoc DrawDevisDentaire(Context& ctx, const Person& patient, Date date) {
  Rng& rng = ctx.rng;
  GenDoc d;
  d.type = "devis";
  d.pages.emplace_back(ctx.dpi);
  Canvas& c = d.pages.back();
  const int layout = rng.Int(0, 1);
  const Emitter e = MakeEmitter(ctx, "dentaire");
  double y = Letterhead(c, rng, layout, e.nom, e.subtitle, e.pro.adresse, e.pro.telephone, "N° AM " + e.identifiant);
  const Font lab = PickFont(rng, 9);
  c.TextCentered(105, y, "DEVIS POUR UN TRAITEMENT ET DES ACTES BUCCO-DENTAIRES", Font{lab.family, 11, true, false});
  y += 6;
  c.TextCentered(105, y, layout == 0 ? "(modèle de devis conventionnel)" : "Devis n° D" + rng.Digits(6), lab);
  y += 10;
  LabelValue(c, 18, y, "Patient :", patient.prenom + " " + patient.nom, lab, lab);
  LabelValue(c, 120, y, "Date du devis :", date.ToFrench(), lab, lab);
  y += 10;
  std::vector<Column> cols = {{"Dent", 12}, {"Code", 24}, {"Désignation", 80}, {"Base RO", 22, true}, {"Honoraires", 28, true}};
  std::vector<std::vector<std::string>> rows;
  Money total = Money::Zero();
  const auto items = ctx.data.Items("dentaire");
  const int n = rng.Int(1, 3);
  for (int i = 0; i < n; ++i) {
    const PricedItem* it = rng.Pick(items);
    const std::string dent = std::to_string(rng.Int(1, 4) * 10 + rng.Int(1, 8));
    const Money m = PriceBetween(rng, *it);
    rows.push_back({dent, it->code, it->libelle.substr(0, 60), FrenchAmount(it->base), FrenchAmount(m)});
    d.lines.push_back({{"code", it->code}, {"dent", dent}, {"libelle", it->libelle}, {"base", Amount(it->base)}, {"montant", Amount(m)}});
    total += m;
  }
  y = DrawTable(c, 16, y, cols, rows, Font{lab.family, 8, true, false}, Font{lab.family, 8, false, false}, layout == 0 ? 0 : 2, 7);
  y += 8;
  LabelValue(c, 110, y, "Total des honoraires :", FrenchAmount(total) + " €", lab, Font{lab.family, 10, true, false});
  y += 14;
  c.Text(18, y, "Devis valable 6 mois. Signature du patient précédée de « lu et approuvé » :", lab);
  c.Signature(rng, 30, y + 5, 50, 15);
  d.Set("emetteur.nom", e.nom);
  d.Set("emetteur.identifiant", e.identifiant);
  d.Set("beneficiaire.nom", patient.nom);
  d.Set("beneficiaire.prenom", patient.prenom);
  d.Set("date", date.ToIso());
  d.Set("montant_total", Amount(total));
  return d;
}

GenDoc DrawDecompteRo(Context& ctx, const Person& patient, Date date) {
  Rng& rng = ctx.rng;
  GenDoc d;
  d.type = "decompte_ro";
  d.pages.emplace_back(ctx.dpi);
  Canvas& c = d.pages.back();
  const int layout = rng.Int(0, 1);
  const Font lab = layout == 0 ? Sans(9) : Serif(9);
  if (layout == 0) {
    c.Text(18, 20, "l'Assurance Maladie", Sans(16, true));
    c.Text(18, 26, "Caisse Primaire d'Assurance Maladie", Sans(9));
  } else {
    c.Rect(15, 12, 45, 16, 0.8);
    c.Text(19, 24, "ameli", Font{"DejaVu Sans", 20, true, false});
    c.Text(70, 19, "CPAM - Service des prestations", Serif(10, true));
    c.Text(70, 24.5, "Votre décompte de remboursement", Serif(9));
  }
  c.Text(120, 45, Upper(patient.prenom + " " + patient.nom), lab);
  c.Text(120, 50, patient.adresse.ligne, lab);
  c.Text(120, 55, patient.adresse.commune.code_postal + " " + patient.adresse.commune.nom, lab);
  double y = 75;
  c.Text(18, y, layout == 0 ? "RELEVÉ DE VOS REMBOURSEMENTS" : "Décompte de prestations", Font{lab.family, 12, true, false});
  y += 8;
  LabelValue(c, 18, y, "N° de sécurité sociale :", SpacedNir(patient.nir), lab, lab);
  y += 10;
  // Act, base and RO rate from the tariff data in force on the date of care;
  // the RO keeps the participation forfaitaire (médecin) or the franchise
  // (paramedical act) of that date.
  struct RoAct {
    std::string libelle, code, coefficient;
    int taux;
    std::string retenue;
  };
  static const std::vector<RoAct> acts = {{"Consultation généraliste G", "G", "1", 70, "PF"},
                                          {"Actes infirmiers AMI 4", "AMI", "4", 60, "FRANCHISE"},
                                          {"Kinésithérapie AMK 7,5", "AMK", "7.5", 60, "FRANCHISE"},
                                          {"Orthophonie AMO 10", "AMO", "10", 60, "FRANCHISE"}};
  const RoAct& act = acts[static_cast<size_t>(rng.Int(0, static_cast<int>(acts.size()) - 1))];
  const std::string& lib = act.libelle;
  const int taux = act.taux;
  int64_t tenths = std::stoll(act.coefficient) * 10;
  if (act.coefficient.find('.') != std::string::npos) tenths += act.coefficient.back() - '0';
  const Money base = ctx.data.ngap.at(act.code).ValueOn(date).MulDiv(tenths, 10, Rounding::kHalfUp);
  const Money depense = base + Money::FromCents(act.code == "G" && rng.Chance(0.4) ? rng.Int(1, 25) * 100 : 0);
  const Money retenue = ctx.data.retenues.at(act.retenue).ValueOn(date);
  const Money rembourse = base.MulDiv(taux, 100, Rounding::kHalfUp) - retenue;
  if (layout == 0) {
    std::vector<Column> cols = {{"Date des soins", 26}, {"Nature", 56}, {"Dépense", 24, true}, {"Base", 24, true},
                                {"Taux", 14, true}, {"Remboursé", 28, true}};
    y = DrawTable(c, 16, y, cols, {{date.ToFrench(), lib, FrenchAmount(depense), FrenchAmount(base), std::to_string(taux) + " %", FrenchAmount(rembourse)}},
                  Font{lab.family, 8, true, false}, Font{lab.family, 8.5, false, false}, 0, 7);
  } else {
    // A statement listing: one label per line, amounts right-aligned, dotted leaders.
    c.Rect(16, y - 5, 178, 44, 0.3);
    const Font mono = Mono(9);
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"Soins du", date.ToFrench()}, {"Nature des soins", lib}, {"Montant de la dépense", FrenchAmount(depense) + " EUR"},
        {"Base de remboursement", FrenchAmount(base) + " EUR"}, {"Taux", std::to_string(taux) + " %"},
        {"Montant remboursé", FrenchAmount(rembourse) + " EUR"}};
    for (const auto& [label, value] : rows) {
      c.Text(20, y, label, mono);
      c.TextRight(190, y, value, mono);
      y += 6.5;
    }
  }
  y += 10;
  c.Text(18, y, "Montant versé sur votre compte le " + date.AddDays(rng.Int(3, 12)).ToFrench() + " : " + FrenchAmount(rembourse) + " €", lab);
  c.Text(18, y + 6, ctx.data.retenues.at(act.retenue).libelle + " déduite : " + FrenchAmount(retenue) + " €", lab);
  c.Text(18, y + 14, "Ces informations ont été transmises à votre organisme complémentaire.", lab);
  d.Set("nir", patient.nir);
  d.Set("date_soins", date.ToIso());
  d.Set("montant_depense", Amount(depense));
  d.Set("base_remboursement", Amount(base));
  d.Set("montant_rembourse", Amount(rembourse));
  return d;
}

GenDoc DrawAttestationDroits(Context& ctx, const Person& patient, Date date) {
  Rng& rng = ctx.rng;
  GenDoc d;
  d.type = "attestation_droits";
  d.pages.emplace_back(ctx.dpi);
  Canvas& c = d.pages.back();
  const int layout = rng.Int(0, 1);
  const Font lab = layout == 0 ? Sans(9.5) : Serif(10);
  double y = 62;
  if (layout == 0) {
    c.Text(18, 22, "l'Assurance Maladie", Sans(16, true));
    c.TextCentered(105, 45, "ATTESTATION DE DROITS À L'ASSURANCE MALADIE", Font{lab.family, 12, true, false});
  } else {
    // Printed from the member's online account: framed, title left, date of edition top right.
    c.Rect(12, 12, 186, 120, 0.6);
    c.Text(18, 24, "Attestation de droits", Font{lab.family, 15, true, false});
    c.TextRight(192, 24, "Éditée le " + date.ToFrench(), Font{lab.family, 8, false, false});
    c.Line(18, 28, 192, 28, 0.3);
    y = 40;
  }
  LabelValue(c, 18, y, "Assuré(e) :", patient.prenom + " " + Upper(patient.nom), lab, lab);
  y += 7;
  LabelValue(c, 18, y, "N° de sécurité sociale :", SpacedNir(patient.nir), lab, lab);
  y += 7;
  LabelValue(c, 18, y, "Date de naissance :", patient.naissance.ToFrench(), lab, lab);
  y += 7;
  LabelValue(c, 18, y, "Droits ouverts du", date.ToFrench() + " au " + date.AddMonths(12).AddDays(-1).ToFrench(), lab, lab);
  y += 7;
  LabelValue(c, 18, y, "Médecin traitant déclaré :", rng.Chance(0.8) ? "oui" : "non", lab, lab);
  y += 12;
  c.Paragraph(18, y, 170, "Cette attestation justifie de vos droits à l'Assurance Maladie. Elle peut être demandée "
                          "par un professionnel de santé ou un établissement pour la prise en charge de vos soins.", lab);
  d.Set("nom", patient.nom);
  d.Set("prenom", patient.prenom);
  d.Set("nir", patient.nir);
  d.Set("date", date.ToIso());
  return d;
}

}  // namespace liasse::synth
