// One envelope, one transaction (issue 20, item 9), as a user meets it:
// `liasse process` and `liasse watch` killed with SIGKILL at random points
// (seeded), then started again, give the result JSON, the letters and the
// store rows (outbox, counters, prescriptions, payments, priced claims) of
// an uninterrupted run. Label "slow": one cold OCR pass of the inputs, then
// twenty short warm runs.
//
// The inputs make a kill visible when the store is not transactional: lot
// 814 first without the prescription of its first invoice (anomaly
// PRESCRIPTION_MISSING), then whole, so a run that reprocesses the first
// envelope on a store holding the second one's prescription memory loses
// the anomaly.
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "child_process.h"
#include "test_files.h"
#include "testing/scratch_dir.h"

namespace {

namespace fs = std::filesystem;
using liasse::test_support::ReadJson;
using liasse::test_support::Sample;
using liasse::test_support::Spawn;
using liasse::test_support::Wait;
using Clock = std::chrono::steady_clock;

// The binary under test; LIASSE_BIN_UNDER_TEST measures another build (an
// older one, to count the differences it had).
std::string Bin() {
  const char* other = std::getenv("LIASSE_BIN_UNDER_TEST");
  return other != nullptr && *other != '\0' ? other : LIASSE_BIN;
}

// Output lines of a shell command ("" when it cannot run).
std::string Shell(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return "";
  std::string out;
  char buffer[4096];
  while (fgets(buffer, sizeof buffer, pipe) != nullptr) out += buffer;
  pclose(pipe);
  return out;
}

std::string Quote(const fs::path& p) { return "'" + p.string() + "'"; }

std::string Sqlite(const fs::path& db, const std::string& sql) {
  return Shell("sqlite3 " + Quote(db) + " \"" + sql + "\"");
}

std::string ReadBytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Whether `rel` (relative to an output folder) is compared: a result JSON
// at the top, or a letter (a PDF in an envelope's folder that is not its
// searchable PDF).
bool Compared(const fs::path& rel) {
  const std::string ext = rel.extension().string();
  if (rel.parent_path().empty()) return ext == ".json";
  return ext == ".pdf" && !rel.string().ends_with(".ocr.pdf");
}

// What a run leaves that must not depend on a kill: the result JSON, the
// letters (bytes), and the rows of the store that money and mail depend on.
std::vector<std::string> Differences(const fs::path& reference, const fs::path& out) {
  std::vector<std::string> diffs;
  std::set<std::string> seen;
  for (const auto& e : fs::recursive_directory_iterator(reference)) {
    const fs::path rel = fs::relative(e.path(), reference);
    if (!Compared(rel)) continue;
    seen.insert(rel.generic_string());
    if (!fs::exists(out / rel)) {
      diffs.push_back(rel.generic_string() + " absent");
    } else if (rel.extension() == ".json" ? ReadJson(out / rel) != ReadJson(e.path())
                                          : ReadBytes(out / rel) != ReadBytes(e.path())) {
      diffs.push_back(rel.generic_string() + " différent");
    }
  }
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    const fs::path rel = fs::relative(e.path(), out);
    if (Compared(rel) && !seen.contains(rel.generic_string())) diffs.push_back(rel.generic_string() + " en trop");
  }
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"outbox", "SELECT decompte_id, recipient, state FROM outbox ORDER BY decompte_id"},
      {"compteurs", "SELECT idempotency_key, beneficiaire, compteur, date, montant_cents, nombre FROM counter_entries"
                    " ORDER BY 1, 2, 3, 4, 5, 6"},
      {"prescriptions", "SELECT * FROM prescriptions_recues ORDER BY 1, 2, 3"},
      {"factures payées", "SELECT claim_id, envelope, source FROM factures_payees ORDER BY 1"},
      {"demandes liquidées", "SELECT id, member, mutuelle_cents FROM priced_claims ORDER BY 1"}};
  for (const auto& [name, sql] : rows) {
    if (Sqlite(out / "liasse.db", sql) != Sqlite(reference / "liasse.db", sql)) diffs.push_back("base : " + name);
  }
  return diffs;
}

