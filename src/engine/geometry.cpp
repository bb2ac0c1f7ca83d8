// The rules. Each check is one statement, in the order PyTorch 1.13 runs them
// (PYTORCH.md §4.10, and probes of torch 1.13 where the document is silent), so
// that a configuration with several faults reports the same one PyTorch does.
#include "geometry.h"

#include <algorithm>
#include <cstdlib>
#include <limits>

#include "format.h"
#include "limits.h"

namespace convplay {

namespace {

using Code = ErrorCode;

Status error(Code code, const char* param, std::string message,
             const char* python_type = "RuntimeError") {
  return Status::Error(code, param, std::move(message), python_type);
}

int64_t saturating_mul(int64_t a, int64_t b) {
  if (a <= 0 || b <= 0) return 0;
  if (a > std::numeric_limits<int64_t>::max() / b) return std::numeric_limits<int64_t>::max();
  return a * b;
}

int64_t product(std::initializer_list<int64_t> factors) {
  int64_t result = 1;
  for (int64_t f : factors) result = saturating_mul(result, f);
  return result;
}

// The input as PyTorch's batchify sees it: [N, C, H, W].
Shape batched_shape(const Shape& input_shape) {
  if (input_shape.size() == 3) return {1, input_shape[0], input_shape[1], input_shape[2]};
  return input_shape;
}

// convplay's own guards: no negative sizes, and every number small enough that the arithmetic below cannot
// overflow. PyTorch has no such limit, so this runs only after the rank checks.
Status check_magnitudes(const Shape& input_shape, const Shape& weight_shape,
                        std::initializer_list<Pair> pairs, int64_t groups) {
  for (const Shape* shape : {&input_shape, &weight_shape}) {
    for (int64_t v : *shape) {
      if (v < 0) {
        return error(Code::kBadArgument, shape == &input_shape ? "input" : "weight",
                     cat("shapes cannot have negative sizes, but got ",
                         shape == &input_shape ? "input" : "weight", " of size ",
                         format_list(*shape)));
      }
    }
  }
  auto too_big = [](int64_t v) { return v > kMaxParam || v < -kMaxParam; };
  bool bad = too_big(groups);
  for (int64_t v : input_shape) bad = bad || too_big(v);
  for (int64_t v : weight_shape) bad = bad || too_big(v);
  for (const Pair& p : pairs) bad = bad || too_big(p.h) || too_big(p.w);
  if (!bad) return Status::Ok();
  return error(Code::kTooLarge, "input",
               cat("convplay supports sizes and parameters up to ", kMaxParam,
                   " in magnitude; input ", format_list(input_shape), ", weight ",
                   format_list(weight_shape), " or a parameter exceeds that"));
}

Status check_output_limits(const Shape& output_shape, int64_t macs) {
  const int64_t elements = element_count(output_shape);
  if (elements > kMaxElements) {
    return error(Code::kTooLarge, "output",
                 cat("the output ", format_list(output_shape), " would have ", elements,
                     " elements; convplay computes at most ", kMaxElements,
                     " (a larger tensor would not fit in a browser tab)"));
  }
  if (macs > kMaxMacs) {
    return error(Code::kTooLarge, "output",
                 cat("this convolution needs ", macs, " multiply-adds; convplay computes at most ",
                     kMaxMacs, " in one call"));
  }
  return Status::Ok();
}

// Weight ranks other than 4 fail where PyTorch expands the params to the weight's
// spatial rank, with a message about stride (weight rank < 3 fails earlier).
Status check_weight_rank_low(const Shape& weight_shape) {
  if (weight_shape.size() < 3) {
    return error(Code::kBadWeightRank, "weight", "weight should have at least three dimensions");
  }
  return Status::Ok();
}

Status check_weight_rank_expand(const Shape& weight_shape, const Pair& stride) {
  if (weight_shape.size() == 4) return Status::Ok();
  return error(Code::kBadWeightRank, "weight",
               cat("expected stride to be a single integer value or a list of ",
                   static_cast<int64_t>(weight_shape.size()) - 2,
                   " values to match the convolution dimensions, but got stride=",
                   format_list({stride.h, stride.w})));
}

Status check_zero_spatial(const Shape& input4) {
  const bool empty_spatial = input4[2] == 0 || input4[3] == 0;
  if (empty_spatial && input4[0] != 0 && input4[1] != 0) {
    return error(Code::kBadArgument, "input",
                 cat("Only zero batch or zero channel inputs are supported, but got input shape: ",
                     format_list(input4)));
  }
  return Status::Ok();
}

// Reflect and circular padding read the input itself, so they are limited by its size.
// PyTorch's F.pad checks W (its argument #4) before H (#6).
Status check_padding_mode_limits(const Shape& input_shape, const Pads& pads, PaddingMode mode) {
  const int64_t rank = static_cast<int64_t>(input_shape.size());
  const int64_t h = input_shape[rank - 2];
  const int64_t w = input_shape[rank - 1];
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
  if (params.groups <= 0) {
    return error(Code::kNonPositiveGroups, "groups", "groups must be a positive integer",
                 "ValueError");
  }
  if (!weight_shape.empty() && weight_shape[0] % params.groups != 0) {
    return error(Code::kWeightGroupsMismatch, "weight", "out_channels must be divisible by groups",
                 "ValueError");
  }
  if (params.padding_kind == PaddingKind::kSame &&
      (params.stride.h != 1 || params.stride.w != 1)) {
    return error(Code::kSameWithStride, "padding",
                 "padding='same' is not supported for strided convolutions", "ValueError");
  }
  return Status::Ok();
}

}  // namespace

int64_t conv_output_size(int64_t in, int64_t kernel, int64_t stride, int64_t pad_before,
                         int64_t pad_after, int64_t dilation) {
  const int64_t numerator = in + pad_before + pad_after - (dilation * (kernel - 1) + 1);
  // Floor division (PyTorch's div_rtn); the numerator is >= 0 for valid configurations.
  const int64_t quotient = numerator >= 0 ? numerator / stride : -((-numerator + stride - 1) / stride);
  return quotient + 1;
}

int64_t conv_transpose_output_size(int64_t in, int64_t kernel, int64_t stride, int64_t padding,
                                   int64_t dilation, int64_t output_padding) {
  return (in - 1) * stride - 2 * padding + dilation * (kernel - 1) + output_padding + 1;
}

Shape Conv2dGeometry::output_shape() const {
  if (!batched) return {out_channels, out_h, out_w};
  return {batch, out_channels, out_h, out_w};
}

Shape ConvTranspose2dGeometry::output_shape() const {
  if (!batched) return {out_channels, out_h, out_w};
  return {batch, out_channels, out_h, out_w};
}

Status plan_conv2d(const Shape& input_shape, const Shape& weight_shape, const Shape* bias_shape,
                   const Conv2dParams& params, Conv2dGeometry* out) {
  const bool module_path = params.padding_mode != PaddingMode::kZeros;
  if (module_path) {
    if (Status s = check_conv2d_module_constructor(weight_shape, params); !s.ok()) return s;
  }
  if (input_shape.size() != 3 && input_shape.size() != 4) {
    return error(Code::kBadInputRank, "input",
                 cat("Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of "
                     "size: ",
                     format_list(input_shape)));
  }
  const Pair& stride = params.stride;
  const Pair& dilation = params.dilation;
  const int64_t groups = params.groups;
  if (params.padding_kind == PaddingKind::kSame && (stride.h != 1 || stride.w != 1)) {
    return error(Code::kSameWithStride, "padding",
                 "padding='same' is not supported for strided convolutions");
  }
  if (Status s = check_magnitudes(input_shape, weight_shape,
                                  {stride, params.padding, dilation}, groups);
      !s.ok()) {
    return s;
  }
  if (Status s = check_weight_rank_low(weight_shape); !s.ok()) return s;
  const Shape input4 = batched_shape(input_shape);
  const Shape& w = weight_shape;
  const int64_t kernel_h = w.size() == 4 ? w[2] : 1;
  const int64_t kernel_w = w.size() == 4 ? w[3] : 1;
  const Pads pads = resolve_conv2d_pads(params, kernel_h, kernel_w);

  // Non-zero padding modes pad the input (F.pad) before the convolution checks run.
  const bool pads_negative = pads.top < 0 || pads.bottom < 0 || pads.left < 0 || pads.right < 0;
  if (params.padding_mode != PaddingMode::kZeros && !pads_negative && w.size() == 4) {
    if (Status s = check_padding_mode_limits(input_shape, pads, params.padding_mode); !s.ok()) {
      return s;
    }
  }

  if (groups <= 0) return error(Code::kNonPositiveGroups, "groups", "non-positive groups is not supported");
  if (!params.deferred_tuple_error.ok()) return params.deferred_tuple_error;
  if (w.size() != 4) {
    if (params.padding_kind != PaddingKind::kExplicit) {
      return error(Code::kBadWeightRank, "weight",
                   cat("Expected ", static_cast<int64_t>(w.size()), "-dimensional input for ",
                       static_cast<int64_t>(w.size()), "-dimensional weight", format_list(w),
                       ", but got 4-dimensional input of size ", format_list(input4), " instead"));
    }
    return check_weight_rank_expand(w, stride);
  }
  if (pads_negative) return error(Code::kNegativePadding, "padding", "negative padding is not supported");
  if (stride.h <= 0 || stride.w <= 0) {
    return error(Code::kNonPositiveStride, "stride", "non-positive stride is not supported");
  }
  if (w[0] < groups) {
    return error(Code::kWeightGroupsMismatch, "weight",
                 cat("Given groups=", groups, ", expected weight to be at least ", groups,
                     " at dimension 0, but got weight of size ", format_list(w), " instead"));
  }
  if (w[0] % groups != 0) {
    // The double brackets are PyTorch's: it prints "[" << sizes << "]".
    return error(Code::kWeightGroupsMismatch, "weight",
                 cat("Given groups=", groups, ", expected weight to be divisible by ", groups,
                     " at dimension 0, but got weight of size [", format_list(w), "] instead"));
  }
  // Under a padding mode, F.conv2d sees (and prints) the already padded input.
  Shape seen_input = input4;
  if (module_path) {
    seen_input[2] += pads.top + pads.bottom;
    seen_input[3] += pads.left + pads.right;
  }
  if (input4[1] != w[1] * groups) {
    return error(Code::kChannelMismatch, "input",
                 cat("Given groups=", groups, ", weight of size ", format_list(w),
                     ", expected input", format_list(seen_input), " to have ", w[1] * groups,
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
  g.batched = input_shape.size() == 4;
  g.batch = input4[0];
  g.in_channels = input4[1];
  g.in_h = input4[2];
  g.in_w = input4[3];
  g.out_channels = w[0];
  g.kernel_h = kernel_h;
  g.kernel_w = kernel_w;
  g.groups = groups;
  g.stride = stride;
  g.dilation = dilation;
  g.pads = pads;
  g.padding_mode = params.padding_mode;
  g.out_h = conv_output_size(g.in_h, kernel_h, stride.h, pads.top, pads.bottom, dilation.h);
  g.out_w = conv_output_size(g.in_w, kernel_w, stride.w, pads.left, pads.right, dilation.w);
  const int64_t macs = product({g.batch, g.out_channels, g.out_h, g.out_w,
                                g.in_channels_per_group(), kernel_h, kernel_w});
  if (Status s = check_output_limits(g.output_shape(), macs); !s.ok()) return s;
  *out = g;
  return Status::Ok();
}

namespace {

// nn.ConvTranspose2d.forward(input, output_size): picks output_padding (PYTORCH.md §4.5).
Status resolve_output_size(const Shape& input_shape, const Shape& weight_shape,
                           const ConvTranspose2dParams& params, Pair* output_padding) {
  std::vector<int64_t> size = *params.output_size;
  const int64_t rank = static_cast<int64_t>(input_shape.size());
  const int64_t non_spatial = rank == 4 ? 2 : 1;
  if (static_cast<int64_t>(size.size()) == non_spatial + 2) {
    size.erase(size.begin(), size.begin() + non_spatial);
  }
  if (size.size() != 2) {
    return error(Code::kBadOutputSize, "outputSize",
                 cat("ConvTranspose2D: for ", rank, "D input, output_size must have 2 or ",
                     non_spatial + 2, " elements (got ", static_cast<int64_t>(size.size()), ")"),
                 "ValueError");
  }
  const int64_t in_h = input_shape[rank - 2];
  const int64_t in_w = input_shape[rank - 1];
  const Pair& s = params.stride;
  const Pair& p = params.padding;
  const Pair& d = params.dilation;
  const Shape min_sizes = {conv_transpose_output_size(in_h, weight_shape[2], s.h, p.h, d.h, 0),
                           conv_transpose_output_size(in_w, weight_shape[3], s.w, p.w, d.w, 0)};
  const Shape max_sizes = {min_sizes[0] + s.h - 1, min_sizes[1] + s.w - 1};
  for (int i = 0; i < 2; ++i) {
    if (size[i] < min_sizes[i] || size[i] > max_sizes[i]) {
      // PyTorch slices input.size()[2:], which for an unbatched input is just W.
      const Shape shown(input_shape.begin() + 2, input_shape.end());
      return error(Code::kBadOutputSize, "outputSize",
                   cat("requested an output size of ", format_list(size),
                       ", but valid sizes range from ", format_list(min_sizes), " to ",
                       format_list(max_sizes), " (for an input of torch.Size(",
                       format_list(shown), "))"),
                   "ValueError");
    }
  }
  *output_padding = {size[0] - min_sizes[0], size[1] - min_sizes[1]};
  return Status::Ok();
}

}  // namespace

Status plan_conv_transpose2d(const Shape& input_shape, const Shape& weight_shape,
                             const Shape* bias_shape, const ConvTranspose2dParams& params,
                             ConvTranspose2dGeometry* out) {
  if (params.padding_mode != PaddingMode::kZeros) {
    return error(Code::kPaddingModeNotSupported, "paddingMode",
                 "Only \"zeros\" padding mode is supported for ConvTranspose2d", "ValueError");
  }
  if (input_shape.size() != 3 && input_shape.size() != 4) {
    return error(Code::kBadInputRank, "input",
                 cat("Expected 3D (unbatched) or 4D (batched) input to conv_transpose2d, but got "
                     "input of size: ",
                     format_list(input_shape)));
  }
  const Pair& stride = params.stride;
  const Pair& padding = params.padding;
  const Pair& dilation = params.dilation;
  const int64_t groups = params.groups;
  if (Status s = check_magnitudes(input_shape, weight_shape,
                                  {stride, padding, dilation, params.output_padding}, groups);
      !s.ok()) {
    return s;
  }
  if (params.output_size) {
    for (int64_t v : *params.output_size) {
      if (v > kMaxParam || v < -kMaxParam) {
        return error(Code::kTooLarge, "outputSize",
                     cat("convplay supports output sizes up to ", kMaxParam, ", but got ",
                         format_list(*params.output_size)));
      }
    }
  }
  if (Status s = check_weight_rank_low(weight_shape); !s.ok()) return s;
  const Shape& w = weight_shape;
  Pair output_padding = params.output_padding;
  // The module works out output_padding before the functional checks run.
  if (params.output_size && w.size() == 4) {
    if (Status s = resolve_output_size(input_shape, w, params, &output_padding); !s.ok()) return s;
  }
  const Shape input4 = batched_shape(input_shape);
  if (groups <= 0) return error(Code::kNonPositiveGroups, "groups", "non-positive groups is not supported");
  if (!params.deferred_tuple_error.ok()) return params.deferred_tuple_error;
  if (Status s = check_weight_rank_expand(w, stride); !s.ok()) return s;
  if (padding.h < 0 || padding.w < 0) {
    return error(Code::kNegativePadding, "padding", "negative padding is not supported");
  }
  if (output_padding.h < 0 || output_padding.w < 0) {
    return error(Code::kNegativeOutputPadding, "outputPadding",
                 "negative output_padding is not supported");
  }
  if (stride.h <= 0 || stride.w <= 0) {
    return error(Code::kNonPositiveStride, "stride", "non-positive stride is not supported");
  }
  if (w[0] < groups) {
    return error(Code::kWeightGroupsMismatch, "weight",
                 cat("Given groups=", groups, ", expected weight to be at least ", groups,
                     " at dimension 0, but got weight of size ", format_list(w), " instead"));
  }
  if (w[0] % groups != 0) {
    return error(Code::kWeightGroupsMismatch, "weight",
                 cat("Given groups=", groups, ", expected weight to be divisible by ", groups,
                     " at dimension 0, but got weight of size [", format_list(w), "] instead"));
  }
  if (input4[1] != w[0]) {
    return error(Code::kChannelMismatch, "input",
                 cat("Given transposed=1, weight of size ", format_list(w), ", expected input",
                     format_list(input4), " to have ", w[0], " channels, but got ", input4[1],
                     " channels instead"));
  }
  const int64_t out_channels = w[1] * groups;
  if (bias_shape && (bias_shape->size() != 1 || (*bias_shape)[0] != out_channels)) {
    return error(Code::kBiasMismatch, "bias",
                 cat("Given transposed=1, weight of size ", format_list(w),
                     ", expected bias to be 1-dimensional with ", out_channels,
                     " elements, but got bias of size ", format_list(*bias_shape), " instead"));
  }
  if (Status s = check_zero_spatial(input4); !s.ok()) return s;
  const int64_t kernel_h = w[2];
  const int64_t kernel_w = w[3];
  if (kernel_h <= 0 || kernel_w <= 0) {
    return error(Code::kNonPositiveKernel, "weight",
                 cat("kernel size should be greater than zero, but got kernel_height: ", kernel_h,
                     " kernel_width: ", kernel_w));
  }
  if (dilation.h <= 0 || dilation.w <= 0) {
    return error(Code::kNonPositiveDilation, "dilation",
                 cat("dilation should be greater than zero, but got dilation_height: ", dilation.h,
                     ", dilation_width: ", dilation.w));
  }
  const bool op_ok_h = output_padding.h < stride.h || output_padding.h < dilation.h;
  const bool op_ok_w = output_padding.w < stride.w || output_padding.w < dilation.w;
  if (!op_ok_h || !op_ok_w) {
    return error(Code::kOutputPaddingTooLarge, "outputPadding",
                 cat("output padding must be smaller than either stride or dilation, but got "
                     "output_padding_height: ",
                     output_padding.h, " output_padding_width: ", output_padding.w,
                     " stride_height: ", stride.h, " stride_width: ", stride.w,
                     " dilation_height: ", dilation.h, " dilation_width: ", dilation.w));
  }
  ConvTranspose2dGeometry g;
  g.batched = input_shape.size() == 4;
  g.batch = input4[0];
  g.in_channels = input4[1];
  g.in_h = input4[2];
  g.in_w = input4[3];
  g.out_channels = out_channels;
  g.kernel_h = kernel_h;
  g.kernel_w = kernel_w;
  g.groups = groups;
  g.stride = stride;
  g.padding = padding;
  g.dilation = dilation;
  g.output_padding = output_padding;
  g.out_h = conv_transpose_output_size(g.in_h, kernel_h, stride.h, padding.h, dilation.h,
                                       output_padding.h);
  g.out_w = conv_transpose_output_size(g.in_w, kernel_w, stride.w, padding.w, dilation.w,
                                       output_padding.w);
  if (g.out_h <= 0 || g.out_w <= 0) {
    return error(Code::kOutputTooSmall, "padding",
                 cat("Given input size per channel: (", g.in_h, " x ", g.in_w,
                     "). Calculated output size per channel: (", g.out_h, " x ", g.out_w,
                     "). Output size is too small"));
  }
  const int64_t macs = product({g.batch, g.in_channels, g.in_h, g.in_w,
                                g.out_channels_per_group(), kernel_h, kernel_w});
  if (Status s = check_output_limits(g.output_shape(), macs); !s.ok()) return s;
  *out = g;
  return Status::Ok();
}

}  // namespace convplay
