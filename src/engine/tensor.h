// Float32 NCHW tensors: a borrowed read-only view for arguments, an owning tensor for results.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace convplay {

using Shape = std::vector<int64_t>;
// A batched [N, C, H, W] shape where a heap-allocated Shape would cost more than the work
// (the planners run on every call, also for 8x8 inputs).
using Dims4 = std::array<int64_t, 4>;

// Product of the dims, saturating at INT64_MAX so that absurd shapes cannot overflow.
int64_t element_count(const Shape& shape);

// Arguments are borrowed: the engine never writes through a view, and never keeps it.
struct TensorView {
  const float* data = nullptr;
  Shape shape;
};

struct Tensor {
  std::vector<float> data;
  Shape shape;

  TensorView view() const { return {data.data(), shape}; }
};

}  // namespace convplay
