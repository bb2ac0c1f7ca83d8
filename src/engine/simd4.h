// Four float lanes for the fast paths: WebAssembly SIMD128 in the browser build,
// GCC/clang vector extensions natively (SSE on x86, NEON on ARM), plain arrays
// elsewhere. The kernels are written once against these few operations, so the
// native tests and benchmarks run the same algorithm the wasm module runs.
#pragma once

#include <cstdint>
#include <cstring>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

// Keeps a loop a loop. Unrolled tap loops let clang hoist every load to the top of
// the body, and V8 then spills the accumulators around them.
#if defined(__clang__)
#define CONVPLAY_NO_UNROLL _Pragma("clang loop unroll(disable)")
#elif defined(__GNUC__)
#define CONVPLAY_NO_UNROLL _Pragma("GCC unroll 1")
#else
#define CONVPLAY_NO_UNROLL
#endif

namespace convplay::simd {

#if defined(__wasm_simd128__)

using F32x4 = v128_t;
inline F32x4 load4(const float* p) { return wasm_v128_load(p); }  // unaligned is fine
inline void store4(float* p, F32x4 v) { wasm_v128_store(p, v); }
inline F32x4 splat4(float x) { return wasm_f32x4_splat(x); }
// Separate mul and add: relaxed-SIMD's fused madd is rejected by current V8.
inline F32x4 mul_add4(F32x4 acc, F32x4 a, F32x4 b) { return wasm_f32x4_add(acc, wasm_f32x4_mul(a, b)); }
inline F32x4 add4(F32x4 a, F32x4 b) { return wasm_f32x4_add(a, b); }
inline F32x4 sub4(F32x4 a, F32x4 b) { return wasm_f32x4_sub(a, b); }
// Lanes 0 and 2 of a, then of b: the even elements of the 8 floats a:b.
inline F32x4 even_lanes(F32x4 a, F32x4 b) { return wasm_i32x4_shuffle(a, b, 0, 2, 4, 6); }

#elif defined(__GNUC__)

typedef float F32x4 __attribute__((vector_size(16)));
inline F32x4 load4(const float* p) {
  F32x4 v;
  std::memcpy(&v, p, sizeof v);  // unaligned load without aliasing tricks
  return v;
}
inline void store4(float* p, F32x4 v) { std::memcpy(p, &v, sizeof v); }
inline F32x4 splat4(float x) { return F32x4{x, x, x, x}; }
inline F32x4 mul_add4(F32x4 acc, F32x4 a, F32x4 b) { return acc + a * b; }
inline F32x4 add4(F32x4 a, F32x4 b) { return a + b; }
inline F32x4 sub4(F32x4 a, F32x4 b) { return a - b; }
inline F32x4 even_lanes(F32x4 a, F32x4 b) { return F32x4{a[0], a[2], b[0], b[2]}; }

#else

struct F32x4 {
  float lane[4];
};
inline F32x4 load4(const float* p) {
  F32x4 v;
  std::memcpy(v.lane, p, sizeof v.lane);
  return v;
}
inline void store4(float* p, F32x4 v) { std::memcpy(p, v.lane, sizeof v.lane); }
inline F32x4 splat4(float x) { return F32x4{{x, x, x, x}}; }
inline F32x4 mul_add4(F32x4 acc, F32x4 a, F32x4 b) {
  for (int i = 0; i < 4; ++i) acc.lane[i] += a.lane[i] * b.lane[i];
  return acc;
}
inline F32x4 add4(F32x4 a, F32x4 b) {
  for (int i = 0; i < 4; ++i) a.lane[i] += b.lane[i];
  return a;
}
inline F32x4 sub4(F32x4 a, F32x4 b) {
  for (int i = 0; i < 4; ++i) a.lane[i] -= b.lane[i];
  return a;
}
inline F32x4 even_lanes(F32x4 a, F32x4 b) { return F32x4{{a.lane[0], a.lane[2], b.lane[0], b.lane[2]}}; }

#endif

// A plain vector copy of count floats: the rows the fast paths copy are short, and
// Emscripten's memcpy for a few hundred bytes is a scalar loop.
inline void copy_floats(const float* src, int64_t count, float* dst) {
  int64_t i = 0;
  for (; i + 8 <= count; i += 8) {
    const F32x4 lo = load4(src + i), hi = load4(src + i + 4);
    store4(dst + i, lo);
    store4(dst + i + 4, hi);
  }
  for (; i < count; ++i) dst[i] = src[i];
}

}  // namespace convplay::simd
