// Counts the bytes the process holds on the heap (global operator new/delete), so the
// native benchmark can report the peak extra memory of one engine call.
#pragma once

#include <cstddef>

namespace convplay::bench {

std::size_t heap_bytes_now();
// Restarts the high-water mark at the current level; returns that level.
std::size_t reset_heap_peak();
std::size_t heap_peak();

}  // namespace convplay::bench
