#include "claim_json.h"

#include "liasse/pricing/claim_json.h"

#include <fmt/format.h>
#include <string>

namespace liasse::cli {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

Status Bad(const std::string& path, std::string_view why) {
  return Status::InvalidArgument(fmt::format("{}: {}", path, why));
}

// Optional string member; nullptr when absent or null.
const json* Member(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return nullptr;
  return &*it;
}

Status ReadMoney(const json& j, const char* key, const std::string& path, Money* out, bool required) {
  const json* v = Member(j, key);
  if (v == nullptr) return required ? Bad(path + "." + key, "montant requis") : Status::Ok();
  Result<Money> m = v->is_string() ? Money::ParseDecimal(v->get<std::string>())
                                   : (v->is_number_integer() ? Result<Money>(Money::Euros(v->get<int64_t>()))
                                                             : Result<Money>(Status::InvalidArgument("")));
  if (!m.ok()) return Bad(path + "." + key, "montant décimal attendu, ex. \"17.00\"");
  *out = *m;
  return Status::Ok();
}

Status ReadDate(const json& j, const char* key, const std::string& path, Date* out, bool required) {
  const json* v = Member(j, key);
  if (v == nullptr) return required ? Bad(path + "." + key, "date requise") : Status::Ok();
  if (!v->is_string()) return Bad(path + "." + key, "date ISO attendue");
  auto d = Date::Parse(v->get<std::string>());
  if (!d.ok()) return Bad(path + "." + key, d.status().message());
  *out = *d;
  return Status::Ok();
}

// "-2.25" → -225 (hundredths), also for coefficients "7.5" → 750.
Status ReadHundredths(const json& j, const char* key, const std::string& path, int64_t* out) {
  const json* v = Member(j, key);
  if (v == nullptr) return Status::Ok();
  if (v->is_number_integer()) {
    *out = v->get<int64_t>() * 100;
    return Status::Ok();
  }
  if (!v->is_string()) return Bad(path + "." + key, "nombre décimal attendu");
  auto m = Money::ParseDecimal(v->get<std::string>());
  if (!m.ok()) return Bad(path + "." + key, "nombre décimal attendu");
  *out = m->cents();
  return Status::Ok();
}

bool Flag(const json& flags, const char* key, bool fallback) {
  const json* v = Member(flags, key);
  return v != nullptr && v->is_boolean() ? v->get<bool>() : fallback;
}

std::string Str(const json& j, const char* key) {
  const json* v = Member(j, key);
  return v != nullptr && v->is_string() ? v->get<std::string>() : std::string();
}

Status ReadVerre(const json& j, const std::string& path, Verre* v) {
  int64_t sphere = 0, cylindre = 0, addition = 0;
  LIASSE_RETURN_IF_ERROR(ReadHundredths(j, "sphere", path, &sphere));
  LIASSE_RETURN_IF_ERROR(ReadHundredths(j, "cylindre", path, &cylindre));
  LIASSE_RETURN_IF_ERROR(ReadHundredths(j, "addition", path, &addition));
  v->sphere = static_cast<int>(sphere);
  v->cylindre = static_cast<int>(cylindre);
  v->addition = static_cast<int>(addition);
  v->multifocal = Flag(j, "multifocal", addition > 0);
  const std::string classe = Str(j, "classe");
  if (classe == "simple") v->classe = ClasseVerre::kSimple;
  else if (classe == "complexe") v->classe = ClasseVerre::kComplexe;
  else if (classe == "tres_complexe") v->classe = ClasseVerre::kTresComplexe;
  else if (!classe.empty()) return Bad(path + ".classe", "simple, complexe ou tres_complexe");
  return Status::Ok();
}

Status ReadLine(const json& j, const std::string& path, ClaimLine* l) {
  if (!j.is_object()) return Bad(path, "objet attendu");
  LIASSE_RETURN_IF_ERROR(ReadDate(j, "date", path, &l->date, true));
  l->code = Str(j, "code");
  if (l->code.empty()) return Bad(path + ".code", "code requis");
  l->libelle = Str(j, "libelle");
  l->poste = Str(j, "poste");
  l->professionnel = Str(j, "professionnel");
  l->oreille = Str(j, "oreille");
  LIASSE_RETURN_IF_ERROR(ReadHundredths(j, "coefficient", path, &l->coefficient_centiemes));
  if (const json* q = Member(j, "quantite")) {
    if (!q->is_number_integer() || q->get<int64_t>() < 1) return Bad(path + ".quantite", "entier >= 1 attendu");
    l->quantite = q->get<int64_t>();
  }
  LIASSE_RETURN_IF_ERROR(ReadMoney(j, "frais_reels", path, &l->frais_reels, true));
  if (Member(j, "base") != nullptr) {
    Money b = Money::Zero();
    LIASSE_RETURN_IF_ERROR(ReadMoney(j, "base", path, &b, true));
    l->base_ligne = b;
  }
  if (const json* f = Member(j, "flags")) {
    LineFlags& fl = l->flags;
    fl.dptm = Flag(*f, "dptm", fl.dptm);
    fl.parcours_de_soins = Flag(*f, "parcours_de_soins", fl.parcours_de_soins);
    fl.conventionne = Flag(*f, "conventionne", fl.conventionne);
    fl.cent_pour_cent_sante = Flag(*f, "cent_pour_cent_sante", fl.cent_pour_cent_sante);
    fl.ald = Flag(*f, "ald", fl.ald);
    fl.maternite = Flag(*f, "maternite", fl.maternite);
    fl.c2s = Flag(*f, "c2s", fl.c2s);
    fl.ame = Flag(*f, "ame", fl.ame);
    fl.etranger = Flag(*f, "etranger", fl.etranger);
    fl.pris_en_charge_ro_etranger = Flag(*f, "pris_en_charge_ro_etranger", fl.pris_en_charge_ro_etranger);
    fl.medico_social = Flag(*f, "medico_social", fl.medico_social);
    fl.psychiatrie = Flag(*f, "psychiatrie", fl.psychiatrie);
    fl.accouchement_voie_basse = Flag(*f, "accouchement_voie_basse", fl.accouchement_voie_basse);
    fl.hospitalisation = Flag(*f, "hospitalisation", fl.hospitalisation);
  }
  if (const json* ro = Member(j, "ro")) {
    RoConnu r;
    const std::string rp = path + ".ro";
    if (Member(*ro, "base") != nullptr) {
      Money b = Money::Zero();
      LIASSE_RETURN_IF_ERROR(ReadMoney(*ro, "base", rp, &b, true));
      r.base = b;
    }
    if (const json* t = Member(*ro, "taux")) {
      int64_t bp = 0;
      std::string s = t->is_string() ? t->get<std::string>() : "";
      if (!s.empty() && s.back() == '%') s.pop_back();
      auto m = Money::ParseDecimal(s);
      if (!m.ok()) return Bad(rp + ".taux", "taux attendu, ex. \"70%\"");
      bp = m->cents();
      r.taux = Rate::BasisPoints(bp);
    }
    LIASSE_RETURN_IF_ERROR(ReadMoney(*ro, "rembourse", rp, &r.rembourse, true));
    if (Member(*ro, "retenues") != nullptr) {
      Money m = Money::Zero();
      LIASSE_RETURN_IF_ERROR(ReadMoney(*ro, "retenues", rp, &m, true));
      r.retenues = m;
    }
    l->ro = r;
  }
  if (const json* o = Member(j, "optique")) {
    Optique opt;
    const std::string op = path + ".optique";
    if (const json* d = Member(*o, "droit")) {
      LIASSE_RETURN_IF_ERROR(ReadVerre(*d, op + ".droit", &opt.droit));
    }
    if (const json* g = Member(*o, "gauche")) {
      LIASSE_RETURN_IF_ERROR(ReadVerre(*g, op + ".gauche", &opt.gauche));
    }
    LIASSE_RETURN_IF_ERROR(ReadMoney(*o, "monture", op, &opt.monture, false));
    opt.verres_100_sante = Flag(*o, "verres_100_sante", false);
    opt.monture_100_sante = Flag(*o, "monture_100_sante", false);
    opt.evolution_vue = Flag(*o, "evolution_vue", false);
    opt.situation_medicale = Flag(*o, "situation_medicale", false);
    l->optique = opt;
  }
  return Status::Ok();
}

// Contract, coverage dates and birth date: from the member file when it
// knows the member, else from the claim itself.
Status ReadCoverage(const json& j, const std::string& path, const MemberLookup& lookup, Claim* c) {
  std::optional<MemberCoverage> known;
  if (lookup && !c->member.empty()) {
    auto found = lookup(c->member);
    if (!found.ok()) return found.status().WithContext(path + ".member");
    known = *found;
  }
  if (known) {
    c->coverage.contrat = known->contrat;
    c->coverage.date_adhesion = known->date_adhesion;
    c->coverage.date_fin = known->date_fin;
    // The member file holds the adhérent's birth date; another beneficiary
    // (a child) keeps the one of the claim when given.
    c->date_naissance = known->date_naissance;
    if (c->beneficiaire != c->member) return ReadDate(j, "date_naissance", path, &c->date_naissance, false);
    return Status::Ok();
  }
  c->coverage.contrat = Str(j, "contrat");
  if (c->coverage.contrat.empty()) return Bad(path + ".contrat", "contrat requis (PASS1 … PASS5)");
  LIASSE_RETURN_IF_ERROR(ReadDate(j, "date_naissance", path, &c->date_naissance, true));
  LIASSE_RETURN_IF_ERROR(ReadDate(j, "date_adhesion", path, &c->coverage.date_adhesion, true));
  if (Member(j, "date_fin") != nullptr) {
    Date d = Date::FromSerial(0);
    LIASSE_RETURN_IF_ERROR(ReadDate(j, "date_fin", path, &d, true));
    c->coverage.date_fin = d;
  }
  return Status::Ok();
}

Result<Claim> ReadClaim(const json& j, const std::string& path, const MemberLookup& lookup) {
  if (!j.is_object()) return Bad(path, "objet attendu");
  Claim c;
  c.id = Str(j, "id");
  if (c.id.empty()) return Bad(path + ".id", "identifiant requis (clé d'idempotence)");
  c.member = Str(j, "member");
  if (c.member.empty()) c.member = Str(j, "numero_adherent");
  c.beneficiaire = Str(j, "beneficiaire");
  if (c.beneficiaire.empty()) c.beneficiaire = c.member;
  LIASSE_RETURN_IF_ERROR(ReadCoverage(j, path, lookup, &c));
  if (Member(j, "date_reception") != nullptr) {
    Date d = Date::FromSerial(0);
    LIASSE_RETURN_IF_ERROR(ReadDate(j, "date_reception", path, &d, true));
    c.date_reception = d;
  }
  const json* lines = Member(j, "lines");
  if (lines == nullptr || !lines->is_array()) return Bad(path + ".lines", "liste de lignes requise");
  for (size_t i = 0; i < lines->size(); ++i) {
    ClaimLine l;
    LIASSE_RETURN_IF_ERROR(ReadLine((*lines)[i], fmt::format("{}.lines[{}]", path, i), &l));
    c.lines.push_back(std::move(l));
  }
  return c;
}

}  // namespace

Result<std::vector<Claim>> ClaimsFromJson(const json& j, const MemberLookup& lookup) {
  std::vector<Claim> out;
  if (j.is_object() && j.contains("claims")) {
    const json& arr = j["claims"];
    if (!arr.is_array()) return Bad("claims", "liste attendue");
    for (size_t i = 0; i < arr.size(); ++i) {
      LIASSE_ASSIGN_OR_RETURN(auto c, ReadClaim(arr[i], fmt::format("claims[{}]", i), lookup));
      out.push_back(std::move(c));
    }
    return out;
  }
  LIASSE_ASSIGN_OR_RETURN(auto c, ReadClaim(j, "$", lookup));
  out.push_back(std::move(c));
  return out;
}

ordered_json PricedClaimToJson(const PricedClaim& claim) {
  return ordered_json::parse(pricing::PricedClaimToJson(claim));
}

}  // namespace liasse::cli
