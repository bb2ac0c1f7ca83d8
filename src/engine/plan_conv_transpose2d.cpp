// plan_conv_transpose2d: the rules of torch.nn.functional.conv_transpose2d and of
// nn.ConvTranspose2d.forward(input, output_size), in PyTorch 1.13's order.
#include "geometry.h"

#include <cstddef>
#include <vector>

#include "checks.h"
#include "format.h"
#include "limits.h"

namespace convplay {

// The shared checks (checks.h) read like the local ones.
using namespace checks;
using Code = ErrorCode;

int64_t conv_transpose_output_size(int64_t in, int64_t kernel, int64_t stride, int64_t padding,
                                   int64_t dilation, int64_t output_padding) {
  return (in - 1) * stride - 2 * padding + dilation * (kernel - 1) + output_padding + 1;
}

namespace {

// The module keeps a tuple as given and reads its first two values: a 3-tuple stride
// (1, 2, 3) is (1, 2) to forward(output_size), before F.conv_transpose2d rejects it.
Pair module_pair(const char* name, const Pair& pair, const std::vector<GivenTuple>& odd_tuples) {
  for (const GivenTuple& odd : odd_tuples) {
    if (odd.name == name && odd.values.size() >= 2) return {odd.values[0], odd.values[1]};
  }
  return pair;
}

// nn.ConvTranspose2d.forward(input, output_size): picks output_padding (PYTORCH.md §4.5).
Status resolve_output_size(const Shape& input_shape, const Shape& weight_shape,
                           const ConvTranspose2dParams& params, Pair* output_padding) {
  std::vector<int64_t> size = *params.output_size;
  const int64_t rank = static_cast<int64_t>(input_shape.size());
  const size_t non_spatial = rank == 4 ? 2 : 1;
  if (size.size() == non_spatial + 2) {
    size.erase(size.begin(), size.begin() + static_cast<std::ptrdiff_t>(non_spatial));
  }
  if (size.size() != 2) {
    return error(Code::kBadOutputSize, "outputSize",
                 cat("ConvTranspose2D: for ", rank, "D input, output_size must have 2 or ",
                     static_cast<int64_t>(non_spatial) + 2, " elements (got ", static_cast<int64_t>(size.size()), ")"),
                 "ValueError");
  }
  const int64_t in_h = input_shape[input_shape.size() - 2];
  const int64_t in_w = input_shape[input_shape.size() - 1];
  const Pair s = module_pair("stride", params.stride, params.odd_tuples);
  const Pair p = module_pair("padding", params.padding, params.odd_tuples);
  const Pair d = module_pair("dilation", params.dilation, params.odd_tuples);
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
  if (params.output_size) {  // the module's path: its constructor checks first
    if (Status s = check_module_groups(weight_shape, params.groups, "in_channels"); !s.ok()) {
      return s;
    }
  }
  if (Status s = check_input_rank(input_shape, "conv_transpose2d"); !s.ok()) return s;
  const Pair& stride = params.stride;
  const Pair& padding = params.padding;
  const Pair& dilation = params.dilation;
  const int64_t groups = params.groups;
  if (Status s = check_magnitudes(input_shape, weight_shape,
                                  {stride, padding, dilation, params.output_padding}, groups);
      !s.ok()) {
    return s;
  }
  // forward(output_size) computes with a tuple of the wrong length as given (module_pair);
  // found by tests/fuzz/engine_ops_fuzz: stride=[x, -2^63, y] overflowed there (UBSan).
  for (const GivenTuple& odd : params.odd_tuples) {
    for (int64_t v : odd.values) {
      if (v > kMaxParam || v < -kMaxParam) {
        return error(Code::kTooLarge, odd.name == "output_padding" ? "outputPadding" : odd.name.c_str(),
                     cat("convplay supports sizes and parameters up to ", kMaxParam,
                         " in magnitude, but got ", odd.name, "=", format_list(odd.values)));
      }
    }
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
  if (Status s = check_weight_rank_low(weight_shape, "conv_transpose2d"); !s.ok()) return s;
  const Shape& w = weight_shape;
  Pair output_padding = params.output_padding;
  // The module works out output_padding before the functional checks run.
  if (params.output_size && w.size() == 4) {
    if (Status s = resolve_output_size(input_shape, w, params, &output_padding); !s.ok()) return s;
  }
  const Dims4 input4 = batched_shape(input_shape);
  if (groups <= 0) return error(Code::kNonPositiveGroups, "groups", "non-positive groups is not supported");
  if (Status s = check_weight_rank_expand(w, "conv_transpose2d",
                                          {{"stride", stride}, {"padding", padding},
                                           {"dilation", dilation},
                                           {"output_padding", params.output_padding}},
                                          params.odd_tuples, input4);
      !s.ok()) {
    return s;
  }
  if (!params.deferred_tuple_error.ok()) return params.deferred_tuple_error;
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
  if (Status s = check_weight_groups(w, groups); !s.ok()) return s;
  if (input4[1] != w[0]) {
    return error(Code::kChannelMismatch, "input",
                 cat("Given transposed=1, weight of size ", format_list(w), ", expected input",
                     format_dims(input4), " to have ", w[0], " channels, but got ", input4[1],
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
  // slow_conv_transpose2d_shape_check, on one group's slice of the weight: a weight with
  // no output channels (weight[1] == 0) is refused, where conv2d's empty weights are not.
  if (w[1] == 0) {
    return error(Code::kEmptyWeight, "weight",
                 cat("non-empty 2D or 4D weight tensor expected, but got: ",
                     format_list({w[0] / groups, w[1], w[2], w[3]})));
  }
  ConvTranspose2dGeometry g;
  g.set_from(input_shape, input4, w, out_channels, groups, stride, dilation);
  g.padding = padding;
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
  if (Status s = check_output_limits(g, macs); !s.ok()) return s;
  *out = g;
  return Status::Ok();
}

}  // namespace convplay
