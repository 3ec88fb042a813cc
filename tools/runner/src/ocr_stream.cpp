#include "ocr_stream.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace liasse::runner {
namespace {

struct EnvelopeSlot {
  std::vector<ocr::PageImage> images;
  std::vector<std::optional<Result<ocr::PageResult>>> results;
  std::size_t remaining = 0;
};

struct PageTask {
  std::size_t envelope = 0;
  std::size_t page = 0;
  bool from_cache = false;  // the whole envelope, from the OCR cache
};

// Shared state between the decoder and the workers. `backlog` counts the
// pages of envelopes decoded but not yet handed on: those are the pages whose
// images (and then results) are held in memory.
class Stream {
 public:
  Stream(std::size_t count, std::size_t max_backlog, const OcrStreamCallbacks& callbacks)
      : slots_(count), max_backlog_(max_backlog), callbacks_(callbacks) {}

  void Decode() {
    for (std::size_t i = 0; i < slots_.size(); ++i) {
      if (callbacks_.cached && callbacks_.cached(i)) {
        AdmitCached(i);
        continue;
      }
      auto pages = callbacks_.decode(i);
      if (!pages.ok()) {
        callbacks_.failed(i, pages.status());
        continue;
      }
      if (pages->empty()) {
        callbacks_.failed(i, Status::Corrupt("aucune page"));
        continue;
      }
      Admit(i, std::move(pages).value());
    }
    std::lock_guard lock(mu_);
    decoding_done_ = true;
    work_ready_.notify_all();
  }

  void Work(ocr::OcrEngine& engine) {
    while (auto task = NextTask()) {
      if (task->from_cache) {
        callbacks_.from_cache(task->envelope, engine);
        continue;
      }
      EnvelopeSlot& slot = slots_[task->envelope];
      auto result = engine.Recognise(slot.images[task->page]);
      if (FinishPage(*task, std::move(result))) HandOn(task->envelope, engine);
    }
  }

 private:
  void Admit(std::size_t index, std::vector<ocr::PageImage> pages) {
    std::unique_lock lock(mu_);
    backlog_space_.wait(lock, [&] { return backlog_ == 0 || backlog_ + pages.size() <= max_backlog_; });
    EnvelopeSlot& slot = slots_[index];
    slot.remaining = pages.size();
    slot.results.resize(pages.size());
    for (std::size_t p = 0; p < pages.size(); ++p) tasks_.push_back({index, p});
    backlog_ += pages.size();
    slot.images = std::move(pages);
    work_ready_.notify_all();
  }

  // Cached envelopes hold no decoded image: they take no backlog room.
  void AdmitCached(std::size_t index) {
    std::lock_guard lock(mu_);
    tasks_.push_back({index, 0, true});
    work_ready_.notify_all();
  }

  std::optional<PageTask> NextTask() {
    std::unique_lock lock(mu_);
    work_ready_.wait(lock, [&] { return !tasks_.empty() || decoding_done_; });
    if (tasks_.empty()) return std::nullopt;
    PageTask task = tasks_.front();
    tasks_.pop_front();
    return task;
  }

  // Stores the page's result; true when it was the envelope's last page.
  bool FinishPage(const PageTask& task, Result<ocr::PageResult> result) {
    std::lock_guard lock(mu_);
    EnvelopeSlot& slot = slots_[task.envelope];
    slot.results[task.page].emplace(std::move(result));
    return --slot.remaining == 0;
  }

  void HandOn(std::size_t index, ocr::OcrEngine& engine) {
    std::vector<Result<ocr::PageResult>> results;
    std::size_t pages = 0;
    {
      std::lock_guard lock(mu_);
      EnvelopeSlot& slot = slots_[index];
      pages = slot.results.size();
      for (auto& r : slot.results) results.push_back(std::move(*r));
      slot = EnvelopeSlot{};  // the decoded images are no longer needed
    }
    callbacks_.done(index, std::move(results), engine);
    std::lock_guard lock(mu_);
    backlog_ -= pages;
    backlog_space_.notify_all();
  }

  std::vector<EnvelopeSlot> slots_;
  const std::size_t max_backlog_;
  const OcrStreamCallbacks& callbacks_;
  std::mutex mu_;
  std::condition_variable work_ready_;
  std::condition_variable backlog_space_;
  std::deque<PageTask> tasks_;
  std::size_t backlog_ = 0;
  bool decoding_done_ = false;
};

}  // namespace

void RunOcrStream(std::size_t count, const std::vector<ocr::OcrEngine*>& engines, std::size_t max_backlog_pages,
                  const OcrStreamCallbacks& callbacks) {
  Stream stream(count, max_backlog_pages, callbacks);
  std::vector<std::jthread> workers;
  for (ocr::OcrEngine* engine : engines) workers.emplace_back([&stream, engine] { stream.Work(*engine); });
  stream.Decode();
  workers.clear();  // joins once the queue is drained
}

}  // namespace liasse::runner
