// The validity rules of ranges.h against the engine: on valid documents, a value of one
// axis of one parameter is in valid_range() exactly when check_document() accepts it. The
// parameters panel narrows its sliders with these ranges and repair moves values into them.
#include <gtest/gtest.h>

#include <random>

#include "app/model/ranges.h"
#include "app/model/repair.h"

namespace convplay::app {
namespace {

Document random_document(std::mt19937* random) {
  auto pick = [random](const Range& range) {
    return std::uniform_int_distribution<int>(range.min, range.max)(*random);
  };
  Document doc;
  doc.op = (*random)() % 2 ? Op::kConv2d : Op::kConvTranspose2d;
  doc.in = {pick({1, 12}), pick({1, 12})};
  doc.kernel = {pick(kKernelRange), pick(kKernelRange)};
  doc.stride = {pick({1, 3}), pick({1, 3})};
  doc.padding = {pick({0, 4}), pick({0, 4})};
  doc.dilation = {pick(kDilationRange), pick(kDilationRange)};
  doc.output_padding = {pick({0, 2}), pick({0, 2})};
  if (!is_transposed(doc)) {
    doc.mode = static_cast<PaddingMode>(pick({0, 3}));
    doc.padding_kind = static_cast<PaddingKind>(pick({0, 2}));
  }
  return doc;
}

TEST(Ranges, ValidRangeIsExactlyWhatTheEngineAccepts) {
  std::mt19937 random(2026);
  int documents = 0, values = 0;
  while (documents < 400) {
    Document doc = random_document(&random);
    std::vector<std::string> notes;
    repair_document(&doc, &notes);
    if (!check_document(doc).ok()) continue;
    ++documents;
    for (int f = 0; f < kAxisFieldCount; ++f) {
      const AxisField field = static_cast<AxisField>(f);
      for (int axis = 0; axis < 2; ++axis) {
        const Range valid = valid_range(doc, field, axis);
        const Range all = static_range(field);
        for (int v = all.min; v <= all.max; ++v) {
          Document trial = doc;
          (axis == 0 ? axis_field(&trial, field).h : axis_field(&trial, field).w) = v;
          ++values;
          ASSERT_EQ(check_document(trial).ok(), valid.contains(v))
              << "field " << f << " axis " << axis << " value " << v << " range " << valid.min
              << ".." << valid.max << ": " << check_document(trial).message;
        }
      }
    }
  }
  EXPECT_GT(values, 10000);
}

TEST(Ranges, ReflectPaddingStaysBelowTheSize) {
  Document doc;
  doc.in = {3, 6};
  doc.kernel = {1, 1};
  doc.mode = PaddingMode::kReflect;
  EXPECT_EQ(valid_range(doc, AxisField::kPadding, 0).max, 2);
  EXPECT_EQ(valid_range(doc, AxisField::kPadding, 1).max, 5);
  doc.mode = PaddingMode::kCircular;
  EXPECT_EQ(valid_range(doc, AxisField::kPadding, 0).max, 3);
  doc.mode = PaddingMode::kZeros;
  EXPECT_EQ(valid_range(doc, AxisField::kPadding, 0).max, kPaddingRange.max);
}

TEST(Ranges, SameNeedsStrideOne) {
  Document doc;
  doc.padding_kind = PaddingKind::kSame;
  const Range stride = valid_range(doc, AxisField::kStride, 0);
  EXPECT_EQ(stride.min, 1);
  EXPECT_EQ(stride.max, 1);
}

TEST(Ranges, NoValueHelpsGivesAnEmptyRange) {
  Document doc;  // reflect with padding 2 on a 1-pixel input: no kernel fixes that
  doc.in = {1, 1};
  doc.padding = {2, 2};
  doc.mode = PaddingMode::kReflect;
  EXPECT_TRUE(valid_range(doc, AxisField::kKernel, 0).empty());
  EXPECT_TRUE(valid_range(doc, AxisField::kPadding, 0).empty());  // p < 1 leaves k=3 too big
  EXPECT_EQ(valid_range(doc, AxisField::kInput, 0).min, 3);       // a 3-pixel input fits both
}

TEST(Ranges, GroupsDivideBothChannelCounts) {
  EXPECT_EQ(nearest_valid_groups(4, 6, 4), 2);
  EXPECT_EQ(nearest_valid_groups(3, 4, 3), 1);
  EXPECT_EQ(nearest_valid_groups(8, 8, 8), 8);
  EXPECT_EQ(nearest_valid_groups(8, 8, 0), 1);
}

}  // namespace
}  // namespace convplay::app
