// The Winograd transforms (Lavin & Gray 2015) as winograd_core.h uses them: kernel
// u = G g G^T, input patch v = B^T d B (one tile, or four tiles one per lane), output
// y = A^T m A (four tiles, one per lane). All factors are 0, +-1 or 1/2, so the
// transforms add no error beyond float rounding.
#pragma once

#include "simd4.h"

namespace convplay::fast::winograd {

// F(2x2, 3x3): B^T = [1 0 -1 0; 0 1 1 0; 0 -1 1 0; 0 1 0 -1], G = [1 0 0; 1/2 1/2 1/2;
// 1/2 -1/2 1/2; 0 0 1], A^T = [1 1 1 0; 0 1 -1 -1].
struct F2x3 {
  static constexpr int kPatch = 4, kKernel = 3, kPositions = 16;

  static void transform_kernel(const float* k, float u[16]) {
    float t[4][3];  // G g
    for (int c = 0; c < 3; ++c) {
      t[0][c] = k[c];
      t[1][c] = 0.5f * (k[c] + k[3 + c] + k[6 + c]);
      t[2][c] = 0.5f * (k[c] - k[3 + c] + k[6 + c]);
      t[3][c] = k[6 + c];
    }
    for (int r = 0; r < 4; ++r) {  // (G g) G^T
      u[r * 4 + 0] = t[r][0];
      u[r * 4 + 1] = 0.5f * (t[r][0] + t[r][1] + t[r][2]);
      u[r * 4 + 2] = 0.5f * (t[r][0] - t[r][1] + t[r][2]);
      u[r * 4 + 3] = t[r][2];
    }
  }

  static void transform_patch(const float d[4][4], float v[16]) {
    float t[4][4];  // B^T d
    for (int c = 0; c < 4; ++c) {
      t[0][c] = d[0][c] - d[2][c];
      t[1][c] = d[1][c] + d[2][c];
      t[2][c] = d[2][c] - d[1][c];
      t[3][c] = d[1][c] - d[3][c];
    }
    for (int r = 0; r < 4; ++r) {  // (B^T d) B
      v[r * 4 + 0] = t[r][0] - t[r][2];
      v[r * 4 + 1] = t[r][1] + t[r][2];
      v[r * 4 + 2] = t[r][2] - t[r][1];
      v[r * 4 + 3] = t[r][1] - t[r][3];
    }
  }

  // The same for four tiles, one per lane.
  static void transform_patch4(const simd::F32x4 d[4][4], simd::F32x4 v[16]) {
    using simd::add4;
    using simd::sub4;
    simd::F32x4 t[4][4];
    for (int c = 0; c < 4; ++c) {
      t[0][c] = sub4(d[0][c], d[2][c]);
      t[1][c] = add4(d[1][c], d[2][c]);
      t[2][c] = sub4(d[2][c], d[1][c]);
      t[3][c] = sub4(d[1][c], d[3][c]);
    }
    for (int r = 0; r < 4; ++r) {
      v[r * 4 + 0] = sub4(t[r][0], t[r][2]);
      v[r * 4 + 1] = add4(t[r][1], t[r][2]);
      v[r * 4 + 2] = sub4(t[r][2], t[r][1]);
      v[r * 4 + 3] = sub4(t[r][1], t[r][3]);
    }
  }

  static void transform_output4(const simd::F32x4 m[16], simd::F32x4 y[2][2]) {
    using simd::add4;
    using simd::sub4;
    simd::F32x4 t[2][4];  // A^T m
    for (int c = 0; c < 4; ++c) {
      t[0][c] = add4(add4(m[c], m[4 + c]), m[8 + c]);
      t[1][c] = sub4(sub4(m[4 + c], m[8 + c]), m[12 + c]);
    }
    for (int r = 0; r < 2; ++r) {
      y[r][0] = add4(add4(t[r][0], t[r][1]), t[r][2]);
      y[r][1] = sub4(sub4(t[r][1], t[r][2]), t[r][3]);
    }
  }
};

// F(2x2, 2x2), from y0 = d0 g0 + d1 g1, y1 = d1 g0 + d2 g1 with
// m0 = (d0 - d1) g0, m1 = d1 (g0 + g1), m2 = (d2 - d1) g1: B^T = [1 -1 0; 0 1 0; 0 -1 1],
// G = [1 0; 1 1; 0 1], A^T = [1 1 0; 0 1 1].
struct F2x2 {
  static constexpr int kPatch = 3, kKernel = 2, kPositions = 9;

  static void transform_kernel(const float* k, float u[9]) {
    float t[3][2];  // G g
    for (int c = 0; c < 2; ++c) {
      t[0][c] = k[c];
      t[1][c] = k[c] + k[2 + c];
      t[2][c] = k[2 + c];
    }
    for (int r = 0; r < 3; ++r) {  // (G g) G^T
      u[r * 3 + 0] = t[r][0];
      u[r * 3 + 1] = t[r][0] + t[r][1];
      u[r * 3 + 2] = t[r][1];
    }
  }

  static void transform_patch(const float d[3][3], float v[9]) {
    float t[3][3];  // B^T d
    for (int c = 0; c < 3; ++c) {
      t[0][c] = d[0][c] - d[1][c];
      t[1][c] = d[1][c];
      t[2][c] = d[2][c] - d[1][c];
    }
    for (int r = 0; r < 3; ++r) {  // (B^T d) B
      v[r * 3 + 0] = t[r][0] - t[r][1];
      v[r * 3 + 1] = t[r][1];
      v[r * 3 + 2] = t[r][2] - t[r][1];
    }
  }

  static void transform_patch4(const simd::F32x4 d[3][3], simd::F32x4 v[9]) {
    using simd::sub4;
    simd::F32x4 t[3][3];
    for (int c = 0; c < 3; ++c) {
      t[0][c] = sub4(d[0][c], d[1][c]);
      t[1][c] = d[1][c];
      t[2][c] = sub4(d[2][c], d[1][c]);
    }
    for (int r = 0; r < 3; ++r) {
      v[r * 3 + 0] = sub4(t[r][0], t[r][1]);
      v[r * 3 + 1] = t[r][1];
      v[r * 3 + 2] = sub4(t[r][2], t[r][1]);
    }
  }

  static void transform_output4(const simd::F32x4 m[9], simd::F32x4 y[2][2]) {
    using simd::add4;
    simd::F32x4 t[2][3];  // A^T m
    for (int c = 0; c < 3; ++c) {
      t[0][c] = add4(m[c], m[3 + c]);
      t[1][c] = add4(m[3 + c], m[6 + c]);
    }
    for (int r = 0; r < 2; ++r) {
      y[r][0] = add4(t[r][0], t[r][1]);
      y[r][1] = add4(t[r][1], t[r][2]);
    }
  }
};

}  // namespace convplay::fast::winograd
