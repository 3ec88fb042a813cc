#include "model.h"

#include <fmt/format.h>

#include "liasse/core/identifiers.h"

namespace liasse::synth {

std::string Professional::Titre() const {
  if (profession == "medecin") return "Dr " + prenom + " " + nom;
  return prenom + " " + nom;
}

std::string Coefficient(const std::string& printed) {
  std::string s = printed;
  for (char& c : s) {
    if (c == ',') c = '.';
  }
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  return s;
}

std::string Amount(Money m) { return m.ToDecimal(); }

std::string FrenchAmount(Money m) {
  std::string s = m.ToDecimal();
  for (char& c : s) {
    if (c == '.') c = ',';
  }
  return s;
}

std::string Upper(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xC3 && i + 1 < s.size()) {
      const auto d = static_cast<unsigned char>(s[i + 1]);
      // é è ê ë à â ç ô î ï ù û -> upper-case UTF-8 (subtract 0x20 from the second byte)
      if (d >= 0xA0 && d <= 0xBE) {
        out += static_cast<char>(0xC3);
        out += static_cast<char>(d - 0x20);
        ++i;
        continue;
      }
    }
    out += static_cast<char>(std::toupper(c));
  }
  return out;
}

std::string AsciiFold(const std::string& s) {
  static const std::vector<std::pair<std::string, std::string>> folds = {
      {"é", "e"}, {"è", "e"}, {"ê", "e"}, {"ë", "e"}, {"É", "E"}, {"È", "E"}, {"à", "a"}, {"â", "a"},
      {"ç", "c"}, {"ô", "o"}, {"î", "i"}, {"ï", "i"}, {"ù", "u"}, {"û", "u"}, {"œ", "oe"}, {"Œ", "OE"}};
  std::string out = s;
  for (const auto& [from, to] : folds) {
    for (size_t pos = out.find(from); pos != std::string::npos; pos = out.find(from, pos + to.size())) {
      out.replace(pos, from.size(), to);
    }
  }
  return out;
}

std::string DigitsOnly(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch >= '0' && ch <= '9') out += ch;
  }
  return out;
}

Date RandomDate(Rng& rng, Date from, Date to) {
  return from.AddDays(rng.Int(int64_t{0}, std::max<int64_t>(0, from.DaysUntil(to))));
}

std::string MakeNir(Rng& rng, int sexe, Date naissance, const Commune& c) {
  std::string ordre = rng.Digits(3);
  if (ordre == "000") ordre = "001";  // INSEE order numbers run 001–999; 000 is no valid NIR
  std::string first = fmt::format("{}{:02}{:02}{}{}{}", sexe, naissance.year() % 100, naissance.month(),
                                  c.departement, c.insee, ordre);
  if (first.size() != 13) first = first.substr(0, 13);
  const int key = Nir::ComputeKey(first);
  return first + fmt::format("{:02}", key);
}

std::string CorruptNirKey(const std::string& nir) {
  const int key = std::stoi(nir.substr(13, 2));
  return nir.substr(0, 13) + fmt::format("{:02}", key == 97 ? 1 : key + 1);
}

std::string MakeIban(Rng& rng) {
  // Bank(5) + branch(5) + account(11) + RIB key(2), the RIB key being
  // 97 − ((89·bank + 15·branch + 3·account) mod 97); with a valid RIB key the
  // IBAN key 98 − (BBAN + "FR00" as digits mod 97) is always 76.
  const std::string bank = rng.Digits(5), branch = rng.Digits(5), account = rng.Digits(11);
  const int64_t rib = 97 - (89 * std::stoll(bank) + 15 * std::stoll(branch) + 3 * (std::stoll(account) % 97)) % 97;
  const std::string bban = bank + branch + account + fmt::format("{:02}", rib);
  const std::string rearranged = bban + "152700";  // F=15 R=27 00
  int mod = 0;
  for (char ch : rearranged) mod = (mod * 10 + (ch - '0')) % 97;
  return fmt::format("FR{:02}{}", 98 - mod, bban);
}

Font Serif(double size, bool bold) { return Font{"DejaVu Serif", size, bold, false}; }
Font Sans(double size, bool bold) { return Font{"Liberation Sans", size, bold, false}; }
Font Mono(double size, bool bold) { return Font{"Liberation Mono", size, bold, false}; }

