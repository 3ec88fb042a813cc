#include "page_adapter.h"

#include <algorithm>
#include <string>

#include "liasse/ocr/page_image.h"
#include "liasse/runner/region_reread.h"

namespace liasse::runner {
namespace {

Box ToBox(const ocr::Box& b) { return {b.x, b.y, b.width, b.height}; }

}  // namespace

extractors::OcrPage ToOcrPage(const ocr::PageResult& result, int index) {
  extractors::OcrPage page;
  page.index = index;
  page.dpi = result.dpi;
  if (result.cleaned) {
    page.width = result.cleaned->width();
    page.height = result.cleaned->height();
    // The ink checks (signatures, ticked boxes, crossed-out prescriptions)
    // look at the very pixels the word boxes refer to.
    if (auto grey = ocr::ToGreyPixels(*result.cleaned); grey.ok()) {
      page.ink.width = grey->width;
      page.ink.height = grey->height;
      page.ink.pixels = std::move(grey->pixels);
    }
  }
  page.text = result.text;
  page.mean_confidence = result.mean_confidence;
  for (const auto& block : result.blocks) {
    for (const auto& line : block.lines) {
      extractors::OcrLine out{ToBox(line.box), {}};
      out.words.reserve(line.words.size());
      for (const auto& w : line.words) out.words.push_back({w.text, ToBox(w.box), w.confidence});
      page.lines.push_back(std::move(out));
    }
  }
  return page;
}

Result<extractors::RegionText> EngineRegionReader::Reread(int page_index, const Box& box,
                                                          extractors::RegionKind kind) {
  const auto index = static_cast<std::size_t>(page_index);
  if (page_index < 0 || index >= pages_.size() || pages_[index] == nullptr) {
    return Status::InvalidArgument("page " + std::to_string(page_index) + " inconnue");
  }
  const ocr::PageResult& page = *pages_[index];
  if (!page.cleaned) return Status::FailedPrecondition("image de la page non conservée");
  return RereadRegion(engine_, *page.cleaned, box, kind);
}

Result<extractors::RegionText> RereadRegion(ocr::OcrEngine& engine, const ocr::PageImage& page,
                                            const Box& box, extractors::RegionKind kind) {
  // Character sets per region kind: what a NIR, an amount or a date can
  // hold, so Tesseract cannot read an 'O' or an 'l' where only digits are
  // printed.
  ocr::RegionOptions options;
  options.page_segmentation_mode = 7;  // one text line
  switch (kind) {
    case extractors::RegionKind::kDigits: options.whitelist = "0123456789 "; break;
    case extractors::RegionKind::kAmount: options.whitelist = "0123456789,.€ "; break;
    case extractors::RegionKind::kDate: options.whitelist = "0123456789/.- "; break;
    case extractors::RegionKind::kText: break;
  }
  // Clipped to the page: the extractors' margins may step over an edge.
  const int x = std::max(0, box.x), y = std::max(0, box.y);
  const ocr::Box clipped{x, y, std::min(box.x + box.width, page.width()) - x,
                         std::min(box.y + box.height, page.height()) - y};
  if (clipped.width <= 0 || clipped.height <= 0) return Status::InvalidArgument("zone hors de la page");
  LIASSE_ASSIGN_OR_RETURN(auto read, engine.RecogniseRegion(page, clipped, options));
  return extractors::RegionText{read.text, read.confidence};
}

}  // namespace liasse::runner
