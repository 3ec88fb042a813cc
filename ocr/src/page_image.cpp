#include <algorithm>
#include <array>
#include <cstring>
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

namespace {

// 1-bit pages (every binarised page) unpacked straight into the output:
// going through an 8-bit Leptonica copy cost two more full-page passes and
// their page faults, the main cost of a page taken from the OCR cache.
GreyPixels UnpackBits(const Pix* pix, int dpi) {
  GreyPixels out;
  out.width = pixGetWidth(pix);
  out.height = pixGetHeight(pix);
  out.dpi = dpi;
  out.pixels.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
  const l_uint32* data = pixGetData(const_cast<Pix*>(pix));
  const int wpl = pixGetWpl(const_cast<Pix*>(pix));
  // Eight pixels per source byte through a table (set bit = black).
  static const auto kExpand = [] {
    std::array<std::array<std::uint8_t, 8>, 256> table{};
    for (int b = 0; b < 256; ++b) {
      for (int i = 0; i < 8; ++i) table[static_cast<std::size_t>(b)][static_cast<std::size_t>(i)] = (b & (0x80 >> i)) ? 0 : 255;
    }
    return table;
  }();
  const auto width = static_cast<std::size_t>(out.width);
  std::uint8_t* dst = out.pixels.data();
  for (int y = 0; y < out.height; ++y, dst += width) {
    const l_uint32* row = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (std::size_t x = 0; x < width; x += 8) {
      // Leptonica keeps the leftmost pixel in the word's most significant bit.
      const l_uint32 word = row[x / 32];
      const auto byte = static_cast<std::size_t>((word >> (24 - (x % 32))) & 0xFF);
      std::memcpy(dst + x, kExpand[byte].data(), std::min<std::size_t>(8, width - x));
    }
  }
  return out;
}

}  // namespace

Result<GreyPixels> ToGreyPixels(const PageImage& page) {
  if (pixGetDepth(RawPix(page)) == 1 && pixGetColormap(RawPix(page)) == nullptr) {
    return UnpackBits(RawPix(page), page.dpi());
  }
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

Result<std::string> EncodePng(const PageImage& page) {
  l_uint8* data = nullptr;
  size_t size = 0;
  if (pixWriteMem(&data, &size, RawPix(page), IFF_PNG) != 0 || data == nullptr) {
    return Status::Internal("page " + std::to_string(page.page_number()) + ": PNG encoding failed");
  }
  std::string bytes(reinterpret_cast<const char*>(data), size);
  lept_free(data);
  return bytes;
}

}  // namespace liasse::ocr
