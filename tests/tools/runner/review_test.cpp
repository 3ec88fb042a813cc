// The review correction service on a real envelope (label "slow": the
// suite reads samples/lot_01_clean.tiff once, every test works on a copy of
// that first pass): its three feuilles wait because each assuré's NIR had
// its first digit deduced from the key; an operator's correction or
// validation prices the claim, queues its décompte and keeps the old result,
// a wrong value is refused with the reader's reason, counters are consumed
// once, and the same correction gives the same bytes.
#include "liasse/runner/review.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "liasse/runner/process.h"
#include "liasse/runner/reprocess.h"
#include "liasse/store/outbox_store.h"
#include "liasse/store/review_audit.h"
#include "liasse/store/store.h"
#include "test_files.h"
#include "testing/scratch_dir.h"

namespace liasse::runner {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const Date kToday = Date::FromYmd(2026, 12, 6).value();
const FixedClock kClock = FixedClock::At(kToday, 10);  // the audit's time: 2026-12-06T10:00:00Z

std::string ReadText(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path SuiteDir() { return test_support::ProcessScratchDir() / "review_suite"; }

// The envelope's folder (with members.csv and partenaires.csv) the first pass read.
fs::path Inputs() {
  const char* base = std::getenv("LIASSE_REVIEW_BASE");
  return base != nullptr ? fs::path(base).parent_path() / "in" : SuiteDir() / "in";
}

class ReviewTest : public testing::Test {
 protected:
  // lot_01_clean read, checked and settled once, with its metadata: by the
  // ctest fixture (LIASSE_REVIEW_BASE, `liasse process … --date 2026-12-06`)
  // when there is one, else here.
  static void SetUpTestSuite() {
    const fs::path in = SuiteDir() / "in";
    fs::remove_all(SuiteDir());
    fs::create_directories(in);
    if (const char* base = std::getenv("LIASSE_REVIEW_BASE"); base != nullptr) {
      ASSERT_TRUE(fs::exists(fs::path(base) / "lot_01_clean.json")) << base;
      fs::copy(base, SuiteDir() / "out", fs::copy_options::recursive);
      return;
    }
    for (const char* f : {"lot_01_clean.tiff", "lot_01_clean.meta.json", "members.csv", "partenaires.csv"}) {
      fs::copy_file(test_support::Sample(f), in / f);
    }
    ProcessOptions o;
    o.inputs = {in};
    o.out_dir = SuiteDir() / "out";
    o.jobs = 1;
    o.today = kToday;
    o.clock = &kClock;
    auto summary = RunProcess(o);
    ASSERT_TRUE(summary.ok()) << summary.status().ToString();
    ASSERT_EQ(summary->envelopes, 1);
  }
  static void TearDownTestSuite() { fs::remove_all(SuiteDir()); }

  void SetUp() override {
    out_ = SuiteDir() / testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(out_);
    fs::copy(SuiteDir() / "out", out_, fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(out_); }

  ReviewOptions Options(const fs::path& out, std::string operateur = "alice") const {
    ReviewOptions o;
    o.out_dir = out;
    o.operateur = std::move(operateur);
    o.today = kToday;
    o.clock = &kClock;
    return o;
  }
  ReviewOptions Options() const { return Options(out_); }

  json Result() const { return test_support::ReadJson(out_ / "lot_01_clean.json"); }

  // The claims[] entry of invoice `numero`.
  json Claim(const std::string& numero) const {
    const json result = Result();
    for (const auto& c : result["claims"]) {
      if (c["numero_facture"] == numero) return c;
    }
    return json();
  }

  int64_t Queued() const {
    auto outbox = store::OutboxStore::Open((out_ / "liasse.db").string());
    EXPECT_TRUE(outbox.ok());
    return outbox.ok() ? (*outbox)->Counts().value().total() : -1;
  }

  // What Thomas MARIE's claims consumed of the RO franchise in 2024.
  CounterTotal Franchise() const {
    auto st = store::Store::Open((out_ / "liasse.db").string());
    EXPECT_TRUE(st.ok());
    return st->counters()
        .Total("A43627204", "ro_franchise", Date::FromYmd(2024, 1, 1).value(), Date::FromYmd(2024, 12, 31).value(),
               "aucune")
        .value();
  }

  FieldCorrection RightNir() const { return {"lot_01_clean", 1, "assure.nir", std::nullopt, "1 92 06 31 555 640 12"}; }

  fs::path out_;
};

TEST_F(ReviewTest, FeuilleWithItsNirInReviewIsNeitherPaidNorQueued) {
  const json claim = Claim("596721243");
  ASSERT_FALSE(claim.is_null()) << Result()["claims"].dump();
  EXPECT_EQ(claim["statut"], "en_attente");
  EXPECT_TRUE(Result()["letters"].empty());
  EXPECT_EQ(Queued(), 0);
  auto queue = ListReview(Options());
  ASSERT_TRUE(queue.ok()) << queue.status().ToString();
  int blocking_nir = 0;
  for (const auto& item : queue->items) {
    if (item.field == "assure.nir" && item.blocks_payment) ++blocking_nir;
    if (item.document == 1 && item.field == "assure.nir") {
      EXPECT_EQ(item.value, "192063155564012");
      EXPECT_EQ(item.reason, "premier chiffre du NIR déduit de sa clé : à vérifier");
    }
  }
  EXPECT_EQ(blocking_nir, 3);
  EXPECT_EQ(queue->claims_waiting.size(), 3u);
}

TEST_F(ReviewTest, WrongNirKeyIsRefusedWithTheReaderReasonAndChangesNothing) {
  const std::string before = ReadText(out_ / "lot_01_clean.json");
  FieldCorrection wrong = RightNir();
  wrong.value = "192063155564019";
  auto outcome = CorrectField(Options(), wrong);
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(outcome.status().message(),
            "assure.nir : « 192063155564019 » refusé : NIR « 192063155564019 » : clé 19 incorrecte (clé calculée 12)");
  EXPECT_EQ(ReadText(out_ / "lot_01_clean.json"), before);
  EXPECT_FALSE(fs::exists(out_ / ".revue"));
  EXPECT_EQ(Queued(), 0);
}

TEST_F(ReviewTest, RightNirPricesTheClaimQueuesItsDecompteAndKeepsTheOldResultWithWhoAndWhen) {
  const std::string before = ReadText(out_ / "lot_01_clean.json");
  auto outcome = CorrectField(Options(), RightNir());
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  EXPECT_TRUE(outcome->changed);
  EXPECT_EQ(outcome->version, 1);
  EXPECT_EQ(outcome->claims_paid, 1);
  EXPECT_EQ(outcome->claims_waiting, 2);
  EXPECT_EQ(outcome->letters_queued, 1);
  const json claim = Claim("596721243");
  EXPECT_EQ(claim["statut"], "paye");
  EXPECT_EQ(claim["paiement"]["montant"], "17.68");
  EXPECT_EQ(Result()["version"], 1);
  ASSERT_EQ(Result()["letters"].size(), 1u);
  EXPECT_EQ(Result()["letters"][0]["kind"], "decompte");
  EXPECT_EQ(Result()["letters"][0]["queued"], true);
  EXPECT_TRUE(fs::exists(out_ / Result()["letters"][0]["file"].get<std::string>()));
  EXPECT_EQ(Queued(), 1);
  EXPECT_EQ(outcome->kept, out_ / ".revue" / "lot_01_clean" / "version-0.json");
  EXPECT_EQ(ReadText(outcome->kept), before);
  auto db = store::Database::Open((out_ / "liasse.db").string());
  ASSERT_TRUE(db.ok());
  auto audit = store::ReviewAudit::Open(*db);
  ASSERT_TRUE(audit.ok());
  const auto changes = (*audit)->Changes("lot_01_clean").value();
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].user, "alice");
  EXPECT_EQ(changes[0].at, "2026-12-06T10:00:00Z");
  EXPECT_EQ(changes[0].action, "correction");
  EXPECT_EQ(changes[0].field, "assure.nir");
  EXPECT_EQ(changes[0].old_value, "192063155564012");
  EXPECT_EQ(changes[0].new_value, "192063155564012");
  EXPECT_EQ(changes[0].version, 1);
}

TEST_F(ReviewTest, ValidateAcceptsTheValuesReadAndPaysTheClaim) {
  auto outcome = ValidateDocument(Options(), "lot_01_clean", 3);
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  EXPECT_TRUE(outcome->changed);
  EXPECT_TRUE(outcome->remaining.empty()) << outcome->remaining.front();
  EXPECT_TRUE(Result()["documents"][3]["review"].empty());
  EXPECT_EQ(Claim("596721245")["statut"], "paye");
  EXPECT_EQ(Claim("596721243")["statut"], "en_attente");
  EXPECT_EQ(Queued(), 1);
}

TEST_F(ReviewTest, CountersAreConsumedOnceAcrossTwoCorrections) {
  ASSERT_TRUE(CorrectField(Options(), RightNir()).ok());
  const CounterTotal first = Franchise();
  EXPECT_EQ(first.nombre, 2);  // two acts, one franchise each
  auto second = ValidateDocument(Options(), "lot_01_clean", 3);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->version, 2);
  EXPECT_EQ(second->claims_paid, 2);
  const CounterTotal after = Franchise();
  EXPECT_EQ(after.nombre, first.nombre);
  EXPECT_EQ(after.montant, first.montant);
  EXPECT_EQ(Claim("596721243")["paiement"]["montant"], "17.68");
  EXPECT_EQ(Queued(), 2);  // the first décompte is not queued again
}

