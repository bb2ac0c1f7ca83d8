// libFuzzer target: the engine's public entry points (convplay.h) on arbitrary shapes,
// parameters and values. Properties, not only "no crash":
//  - a rejection has a code, a parameter and a message, and the op rejects exactly as
//    its plan (the shape functions) does, without reading the tensors;
//  - an accepted call gives the planned shape, and for small sizes the fast path, the
//    reference loops and (transposed) the zero-insertion view agree, NaN-aware;
//  - the round trip lists sizes that the conv and transposed-conv formulas agree on.
#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <vector>

#include "engine/convplay.h"
#include "engine/format.h"
#include "engine_case.h"
#include "fuzz_check.h"

namespace convplay::fuzz {
namespace {

// Sizes up to which the ops run (above, only the plans are compared): the reference
// loops must finish in milliseconds for the fuzzer to explore.
constexpr int64_t kMaxRunElements = int64_t{1} << 14;
constexpr int64_t kMaxRunMacs = int64_t{1} << 17;

void check_rejection(const Status& s, const EngineCase& c) {
  FUZZ_CHECK(s.code != ErrorCode::kOk && !s.message.empty() && !s.param.empty(),
             "rejection without code, param or message: code=%s param='%s' message='%s' for %s",
             error_code_name(s.code), s.param.c_str(), s.message.c_str(), c.describe().c_str());
}

// The shape functions plan without a bias: they reject what the op rejects, in the same
// words, except where the op's first fault is its bias.
void check_shape_function(const Status& shape_only, const Status& plan, const EngineCase& c) {
  if (shape_only.ok()) return;
  FUZZ_CHECK(!plan.ok(), "the shape function rejects (%s) what the op accepts for %s",
             shape_only.message.c_str(), c.describe().c_str());
  FUZZ_CHECK(plan.code == ErrorCode::kBiasMismatch ||
                 (plan.code == shape_only.code && plan.message == shape_only.message),
             "the shape function says '%s', the op '%s' for %s", shape_only.message.c_str(),
             plan.message.c_str(), c.describe().c_str());
}

void check_same_status(const Status& op, const Status& plan, const char* what,
                       const EngineCase& c) {
  FUZZ_CHECK(op.code == plan.code && op.message == plan.message && op.param == plan.param,
             "%s disagrees with its plan: op %s '%s' (%s), plan %s '%s' (%s) for %s", what,
             error_code_name(op.code), op.message.c_str(), op.param.c_str(),
             error_code_name(plan.code), plan.message.c_str(), plan.param.c_str(),
             c.describe().c_str());
}

// |x|, element-wise: the reference on absolute values bounds each sum's rounding error.
std::vector<float> absolute(const std::vector<float>& v) {
  std::vector<float> out(v.size());
  for (size_t i = 0; i < v.size(); ++i) out[i] = std::fabs(v[i]);
  return out;
}

// fast vs reference: a NaN in the reference stays NaN; finite results agree to within
// float rounding of the sum of |terms| (`magnitude`).
void expect_close(const Tensor& fast, const Tensor& reference, const Tensor& magnitude,
                  const char* what, const EngineCase& c) {
  FUZZ_CHECK(fast.shape == reference.shape && fast.data.size() == reference.data.size(),
             "%s: shape %s vs reference %s for %s", what, format_list(fast.shape).c_str(),
             format_list(reference.shape).c_str(), c.describe().c_str());
  for (size_t i = 0; i < fast.data.size(); ++i) {
    const float a = fast.data[i], r = reference.data[i], m = magnitude.data[i];
    if (std::isnan(r)) {
      FUZZ_CHECK(std::isnan(a), "%s: element %zu is %g, reference NaN, for %s", what, i,
                 static_cast<double>(a), c.describe().c_str());
      continue;
    }
    if (c.wild_values && (!std::isfinite(a) || !std::isfinite(m) || m > 1e30f)) continue;
    const float tolerance = 1e-5f * m + 1e-6f;
    FUZZ_CHECK(std::fabs(a - r) <= tolerance, "%s: element %zu is %.9g, reference %.9g (|terms| %g) for %s",
               what, i, static_cast<double>(a), static_cast<double>(r), static_cast<double>(m),
               c.describe().c_str());
  }
}

// The tensors of a call, sized by their shapes (only for shapes small enough to run).
struct CallTensors {
  std::vector<float> input, weight, bias;
  TensorView input_view, weight_view, bias_view;
  bool has_bias = false;
  const TensorView* bias_ptr() const { return has_bias ? &bias_view : nullptr; }
};

CallTensors make_tensors(FuzzedDataProvider* in, const EngineCase& c) {
  CallTensors t;
  t.input = decode_values(in, element_count(c.input), c.wild_values);
  t.weight = decode_values(in, element_count(c.weight), c.wild_values);
  if (c.bias) t.bias = decode_values(in, element_count(*c.bias), c.wild_values);
  t.input_view = {t.input.data(), c.input};
  t.weight_view = {t.weight.data(), c.weight};
  if (c.bias) t.bias_view = {t.bias.data(), *c.bias};
  t.has_bias = c.bias.has_value();
  return t;
}

CallTensors absolute(const CallTensors& t) {
  CallTensors a;
  a.input = absolute(t.input);
  a.weight = absolute(t.weight);
  a.bias = absolute(t.bias);
  a.input_view = {a.input.data(), t.input_view.shape};
  a.weight_view = {a.weight.data(), t.weight_view.shape};
  a.bias_view = {a.bias.data(), t.bias_view.shape};
  a.has_bias = t.has_bias;
  return a;
}

int64_t saturating_product(std::initializer_list<int64_t> factors) {
  int64_t result = 1;
  for (int64_t f : factors) {
    if (f <= 0) return 0;
    if (__builtin_mul_overflow(result, f, &result)) return INT64_MAX;
  }
  return result;
}

bool small_enough(const EngineCase& c, const ConvGeometry& g, int64_t macs) {
  return element_count(c.input) <= kMaxRunElements && element_count(c.weight) <= kMaxRunElements &&
         (!c.bias || element_count(*c.bias) <= kMaxRunElements) &&
         element_count(g.output_shape()) <= kMaxRunElements && macs <= kMaxRunMacs;
}

// One float for every tensor of a rejected call: an op that reads past it is caught by
// AddressSanitizer, so "rejects without touching the data" is checked too.
struct DummyTensors {
  float cell = 0.0f;
  TensorView input, weight, bias;
  DummyTensors(const EngineCase& c)
      : input{&cell, c.input}, weight{&cell, c.weight}, bias{&cell, c.bias ? *c.bias : Shape{}} {}
  const TensorView* bias_ptr(const EngineCase& c) const { return c.bias ? &bias : nullptr; }
};

// The plan with the call's bias, and without (what the shape functions run). True when
// the call is accepted; a rejection's properties are checked here.
bool check_plans(const Status& plan, const Status& shape_only, const ConvGeometry& with_bias,
                 const ConvGeometry& without_bias, const EngineCase& c) {
  if (!shape_only.ok()) check_rejection(shape_only, c);
  check_shape_function(shape_only, plan, c);
  if (!plan.ok()) {
    check_rejection(plan, c);
    return false;
  }
  FUZZ_CHECK(shape_only.ok() && without_bias.output_shape() == with_bias.output_shape(),
             "the shape function disagrees with the op's plan for %s", c.describe().c_str());
  return true;
}

void check_conv2d(FuzzedDataProvider* in, const EngineCase& c) {
  const Shape* bias_shape = c.bias ? &*c.bias : nullptr;
  Conv2dGeometry with_bias, without_bias;
  const Status plan = plan_conv2d(c.input, c.weight, bias_shape, c.conv, &with_bias);
  const Status shape_only = plan_conv2d(c.input, c.weight, nullptr, c.conv, &without_bias);
  if (!check_plans(plan, shape_only, with_bias, without_bias, c)) {
    DummyTensors dummy(c);
    Tensor out;
    check_same_status(conv2d(dummy.input, dummy.weight, dummy.bias_ptr(c), c.conv, &out), plan,
                      "conv2d", c);
    check_same_status(conv2d_reference(dummy.input, dummy.weight, dummy.bias_ptr(c), c.conv, &out),
                      plan, "conv2d_reference", c);
    return;
  }
  const ConvGeometry& g = with_bias;
  const int64_t macs = saturating_product({g.batch, g.out_channels, g.out_h, g.out_w,
                                           g.in_channels_per_group(), g.kernel_h, g.kernel_w});
  if (!small_enough(c, g, macs)) return;
  const CallTensors t = make_tensors(in, c);
  Tensor fast, reference, magnitude;
  const Status fast_status = conv2d(t.input_view, t.weight_view, t.bias_ptr(), c.conv, &fast);
  FUZZ_CHECK(fast_status.ok(), "conv2d rejects what its plan accepted: %s for %s",
             fast_status.message.c_str(), c.describe().c_str());
  FUZZ_CHECK(fast.shape == g.output_shape() &&
                 static_cast<int64_t>(fast.data.size()) == element_count(fast.shape),
             "conv2d output %s (%zu values), planned %s, for %s", format_list(fast.shape).c_str(),
             fast.data.size(), format_list(g.output_shape()).c_str(), c.describe().c_str());
  FUZZ_CHECK(conv2d_reference(t.input_view, t.weight_view, t.bias_ptr(), c.conv, &reference).ok(),
             "conv2d_reference rejects what conv2d accepted for %s", c.describe().c_str());
  const CallTensors a = absolute(t);
  FUZZ_CHECK(conv2d_reference(a.input_view, a.weight_view, a.bias_ptr(), c.conv, &magnitude).ok(),
             "conv2d_reference on |values| failed for %s", c.describe().c_str());
  expect_close(fast, reference, magnitude, "conv2d vs reference", c);
}

void check_conv_transpose2d(FuzzedDataProvider* in, const EngineCase& c) {
  const Shape* bias_shape = c.bias ? &*c.bias : nullptr;
  ConvTranspose2dGeometry with_bias, without_bias;
  const ConvTranspose2dParams& params = c.conv_transpose;
  const Status plan = plan_conv_transpose2d(c.input, c.weight, bias_shape, params, &with_bias);
  const Status shape_only = plan_conv_transpose2d(c.input, c.weight, nullptr, params, &without_bias);
  if (!check_plans(plan, shape_only, with_bias, without_bias, c)) {
    DummyTensors dummy(c);
    Tensor out;
    check_same_status(conv_transpose2d(dummy.input, dummy.weight, dummy.bias_ptr(c), params, &out),
                      plan, "conv_transpose2d", c);
    check_same_status(
        conv_transpose2d_reference(dummy.input, dummy.weight, dummy.bias_ptr(c), params, &out),
        plan, "conv_transpose2d_reference", c);
    TransposedAsConv as_conv;
    check_same_status(
        conv_transpose2d_as_conv(dummy.input, dummy.weight, dummy.bias_ptr(c), params, &as_conv),
        plan, "conv_transpose2d_as_conv", c);
    return;
  }
  const ConvGeometry& g = with_bias;
  if (params.output_size) {
    const std::vector<int64_t>& size = *params.output_size;
    FUZZ_CHECK(g.out_h == size[size.size() - 2] && g.out_w == size[size.size() - 1],
               "output_size %s gave %s for %s", format_list(size).c_str(),
               format_list(g.output_shape()).c_str(), c.describe().c_str());
  }
  const int64_t macs = saturating_product({g.batch, g.in_channels, g.in_h, g.in_w,
                                           g.out_channels_per_group(), g.kernel_h, g.kernel_w});
  if (!small_enough(c, g, macs)) return;
  const CallTensors t = make_tensors(in, c);
  Tensor fast, reference, magnitude;
  const Status fast_status = conv_transpose2d(t.input_view, t.weight_view, t.bias_ptr(), params, &fast);
  FUZZ_CHECK(fast_status.ok(), "conv_transpose2d rejects what its plan accepted: %s for %s",
             fast_status.message.c_str(), c.describe().c_str());
  FUZZ_CHECK(fast.shape == g.output_shape() &&
                 static_cast<int64_t>(fast.data.size()) == element_count(fast.shape),
             "conv_transpose2d output %s, planned %s, for %s", format_list(fast.shape).c_str(),
             format_list(g.output_shape()).c_str(), c.describe().c_str());
  FUZZ_CHECK(conv_transpose2d_reference(t.input_view, t.weight_view, t.bias_ptr(), params, &reference).ok(),
             "conv_transpose2d_reference rejects what conv_transpose2d accepted for %s",
             c.describe().c_str());
  const CallTensors a = absolute(t);
  FUZZ_CHECK(conv_transpose2d_reference(a.input_view, a.weight_view, a.bias_ptr(), params, &magnitude).ok(),
             "conv_transpose2d_reference on |values| failed for %s", c.describe().c_str());
  expect_close(fast, reference, magnitude, "conv_transpose2d vs reference", c);

  // The zero-insertion view allocates the spread input: only where that stays small.
  const int64_t spread = saturating_product({g.batch, g.in_channels, (g.in_h - 1) * g.stride.h + 1 + 2 * g.dilation.h * g.kernel_h,
                                             (g.in_w - 1) * g.stride.w + 1 + 2 * g.dilation.w * g.kernel_w});
  if (g.in_h < 1 || g.in_w < 1 || spread > kMaxRunElements * 4) return;
  TransposedAsConv as_conv;
  const Status as_conv_status =
      conv_transpose2d_as_conv(t.input_view, t.weight_view, t.bias_ptr(), params, &as_conv);
  FUZZ_CHECK(as_conv_status.ok(), "conv_transpose2d_as_conv rejects what conv_transpose2d accepted: %s for %s",
             as_conv_status.message.c_str(), c.describe().c_str());
  expect_close(as_conv.output, reference, magnitude, "conv_transpose2d_as_conv vs reference", c);
}

// One axis of the round trip, from the case's H axis.
void check_round_trip(const EngineCase& c) {
  if (c.transposed || c.input.size() < 2 || c.weight.size() < 3) return;
  const int64_t in = c.input[c.input.size() - 2], kernel = c.weight[2];
  const Pair& s = c.conv.stride;
  const Pair& p = c.conv.padding;
  const Pair& d = c.conv.dilation;
  RoundTripAxis axis;
  const Status trip = conv2d_round_trip(in, kernel, s.h, p.h, d.h, &axis);
  Conv2dParams one_axis;
  one_axis.stride = {s.h, 1};
  one_axis.padding = {p.h, 0};
  one_axis.dilation = {d.h, 1};
  Conv2dGeometry g;
  const Status plan = plan_conv2d({1, 1, in, 1}, {1, 1, kernel, 1}, nullptr, one_axis, &g);
  if (!trip.ok()) {
    check_rejection(trip, c);
    FUZZ_CHECK(!plan.ok() || (trip.code == ErrorCode::kTooLarge && s.h > kMaxRoundTripCandidates),
               "round trip rejects (%s) what plan_conv2d accepts for %s", trip.message.c_str(),
               c.describe().c_str());
    return;
  }
  FUZZ_CHECK(plan.ok() && axis.output_size == g.out_h, "round trip output %lld, plan %lld for %s",
             static_cast<long long>(axis.output_size), static_cast<long long>(g.out_h),
             c.describe().c_str());
  bool lists_itself = false;
  int64_t previous = 0;
  for (const RoundTripCandidate& candidate : axis.candidates) {
    FUZZ_CHECK(candidate.input_size > previous, "candidates not ascending for %s", c.describe().c_str());
    previous = candidate.input_size;
    lists_itself = lists_itself || candidate.input_size == in;
    FUZZ_CHECK(conv_output_size(candidate.input_size, kernel, s.h, p.h, p.h, d.h) == axis.output_size,
               "candidate %lld does not map to %lld for %s",
               static_cast<long long>(candidate.input_size),
               static_cast<long long>(axis.output_size), c.describe().c_str());
    FUZZ_CHECK(conv_transpose_output_size(axis.output_size, kernel, s.h, p.h, d.h,
                                          candidate.output_padding) == candidate.input_size,
               "output_padding %lld does not restore %lld for %s",
               static_cast<long long>(candidate.output_padding),
               static_cast<long long>(candidate.input_size), c.describe().c_str());
  }
  FUZZ_CHECK(lists_itself, "round trip of %lld does not list it for %s", static_cast<long long>(in),
             c.describe().c_str());
}

}  // namespace
}  // namespace convplay::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  const convplay::fuzz::EngineCase c = convplay::fuzz::decode_engine_case(&in);
  // Replaying a reproducer: say which call it is before anything can crash.
  static const bool describe = std::getenv("CONVPLAY_FUZZ_DESCRIBE") != nullptr;
  if (describe) std::fprintf(stderr, "case: %s\n", c.describe().c_str());
  if (c.transposed) {
    convplay::fuzz::check_conv_transpose2d(&in, c);
  } else {
    convplay::fuzz::check_conv2d(&in, c);
    convplay::fuzz::check_round_trip(c);
  }
  return 0;
}
