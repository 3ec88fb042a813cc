// `liasse reprocess` over envelopes already processed (label "slow": the
// suite OCRs two sample envelopes once, every test then works from the OCR
// cache): no change without a rule change, a guarantee change reported claim
// by claim, and a kill -9 in the middle resumed into the report of an
// uninterrupted run.
#include "liasse/runner/reprocess.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "child_process.h"
#include "test_files.h"
#include "testing/scratch_dir.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "liasse/runner/process.h"


namespace liasse::runner {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const Date kReception = Date::FromYmd(2025, 1, 15).value();
const Date kToday = Date::FromYmd(2026, 11, 23).value();

std::string ReadText(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::map<std::string, std::string> ResultTexts(const fs::path& out) {
  std::map<std::string, std::string> texts;
  for (const auto& e : fs::directory_iterator(out)) {
    const std::string name = e.path().filename().string();
    if (e.path().extension() == ".json" && !name.starts_with("reprocess-report")) texts[name] = ReadText(e.path());
  }
  return texts;
}

// Per process: ctest runs each test in its own process, two at a time, and
// each process prepares the suite's first pass for itself.
fs::path SuiteDir() {
  return test_support::ProcessScratchDir() / "reprocess_suite";
}

// The shipped data with the dental act of dentaire_01 (HBMD053, a base of
// the synthetic corpus marked confirme = false) confirmed: a claim on an
// unconfirmed tariff waits for review (issue 20), and these tests need a
// claim that is priced and paid to see what reprocessing changes.
fs::path DataWithConfirmedDentalTariff() { return SuiteDir() / "data"; }

void WriteDataWithConfirmedDentalTariff() {
  const fs::path data = DataWithConfirmedDentalTariff();
  fs::copy(LIASSE_DATA_DIR, data, fs::copy_options::recursive);
  const fs::path actes = data / "tarifs" / "actes.toml";
  std::string text = ReadText(actes);
  const auto row = text.find("[HBMD053]");
  ASSERT_NE(row, std::string::npos);
  const auto flag = text.find("confirme = false", row);
  ASSERT_NE(flag, std::string::npos);
  ASSERT_LT(flag, text.find("\n[", row + 1)) << "HBMD053's confirme line is inside its table";
  text.replace(flag, std::string("confirme = false").size(), "confirme = true");
  std::ofstream(actes, std::ios::binary) << text;
}

ProcessOptions Options(const fs::path& root) {
  ProcessOptions o;
  o.data_dir = DataWithConfirmedDentalTariff();
  o.inputs = {root / "in"};
  o.out_dir = root / "out";
  o.jobs = 2;
  o.date_reception = kReception;
  o.today = kToday;
  return o;
}

class ReprocessTest : public testing::Test {
 protected:
  // The first pass, once: two envelopes OCR'd, priced and written.
  static void SetUpTestSuite() {
    const fs::path base = SuiteDir() / "base";
    fs::remove_all(SuiteDir());
    fs::create_directories(base / "in");
    ASSERT_NO_FATAL_FAILURE(WriteDataWithConfirmedDentalTariff());
    for (const char* sample : {"dentaire_01.pdf", "reclamation_01.tiff", "members.csv"}) {
      fs::copy_file(fs::path(LIASSE_SOURCE_DIR) / "samples" / sample, base / "in" / sample);
    }
    auto first = RunProcess(Options(base));
    ASSERT_TRUE(first.ok()) << first.status().ToString();
    ASSERT_EQ(first->envelopes, 2);
    ASSERT_EQ(first->from_ocr_cache, 0);
    ASSERT_GE(first->claims, 1) << "the dental claim must be paid for these tests to mean something";
  }
  static void TearDownTestSuite() { fs::remove_all(SuiteDir()); }

  void SetUp() override {
    root_ = SuiteDir() / testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(root_);
    fs::copy(SuiteDir() / "base", root_, fs::copy_options::recursive);
  }

  fs::path root_;
};

TEST_F(ReprocessTest, WarmCacheSkipsTheOcrAndChangesNothing) {
  const auto before = ResultTexts(root_ / "out");
  ReprocessOptions options;
  options.process = Options(root_);
  auto report = RunReprocess(options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->envelopes, 2);
  EXPECT_EQ(report->processed, 2);
  EXPECT_EQ(report->from_ocr_cache, 2);
  EXPECT_EQ(report->unchanged, 2);
  EXPECT_EQ(report->changed, 0);
  EXPECT_TRUE(report->changes.empty());
  EXPECT_EQ(report->mutuelle_before_cents, report->mutuelle_after_cents);
  EXPECT_GT(report->mutuelle_after_cents, 0);
  // Byte for byte the results of the first pass: same words, same ink, same
  // region re-reads, from the cache.
  EXPECT_EQ(ResultTexts(root_ / "out"), before);
  const json written = json::parse(ReadText(root_ / "out" / "reprocess-report.json"));
  EXPECT_EQ(written["schema"], "liasse.reprocess/1");
  EXPECT_EQ(written["unchanged"], 2);
  EXPECT_NE(ReadText(root_ / "out" / "reprocess-report.txt").find("Aucun changement."), std::string::npos);
  EXPECT_FALSE(fs::exists(root_ / "out" / ".reprocess" / "dentaire_01.json"));
}

// The structured log of both passes: JSON lines, and no NIR, IBAN, e-mail,
// name or PDF password of any member of the fixture in it.
TEST_F(ReprocessTest, StructuredLogHoldsNoPersonalData) {
  ReprocessOptions options;
  options.process = Options(root_);
  ASSERT_TRUE(RunReprocess(options).ok());
  std::ifstream log(root_ / "out" / "liasse.log.jsonl");
  ASSERT_TRUE(log.good());
  std::string line, all;
  std::map<std::string, int> events;
  while (std::getline(log, line)) {
    const json j = json::parse(line);  // throws (fails the test) on a non-JSON line
    ++events[j.at("event").get<std::string>()];
    all += line + "\n";
  }
  EXPECT_EQ(events["batch_start"], 2);  // process, then reprocess
  EXPECT_EQ(events["envelope"], 4);
  EXPECT_EQ(events["batch_end"], 2);
  int checked = 0;
  for (const std::string& secret : test_support::MemberSecrets(root_ / "in" / "members.csv")) {
    EXPECT_EQ(all.find(secret), std::string::npos) << secret;
    ++checked;
  }
  EXPECT_GT(checked, 10);
}

TEST_F(ReprocessTest, GuaranteeChangeIsReportedClaimByClaim) {
  // The dental claim is paid by PASS3's soins dentaires: lower PASS3's
  // guarantee (the paramedical claims of the lots wait for a review of their
  // NIR and are not paid).
  fs::copy(DataWithConfirmedDentalTariff(), root_ / "data", fs::copy_options::recursive);
  const fs::path pass3 = root_ / "data" / "garanties" / "PASS3.toml";
  const std::string text = ReadText(pass3);
  const std::string changed =
      std::regex_replace(text, std::regex(R"re((cle = "dentaire_soins"\n(?:.*\n){2}garantie = )"100%")re"), "$1\"90%\"");
  ASSERT_NE(changed, text);
  std::ofstream(pass3, std::ios::binary | std::ios::trunc) << changed;

  const json before = json::parse(ReadText(root_ / "out" / "dentaire_01.json"));
  ReprocessOptions options;
  options.process = Options(root_);
  options.process.data_dir = root_ / "data";
  auto report = RunReprocess(options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->from_ocr_cache, 2);
  EXPECT_EQ(report->changed, 1);
  EXPECT_EQ(report->unchanged, 1);  // the complaint has no claim
  EXPECT_LT(report->mutuelle_after_cents, report->mutuelle_before_cents);

  const json after = json::parse(ReadText(root_ / "out" / "dentaire_01.json"));
  int pass3_claims = 0;
  for (std::size_t i = 0; i < after["claims"].size(); ++i) {
    const json& claim = after["claims"][i];
    if (claim["lines"][0]["garantie"] != "PASS3/dentaire_soins") continue;
    ++pass3_claims;
    const std::string id = claim["id"];
    const std::string was = before["claims"][i]["totals"]["mutuelle"];
    const std::string now = claim["totals"]["mutuelle"];
    EXPECT_NE(was, now);
    bool reported = false;
    for (const auto& c : report->changes) {
      reported |= c.envelope == "dentaire_01.pdf" && c.kind == "montant" && c.what == id + " mutuelle" &&
                  c.before == was && c.after == now;
    }
    EXPECT_TRUE(reported) << id << " " << was << " → " << now;
  }
  EXPECT_GE(pass3_claims, 1);
}

using liasse::test_support::Spawn;
using liasse::test_support::Wait;

// Twenty copies of each processed envelope (same bytes: the OCR cache holds
// them all), each with its own previous result and searchable PDF.
void Multiply(const fs::path& root, int copies) {
  for (const auto& [stem, ext] : {std::pair{"dentaire_01", ".pdf"}, std::pair{"reclamation_01", ".tiff"}}) {
    for (int k = 0; k < copies; ++k) {
      const std::string name = "k" + std::to_string(k) + "_" + stem;
      fs::copy_file(root / "in" / (std::string(stem) + ext), root / "in" / (name + ext));
      fs::copy_file(root / "out" / (std::string(stem) + ".json"), root / "out" / (name + ".json"));
      fs::create_directories(root / "out" / name);
      fs::copy_file(root / "out" / stem / (std::string(stem) + ".ocr.pdf"), root / "out" / name / (name + ".ocr.pdf"));
    }
  }
}

std::vector<std::string> Reprocess(const fs::path& root) {
  return {LIASSE_BIN, "reprocess", (root / "in").string(), "--out", (root / "out").string(), "--jobs", "2",
          "--date", "2026-11-23", "--date-reception", "2025-01-15"};
}

TEST_F(ReprocessTest, KillNineThenRestartGivesTheReportOfAnUninterruptedRun) {
  const fs::path a = root_ / "a", b = root_ / "b";
  for (const fs::path& copy : {a, b}) {
    fs::create_directories(copy);
    fs::copy(root_ / "in", copy / "in", fs::copy_options::recursive);
    fs::copy(root_ / "out", copy / "out", fs::copy_options::recursive);
    Multiply(copy, 20);
  }
  ASSERT_EQ(Wait(Spawn(Reprocess(a))), 0);

  // Kill once a few results have been rewritten, then run again.
  const auto start = fs::file_time_type::clock::now();
  const pid_t pid = Spawn(Reprocess(b));
  ASSERT_GT(pid, 0);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
  int rewritten = 0;
  while (rewritten < 4 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    rewritten = 0;
    for (const auto& e : fs::directory_iterator(b / "out")) {
      std::error_code ec;
      if (e.path().extension() == ".json" && fs::last_write_time(e.path(), ec) > start) ++rewritten;
    }
  }
  kill(pid, SIGKILL);
  EXPECT_EQ(Wait(pid), 128 + SIGKILL);
  ASSERT_EQ(Wait(Spawn(Reprocess(b))), 0);

  const json ra = json::parse(ReadText(a / "out" / "reprocess-report.json"));
  const json rb = json::parse(ReadText(b / "out" / "reprocess-report.json"));
  EXPECT_EQ(ra["envelopes"], 42);
  EXPECT_EQ(ra["resumed"], 0);
  EXPECT_GE(rb["resumed"].get<int>(), 1) << "the kill came after the end: nothing was resumed";
  EXPECT_EQ(rb["resumed"].get<int>() + rb["processed"].get<int>(), 42);
  for (const char* key : {"envelopes", "changed", "unchanged", "first_results", "mutuelle", "changes_by_kind"}) {
    EXPECT_EQ(rb[key], ra[key]) << key;
  }
  const auto as_set = [](const json& changes) {
    std::multiset<std::string> s;
    for (const auto& c : changes) s.insert(c.dump());
    return s;
  };
  EXPECT_EQ(as_set(rb["changes"]), as_set(ra["changes"]));
  EXPECT_GT(ra["changed"].get<int>(), 0);  // the copies' letters moved folder: something to compare
  EXPECT_EQ(ResultTexts(b / "out"), ResultTexts(a / "out"));
}

}  // namespace
}  // namespace liasse::runner
