// The OCR stream's scheduling, with real engines on small decoded pages:
// every envelope is handed on exactly once, failures included, and the
// decoded backlog never exceeds its bound.
#include "ocr_stream.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <set>

#include "testing/status_matchers.h"

namespace liasse::runner {
namespace {
using ::liasse::test_support::StatusIs;
using ::testing::HasSubstr;

namespace fs = std::filesystem;


TEST(OcrStream, HandsOnEveryEnvelopeOnceAndKeepsTheBacklogBounded) {
  ocr::OcrOptions options;
  options.detect_orientation = false;  // the scheduling is under test, not the page quality
  auto engine_a = ocr::OcrEngine::Create(options);
  auto engine_b = ocr::OcrEngine::Create(options);
  ASSERT_TRUE(engine_a.ok() && engine_b.ok());
  auto page = ocr::DecodeFile(fs::path(LIASSE_SOURCE_DIR) / "tests/tools/runner/data/tiny_page.png");
  ASSERT_TRUE(page.ok()) << page.status().ToString();

  // Envelope i has (i % 3) + 1 copies of the page; every fourth fails to decode.
  constexpr std::size_t kEnvelopes = 8;
  std::mutex mu;
  std::multiset<std::size_t> done, failed;
  std::atomic<std::size_t> in_memory{0}, peak{0};
  std::vector<std::size_t> pages_of(kEnvelopes);
  OcrStreamCallbacks callbacks;
  callbacks.decode = [&](std::size_t i) -> Result<std::vector<ocr::PageImage>> {
    if (i % 4 == 3) return Status::Corrupt("enveloppe " + std::to_string(i) + " illisible");
    std::vector<ocr::PageImage> pages(i % 3 + 1, page->front());
    pages_of[i] = pages.size();
    const std::size_t now = in_memory += pages.size();
    for (std::size_t p = peak; now > p && !peak.compare_exchange_weak(p, now);) {
    }
    return pages;
  };
  callbacks.failed = [&](std::size_t i, const Status& s) {
    EXPECT_THAT(s, StatusIs(StatusCode::kCorrupt, HasSubstr("enveloppe " + std::to_string(i) + " illisible")));
    std::lock_guard lock(mu);
    failed.insert(i);
  };
  callbacks.done = [&](std::size_t i, std::vector<Result<ocr::PageResult>> results, ocr::OcrEngine&) {
    EXPECT_EQ(results.size(), pages_of[i]);
    for (const auto& r : results) EXPECT_TRUE(r.ok());
    in_memory -= results.size();
    std::lock_guard lock(mu);
    done.insert(i);
  };
  RunOcrStream(kEnvelopes, {engine_a->get(), engine_b->get()}, 3, callbacks);

  EXPECT_EQ(failed, (std::multiset<std::size_t>{3, 7}));
  EXPECT_EQ(done, (std::multiset<std::size_t>{0, 1, 2, 4, 5, 6}));
  // The decoder may hold one envelope (≤ 3 pages) it cannot admit yet while
  // ≤ 3 pages wait or are in OCR.
  EXPECT_LE(peak.load(), 6u);
  EXPECT_EQ(in_memory.load(), 0u);
}

}  // namespace
}  // namespace liasse::runner
