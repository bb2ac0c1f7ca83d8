// Output-size arithmetic for both ops: the tutorial's tables and the round trip.
#include <gtest/gtest.h>

#include "engine/convplay.h"

namespace convplay {
namespace {

Shape conv2d_shape(const Shape& input, const Shape& weight, const Conv2dParams& params) {
  Conv2dGeometry g;
  Status s = plan_conv2d(input, weight, nullptr, params, &g);
  EXPECT_TRUE(s.ok()) << s.message;
  return g.output_shape();
}

Shape conv_transpose2d_shape(const Shape& input, const Shape& weight,
                             const ConvTranspose2dParams& params) {
  ConvTranspose2dGeometry g;
  Status s = plan_conv_transpose2d(input, weight, nullptr, params, &g);
  EXPECT_TRUE(s.ok()) << s.message;
  return g.output_shape();
}

// PYTORCH.md §4.2: the worked examples, k=3.
struct TutorialRow {
  int64_t in, stride, padding, expected;
};

TEST(ConvTranspose2dShape, TutorialWorkedExamples) {
  const TutorialRow rows[] = {{2, 1, 0, 4}, {2, 1, 1, 2}, {2, 2, 0, 5}, {2, 2, 1, 3},
                              {3, 1, 0, 5}, {3, 1, 1, 3}, {3, 2, 0, 7}, {3, 2, 1, 5}};
  for (const TutorialRow& row : rows) {
    ConvTranspose2dParams params;
    params.stride = {row.stride, row.stride};
    params.padding = {row.padding, row.padding};
    EXPECT_EQ(conv_transpose2d_shape({1, 1, row.in, row.in}, {1, 1, 3, 3}, params),
              (Shape{1, 1, row.expected, row.expected}))
        << "i=" << row.in << " s=" << row.stride << " p=" << row.padding;
  }
}

TEST(ConvTranspose2dShape, OutputPaddingTellsSevenFromEight) {
  ConvTranspose2dParams params;
  params.stride = {2, 2};
  EXPECT_EQ(conv_transpose2d_shape({1, 1, 3, 3}, {1, 1, 3, 3}, params), (Shape{1, 1, 7, 7}));
  params.output_padding = {1, 1};
  EXPECT_EQ(conv_transpose2d_shape({1, 1, 3, 3}, {1, 1, 3, 3}, params), (Shape{1, 1, 8, 8}));
}

TEST(ConvTranspose2dShape, OutputSizeChoosesOutputPadding) {
  ConvTranspose2dParams params;
  params.stride = {2, 2};
  params.output_padding = {1, 1};  // replaced entirely by output_size
  params.output_size = std::vector<int64_t>{7, 8};
  ConvTranspose2dGeometry g;
  ASSERT_TRUE(plan_conv_transpose2d({1, 1, 3, 3}, {1, 1, 3, 3}, nullptr, params, &g).ok());
  EXPECT_EQ(g.output_padding.h, 0);
  EXPECT_EQ(g.output_padding.w, 1);
  EXPECT_EQ(g.output_shape(), (Shape{1, 1, 7, 8}));
}

TEST(ConvTranspose2dShape, DilationAllowsOutputPaddingAtStrideOne) {
  ConvTranspose2dParams params;
  params.dilation = {2, 2};
  params.output_padding = {1, 1};
  EXPECT_EQ(conv_transpose2d_shape({1, 1, 3, 3}, {1, 1, 3, 3}, params), (Shape{1, 1, 8, 8}));
}

TEST(ConvTranspose2dShape, UnbatchedKeepsRankAndDcganDoubles) {
  ConvTranspose2dParams params;
  params.stride = {2, 2};
  params.padding = {1, 1};
  EXPECT_EQ(conv_transpose2d_shape({4, 2, 2}, {4, 3, 4, 4}, params), (Shape{3, 4, 4}));
}

TEST(Conv2dShape, StrideTwoSendsSevenAndEightToThree) {
  Conv2dParams params;
  params.stride = {2, 2};
  EXPECT_EQ(conv2d_shape({1, 1, 7, 7}, {1, 1, 3, 3}, params), (Shape{1, 1, 3, 3}));
  EXPECT_EQ(conv2d_shape({1, 1, 8, 8}, {1, 1, 3, 3}, params), (Shape{1, 1, 3, 3}));
}

TEST(Conv2dShape, DilationShrinksOutput) {
  Conv2dParams params;
  params.dilation = {3, 3};
  EXPECT_EQ(conv2d_shape({1, 1, 9, 9}, {1, 1, 3, 3}, params), (Shape{1, 1, 3, 3}));
}

TEST(Conv2dShape, SamePutsOddExtraAtBottomRight) {
  Conv2dParams params;
  params.padding_kind = PaddingKind::kSame;
  Conv2dGeometry g;
  ASSERT_TRUE(plan_conv2d({1, 1, 5, 5}, {1, 1, 4, 2}, nullptr, params, &g).ok());
  EXPECT_EQ(g.pads.top, 1);
  EXPECT_EQ(g.pads.bottom, 2);
  EXPECT_EQ(g.pads.left, 0);
  EXPECT_EQ(g.pads.right, 1);
  EXPECT_EQ(g.output_shape(), (Shape{1, 1, 5, 5}));
}

TEST(Conv2dShape, SameWorksWithKernelLargerThanInput) {
  Conv2dParams params;
  params.padding_kind = PaddingKind::kSame;
  EXPECT_EQ(conv2d_shape({1, 2, 2}, {3, 1, 5, 5}, params), (Shape{3, 2, 2}));
}

TEST(Conv2dShape, KernelEqualToPaddedInputGivesOnePixel) {
  Conv2dParams params;
  params.padding = {1, 1};
  EXPECT_EQ(conv2d_shape({1, 1, 3, 3}, {1, 1, 5, 5}, params), (Shape{1, 1, 1, 1}));
}

TEST(Conv2dShape, EmptyBatchIsAllowed) {
  EXPECT_EQ(conv2d_shape({0, 1, 5, 5}, {2, 1, 3, 3}, {}), (Shape{0, 2, 3, 3}));
}

TEST(RoundTrip, SevenAndEightCollapseToThree) {
  RoundTripAxis axis;
  ASSERT_TRUE(conv2d_round_trip(7, 3, 2, 0, 1, &axis).ok());
  EXPECT_EQ(axis.output_size, 3);
  ASSERT_EQ(axis.candidates.size(), 2u);
  EXPECT_EQ(axis.candidates[0].input_size, 7);
  EXPECT_EQ(axis.candidates[0].output_padding, 0);
  EXPECT_EQ(axis.candidates[1].input_size, 8);
  EXPECT_EQ(axis.candidates[1].output_padding, 1);
}

TEST(RoundTrip, EveryCandidateMapsBackAndForth) {
  for (int64_t k = 1; k <= 5; ++k) {
    for (int64_t s = 1; s <= 4; ++s) {
      for (int64_t p = 0; p <= 2; ++p) {
        for (int64_t d = 1; d <= 2; ++d) {
          for (int64_t i = 1; i <= 12; ++i) {
            RoundTripAxis axis;
            if (!conv2d_round_trip(i, k, s, p, d, &axis).ok()) continue;
            bool found_self = false;
            for (const RoundTripCandidate& c : axis.candidates) {
              found_self = found_self || c.input_size == i;
              EXPECT_EQ(conv_output_size(c.input_size, k, s, p, p, d), axis.output_size);
              EXPECT_EQ(conv_transpose_output_size(axis.output_size, k, s, p, d, c.output_padding),
                        c.input_size);
              EXPECT_TRUE(c.output_padding_valid);
            }
            EXPECT_TRUE(found_self) << "i=" << i << " k=" << k << " s=" << s << " p=" << p;
          }
        }
      }
    }
  }
}

TEST(RoundTrip, RejectsWhatConv2dRejects) {
  RoundTripAxis axis;
  Status s = conv2d_round_trip(2, 5, 1, 0, 1, &axis);
  EXPECT_EQ(s.code, ErrorCode::kKernelTooLarge);
  EXPECT_EQ(conv2d_round_trip(5, 3, 0, 0, 1, &axis).code, ErrorCode::kNonPositiveStride);
}

TEST(RoundTrip, RefusesStridesTooLargeToList) {
  RoundTripAxis axis;
  Status s = conv2d_round_trip(5, 3, kMaxRoundTripCandidates + 1, 0, 1, &axis);
  EXPECT_EQ(s.code, ErrorCode::kTooLarge);
  EXPECT_EQ(s.param, "stride");
  ASSERT_TRUE(conv2d_round_trip(5, 3, kMaxRoundTripCandidates, 0, 1, &axis).ok());
  EXPECT_EQ(axis.candidates.size(), static_cast<size_t>(kMaxRoundTripCandidates));
}

// A deliberate difference (README, "Fuzzing and sanitizers"): with zero input channels
// PyTorch 1.13's empty-input shortcut returns 0 output channels; convplay returns C_out
// channels holding the bias, the sum over no channels.
TEST(Conv2dShape, ZeroInputChannelsGiveTheBias) {
  const float bias_values[] = {5.0f, -1.0f};
  const TensorView input{nullptr, {1, 0, 3, 3}};
  const TensorView weight{nullptr, {2, 0, 1, 1}};
  const TensorView bias{bias_values, {2}};
  Tensor out;
  const Status s = conv2d(input, weight, &bias, Conv2dParams{}, &out);
  ASSERT_TRUE(s.ok()) << s.message;
  EXPECT_EQ(out.shape, (Shape{1, 2, 3, 3}));
  ASSERT_EQ(out.data.size(), 18u);
  for (size_t i = 0; i < 9; ++i) EXPECT_EQ(out.data[i], 5.0f) << i;
  for (size_t i = 9; i < 18; ++i) EXPECT_EQ(out.data[i], -1.0f) << i;
}

}  // namespace
}  // namespace convplay
