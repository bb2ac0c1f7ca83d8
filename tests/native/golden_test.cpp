// Replays every PyTorch golden case (tests/golden/cases.json) through every engine path
// that computes it: the shape planner, the fast op, the reference loops and, for the
// transposed op, the tutorial's "as a convolution" formulation. One named test per case,
// e.g. PyTorch/PyTorchGolden.Matches/roundtrip_convT_i3_k3_s2_op1_to8_ones.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "engine/convplay.h"
#include "golden_fixture.h"
#include "golden_options.h"

namespace convplay::golden {
namespace {

// What one engine path made of a case: its status and, when it computes, its result.
struct Outcome {
  std::string path;
  Status status;
  Shape shape;
  std::vector<float> data;
  bool computes_values = true;  // false for the shape planner
};

const TensorView* bias_view(const GoldenCase& c, TensorView* storage) {
  if (!c.bias) return nullptr;
  *storage = c.bias->view();
  return storage;
}

const Shape* bias_shape(const GoldenCase& c) { return c.bias ? &c.bias->shape : nullptr; }

Outcome from_tensor(std::string path, Status status, Tensor tensor) {
  return {std::move(path), std::move(status), std::move(tensor.shape), std::move(tensor.data), true};
}

std::vector<Outcome> run_conv2d_paths(const GoldenCase& c) {
  Conv2dParams params;
  if (Status s = conv2d_params_from_options(c.options, &params); !s.ok()) {
    return {{"options", s, {}, {}, false}};
  }
  std::vector<Outcome> outcomes;
  Conv2dGeometry geometry;
  Status planned = plan_conv2d(c.input.shape, c.weight.shape, bias_shape(c), params, &geometry);
  outcomes.push_back({"plan_conv2d", planned, planned.ok() ? geometry.output_shape() : Shape{}, {}, false});

  TensorView bias;
  Tensor fast, reference;
  Status s = conv2d(c.input.view(), c.weight.view(), bias_view(c, &bias), params, &fast);
  outcomes.push_back(from_tensor("conv2d", s, std::move(fast)));
  s = conv2d_reference(c.input.view(), c.weight.view(), bias_view(c, &bias), params, &reference);
  outcomes.push_back(from_tensor("conv2d_reference", s, std::move(reference)));
  return outcomes;
}

std::vector<Outcome> run_conv_transpose2d_paths(const GoldenCase& c) {
  ConvTranspose2dParams params;
  if (Status s = conv_transpose2d_params_from_options(c.options, &params); !s.ok()) {
    return {{"options", s, {}, {}, false}};
  }
  std::vector<Outcome> outcomes;
  ConvTranspose2dGeometry geometry;
  Status planned = plan_conv_transpose2d(c.input.shape, c.weight.shape, bias_shape(c), params, &geometry);
  outcomes.push_back(
      {"plan_conv_transpose2d", planned, planned.ok() ? geometry.output_shape() : Shape{}, {}, false});

  TensorView bias;
  Tensor fast, reference;
  Status s = conv_transpose2d(c.input.view(), c.weight.view(), bias_view(c, &bias), params, &fast);
  outcomes.push_back(from_tensor("conv_transpose2d", s, std::move(fast)));
  s = conv_transpose2d_reference(c.input.view(), c.weight.view(), bias_view(c, &bias), params,
                                 &reference);
  outcomes.push_back(from_tensor("conv_transpose2d_reference", s, std::move(reference)));
  TransposedAsConv as_conv;
  s = conv_transpose2d_as_conv(c.input.view(), c.weight.view(), bias_view(c, &bias), params, &as_conv);
  outcomes.push_back(from_tensor("conv_transpose2d_as_conv", s, std::move(as_conv.output)));
  return outcomes;
}

// The fixture's bound (tests/golden/README.md): any float32 summation of `terms` products
// plus a bias lies within (terms + 1)·u·magnitude of the exact value (Higham's γ_n bound on
// a dot product, u = 2^-24), and the expected value is the exact one rounded once to float32
// (another u·|expected|). One extra term and a factor 2 on the rounding leave room for the
// second-order part of γ_n. Nothing looser: a misplaced tap changes an output by a whole
// product, far outside this.
double tolerance(const GoldenCase& c, float expected) {
  const double u = std::ldexp(1.0, -24);
  return u * (static_cast<double>(c.terms + 2) * c.magnitude + 2.0 * std::fabs(double{expected}));
}

void expect_values(const GoldenCase& c, const Outcome& got) {
  const GoldenTensor& expected = *c.expected;
  ASSERT_TRUE(got.status.ok()) << got.path << " rejected a configuration PyTorch accepts: ["
                               << got.status.param << "] " << got.status.message;
  ASSERT_EQ(got.shape, expected.shape) << got.path << ": output shape";
  if (!got.computes_values) return;
  ASSERT_EQ(got.data.size(), expected.data.size()) << got.path << ": element count";
  int reported = 0;
  size_t mismatches = 0;
  for (size_t i = 0; i < expected.data.size(); ++i) {
    const double diff = std::fabs(double{got.data[i]} - double{expected.data[i]});
    const double tol = tolerance(c, expected.data[i]);
    if (diff <= tol) continue;  // a NaN never passes
    ++mismatches;
    if (reported++ < 5) {
      ADD_FAILURE() << got.path << ": element " << i << " is " << got.data[i] << ", PyTorch gives "
                    << expected.data[i] << " (|diff| " << diff << " > tolerance " << tol << ")";
    }
  }
  EXPECT_EQ(mismatches, 0u) << got.path << ": elements outside tolerance, of " << expected.data.size();
}

void expect_error(const GoldenCase& c, const Outcome& got) {
  const GoldenError& expected = *c.error;
  ASSERT_FALSE(got.status.ok()) << got.path << " accepted a configuration PyTorch rejects with: "
                                << expected.message;
  if (!expected.message_varies) {
    EXPECT_EQ(got.status.message, expected.engine_message()) << got.path << ": message";
  }
  EXPECT_EQ(got.status.param, expected.param) << got.path << ": parameter blamed, message was: "
                                              << got.status.message;
  EXPECT_EQ(got.status.python_type, expected.type) << got.path << ": Python exception class";
}

class PyTorchGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(PyTorchGolden, Matches) {
  const GoldenCase* c = find_golden_case(GetParam());
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->op == "conv2d" || c->op == "conv_transpose2d") << "unknown op " << c->op;
  const std::vector<std::string> unknown = unknown_option_keys(c->op, c->options);
  ASSERT_TRUE(unknown.empty()) << "option the harness cannot map: " << unknown.front();

