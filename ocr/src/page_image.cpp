#include <mutex>

#include "pix.h"

namespace liasse::ocr {

PageImage::PageImage(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
int PageImage::width() const { return pixGetWidth(impl_->pix.get()); }
int PageImage::height() const { return pixGetHeight(impl_->pix.get()); }
int PageImage::depth() const { return pixGetDepth(impl_->pix.get()); }
int PageImage::dpi() const { return pixGetXRes(impl_->pix.get()); }
int PageImage::source_dpi() const { return impl_->source_dpi; }
int PageImage::page_number() const { return impl_->page_number; }

PageImage MakePageImage(PixPtr pix, int source_dpi, int page_number) {
  auto impl = std::make_shared<PageImage::Impl>();
  impl->pix = std::move(pix);
  impl->source_dpi = source_dpi;
  impl->page_number = page_number;
  return PageImage(std::move(impl));
}

void QuietLeptonica() {
  static std::once_flag once;
  std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

Status WritePng(const PageImage& page, const std::filesystem::path& path) {
  if (pixWrite(path.c_str(), RawPix(page), IFF_PNG) != 0) {
    return Status::IoError(path.string() + ": cannot write PNG");
  }
  return Status::Ok();
}

}  // namespace liasse::ocr
