#include "liasse/store/outbox_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "test_server.h"
#include "testing/status_matchers.h"

namespace liasse::store {
namespace {

using liasse::OutboxState;
using ::liasse::test_support::StatusIs;
using mail::testing::MakeOutboxMessage;
using mail::testing::TempDir;
using ::testing::HasSubstr;

std::string Db(const TempDir& dir) { return (dir.path() / "outbox.db").string(); }

TEST(OutboxStore, EnqueuedMessageSurvivesReopenWithItsBytes) {
  TempDir dir;
  const auto message = MakeOutboxMessage(1, "a@example.org", "PDF\0bytes");
  {
    auto store = OutboxStore::Open(Db(dir));
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->Enqueue(message).ok());
  }
  auto store = OutboxStore::Open(Db(dir));
  ASSERT_TRUE(store.ok());
  auto entry = (*store)->ClaimNext(0);
  ASSERT_TRUE(entry.ok());
  ASSERT_TRUE(entry->has_value());
  EXPECT_EQ((*entry)->message.mime, message.mime);
  EXPECT_EQ((*entry)->message.message_id, message.message_id);
  EXPECT_EQ((*entry)->attempts, 1);
}

TEST(OutboxStore, ClaimIntoAReusedEntryHoldsExactlyTheNextMessage) {
  TempDir dir;
  auto store = OutboxStore::Open(Db(dir));
  ASSERT_TRUE(store.ok());
  // Large then small: a reused buffer must not keep the first one's tail.
  const auto large = MakeOutboxMessage(1, "large@example.org", mail::testing::BinaryBytes(40'000, 1));
  const auto small = MakeOutboxMessage(2, "small@example.org", mail::testing::BinaryBytes(500, 2));
  ASSERT_TRUE((*store)->Enqueue(large).ok());
  ASSERT_TRUE((*store)->Enqueue(small).ok());
  OutboxEntry entry;
  ASSERT_TRUE(*(*store)->ClaimNextInto(0, entry));
  EXPECT_EQ(entry.message.mime, large.mime);
  ASSERT_TRUE(*(*store)->ClaimNextInto(0, entry));
  EXPECT_EQ(entry.message.mime, small.mime);
  EXPECT_EQ(entry.message.recipient, "small@example.org");
  EXPECT_EQ(entry.message.message_id, small.message_id);
  EXPECT_FALSE(*(*store)->ClaimNextInto(0, entry));
}

TEST(OutboxStore, StateChangesWithFullSyncAreKeptToo) {
  TempDir dir;
  OutboxStoreOptions options;
  options.full_sync = true;
  {
    auto store = OutboxStore::Open(Db(dir), options);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Enqueue(MakeOutboxMessage(1, "a@example.org", "x")).ok());
    auto entry = (*store)->ClaimNext(0);
    ASSERT_TRUE(entry.ok() && entry->has_value());
    ASSERT_TRUE((*store)->MarkSent((*entry)->id, "250 ok").ok());
  }
  auto store = OutboxStore::Open(Db(dir));
  ASSERT_TRUE(store.ok());
  EXPECT_EQ((*store)->Counts()->sent, 1);
}

TEST(OutboxStore, EnqueueSameDecompteTwiceKeepsOneMessage) {
  TempDir dir;
  auto store = OutboxStore::Open(Db(dir));
  ASSERT_TRUE(store.ok());
  auto a = (*store)->Enqueue(MakeOutboxMessage(1, "a@example.org", "x"));
  auto b = (*store)->Enqueue(MakeOutboxMessage(1, "b@example.org", "y"));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
  EXPECT_EQ((*store)->Counts()->total(), 1);
}

TEST(OutboxStore, ClaimTakesOldestReadyAndSkipsRetryNotYetDue) {
  TempDir dir;
  auto store = OutboxStore::Open(Db(dir));
  ASSERT_TRUE(store.ok());
  auto& outbox = **store;
  const auto first = *outbox.Enqueue(MakeOutboxMessage(1, "a@example.org", "x"));
  const auto second = *outbox.Enqueue(MakeOutboxMessage(2, "b@example.org", "x"));
  auto claimed = outbox.ClaimNext(1000);
  ASSERT_EQ((*claimed)->id, first);
  ASSERT_TRUE(outbox.MarkRetry(first, 5000, "452 4.3.1 Insufficient system storage").ok());
  EXPECT_EQ((*outbox.ClaimNext(1000))->id, second);
  EXPECT_FALSE(outbox.ClaimNext(4999)->has_value());  // first not due yet
  auto again = outbox.ClaimNext(5000);
  ASSERT_TRUE(again->has_value());
  EXPECT_EQ((*again)->id, first);
  EXPECT_EQ((*again)->attempts, 2);
}

TEST(OutboxStore, SettlingAMessageNotInFlightIsRefused) {
  TempDir dir;
  auto store = OutboxStore::Open(Db(dir));
  const auto id = *(*store)->Enqueue(MakeOutboxMessage(1, "a@example.org", "x"));
  EXPECT_THAT((*store)->MarkSent(id, "250 ok"),
              StatusIs(StatusCode::kFailedPrecondition, HasSubstr("outbox message 1 is not in state sending")));
  (void)(*store)->ClaimNext(0);
  EXPECT_TRUE((*store)->MarkSent(id, "250 ok").ok());
  EXPECT_THAT((*store)->MarkFailed(id, "550"),
              StatusIs(StatusCode::kFailedPrecondition, HasSubstr("outbox message 1 is not in state sending")));
}

TEST(OutboxStore, RecoverInFlightRequeuesOnlySendingMessages) {
  TempDir dir;
  auto store = OutboxStore::Open(Db(dir));
  auto& outbox = **store;
  for (int i = 0; i < 4; ++i) (void)outbox.Enqueue(MakeOutboxMessage(i, "a@example.org", "x"));
  auto sent = *outbox.ClaimNext(0);
  ASSERT_TRUE(outbox.MarkSent(sent->id, "250").ok());
  auto failed = *outbox.ClaimNext(0);
  ASSERT_TRUE(outbox.MarkFailed(failed->id, "550 no").ok());
  auto in_flight = *outbox.ClaimNext(0);
  EXPECT_EQ(*outbox.RecoverInFlight(), 1);
  auto rows = *outbox.List(OutboxState::kQueued);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].id, in_flight->id);
  EXPECT_EQ(rows[0].attempts, 1);
  const auto counts = *outbox.Counts();
  EXPECT_EQ(counts.sent, 1);
  EXPECT_EQ(counts.failed, 1);
  EXPECT_EQ(counts.sending, 0);
  EXPECT_EQ((*outbox.List(OutboxState::kFailed))[0].last_reply, "550 no");
}

TEST(OutboxStore, RecordsItsSchemaVersionAndRefusesANewerOne) {
  TempDir dir;
  { ASSERT_TRUE(OutboxStore::Open(Db(dir)).ok()); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(Db(dir).c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT version FROM schema_versions WHERE component = 'outbox'", -1, &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(stmt, 0), OutboxStore::kSchemaVersion);
  sqlite3_finalize(stmt);
  sqlite3_exec(db, "UPDATE schema_versions SET version = 99 WHERE component = 'outbox'", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  EXPECT_THAT(
      OutboxStore::Open(Db(dir)),
      StatusIs(StatusCode::kFailedPrecondition, HasSubstr("outbox schema version 99 is newer than this program's 1")));
}

}  // namespace
}  // namespace liasse::store