TEST_F(ReviewTest, SameCorrectionGivesTheSameBytesAndTwiceChangesNothing) {
  const fs::path other = out_.string() + "-autre";
  fs::remove_all(other);
  fs::copy(SuiteDir() / "out", other, fs::copy_options::recursive);
  ASSERT_TRUE(CorrectField(Options(), RightNir()).ok());
  ASSERT_TRUE(CorrectField(Options(other, "bob"), RightNir()).ok());
  EXPECT_EQ(ReadText(out_ / "lot_01_clean.json"), ReadText(other / "lot_01_clean.json"));
  const std::string letter = Result()["letters"][0]["file"];
  EXPECT_EQ(ReadText(out_ / letter), ReadText(other / letter));
  fs::remove_all(other);

  const std::string once = ReadText(out_ / "lot_01_clean.json");
  auto again = CorrectField(Options(), RightNir());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_FALSE(again->changed);
  EXPECT_EQ(again->version, 1);
  EXPECT_EQ(ReadText(out_ / "lot_01_clean.json"), once);
  EXPECT_FALSE(fs::exists(out_ / ".revue" / "lot_01_clean" / "version-1.json"));
  EXPECT_EQ(Queued(), 1);
}

// `liasse reprocess` reads the envelope again from the OCR cache: what the
// operator corrected stays corrected, and nothing is paid or queued twice.
TEST_F(ReviewTest, ReprocessKeepsTheCorrection) {
  ASSERT_TRUE(CorrectField(Options(), RightNir()).ok());
  const std::string corrected = ReadText(out_ / "lot_01_clean.json");
  ReprocessOptions o;
  o.process.inputs = {Inputs()};
  o.process.out_dir = out_;
  o.process.jobs = 1;
  o.process.today = kToday;
  o.process.clock = &kClock;
  auto report = RunReprocess(o);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->from_ocr_cache, 1);
  EXPECT_EQ(Claim("596721243")["statut"], "paye");
  EXPECT_EQ(Result()["version"], 1);
  EXPECT_TRUE(Result()["documents"][1]["review"].empty());
  EXPECT_EQ(ReadText(out_ / "lot_01_clean.json"), corrected);
  EXPECT_EQ(Queued(), 1);
}

