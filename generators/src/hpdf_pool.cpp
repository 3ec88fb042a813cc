#include "hpdf_pool.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace liasse::generators::internal {

namespace {

constexpr size_t kHeader = 16;           // keeps the caller's block 16-byte aligned
constexpr uint32_t kClasses = 17;        // 16 B … 1 MiB
constexpr uint32_t kDirect = 0xFFFFFFFF; // larger blocks bypass the cache
constexpr size_t kMaxCachedBytes = size_t{32} << 20;

size_t ClassSize(uint32_t c) { return size_t{16} << c; }

uint32_t ClassOf(size_t size) {
  uint32_t c = 0;
  while (c < kClasses && ClassSize(c) < size) ++c;
  return c < kClasses ? c : kDirect;
}

thread_local bool t_cache_gone = false;  // trivially destructible: safe after the cache is gone

struct Cache {
  std::array<std::vector<unsigned char*>, kClasses> free_blocks;
  size_t cached_bytes = 0;
  ~Cache() {
    for (auto& blocks : free_blocks) {
      for (unsigned char* block : blocks) std::free(block);
    }
    t_cache_gone = true;
  }
};

Cache& ThreadCache() {
  thread_local Cache cache;
  return cache;
}

}  // namespace

void* PoolAlloc(HPDF_UINT size) {
  uint32_t c = ClassOf(size);
  unsigned char* block = nullptr;
  if (c != kDirect && !t_cache_gone) {
    Cache& cache = ThreadCache();
    auto& blocks = cache.free_blocks[c];
    if (!blocks.empty()) {
      block = blocks.back();
      blocks.pop_back();
      cache.cached_bytes -= ClassSize(c);
    }
  }
  if (block == nullptr) {
    block = static_cast<unsigned char*>(std::malloc(kHeader + (c == kDirect ? size : ClassSize(c))));
    if (block == nullptr) return nullptr;
  }
  *reinterpret_cast<uint32_t*>(block) = c;
  return block + kHeader;
}

void PoolFree(void* pointer) {
  if (pointer == nullptr) return;
  unsigned char* block = static_cast<unsigned char*>(pointer) - kHeader;
  const uint32_t c = *reinterpret_cast<uint32_t*>(block);
  if (c == kDirect || t_cache_gone) {
    std::free(block);
    return;
  }
  Cache& cache = ThreadCache();
  if (cache.cached_bytes + ClassSize(c) > kMaxCachedBytes) {
    std::free(block);
    return;
  }
  cache.free_blocks[c].push_back(block);
  cache.cached_bytes += ClassSize(c);
}

}  // namespace liasse::generators::internal
