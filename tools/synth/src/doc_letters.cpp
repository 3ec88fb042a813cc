// Members' letters: réclamation (items asked by seed 002) and renonciation
// (seed 004 §2.5 model), each with wording variations.
#include <fmt/format.h>

#include "documents.h"
#include "form.h"
#include "layout.h"

namespace liasse::synth {

namespace {

double SenderBlock(Canvas& c, const Person& m, const Font& f, bool with_contacts, const std::string& nir_line) {
  double y = 20;
  c.Text(18, y, m.prenom + " " + m.nom, f);
  y += 5.5;
  c.Text(18, y, m.adresse.ligne, f);
  y += 5.5;
  c.Text(18, y, m.adresse.commune.code_postal + " " + m.adresse.commune.nom, f);
  y += 5.5;
  if (with_contacts) {
    c.Text(18, y, "Tél. : " + m.telephone, f);
    y += 5.5;
    c.Text(18, y, m.email, f);
    y += 5.5;
  }
  if (!nir_line.empty()) {
    c.Text(18, y, nir_line, f);
    y += 5.5;
  }
  return y;
}

}  // namespace

GenDoc DrawReclamation(Context& ctx, const Person& m, Date date) {
  if (const int family = PickFamily(ctx, "reclamation"); family > 0) return DrawReclamationFamily(ctx, family, m, date);
  Rng& rng = ctx.rng;
  GenDoc d;
  d.type = "reclamation";
  d.pages.emplace_back(ctx.dpi);
  Canvas& c = d.pages.back();
  const int layout = rng.Int(0, 1);
  const bool handwritten = layout == 1 && rng.Chance(0.5);
  const Font f = handwritten ? Hand(rng, 12) : PickFont(rng, 10.5);
  double y = SenderBlock(c, m, f, true, "N° de sécurité sociale : " + SpacedNir(m.nir));
  double ry = std::max(y + 6, 60.0);
  for (const char* l : {"CENTRE DE PREVOYANCE MEDICO-SOCIAL", "Service réclamations", "5, rue Geoffroy Marie", "75009 PARIS"}) {
    c.Text(115, ry, l, f);
    ry += 5.5;
  }
  ry += 6;
  c.Text(115, ry, m.adresse.commune.nom + ", le " + date.ToFrenchLong(), f);
  y = ry + 14;
  static const std::vector<std::pair<std::string, std::string>> objets = {
      {"remboursement", "Réclamation concernant le remboursement de mes soins"},
      {"cotisation", "Réclamation - cotisation prélevée deux fois"},
      {"adhésion", "Réclamation relative à mon adhésion"},
      {"résiliation", "Réclamation - résiliation non prise en compte"}};
  const auto& [objet, objet_line] = objets[static_cast<size_t>(rng.Int(0, 3))];
  const Font bold = Font{f.family, f.size_pt, true, f.italic};
  LabelValue(c, 18, y, "Objet :", objet_line, bold, f);
  y += 6;
  LabelValue(c, 18, y, "Entreprise / souscripteur :", m.entreprise, f, f);
  y += 12;
  c.Text(18, y, rng.Chance(0.5) ? "Madame, Monsieur," : "Madame, Monsieur, ", f);
  y += 10;
  std::string body;
  if (objet == "remboursement") {
    body = fmt::format("Le {} j'ai adressé à vos services une facture de {} € pour des soins, accompagnée du décompte "
                       "de la Sécurité sociale. À ce jour, je n'ai reçu aucun remboursement malgré deux relances "
                       "téléphoniques. Je conteste ce retard et vous demande de procéder au règlement dans les "
                       "meilleurs délais.",
                       date.AddDays(-rng.Int(30, 90)).ToFrench(), FrenchAmount(Money::FromCents(rng.Int(40, 600) * 100)));
  } else if (objet == "cotisation") {
    body = fmt::format("Je constate sur mon relevé bancaire que la cotisation du mois de {} a été prélevée deux fois. "
                       "Je suis mécontent(e) de cette erreur et vous demande le remboursement du prélèvement en trop.",
                       date.AddMonths(-1).ToFrenchLong().substr(date.AddMonths(-1).ToFrenchLong().find(' ') + 1));
  } else if (objet == "adhésion") {
    body = "Malgré l'envoi de mon bulletin d'adhésion complet, je n'ai toujours pas reçu ma carte de tiers payant. "
           "Je ne peux pas présenter de justificatif à mon pharmacien et je dois avancer les frais, ce qui n'est pas acceptable.";
  } else {
    body = fmt::format("J'ai demandé la résiliation de mon contrat par lettre recommandée du {}. Les cotisations "
                       "continuent pourtant d'être prélevées. Je vous demande de cesser ces prélèvements et de me "
                       "rembourser les sommes indûment perçues.",
                       date.AddDays(-rng.Int(40, 120)).ToFrench());
  }
  y = c.Paragraph(18, y, 172, body, f, 1.5);
  y += 4;
  y = c.Paragraph(18, y, 172, "Vous trouverez ci-joint les pièces justificatives. Je vous prie d'agréer, Madame, Monsieur, "
                              "l'expression de mes salutations distinguées.", f, 1.5);
  c.Text(120, y + 10, m.prenom + " " + m.nom, f);
  c.Signature(rng, 122, y + 14, 50, 16);
  d.Set("nom", m.nom);
  d.Set("prenom", m.prenom);
  d.Set("nir", m.nir);
  d.Set("adresse", m.adresse.OneLine());
  d.Set("email", m.email);
  d.Set("telephone", DigitsOnly(m.telephone));
  d.Set("entreprise", m.entreprise);
  d.Set("objet", objet);
  d.Set("date", date.ToIso());
  return d;
}

GenDoc DrawRenonciation(Context& ctx, const Person& m, Date souscription, Date date) {
  if (const int family = PickFamily(ctx, "renonciation"); family > 0) {
    return DrawRenonciationFamily(ctx, family, m, souscription, date);
  }
  Rng& rng = ctx.rng;
  GenDoc d;
  d.type = "renonciation";
  d.pages.emplace_back(ctx.dpi);
  Canvas& c = d.pages.back();
  const int layout = rng.Int(0, 2);
  const Font f = layout == 2 ? Hand(rng, 12.5) : PickFont(rng, 11);
  double y = SenderBlock(c, m, f, layout == 0, "");
  double ry = std::max(y + 8, 55.0);
  for (const char* l : {"GFM", "Service commercial - Pôle individuel", "10, rue du 4 Septembre", "CS 11601", "75089 Paris cedex 2"}) {
    c.Text(112, ry, l, f);
    ry += 5.5;
  }
  y = ry + 8;
  c.Text(18, y, "Lettre recommandée avec accusé de réception", Font{f.family, f.size_pt - 1, true, f.italic});
  y += 7;
  LabelValue(c, 18, y, "Objet :", layout == 1 ? "Renonciation à mon adhésion" : "Exercice du droit de renonciation", f, f);
  y += 14;
  const std::string contrat = "CPMS Santé " + m.niveau + (rng.Chance(0.4) ? " option Confort" : "");
  std::string body;
  const std::string civ = m.sexe == 1 ? "Je soussigné" : "Je soussignée";
  if (layout == 0) {
    body = fmt::format("{} {} {}, demeurant à {}, vous informe que je renonce à mon adhésion au contrat {} que j'ai "
                       "souscrit le {}.", civ, m.nom, m.prenom, m.adresse.OneLine(), contrat, souscription.ToFrench());
  } else if (layout == 1) {
    body = fmt::format("Madame, Monsieur,\n{} {} {}, demeurant {}, vous informe par la présente que je renonce à "
                       "mon adhésion au contrat {}, souscrit le {}, conformément à l'article L.221-18 du code de la "
                       "mutualité. Je vous remercie de me rembourser les cotisations versées.",
                       civ, m.prenom, m.nom, m.adresse.OneLine(), contrat, souscription.ToFrench());
  } else {
    body = fmt::format("{} {} {} demeurant à {} vous informe que je renonce à mon adhésion au contrat {} que j'ai "
                       "souscrit le {}.", civ, m.nom, m.prenom, m.adresse.OneLine(), contrat, souscription.ToFrench());
  }
  y = c.Paragraph(18, y, 172, body, f, 1.6);
  y += 10;
  c.Text(18, y, "À " + m.adresse.commune.nom + ", le " + date.ToFrench(), f);
  y += 8;
  c.Text(18, y, "Signature", f);
  c.Signature(rng, 30, y + 3, 50, 16);
  d.Set("nom", m.nom);
  d.Set("prenom", m.prenom);
  d.Set("adresse", m.adresse.OneLine());
  d.Set("contrat", contrat);
  d.Set("date_souscription", souscription.ToIso());
  d.Set("date", date.ToIso());
  d.Set("lieu", m.adresse.commune.nom);
  return d;
}

}  // namespace liasse::synth
