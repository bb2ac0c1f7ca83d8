#include "checks.h"

#include <algorithm>
#include <limits>

#include "format.h"
#include "limits.h"

namespace convplay::checks {

namespace {

using Code = ErrorCode;

// No division (tens of cycles in WebAssembly): factors below 2^31 cannot overflow, and
// only larger ones pay for the checked multiply (a 128-bit routine on wasm32).
int64_t saturating_mul(int64_t a, int64_t b) {
  if (a <= 0 || b <= 0) return 0;
  constexpr uint64_t kSmall = uint64_t{1} << 31;
  if ((static_cast<uint64_t>(a) | static_cast<uint64_t>(b)) < kSmall) return a * b;
  int64_t result;
  if (__builtin_mul_overflow(a, b, &result)) return std::numeric_limits<int64_t>::max();
  return result;
}

}  // namespace

Status error(Code code, const char* param, std::string message, const char* python_type) {
  return Status::Error(code, param, std::move(message), python_type);
}

int64_t product(std::initializer_list<int64_t> factors) {
  int64_t result = 1;
  for (int64_t f : factors) result = saturating_mul(result, f);
  return result;
}

Status check_input_rank(const Shape& input_shape, const char* op) {
  if (input_shape.size() == 3 || input_shape.size() == 4) return Status::Ok();
  return error(Code::kBadInputRank, "input",
               cat("Expected 3D (unbatched) or 4D (batched) input to ", op,
                   ", but got input of size: ", format_list(input_shape)));
}

Dims4 batched_shape(const Shape& input_shape) {
  if (input_shape.size() == 3) return {1, input_shape[0], input_shape[1], input_shape[2]};
  return {input_shape[0], input_shape[1], input_shape[2], input_shape[3]};
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

Status check_output_limits(const ConvGeometry& g, int64_t macs) {
  // One sample, even of an empty batch: its planes are sized (out_h * out_w) by the code
  // (found by tests/fuzz/engine_ops_fuzz: N = 0 with 3*10^9 x 3*10^9 planes overflowed).
  const int64_t per_sample = product({std::max<int64_t>(g.out_channels, 1), g.out_h, g.out_w});
  if (per_sample > kMaxElements) {
    return error(Code::kTooLarge, "output",
                 cat("each sample of the output ", format_list(g.output_shape()), " would have ",
                     per_sample, " elements; convplay computes at most ", kMaxElements,
                     " (a larger tensor would not fit in a browser tab)"));
  }
  const int64_t elements = product({g.batch, g.out_channels, g.out_h, g.out_w});
  if (elements > kMaxElements) {
    return error(Code::kTooLarge, "output",
                 cat("the output ", format_list(g.output_shape()), " would have ", elements,
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

std::string weight_rank_culprit(const Shape& weight_shape, const char* op) {
  const bool transposed = std::string(op) == "conv_transpose2d";
  return cat(" (weight must be 4-D for ", op, ": ",
             transposed ? "[in_channels, out_channels/groups, kH, kW]"
                        : "[out_channels, in_channels/groups, kH, kW]",
             "; got ", format_list(weight_shape), ")");
}

// Weight ranks other than 4 fail where PyTorch expands the params to the weight's
// spatial rank, with a message about stride (weight rank < 3 fails earlier).
Status check_weight_rank_low(const Shape& weight_shape, const char* op) {
  if (weight_shape.size() < 3) {
    return error(Code::kBadWeightRank, "weight",
                 cat("weight should have at least three dimensions",
                     weight_rank_culprit(weight_shape, op)));
  }
  return Status::Ok();
}

Status check_weight_rank_expand(const Shape& weight_shape, const char* op,
                                std::initializer_list<TupleArgument> arguments,
                                const std::vector<GivenTuple>& odd_tuples, const Dims4& input4) {
  if (weight_shape.size() == 4) return Status::Ok();
  const size_t spatial = weight_shape.size() - 2;
  for (const TupleArgument& argument : arguments) {
    std::vector<int64_t> given = {argument.pair.h, argument.pair.w};
    for (const GivenTuple& odd : odd_tuples) {
      if (odd.name == argument.name) given = odd.values;
    }
    if (given.size() == 1 || given.size() == spatial) continue;
    return error(Code::kBadWeightRank, "weight",
                 cat("expected ", argument.name, " to be a single integer value or a list of ",
                     static_cast<int64_t>(spatial),
                     " values to match the convolution dimensions, but got ", argument.name, "=",
                     format_list(given), weight_rank_culprit(weight_shape, op)));
  }
  const auto rank = static_cast<int64_t>(weight_shape.size());
  return error(Code::kBadWeightRank, "weight",
               cat("Expected ", rank, "-dimensional input for ", rank, "-dimensional weight ",
                   format_list(weight_shape), ", but got 4-dimensional input of size ",
                   format_dims(input4), " instead", weight_rank_culprit(weight_shape, op)));
}

Status check_zero_spatial(const Dims4& input4) {
  const bool empty_spatial = input4[2] == 0 || input4[3] == 0;
  if (empty_spatial && input4[0] != 0 && input4[1] != 0) {
    return error(Code::kBadArgument, "input",
                 cat("Only zero batch or zero channel inputs are supported, but got input shape: ",
                     format_dims(input4)));
  }
  return Status::Ok();
}

Status check_module_groups(const Shape& weight_shape, int64_t groups, const char* channels_name) {
  if (groups <= 0) {
    return error(Code::kNonPositiveGroups, "groups", "groups must be a positive integer",
                 "ValueError");
  }
  if (!weight_shape.empty() && weight_shape[0] % groups != 0) {
    return error(Code::kWeightGroupsMismatch, "weight",
                 cat(channels_name, " must be divisible by groups"), "ValueError");
  }
  return Status::Ok();
}

Status check_weight_groups(const Shape& w, int64_t groups) {
  if (w[0] < groups) {
    return error(Code::kWeightGroupsMismatch, "weight",
                 cat("Given groups=", groups, ", expected weight to be at least ", groups,
                     " at dimension 0, but got weight of size ", format_list(w), " instead"));
  }
  if (groups != 1 && w[0] % groups != 0) {  // skips a 64-bit division in the common case
    // The double brackets are PyTorch's: it prints "[" << sizes << "]".
    return error(Code::kWeightGroupsMismatch, "weight",
                 cat("Given groups=", groups, ", expected weight to be divisible by ", groups,
                     " at dimension 0, but got weight of size [", format_list(w), "] instead"));
  }
  return Status::Ok();
}

}  // namespace convplay::checks
