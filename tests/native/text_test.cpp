// The string tables (src/app/model/text.cpp): both languages complete, printf formats that
// take the same arguments in both (a mismatched %d/%s would crash), and the error rules.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/model/error_explain.h"
#include "app/model/text.h"

namespace convplay::app {
namespace {

// The conversions of a printf format in order, e.g. "%.2f ms %d%%" -> {".2f", "d"}: flags,
// width, precision and length are part of each, as they change what is read.
std::vector<std::string> conversions(const char* format) {
  std::vector<std::string> found;
  for (const char* p = format; *p != '\0'; ++p) {
    if (*p != '%') continue;
    ++p;
    if (*p == '%') continue;
    std::string spec;
    while (*p != '\0' && std::string("-+ #0123456789.*hlLzjt").find(*p) != std::string::npos) spec += *p++;
    if (*p == '\0') break;
    spec += *p;
    found.push_back(spec);
  }
  return found;
}

bool has_cjk(const char* s) {
  // Lead bytes E3..E9 start the UTF-8 of U+3000..U+9FFF (CJK punctuation and ideographs).
  for (const unsigned char* p = reinterpret_cast<const unsigned char*>(s); *p != 0; ++p) {
    if (*p >= 0xE3 && *p <= 0xE9) return true;
  }
  return false;
}

TEST(TextTables, ConversionsReadsSpecifiersInOrder) {
  EXPECT_EQ(conversions("%.2f ms \u00b7 %d%% of %s"), (std::vector<std::string>{".2f", "d", "s"}));
  EXPECT_NE(conversions("%d then %s"), conversions("%s then %d"));
}

TEST(TextTables, EveryStringHasBothLanguages) {
  const std::vector<const char*> en = text_strings(text_in(Lang::kEn));
  const std::vector<const char*> zh = text_strings(text_in(Lang::kZh));
  ASSERT_EQ(en.size(), zh.size());
  ASSERT_GT(en.size(), 100u);
  for (size_t i = 0; i < en.size(); ++i) {
    ASSERT_NE(en[i], nullptr) << "field " << i << " has no English (no TR line in text.cpp)";
    ASSERT_NE(zh[i], nullptr) << "field " << i << " (\"" << en[i] << "\") has no Chinese";
    EXPECT_STRNE(en[i], "") << "field " << i;
    EXPECT_STRNE(zh[i], "") << "field " << i << " (\"" << en[i] << "\")";
  }
}

TEST(TextTables, FormatsTakeTheSameArgumentsInBothLanguages) {
  const std::vector<const char*> en = text_strings(text_in(Lang::kEn));
  const std::vector<const char*> zh = text_strings(text_in(Lang::kZh));
  int formats = 0;
  for (size_t i = 0; i < en.size() && i < zh.size(); ++i) {
    if (en[i] == nullptr || zh[i] == nullptr) continue;
    EXPECT_EQ(conversions(en[i]), conversions(zh[i])) << "\"" << en[i] << "\" vs \"" << zh[i] << "\"";
    if (!conversions(en[i]).empty()) ++formats;
  }
  EXPECT_GT(formats, 30);  // the check compared real formats
}

TEST(TextTables, ChineseTableIsTranslated) {
  const std::vector<const char*> zh = text_strings(text_in(Lang::kZh));
  size_t chinese = 0;
  for (const char* s : zh) chinese += s != nullptr && has_cjk(s) ? 1 : 0;
  // PyTorch identifiers (stride, padding_mode, ...) and symbols stay; the rest is Chinese.
  EXPECT_GT(chinese * 2, zh.size());
  EXPECT_TRUE(has_cjk(text_in(Lang::kZh).tab_params));
  EXPECT_STREQ(text_in(Lang::kZh).output_padding, "output_padding");
}

TEST(TextTables, SetLanguageSwitchesTheShownTable) {
  EXPECT_EQ(text_language(), Lang::kEn);
  EXPECT_STREQ(text().tab_params, "Parameters");
  set_text_language(Lang::kZh);
  EXPECT_EQ(text_language(), Lang::kZh);
  EXPECT_STREQ(text().tab_params, text_in(Lang::kZh).tab_params);
  set_text_language(Lang::kEn);
  EXPECT_STREQ(text().tab_params, "Parameters");
}

TEST(ErrorRules, EveryErrorCodeHasAChineseRule) {
  const ErrorCode codes[] = {
#define CONVPLAY_CODE_ROW(name, text) ErrorCode::name,
      CONVPLAY_ERROR_CODES(CONVPLAY_CODE_ROW)
#undef CONVPLAY_CODE_ROW
  };
  for (ErrorCode code : codes) {
    EXPECT_EQ(error_rule(code, Lang::kEn), nullptr) << error_code_name(code);
    if (code == ErrorCode::kOk) {
      EXPECT_EQ(error_rule(code, Lang::kZh), nullptr);
      continue;
    }
    const char* rule = error_rule(code, Lang::kZh);
    ASSERT_NE(rule, nullptr) << "no Chinese rule for " << error_code_name(code);
    EXPECT_TRUE(has_cjk(rule)) << error_code_name(code);
  }
}

}  // namespace
}  // namespace convplay::app
