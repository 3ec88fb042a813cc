// One envelope, one transaction (issue 20, item 9): what an envelope writes
// through every component of the store — prescription memory, counters,
// priced claims, paid invoices, outbox, intake journal, the record of its
// files, OCR cache — is seen by another connection only once committed, and
// an envelope aborted (rolled back, or its process killed) leaves no row.
#include "liasse/store/database.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "liasse/store/committed_envelopes.h"
#include "liasse/store/intake_journal.h"
#include "liasse/store/ocr_cache.h"
#include "liasse/store/outbox_store.h"
#include "liasse/store/paid_invoices_store.h"
#include "liasse/store/prescription_history_store.h"
#include "liasse/store/store.h"
#include "temp_db.h"
#include "testing/status_matchers.h"

namespace liasse::store {
namespace {

using ::liasse::test_support::StatusIs;
using ::testing::HasSubstr;
using EnvelopeTransaction = testing::TempDbTest;

const Date kDay = Date::FromYmd(2026, 3, 2).value();
const PrescriptionKey kPatient{"756123458", "295109912611193", "1995-10-03"};
const OcrCacheKey kOcr{"ab12", "tesseract-test"};

// Every component of the store on one file, as the runner opens them.
struct Components {
  Store store;
  std::unique_ptr<SqlitePrescriptionHistory> history;
  std::unique_ptr<SqlitePaidInvoices> paid;
  std::unique_ptr<OutboxStore> outbox;
  std::unique_ptr<IntakeJournal> intake;
  std::unique_ptr<CommittedEnvelopes> committed;
  std::unique_ptr<OcrCache> ocr;

  // Without the outbox, whose opening writes (its schema): it would wait
  // for the write lock of a transaction in progress.
  static Components Open(const std::string& path, bool with_outbox = true) {
    auto store = Store::Open(path);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    Components c{std::move(store).value(), nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};
    Database& db = c.store.database();
    c.history = std::move(SqlitePrescriptionHistory::Open(db)).value();
    c.paid = std::move(SqlitePaidInvoices::Open(db)).value();
    if (with_outbox) c.outbox = std::move(OutboxStore::Open(db)).value();
    c.intake = std::move(IntakeJournal::Open(db)).value();
    c.committed = std::move(CommittedEnvelopes::Open(db)).value();
    c.ocr = std::move(OcrCache::Open(db)).value();
    return c;
  }
};

// The writes of one envelope, through each component.
void WriteEnvelope(Components& c) {
  ASSERT_TRUE(c.history->Remember({kPatient, kDay, "218647836"}).ok());
  CounterEntry entry{"B1", "pilule", kDay, Money::Euros(30), 1, kDay, kDay, std::nullopt, std::nullopt};
  auto applied = c.store.counters().Apply("B2-756123458-218647836", std::span<const CounterEntry>(&entry, 1));
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  // The same claim again, as reprocessing does: its savepoint is rolled
  // back, the envelope's transaction goes on.
  ASSERT_EQ(*c.store.counters().Apply("B2-756123458-218647836", std::span<const CounterEntry>(&entry, 1)),
            ApplyOutcome::kAlreadyApplied);
  PricedClaim claim;
  claim.id = "B2-756123458-218647836";
  claim.member = "A0001";
  claim.totals.mutuelle = Money::Euros(30);
  ASSERT_TRUE(c.store.SavePricedClaim(claim).ok());
  ASSERT_TRUE(c.paid->Record({claim.id, "pli.tiff#ab12", "pli.tiff", kDay}).ok());
  OutboxMessage m{"D-218647836", "<d@liasse>", "mutuelle@example.org", "julie@example.org", "MIME\r\n", true};
  ASSERT_TRUE(c.outbox->Enqueue(m).ok());
  ASSERT_TRUE(c.intake->Record({"ab12", "pli.tiff", "done", "out/pli.json"}).ok());
  ASSERT_TRUE(c.committed->Record({"pli.tiff", "ab12", "k", false, {{"pli.json", "{}"}}}).ok());
  ASSERT_TRUE(c.ocr->Put(kOcr, {{{"{}", "png"}}, ""}).ok());
}

// How many of the eight kinds of rows of WriteEnvelope a fresh connection
// sees (seven without the outbox).
int RowsSeen(const std::string& path, bool with_outbox = true) {
  Components c = Components::Open(path, with_outbox);
  int seen = 0;
  seen += (*c.history->Find(kPatient)).has_value() ? 1 : 0;
  seen += c.store.counters().Total("B1", "pilule", kDay, kDay, "")->montant == Money::Euros(30) ? 1 : 0;
  seen += c.store.LoadPricedClaim("B2-756123458-218647836").ok() ? 1 : 0;
  seen += (*c.paid->PaidElsewhere("B2-756123458-218647836", "autre#00")).has_value() ? 1 : 0;
  if (with_outbox) seen += c.outbox->Counts()->queued == 1 ? 1 : 0;
  seen += (*c.intake->Find("ab12")).has_value() ? 1 : 0;
  seen += (*c.committed->Find("pli.tiff", "ab12")).has_value() ? 1 : 0;
  seen += *c.ocr->Contains(kOcr) ? 1 : 0;
  return seen;
}

TEST_F(EnvelopeTransaction, CommittedEnvelopeIsSeenWholeByAnotherConnection) {
  Components c = Components::Open(Path());
  auto tx = Transaction::Begin(c.store.database());
  ASSERT_TRUE(tx.ok()) << tx.status().ToString();
  WriteEnvelope(c);
  EXPECT_EQ(RowsSeen(Path(), false), 0) << "rows seen before the commit";
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_EQ(RowsSeen(Path()), 8);
}

TEST_F(EnvelopeTransaction, AbortedEnvelopeLeavesNoPrescriptionCounterClaimOutboxOrJournalRow) {
  {
    Components c = Components::Open(Path());
    auto tx = Transaction::Begin(c.store.database());
    ASSERT_TRUE(tx.ok());
    WriteEnvelope(c);
  }  // destroyed without Commit
  EXPECT_EQ(RowsSeen(Path()), 0);
}

TEST_F(EnvelopeTransaction, ProcessKilledMidEnvelopeLeavesNoRow) {
  { Components::Open(Path()); }  // the schema, committed
  const pid_t child = fork();
  ASSERT_NE(child, -1);
  if (child == 0) {
    Components c = Components::Open(Path());
    auto tx = Transaction::Begin(c.store.database());
    if (!tx.ok()) _exit(2);
    WriteEnvelope(c);
    kill(getpid(), SIGKILL);  // as `kill -9` between two writes of the chain
    _exit(3);
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "status " << status;
  EXPECT_EQ(RowsSeen(Path()), 0);
}

TEST_F(EnvelopeTransaction, SecondTransactionOnTheSameDatabaseIsRefused) {
  Components c = Components::Open(Path());
  auto tx = Transaction::Begin(c.store.database());
  ASSERT_TRUE(tx.ok());
  EXPECT_THAT(Transaction::Begin(c.store.database()).status(),
              StatusIs(StatusCode::kFailedPrecondition, HasSubstr("une transaction est déjà ouverte")));
}

}  // namespace
}  // namespace liasse::store
