// A fixed set of engines; each RecogniseAll call runs one thread per engine
// pulling page indices from a shared counter, so pages of an envelope spread
// over the workers while every engine stays on one thread at a time.
#include <atomic>
#include <mutex>
#include <thread>

#include "liasse/ocr/ocr.h"

namespace liasse::ocr {

struct OcrPool::Impl {
  std::vector<std::unique_ptr<OcrEngine>> engines;
  std::mutex busy;  // one RecogniseAll at a time owns all engines
};

OcrPool::OcrPool(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
OcrPool::~OcrPool() = default;

int OcrPool::workers() const { return static_cast<int>(impl_->engines.size()); }

Result<std::unique_ptr<OcrPool>> OcrPool::Create(const OcrOptions& options, int workers) {
  if (workers < 1) return Status::InvalidArgument("OCR pool needs at least one worker");
  auto impl = std::make_unique<Impl>();
  for (int i = 0; i < workers; ++i) {
    auto engine = OcrEngine::Create(options);
    if (!engine.ok()) return engine.status();
    impl->engines.push_back(std::move(engine).value());
  }
  return std::unique_ptr<OcrPool>(new OcrPool(std::move(impl)));
}

std::vector<Result<PageResult>> OcrPool::RecogniseAll(const std::vector<PageImage>& pages) {
  std::lock_guard lock(impl_->busy);
  std::vector<std::optional<Result<PageResult>>> slots(pages.size());
  std::atomic<std::size_t> next{0};
  auto work = [&](OcrEngine& engine) {
    for (std::size_t i = next++; i < pages.size(); i = next++) slots[i].emplace(engine.Recognise(pages[i]));
  };
  const std::size_t n = std::min(impl_->engines.size(), std::max<std::size_t>(pages.size(), 1));
  std::vector<std::jthread> threads;
  for (std::size_t w = 1; w < n; ++w) threads.emplace_back(work, std::ref(*impl_->engines[w]));
  work(*impl_->engines[0]);
  threads.clear();  // joins
  std::vector<Result<PageResult>> results;
  results.reserve(pages.size());
  for (auto& slot : slots) results.push_back(std::move(*slot));
  return results;
}

}  // namespace liasse::ocr