Font PickFont(Rng& rng, double size, bool bold) {
  static const std::vector<std::string> families = {"DejaVu Sans", "DejaVu Serif", "Liberation Sans",
                                                    "Liberation Serif", "FreeSans", "FreeSerif",
                                                    "DejaVu Sans Condensed"};
  return Font{rng.Pick(families), size, bold, false};
}

Font Hand(Rng& rng, double size) {
  static const std::vector<std::string> families = {"FreeSerif", "DejaVu Serif", "Liberation Serif"};
  return Font{rng.Pick(families), size, false, true};
}

Person MakePerson(Context& ctx, int min_age, int max_age, bool member) {
  Rng& rng = ctx.rng;
  Person p;
  p.sexe = rng.Int(1, 2);
  p.nom = rng.Pick(ctx.data.noms);
  p.prenom = rng.Pick(p.sexe == 1 ? ctx.data.prenoms_m : ctx.data.prenoms_f);
  const Date lo = ctx.today.AddMonths(-12 * max_age);
  const Date hi = ctx.today.AddMonths(-12 * min_age);
  p.naissance = RandomDate(rng, lo, hi);
  const Commune& birth = rng.Pick(ctx.data.communes);
  p.nir = MakeNir(rng, p.sexe, p.naissance, birth);
  p.adresse.ligne = fmt::format("{} {} {}", rng.Int(1, 120), rng.Pick(ctx.data.voies), rng.Pick(ctx.data.noms_voies));
  p.adresse.commune = rng.Pick(ctx.data.communes);
  std::string mail_name;
  for (char c : AsciiFold(p.prenom + "." + p.nom)) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && c != ' ' && c != '\'') mail_name += static_cast<char>(std::tolower(u));
  }
  static const std::vector<std::string> domains = {"orange.fr", "gmail.com", "wanadoo.fr", "free.fr", "laposte.net"};
  p.email = mail_name + (rng.Chance(0.4) ? std::to_string(rng.Int(1, 99)) : "") + "@" + rng.Pick(domains);
  p.telephone = fmt::format("0{} {} {} {} {}", rng.Chance(0.6) ? 6 : rng.Int(1, 5), rng.Digits(2), rng.Digits(2),
                            rng.Digits(2), rng.Digits(2));
  p.numero_adherent = "A" + rng.Digits(8);
  p.niveau = fmt::format("PASS{}", rng.Int(1, 5));
  p.iban = MakeIban(rng);
  p.entreprise = rng.Pick(ctx.data.entreprises);
  p.date_adhesion = RandomDate(rng, ctx.today.AddMonths(-96), ctx.today.AddMonths(-2));
  if (member && ctx.members) ctx.members->push_back(p);
  return p;
}

Professional MakeProfessional(Context& ctx, const std::string& profession) {
  Rng& rng = ctx.rng;
  Professional p;
  const bool f = rng.Chance(0.55);
  p.nom = rng.Pick(ctx.data.noms);
  p.prenom = rng.Pick(f ? ctx.data.prenoms_f : ctx.data.prenoms_m);
  p.profession = profession;
  int cat = 1;
  if (profession == "infirmier") cat = 6;
  else if (profession == "kine") cat = 7;
  else if (profession == "orthophoniste" || profession == "orthoptiste") cat = 9;
  else if (profession == "pedicure") cat = 8;
  else if (profession == "dentiste") cat = 4;
  else if (profession == "opticien") cat = 2;
  else if (profession == "etablissement") cat = 0;
  p.adresse.commune = rng.Pick(ctx.data.communes);
  p.adresse.ligne = fmt::format("{} {} {}", rng.Int(1, 80), rng.Pick(ctx.data.voies), rng.Pick(ctx.data.noms_voies));
  std::string dept = p.adresse.commune.departement;
  if (dept == "2A" || dept == "2B") dept = "20";
  const std::string first8 = dept.substr(0, 2) + std::to_string(cat) + rng.Digits(5);
  p.numero_am = first8 + std::to_string(NumeroAm::ComputeKey(first8));
  p.rpps = "10" + rng.Digits(9);
  p.telephone = fmt::format("0{} {} {} {} {}", rng.Int(1, 5), rng.Digits(2), rng.Digits(2), rng.Digits(2), rng.Digits(2));
  return p;
}

}  // namespace liasse::synth