// Kills `pid` with SIGKILL after `delay` unless it ended before; true when
// the kill came while it ran.
bool KillAfter(pid_t pid, std::chrono::milliseconds delay) {
  const auto deadline = Clock::now() + delay;
  int status = 0;
  while (Clock::now() < deadline) {
    if (waitpid(pid, &status, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

class KillAnywhereTest : public testing::Test {
 protected:
  // The inputs, and a store holding only their OCR (with the searchable
  // PDFs it needs): each run below reads from that cache, so a kill falls
  // in the chain after reading, where the store is written.
  // In the test's body: a failure here must fail the test, not skip it.
  static void Prepare() {
    root_ = liasse::test_support::ProcessScratchDir() / "kill_anywhere";
    fs::remove_all(root_);
    fs::create_directories(root_ / "in");
    const std::string lot = Sample("lot_03_defects.pdf").string();
    ASSERT_EQ(std::system(("qpdf '" + lot + "' --pages '" + lot + "' 1-2,4-9 -- " +
                           Quote(root_ / "in" / "a_lot_sans_prescription.pdf")).c_str()),
              0);
    fs::copy_file(lot, root_ / "in" / "b_lot_complet.pdf");
    for (const char* s : {"lot_01_clean.tiff", "renonciation_01.pdf", "members.csv"}) {
      fs::copy_file(Sample(s), root_ / "in" / s);
    }
    ASSERT_EQ(Wait(Spawn(ProcessArgs(root_ / "cold"))), 0);
    fs::create_directories(root_ / "seed");
    ASSERT_EQ(Sqlite(root_ / "cold" / "liasse.db", ".backup " + Quote(root_ / "seed" / "liasse.db")), "");
    std::string keep_cache_only;
    const std::string tables = Sqlite(root_ / "seed" / "liasse.db",
                                      "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                                      " AND name NOT LIKE 'ocr_cache%' AND name NOT LIKE 'schema_%'");
    for (std::string table; const char c : tables) {
      if (c != '\n') {
        table += c;
        continue;
      }
      keep_cache_only += "DELETE FROM " + table + ";";
      table.clear();
    }
    ASSERT_EQ(Sqlite(root_ / "seed" / "liasse.db", keep_cache_only), "");
    for (const auto& e : fs::recursive_directory_iterator(root_ / "cold")) {
      if (e.path().string().ends_with(".ocr.pdf")) {
        const fs::path rel = fs::relative(e.path(), root_ / "cold");
        fs::create_directories((root_ / "seed" / rel).parent_path());
        fs::copy_file(e.path(), root_ / "seed" / rel);
      }
    }
  }
  void TearDown() override { fs::remove_all(root_); }

  static std::vector<std::string> ProcessArgs(const fs::path& out) {
    return {Bin(), "process", (root_ / "in").string(), "--out", out.string(), "--jobs", "2",
            "--date", "2025-01-20", "--date-reception", "2025-01-15"};
  }

  // A fresh inbox with the inputs, scanned on the day of receipt.
  static fs::path Inbox(const std::string& name) {
    const fs::path inbox = root_ / name;
    fs::create_directories(inbox);
    for (const auto& e : fs::directory_iterator(root_ / "in")) {
      if (e.path().extension() == ".csv") continue;
      fs::copy_file(e.path(), inbox / e.path().filename());
      EXPECT_EQ(Shell("touch -d '2025-01-15 09:00' " + Quote(inbox / e.path().filename())), "");
    }
    return inbox;
  }

  static std::vector<std::string> WatchArgs(const fs::path& inbox, const fs::path& out, bool once) {
    std::vector<std::string> args = {Bin(), "watch", inbox.string(), "--out", out.string(), "--jobs", "2",
                                     "--stable-ms", "1000", "--poll-ms", "100", "--contract",
                                     (root_ / "in" / "members.csv").string()};
    if (once) args.push_back("--once");
    return args;
  }

  // A run's output folder, starting from the OCR cache only.
  static fs::path Seeded(const std::string& name) {
    const fs::path out = root_ / name;
    fs::copy(root_ / "seed", out, fs::copy_options::recursive);
    return out;
  }

  // `trials` kills of `start` at seeded random points of a run as long as
  // the uninterrupted one, each followed by `finish`; returns how many
  // differed from the uninterrupted run, and counts the kills that came
  // while the run was going.
  template <typename Start, typename Finish>
  int Trials(const char* mode, int trials, std::mt19937& rng, Start start, Finish finish) {
    const fs::path reference = Seeded(std::string(mode) + "_reference");
    const auto begun = Clock::now();
    EXPECT_EQ(finish(reference, std::string(mode) + "_reference_inbox"), 0);
    const auto length = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - begun);
    std::uniform_int_distribution<long> at(0, length.count());
    int differing = 0, landed = 0;
    for (int i = 0; i < trials; ++i) {
      const std::string name = std::string(mode) + "_" + std::to_string(i);
      const fs::path out = Seeded(name);
      const std::chrono::milliseconds delay(at(rng));
      const bool killed = KillAfter(start(out, name + "_inbox"), delay);
      landed += killed ? 1 : 0;
      EXPECT_EQ(finish(out, name + "_inbox"), 0) << name;
      const auto diffs = Differences(reference, out);
      if (!diffs.empty()) {
        ++differing;
        std::string list;
        for (const auto& d : diffs) list += " " + d + ";";
        ADD_FAILURE() << name << " tué à " << delay.count() << " ms sur " << length.count() << " :" << list;
      }
      fs::remove_all(out);
    }
    std::printf("%s : %d arrêts (run non interrompu : %ld ms), %d pendant le traitement, "
                "%d résultat(s) différent(s)\n",
                mode, trials, static_cast<long>(length.count()), landed, differing);
    kills_while_running_ += landed;
    return differing;
  }

  static fs::path root_;
  int kills_while_running_ = 0;
};

fs::path KillAnywhereTest::root_;

// One test for both commands: the cold OCR pass of the inputs is made once.
TEST_F(KillAnywhereTest, ProcessAndWatchKilledTwentyTimesAndRestartedGiveTheFilesAndRowsOfAnUninterruptedRun) {
  ASSERT_NO_FATAL_FAILURE(Prepare());
  std::mt19937 rng(20261206);
  const int process_differing = Trials(
      "process", 10, rng, [](const fs::path& out, const std::string&) { return Spawn(ProcessArgs(out)); },
      [](const fs::path& out, const std::string&) { return Wait(Spawn(ProcessArgs(out))); });
  const int watch_differing = Trials(
      "watch", 10, rng,
      [](const fs::path& out, const std::string& inbox) { return Spawn(WatchArgs(Inbox(inbox), out, false)); },
      [](const fs::path& out, const std::string& inbox) {
        const fs::path dir = root_ / inbox;
        return Wait(Spawn(WatchArgs(fs::exists(dir) ? dir : Inbox(inbox), out, true)));
      });
  EXPECT_EQ(process_differing, 0);
  EXPECT_EQ(watch_differing, 0);
  EXPECT_GE(kills_while_running_, 10) << "too few kills came during a run to show anything";
}

}  // namespace
