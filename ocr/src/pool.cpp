// A fixed set of engines lent out one at a time. Each RecogniseAll call runs
// one thread per engine it can borrow, pulling page indices from a shared
// counter, so pages of an envelope spread over the workers while every
// engine stays on one thread at a time; RecogniseRegion borrows one engine
// for one rectangle.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "liasse/ocr/ocr.h"

namespace liasse::ocr {

struct OcrPool::Impl {
  std::vector<std::unique_ptr<OcrEngine>> engines;
  std::mutex mutex;
  std::condition_variable returned;
  std::vector<OcrEngine*> free;  // engines not lent out

  OcrEngine& Borrow() {
    std::unique_lock lock(mutex);
    returned.wait(lock, [&] { return !free.empty(); });
    OcrEngine* engine = free.back();
    free.pop_back();
    return *engine;
  }

  void GiveBack(OcrEngine& engine) {
    {
      std::lock_guard lock(mutex);
      free.push_back(&engine);
    }
    returned.notify_one();
  }
};

namespace {

// Returns the borrowed engine to the pool on every path out of a scope.
class Loan {
 public:
  explicit Loan(OcrPool::Impl& pool) : pool_(pool), engine_(pool.Borrow()) {}
  ~Loan() { pool_.GiveBack(engine_); }
  Loan(const Loan&) = delete;
  Loan& operator=(const Loan&) = delete;
  OcrEngine& engine() { return engine_; }

 private:
  OcrPool::Impl& pool_;
  OcrEngine& engine_;
};

}  // namespace

OcrPool::OcrPool(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
OcrPool::~OcrPool() = default;

int OcrPool::workers() const { return static_cast<int>(impl_->engines.size()); }

Result<std::unique_ptr<OcrPool>> OcrPool::Create(const OcrOptions& options, int workers) {
  if (workers < 1) return Status::InvalidArgument("OCR pool needs at least one worker");
  auto impl = std::make_unique<Impl>();
  for (int i = 0; i < workers; ++i) {
    LIASSE_ASSIGN_OR_RETURN(auto engine, OcrEngine::Create(options));
    impl->engines.push_back(std::move(engine));
    impl->free.push_back(impl->engines.back().get());
  }
  return std::unique_ptr<OcrPool>(new OcrPool(std::move(impl)));
}

std::vector<Result<PageResult>> OcrPool::RecogniseAll(const std::vector<PageImage>& pages) {
  std::vector<std::optional<Result<PageResult>>> slots(pages.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    if (next.load() >= pages.size()) return;  // nothing left: do not wait for an engine
    Loan loan(*impl_);
    for (std::size_t i = next++; i < pages.size(); i = next++) slots[i].emplace(loan.engine().Recognise(pages[i]));
  };
  const std::size_t n = std::min(impl_->engines.size(), std::max<std::size_t>(pages.size(), 1));
  {
    std::vector<std::jthread> threads;
    for (std::size_t w = 1; w < n; ++w) threads.emplace_back(work);
    work();
  }  // joins
  std::vector<Result<PageResult>> results;
  results.reserve(pages.size());
  for (auto& slot : slots) results.push_back(std::move(*slot));
  return results;
}

Result<RegionResult> OcrPool::RecogniseRegion(const PageImage& page, const Box& box, const RegionOptions& options) {
  Loan loan(*impl_);
  return loan.engine().RecogniseRegion(page, box, options);
}

}  // namespace liasse::ocr
