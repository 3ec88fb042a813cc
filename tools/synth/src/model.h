// The people, professionals and documents a synthetic envelope is made of,
// and the helpers that put their truth in the result contract's shape
// (docs/results.md: normalised values).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "canvas.h"
#include "liasse/core/date.h"
#include "liasse/core/money.h"
#include "rng.h"
#include "synth_data.h"

namespace liasse::synth {

using Json = nlohmann::ordered_json;

struct Address {
  std::string ligne;  // "12 rue Pasteur"
  Commune commune;
  std::string OneLine() const { return ligne + ", " + commune.code_postal + " " + commune.nom; }
};

struct Person {
  std::string nom, prenom;
  int sexe = 1;
  Date naissance = Date::FromSerial(0);
  std::string nir;  // 15 characters
  Address adresse;
  std::string email, telephone;
  // Member fixture (samples/members.csv).
  std::string numero_adherent, niveau, iban, entreprise;
  Date date_adhesion = Date::FromSerial(0);
  // The e-mail members.csv holds when it is not `email` ("" : none on file;
  // a coupon_email brings the new one).
  std::optional<std::string> email_on_file;
};

struct Professional {
  std::string nom, prenom, profession;  // profession: infirmier, kine, orthophoniste, medecin, ...
  std::string numero_am;                // 9 characters with key
  std::string rpps;                     // 11 digits (prescripteurs)
  Address adresse;
  std::string telephone;
  std::string Titre() const;  // "Dr Jean MARTIN" / "Marie DURAND, infirmière"
};

// Where a drawn ink element sits (mm on the unrotated page): a check box, a
// signature zone. For tests; not written to the truth.
struct InkZone {
  std::string field;  // "impossibilite_signer", "signature.patient", ...
  int page = 0;
  double x = 0, y = 0, w = 0, h = 0;
};

// One document of an envelope: its truth and its rendered pages.
struct GenDoc {
  std::string type;
  int family = 0;  // layout family (families.toml); 0: the historical drawing
  std::vector<InkZone> zones;
  Json fields = Json::object();
  Json lines = Json::array();
  std::vector<Canvas> pages;
  void Set(const std::string& key, const std::string& value) { fields[key] = Json{{"value", value}}; }
  void SetBool(const std::string& key, bool value) { fields[key] = Json{{"value", value}}; }
};

// Everything an envelope generator needs.
struct Context {
  const SynthData& data;
  Rng& rng;
  int dpi;
  Date today;  // the envelope's reference date (fixed from the seed, never the clock)
  std::vector<Person>* members;  // every person named, for members.csv
  // Draws each document's layout family, on a stream of its own so that a
  // run restricted to family 0 draws what the generator drew before families.
  Rng* family_rng = nullptr;
  const std::vector<int>* families = nullptr;  // the families allowed; null: every one
  // Every professional who sends a lot, for partenaires.csv; may be null.
  std::vector<Professional>* partenaires = nullptr;
};

std::string Coefficient(const std::string& printed);  // "7.50" -> "7.5"
std::string Amount(Money m) ;                          // "17.00"
std::string FrenchAmount(Money m);                     // "17,00"
std::string Upper(const std::string& s);               // ASCII + common French accents
std::string AsciiFold(const std::string& s);           // "Gisèle" -> "Gisele"
Date RandomDate(Rng& rng, Date from, Date to);

Person MakePerson(Context& ctx, int min_age, int max_age, bool member);
Professional MakeProfessional(Context& ctx, const std::string& profession);
std::string MakeNir(Rng& rng, int sexe, Date naissance, const Commune& c);
std::string CorruptNirKey(const std::string& nir);
std::string MakeIban(Rng& rng);
Font PickFont(Rng& rng, double size, bool bold = false);
Font Serif(double size, bool bold = false);
Font Sans(double size, bool bold = false);
Font Mono(double size, bool bold = false);
// Handwriting stand-in: an italic font at a slightly darker, variable ink.
Font Hand(Rng& rng, double size);

}  // namespace liasse::synth
