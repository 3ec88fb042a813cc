// Fast tests of what `liasse reprocess` is made of: the OCR cache codec, the
// region memo, shards and the comparison of two results.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "change_report.h"
#include "event_log.h"
#include "liasse/ocr/page_image.h"
#include "liasse/runner/reprocess.h"
#include "ocr_cache_codec.h"
#include "testing/status_matchers.h"

namespace liasse::runner {
namespace {

using ::liasse::test_support::StatusIs;
using nlohmann::json;
using ::testing::HasSubstr;

ocr::PageImage TinyPage() {
  auto pages = ocr::DecodeFile(std::filesystem::path(LIASSE_SOURCE_DIR) / "tests/tools/runner/data/tiny_page.png");
  EXPECT_TRUE(pages.ok()) << pages.status().ToString();
  return pages->front();
}

ocr::PageResult SomePage() {
  ocr::PageResult p;
  p.page_number = 2;
  p.dpi = 300;
  p.rotation_degrees = 270;
  p.orientation_confidence = 7.25f;
  p.skew_degrees = -1.375;
  p.skew_confidence = 3.5f;
  p.text = "Feuille de soins\nN° 1 85 07 75 115 042 38";
  p.mean_confidence = 88.125f;
  p.timings = {12.5, 3.25, 40.0, 1800.0};
  ocr::Line line{{10, 20, 300, 40}, {{"Feuille", {10, 20, 120, 40}, 91.5f}, {"de", {140, 20, 40, 40}, 96.0f}}};
  p.blocks.push_back({{10, 20, 500, 100}, {line}});
  p.cleaned = TinyPage();
  return p;
}

TEST(OcrCacheCodec, PageComesBackWithWordsGeometryAndTheSameCleanedPixels) {
  const ocr::PageResult page = SomePage();
  auto entry = EncodeOcr({&page}, "[]");
  ASSERT_TRUE(entry.ok()) << entry.status().ToString();
  ASSERT_EQ(entry->pages.size(), 1u);
  auto back = DecodeOcr(*entry);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->size(), 1u);
  const ocr::PageResult& b = back->front();
  EXPECT_EQ(b.page_number, 2);
  EXPECT_EQ(b.rotation_degrees, 270);
  EXPECT_EQ(b.orientation_confidence, 7.25f);
  EXPECT_EQ(b.skew_degrees, -1.375);
  EXPECT_EQ(b.text, page.text);
  EXPECT_EQ(b.mean_confidence, 88.125f);
  EXPECT_EQ(b.timings.recognise_ms, 1800.0);
  ASSERT_EQ(b.blocks.size(), 1u);
  ASSERT_EQ(b.blocks[0].lines[0].words.size(), 2u);
  EXPECT_EQ(b.blocks[0].lines[0].words[0].text, "Feuille");
  EXPECT_EQ(b.blocks[0].lines[0].words[0].box.width, 120);
  EXPECT_EQ(b.blocks[0].lines[0].words[0].confidence, 91.5f);
  ASSERT_TRUE(b.cleaned.has_value());
  EXPECT_EQ(b.cleaned->dpi(), page.cleaned->dpi());
  EXPECT_EQ(ocr::ToGreyPixels(*b.cleaned)->pixels, ocr::ToGreyPixels(*page.cleaned)->pixels);
}

TEST(OcrCacheCodec, DamagedEntryIsAnErrorNamingThePage) {
  const ocr::PageResult page = SomePage();
  auto entry = EncodeOcr({&page, &page}, "[]");
  ASSERT_TRUE(entry.ok());
  entry->pages[1].cleaned_png.resize(entry->pages[1].cleaned_png.size() / 3);
  EXPECT_THAT(DecodeOcr(*entry), StatusIs(StatusCode::kCorrupt, HasSubstr("cache OCR, page 2: ")));
  entry = EncodeOcr({&page}, "[]");
  entry->pages[0].result = "{\"page_number\": 1";
  EXPECT_THAT(DecodeOcr(*entry), StatusIs(StatusCode::kCorrupt, HasSubstr("cache OCR, page 1 : ")));
}

// A reader that counts the reads it is asked for.
class CountingReader : public extractors::RegionReader {
 public:
  Result<extractors::RegionText> Reread(int page, const Box& box, extractors::RegionKind) override {
    ++calls;
    return extractors::RegionText{"lu " + std::to_string(page) + "/" + std::to_string(box.x), 80.0f};
  }
  int calls = 0;
};

TEST(RegionMemo, KnownRegionsAreAnsweredWithoutTheEngineAcrossASerialisation) {
  RegionMemo memo;
  CountingReader engine;
  MemoRegionReader first(memo, engine);
  const Box nir{100, 200, 600, 50};
  EXPECT_EQ(first.Reread(0, nir, extractors::RegionKind::kDigits)->text, "lu 0/100");
  EXPECT_EQ(first.Reread(0, nir, extractors::RegionKind::kDigits)->text, "lu 0/100");
  EXPECT_EQ(engine.calls, 1);

  RegionMemo again = RegionMemo::Parse(memo.Serialise());
  MemoRegionReader second(again, engine);
  EXPECT_EQ(second.Reread(0, nir, extractors::RegionKind::kDigits)->text, "lu 0/100");
  EXPECT_EQ(second.misses(), 0);
  // Another kind or another box is another read.
  EXPECT_TRUE(second.Reread(0, nir, extractors::RegionKind::kText).ok());
  EXPECT_TRUE(second.Reread(1, nir, extractors::RegionKind::kDigits).ok());
  EXPECT_EQ(second.misses(), 2);
  EXPECT_EQ(engine.calls, 3);
  EXPECT_EQ(RegionMemo::Parse("not json").size(), 0u);
}

TEST(Shard, EveryEnvelopeFallsInExactlyOneShardAndShardsAreBalanced) {
  std::vector<int> per_shard(4, 0);
  for (int i = 0; i < 2000; ++i) {
    const std::string name = "pli_" + std::to_string(i) + ".tiff";
    int in = 0;
    for (int s = 0; s < 4; ++s) {
      if (InShard(name, s, 4)) {
        ++in;
        ++per_shard[static_cast<std::size_t>(s)];
      }
    }
    ASSERT_EQ(in, 1) << name;
    EXPECT_TRUE(InShard(name, 0, 1));
  }
  for (int n : per_shard) {
    EXPECT_GT(n, 400);
    EXPECT_LT(n, 600);
  }
  // Stable across runs and machines: FNV-1a of the name.
  EXPECT_TRUE(InShard("a", static_cast<int>(0xaf63dc4c8601ec8cull % 3), 3));
}

TEST(Shard, ParseAcceptsIOverNOnly) {
  int i = -1, n = -1;
  ASSERT_TRUE(ParseShard("2/5", i, n).ok());
  EXPECT_EQ(i, 2);
  EXPECT_EQ(n, 5);
  for (const char* bad : {"5/5", "-1/3", "1", "a/b", "1/0", "1/2/3"}) {
    EXPECT_THAT(ParseShard(bad, i, n),
                StatusIs(StatusCode::kInvalidArgument,
                         HasSubstr("--shard « " + std::string(bad) + " » : attendu i/N avec 0 ≤ i < N")));
  }
}

json Result0() {
  return json::parse(R"({"schema":"liasse.result/1","source":"lot.tiff","error":null,
    "documents":[{"type":"bordereau","review":[]},{"type":"feuille_de_soins","review":["x"]}],
    "lots":[{"numero":"042","verdict":"rejected","anomalies":[{"code":"LOT_ORDER"}]}],
    "claims":[{"id":"B2-1-7","totals":{"frais_reels":"30.00","ro":"18.00","retenues":"0.00","mutuelle":"12.00","reste_a_charge":"0.00"}}],
    "letters":[{"kind":"anomalies_lot","file":"lot/anomalies.pdf","to":"x"}]})");
}

