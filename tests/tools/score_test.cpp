#include "liasse/synth/score.h"

#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "liasse/synth/synth.h"
#include "synth_test_util.h"
#include "testing/status_matchers.h"

namespace liasse::synth {
namespace {

using ::liasse::test_support::StatusIs;
using nlohmann::json;
using testing::FreshDir;
using ::testing::HasSubstr;

json Read(const std::filesystem::path& p) {
  std::ifstream f(p);
  return json::parse(f);
}

void Write(const std::filesystem::path& p, const json& j) { std::ofstream(p) << j.dump(1); }

std::filesystem::path MakeTruth(const std::string& tag) {
  const auto dir = FreshDir(tag);
  SynthOptions o;
  o.seed = 21;
  o.count = 4;
  o.out_dir = dir;
  o.data_dir = std::filesystem::path(LIASSE_SOURCE_DIR) / "data";
  o.kinds = {"lot", "mailroom", "reclamation", "optique"};
  o.defects = {"LOT_ORDER"};
  o.dpi = 200;
  EXPECT_TRUE(Generate(o).ok());
  return dir;
}

TEST(Score, TruthAgainstItselfIsPerfect) {
  const auto dir = MakeTruth("self");
  auto r = Score(dir, dir);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->envelopes, 4);
  EXPECT_EQ(r->results_missing, 0);
  EXPECT_GT(r->fields_total, 50);
  EXPECT_EQ(r->fields_exact, r->fields_total);
  EXPECT_EQ(r->fields_silent_wrong, 0);
  EXPECT_EQ(r->fields_flagged, 0);
  EXPECT_EQ(r->document_types.ok, r->document_types.total);
  EXPECT_EQ(r->splitting.ok, r->splitting.total);
  EXPECT_GT(r->cells.total, 10);
  EXPECT_EQ(r->cells.ok, r->cells.total);
  EXPECT_EQ(r->lot_verdicts.total, 1);
  EXPECT_EQ(r->lot_verdicts.ok, 1);
  EXPECT_EQ(r->lot_anomalies.ok, 1);
  EXPECT_EQ(r->letters.ok, r->letters.total);
  EXPECT_EQ(r->rotations.ok, r->rotations.total);
  EXPECT_DOUBLE_EQ(r->SkewMeanError(), 0.0);
  EXPECT_DOUBLE_EQ(r->CerOverall(), 0.0);
  EXPECT_EQ(static_cast<int>(r->cer.size()), r->rotations.total);
}

TEST(Score, PerturbedCopyCountsExactlyThePerturbations) {
  const auto truth = MakeTruth("truth");
  const auto results = FreshDir("results");
  int envelope = 0;
  for (const auto& e : std::filesystem::directory_iterator(truth)) {
    const std::string n = e.path().filename().string();
    if (!n.ends_with(".truth.json")) continue;
    json j = Read(e.path());
    const std::string stem = n.substr(0, n.size() - 11);
    if (stem.find("_lot") != std::string::npos) {
      // 1 wrong document type, 2 wrong field values (1 flagged), 1 absent field, 2 wrong cells,
      // 1 wrong verdict, 1 wrong rotation, skew off by 1.5° on one page, 3 character edits.
      j["documents"][1]["type"] = "facture";
      auto& f = j["documents"][1]["fields"];
      f["numero_facture"]["value"] = "000000001";
      f["assure.nom"]["value"] = "XXX";
      j["documents"][1]["review"].push_back({{"field", "assure.nom"}, {"reason", "confiance faible"}});
      f.erase("praticien.nom");
      j["documents"][0]["lines"][0]["montant_total"] = "0.01";
      j["documents"][0]["lines"][1]["nom"] = "ZZZ";
      j["lots"][0]["verdict"] = "accepted";
      j["pages"][0]["rotation"] = (j["pages"][0]["rotation"].get<int>() + 90) % 360;
      j["pages"][1]["skew_deg"] = j["pages"][1]["skew_deg"].get<double>() + 1.5;
      std::string text = j["pages"][0]["text"];
      ASSERT_TRUE(std::isalnum(static_cast<unsigned char>(text[0])));
      text[0] = '#';  // substitution
      size_t mid = text.size() / 2;
      while (!std::isalnum(static_cast<unsigned char>(text[mid])) || !std::isalnum(static_cast<unsigned char>(text[mid + 1]))) ++mid;
      text.erase(mid, 1);                    // deletion of one letter
      text.insert(text.find_last_not_of('\n') + 1, "Q");  // insertion at the end of the last word
      j["pages"][0]["text"] = text;
    }
    Write(results / (stem + ".json"), j);
    ++envelope;
  }
  ASSERT_EQ(envelope, 4);
  auto self = Score(truth, truth);
  auto r = Score(truth, results);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->document_types.ok, self->document_types.total - 1);
  EXPECT_EQ(r->splitting.ok, self->splitting.total);
  EXPECT_EQ(r->fields_exact, self->fields_total - 3);
  EXPECT_EQ(r->fields_flagged, 1);
  EXPECT_EQ(r->fields_silent_wrong, 1);
  EXPECT_EQ(r->fields_missing_unflagged, 1);
  EXPECT_EQ(r->cells.ok, self->cells.total - 2);
  EXPECT_EQ(r->lot_verdicts.ok, 0);
  EXPECT_EQ(r->lot_anomalies.ok, 1);
  EXPECT_EQ(r->rotations.ok, self->rotations.total - 1);
  EXPECT_NEAR(r->skew_abs_error_sum, 1.5, 1e-9);
  int distance = 0;
  for (const auto& p : r->cer) distance += p.distance;
  EXPECT_EQ(distance, 3);
  const json out = json::parse(ScoreJson(r.value()));
  EXPECT_EQ(out["fields"]["silent_wrong"], 1);
  EXPECT_NE(ScoreTable(r.value()).find("silencieux"), std::string::npos);
}

TEST(Score, EnvelopeWithoutResultCountsAsMissingNotSilentlyWrong) {
  const auto truth = MakeTruth("truth");
  const auto results = FreshDir("empty");
  auto r = Score(truth, results);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->results_missing, 4);
  EXPECT_EQ(r->fields_exact, 0);
  EXPECT_EQ(r->fields_silent_wrong, 0);
  EXPECT_EQ(r->fields_missing_unflagged, r->fields_total);
}

TEST(Score, DirectoryWithoutTruthIsAnError) {
  const auto dir = FreshDir("none");
  EXPECT_THAT(Score(dir, dir),
              StatusIs(StatusCode::kNotFound, HasSubstr(dir.string() + ": aucun fichier *.truth.json")));
}

}  // namespace
}  // namespace liasse::synth
