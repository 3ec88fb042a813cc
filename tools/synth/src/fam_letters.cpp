// Members' letters in layout families 1…N (réclamation, renonciation; same
// truth fields as doc_letters.cpp) and the "décomptes par mail" coupon of
// seed 000 (document type coupon_email).
#include <fmt/format.h>

#include "documents.h"
#include "form.h"
#include "layout.h"
#include "pen.h"

namespace liasse::synth {

namespace {

// A stock phrase with its {placeholders} filled.
std::string Fill(const std::string& text, const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out = text;
  for (const auto& [key, value] : values) {
    const std::string tag = "{" + key + "}";
    for (size_t pos = out.find(tag); pos != std::string::npos; pos = out.find(tag, pos + value.size())) {
      out.replace(pos, tag.size(), value);
    }
  }
  return out;
}

struct Sender {
  bool with_phone = true, with_email = true, with_nir = true;
};

// The member's name and address (on several lines or one), then the lines
// asked for; left or right. Returns the y below.
double SenderBlock(Canvas& c, Rng& rng, const Look& look, const Font& f, const Person& m, const Sender& what, bool right,
                   double y) {
  auto line = [&](const std::string& text) {
    if (right) c.TextRight(192, y, text, f);
    else c.Text(18, y, text, f);
    y += f.size_pt * 0.55;
  };
  line(rng.Chance(0.5) ? m.prenom + " " + m.nom : Upper(m.nom) + " " + m.prenom);
  if (rng.Chance(0.3)) {
    line(m.adresse.OneLine());
  } else {
    line(m.adresse.ligne);
    line(m.adresse.commune.code_postal + " " + m.adresse.commune.nom);
  }
  if (what.with_phone) line(look.Label(rng, "tel") + " " + PhoneText(rng, m.telephone));
  if (what.with_email) {
    const std::string label = look.Word(rng, "email");
    line(rng.Chance(0.3) ? m.email : (look.style->upper_labels ? Upper(label) : label) + look.style->colon + " " + m.email);
  }
  if (what.with_nir) line(look.Label(rng, "nir") + " " + (rng.Chance(0.6) ? SpacedNir(m.nir) : m.nir));
  return y;
}

double Recipient(Canvas& c, const Font& f, const std::vector<std::string>& lines, bool right, double y) {
  for (const auto& l : lines) {
    if (right) c.Text(115, y, l, f);
    else c.Text(18, y, l, f);
    y += f.size_pt * 0.55;
  }
  return y;
}

// The font a letter is written in: by hand or typed in the family's value font.
Font LetterFont(const Look& look, double size) {
  if (look.hand_filled) return look.hand;
  Font f = look.value;
  f.size_pt = size;
  f.bold = false;
  return f;
}

std::string DateLine(Rng& rng, const Look& look, const std::string& lieu, Date date) {
  return Fill(look.Word(rng, "lieu_date"), {{"lieu", lieu}, {"date", rng.Chance(0.5) ? date.ToFrenchLong() : look.DateText(date)}});
}

}  // namespace

GenDoc DrawReclamationFamily(Context& ctx, int family, const Person& m, Date date) {
  Rng& rng = ctx.rng;
  GenDoc d = NewFamilyDoc(ctx, "reclamation", family);
  Canvas& c = d.pages.back();
  const Look look = MakeLook(ctx, family, d.type, true);
  const Font f = LetterFont(look, 10.5);
  const bool sender_right = rng.Chance(0.3);
  double y = SenderBlock(c, rng, look, f, m, Sender{}, sender_right, 20);
  bool entreprise_in_block = rng.Chance(0.4);
  if (entreprise_in_block) {
    const std::string l = look.Label(rng, "entreprise") + " " + m.entreprise;
    if (sender_right) c.TextRight(192, y, l, f);
    else c.Text(18, y, l, f);
    y += f.size_pt * 0.55;
  }
  double ry = Recipient(c, f, {"CPMS", "Service réclamations", "5, rue Geoffroy Marie", "75009 PARIS"}, !sender_right,
                        std::max(y + 6, 58.0));
  ry += 5;
  const std::string when = DateLine(rng, look, m.adresse.commune.nom, date);
  if (rng.Chance(0.7)) c.TextRight(192, ry, when, f);
  else c.Text(18, ry, when, f);
  y = ry + 12;
  static const std::vector<std::string> objets = {"remboursement", "cotisation", "adhésion", "résiliation"};
  const std::string& objet = objets[static_cast<size_t>(rng.Int(0, 3))];
  LabelValue(c, 18, y, look.Label(rng, "objet"), look.Word(rng, "objet." + objet), Font{f.family, f.size_pt, true, false}, f);
  y += 6;
  if (!entreprise_in_block) {
    LabelValue(c, 18, y, look.Label(rng, "entreprise"), m.entreprise, f, f);
    y += 6;
  }
  y += 6;
  c.Text(18, y, look.Word(rng, "salutation"), f);
  y += 9;
  const Date month = date.AddMonths(-1);
  const std::string mois = month.ToFrenchLong().substr(month.ToFrenchLong().find(' ') + 1);
  const std::string body = Fill(look.Word(rng, "corps." + objet),
                                {{"date_envoi", look.DateText(date.AddDays(-rng.Int(30, 90)))},
                                 {"montant", FrenchAmount(Money::FromCents(rng.Int(40, 600) * 100))},
                                 {"mois", mois}});
  y = c.Paragraph(18, y, 172, body, f, 1.5) + 3;
  y = c.Paragraph(18, y, 172, look.Word(rng, "pieces") + " " + look.Word(rng, "formule"), f, 1.5);
  c.Text(120, y + 10, m.prenom + " " + m.nom, f);
  SignatureInk(c, rng, look.signature, 122, y + 13, 50, 16, m.nom, look.hand_fonts);
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

GenDoc DrawRenonciationFamily(Context& ctx, int family, const Person& m, Date souscription, Date date) {
  Rng& rng = ctx.rng;
  GenDoc d = NewFamilyDoc(ctx, "renonciation", family);
  Canvas& c = d.pages.back();
  const Look look = MakeLook(ctx, family, d.type, true);
  const Font f = LetterFont(look, 11);
  const bool sender_right = rng.Chance(0.25);
  const Sender what{rng.Chance(0.5), rng.Chance(0.4), false};
  double y = SenderBlock(c, rng, look, f, m, what, sender_right, 20);
  double ry = Recipient(c, f, {"GFM", "Service commercial - Pôle individuel", "10, rue du 4 Septembre", "CS 11601",
                               "75089 Paris cedex 2"},
                        !sender_right, std::max(y + 8, 55.0));
  y = ry + 6;
  c.Text(18, y, look.Word(rng, "recommande"), Font{f.family, f.size_pt - 1, true, false});
  y += 7;
  LabelValue(c, 18, y, look.Label(rng, "objet"), look.Word(rng, "objet_ligne"), f, f);
  y += 12;
  const std::string niveau = m.niveau.substr(4);
  const bool confort = rng.Chance(0.4);
  const std::string contrat_printed =
      Fill(look.Word(rng, "contrat"), {{"niveau", niveau}, {"option", confort ? " option Confort" : ""}});
  const std::string civ = look.Word(rng, m.sexe == 1 ? "soussigne_m" : "soussigne_f");
  const std::string body = Fill(look.Word(rng, "corps"), {{"civ", civ},
                                                          {"nom", m.nom},
                                                          {"prenom", m.prenom},
                                                          {"adresse", m.adresse.OneLine()},
                                                          {"contrat", contrat_printed},
                                                          {"souscription", look.DateText(souscription)}});
  y = c.Paragraph(18, y, 172, body, f, 1.6) + 10;
  c.Text(18, y, DateLine(rng, look, m.adresse.commune.nom, date), f);
  y += 8;
  c.Text(18, y, look.Word(rng, "signature"), f);
  SignatureInk(c, rng, look.signature, 30, y + 3, 50, 16, m.nom, look.hand_fonts);
  d.Set("nom", m.nom);
  d.Set("prenom", m.prenom);
  d.Set("adresse", m.adresse.OneLine());
  d.Set("contrat", "CPMS Santé " + m.niveau + (confort ? " option Confort" : ""));
  d.Set("date_souscription", souscription.ToIso());
  d.Set("date", date.ToIso());
  d.Set("lieu", m.adresse.commune.nom);
  return d;
}

GenDoc DrawCouponEmail(Context& ctx, int family, const Person& m) {
  Rng& rng = ctx.rng;
  GenDoc d = NewFamilyDoc(ctx, "coupon_email", family);
  Canvas& c = d.pages.back();
  const Look look = MakeLook(ctx, family, d.type, true);
  // The coupon sits somewhere on a page of the guide it was cut from; the
  // guide's own text (with the mutuelle's address) may stand above or below.
  const double top = rng.Real(20, 120);
  const Font guide{look.label.family, 8.5, false, false};
  const bool guide_above = top > 60 && rng.Chance(0.6);
  if (guide_above) c.Paragraph(18, 22, 172, look.Word(rng, "guide"), guide);
  c.Text(16, top - 9.5, look.Word(rng, "decoupe"), look.small);
  c.Text(18, top + 2, look.Word(rng, "titre"), look.title);
  double y = c.Paragraph(18, top + 9, 170, look.Word(rng, "consigne"), guide) + 3;
  const bool split = rng.Chance(0.7);
  std::vector<std::vector<Field>> rows = {{{"societe", m.entreprise}}};
  if (split) rows.push_back({{"nom", m.nom}, {"prenom", m.prenom}});
  else rows.insert(rows.end(), {{{"nom", m.nom}}, {{"prenom", m.prenom}}});
  rows.push_back({{"nir", m.nir, 1, true, true}});
  rows.push_back({{"email", m.email}});
  y = DrawFields(c, rng, look, 18, y, 174, rows) + 6;
  c.DashedRect(12, top - 8, 186, y - top + 8);
  if (!guide_above && rng.Chance(0.6)) c.Paragraph(18, y + 12, 172, look.Word(rng, "guide"), guide);
  d.Set("societe", m.entreprise);
  d.Set("nom", m.nom);
  d.Set("prenom", m.prenom);
  d.Set("nir", m.nir);
  d.Set("email", m.email);
  return d;
}

}  // namespace liasse::synth