TEST(CompareResults, SameResultIsNoChange) {
  auto c = CompareResults("lot.tiff", Result0().dump(), Result0().dump(2));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_TRUE(c->had_previous);
  EXPECT_TRUE(c->changes.empty());
  EXPECT_EQ(c->mutuelle_before_cents, 1200);
  EXPECT_EQ(c->mutuelle_after_cents, 1200);
}

TEST(CompareResults, VerdictAmountLetterAndReviewChangesAreEachListed) {
  json after = Result0();
  after["lots"][0] = json::parse(R"({"numero":"042","verdict":"accepted","anomalies":[]})");
  after["claims"][0]["totals"]["mutuelle"] = "9.50";
  after["claims"][0]["totals"]["reste_a_charge"] = "2.50";
  after["letters"] = json::parse(R"([{"kind":"decompte","file":"lot/decompte.pdf","to":"y"}])");
  after["documents"][1]["review"] = json::array();
  auto c = CompareResults("lot.tiff", Result0().dump(), after.dump());
  ASSERT_TRUE(c.ok());
  std::set<std::string> seen;
  for (const auto& x : c->changes) seen.insert(x.kind + "|" + x.what + "|" + x.before + "|" + x.after);
  EXPECT_TRUE(seen.contains("lot|lot 042|rejected (LOT_ORDER)|accepted"));
  EXPECT_TRUE(seen.contains("montant|B2-1-7 mutuelle|12.00|9.50"));
  EXPECT_TRUE(seen.contains("montant|B2-1-7 reste_a_charge|0.00|2.50"));
  EXPECT_TRUE(seen.contains("lettre|lot/anomalies.pdf|anomalies_lot|—"));
  EXPECT_TRUE(seen.contains("lettre|lot/decompte.pdf|—|decompte"));
  EXPECT_TRUE(seen.contains("revue|points à revoir|1|0"));
  EXPECT_EQ(c->changes.size(), 6u);
  EXPECT_EQ(c->mutuelle_after_cents, 950);

  auto back = DecodeChanges(EncodeChanges(*c));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->changes.size(), 6u);
  EXPECT_EQ(back->mutuelle_before_cents, 1200);
}

