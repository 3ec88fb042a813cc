// Generator tests over several envelopes each (label "slow").
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include "liasse/core/identifiers.h"
#include "liasse/synth/synth.h"
#include "synth_test_util.h"

namespace liasse::synth {
namespace {

using nlohmann::json;
using namespace testing;

TEST(Synth, SameSeedGivesByteIdenticalFilesWhateverTheThreadCount) {
  const auto a = FreshDir("a"), b = FreshDir("b");
  auto oa = Options(a, 42, 4, {"lot", "reclamation", "optique", "renonciation"});
  oa.jobs = 2;
  auto ob = oa;
  ob.out_dir = b;
  ob.jobs = 1;
  auto ra = Generate(oa);
  auto rb = Generate(ob);
  ASSERT_TRUE(ra.ok()) << ra.status().ToString();
  ASSERT_TRUE(rb.ok()) << rb.status().ToString();
  int compared = 0;
  for (const auto& e : std::filesystem::directory_iterator(a)) {
    EXPECT_EQ(ReadAll(e.path()), ReadAll(b / e.path().filename())) << e.path().filename();
    ++compared;
  }
  EXPECT_EQ(compared, 4 * 3 + 2);  // envelopes, truths, metadata, members.csv, partenaires.csv
}

TEST(Synth, CleanLotsAddUpAndCarryValidKeys) {
  const auto dir = FreshDir("lots");
  auto o = Options(dir, 3, 3, {"lot"});
  o.defect_rate = 0;
  auto r = Generate(o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  for (const auto& file : r->files) {
    const json t = Truth(dir, file);
    ASSERT_EQ(t["lots"].size(), 1u);
    EXPECT_EQ(t["lots"][0]["verdict"], "accepted") << file;
    EXPECT_TRUE(t["lots"][0]["anomalies"].empty());
    const json& bordereau = t["documents"][0];
    ASSERT_EQ(bordereau["type"], "bordereau");
    EXPECT_TRUE(NumeroAm::Parse(bordereau["fields"]["partenaire.identifiant"]["value"].get<std::string>()).ok());
    std::vector<std::string> numeros;
    size_t feuille = 0;
    for (const auto& line : bordereau["lines"]) {
      EXPECT_TRUE(Nir::Parse(line["nir"].get<std::string>()).ok()) << line["nir"];
      EXPECT_EQ(Cents(line["montant_amo"]) + Cents(line["montant_amc"]), Cents(line["montant_total"]));
      numeros.push_back(line["numero_facture"]);
      // The matching feuille comes next in bordereau order; its lines add up to its total.
      while (t["documents"][++feuille]["type"] != "feuille_de_soins") {}
      const json& f = t["documents"][feuille];
      EXPECT_EQ(f["fields"]["numero_facture"]["value"], line["numero_facture"]);
      int64_t sum = 0;
      for (const auto& act : f["lines"]) sum += Cents(act["montant"]);
      EXPECT_EQ(sum, Cents(f["fields"]["montant_total"]["value"]));
      EXPECT_EQ(sum, Cents(line["montant_total"]));
      EXPECT_LE(f["fields"]["prescription.date"]["value"].get<std::string>(), f["lines"][0]["date"].get<std::string>());
    }
    EXPECT_TRUE(std::is_sorted(numeros.begin(), numeros.end()));
  }
}

TEST(Synth, NgapAmountsFollowTheValueInForceOnTheDateOfCare) {
  const auto dir = FreshDir("ngap");
  auto o = Options(dir, 11, 4, {"lot"});
  o.defect_rate = 0;
  auto r = Generate(o);
  ASSERT_TRUE(r.ok());
  int checked = 0;
  for (const auto& file : r->files) {
    const json t = Truth(dir, file);
    for (const auto& d : t["documents"]) {
      if (d["type"] != "feuille_de_soins") continue;
      for (const auto& l : d["lines"]) {
        const std::string code = l["code"], date = l["date"];
        int64_t value = 0;  // reference.md, in cents
        if (code == "AMI") value = 315;
        else if (code == "AIS") value = 265;
        else if (code == "IFD") value = date >= "2024-01-28" ? 275 : 250;
        else if (code == "IK") value = 35;
        else if (code == "AMK" || code == "AMS") value = date >= "2024-02-22" ? 221 : 215;
        else if (code == "AMO") value = date >= "2024-01-01" ? 260 : 250;
        else continue;
        const auto coef = Money::ParseDecimal(l["coefficient"].get<std::string>()).value().cents();  // ×100
        EXPECT_EQ(Cents(l["montant"]), (value * coef + 50) / 100) << code << " " << date;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 20);
}

TEST(Synth, EnvelopeFilesHoldTheRecordedPagesAndOrientation) {
  const auto dir = FreshDir("pages");
  auto r = Generate(Options(dir, 13, 3, {"mailroom"}));  // seed 13: three TIFF envelopes
  ASSERT_TRUE(r.ok());
  int tiffs = 0;
  for (const auto& file : r->files) {
    if (!file.ends_with(".tiff")) continue;
    ++tiffs;
    const json t = Truth(dir, file);
    std::vector<cv::Mat> pages;
    ASSERT_TRUE(cv::imreadmulti((dir / file).string(), pages, cv::IMREAD_GRAYSCALE)) << file;
    ASSERT_EQ(pages.size(), t["pages"].size());
    for (size_t i = 0; i < pages.size(); ++i) {
      const int rot = t["pages"][i]["rotation"];
      EXPECT_EQ(pages[i].cols > pages[i].rows, rot == 90 || rot == 270) << file << " page " << i;
      EXPECT_LE(std::abs(t["pages"][i]["skew_deg"].get<double>()), 10.0);
      EXPECT_FALSE(t["pages"][i]["text"].get<std::string>().empty());
    }
  }
  EXPECT_GT(tiffs, 0);
}

TEST(Synth, MembersCsvListsEveryClaimantWithValidIdentifiers) {
  const auto dir = FreshDir("members");
  auto r = Generate(Options(dir, 8, 4, {"reclamation", "optique", "dentaire", "renonciation"}));
  ASSERT_TRUE(r.ok());
  std::ifstream f(dir / "members.csv");
  std::string line;
  std::getline(f, line);
  EXPECT_EQ(line,
            "numero_adherent,nom,prenom,nir,date_naissance,niveau,date_adhesion,date_fin,email,iban,teletransmission,"
            "cotisation_mensuelle_cents,adresse,code_postal,ville");
  std::set<std::string> nirs, adherents;
  while (std::getline(f, line)) {
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string c;
    while (std::getline(ss, c, ',')) cols.push_back(c);
    if (line.ends_with(",")) cols.push_back("");
    ASSERT_EQ(cols.size(), 15u) << line;
    EXPECT_TRUE(Nir::Parse(cols[3]).ok()) << cols[3];
    EXPECT_TRUE(ParseIban(cols[9]).ok()) << cols[9];
    EXPECT_EQ(cols[9].substr(0, 4), "FR76");
    EXPECT_TRUE(cols[5] >= "PASS1" && cols[5] <= "PASS5");
    EXPECT_TRUE(cols[10] == "true" || cols[10] == "false");
    EXPECT_EQ(cols[11].find_first_not_of("0123456789"), std::string::npos) << cols[11];
    // Every member has a full postal address: the letters are sent to it.
    EXPECT_FALSE(cols[12].empty()) << line;
    EXPECT_EQ(cols[13].size(), 5u) << line;
    EXPECT_EQ(cols[13].find_first_not_of("0123456789"), std::string::npos) << line;
    EXPECT_FALSE(cols[14].empty()) << line;
    nirs.insert(cols[3]);
    adherents.insert(cols[0]);
  }
  for (const auto& file : r->files) {
    const json t = Truth(dir, file);
    for (const auto& d : t["documents"]) {
      if (d["type"] == "reclamation") {
        EXPECT_TRUE(nirs.count(d["fields"]["nir"]["value"])) << file;
      }
      if (d["type"] == "facture") {
        EXPECT_TRUE(adherents.count(d["fields"]["numero_adherent"]["value"])) << file;
      }
    }
  }
}


// G is 26.50 € until 2024-12-21 then 30 €; the participation forfaitaire 1 €
// until 2024-05-14 then 2 €; the franchise 0.50 € until 2024-03-30 then 1 €
// (docs/reference.md).
TEST(Synth, DecompteRoUsesTheValuesInForceOnTheDateOfCare) {
  const auto dir = testing::FreshDir("decomptes");
  SynthOptions o;
  o.seed = 17;
  o.count = 6;
  o.out_dir = dir;
  o.data_dir = std::filesystem::path(LIASSE_SOURCE_DIR) / "data";
  o.kinds = {"mailroom"};
  o.dpi = 200;
  auto r = Generate(o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  int checked = 0;
  for (const auto& file : r->files) {
    std::ifstream f(dir / (file.substr(0, file.find('.')) + ".truth.json"));
    const json t = json::parse(f);
    for (const auto& d : t["documents"]) {
      if (d["type"] != "decompte_ro") continue;
      const std::string date = d["fields"]["date_soins"]["value"];
      const int64_t base = Cents(d["fields"]["base_remboursement"]["value"]);
      const int64_t paid = Cents(d["fields"]["montant_rembourse"]["value"]);
      const bool medecin = base == 2650 || base == 3000;
      if (medecin) {
        EXPECT_EQ(base, date >= "2024-12-22" ? 3000 : 2650) << date;
        EXPECT_EQ(paid, (base * 70 + 50) / 100 - (date >= "2024-05-15" ? 200 : 100)) << date;
      } else {
        EXPECT_EQ(paid, (base * 60 + 50) / 100 - (date >= "2024-03-31" ? 100 : 50)) << date;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 3);
}

}  // namespace
}  // namespace liasse::synth
