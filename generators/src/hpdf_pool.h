// Allocation functions handed to libharu (HPDF_NewEx). A letter makes
// thousands of small allocations and frees them all when the next letter
// starts; returning them to malloc made glibc shrink and regrow the heap
// (brk) around every letter. Freed blocks are kept in a per-thread cache of
// power-of-two size classes (bounded) and reused by the next letter.
//
// Thread-safe: each thread has its own cache; a block freed on another
// thread simply joins that thread's cache.
#pragma once

#include <hpdf.h>

namespace liasse::generators::internal {

void* PoolAlloc(HPDF_UINT size);
void PoolFree(void* block);

}  // namespace liasse::generators::internal
