// Layout families over whole corpora (label "slow"): determinism per family,
// truth that names every contract field a family draws, the coupon's member update.
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "family.h"
#include "liasse/synth/synth.h"
#include "synth_test_util.h"

namespace liasse::synth {
namespace {

using nlohmann::json;
using namespace testing;
namespace fs = std::filesystem;

std::string Squashed(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

TEST(SynthFamilies, EachFamilyAloneGivesByteIdenticalFilesForTheSameSeed) {
  std::map<int, std::string> first_text;
  for (int family = 1; family <= 4; ++family) {
    const auto a = FreshDir("a" + std::to_string(family)), b = FreshDir("b" + std::to_string(family));
    auto oa = Options(a, 21, 3, {"lot", "reclamation", "optique"});
    oa.families = {family};
    auto ob = oa;
    ob.out_dir = b;
    ob.jobs = 1;
    ASSERT_TRUE(Generate(oa).ok());
    ASSERT_TRUE(Generate(ob).ok());
    int compared = 0;
    for (const auto& e : fs::directory_iterator(a)) {
      EXPECT_EQ(ReadAll(e.path()), ReadAll(b / e.path().filename())) << "famille " << family << " " << e.path().filename();
      ++compared;
    }
    // Per envelope its scan, truth and metadata; then members.csv and
    // partenaires.csv.
    EXPECT_EQ(compared, 3 * 3 + 2);
    const json t = Truth(a, "env_0001_lot");
    for (const auto& d : t["documents"]) {
      EXPECT_EQ(d["family"], family) << d["type"];
    }
    first_text[family] = t["pages"][0]["text"];
  }
  // The same seed draws the same bordereau content in another look.
  for (int family = 2; family <= 4; ++family) EXPECT_NE(first_text[family], first_text[1]) << family;
}

// The contract fields (docs/results.md) each type carries in the truth.
const std::map<std::string, std::set<std::string>>& Catalogue() {
  static const std::map<std::string, std::set<std::string>> c = {
      {"bordereau", {"partenaire.identifiant", "partenaire.nom", "lot.numero", "lot.date", "organisme.destinataire",
                     "reglement.destinataire"}},
      {"feuille_de_soins", {"numero_facture", "assure.nom", "assure.prenom", "assure.nir", "beneficiaire.nom",
                            "beneficiaire.prenom", "beneficiaire.date_naissance", "praticien.identifiant", "praticien.nom",
                            "prescripteur.nom", "prescription.date", "montant_total", "signature.praticien",
                            "signature.patient", "impossibilite_signer", "raturee"}},
      {"prescription", {"prescripteur.nom", "prescripteur.identifiant", "date", "patient.nom", "patient.prenom", "raturee"}},
      {"facture", {"categorie", "numero_facture", "date", "emetteur.nom", "emetteur.identifiant", "beneficiaire.nom",
                   "beneficiaire.prenom", "numero_adherent", "montant_total", "acquittee"}},
      {"reclamation", {"nom", "prenom", "nir", "adresse", "email", "telephone", "entreprise", "objet", "date"}},
      {"renonciation", {"nom", "prenom", "adresse", "contrat", "date_souscription", "date", "lieu"}},
      {"coupon_email", {"societe", "nom", "prenom", "nir", "email"}}};
  return c;
}

// Values printed as they are stored: identifiers and numbers (compared without
// spaces or punctuation), names (compared without case or accents).
bool PrintedAsStored(const std::string& key) {
  const std::string last = key.substr(key.rfind('.') + 1);
  return last == "nom" || last == "prenom" || last == "nir" || last == "identifiant" || last == "numero" ||
         last == "numero_facture" || last == "numero_adherent" || last == "email" || last == "telephone" ||
         last == "societe" || last == "entreprise" || last == "lieu";
}

TEST(SynthFamilies, TruthNamesEveryContractFieldAFamilyDrawsAndThePageShowsIt) {
  const auto dir = FreshDir("truth");
  auto o = Options(dir, 33, 14, {"lot", "reclamation", "renonciation", "optique", "dentaire", "hospitalisation", "lot"});
  o.families = {1, 2, 3, 4};
  o.defect_rate = 0.6;
  auto r = Generate(o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::set<std::string> types_seen;
  int values_checked = 0;
  for (const auto& file : r->files) {
    const json t = Truth(dir, file);
    std::set<std::string> anomalies;
    for (const auto& lot : t["lots"]) {
      for (const auto& a : lot["anomalies"]) anomalies.insert(a["code"].get<std::string>() + "@" + std::to_string(a["document"].get<int>()));
    }
    for (size_t i = 0; i < t["documents"].size(); ++i) {
      const json& d = t["documents"][i];
      const std::string type = d["type"];
      ASSERT_TRUE(d.contains("family")) << file;
      if (!Catalogue().count(type)) {
        EXPECT_EQ(d["family"], 0) << file << " " << type;
        continue;
      }
      EXPECT_GE(d["family"].get<int>(), 1) << file << " " << type;
      types_seen.insert(type);
      std::set<std::string> expected = Catalogue().at(type);
      if (type == "feuille_de_soins" && anomalies.count("FDS_INCOMPLETE@" + std::to_string(i))) expected.erase("assure.nir");
      if (type == "bordereau" && anomalies.count("LOT_HEADER_INCOMPLETE@" + std::to_string(i))) {
        expected.erase("organisme.destinataire");
      }
      std::set<std::string> keys;
      for (const auto& [k, v] : d["fields"].items()) keys.insert(k);
      EXPECT_EQ(keys, expected) << file << " " << type;
      const std::string text = t["pages"][d["pages"][0].get<size_t>()]["text"];
      for (const auto& [k, v] : d["fields"].items()) {
        if (!PrintedAsStored(k) || !v["value"].is_string()) continue;
        const std::string value = v["value"];
        // Identifiers (a Corsican NIR holds 2A) compare without spaces; names and addresses without accents.
        const bool identifier = value.find_first_not_of("0123456789AB") == std::string::npos;
        if (identifier) {
          EXPECT_NE(Squashed(text).find(value), std::string::npos) << file << " " << type << " " << k << " " << value;
        } else {
          EXPECT_NE(FoldWording(text).find(FoldWording(value)), std::string::npos) << file << " " << type << " " << k;
        }
        ++values_checked;
      }
      for (const auto& line : d["lines"]) {
        for (const char* k : {"numero_facture", "nir", "code"}) {
          if (!line.contains(k)) continue;
          EXPECT_NE(Squashed(text).find(Squashed(line[k].get<std::string>())), std::string::npos) << file << " " << k;
        }
      }
    }
  }
  EXPECT_EQ(types_seen, (std::set<std::string>{"bordereau", "feuille_de_soins", "prescription", "facture", "reclamation",
                                               "renonciation", "coupon_email"}));
  EXPECT_GT(values_checked, 200);
}

TEST(SynthFamilies, CouponRecordsTheMembersNewAddressAgainstMembersCsv) {
  const auto dir = FreshDir("coupon");
  auto o = Options(dir, 44, 10, {"optique", "dentaire"});
  o.families = {1, 2, 3, 4};
  auto r = Generate(o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::map<std::string, std::vector<std::string>> members;  // numero_adherent → columns
  std::ifstream csv(dir / "members.csv");
  std::string line;
  std::getline(csv, line);
  while (std::getline(csv, line)) {
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string c;
    while (std::getline(ss, c, ',')) cols.push_back(c);
    if (line.ends_with(",")) cols.push_back("");
    members[cols[0]] = cols;
  }
  int coupons = 0;
  for (const auto& file : r->files) {
    const json t = Truth(dir, file);
    for (const auto& d : t["documents"]) {
      if (d["type"] != "coupon_email") continue;
      ++coupons;
      ASSERT_EQ(t["members_updated"].size(), 1u) << file;
      const json& u = t["members_updated"][0];
      EXPECT_EQ(u["field"], "email");
      EXPECT_EQ(u["new"], d["fields"]["email"]["value"]);
      EXPECT_NE(u["new"], u["old"]);
      ASSERT_TRUE(members.count(u["member"])) << file;
      const auto& m = members[u["member"]];
      EXPECT_EQ(m[3], d["fields"]["nir"]["value"]);
      EXPECT_EQ(m[1], d["fields"]["nom"]["value"]);
      EXPECT_EQ(m[8], u["old"]);  // members.csv holds the address the coupon replaces
    }
  }
  EXPECT_GE(coupons, 1);
}

}  // namespace
}  // namespace liasse::synth