// A correction killed after its commit, before its files: the result on
// disk is the old one; the next change replays what it lacks.
TEST_F(ReviewTest, ResultLeftBehindByAKilledCorrectionIsCaughtUp) {
  auto first = CorrectField(Options(), RightNir());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  fs::copy_file(first->kept, out_ / "lot_01_clean.json", fs::copy_options::overwrite_existing);
  ASSERT_EQ(Claim("596721243")["statut"], "en_attente");
  auto second = ValidateDocument(Options(), "lot_01_clean", 3);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->version, 2);
  EXPECT_EQ(Claim("596721243")["statut"], "paye");
  EXPECT_EQ(Claim("596721245")["statut"], "paye");
  EXPECT_TRUE(Result()["documents"][1]["review"].empty());
  EXPECT_EQ(Queued(), 2);
}

TEST_F(ReviewTest, ChangeWithoutOperatorOrOnAnUnknownDocumentIsRefused) {
  auto anonymous = CorrectField(Options(out_, ""), RightNir());
  ASSERT_FALSE(anonymous.ok());
  EXPECT_EQ(anonymous.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(anonymous.status().message(), "opérateur inconnu : --operateur NOM (ou la variable USER) est obligatoire");
  auto unknown = ValidateDocument(Options(), "lot_01_clean", 7);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(unknown.status().message(), "lot_01_clean : document 7 inconnu (7 document(s), numérotés à partir de 0)");
}

}  // namespace
}  // namespace liasse::runner
