#include "liasse/store/ocr_cache.h"

#include <array>
#include <mutex>

#include "sqlite_handle.h"

namespace liasse::store {
namespace {

using detail::Connection;
using detail::Statement;

const std::array<Migration, 1> kOcrCacheMigrations = {{
    {"ocr_cache", 1,
     "CREATE TABLE ocr_cache ("
     " id INTEGER PRIMARY KEY,"
     " sha256 TEXT NOT NULL,"
     " engine TEXT NOT NULL,"
     " pages INTEGER NOT NULL,"
     " regions TEXT NOT NULL,"
     " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
     " UNIQUE (sha256, engine));"
     "CREATE TABLE ocr_cache_page ("
     " cache_id INTEGER NOT NULL REFERENCES ocr_cache(id) ON DELETE CASCADE,"
     " page INTEGER NOT NULL,"
     " result TEXT NOT NULL,"
     " cleaned_png BLOB NOT NULL,"
     " PRIMARY KEY (cache_id, page))"},
}};

// Row id of the entry, or nullopt.
Result<std::optional<int64_t>> EntryId(Connection& c, const OcrCacheKey& key) {
  LIASSE_ASSIGN_OR_RETURN(auto s, Statement::Prepare(c, "SELECT id FROM ocr_cache WHERE sha256=? AND engine=?"));
  s.Bind(1, key.sha256).Bind(2, key.engine);
  LIASSE_ASSIGN_OR_RETURN(auto row, s.Step());
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(s.Int(0));
}

Status InsertEntry(Connection& c, const OcrCacheKey& key, const CachedOcr& entry) {
  LIASSE_ASSIGN_OR_RETURN(auto drop, Statement::Prepare(c, "DELETE FROM ocr_cache WHERE sha256=? AND engine=?"));
  drop.Bind(1, key.sha256).Bind(2, key.engine);
  LIASSE_RETURN_IF_ERROR(drop.Run());
  LIASSE_ASSIGN_OR_RETURN(auto head, Statement::Prepare(c, "INSERT INTO ocr_cache (sha256, engine, pages, regions) VALUES (?, ?, ?, ?)"));
  head.Bind(1, key.sha256).Bind(2, key.engine).Bind(3, static_cast<int64_t>(entry.pages.size())).Bind(4, entry.regions);
  LIASSE_RETURN_IF_ERROR(head.Run());
  LIASSE_ASSIGN_OR_RETURN(auto id, EntryId(c, key));
  LIASSE_ASSIGN_OR_RETURN(auto page, Statement::Prepare(c, "INSERT INTO ocr_cache_page (cache_id, page, result, cleaned_png) VALUES (?, ?, ?, ?)"));
  for (std::size_t i = 0; i < entry.pages.size(); ++i) {
    page.Reset();
    page.Bind(1, *id).Bind(2, static_cast<int64_t>(i)).Bind(3, entry.pages[i].result).BindBlob(4, entry.pages[i].cleaned_png);
    LIASSE_RETURN_IF_ERROR(page.Run());
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<OcrCache>> OcrCache::Open(Database& db) {
  LIASSE_RETURN_IF_ERROR(db.Migrate(kOcrCacheMigrations));
  return std::unique_ptr<OcrCache>(new OcrCache(db));
}

Result<bool> OcrCache::Contains(const OcrCacheKey& key) const {
  std::lock_guard<std::mutex> lock(db_.mutex());
  LIASSE_ASSIGN_OR_RETURN(auto id, EntryId(db_.connection(), key));
  return id.has_value();
}

Result<std::optional<CachedOcr>> OcrCache::Find(const OcrCacheKey& key) const {
  std::lock_guard<std::mutex> lock(db_.mutex());
  Connection& c = db_.connection();
  LIASSE_ASSIGN_OR_RETURN(auto head, Statement::Prepare(c, "SELECT id, pages, regions FROM ocr_cache WHERE sha256=? AND engine=?"));
  head.Bind(1, key.sha256).Bind(2, key.engine);
  LIASSE_ASSIGN_OR_RETURN(auto row, head.Step());
  if (!row) return std::optional<CachedOcr>();
  const int64_t id = head.Int(0);
  const int64_t count = head.Int(1);
  CachedOcr entry;
  entry.regions = head.Text(2);
  LIASSE_ASSIGN_OR_RETURN(auto pages, Statement::Prepare(c, "SELECT result, cleaned_png FROM ocr_cache_page WHERE cache_id=? ORDER BY page"));
  pages.Bind(1, id);
  for (;;) {
    LIASSE_ASSIGN_OR_RETURN(auto more, pages.Step());
    if (!more) break;
    entry.pages.push_back({pages.Text(0), pages.Blob(1)});
  }
  // A torn entry (never expected: pages are written in the same
  // transaction) is treated as absent so the OCR runs again.
  if (static_cast<int64_t>(entry.pages.size()) != count) return std::optional<CachedOcr>();
  return std::optional<CachedOcr>(std::move(entry));
}

Status OcrCache::Put(const OcrCacheKey& key, const CachedOcr& entry) {
  std::lock_guard<std::mutex> lock(db_.mutex());
  Connection& c = db_.connection();
  LIASSE_ASSIGN_OR_RETURN(auto scope, detail::WriteScope::Begin(c.db));
  LIASSE_RETURN_IF_ERROR(InsertEntry(c, key, entry));
  return scope.Commit();
}

Status OcrCache::SetRegions(const OcrCacheKey& key, const std::string& regions) {
  std::lock_guard<std::mutex> lock(db_.mutex());
  LIASSE_ASSIGN_OR_RETURN(auto s, Statement::Prepare(db_.connection(), "UPDATE ocr_cache SET regions=? WHERE sha256=? AND engine=?"));
  s.Bind(1, regions).Bind(2, key.sha256).Bind(3, key.engine);
  return s.Run();
}

}  // namespace liasse::store
