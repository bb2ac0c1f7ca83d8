// Every rejection PYTORCH.md lists (§4.1, §4.4–4.10): the engine refuses it, with the
// right code and the parameter at fault, and its message is PyTorch's words.
#include <gtest/gtest.h>

#include <cstdint>

#include "engine/convplay.h"

namespace convplay {
namespace {

Status plan(const Shape& input, const Shape& weight, const Conv2dParams& params,
            const Shape* bias = nullptr) {
  Conv2dGeometry g;
  return plan_conv2d(input, weight, bias, params, &g);
}

Status plan_t(const Shape& input, const Shape& weight, const ConvTranspose2dParams& params,
              const Shape* bias = nullptr) {
  ConvTranspose2dGeometry g;
  return plan_conv_transpose2d(input, weight, bias, params, &g);
}

void expect_error(const Status& s, ErrorCode code, const char* param, const std::string& message) {
  EXPECT_EQ(error_code_name(s.code), std::string(error_code_name(code)));
  EXPECT_EQ(s.param, param);
  EXPECT_EQ(s.message, message);
}

TEST(Validation, TupleOfThreeNamesTheParameter) {
  Pair p;
  expect_error(make_pair("stride", {1, 1, 1}, &p), ErrorCode::kBadTupleLength, "stride",
               "expected stride to be a single integer value or a list of 2 values to match the "
               "convolution dimensions, but got stride=[1, 1, 1]");
  EXPECT_EQ(make_pair("output_padding", {}, &p).param, "outputPadding");
}

TEST(Validation, InputRank) {
  expect_error(plan({5, 5}, {1, 1, 3, 3}, {}), ErrorCode::kBadInputRank, "input",
               "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: "
               "[5, 5]");
  EXPECT_EQ(plan_t({5, 5}, {1, 1, 3, 3}, {}).message,
            "Expected 3D (unbatched) or 4D (batched) input to conv_transpose2d, but got input of "
            "size: [5, 5]");
}

// PyTorch's words first (searchable), then one sentence naming the real culprit.
TEST(Validation, WeightRank) {
  expect_error(plan({1, 1, 5, 5}, {1, 1}, {}), ErrorCode::kBadWeightRank, "weight",
               "weight should have at least three dimensions (weight must be 4-D for conv2d: "
               "[out_channels, in_channels/groups, kH, kW]; got [1, 1])");
  expect_error(plan({1, 1, 5, 5}, {1, 1, 3}, {}), ErrorCode::kBadWeightRank, "weight",
               "expected stride to be a single integer value or a list of 1 values to match the "
               "convolution dimensions, but got stride=[1, 1] (weight must be 4-D for conv2d: "
               "[out_channels, in_channels/groups, kH, kW]; got [1, 1, 3])");
  expect_error(plan_t({1, 1, 5, 5}, {1, 2, 3}, {}), ErrorCode::kBadWeightRank, "weight",
               "expected stride to be a single integer value or a list of 1 values to match the "
               "convolution dimensions, but got stride=[1, 1] (weight must be 4-D for "
               "conv_transpose2d: [in_channels, out_channels/groups, kH, kW]; got [1, 2, 3])");
}

// A 5-D weight takes 3-tuples: a stride given as one passes, and padding is blamed.
TEST(Validation, WeightRankFiveBlamesTheFirstTupleThatDoesNotFit) {
  Conv2dParams params;
  read_pair("stride", {1, 1, 1}, &params.stride, &params.deferred_tuple_error, &params.odd_tuples);
  expect_error(plan({1, 1, 5, 5}, {2, 1, 3, 3, 3}, params), ErrorCode::kBadWeightRank, "weight",
               "expected padding to be a single integer value or a list of 3 values to match the "
               "convolution dimensions, but got padding=[0, 0] (weight must be 4-D for conv2d: "
               "[out_channels, in_channels/groups, kH, kW]; got [2, 1, 3, 3, 3])");
}

// Found by tests/fuzz/engine_ops_fuzz: replicate padding of an input with H = 0 was
// accepted and read from the empty input (UBSan: load of null pointer in conv2d.cpp).
TEST(Validation, ReplicateRefusesAnEmptyPlaneLikeFPad) {
  Conv2dParams params;
  params.padding = {2, 2};
  params.stride = {3, 3};
  params.padding_mode = PaddingMode::kReplicate;
  expect_error(plan({8, 4, 0, 8}, {4, 4, 4, 3}, params), ErrorCode::kBadArgument, "input",
               "Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other "
               "non-zero dimensions for input, but got: [8, 4, 0, 8]");
  params.padding_mode = PaddingMode::kReflect;
  expect_error(plan({8, 4, 0, 8}, {4, 4, 4, 3}, params), ErrorCode::kBadArgument, "input",
               "3D or 4D (batch mode) tensor expected for input, but got: [ torch.FloatTensor{8,4,0,8} ]");
}

// Found by tests/fuzz/engine_ops_fuzz: an empty batch has no elements, so planes of
// 2^31 x 2^31 passed the element limit and out_h * out_w overflowed in the loops (UBSan).
TEST(Validation, EmptyBatchWithHugePlanesIsRefused) {
  ConvTranspose2dParams params;
  params.stride = {int64_t{1} << 30, int64_t{1} << 30};
  const Status s = plan_t({0, 1, 3, 3}, {1, 1, 3, 3}, params);
  EXPECT_EQ(s.code, ErrorCode::kTooLarge);
  EXPECT_EQ(s.param, "output");
  EXPECT_EQ(s.message.rfind("each sample of the output [0, 1, 2147483651, 2147483651] would have ", 0), 0u)
      << s.message;
  params.stride = {2, 2};
  EXPECT_TRUE(plan_t({0, 1, 3, 3}, {1, 1, 3, 3}, params).ok());  // an ordinary empty batch is fine
}

// Found by tests/fuzz/engine_ops_fuzz: with outputSize, a stride tuple of the wrong length
// is read as given (as nn.ConvTranspose2d does), and its huge values overflowed (UBSan).
TEST(Validation, HugeValuesInATupleOfTheWrongLengthAreRefused) {
  ConvTranspose2dParams params;
  read_pair("stride", {1, INT64_MIN, 1}, &params.stride, &params.deferred_tuple_error,
            &params.odd_tuples);
  params.output_size = std::vector<int64_t>{5, 5};
  const Status s = plan_t({1, 1, 3, 3}, {1, 1, 3, 3}, params);
  EXPECT_EQ(s.code, ErrorCode::kTooLarge);
  EXPECT_EQ(s.param, "stride");
}

// Found by tests/fuzz/engine_ops_fuzz: a transposed weight with no output channels was
// accepted, and conv_transpose2d_as_conv then failed on its empty equivalent kernel.
TEST(Validation, TransposedWeightWithoutOutputChannels) {
  ConvTranspose2dParams params;
  params.groups = 5;
  expect_error(plan_t({5, 5, 1, 1}, {5, 0, 5, 5}, params), ErrorCode::kEmptyWeight, "weight",
               "non-empty 2D or 4D weight tensor expected, but got: [1, 0, 5, 5]");
}

TEST(Validation, OutputPaddingMustBeSmallerThanStrideOrDilation) {
  ConvTranspose2dParams params;
  params.stride = {2, 1};
  params.output_padding = {0, 1};
  expect_error(plan_t({1, 1, 3, 3}, {1, 1, 3, 3}, params), ErrorCode::kOutputPaddingTooLarge,
               "outputPadding",
               "output padding must be smaller than either stride or dilation, but got "
               "output_padding_height: 0 output_padding_width: 1 stride_height: 2 stride_width: 1 "
               "dilation_height: 1 dilation_width: 1");
  params.output_padding = {-1, 0};
  expect_error(plan_t({1, 1, 3, 3}, {1, 1, 3, 3}, params), ErrorCode::kNegativeOutputPadding,
               "outputPadding", "negative output_padding is not supported");
}

TEST(Validation, OutputSizeLengthAndRange) {
  ConvTranspose2dParams params;
  params.output_size = std::vector<int64_t>{1, 7, 7};
  Status s = plan_t({1, 1, 3, 3}, {1, 1, 3, 3}, params);
  expect_error(s, ErrorCode::kBadOutputSize, "outputSize",
               "ConvTranspose2D: for 4D input, output_size must have 2 or 4 elements (got 3)");
  EXPECT_EQ(s.python_type, "ValueError");
  params.output_size = std::vector<int64_t>{1, 1, 7, 7};
  EXPECT_EQ(plan_t({1, 3, 3}, {1, 1, 3, 3}, params).message,
            "ConvTranspose2D: for 3D input, output_size must have 2 or 3 elements (got 4)");
  params.stride = {2, 2};
  params.padding = {1, 1};
  params.output_size = std::vector<int64_t>{7, 7};
  expect_error(plan_t({1, 1, 3, 3}, {1, 1, 3, 3}, params), ErrorCode::kBadOutputSize,
               "outputSize",
               "requested an output size of [7, 7], but valid sizes range from [5, 5] to [6, 6] "
               "(for an input of torch.Size([3, 3]))");
  params.output_size = std::vector<int64_t>{9, 9};
  EXPECT_EQ(plan_t({1, 3, 3}, {1, 1, 3, 3}, params).message,
            "requested an output size of [9, 9], but valid sizes range from [5, 5] to [6, 6] "
            "(for an input of torch.Size([3]))");
}

TEST(Validation, OutputSizeCannotReachWhatOnlyDilationAllows) {
  ConvTranspose2dParams params;
  params.dilation = {2, 2};
  params.output_size = std::vector<int64_t>{8, 8};
  EXPECT_EQ(plan_t({1, 1, 3, 3}, {1, 1, 3, 3}, params).message,
            "requested an output size of [8, 8], but valid sizes range from [7, 7] to [7, 7] "
            "(for an input of torch.Size([3, 3]))");
}

TEST(Validation, PaddingStrings) {
  PaddingKind kind;
  expect_error(parse_padding_string("full", &kind), ErrorCode::kBadPaddingString, "padding",
               "Invalid padding string: 'full'");
  EXPECT_FALSE(parse_padding_string("SAME", &kind).ok());
  Conv2dParams params;
  params.padding_kind = PaddingKind::kSame;
  params.stride = {2, 2};
  expect_error(plan({1, 1, 5, 5}, {1, 1, 3, 3}, params), ErrorCode::kSameWithStride, "padding",
               "padding='same' is not supported for strided convolutions");
}

TEST(Validation, ValidMeansNoPadding) {
  Conv2dParams params;
  params.padding_kind = PaddingKind::kValid;
  EXPECT_EQ(plan({1, 1, 2, 2}, {1, 1, 3, 3}, params).code, ErrorCode::kKernelTooLarge);
}

TEST(Validation, PaddingModes) {
  PaddingMode mode;
  Status s = parse_padding_mode("foo", &mode);
  EXPECT_EQ(s.code, ErrorCode::kBadPaddingMode);
  EXPECT_EQ(s.param, "paddingMode");
  ConvTranspose2dParams t;
  t.padding_mode = PaddingMode::kReflect;
  expect_error(plan_t({1, 1, 3, 3}, {1, 1, 3, 3}, t), ErrorCode::kPaddingModeNotSupported,
               "paddingMode", "Only \"zeros\" padding mode is supported for ConvTranspose2d");

  Conv2dParams params;
  params.padding_mode = PaddingMode::kReflect;
  params.padding = {2, 2};
  EXPECT_TRUE(plan({1, 1, 3, 3}, {1, 1, 3, 3}, params).ok());
  params.padding = {3, 3};
  expect_error(plan({1, 1, 3, 3}, {1, 1, 3, 3}, params), ErrorCode::kPaddingTooLargeForMode,
               "padding",
               "Argument #4: Padding size should be less than the corresponding input dimension, "
               "but got: padding (3, 3) at dimension 3 of input 4");
  params.padding = {2, 0};
  EXPECT_EQ(plan({1, 1, 2, 3}, {1, 1, 1, 1}, params).message,
            "Argument #6: Padding size should be less than the corresponding input dimension, "
            "but got: padding (2, 2) at dimension 2 of input 4");
  params.padding = {1, 1};
  EXPECT_FALSE(plan({1, 1, 1, 1}, {1, 1, 1, 1}, params).ok());

  params.padding_mode = PaddingMode::kCircular;
  params.padding = {3, 3};
  EXPECT_TRUE(plan({1, 1, 3, 3}, {1, 1, 3, 3}, params).ok());
  params.padding = {4, 4};
  expect_error(plan({1, 1, 3, 3}, {1, 1, 3, 3}, params), ErrorCode::kPaddingTooLargeForMode,
               "padding", "Padding value causes wrapping around more than once.");

  params.padding_mode = PaddingMode::kReplicate;
  params.padding = {5, 5};
  EXPECT_TRUE(plan({1, 1, 3, 3}, {1, 1, 3, 3}, params).ok());
}

TEST(Validation, Groups) {
  Conv2dParams params;
  params.groups = 0;
  expect_error(plan({1, 1, 5, 5}, {1, 1, 3, 3}, params), ErrorCode::kNonPositiveGroups, "groups",
               "non-positive groups is not supported");
  params.groups = 3;
  expect_error(plan({1, 3, 5, 5}, {2, 1, 3, 3}, params), ErrorCode::kWeightGroupsMismatch,
               "weight",
               "Given groups=3, expected weight to be at least 3 at dimension 0, but got weight "
               "of size [2, 1, 3, 3] instead");
  params.groups = 2;
  expect_error(plan({1, 4, 5, 5}, {3, 2, 3, 3}, params), ErrorCode::kWeightGroupsMismatch,
               "weight",
               "Given groups=2, expected weight to be divisible by 2 at dimension 0, but got "
               "weight of size [[3, 2, 3, 3]] instead");
  expect_error(plan({1, 4, 5, 5}, {4, 1, 3, 3}, params), ErrorCode::kChannelMismatch, "input",
               "Given groups=2, weight of size [4, 1, 3, 3], expected input[1, 4, 5, 5] to have 2 "
               "channels, but got 4 channels instead");
  ConvTranspose2dParams t;
  expect_error(plan_t({1, 4, 5, 5}, {3, 2, 3, 3}, t), ErrorCode::kChannelMismatch, "input",
               "Given transposed=1, weight of size [3, 2, 3, 3], expected input[1, 4, 5, 5] to "
               "have 3 channels, but got 4 channels instead");
}

TEST(Validation, DepthwiseIsAccepted) {
  Conv2dParams params;
  params.groups = 3;
  Conv2dGeometry g;
  ASSERT_TRUE(plan_conv2d({1, 3, 5, 5}, {6, 1, 3, 3}, nullptr, params, &g).ok());
  EXPECT_EQ(g.out_channels, 6);
  ConvTranspose2dParams t;
  t.groups = 2;
  ConvTranspose2dGeometry tg;
  ASSERT_TRUE(plan_conv_transpose2d({1, 4, 5, 5}, {4, 3, 3, 3}, nullptr, t, &tg).ok());
  EXPECT_EQ(tg.out_channels, 6);
}

TEST(Validation, Bias) {
  const Shape bias{3};
  expect_error(plan({1, 1, 5, 5}, {2, 1, 3, 3}, {}, &bias), ErrorCode::kBiasMismatch, "bias",
               "Given weight of size [2, 1, 3, 3], expected bias to be 1-dimensional with 2 "
               "elements, but got bias of size [3] instead");
  expect_error(plan_t({1, 1, 5, 5}, {1, 2, 3, 3}, {}, &bias), ErrorCode::kBiasMismatch, "bias",
               "Given transposed=1, weight of size [1, 2, 3, 3], expected bias to be "
               "1-dimensional with 2 elements, but got bias of size [3] instead");
}

TEST(Validation, RangeChecks) {
  Conv2dParams params;
  params.padding = {-1, 0};
  expect_error(plan({1, 1, 5, 5}, {1, 1, 3, 3}, params), ErrorCode::kNegativePadding, "padding",
               "negative padding is not supported");
  params = {};
  params.stride = {0, 1};
  expect_error(plan({1, 1, 5, 5}, {1, 1, 3, 3}, params), ErrorCode::kNonPositiveStride, "stride",
               "non-positive stride is not supported");
  params = {};
  params.dilation = {1, 0};
  expect_error(plan({1, 1, 5, 5}, {1, 1, 3, 3}, params), ErrorCode::kNonPositiveDilation,
               "dilation", "dilation should be greater than zero, but got [1, 0]");
  ConvTranspose2dParams t;
  t.dilation = {0, 0};
  expect_error(plan_t({1, 1, 5, 5}, {1, 1, 3, 3}, t), ErrorCode::kNonPositiveDilation, "dilation",
               "dilation should be greater than zero, but got dilation_height: 0, "
               "dilation_width: 0");
  expect_error(plan({1, 1, 5, 5}, {1, 1, 0, 3}, {}), ErrorCode::kNonPositiveKernel, "weight",
               "kernel size should be greater than zero, but got kernel_height: 0 kernel_width: 3");
  EXPECT_EQ(plan_t({1, 1, 5, 5}, {1, 1, 0, 3}, {}).message,
            "kernel size should be greater than zero, but got kernel_height: 0 kernel_width: 3");
}

TEST(Validation, KernelLargerThanPaddedInputPrintsDilatedKernel) {
  Conv2dParams params;
  params.dilation = {3, 3};
  expect_error(plan({1, 1, 5, 5}, {1, 1, 3, 3}, params), ErrorCode::kKernelTooLarge, "weight",
               "Calculated padded input size per channel: (5 x 5). Kernel size: (7 x 7). Kernel "
               "size can't be greater than actual input size");
  EXPECT_EQ(plan({1, 1, 0, 5}, {1, 1, 3, 3}, {}).message,
            "Calculated padded input size per channel: (0 x 5). Kernel size: (3 x 3). Kernel "
            "size can't be greater than actual input size");
}

TEST(Validation, TransposedOutputTooSmall) {
  ConvTranspose2dParams t;
  t.padding = {2, 2};
  expect_error(plan_t({1, 1, 2, 2}, {1, 1, 3, 3}, t), ErrorCode::kOutputTooSmall, "padding",
               "Given input size per channel: (2 x 2). Calculated output size per channel: (0 x "
               "0). Output size is too small");
}

TEST(Validation, CheckOrderFollowsPyTorch) {
  // Dilation 0 plus a channel mismatch reports the channels (§4.10).
  Conv2dParams params;
  params.dilation = {0, 0};
  EXPECT_EQ(plan({1, 2, 5, 5}, {1, 1, 3, 3}, params).code, ErrorCode::kChannelMismatch);
  // Groups come before everything else.
  params.groups = 0;
  params.padding = {-1, -1};
  EXPECT_EQ(plan({1, 2, 5, 5}, {1, 1, 3, 3}, params).code, ErrorCode::kNonPositiveGroups);
  ConvTranspose2dParams t;
  t.output_padding = {-1, -1};
  t.stride = {0, 0};
  EXPECT_EQ(plan_t({1, 1, 5, 5}, {1, 1, 3, 3}, t).code, ErrorCode::kNegativeOutputPadding);
}

TEST(Validation, LimitsRefuseHugeOutputsInsteadOfAllocating) {
  ConvTranspose2dParams t;
  t.stride = {100000, 100000};
  Status s = plan_t({1, 1, 100, 100}, {1, 1, 3, 3}, t);
  EXPECT_EQ(s.code, ErrorCode::kTooLarge);
  EXPECT_EQ(s.param, "output");
  t.stride = {int64_t{1} << 40, 1};
  EXPECT_EQ(plan_t({1, 1, 100, 100}, {1, 1, 3, 3}, t).code, ErrorCode::kTooLarge);
  Conv2dParams params;
  params.padding = {int64_t{1} << 20, int64_t{1} << 20};
  EXPECT_EQ(plan({1, 1, 3, 3}, {1, 1, 3, 3}, params).code, ErrorCode::kTooLarge);
}

TEST(Validation, TupleLengthComesAfterRankAndGroups) {
  Conv2dParams params;
  read_pair("stride", {1, 1, 1}, &params.stride, &params.deferred_tuple_error);
  EXPECT_EQ(plan({3, 3}, {1, 1, 3, 3}, params).code, ErrorCode::kBadInputRank);
  params.groups = 0;
  EXPECT_EQ(plan({1, 1, 3, 3}, {1, 1, 3, 3}, params).code, ErrorCode::kNonPositiveGroups);
  params.groups = 1;
  EXPECT_EQ(plan({1, 1, 3, 3}, {1, 1, 3, 3}, params).param, "stride");
}

TEST(Validation, PaddingModesGoThroughTheModuleConstructor) {
  Conv2dParams params;
  params.padding_mode = PaddingMode::kReflect;
  params.groups = 0;
  Status s = plan({1, 1, 5, 5}, {1, 1, 3, 3}, params);
  expect_error(s, ErrorCode::kNonPositiveGroups, "groups", "groups must be a positive integer");
  EXPECT_EQ(s.python_type, "ValueError");
  params.groups = 1;
  params.padding = {1, 1};
  // F.conv2d sees the padded input, and says so.
  EXPECT_EQ(plan({1, 2, 3, 3}, {1, 1, 3, 3}, params).message,
            "Given groups=1, weight of size [1, 1, 3, 3], expected input[1, 2, 5, 5] to have 1 "
            "channels, but got 2 channels instead");
}

TEST(Validation, NegativeSizesAreRefused) {
  Status s = plan({1, 1, -5, 5}, {1, 1, 3, 3}, {});
  expect_error(s, ErrorCode::kBadArgument, "input",
               "shapes cannot have negative sizes, but got input of size [1, 1, -5, 5]");
  EXPECT_EQ(plan_t({1, 1, 5, 5}, {1, -1, 3, 3}, {}).param, "weight");
}

}  // namespace
}  // namespace convplay