  const std::vector<Outcome> outcomes =
      c->op == "conv2d" ? run_conv2d_paths(*c) : run_conv_transpose2d_paths(*c);
  for (const Outcome& outcome : outcomes) {  // every failure message names its path
    if (c->expected) {
      expect_values(*c, outcome);
    } else {
      expect_error(*c, outcome);
    }
  }
}

// Case names are [a-z0-9_], valid as test names as they are.
std::string case_test_name(const ::testing::TestParamInfo<std::string>& param) { return param.param; }

INSTANTIATE_TEST_SUITE_P(PyTorch, PyTorchGolden, ::testing::ValuesIn(golden_case_names()), case_test_name);

// The fixture itself: present, well formed, and as large as the issue asks.
TEST(PyTorchGoldenFixture, LoadsWithAtLeast300ValidCases) {
  const GoldenFixture& fixture = golden_fixture();
  ASSERT_TRUE(fixture.load_error.empty()) << fixture.load_error;
  size_t valid = 0, rejected = 0;
  for (const GoldenCase& c : fixture.cases) (c.expected ? valid : rejected) += 1;
  EXPECT_GE(valid, 300u);
  EXPECT_GE(rejected, 50u);
  EXPECT_EQ(fixture.torch_version.rfind("1.13", 0), 0u) << "generated with torch " << fixture.torch_version;
}

}  // namespace
}  // namespace convplay::golden
