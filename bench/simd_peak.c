// The machine's limit for the benchmark table: the best f32 mul+add throughput of
// WebAssembly SIMD128 on this core. CHAINS independent f32x4 accumulators each do
// acc = acc * m + c per step (2 flops per lane), so the dependency latency is hidden
// and only the issue rate of mul and add remains. Built by bench/run.sh with emcc into
// a standalone module without imports; bench/simd_peak.js tries several chain counts.
#include <wasm_simd128.h>

#define PEAK_KERNEL(CHAINS)                                                      \
  __attribute__((export_name("peak" #CHAINS))) float peak##CHAINS(int steps) {   \
    v128_t acc[CHAINS];                                                          \
    const v128_t m = wasm_f32x4_splat(0.999f), c = wasm_f32x4_splat(0.001f);     \
    for (int i = 0; i < CHAINS; ++i) acc[i] = wasm_f32x4_splat((float)i);        \
    for (int s = 0; s < steps; ++s) {                                            \
      for (int i = 0; i < CHAINS; ++i) acc[i] = wasm_f32x4_add(wasm_f32x4_mul(acc[i], m), c); \
    }                                                                            \
    v128_t sum = acc[0];                                                         \
    for (int i = 1; i < CHAINS; ++i) sum = wasm_f32x4_add(sum, acc[i]);          \
    return wasm_f32x4_extract_lane(sum, 0) + wasm_f32x4_extract_lane(sum, 3);    \
  }

PEAK_KERNEL(6)
PEAK_KERNEL(8)
PEAK_KERNEL(10)
PEAK_KERNEL(12)
PEAK_KERNEL(14)
PEAK_KERNEL(16)
