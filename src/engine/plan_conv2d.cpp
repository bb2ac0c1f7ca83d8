// plan_conv2d: the rules of torch.nn.functional.conv2d (and of nn.Conv2d with a
// padding_mode), one check per statement, in the order PyTorch 1.13 runs them
// (PYTORCH.md §4.10, and probes of torch 1.13 where the document is silent), so that
// a configuration with several faults reports the same one PyTorch does.
#include "geometry.h"

#include <string>

#include "checks.h"
#include "format.h"
#include "limits.h"

namespace convplay {

// The shared checks (checks.h) read like the local ones.
using namespace checks;
using Code = ErrorCode;

namespace {

// Reflect and circular padding read the input itself, so they are limited by its size.
// PyTorch's F.pad checks W (its argument #4) before H (#6).
Status check_padding_mode_limits(const Shape& input_shape, const Pads& pads, PaddingMode mode) {
  const int64_t rank = static_cast<int64_t>(input_shape.size());
  const int64_t h = input_shape[input_shape.size() - 2];
  const int64_t w = input_shape[input_shape.size() - 1];
  const int64_t channels = input_shape[input_shape.size() - 3];
  // F.pad's reflect and replicate kernels refuse empty planes (any zero size but the
  // batch's) before they look at the padding, even padding 0; without this the reads
  // below would index an empty input.
  if (mode == PaddingMode::kReflect && (h == 0 || w == 0 || (rank == 4 && channels == 0))) {
    std::string dims;
    for (int64_t d : input_shape) dims += (dims.empty() ? "" : ",") + std::to_string(d);
    return error(Code::kBadArgument, "input",
                 cat("3D or 4D (batch mode) tensor expected for input, but got: [ torch.FloatTensor{",
                     dims, "} ]"));
  }
  if (mode == PaddingMode::kReplicate && (h == 0 || w == 0 || channels == 0)) {
    return error(Code::kBadArgument, "input",
                 cat("Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other "
                     "non-zero dimensions for input, but got: ",
                     format_list(input_shape)));
  }
  if (mode == PaddingMode::kReflect) {
    struct Side {
      int64_t before, after, size, dim, argument;
    };
    for (const Side& s : {Side{pads.left, pads.right, w, rank - 1, 4},
                          Side{pads.top, pads.bottom, h, rank - 2, 6}}) {
      if (s.before >= s.size || s.after >= s.size) {
        return error(Code::kPaddingTooLargeForMode, "padding",
                     cat("Argument #", s.argument,
                         ": Padding size should be less than the corresponding input dimension, "
                         "but got: padding (",
                         s.before, ", ", s.after, ") at dimension ", s.dim, " of input ", rank));
      }
    }
  }
  if (mode == PaddingMode::kCircular) {
    if (pads.left > w || pads.right > w || pads.top > h || pads.bottom > h) {
      return error(Code::kPaddingTooLargeForMode, "padding",
                   "Padding value causes wrapping around more than once.");
    }
  }
  return Status::Ok();
}

// 'same': total d*(k-1) per axis, the odd extra at the bottom/right.
Pads resolve_conv2d_pads(const Conv2dParams& params, int64_t kernel_h, int64_t kernel_w) {
  switch (params.padding_kind) {
    case PaddingKind::kExplicit:
      return {params.padding.h, params.padding.h, params.padding.w, params.padding.w};
    case PaddingKind::kValid:
      return {};
    case PaddingKind::kSame: {
      const int64_t total_h = params.dilation.h * (kernel_h - 1);
      const int64_t total_w = params.dilation.w * (kernel_w - 1);
      return {total_h / 2, total_h - total_h / 2, total_w / 2, total_w - total_w / 2};
    }
  }
  return {};
}

// With a padding mode other than zeros, PyTorch goes through nn.Conv2d, whose
// constructor rejects these before forward() runs, as ValueErrors in its own words.
Status check_conv2d_module_constructor(const Shape& weight_shape, const Conv2dParams& params) {
  if (Status s = check_module_groups(weight_shape, params.groups, "out_channels"); !s.ok()) {
    return s;
  }
  if (params.padding_kind == PaddingKind::kSame &&
      (params.stride.h != 1 || params.stride.w != 1)) {
    return error(Code::kSameWithStride, "padding",
                 "padding='same' is not supported for strided convolutions", "ValueError");
  }
  return Status::Ok();
}

// convolution_same (F.conv2d with padding='same'): the weight's rank against the
// input's, stride and dilation lengths ("cannot broadcast"), then stride 1.
Status check_same_path(const Shape& w, const Dims4& input4, const Conv2dParams& params) {
  if (Status s = check_weight_rank_low(w, "conv2d"); !s.ok()) return s;
  if (w.size() != 4) {
    return error(Code::kBadWeightRank, "weight",
                 cat("Expected ", static_cast<int64_t>(w.size()), "-dimensional input for ",
                     static_cast<int64_t>(w.size()), "-dimensional weight", format_list(w),
                     ", but got 4-dimensional input of size ", format_dims(input4), " instead",
                     weight_rank_culprit(w, "conv2d")));
  }
  for (const char* name : {"stride", "dilation"}) {
    for (const GivenTuple& odd : params.odd_tuples) {
      if (odd.name == name) {
        return error(Code::kBadTupleLength, name, cat(name, " cannot broadcast to 2 dimensions"));
      }
    }
  }
  if (params.stride.h != 1 || params.stride.w != 1) {
    return error(Code::kSameWithStride, "padding",
                 "padding='same' is not supported for strided convolutions");
  }
  return Status::Ok();
}

}  // namespace

int64_t conv_output_size(int64_t in, int64_t kernel, int64_t stride, int64_t pad_before,
                         int64_t pad_after, int64_t dilation) {
  const int64_t numerator = in + pad_before + pad_after - (dilation * (kernel - 1) + 1);
  // Floor division (PyTorch's div_rtn); the numerator is >= 0 for valid configurations.
  if (stride == 1) return numerator + 1;  // the common case, without a 64-bit division
  const int64_t quotient = numerator >= 0 ? numerator / stride : -((-numerator + stride - 1) / stride);
  return quotient + 1;
}

Status plan_conv2d(const Shape& input_shape, const Shape& weight_shape, const Shape* bias_shape,
                   const Conv2dParams& params, Conv2dGeometry* out) {
  const bool module_path = params.padding_mode != PaddingMode::kZeros;
  if (module_path) {
    if (Status s = check_conv2d_module_constructor(weight_shape, params); !s.ok()) return s;
  }
  if (Status s = check_input_rank(input_shape, "conv2d"); !s.ok()) return s;
  const Pair& stride = params.stride;
  const Pair& dilation = params.dilation;
  const int64_t groups = params.groups;
  const Dims4 input4 = batched_shape(input_shape);
  const Shape& w = weight_shape;
  // F.conv2d(padding='same') has checks of its own (convolution_same), before any other.
  if (params.padding_kind == PaddingKind::kSame && !module_path) {
    if (Status s = check_same_path(w, input4, params); !s.ok()) return s;
  }
  if (Status s = check_magnitudes(input_shape, weight_shape,
                                  {stride, params.padding, dilation}, groups);
      !s.ok()) {
    return s;
  }
  if (Status s = check_weight_rank_low(weight_shape, "conv2d"); !s.ok()) return s;
  const int64_t kernel_h = w.size() == 4 ? w[2] : 1;
  const int64_t kernel_w = w.size() == 4 ? w[3] : 1;
  const Pads pads = resolve_conv2d_pads(params, kernel_h, kernel_w);

  // Non-zero padding modes pad the input (F.pad) before the convolution checks run.
  const bool pads_negative = pads.top < 0 || pads.bottom < 0 || pads.left < 0 || pads.right < 0;
  const bool pads_known = w.size() == 4 || params.padding_kind != PaddingKind::kSame;
  if (params.padding_mode != PaddingMode::kZeros && !pads_negative && pads_known) {
    if (Status s = check_padding_mode_limits(input_shape, pads, params.padding_mode); !s.ok()) {
      return s;
    }
  }

  if (groups <= 0) return error(Code::kNonPositiveGroups, "groups", "non-positive groups is not supported");
  if (w.size() != 4) {
    // conv2d has an output_padding of [0, 0] too, so a weight of any other rank fails on
    // some tuple.
    return check_weight_rank_expand(w, "conv2d",
                                    {{"stride", stride}, {"padding", params.padding},
                                     {"dilation", dilation}, {"output_padding", Pair{0, 0}}},
                                    params.odd_tuples, input4);
  }
  if (!params.deferred_tuple_error.ok()) return params.deferred_tuple_error;
  if (pads_negative) return error(Code::kNegativePadding, "padding", "negative padding is not supported");
  if (stride.h <= 0 || stride.w <= 0) {
    return error(Code::kNonPositiveStride, "stride", "non-positive stride is not supported");
  }
  if (Status s = check_weight_groups(w, groups); !s.ok()) return s;
  // Under a padding mode, F.conv2d sees (and prints) the already padded input.
  Dims4 seen_input = input4;
  if (module_path) {
    seen_input[2] += pads.top + pads.bottom;
    seen_input[3] += pads.left + pads.right;
  }
  if (input4[1] != w[1] * groups) {
    return error(Code::kChannelMismatch, "input",
                 cat("Given groups=", groups, ", weight of size ", format_list(w),
                     ", expected input", format_dims(seen_input), " to have ", w[1] * groups,
                     " channels, but got ", input4[1], " channels instead"));
  }
  if (bias_shape && (bias_shape->size() != 1 || (*bias_shape)[0] != w[0])) {
    return error(Code::kBiasMismatch, "bias",
                 cat("Given weight of size ", format_list(w),
                     ", expected bias to be 1-dimensional with ", w[0],
                     " elements, but got bias of size ", format_list(*bias_shape), " instead"));
  }
  const int64_t padded_h = input4[2] + pads.top + pads.bottom;
  const int64_t padded_w = input4[3] + pads.left + pads.right;
  const int64_t dilated_kernel_h = dilation.h * (kernel_h - 1) + 1;
  const int64_t dilated_kernel_w = dilation.w * (kernel_w - 1) + 1;
  if (padded_h < dilated_kernel_h || padded_w < dilated_kernel_w) {
    return error(Code::kKernelTooLarge, "weight",
                 cat("Calculated padded input size per channel: (", padded_h, " x ", padded_w,
                     "). Kernel size: (", dilated_kernel_h, " x ", dilated_kernel_w,
                     "). Kernel size can't be greater than actual input size"));
  }
  if (Status s = check_zero_spatial(seen_input); !s.ok()) return s;
  // Undilated convolutions reach PyTorch's slow_conv2d check, dilated ones (any
  // dilation other than 1, including invalid ones) its dilated-conv check.
  if (dilation.h == 1 && dilation.w == 1) {
    if (kernel_h <= 0 || kernel_w <= 0) {
      return error(Code::kNonPositiveKernel, "weight",
                   cat("kernel size should be greater than zero, but got kernel_height: ", kernel_h,
                       " kernel_width: ", kernel_w));
    }
  } else {
    if (kernel_h <= 0 || kernel_w <= 0) {
      return error(Code::kNonPositiveKernel, "weight",
                   cat("kernel size should be greater than zero, but got ",
                       format_list({kernel_h, kernel_w})));
    }
    if (dilation.h <= 0 || dilation.w <= 0) {
      return error(Code::kNonPositiveDilation, "dilation",
                   cat("dilation should be greater than zero, but got ",
                       format_list({dilation.h, dilation.w})));
    }
  }

  Conv2dGeometry g;
  g.set_from(input_shape, input4, w, w[0], groups, stride, dilation);
  g.pads = pads;
  g.padding_mode = params.padding_mode;
  g.out_h = conv_output_size(g.in_h, kernel_h, stride.h, pads.top, pads.bottom, dilation.h);
  g.out_w = conv_output_size(g.in_w, kernel_w, stride.w, pads.left, pads.right, dilation.w);
  const int64_t macs = product({g.batch, g.out_channels, g.out_h, g.out_w,
                                g.in_channels_per_group(), kernel_h, kernel_w});
  if (Status s = check_output_limits(g, macs); !s.ok()) return s;
  *out = g;
  return Status::Ok();
}

}  // namespace convplay
