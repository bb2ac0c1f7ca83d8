// Where a fast path writes its result: into the caller's output tensor itself when that
// is safe, so that a caller who passes the same tensor call after call (the bindings,
// the playground) pays no allocation, no zero-fill of the old size, and never holds two
// outputs at once (the peak-memory budget: input + weight + output + one workspace).
#pragma once

#include <cstdint>
#include <functional>

#include "geometry.h"
#include "tensor.h"

namespace convplay::fast {

// True when out's current storage shares memory with the view's elements.
inline bool storage_overlaps(const Tensor& out, const TensorView* view) {
  if (!view || out.data.empty()) return false;
  std::less<const float*> before;  // a total order, even across unrelated arrays
  const float* lo = out.data.data();
  const float* hi = lo + out.data.size();
  if (!before(view->data, hi)) return false;  // starts after out: no need to count it
  const int64_t count = element_count(view->shape);
  return count != 0 && before(lo, view->data + count);
}

// The tensor to fill: *out, or `fresh` when *out's storage is one of the operands
// (then the caller moves `fresh` into *out at the end). Its shape is set and its data
// sized; elements that were already there keep stale values, so every element must be
// written.
inline Tensor* output_tensor(Tensor* out, const TensorView& input, const TensorView& weight,
                             const TensorView* bias, const Shape& shape, Tensor* fresh) {
  const bool aliased = storage_overlaps(*out, &input) || storage_overlaps(*out, &weight) ||
                       storage_overlaps(*out, bias);
  Tensor* result = aliased ? fresh : out;
  result->shape = shape;
  result->data.resize(static_cast<size_t>(element_count(shape)));
  return result;
}

// output_tensor for a conv2d geometry, without building a Shape first: the shape is
// written into the chosen tensor's own storage, so a reused output costs no malloc.
inline Tensor* output_tensor(Tensor* out, const TensorView& input, const TensorView& weight,
                             const TensorView* bias, const Conv2dGeometry& g, Tensor* fresh) {
  const bool aliased = storage_overlaps(*out, &input) || storage_overlaps(*out, &weight) ||
                       storage_overlaps(*out, bias);
  Tensor* result = aliased ? fresh : out;
  const int64_t dims[4] = {g.batch, g.out_channels, g.out_h, g.out_w};
  result->shape.assign(g.batched ? dims : dims + 1, dims + 4);  // same rank as the input
  result->data.resize(static_cast<size_t>(element_count(result->shape)));
  return result;
}

}  // namespace convplay::fast
