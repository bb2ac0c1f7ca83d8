// Replaces the global operator new/delete of the benchmark binary with counting
// versions. A size header in front of each block lets delete subtract what new added.
#include "heap_counter.h"

#include <algorithm>
#include <cstdlib>
#include <new>

namespace {

std::size_t g_now = 0;
std::size_t g_peak = 0;
constexpr std::size_t kHeader = alignof(std::max_align_t);

void* counted_alloc(std::size_t bytes) {
  void* block = std::malloc(bytes + kHeader);
  if (!block) throw std::bad_alloc();
  *static_cast<std::size_t*>(block) = bytes;
  g_now += bytes;
  g_peak = std::max(g_peak, g_now);
  return static_cast<char*>(block) + kHeader;
}

void counted_free(void* p) {
  if (!p) return;
  void* block = static_cast<char*>(p) - kHeader;
  g_now -= *static_cast<std::size_t*>(block);
  std::free(block);
}

}  // namespace

void* operator new(std::size_t bytes) { return counted_alloc(bytes); }
void* operator new[](std::size_t bytes) { return counted_alloc(bytes); }
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }

namespace convplay::bench {

std::size_t heap_bytes_now() { return g_now; }
std::size_t reset_heap_peak() { return g_peak = g_now; }
std::size_t heap_peak() { return g_peak; }

}  // namespace convplay::bench
