// Streams the pages of a batch of envelopes through one Tesseract engine per
// worker: a decoder thread reads envelopes in order and queues their pages,
// workers recognise pages from any envelope (so both cores stay busy across
// envelope boundaries), and the worker finishing an envelope's last page
// hands the envelope on. The decoded backlog is bounded so memory stays flat
// on long batches. Internal to the runner.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include "liasse/core/status.h"
#include "liasse/ocr/ocr.h"
#include "liasse/ocr/page_image.h"

namespace liasse::runner {

struct OcrStreamCallbacks {
  // Decodes envelope `index`. Called on the decoder thread, in index order.
  std::function<Result<std::vector<ocr::PageImage>>(std::size_t index)> decode;
  // Envelope `index` could not be decoded. Called on the decoder thread.
  std::function<void(std::size_t index, const Status& error)> failed;
  // Every page of envelope `index` went through OCR (in page order; a page
  // may have failed). Called on the worker that finished it, with that
  // worker's engine (for region re-reads); envelopes may finish out of order.
  std::function<void(std::size_t index, std::vector<Result<ocr::PageResult>> pages, ocr::OcrEngine& engine)> done;
  // Whether envelope `index` can be taken from the OCR cache instead of
  // being decoded (optional). Called on the decoder thread, in index order,
  // before `decode`; when true, `from_cache` runs instead of the OCR.
  std::function<bool(std::size_t index)> cached;
  // Takes envelope `index` from the cache. Called on a worker, with its
  // engine (for region re-reads the cache does not hold).
  std::function<void(std::size_t index, ocr::OcrEngine& engine)> from_cache;
};

// Runs `count` envelopes through `engines` (one thread each) and returns
// when every envelope was handed to `failed` or `done`. At most
// `max_backlog_pages` decoded pages wait for OCR at a time (an envelope
// larger than that is still admitted alone). The engines are borrowed.
void RunOcrStream(std::size_t count, const std::vector<ocr::OcrEngine*>& engines, std::size_t max_backlog_pages,
                  const OcrStreamCallbacks& callbacks);

}  // namespace liasse::runner
