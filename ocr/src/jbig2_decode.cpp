// JBIG2 (PDF /JBIG2Decode, embedded stream organisation) via jbig2dec:
// Leptonica writes JBIG2 but cannot read it.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "decode_internal.h"

#include <jbig2.h>  // needs <cstdint> first

namespace liasse::ocr {
namespace {

struct CtxDeleter {
  void operator()(Jbig2Ctx* ctx) const noexcept { jbig2_ctx_free(ctx); }
};
using CtxPtr = std::unique_ptr<Jbig2Ctx, CtxDeleter>;

const uint8_t* U8(std::span<const std::byte> b) { return reinterpret_cast<const uint8_t*>(b.data()); }

}  // namespace

PixPtr DecodeJbig2(std::span<const std::byte> data, std::span<const std::byte> globals, int width, int height) {
  Jbig2GlobalCtx* global_ctx = nullptr;
  if (!globals.empty()) {
    CtxPtr g(jbig2_ctx_new(nullptr, JBIG2_OPTIONS_EMBEDDED, nullptr, nullptr, nullptr));
    if (!g || jbig2_data_in(g.get(), U8(globals), globals.size()) < 0) return nullptr;
    global_ctx = jbig2_make_global_ctx(g.release());  // takes ownership of the context
  }
  CtxPtr ctx(jbig2_ctx_new(nullptr, JBIG2_OPTIONS_EMBEDDED, global_ctx, nullptr, nullptr));
  if (!ctx) {
    if (global_ctx != nullptr) jbig2_global_ctx_free(global_ctx);
    return nullptr;
  }
  PixPtr pix;
  if (jbig2_data_in(ctx.get(), U8(data), data.size()) >= 0 && jbig2_complete_page(ctx.get()) >= 0) {
    Jbig2Image* img = jbig2_page_out(ctx.get());
    if (img != nullptr) {
      if (static_cast<int>(img->width) == width && static_cast<int>(img->height) == height) {
        pix.reset(pixCreate(width, height, 1));
        if (pix) {
          // jbig2dec rows are MSB-first bytes with 1 = black, as Leptonica's.
          l_uint32* dst = pixGetData(pix.get());
          const auto wpl = static_cast<std::size_t>(pixGetWpl(pix.get()));
          const std::size_t row_bytes = (static_cast<std::size_t>(width) + 7) / 8;
          for (int y = 0; y < height; ++y) {
            std::memcpy(dst + static_cast<std::size_t>(y) * wpl, img->data + static_cast<std::size_t>(y) * img->stride,
                        row_bytes);
          }
          pixEndianByteSwap(pix.get());
        }
      }
      jbig2_release_page(ctx.get(), img);
    }
  }
  ctx.reset();
  if (global_ctx != nullptr) jbig2_global_ctx_free(global_ctx);
  return pix;
}

}  // namespace liasse::ocr
