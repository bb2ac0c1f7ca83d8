// The fast paths (depthwise stencil, indirect GEMM, sub-pixel transposed conv) against
// the readable reference loops, on random configurations that cover every padding
// mode, groups incl. depthwise, rectangular stride/dilation/padding, batched and
// unbatched inputs, N = 0, bias or not, and sizes that leave partial 4x8 tiles.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>
#include <string>

#include "engine/convplay.h"
#include "engine/format.h"
#include "engine/fast_conv2d.h"
#include "engine/fast_conv_transpose2d.h"

namespace convplay {
namespace {

std::vector<float> random_values(std::mt19937* rng, int64_t count) {
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  std::vector<float> v(static_cast<size_t>(count));
  for (float& x : v) x = dist(*rng);
  return v;
}

// Accumulation order differs between the paths; the reference sums in double.
void expect_close(const Tensor& fast, const Tensor& reference, int64_t depth,
                  const std::string& what) {
  ASSERT_EQ(fast.shape, reference.shape) << what;
  ASSERT_EQ(fast.data.size(), reference.data.size()) << what;
  const float tolerance = 1e-5f * static_cast<float>(1 + depth);
  for (size_t i = 0; i < fast.data.size(); ++i) {
    ASSERT_NEAR(fast.data[i], reference.data[i], tolerance) << what << " at element " << i;
  }
}

int64_t pick(std::mt19937* rng, int64_t lo, int64_t hi) {
  return std::uniform_int_distribution<int64_t>(lo, hi)(*rng);
}

struct Conv2dCase {
  Shape input, weight;
  bool has_bias = true;
  Conv2dParams params;
  std::string describe() const {
    std::ostringstream s;
    s << "input=" << format_list(input) << " weight=" << format_list(weight) << " stride=" << params.stride.h << "x" << params.stride.w << " pad="
      << params.padding.h << "x" << params.padding.w << " kind="
      << static_cast<int>(params.padding_kind) << " dil=" << params.dilation.h << "x"
      << params.dilation.w << " groups=" << params.groups
      << " mode=" << padding_mode_name(params.padding_mode) << " bias=" << has_bias;
    return s.str();
  }
};

Conv2dCase random_conv2d_case(std::mt19937* rng) {
  Conv2dCase c;
  const int64_t groups = pick(rng, 1, 3);
  const bool depthwise = pick(rng, 0, 2) == 0;
  const int64_t cin_g = depthwise ? 1 : pick(rng, 1, 4);
  const int64_t cout_g = pick(rng, 1, 9);  // 1..9 leaves every 4-channel tile remainder
  const int64_t h = pick(rng, 1, 21), w = pick(rng, 1, 27);
  const int64_t batch = pick(rng, -1, 2);  // -1: unbatched [C, H, W]
  c.input = batch < 0 ? Shape{groups * cin_g, h, w} : Shape{batch, groups * cin_g, h, w};
  c.weight = {groups * cout_g, cin_g, pick(rng, 1, 5), pick(rng, 1, 5)};
  c.has_bias = pick(rng, 0, 1) == 1;
  c.params.groups = groups;
  c.params.stride = {pick(rng, 1, 3), pick(rng, 1, 3)};
  c.params.dilation = {pick(rng, 1, 3), pick(rng, 1, 2)};
  switch (pick(rng, 0, 5)) {
    case 0: c.params.padding_kind = PaddingKind::kValid; break;
    case 1:
      c.params.padding_kind = PaddingKind::kSame;
      c.params.stride = {1, 1};
      break;
    default: c.params.padding = {pick(rng, 0, 3), pick(rng, 0, 3)};
  }
  c.params.padding_mode = static_cast<PaddingMode>(pick(rng, 0, 3));
  return c;
}

Status run_conv2d(const Conv2dCase& c, std::mt19937* rng, Tensor* fast, Tensor* reference,
                  fast::Conv2dPath* path) {
  const std::vector<float> x = random_values(rng, element_count(c.input));
  const std::vector<float> w = random_values(rng, element_count(c.weight));
  const std::vector<float> b = random_values(rng, c.weight[0]);
  const TensorView input{x.data(), c.input}, weight{w.data(), c.weight}, bias{b.data(), {c.weight[0]}};
  const TensorView* bias_ptr = c.has_bias ? &bias : nullptr;
  Conv2dGeometry g;
  if (Status s = plan_conv2d(c.input, c.weight, c.has_bias ? &bias.shape : nullptr, c.params, &g);
      !s.ok()) {
    return s;
  }
  *path = fast::choose_conv2d_path(g);
  EXPECT_TRUE(conv2d(input, weight, bias_ptr, c.params, fast).ok());
  EXPECT_TRUE(conv2d_reference(input, weight, bias_ptr, c.params, reference).ok());
  return Status::Ok();
}

// An unbiased 'same' conv2d with a square dilation: the fuzzer's extreme-padding finds.
Conv2dCase dilated_same_case(const Shape& input, const Shape& weight, int64_t dilation) {
  Conv2dCase c;
  c.input = input;
  c.weight = weight;
  c.has_bias = false;
  c.params.padding_kind = PaddingKind::kSame;
  c.params.dilation = {dilation, dilation};
  return c;
}

TEST(Conv2dFastPath, RandomConfigurationsMatchReference) {
  std::mt19937 rng(20261124);
  int accepted = 0, depthwise = 0, gemm = 0, padded_modes = 0;
  for (int attempt = 0; accepted < 800 && attempt < 20000; ++attempt) {
    const Conv2dCase c = random_conv2d_case(&rng);
    Tensor fast, reference;
    fast::Conv2dPath path{};
    if (!run_conv2d(c, &rng, &fast, &reference, &path).ok()) continue;  // PyTorch rejects it too
    ++accepted;
    ASSERT_NE(path, fast::Conv2dPath::kReference) << c.describe();
    depthwise += path == fast::Conv2dPath::kDepthwise;
    gemm += path == fast::Conv2dPath::kIndirectGemm;
    padded_modes += c.params.padding_mode != PaddingMode::kZeros;
    expect_close(fast, reference, c.weight[1] * c.weight[2] * c.weight[3], c.describe());
    if (HasFatalFailure()) return;
  }
  EXPECT_EQ(accepted, 800);
  // The generator must really reach both paths and the padding modes.
  EXPECT_GT(depthwise, 150);
  EXPECT_GT(gemm, 300);
  EXPECT_GT(padded_modes, 300);
}

// Widths around the 8-pixel tile and channel counts around the 4-channel tile, with
// stride 1: the in-place runs, their edges and partial tiles, on the GEMM path.
TEST(Conv2dFastPath, EdgeTilesOfTheGemm) {
  std::mt19937 rng(7);
  for (int64_t width = 1; width <= 26; ++width) {
    for (int64_t cout : {1, 3, 4, 5, 8}) {
      for (int64_t pad : {0, 1, 2}) {
        Conv2dCase c;
        c.input = {1, 2, 3, width};
        c.weight = {cout, 2, 3, std::min<int64_t>(3, width + 2 * pad)};
        c.params.padding = {1, pad};
        Tensor fast, reference;
        fast::Conv2dPath path{};
        ASSERT_TRUE(run_conv2d(c, &rng, &fast, &reference, &path).ok()) << c.describe();
        EXPECT_EQ(path, fast::Conv2dPath::kIndirectGemm);
        expect_close(fast, reference, 18, c.describe());
      }
    }
  }
}

TEST(Conv2dFastPath, EmptyBatchGivesEmptyOutput) {
  std::mt19937 rng(1);
  for (int64_t cin : {1, 4}) {
    Conv2dCase c;
    c.input = {0, cin, 5, 5};
    c.weight = {3, cin, 3, 3};
    Tensor fast, reference;
    fast::Conv2dPath path{};
    ASSERT_TRUE(run_conv2d(c, &rng, &fast, &reference, &path).ok());
    EXPECT_EQ(fast.shape, (Shape{0, 3, 3, 3}));
    EXPECT_TRUE(fast.data.empty());
  }
}

// The benchmark's workloads themselves (bench/workloads.js; W2 at a quarter of its size):
// what the numbers are measured on.
TEST(Conv2dFastPath, BenchmarkWorkloadsMatchReference) {
  std::mt19937 rng(5);
  struct Workload {
    Shape input, weight;
    int64_t padding, groups;
  };
  const Workload workloads[] = {{{1, 1, 8, 8}, {1, 1, 3, 3}, 1, 1},
                                {{1, 3, 128, 128}, {3, 3, 5, 5}, 2, 1},
                                {{1, 64, 56, 56}, {64, 64, 3, 3}, 1, 1},
                                {{1, 64, 56, 56}, {64, 1, 3, 3}, 1, 64}};
  for (const Workload& wl : workloads) {
    Conv2dCase c;
    c.input = wl.input;
    c.weight = wl.weight;
    c.params.padding = {wl.padding, wl.padding};
    c.params.groups = wl.groups;
    Tensor fast, reference;
    fast::Conv2dPath path{};
    ASSERT_TRUE(run_conv2d(c, &rng, &fast, &reference, &path).ok());
    EXPECT_NE(path, fast::Conv2dPath::kReference) << "the benchmark must time a fast path: "
                                                  << c.describe();
    expect_close(fast, reference, wl.weight[1] * wl.weight[2] * wl.weight[3], c.describe());
  }
}

// Found by tests/fuzz/engine_ops_fuzz: 'same' with dilation 65537 made the GEMM path pad
// rows 262 153 floats wide for 15 625 multiply-adds (seconds under ASan); the loops win.
TEST(Conv2dFastPath, MostlyPaddingGoesToTheLoops) {
  std::mt19937 rng(13);
  const Conv2dCase c = dilated_same_case({5, 5, 5, 5}, {1, 5, 5, 5}, 65537);
  Tensor fast, reference;
  fast::Conv2dPath path{};
  ASSERT_TRUE(run_conv2d(c, &rng, &fast, &reference, &path).ok());
  EXPECT_EQ(path, fast::Conv2dPath::kReference);
  expect_close(fast, reference, 125, c.describe());
}

// Winograd F(2x2, 3x3) takes 3x3 stride-1 layers with >= 8 channels in and out per
// group: every padding mode, odd sizes (the last tile row/column half outside), groups,
// batches, with and without bias, and chunks of tiles that end mid-panel.
TEST(Conv2dFastPath, WinogradMatchesReference) {
  std::mt19937 rng(31);
  int winograd = 0;
  for (int trial = 0; trial < 60; ++trial) {
    Conv2dCase c;
    const int64_t groups = pick(&rng, 1, 2);
    const int64_t cin_g = pick(&rng, 8, 13), cout_g = pick(&rng, 8, 14);
    // Big enough planes: the path only runs when its workspace fits in one output.
    const int64_t h = pick(&rng, 30, 41), w = pick(&rng, 30, 43);
    c.input = trial % 3 == 0 ? Shape{groups * cin_g, h, w} : Shape{pick(&rng, 1, 2), groups * cin_g, h, w};
    c.weight = {groups * cout_g, cin_g, 3, 3};
    c.has_bias = trial % 2 == 0;
    c.params.groups = groups;
    c.params.padding_mode = static_cast<PaddingMode>(trial % 4);
    if (trial % 5 == 4) {
      c.params.padding_kind = PaddingKind::kSame;
    } else {
      c.params.padding = {pick(&rng, 0, 2), pick(&rng, 0, 2)};
    }
    Tensor fast, reference;
    fast::Conv2dPath path{};
    if (!run_conv2d(c, &rng, &fast, &reference, &path).ok()) continue;
    winograd += path == fast::Conv2dPath::kWinograd;
    expect_close(fast, reference, cin_g * 9, c.describe());
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(winograd, 40);
}

// The fast paths write straight into the caller's output tensor when they can: stale
// values there (NaN here) must all be overwritten, whatever size the tensor had.
TEST(Conv2dFastPath, ReusedOutputTensorIsFullyOverwritten) {
  std::mt19937 rng(9);
  for (int64_t groups : {1, 4}) {
    const std::vector<float> x = random_values(&rng, 2 * 4 * 9 * 11);
    const std::vector<float> w = random_values(&rng, 8 * (4 / groups) * 3 * 3);
    const TensorView input{x.data(), {2, 4, 9, 11}}, weight{w.data(), {8, 4 / groups, 3, 3}};
    Conv2dParams params;
    params.groups = groups;
    params.padding = {1, 1};
    Tensor reference;
    ASSERT_TRUE(conv2d_reference(input, weight, nullptr, params, &reference).ok());
    for (size_t stale : {size_t{0}, reference.data.size() / 2, reference.data.size(),
                         reference.data.size() * 2}) {
      Tensor out;
      out.data.assign(stale, std::nanf(""));
      ASSERT_TRUE(conv2d(input, weight, nullptr, params, &out).ok());
      expect_close(out, reference, 36, "stale size " + std::to_string(stale));
    }
  }
}

// ...but never when that tensor is also an operand: the engine does not modify its arguments.
TEST(Conv2dFastPath, OutputThatIsAlsoTheInputGetsFreshStorage) {
  std::mt19937 rng(10);
  Tensor t;
  t.shape = {1, 2, 6, 6};
  t.data = random_values(&rng, 72);
  const std::vector<float> w = random_values(&rng, 2 * 2 * 3 * 3);
  const TensorView weight{w.data(), {2, 2, 3, 3}};
  Conv2dParams params;
  params.padding = {1, 1};
  Tensor reference;
  ASSERT_TRUE(conv2d_reference(t.view(), weight, nullptr, params, &reference).ok());
  const TensorView input = t.view();
  ASSERT_TRUE(conv2d(input, weight, nullptr, params, &t).ok());
  expect_close(t, reference, 18, "output aliasing the input");
}

struct ConvTranspose2dCase {
  Shape input, weight;
  bool has_bias = true;
  ConvTranspose2dParams params;
  std::string describe() const {
    std::ostringstream s;
    s << "input=" << format_list(input) << " weight=" << format_list(weight) << " stride=" << params.stride.h << "x" << params.stride.w << " pad="
      << params.padding.h << "x" << params.padding.w << " out_pad="
      << params.output_padding.h << "x" << params.output_padding.w << " dil="
      << params.dilation.h << "x" << params.dilation.w << " groups=" << params.groups
      << " bias=" << has_bias;
    return s.str();
  }
};

Status run_conv_transpose2d(const ConvTranspose2dCase& c, std::mt19937* rng, Tensor* fast,
                            Tensor* reference) {
  const std::vector<float> x = random_values(rng, element_count(c.input));
  const std::vector<float> w = random_values(rng, element_count(c.weight));
  const int64_t out_channels = c.weight[1] * c.params.groups;
  const std::vector<float> b = random_values(rng, out_channels);
  const TensorView input{x.data(), c.input}, weight{w.data(), c.weight}, bias{b.data(), {out_channels}};
  const TensorView* bias_ptr = c.has_bias ? &bias : nullptr;
  ConvTranspose2dGeometry g;
  if (Status s = plan_conv_transpose2d(c.input, c.weight, c.has_bias ? &bias.shape : nullptr,
                                       c.params, &g);
      !s.ok()) {
    return s;
  }
  EXPECT_TRUE(fast::fast_conv_transpose2d_fits(g));
  EXPECT_TRUE(conv_transpose2d(input, weight, bias_ptr, c.params, fast).ok());
  EXPECT_TRUE(conv_transpose2d_reference(input, weight, bias_ptr, c.params, reference).ok());
  return Status::Ok();
}

TEST(ConvTranspose2dFastPath, RandomConfigurationsMatchReference) {
  std::mt19937 rng(424242);
  int accepted = 0, strided = 0;
  for (int attempt = 0; accepted < 800 && attempt < 20000; ++attempt) {
    ConvTranspose2dCase c;
    const int64_t groups = pick(&rng, 1, 3);
    const int64_t cin_g = pick(&rng, 1, 4), cout_g = pick(&rng, 1, 9);
    const int64_t batch = pick(&rng, -1, 2);
    const int64_t h = pick(&rng, 1, 13), w = pick(&rng, 1, 17);
    c.input = batch < 0 ? Shape{groups * cin_g, h, w} : Shape{batch, groups * cin_g, h, w};
    c.weight = {groups * cin_g, cout_g, pick(&rng, 1, 5), pick(&rng, 1, 5)};
    c.has_bias = pick(&rng, 0, 1) == 1;
    c.params.groups = groups;
    c.params.stride = {pick(&rng, 1, 4), pick(&rng, 1, 3)};
    c.params.dilation = {pick(&rng, 1, 3), pick(&rng, 1, 2)};
    c.params.padding = {pick(&rng, 0, 3), pick(&rng, 0, 3)};
    c.params.output_padding = {pick(&rng, 0, 3), pick(&rng, 0, 2)};
    Tensor fast, reference;
    if (!run_conv_transpose2d(c, &rng, &fast, &reference).ok()) continue;
    ++accepted;
    strided += c.params.stride.h > 1 || c.params.stride.w > 1;
    expect_close(fast, reference, c.weight[0] * c.weight[2] * c.weight[3], c.describe());
    if (HasFatalFailure()) return;
  }
  EXPECT_EQ(accepted, 800);
  EXPECT_GT(strided, 400);
}

// Stride larger than the dilated kernel: some phases get no taps and hold only the bias.
TEST(ConvTranspose2dFastPath, PhasesWithoutTapsHoldTheBias) {
  std::mt19937 rng(3);
  ConvTranspose2dCase c;
  c.input = {2, 3, 4, 5};
  c.weight = {3, 2, 2, 1};
  c.params.stride = {3, 4};
  c.params.output_padding = {2, 3};
  Tensor fast, reference;
  ASSERT_TRUE(run_conv_transpose2d(c, &rng, &fast, &reference).ok());
  expect_close(fast, reference, 6, c.describe());
}

TEST(ConvTranspose2dFastPath, DecoderWorkloadMatchesReference) {
  std::mt19937 rng(11);
  ConvTranspose2dCase c;
  c.input = {1, 64, 32, 32};
  c.weight = {64, 32, 4, 4};
  c.params.stride = {2, 2};
  c.params.padding = {1, 1};
  Tensor fast, reference;
  ASSERT_TRUE(run_conv_transpose2d(c, &rng, &fast, &reference).ok());
  expect_close(fast, reference, 64 * 16, c.describe());
}

TEST(ConvTranspose2dFastPath, ReusedOutputTensorIsFullyOverwritten) {
  std::mt19937 rng(12);
  const std::vector<float> x = random_values(&rng, 3 * 5 * 7);
  const std::vector<float> w = random_values(&rng, 3 * 2 * 3 * 3);
  const TensorView input{x.data(), {3, 5, 7}}, weight{w.data(), {3, 2, 3, 3}};
  ConvTranspose2dParams params;
  params.stride = {2, 3};
  params.padding = {1, 0};
  Tensor reference;
  ASSERT_TRUE(conv_transpose2d_reference(input, weight, nullptr, params, &reference).ok());
  Tensor out;
  out.data.assign(reference.data.size(), std::nanf(""));
  ASSERT_TRUE(conv_transpose2d(input, weight, nullptr, params, &out).ok());
  expect_close(out, reference, 27, "stale output");
}

// Phases that are 2x2 correlations with >= 8 channels each way go through Winograd
// F(2x2, 2x2) (k=4, s=2 decoders; k=3 or 5, s=2 mix 2x2 phases with other ones): every
// padding, output_padding, groups, batches, bias or not, odd phase sizes.
TEST(ConvTranspose2dFastPath, WinogradPhasesMatchReference) {
  std::mt19937 rng(77);
  int checked = 0;
  for (int trial = 0; trial < 24; ++trial) {
    ConvTranspose2dCase c;
    const int64_t groups = pick(&rng, 1, 2);
    const int64_t cin_g = pick(&rng, 8, 12), cout_g = pick(&rng, 8, 12);
    const int64_t h = pick(&rng, 9, 21), w = pick(&rng, 9, 23);
    c.input = trial % 4 == 0 ? Shape{groups * cin_g, h, w} : Shape{pick(&rng, 1, 2), groups * cin_g, h, w};
    const int64_t k = trial % 3 == 0 ? 3 : trial % 3 == 1 ? 4 : 5;
    c.weight = {groups * cin_g, cout_g, k, k + (trial % 2)};
    c.has_bias = trial % 2 == 1;
    c.params.groups = groups;
    c.params.stride = {2, 2};
    c.params.padding = {pick(&rng, 0, 2), pick(&rng, 0, 2)};
    c.params.output_padding = {pick(&rng, 0, 1), pick(&rng, 0, 1)};
    Tensor fast, reference;
    if (!run_conv_transpose2d(c, &rng, &fast, &reference).ok()) continue;
    expect_close(fast, reference, c.weight[0] * c.weight[2] * c.weight[3], c.describe());
    if (HasFatalFailure()) return;
    ++checked;
  }
  EXPECT_EQ(checked, 24);  // every configuration above is valid: none may be skipped
}

TEST(ConvTranspose2dFastPath, EmptyBatchGivesEmptyOutput) {
  std::mt19937 rng(2);
  ConvTranspose2dCase c;
  c.input = {0, 2, 3, 3};
  c.weight = {2, 3, 3, 3};
  c.params.stride = {2, 2};
  Tensor fast, reference;
  ASSERT_TRUE(run_conv_transpose2d(c, &rng, &fast, &reference).ok());
  EXPECT_EQ(fast.shape, (Shape{0, 3, 7, 7}));
  EXPECT_TRUE(fast.data.empty());
}

// Found by tests/fuzz/engine_ops_fuzz: 'same' with dilation 2^30 pads each side by 2^31,
// and the depthwise path's plane size (h * w) overflowed int64 (UBSan, native-asan).
TEST(Conv2dFastPath, HugeDilatedSamePlaneIsNotMultipliedOut) {
  std::mt19937 rng(12);
  const Conv2dCase c = dilated_same_case({5, 1, 5, 1}, {3, 1, 5, 5}, int64_t{1} << 30);
  Tensor fast, reference;
  fast::Conv2dPath path;
  ASSERT_TRUE(run_conv2d(c, &rng, &fast, &reference, &path).ok()) << c.describe();
  EXPECT_NE(path, fast::Conv2dPath::kDepthwise);
  EXPECT_EQ(fast.shape, (Shape{5, 3, 5, 1}));
  expect_close(fast, reference, 25, c.describe());
}

// Found by tests/fuzz/engine_ops_fuzz: with no input channels there are no multiply-adds
// to limit, and choosing a fast path sized a table by a 2^30-wide kernel (seconds, GBs).
TEST(Conv2dFastPath, NoInputChannelsGiveTheBiasAtOnce) {
  const float bias_values[] = {1.0f, 2.0f, 3.0f, 4.0f};
  const TensorView input{nullptr, {1, 0, 5, 7}};
  const TensorView weight{nullptr, {4, 0, 2, int64_t{1} << 30}};
  const TensorView bias{bias_values, {4}};
  Conv2dParams params;
  params.padding_kind = PaddingKind::kSame;
  Tensor out;
  ASSERT_TRUE(conv2d(input, weight, &bias, params, &out).ok());
  ASSERT_EQ(out.shape, (Shape{1, 4, 5, 7}));
  for (size_t i = 0; i < out.data.size(); ++i) ASSERT_EQ(out.data[i], bias_values[i / 35]) << i;
}

}  // namespace
}  // namespace convplay
