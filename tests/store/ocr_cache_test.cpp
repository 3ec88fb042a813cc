#include "liasse/store/ocr_cache.h"

#include <gtest/gtest.h>

#include "liasse/store/database.h"
#include "liasse/store/reprocess_journal.h"
#include "temp_db.h"

namespace liasse::store {
namespace {

using OcrCacheTest = testing::TempDbTest;

CachedOcr Entry(int pages, const std::string& tag) {
  CachedOcr e;
  for (int i = 0; i < pages; ++i) {
    // Bytes a PNG holds: NULs and high bytes must come back intact.
    e.pages.push_back({"{\"page\":" + std::to_string(i) + ",\"tag\":\"" + tag + "\"}",
                       std::string("\x89PNG\r\n\x1a\n\0\xff", 10) + tag + std::to_string(i)});
  }
  e.regions = "[]";
  return e;
}

TEST_F(OcrCacheTest, EntryComesBackPageByPageUnderItsKeyOnly) {
  auto db = Database::Open(Path());
  ASSERT_TRUE(db.ok());
  auto cache = OcrCache::Open(*db);
  ASSERT_TRUE(cache.ok()) << cache.status().ToString();
  const OcrCacheKey key{"abc", "tesseract 5.3.0; fra"};
  ASSERT_TRUE((*cache)->Put(key, Entry(3, "a")).ok());

  auto found = (*cache)->Find(key);
  ASSERT_TRUE(found.ok() && found->has_value());
  ASSERT_EQ((*found)->pages.size(), 3u);
  EXPECT_EQ((*found)->pages[2].result, "{\"page\":2,\"tag\":\"a\"}");
  EXPECT_EQ((*found)->pages[1].cleaned_png, std::string("\x89PNG\r\n\x1a\n\0\xff", 10) + "a1");
  EXPECT_EQ((*found)->regions, "[]");
  EXPECT_TRUE(*(*cache)->Contains(key));
  // Another engine (other data version) or other bytes: no entry.
  EXPECT_FALSE(*(*cache)->Contains({"abc", "tesseract 5.3.0; fra; other"}));
  EXPECT_FALSE((*cache)->Find({"abd", key.engine})->has_value());
}

TEST_F(OcrCacheTest, PutReplacesAndRegionsAreUpdatedInPlace) {
  auto db = Database::Open(Path());
  ASSERT_TRUE(db.ok());
  auto cache = OcrCache::Open(*db);
  ASSERT_TRUE(cache.ok());
  const OcrCacheKey key{"abc", "e"};
  ASSERT_TRUE((*cache)->Put(key, Entry(4, "old")).ok());
  ASSERT_TRUE((*cache)->Put(key, Entry(2, "new")).ok());
  ASSERT_TRUE((*cache)->SetRegions(key, "[{\"p\":0}]").ok());
  auto found = (*cache)->Find(key);
  ASSERT_TRUE(found.ok() && found->has_value());
  ASSERT_EQ((*found)->pages.size(), 2u);  // no page of the old entry left
  EXPECT_EQ((*found)->pages[0].result, "{\"page\":0,\"tag\":\"new\"}");
  EXPECT_EQ((*found)->regions, "[{\"p\":0}]");
}

TEST_F(OcrCacheTest, SurvivesReopeningTheFile) {
  {
    auto db = Database::Open(Path());
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*OcrCache::Open(*db))->Put({"h", "e"}, Entry(1, "x")).ok());
  }
  auto db = Database::Open(Path());
  ASSERT_TRUE(db.ok());
  auto cache = OcrCache::Open(*db);
  ASSERT_TRUE(cache.ok());
  EXPECT_EQ(*db->SchemaVersion("ocr_cache"), 1);
  EXPECT_TRUE((*cache)->Find({"h", "e"})->has_value());
}

using ReprocessJournalTest = testing::TempDbTest;

TEST_F(ReprocessJournalTest, FinishedListsARunsEnvelopesInOrderUntilForgotten) {
  auto db = Database::Open(Path());
  ASSERT_TRUE(db.ok());
  auto journal = ReprocessJournal::Open(*db);
  ASSERT_TRUE(journal.ok()) << journal.status().ToString();
  ASSERT_TRUE((*journal)->Record("run1", {"b.tiff", "{1}"}).ok());
  ASSERT_TRUE((*journal)->Record("run1", {"a.tiff", "{2}"}).ok());
  ASSERT_TRUE((*journal)->Record("run2", {"c.tiff", "{3}"}).ok());
  ASSERT_TRUE((*journal)->Record("run1", {"b.tiff", "{4}"}).ok());  // recorded again: replaced

  auto run1 = (*journal)->Finished("run1");
  ASSERT_TRUE(run1.ok());
  ASSERT_EQ(run1->size(), 2u);
  EXPECT_EQ((*run1)[0].envelope, "a.tiff");
  EXPECT_EQ((*run1)[1].envelope, "b.tiff");
  EXPECT_EQ((*run1)[1].changes, "{4}");

  ASSERT_TRUE((*journal)->Forget("run1").ok());
  EXPECT_TRUE((*journal)->Finished("run1")->empty());
  EXPECT_EQ((*journal)->Finished("run2")->size(), 1u);
}

}  // namespace
}  // namespace liasse::store
