// Internal: pieces shared by the raster and PDF decoders.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "pix.h"

namespace liasse::ocr {

// "<name>: page <n>: " — the prefix of every per-page message.
std::string PagePrefix(std::string_view name, int page_number);

// kLimitExceeded when a w × h page (after any upscaling to reach
// limits.min_dpi) would exceed limits.max_pixels_per_page.
Status CheckPixels(std::string_view name, int page_number, std::int64_t width, std::int64_t height,
                   int stated_dpi, const DecodeLimits& limits);

// Normalises a freshly decoded raster: no colormap or alpha, depth 1, 8 or
// 32, a plausible resolution (stated_dpi, else limits.default_dpi), upscaled
// when below limits.min_dpi.
Result<PageImage> FinishPage(PixPtr pix, int stated_dpi, std::string_view name, int page_number,
                             const DecodeLimits& limits);

Result<std::vector<PageImage>> DecodePdf(std::span<const std::byte> bytes, std::string_view name,
                                         const DecodeLimits& limits);

// Decodes an embedded JBIG2 stream (PDF /JBIG2Decode) with its optional
// globals into a 1-bit raster (1 = black). Null on failure.
PixPtr DecodeJbig2(std::span<const std::byte> data, std::span<const std::byte> globals, int width,
                   int height);

}  // namespace liasse::ocr
