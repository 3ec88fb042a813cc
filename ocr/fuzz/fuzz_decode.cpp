// libFuzzer target for the decode entry point: any bytes, tight limits, no
// crash, hang or allocation past the limits. Build with -DLIASSE_FUZZ=ON and
// clang; run: build/bin/fuzz_decode -max_total_time=600 CORPUS_DIR
#include <cstddef>
#include <cstdint>
#include <span>

#include "liasse/ocr/page_image.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  liasse::ocr::DecodeLimits limits;
  limits.max_pixels_per_page = 4'000'000;
  limits.max_pages = 8;
  const std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(data), size);
  auto pages = liasse::ocr::DecodeBytes(bytes, "fuzz", limits);
  if (pages.ok() && pages->empty()) __builtin_trap();  // success always carries pages
  return 0;
}
