// Checks shared by plan_conv2d and plan_conv_transpose2d (internal to the engine).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "geometry.h"
#include "params.h"
#include "status.h"
#include "tensor.h"

namespace convplay::checks {

Status error(ErrorCode code, const char* param, std::string message,
             const char* python_type = "RuntimeError");
// The product of the factors, saturating at INT64_MAX (0 if any factor is <= 0).
int64_t product(std::initializer_list<int64_t> factors);
// Input rank 3 (unbatched) or 4 (batched); op is "conv2d" or "conv_transpose2d".
Status check_input_rank(const Shape& input_shape, const char* op);
// The input as PyTorch's batchify sees it: [N, C, H, W].
Dims4 batched_shape(const Shape& input_shape);
// convplay's own guards: no negative sizes, every number small enough for int64 arithmetic.
Status check_magnitudes(const Shape& input_shape, const Shape& weight_shape,
                        std::initializer_list<Pair> pairs, int64_t groups);
// Output elements and multiply-adds within convplay's limits.
Status check_output_limits(const ConvGeometry& g, int64_t macs);
// Weight rank < 3, then (after groups) rank != 4, in PyTorch's words followed by one
// sentence that names the real rule, because PyTorch's own may blame stride or input.
// op is "conv2d" or "conv_transpose2d".
Status check_weight_rank_low(const Shape& weight_shape, const char* op);
// A tuple argument as PyTorch's _convolution sees it: the pair, or the odd tuple given.
struct TupleArgument {
  const char* name;  // PyTorch's name
  Pair pair;
};
// A weight of rank 3 or >= 5: PyTorch expands stride, padding, dilation and
// output_padding to rank-2 values, in that order, and reports the first whose length is
// neither 1 nor rank-2; when all fit, the input's rank.
Status check_weight_rank_expand(const Shape& weight_shape, const char* op,
                                std::initializer_list<TupleArgument> arguments,
                                const std::vector<GivenTuple>& odd_tuples, const Dims4& input4);
// The sentence every weight-rank error ends with: "(weight must be 4-D for conv2d: ...)".
std::string weight_rank_culprit(const Shape& weight_shape, const char* op);
// An empty H or W with a non-empty batch and channels.
Status check_zero_spatial(const Dims4& input4);
// The groups checks of nn.Conv2d's and nn.ConvTranspose2d's constructors (ValueErrors):
// groups > 0, and weight[0] divisible by groups; weight[0] is what the module calls
// `channels_name` ("out_channels" for Conv2d, "in_channels" for ConvTranspose2d).
Status check_module_groups(const Shape& weight_shape, int64_t groups, const char* channels_name);
// "Given groups=..., expected weight to be at least / divisible by ..." (both ops).
Status check_weight_groups(const Shape& weight_shape, int64_t groups);

}  // namespace convplay::checks
