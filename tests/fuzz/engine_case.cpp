// How fuzzer bytes become an engine call (engine_case.h). Small values dominate so that
// most inputs reach the arithmetic; the rest probe the limits and the rejections.
#include "engine_case.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>

#include "engine/format.h"

namespace convplay::fuzz {

namespace {

// Sizes and parameters at the edges of what the engine accepts, and beyond.
int64_t special_number(FuzzedDataProvider* in) {
  static constexpr int64_t kSpecial[] = {
      0, -1, -2, 65536, 65537, kMaxParam, kMaxParam + 1, int64_t{1} << 31, int64_t{1} << 40,
      std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min(),
      -kMaxParam, -kMaxParam - 1};
  return in->PickValueInArray(kSpecial);
}

int64_t pick_number(FuzzedDataProvider* in, int64_t lo, int64_t hi) {
  if (in->ConsumeIntegralInRange<int>(0, 15) == 0) return special_number(in);
  return in->ConsumeIntegralInRange<int64_t>(lo, hi);
}

Shape pick_shape(FuzzedDataProvider* in, size_t usual_rank, int64_t max_dim) {
  size_t rank = usual_rank;
  if (in->ConsumeIntegralInRange<int>(0, 9) == 0) rank = in->ConsumeIntegralInRange<size_t>(0, 6);
  Shape shape(rank);
  for (int64_t& dim : shape) dim = pick_number(in, 0, max_dim);
  return shape;
}

// Mostly one or two values; sometimes a tuple of the wrong length.
std::vector<int64_t> pick_tuple(FuzzedDataProvider* in, int64_t lo, int64_t hi) {
  size_t length = in->ConsumeBool() ? 1 : 2;
  if (in->ConsumeIntegralInRange<int>(0, 15) == 0) length = in->ConsumeIntegralInRange<size_t>(0, 3);
  std::vector<int64_t> values(length);
  for (int64_t& v : values) v = pick_number(in, lo, hi);
  return values;
}

std::string describe_pair(const Pair& p) { return cat(p.h, "x", p.w); }

}  // namespace

EngineCase decode_engine_case(FuzzedDataProvider* in) {
  EngineCase c;
  c.transposed = in->ConsumeBool();
  c.wild_values = in->ConsumeIntegralInRange<int>(0, 3) == 0;
  c.input = pick_shape(in, in->ConsumeBool() ? 4 : 3, 9);
  c.weight = pick_shape(in, 4, 5);
  const int64_t groups = in->ConsumeIntegralInRange<int>(0, 3) == 0 ? pick_number(in, -1, 4) : 1;
  const auto stride = pick_tuple(in, 0, 3);
  const auto padding = pick_tuple(in, -1, 3);
  const auto dilation = pick_tuple(in, 0, 3);
  if (in->ConsumeBool()) {
    // The bias the weight wants, as a valid call has it.
    int64_t out_channels = c.weight.size() < 2 ? 1 : c.transposed ? c.weight[1] : c.weight[0];
    if (c.transposed && groups > 1 && __builtin_mul_overflow(out_channels, groups, &out_channels)) {
      out_channels = 1;
    }
    c.bias = in->ConsumeIntegralInRange<int>(0, 7) == 0 ? pick_shape(in, 1, 9) : Shape{out_channels};
  }
  if (c.transposed) {
    ConvTranspose2dParams& p = c.conv_transpose;
    p.groups = groups;
    read_pair("stride", stride, &p.stride, &p.deferred_tuple_error, &p.odd_tuples);
    read_pair("padding", padding, &p.padding, &p.deferred_tuple_error, &p.odd_tuples);
    read_pair("dilation", dilation, &p.dilation, &p.deferred_tuple_error, &p.odd_tuples);
    read_pair("output_padding", pick_tuple(in, -1, 2), &p.output_padding, &p.deferred_tuple_error, &p.odd_tuples);
    if (in->ConsumeIntegralInRange<int>(0, 5) == 0) {
      std::vector<int64_t> size(in->ConsumeIntegralInRange<size_t>(0, 5));
      for (int64_t& v : size) v = pick_number(in, 0, 20);
      p.output_size = size;
    }
    if (in->ConsumeIntegralInRange<int>(0, 15) == 0) p.padding_mode = PaddingMode::kReflect;
  } else {
    Conv2dParams& p = c.conv;
    p.groups = groups;
    read_pair("stride", stride, &p.stride, &p.deferred_tuple_error, &p.odd_tuples);
    read_pair("padding", padding, &p.padding, &p.deferred_tuple_error, &p.odd_tuples);
    read_pair("dilation", dilation, &p.dilation, &p.deferred_tuple_error, &p.odd_tuples);
    switch (in->ConsumeIntegralInRange<int>(0, 7)) {
      case 0: p.padding_kind = PaddingKind::kSame; break;
      case 1: p.padding_kind = PaddingKind::kValid; break;
      default: break;
    }
    p.padding_mode = static_cast<PaddingMode>(in->ConsumeIntegralInRange<int>(0, 3));
  }
  return c;
}

std::vector<float> decode_values(FuzzedDataProvider* in, int64_t count, bool wild) {
  static constexpr float kWild[] = {std::numeric_limits<float>::quiet_NaN(),
                                    std::numeric_limits<float>::infinity(),
                                    -std::numeric_limits<float>::infinity(),
                                    std::numeric_limits<float>::max(),
                                    -std::numeric_limits<float>::max(),
                                    std::numeric_limits<float>::denorm_min(),
                                    -0.0f,
                                    1e30f};
  std::vector<float> values(static_cast<size_t>(count));
  for (float& v : values) {
    const auto byte = static_cast<int8_t>(in->ConsumeIntegral<uint8_t>());
    // Multiples of 1/16 in [-8, 8): exact in float, so only the summation order differs.
    v = static_cast<float>(byte) / 16.0f;
    if (wild && (byte & 7) == 7) v = in->PickValueInArray(kWild);
  }
  return values;
}

std::string EngineCase::describe() const {
  std::ostringstream s;
  s << (transposed ? "conv_transpose2d" : "conv2d") << " input=" << format_list(input)
    << " weight=" << format_list(weight) << " bias=" << (bias ? format_list(*bias) : "none");
  if (transposed) {
    const ConvTranspose2dParams& p = conv_transpose;
    s << " stride=" << describe_pair(p.stride) << " padding=" << describe_pair(p.padding)
      << " output_padding=" << describe_pair(p.output_padding)
      << " dilation=" << describe_pair(p.dilation) << " groups=" << p.groups
      << " output_size=" << (p.output_size ? format_list(*p.output_size) : "none");
  } else {
    const Conv2dParams& p = conv;
    s << " stride=" << describe_pair(p.stride) << " padding=" << describe_pair(p.padding)
      << " kind=" << static_cast<int>(p.padding_kind) << " dilation=" << describe_pair(p.dilation)
      << " groups=" << p.groups << " mode=" << padding_mode_name(p.padding_mode);
  }
  s << (wild_values ? " values=wild" : " values=tame");
  return s.str();
}

}  // namespace convplay::fuzz
