#include <mutex>

#include "pix.h"
#include "preprocess.h"

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

Result<GreyPixels> ToGreyPixels(const PageImage& page) {
  PixPtr grey = ToGrey(RawPix(page));
  if (!grey) return Status::Internal("page " + std::to_string(page.page_number()) + ": grey conversion failed");
  GreyPixels out;
  out.width = pixGetWidth(grey.get());
  out.height = pixGetHeight(grey.get());
  out.dpi = page.dpi();
  out.pixels.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
  const l_uint32* data = pixGetData(grey.get());
  const int wpl = pixGetWpl(grey.get());
  std::uint8_t* dst = out.pixels.data();
  for (int y = 0; y < out.height; ++y) {
    const l_uint32* row = data + static_cast<std::ptrdiff_t>(y) * wpl;
    // Leptonica packs bytes big-endian within 32-bit words: read them through its macro.
    for (int x = 0; x < out.width; ++x) *dst++ = static_cast<std::uint8_t>(GET_DATA_BYTE(row, x));
  }
  return out;
}

Status WritePng(const PageImage& page, const std::filesystem::path& path) {
  if (pixWrite(path.c_str(), RawPix(page), IFF_PNG) != 0) {
    return Status::IoError(path.string() + ": cannot write PNG");
  }
  return Status::Ok();
}

}  // namespace liasse::ocr
