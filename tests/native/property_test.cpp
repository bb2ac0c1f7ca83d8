// Properties that hold for every configuration, checked on random ones:
// ConvTranspose2d is the adjoint of Conv2d, the scatter and the tutorial's
// "spread, pad, flip, convolve" agree, and shapes follow the formulas.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "engine/convplay.h"

namespace convplay {
namespace {

struct RandomConfig {
  int64_t batch, groups, cin, cout, in_h, in_w, kernel_h, kernel_w;
  Pair stride, padding, dilation;
};

class Random {
 public:
  explicit Random(uint32_t seed) : engine_(seed) {}
  int64_t between(int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(engine_);
  }
  Tensor tensor(const Shape& shape) {
    Tensor t;
    t.shape = shape;
    t.data.resize(static_cast<size_t>(element_count(shape)));
    std::uniform_real_distribution<float> value(-1.0f, 1.0f);
    for (float& v : t.data) v = value(engine_);
    return t;
  }
  RandomConfig config() {
    RandomConfig c;
    c.batch = between(0, 2);
    c.groups = between(1, 3);
    c.cin = c.groups * between(1, 2);
    c.cout = c.groups * between(1, 2);
    c.kernel_h = between(1, 4);
    c.kernel_w = between(1, 4);
    c.stride = {between(1, 3), between(1, 3)};
    c.dilation = {between(1, 2), between(1, 2)};
    c.padding = {between(0, 2), between(0, 2)};
    c.in_h = between(1, 9);
    c.in_w = between(1, 9);
    return c;
  }

 private:
  std::mt19937 engine_;
};

double dot(const std::vector<float>& a, const std::vector<float>& b) {
  double sum = 0;
  for (size_t i = 0; i < a.size(); ++i) sum += double{a[i]} * double{b[i]};
  return sum;
}

double sum_abs_products(const std::vector<float>& a, const std::vector<float>& b) {
  double sum = 0;
  for (size_t i = 0; i < a.size(); ++i) sum += std::fabs(double{a[i]} * double{b[i]});
  return sum;
}

// <conv2d(x, w), y> == <x, conv_transpose2d(y, w)>: the transposed convolution is
// exactly the adjoint (the gradient) of the convolution with the same parameters,
// with output_padding chosen so the shapes meet.
TEST(ConvTranspose2dProperty, IsTheAdjointOfConv2d) {
  Random rng(20261124);
  int checked = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const RandomConfig c = rng.config();
    Conv2dParams conv;
    conv.stride = c.stride;
    conv.padding = c.padding;
    conv.dilation = c.dilation;
    conv.groups = c.groups;
    const Shape x_shape{c.batch, c.cin, c.in_h, c.in_w};
    const Shape w_shape{c.cout, c.cin / c.groups, c.kernel_h, c.kernel_w};
    Conv2dGeometry g;
    if (!plan_conv2d(x_shape, w_shape, nullptr, conv, &g).ok()) continue;
    const Tensor x = rng.tensor(x_shape);
    const Tensor w = rng.tensor(w_shape);
    const Tensor y = rng.tensor(g.output_shape());

    ConvTranspose2dParams transposed;
    transposed.stride = c.stride;
    transposed.padding = c.padding;
    transposed.dilation = c.dilation;
    transposed.groups = c.groups;
    transposed.output_size = std::vector<int64_t>{c.in_h, c.in_w};
    // The conv weight [Cout, Cin/g, kh, kw] read as a transposed weight [Cin', Cout'/g, kh, kw].
    Tensor conv_out, transposed_out;
    ASSERT_TRUE(conv2d(x.view(), w.view(), nullptr, conv, &conv_out).ok());
    Status s = conv_transpose2d(y.view(), w.view(), nullptr, transposed, &transposed_out);
    ASSERT_TRUE(s.ok()) << s.message;
    ASSERT_EQ(transposed_out.shape, x_shape);
    const double lhs = dot(conv_out.data, y.data);
    const double rhs = dot(x.data, transposed_out.data);
    const double scale = 1e-5 * (1.0 + sum_abs_products(x.data, transposed_out.data) +
                                 sum_abs_products(conv_out.data, y.data));
    EXPECT_NEAR(lhs, rhs, scale) << "trial " << trial;
    ++checked;
  }
  EXPECT_GT(checked, 200);
}

TEST(ConvTranspose2dProperty, ScatterEqualsSpreadPadFlipConvolve) {
  Random rng(7);
  int checked = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const RandomConfig c = rng.config();
    ConvTranspose2dParams params;
    params.stride = c.stride;
    params.padding = c.padding;
    params.dilation = c.dilation;
    params.groups = c.groups;
    params.output_padding = {rng.between(0, std::max(c.stride.h, c.dilation.h) - 1),
                             rng.between(0, std::max(c.stride.w, c.dilation.w) - 1)};
    const Shape x_shape{c.batch, c.cin, c.in_h, c.in_w};
    const Shape w_shape{c.cin, c.cout / c.groups, c.kernel_h, c.kernel_w};
    const Tensor x = rng.tensor(x_shape);
    const Tensor w = rng.tensor(w_shape);
    const Tensor b = rng.tensor({c.cout});
    const TensorView bias = b.view();
    Tensor direct;
    if (!conv_transpose2d_reference(x.view(), w.view(), &bias, params, &direct).ok()) continue;
    TransposedAsConv steps;
    Status s = conv_transpose2d_as_conv(x.view(), w.view(), &bias, params, &steps);
    ASSERT_TRUE(s.ok()) << s.message;
    ASSERT_EQ(steps.output.shape, direct.shape);
    for (size_t i = 0; i < direct.data.size(); ++i) {
      ASSERT_NEAR(steps.output.data[i], direct.data[i], 1e-5) << "trial " << trial << " at " << i;
    }
    ++checked;
  }
  EXPECT_GT(checked, 200);
}

