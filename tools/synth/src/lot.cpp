#include "lot.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "form.h"
#include "liasse/synth/synth.h"

namespace liasse::synth {

namespace {

bool Has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

int64_t Tenths(const std::string& coef) {
  const auto dot = coef.find('.');
  if (dot == std::string::npos) return std::stoll(coef) * 10;
  return std::stoll(coef.substr(0, dot)) * 10 + (coef[dot + 1] - '0');
}

Act MakeAct(const SynthData& data, const std::string& code, const std::string& coef, Date date) {
  const Money value = data.ngap.at(code).ValueOn(date);
  return Act{date, code, coef, value.MulDiv(Tenths(coef), 10, Rounding::kHalfUp)};
}

std::string OrderText(Rng& rng, const std::string& profession) {
  if (profession == "infirmier") {
    static const std::vector<std::string> t = {
        "Soins infirmiers à domicile : pansement simple tous les deux jours pendant 15 jours.",
        "Injection sous-cutanée d'anticoagulant une fois par jour pendant 10 jours, à domicile.",
        "Prise de sang à domicile : NFS, ionogramme, créatinine. Surveillance glycémie capillaire.",
        "Soins d'hygiène et de confort, 2 passages par jour pendant 1 mois, y compris dimanches et jours fériés."};
    return rng.Pick(t);
  }
  if (profession == "kine") {
    static const std::vector<std::string> t = {
        "15 séances de rééducation du genou droit suite à ligamentoplastie.",
        "10 séances de kinésithérapie pour lombalgie chronique, à domicile si nécessaire.",
        "Rééducation de l'épaule gauche : 12 séances, balnéothérapie non souhaitée."};
    return rng.Pick(t);
  }
  return "Bilan orthophonique avec rééducation si nécessaire (troubles du langage écrit).";
}

}  // namespace

std::string AnomalyMessage(const std::string& code) {
  static const std::map<std::string, std::string> m = {
      {"LOT_BORDEREAU_MISSING", "Le lot ne contient pas de bordereau récapitulatif."},
      {"LOT_HEADER_INCOMPLETE", "L'en-tête du bordereau est incomplet."},
      {"LOT_LINE_INCOMPLETE", "Une ligne du bordereau est incomplète."},
      {"LOT_NIR_INVALID", "Le numéro d'immatriculation de l'assuré est invalide (clé incorrecte)."},
      {"LOT_ORDER", "Les factures ne sont pas classées par numéro croissant."},
      {"LOT_PIECES_ORDER", "Les pièces ne sont pas classées dans l'ordre du bordereau."},
      {"LOT_FEUILLE_MISSING", "La feuille de soins d'une ligne du bordereau est absente."},
      {"LOT_LINE_MISSING", "Une feuille de soins ne figure pas sur le bordereau."},
      {"LOT_AMOUNT_MISMATCH", "Le montant du bordereau diffère de celui de la feuille de soins."},
      {"LOT_AMO_AMC_INCONSISTENT", "Les parts AMO et AMC ne font pas le total de la facture."},
      {"FDS_INCOMPLETE", "La feuille de soins est incomplète."},
      {"FDS_PRATICIEN_SIGNATURE_MISSING", "La feuille de soins n'est pas signée par l'auxiliaire médical."},
      {"FDS_PATIENT_SIGNATURE_MISSING",
       "La feuille de soins n'est pas signée par la personne soignée et « impossibilité de signer » n'est pas cochée."},
      {"FDS_RATUREE", "La feuille de soins est raturée ou surchargée."},
      {"PRESCRIPTION_MISSING", "La prescription médicale est absente lors de la première transmission."},
      {"PRESCRIPTION_RATUREE", "La prescription est raturée ou surchargée."},
      {"DATES_INCONSISTENT", "Les dates sont incohérentes (soins avant la prescription ou après le lot)."}};
  auto it = m.find(code);
  return it == m.end() ? code : it->second;
}

LotBuild BuildLot(Context& ctx, const std::vector<std::string>& defects_in) {
  Rng& rng = ctx.rng;
  std::vector<std::string> defects = defects_in;
  if (Has(defects, "LOT_BORDEREAU_MISSING")) {
    // Without a bordereau, defects of its header and lines cannot exist.
    std::erase_if(defects, [](const std::string& d) {
      return d == "LOT_HEADER_INCOMPLETE" || d == "LOT_LINE_INCOMPLETE" || d == "LOT_NIR_INVALID" || d == "LOT_ORDER" ||
             d == "LOT_PIECES_ORDER" || d == "LOT_FEUILLE_MISSING" || d == "LOT_LINE_MISSING" ||
             d == "LOT_AMOUNT_MISMATCH" || d == "LOT_AMO_AMC_INCONSISTENT";
    });
  }
  // Only the layout families draw a crossed-out feuille.
  if (!HasNewFamily(ctx, "feuille_de_soins")) std::erase(defects, "FDS_RATUREE");
  static const std::vector<std::string> professions = {"infirmier", "infirmier", "kine", "orthophoniste"};
  const std::string profession = rng.Pick(professions);
  const Professional pro = MakeProfessional(ctx, profession);
  if (ctx.partenaires != nullptr) ctx.partenaires->push_back(pro);

  // Invoice-level defects each take their own invoice (n is large enough).
  static const std::set<std::string> kInvoiceLevel = {
      "LOT_LINE_INCOMPLETE", "LOT_NIR_INVALID", "LOT_FEUILLE_MISSING", "LOT_LINE_MISSING", "LOT_AMOUNT_MISMATCH",
      "LOT_AMO_AMC_INCONSISTENT", "FDS_INCOMPLETE", "FDS_PRATICIEN_SIGNATURE_MISSING", "FDS_PATIENT_SIGNATURE_MISSING",
      "FDS_RATUREE", "PRESCRIPTION_MISSING", "PRESCRIPTION_RATUREE", "DATES_INCONSISTENT"};
  int invoice_defects = 0;
  for (const auto& d : defects) invoice_defects += kInvoiceLevel.count(d) ? 1 : 0;
  const int n = std::max(rng.Int(2, 5), invoice_defects + 1);
  std::vector<int> victims_pool;
  for (int i = 0; i < n; ++i) victims_pool.push_back(i);
  rng.Shuffle(victims_pool);
  std::map<std::string, int> victim;  // defect -> invoice index
  size_t next_victim = 0;
  for (const auto& d : defects) {
    if (kInvoiceLevel.count(d)) victim[d] = victims_pool[next_victim++];
  }
  Bordereau b;
  b.numero = fmt::format("{:03}", rng.Int(1, 999));
  b.date = ctx.today;
  b.partenaire = pro;
  static const std::vector<std::pair<std::string, std::string>> caisses = {
      {"971", "CGSS de la Guadeloupe"}, {"751", "CPAM de Paris"}, {"691", "CPAM du Rhône"}, {"131", "CPAM des Bouches-du-Rhône"}};
  const auto& caisse = rng.Pick(caisses);
  b.organisme = Has(defects, "LOT_HEADER_INCOMPLETE") ? "" : caisse.first;
  b.organisme_nom = caisse.second;

  std::vector<Invoice> invoices(static_cast<size_t>(n));
  int64_t numero = rng.Int(int64_t{100000000}, int64_t{899999999});
  for (int i = 0; i < n; ++i) {
    Invoice& inv = invoices[static_cast<size_t>(i)];
    numero += rng.Int(1, 40);
    inv.numero = std::to_string(numero);
    inv.assure = MakePerson(ctx, 25, 90, true);
    inv.beneficiaire_is_assure = rng.Chance(0.75);
    inv.beneficiaire = inv.beneficiaire_is_assure ? inv.assure : MakePerson(ctx, 2, 90, false);
    if (!inv.beneficiaire_is_assure) inv.beneficiaire.nom = inv.assure.nom;
    inv.prescripteur = MakeProfessional(ctx, "medecin");
    Date d = ctx.today.AddDays(-rng.Int(20, 60));
    inv.prescription_date = d.AddDays(-rng.Int(0, 12));
    inv.prescription_text = OrderText(rng, profession);
    const int acts = rng.Int(1, 6);
    const bool travel = profession == "infirmier" && rng.Chance(0.7);
    const bool ik = travel && rng.Chance(0.5);
    std::string main_code = "AMI";
    if (profession == "infirmier") main_code = rng.Chance(0.7) ? "AMI" : "AIS";
    else if (profession == "kine") main_code = rng.Chance(0.8) ? "AMK" : "AMS";
    else main_code = "AMO";
    const std::string coef = rng.Pick(ctx.data.ngap.at(main_code).coefficients);
    const std::string km = rng.Pick(ctx.data.ngap.at("IK").coefficients);
    for (int a = 0; a < acts && d < ctx.today; ++a) {
      inv.acts.push_back(MakeAct(ctx.data, main_code, coef, d));
      if (travel) inv.acts.push_back(MakeAct(ctx.data, "IFD", "1", d));
      if (ik) inv.acts.push_back(MakeAct(ctx.data, "IK", km, d));
      d = d.AddDays(rng.Int(1, 4));
    }
    for (const auto& a : inv.acts) inv.total += a.montant;
    inv.printed_nir = inv.assure.nir;
    if (rng.Chance(0.12)) {  // a patient who cannot sign: legitimate when the box is ticked
      inv.signature_patient = false;
      inv.impossibilite_signer = true;
    }
  }
  auto victim_of = [&](const std::string& d) -> Invoice* {
    auto it = victim.find(d);
    return it == victim.end() ? nullptr : &invoices[static_cast<size_t>(it->second)];
  };
  if (auto* v = victim_of("LOT_NIR_INVALID")) v->printed_nir = CorruptNirKey(v->assure.nir);
  if (auto* v = victim_of("FDS_INCOMPLETE")) v->nir_blank = true;
  if (auto* v = victim_of("FDS_PRATICIEN_SIGNATURE_MISSING")) v->signature_praticien = false;
  if (auto* v = victim_of("FDS_PATIENT_SIGNATURE_MISSING")) {
    v->signature_patient = false;
    v->impossibilite_signer = false;
  }
  if (auto* v = victim_of("PRESCRIPTION_RATUREE")) v->prescription_raturee = true;
  if (auto* v = victim_of("FDS_RATUREE")) v->feuille_raturee = true;
  if (auto* v = victim_of("DATES_INCONSISTENT")) v->prescription_date = v->acts.front().date.AddDays(rng.Int(3, 10));

  // Bordereau lines in invoice order (ascending), then the order defects.
  std::vector<int> line_order, piece_order;
  for (int i = 0; i < n; ++i) {
    if (victim.count("LOT_LINE_MISSING") && victim["LOT_LINE_MISSING"] == i) continue;
    line_order.push_back(i);
  }
  if (Has(defects, "LOT_ORDER") && line_order.size() >= 2) {
    const size_t k = static_cast<size_t>(rng.Int(0, static_cast<int>(line_order.size()) - 2));
    std::swap(line_order[k], line_order[k + 1]);
  }
  for (int i : line_order) piece_order.push_back(i);
  if (victim.count("LOT_LINE_MISSING")) {  // the feuille without a line sits among the others
    const int v = victim["LOT_LINE_MISSING"];
    piece_order.insert(piece_order.begin() + std::min<int>(v, static_cast<int>(piece_order.size())), v);
  }
  if (victim.count("LOT_FEUILLE_MISSING")) std::erase(piece_order, victim["LOT_FEUILLE_MISSING"]);
  if (Has(defects, "LOT_PIECES_ORDER")) {
    // Swap two pieces that both have a bordereau line.
    std::vector<size_t> on_line;
    for (size_t k = 0; k < piece_order.size(); ++k) {
      if (std::find(line_order.begin(), line_order.end(), piece_order[k]) != line_order.end()) on_line.push_back(k);
    }
    if (on_line.size() >= 2) {
      const size_t k = static_cast<size_t>(rng.Int(0, static_cast<int>(on_line.size()) - 2));
      std::swap(piece_order[on_line[k]], piece_order[on_line[k + 1]]);
    }
  }
  for (int i : line_order) {
    const Invoice& inv = invoices[static_cast<size_t>(i)];
    BordereauLine l;
    l.numero = inv.numero;
    l.nir = inv.printed_nir;
    l.nom = inv.assure.nom;
    l.prenom = inv.assure.prenom;
    l.date_naissance = inv.beneficiaire.naissance;
    l.total = inv.total;
    if (victim_of("LOT_AMOUNT_MISMATCH") == &inv) l.total = inv.total + Money::FromCents(rng.Int(1, 40) * 50);
    if (victim_of("LOT_LINE_INCOMPLETE") == &inv) l.date_naissance.reset();
    l.amo = l.total.MulDiv(60, 100, Rounding::kHalfUp);
    l.amc = l.total - l.amo;
    if (victim_of("LOT_AMO_AMC_INCONSISTENT") == &inv) l.amc += Money::FromCents(rng.Int(1, 20) * 10);
    b.lines.push_back(l);
  }

  LotBuild out;
  int bordereau_doc = -1;
  if (!Has(defects, "LOT_BORDEREAU_MISSING")) {
    out.docs.push_back(DrawBordereau(ctx, b));
    bordereau_doc = 0;
  }
  std::map<int, int> feuille_doc, prescription_doc;
  for (int i : piece_order) {
    const Invoice& inv = invoices[static_cast<size_t>(i)];
    feuille_doc[i] = static_cast<int>(out.docs.size());
    out.docs.push_back(DrawFeuilleDeSoins(ctx, pro, inv));
    if (victim_of("PRESCRIPTION_MISSING") != &inv) {
      prescription_doc[i] = static_cast<int>(out.docs.size());
      out.docs.push_back(DrawPrescription(ctx, inv.prescripteur, inv.beneficiaire, inv.prescription_date,
                                          inv.prescription_text, inv.prescription_raturee));
    }
    if (profession == "kine" && rng.Chance(0.2)) {
      out.docs.push_back(DrawEntentePrealable(ctx, pro, inv.beneficiaire, inv.prescription_date.AddDays(1),
                                              inv.prescription_text));
    }
  }

  Json anomalies = Json::array();
  std::set<std::string> rejected_invoices;
  auto line_of = [&](int i) {
    return static_cast<int>(std::find(line_order.begin(), line_order.end(), i) - line_order.begin());
  };
  auto add = [&](const std::string& code, int document, int line, const std::string& numero_facture) {
    Json a = {{"code", code}, {"document", document}};
    if (line >= 0) a["line"] = line;
    if (!numero_facture.empty()) {
      a["numero_facture"] = numero_facture;
      rejected_invoices.insert(numero_facture);
    }
    a["message"] = AnomalyMessage(code);
    anomalies.push_back(a);
  };
  bool lot_level = false;
  for (const auto& code : LotDefectCodes()) {
    if (!Has(defects, code)) continue;
    if (code == "LOT_BORDEREAU_MISSING") { add(code, 0, -1, ""); lot_level = true; continue; }
    if (code == "LOT_HEADER_INCOMPLETE") { add(code, bordereau_doc, -1, ""); lot_level = true; continue; }
    if (code == "LOT_ORDER") {
      for (size_t k = 1; k < line_order.size(); ++k) {
        if (invoices[static_cast<size_t>(line_order[k])].numero < invoices[static_cast<size_t>(line_order[k - 1])].numero) {
          add(code, bordereau_doc, static_cast<int>(k), "");
          lot_level = true;  // only when the disorder shows: one line left cannot be out of order
          break;
        }
      }
      continue;
    }
    if (code == "LOT_PIECES_ORDER") {
      // The first feuille that is not where the bordereau order puts it.
      std::vector<int> expected;
      for (int i : line_order) {
        if (feuille_doc.count(i)) expected.push_back(i);
      }
      std::vector<int> actual;
      for (int i : piece_order) {
        if (std::find(line_order.begin(), line_order.end(), i) != line_order.end()) actual.push_back(i);
      }
      for (size_t k = 0; k < actual.size(); ++k) {
        if (actual[k] != expected[k]) {
          add(code, feuille_doc[actual[k]], -1, "");
          lot_level = true;
          break;
        }
      }
      continue;
    }
    const int i = victim[code];
    const Invoice& inv = invoices[static_cast<size_t>(i)];
    if (code == "LOT_LINE_INCOMPLETE" || code == "LOT_NIR_INVALID" || code == "LOT_AMO_AMC_INCONSISTENT" ||
        code == "LOT_FEUILLE_MISSING") {
      add(code, bordereau_doc, line_of(i), inv.numero);
    } else if (code == "LOT_AMOUNT_MISMATCH") {
      add(code, feuille_doc[i], line_of(i), inv.numero);
    } else if (code == "PRESCRIPTION_RATUREE") {
      add(code, prescription_doc[i], -1, inv.numero);
    } else {
      add(code, feuille_doc[i], -1, inv.numero);
    }
  }
  std::string verdict = "accepted";
  if (lot_level || static_cast<int>(rejected_invoices.size()) >= n) verdict = "rejected";
  else if (!rejected_invoices.empty()) verdict = "partial";
  out.lot = {{"numero", b.numero}, {"verdict", verdict}, {"anomalies", anomalies},
             {"factures_rejetees", Json(std::vector<std::string>(rejected_invoices.begin(), rejected_invoices.end()))}};
  if (verdict != "accepted") out.letters.push_back({{"kind", "anomalies_lot"}, {"to", pro.prenom + " " + pro.nom}});
  return out;
}

}  // namespace liasse::synth
