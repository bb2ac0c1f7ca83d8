// Calling the engine.
#include "app/model/compute.h"

#include <chrono>

namespace convplay::app {

namespace {

Status run(const Document& doc, Result* out) {
  const TensorView input{doc.input.data(), input_shape(doc)};
  const TensorView weight{doc.weight.data(), weight_shape(doc)};
  const TensorView bias{doc.bias.data(), bias_shape(doc)};
  const TensorView* bias_ptr = doc.use_bias ? &bias : nullptr;
  const Shape bias_dims = bias_shape(doc);
  const Shape* bias_shape_ptr = doc.use_bias ? &bias_dims : nullptr;
  if (is_transposed(doc)) {
    const ConvTranspose2dParams params = conv_transpose2d_params(doc);
    Status status =
        plan_conv_transpose2d(input.shape, weight.shape, bias_shape_ptr, params, &out->tconv);
    if (!status.ok()) return status;
    status = conv_transpose2d(input, weight, bias_ptr, params, &out->output);
    if (!status.ok()) return status;
    // The Conv2d with the same k, s, p, d maps this op's output size back to its input
    // size: the round trip seen from the other side.
    out->round_trip_ok =
        conv2d_round_trip(out->tconv.out_h, doc.kernel.h, doc.stride.h, doc.padding.h,
                          doc.dilation.h, &out->round_trip[0])
            .ok() &&
        conv2d_round_trip(out->tconv.out_w, doc.kernel.w, doc.stride.w, doc.padding.w,
                          doc.dilation.w, &out->round_trip[1])
            .ok();
    return conv_transpose2d_as_conv(input, weight, bias_ptr, params, &out->as_conv);
  }
  const Conv2dParams params = conv2d_params(doc);
  Status status = plan_conv2d(input.shape, weight.shape, bias_shape_ptr, params, &out->conv);
  if (!status.ok()) return status;
  status = conv2d(input, weight, bias_ptr, params, &out->output);
  if (!status.ok()) return status;
  out->round_trip_ok = false;
  if (doc.padding_kind == PaddingKind::kExplicit) {
    out->round_trip_ok =
        conv2d_round_trip(doc.in.h, doc.kernel.h, doc.stride.h, doc.padding.h, doc.dilation.h,
                          &out->round_trip[0])
            .ok() &&
        conv2d_round_trip(doc.in.w, doc.kernel.w, doc.stride.w, doc.padding.w, doc.dilation.w,
                          &out->round_trip[1])
            .ok();
  }
  return Status::Ok();
}

}  // namespace

bool Computer::update(const Document& doc) {
  if (has_seen_ && doc == seen_) {
    seen_ = doc;  // equal values in a new buffer: share it, so the next compare is O(1)
    return false;
  }
  has_seen_ = true;
  seen_ = doc;
  const auto start = std::chrono::steady_clock::now();
  Result fresh;
  fresh.doc = doc;
  status_ = run(doc, &fresh);
  if (status_.ok()) {
    result_ = std::move(fresh);
    has_result_ = true;
  }
  last_compute_ms_ =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return true;
}

}  // namespace convplay::app
