// Typed cell values: what is a number, what is out of range, what gets which message.
#include <gtest/gtest.h>

#include "app/model/value_text.h"

namespace convplay::app {
namespace {

TEST(ValueText, ReadsPlainDecimals) {
  EXPECT_EQ(parse_cell_value("2.5").status, ValueTextStatus::kOk);
  EXPECT_FLOAT_EQ(parse_cell_value("2.5").value, 2.5f);
  EXPECT_FLOAT_EQ(parse_cell_value(" -1e2 ").value, -100.0f);
  EXPECT_FLOAT_EQ(parse_cell_value("+.5").value, 0.5f);
}

TEST(ValueText, AcceptsDecimalCommaAndTypographicMinus) {
  EXPECT_FLOAT_EQ(parse_cell_value("3,25").value, 3.25f);
  EXPECT_FLOAT_EQ(parse_cell_value("\u22124").value, -4.0f);
}

TEST(ValueText, RejectsWhatIsNotANumber) {
  for (const char* text : {"abc", "nan", "NaN", "inf", "-inf", "0x10", "1.2.3", "1e", "--1", "2a"}) {
    EXPECT_EQ(parse_cell_value(text).status, ValueTextStatus::kNotANumber) << text;
  }
}

TEST(ValueText, EmptyIsItsOwnCase) {
  EXPECT_EQ(parse_cell_value("").status, ValueTextStatus::kEmpty);
  EXPECT_EQ(parse_cell_value("   ").status, ValueTextStatus::kEmpty);
}

TEST(ValueText, LimitsTheMagnitude) {
  EXPECT_EQ(parse_cell_value("999").status, ValueTextStatus::kOk);
  EXPECT_EQ(parse_cell_value("-999").status, ValueTextStatus::kOk);
  EXPECT_EQ(parse_cell_value("999.5").status, ValueTextStatus::kOutOfRange);
  EXPECT_EQ(parse_cell_value("-1e9").status, ValueTextStatus::kOutOfRange);
  EXPECT_EQ(parse_cell_value("1e400").status, ValueTextStatus::kNotANumber);
}

}  // namespace
}  // namespace convplay::app
