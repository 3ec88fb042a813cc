// Page images and the decoder that turns an envelope file (TIFF, PNG, JPEG,
// PDF of scanned pages) into them, under configurable limits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "liasse/core/status.h"

namespace liasse::ocr {

// Limits against bad or hostile input. Every breach is a kLimitExceeded
// Status naming the file (and page). Defaults suit A4 scans up to 600 dpi.
struct DecodeLimits {
  std::uint64_t max_file_bytes = 256ull << 20;      // whole envelope file
  std::uint64_t max_pixels_per_page = 80'000'000;   // after upscaling; A4 at 600 dpi is 35 M
  int max_pages = 500;                              // pages per envelope
  int default_dpi = 300;   // used when the file states no (or an absurd) resolution
  int min_dpi = 250;       // pages below this are upscaled to default_dpi for recognition
};

// One decoded page: an immutable raster (1-bit, 8-bit grey or 32-bit RGB)
// with its resolution. Cheap to copy (shared, immutable); safe to read from
// several threads at once.
class PageImage {
 public:
  struct Impl;  // holds the Leptonica raster; defined in ocr/src only
  explicit PageImage(std::shared_ptr<const Impl> impl);

  int width() const;
  int height() const;
  int depth() const;  // bits per pixel: 1, 8 or 32
  int dpi() const;
  // Resolution stated by the file before any upscaling (0 when it stated none).
  int source_dpi() const;
  // 1-based page number in the envelope file.
  int page_number() const;

  const Impl& impl() const { return *impl_; }

 private:
  std::shared_ptr<const Impl> impl_;
};

// Decodes every page of the file at `path`. Fails with kNotFound/kIoError
// when it cannot be read, kLimitExceeded past a limit, kCorrupt when the bytes
// are not a readable image/PDF (truncated, lying header, text file), and
// kUnimplemented for a recognised but unsupported encoding (e.g. a
// born-digital PDF page with vector text and no scanned image, which Liasse
// does not rasterise). Messages start with the file name and the page.
// Thread-safe.
Result<std::vector<PageImage>> DecodeFile(const std::filesystem::path& path, const DecodeLimits& limits = {});

// The same on bytes already in memory; `name` is used in messages. This is
// the fuzzing entry point: no input makes it crash, hang or allocate past
// the limits.
Result<std::vector<PageImage>> DecodeBytes(std::span<const std::byte> bytes, std::string_view name,
                                           const DecodeLimits& limits = {});

// A page as plain 8-bit grey pixels, for code that must not see Leptonica
// (extractors): 0 = black, 255 = white, row-major, `width` bytes per row.
struct GreyPixels {
  int width = 0, height = 0;
  int dpi = 0;
  std::vector<std::uint8_t> pixels;  // width * height bytes
};

// Copies `page` (1-bit: set bit = black; 8-bit grey; 32-bit RGB: luminance)
// into a new GreyPixels. kInternal only when a conversion fails (out of
// memory). Thread-safe.
Result<GreyPixels> ToGreyPixels(const PageImage& page);

// Writes `page` as PNG (for debugging and tests). kIoError on failure.
Status WritePng(const PageImage& page, const std::filesystem::path& path);

// `page` as PNG bytes (lossless, with its resolution), e.g. to keep a cleaned
// page in the OCR cache; DecodeBytes reads them back to an identical raster.
// kInternal when encoding fails. Thread-safe.
Result<std::string> EncodePng(const PageImage& page);

}  // namespace liasse::ocr