TEST(CompareResults, FirstResultAndUnreadableEnvelope) {
  auto first = CompareResults("lot.tiff", std::nullopt, Result0().dump());
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first->had_previous);
  json broken = json::parse(R"({"schema":"liasse.result/1","source":"lot.tiff","error":"lot.tiff: fichier vide"})");
  auto c = CompareResults("lot.tiff", Result0().dump(), broken.dump());
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->changes.front().kind, "erreur");
  EXPECT_EQ(c->changes.front().after, "lot.tiff: fichier vide");
  EXPECT_THAT(CompareResults("lot.tiff", "{", "{}"),
              StatusIs(StatusCode::kCorrupt, HasSubstr("lot.tiff : résultat JSON illisible")));
}

TEST(CompareResults, NullMembersAreAbsentValuesNotACrash) {
  // A bench run aborted on value() over a null: every member may be null.
  json odd = json::parse(R"({"schema":"liasse.result/1","source":null,"error":null,"documents":null,
    "lots":[{"numero":null,"verdict":null,"anomalies":null}],
    "claims":[{"id":"B2-1-7","totals":null,"review":null},{"id":null,"totals":{"mutuelle":null}}],
    "letters":[{"kind":null,"file":null,"to":null}]})");
  auto c = CompareResults("lot.tiff", Result0().dump(), odd.dump());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->mutuelle_after_cents, 0);
  bool mutuelle_gone = false;
  for (const auto& x : c->changes) mutuelle_gone |= x.what == "B2-1-7 mutuelle" && x.after == "—";
  EXPECT_TRUE(mutuelle_gone);
}

}  // namespace
}  // namespace liasse::runner

namespace liasse::runner {
namespace {

TEST(EventLogRedact, NirIbanAndEmailNeverReachTheLog) {
  const std::string text =
      "lot_01.tiff: assuré 1 85 07 75 115 042 38 (285077511504238), IBAN FR76 3000 6000 0112 3456 7890 189, "
      "écrire à thomas.marie@gmail.com ; lot 717, page 3";
  const std::string red = Redact(text);
  for (const char* secret : {"285077511504238", "115 042 38", "FR76", "7890 189", "thomas.marie", "gmail.com"}) {
    EXPECT_EQ(red.find(secret), std::string::npos) << secret << " in " << red;
  }
  // What an operator needs stays: file, lot number, page.
  EXPECT_NE(red.find("lot_01.tiff"), std::string::npos);
  EXPECT_NE(red.find("lot 717, page 3"), std::string::npos);
}

}  // namespace
}  // namespace liasse::runner
