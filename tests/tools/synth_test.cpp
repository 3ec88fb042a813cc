// Generator tests that make one envelope each (quick, also run under the sanitizers).
#include "liasse/synth/synth.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <set>

#include "liasse/core/identifiers.h"
#include "synth_test_util.h"
#include "testing/status_matchers.h"

namespace liasse::synth {
namespace {

using ::liasse::test_support::StatusIs;
using ::testing::HasSubstr;
using namespace testing;
using nlohmann::json;

TEST(Synth, DifferentSeedsGiveDifferentContent) {
  const auto a = FreshDir("a"), b = FreshDir("b");
  ASSERT_TRUE(Generate(Options(a, 1, 1, {"reclamation"})).ok());
  ASSERT_TRUE(Generate(Options(b, 2, 1, {"reclamation"})).ok());
  EXPECT_NE(Truth(a, "env_0001_reclamation")["documents"][0]["fields"],
            Truth(b, "env_0001_reclamation")["documents"][0]["fields"]);
}

class InjectedDefect : public ::testing::TestWithParam<std::string> {};

TEST_P(InjectedDefect, IsRecordedWithItsCodeAndVisibleInTheTruth) {
  const std::string code = GetParam();
  const auto dir = FreshDir(code);
  auto o = Options(dir, 5, 1, {"lot"});
  o.defects = {code};
  auto r = Generate(o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const json t = Truth(dir, r->files[0]);
  const json& lot = t["lots"][0];
  ASSERT_EQ(lot["anomalies"].size(), 1u) << lot.dump();
  const json& a = lot["anomalies"][0];
  EXPECT_EQ(a["code"], code);
  EXPECT_FALSE(a["message"].get<std::string>().empty());
  const std::set<std::string> lot_level = {"LOT_BORDEREAU_MISSING", "LOT_HEADER_INCOMPLETE", "LOT_ORDER", "LOT_PIECES_ORDER"};
  EXPECT_EQ(lot["verdict"], lot_level.count(code) ? "rejected" : "partial");
  const json& docs = t["documents"];
  const json& doc = docs[a["document"].get<size_t>()];
  const json& bordereau = docs[0];
  if (code == "LOT_BORDEREAU_MISSING") {
    for (const auto& d : docs) {
      EXPECT_NE(d["type"], "bordereau");
    }
  } else if (code == "LOT_HEADER_INCOMPLETE") {
    EXPECT_FALSE(doc["fields"].contains("organisme.destinataire"));
  } else if (code == "LOT_LINE_INCOMPLETE") {
    EXPECT_FALSE(doc["lines"][a["line"].get<size_t>()].contains("date_naissance"));
  } else if (code == "LOT_NIR_INVALID") {
    EXPECT_THAT(Nir::Parse(doc["lines"][a["line"].get<size_t>()]["nir"].get<std::string>()),
                StatusIs(StatusCode::kInvalidArgument, HasSubstr("incorrecte (clé calculée")));
  } else if (code == "LOT_ORDER") {
    const size_t k = a["line"];
    EXPECT_LT(doc["lines"][k]["numero_facture"].get<std::string>(), doc["lines"][k - 1]["numero_facture"].get<std::string>());
  } else if (code == "LOT_PIECES_ORDER" || code == "LOT_LINE_MISSING") {
    EXPECT_EQ(doc["type"], "feuille_de_soins");
    std::set<std::string> on_bordereau;
    for (const auto& l : bordereau["lines"]) on_bordereau.insert(l["numero_facture"]);
    EXPECT_EQ(on_bordereau.count(doc["fields"]["numero_facture"]["value"]), code == "LOT_PIECES_ORDER" ? 1u : 0u);
  } else if (code == "LOT_FEUILLE_MISSING") {
    const std::string numero = doc["lines"][a["line"].get<size_t>()]["numero_facture"];
    for (const auto& d : docs) {
      if (d["type"] == "feuille_de_soins") {
        EXPECT_NE(d["fields"]["numero_facture"]["value"], numero);
      }
    }
  } else if (code == "LOT_AMOUNT_MISMATCH") {
    EXPECT_NE(doc["fields"]["montant_total"]["value"], bordereau["lines"][a["line"].get<size_t>()]["montant_total"]);
  } else if (code == "LOT_AMO_AMC_INCONSISTENT") {
    const json& l = doc["lines"][a["line"].get<size_t>()];
    EXPECT_NE(Cents(l["montant_amo"]) + Cents(l["montant_amc"]), Cents(l["montant_total"]));
  } else if (code == "FDS_INCOMPLETE") {
    EXPECT_FALSE(doc["fields"].contains("assure.nir"));
  } else if (code == "FDS_PRATICIEN_SIGNATURE_MISSING") {
    EXPECT_EQ(doc["fields"]["signature.praticien"]["value"], false);
  } else if (code == "FDS_PATIENT_SIGNATURE_MISSING") {
    EXPECT_EQ(doc["fields"]["signature.patient"]["value"], false);
    EXPECT_EQ(doc["fields"]["impossibilite_signer"]["value"], false);
  } else if (code == "PRESCRIPTION_MISSING") {
    const size_t next = a["document"].get<size_t>() + 1;
    EXPECT_TRUE(next == docs.size() || docs[next]["type"] != "prescription");
  } else if (code == "PRESCRIPTION_RATUREE") {
    EXPECT_EQ(doc["fields"]["raturee"]["value"], true);
  } else if (code == "FDS_RATUREE") {
    EXPECT_EQ(doc["type"], "feuille_de_soins");
    EXPECT_EQ(doc["fields"]["raturee"]["value"], true);
    EXPECT_GT(doc["family"].get<int>(), 0);  // family 0 draws no crossings
  } else if (code == "DATES_INCONSISTENT") {
    EXPECT_GT(doc["fields"]["prescription.date"]["value"].get<std::string>(), doc["lines"][0]["date"].get<std::string>());
  }
  if (lot["verdict"] == "partial") {
    EXPECT_EQ(lot["factures_rejetees"].size(), 1u);
  }
  EXPECT_EQ(t["letters"][0]["kind"], "anomalies_lot");
}

INSTANTIATE_TEST_SUITE_P(AllCodes, InjectedDefect, ::testing::ValuesIn(LotDefectCodes()),
                         [](const ::testing::TestParamInfo<std::string>& p) { return p.param; });

TEST(Synth, CorruptEnvelopeIsTruncatedAndItsTruthCarriesAnError) {
  const auto dir = FreshDir("corrupt");
  auto r = Generate(Options(dir, 4, 1, {"corrupt"}));
  ASSERT_TRUE(r.ok());
  const json t = Truth(dir, r->files[0]);
  EXPECT_FALSE(t["error"].is_null());
  EXPECT_TRUE(t["documents"].empty());
  std::vector<cv::Mat> pages;
  bool readable = false;
  try {
    readable = cv::imreadmulti((dir / r->files[0]).string(), pages, cv::IMREAD_GRAYSCALE) && !pages.empty();
  } catch (const cv::Exception&) {
  }
  if (r->files[0].ends_with(".tiff")) {
    EXPECT_FALSE(readable);
  }
}

TEST(Synth, UnknownKindOrDefectIsABadArgument) {
  const auto dir = FreshDir("bad");
  auto o = Options(dir, 1, 1, {"lettre_anonyme"});
  EXPECT_THAT(Generate(o),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("type d'enveloppe inconnu : lettre_anonyme")));
  o.kinds = {"lot"};
  o.defects = {"LOT_TOO_HEAVY"};
  EXPECT_THAT(Generate(o),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("code d'anomalie inconnu : LOT_TOO_HEAVY")));
}

}  // namespace
}  // namespace liasse::synth