TEST(ConvTranspose2dProperty, NegativeEffectivePaddingCrops) {
  // i=5, k=3, p=3: d(k-1)-p = -1, so the spread input loses a row/col on each side.
  const Tensor x{std::vector<float>(25, 1.0f), {1, 1, 5, 5}};
  const Tensor w{std::vector<float>(9, 1.0f), {1, 1, 3, 3}};
  ConvTranspose2dParams params;
  params.padding = {3, 3};
  TransposedAsConv steps;
  ASSERT_TRUE(conv_transpose2d_as_conv(x.view(), w.view(), nullptr, params, &steps).ok());
  EXPECT_EQ(steps.pad_top, -1);
  EXPECT_EQ(steps.padded.shape, (Shape{1, 1, 3, 3}));
  EXPECT_EQ(steps.output.shape, (Shape{1, 1, 1, 1}));
  EXPECT_FLOAT_EQ(steps.output.data[0], 9.0f);
}

TEST(ConvTranspose2dProperty, IntermediatesHaveTheTutorialShapes) {
  Random rng(3);
  const Tensor x = rng.tensor({2, 3, 3});
  const Tensor w = rng.tensor({2, 4, 3, 3});
  ConvTranspose2dParams params;
  params.stride = {2, 2};
  params.padding = {1, 1};
  params.output_padding = {1, 1};
  TransposedAsConv steps;
  ASSERT_TRUE(conv_transpose2d_as_conv(x.view(), w.view(), nullptr, params, &steps).ok());
  EXPECT_EQ(steps.spread.shape, (Shape{2, 5, 5}));       // (3-1)*2+1
  EXPECT_EQ(steps.pad_top, 1);                           // 1*(3-1)-1
  EXPECT_EQ(steps.pad_bottom, 2);                        // plus output_padding
  EXPECT_EQ(steps.padded.shape, (Shape{2, 8, 8}));
  EXPECT_EQ(steps.equivalent_kernel.shape, (Shape{4, 2, 3, 3}));
  EXPECT_EQ(steps.output.shape, (Shape{4, 6, 6}));
  // Flipped and swapped: w_eq[o, i, ky, kx] = w[i, o, 2-ky, 2-kx].
  EXPECT_EQ(steps.equivalent_kernel.data[((3 * 2 + 1) * 3 + 0) * 3 + 2],
            w.data[((1 * 4 + 3) * 3 + 2) * 3 + 0]);
}

TEST(ShapeProperty, PlansFollowTheFormulas) {
  Random rng(11);
  int conv_checked = 0, transposed_checked = 0;
  for (int trial = 0; trial < 500; ++trial) {
    const RandomConfig c = rng.config();
    Conv2dParams conv;
    conv.stride = c.stride;
    conv.padding = c.padding;
    conv.dilation = c.dilation;
    Conv2dGeometry g;
    if (plan_conv2d({1, 1, c.in_h, c.in_w}, {1, 1, c.kernel_h, c.kernel_w}, nullptr, conv, &g)
            .ok()) {
      // floor((H + 2p - d(k-1) - 1)/s + 1), written out with real division.
      const double h = std::floor(
          static_cast<double>(c.in_h + 2 * c.padding.h - c.dilation.h * (c.kernel_h - 1) - 1) /
              static_cast<double>(c.stride.h) +
          1);
      const double w = std::floor(
          static_cast<double>(c.in_w + 2 * c.padding.w - c.dilation.w * (c.kernel_w - 1) - 1) /
              static_cast<double>(c.stride.w) +
          1);
      EXPECT_EQ(g.out_h, static_cast<int64_t>(h));
      EXPECT_EQ(g.out_w, static_cast<int64_t>(w));
      ++conv_checked;
    }
    ConvTranspose2dParams t;
    t.stride = c.stride;
    t.padding = c.padding;
    t.dilation = c.dilation;
    ConvTranspose2dGeometry tg;
    if (plan_conv_transpose2d({1, 1, c.in_h, c.in_w}, {1, 1, c.kernel_h, c.kernel_w}, nullptr, t,
                              &tg)
            .ok()) {
      EXPECT_EQ(tg.out_h, (c.in_h - 1) * c.stride.h - 2 * c.padding.h +
                              c.dilation.h * (c.kernel_h - 1) + 1);
      EXPECT_EQ(tg.out_w, (c.in_w - 1) * c.stride.w - 2 * c.padding.w +
                              c.dilation.w * (c.kernel_w - 1) + 1);
      ++transposed_checked;
    }
  }
  // Both branches must have run often, or the test checks nothing.
  EXPECT_GT(conv_checked, 250);
  EXPECT_GT(transposed_checked, 250);
}

}  // namespace
}  // namespace convplay
