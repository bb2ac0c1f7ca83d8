// The state keys table: every key reads back what it writes (aliases and view keys too),
// defaults match the table, unknown keys and host suffixes are ignored, and the text is
// capped before any work.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "app/model/state_keys.h"
#include "app/model/url_state.h"

namespace convplay::app {
namespace {

PageState fresh() {
  PageState state;
  conform_tensors(&state.doc);
  return state;
}

PageState read(const std::string& text, std::vector<std::string>* notes,
               QueryKind kind = QueryKind::kState) {
  PageState state = fresh();
  apply_query(text, &state, notes, kind);
  return state;
}

void expect_same(const PageState& a, const PageState& b, const std::string& context) {
  EXPECT_TRUE(a.doc == b.doc) << context;
  EXPECT_TRUE(a.view == b.view) << context;
}

// Values other than the default for each key, as `key=value` texts that the canonical hash
// must contain afterwards (the second member; empty: the same text).
const std::map<std::string, std::vector<std::pair<std::string, std::string>>> kSamples = {
    {"op", {{"op=conv_transpose2d", ""}}},
    {"in", {{"in=7x6", ""}, {"in=4", "in=4x4"}, {"in=%5B3%2C%205%5D", "in=3x5"}}},
    {"cin", {{"cin=4", ""}}},
    {"cout", {{"cout=2", ""}}},
    {"k", {{"k=3x2", ""}, {"k=2,1", "k=2x1"}}},
    {"s", {{"s=2", ""}, {"s=2x1", ""}}},
    {"p", {{"p=1x0", ""}, {"p=same", ""}, {"p=valid", ""}}},
    {"d", {{"d=2", ""}}},
    {"op_pad", {{"op=conv_transpose2d&s=2&op_pad=1", "op_pad=1"}}},
    {"g", {{"cin=2&cout=4&g=2", "g=2"}}},
    {"mode", {{"mode=reflect", ""}, {"mode=circular", ""}, {"mode=replicate", ""}}},
    {"bias", {{"bias=1", ""}, {"bias=true", "bias=1"}}},
    {"xp", {{"xp=ramp", ""}, {"xp=checker", ""}}},
    {"wp", {{"wp=ones", ""}, {"wp=impulse", ""}}},
    {"x", {{"in=2&k=1&x=1,2,3,4.5", "x=1,2,3,4.5"}, {"in=1x2&k=1&input=-1,7", "x=-1,7"}}},
    {"w", {{"k=1&w=0.25", "w=0.25"}, {"k=1&weight=3", "w=3"}}},
    {"b", {{"bias=1&b=5", "b=5"}, {"bias=1&biasValues=-2", "b=-2"}}},
    {"tab", {{"tab=params", ""}, {"tab=scatter", ""}, {"tab=shapes", ""},
             {"tab=asconv", "tab=scatter"}, {"tab=as_conv", "tab=scatter"},
             {"tab=parameters", "tab=params"}}},
    {"anim", {{"anim=play", ""}, {"anim=stamps", ""}}},
    {"speed", {{"speed=60", ""}, {"speed=0.5", ""}, {"speed=120", ""}}},
    {"lang", {{"lang=zh", ""}, {"lang=en", ""}}},
    {"lesson", {{"lesson=output-padding", ""}}},
    {"step", {{"lesson=strides&step=3", "step=3"}}},
    {"theme", {{"theme=light", ""}, {"theme=auto", ""}}},
    {"ui", {{"ui=figure", ""}, {"ui=controls", ""}}},
};

TEST(StateKeys, TableHasEveryContractKey) {
  for (const char* name : {"op", "in", "cin", "cout", "k", "s", "p", "d", "op_pad", "g", "mode",
                           "bias", "xp", "wp", "x", "w", "b", "tab", "anim", "speed", "lang",
                           "lesson", "step", "theme", "ui", "panels", "embed"}) {
    EXPECT_NE(find_state_key(name), nullptr) << name;
  }
  EXPECT_EQ(find_state_key("input"), find_state_key("x"));
  EXPECT_EQ(find_state_key("weight"), find_state_key("w"));
  EXPECT_EQ(find_state_key("biasValues"), find_state_key("b"));
  EXPECT_EQ(find_state_key("stride"), nullptr);
}

TEST(StateKeys, EveryKeyRoundTrips) {
  for (const StateKey& key : state_keys()) {
    if (key.scope == KeyScope::kEmbed) continue;  // the page's query, never written
    const auto samples = kSamples.find(key.name);
    ASSERT_NE(samples, kSamples.end()) << "no round-trip sample for key " << key.name;
    for (const auto& [text, canonical] : samples->second) {
      std::vector<std::string> notes;
      const PageState state = read(text, &notes);
      EXPECT_TRUE(notes.empty()) << text << ": " << (notes.empty() ? "" : notes[0]);
      const std::string hash = format_hash(state);
      const std::string expected = canonical.empty() ? text : canonical;
      EXPECT_NE(("&" + hash + "&").find("&" + expected + "&"), std::string::npos)
          << text << " wrote " << hash;
      std::vector<std::string> again_notes;
      expect_same(read(hash, &again_notes), state, text + " -> " + hash);
      EXPECT_TRUE(again_notes.empty()) << hash;
    }
  }
}

TEST(StateKeys, DefaultsAreWhatAStateWithoutTheKeyHolds) {
  const PageState defaults = fresh();
  for (const StateKey& key : state_keys()) {
    if (key.scope == KeyScope::kEmbed) continue;
    const std::string value = key.default_value;
    if (value.find(' ') != std::string::npos || value == "none") continue;  // "the preset", ...
    std::vector<std::string> notes;
    const PageState state = read(std::string(key.name) + "=" + value, &notes);
    EXPECT_TRUE(notes.empty()) << key.name;
    EXPECT_TRUE(state.doc == defaults.doc) << key.name;
    EXPECT_EQ(key.format(state), value) << key.name;
  }
}

TEST(StateKeys, AddressBarAlwaysHoldsTheView) {
  PageState state = fresh();
  state.view.tab = PanelId::kShapes;
  state.view.anim = AnimMode::kPlay;
  state.view.speed = 12.5f;
  const std::string hash = format_hash(state);
  EXPECT_NE(hash.find("tab=shapes&anim=play&speed=12.5"), std::string::npos) << hash;
  // Unset view keys stay out: the browser's language, no lesson, the default theme and ui.
  for (const char* absent : {"lang=", "lesson=", "step=", "theme=", "ui=", "panels=", "embed="}) {
    EXPECT_EQ(hash.find(absent), std::string::npos) << absent << " in " << hash;
  }
}

TEST(StateKeys, LangAbsentLeavesTheBrowserToDecide) {
  std::vector<std::string> notes;
  EXPECT_FALSE(read("op=conv2d", &notes).view.lang_chosen);
  const PageState zh = read("lang=zh", &notes);
  EXPECT_TRUE(zh.view.lang_chosen);
  EXPECT_EQ(zh.view.lang, Lang::kZh);
  EXPECT_TRUE(notes.empty());
}

TEST(StateKeys, BadViewValuesAreRepairedWithANote) {
  struct Case {
    const char* text;
    const char* expected_in_hash;
  };
  const Case cases[] = {
      {"speed=500", "speed=120"},      {"speed=0", "speed=0.5"},
      {"speed=fast", "speed=3"},       {"tab=nope", "tab=compute"},
      {"anim=dance", "anim=off"},      {"theme=pink", "anim=off"},
      {"lesson=strides&step=0", "step=1"}, {"lesson=strides&step=x", "step=1"},
      {"ui=tiny", "speed=3"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> notes;
    const std::string hash = format_hash(read(c.text, &notes));
    EXPECT_EQ(notes.size(), 1u) << c.text;
    EXPECT_NE(hash.find(c.expected_in_hash), std::string::npos) << c.text << " wrote " << hash;
  }
  std::vector<std::string> notes;
  const PageState bad_lesson = read("lesson=%3Cscript%3E", &notes);
  EXPECT_EQ(bad_lesson.view.lesson, "");
  EXPECT_EQ(notes.size(), 1u);
  EXPECT_FALSE(read("lesson=" + std::string(41, 'a'), &notes).view.lesson.size() > 0);
}

TEST(StateKeys, AnimStopIsAnOldSpellingOfOff) {
  std::vector<std::string> notes;
  PageState state = fresh();
  state.view.anim = AnimMode::kPlay;
  apply_query("anim=stop", &state, &notes);
  EXPECT_EQ(state.view.anim, AnimMode::kOff);
  EXPECT_TRUE(notes.empty());
}

TEST(StateKeys, UnknownKeysAreIgnoredWithOneNote) {
  std::string text = "op=conv_transpose2d";
  for (int i = 0; i < 5000; ++i) text += "&junk" + std::to_string(i) + "=1";
  std::vector<std::string> notes;
  const PageState state = read(text, &notes);
  EXPECT_EQ(state.doc.op, Op::kConvTranspose2d);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("5000"), std::string::npos) << notes[0];
  EXPECT_NE(notes[0].find("junk0"), std::string::npos) << notes[0];
}

TEST(StateKeys, HostSuffixIsIgnored) {
  for (const char* text : {"op=conv2d&in=7#?secret=abc123", "op=conv2d&in=7&?secret=abc123",
                           "#op=conv2d&in=7?secret=abc123"}) {
    std::vector<std::string> notes;
    const PageState state = read(text, &notes);
    EXPECT_EQ(state.doc.in, (IntPair{7, 7})) << text;
    EXPECT_TRUE(notes.empty()) << text << ": " << (notes.empty() ? "" : notes[0]);
  }
  std::vector<std::string> notes;
  expect_same(read("#?secret=abc123", &notes), fresh(), "suffix alone");
  EXPECT_TRUE(notes.empty());
}

TEST(StateKeys, TextOverTheCapIsRefusedAtOnce) {
  std::string text = "op=conv_transpose2d&x=";
  while (text.size() <= kMaxStateTextBytes) text += "1,";
  std::vector<std::string> notes;
  PageState state = read(text, &notes);
  expect_same(state, fresh(), "refused text changes nothing");
  EXPECT_EQ(notes.size(), 1u);
  // Just under the cap is read.
  text = "op=conv_transpose2d&junk=" + std::string(kMaxStateTextBytes - 26, 'a');
  ASSERT_LE(text.size(), kMaxStateTextBytes);
  notes.clear();
  EXPECT_EQ(read(text, &notes).doc.op, Op::kConvTranspose2d);

  // A 2 MB text once took 5.7 s in the page; now it is not even split.
  const std::string huge(2 << 20, 'x');
  const auto start = std::chrono::steady_clock::now();
  notes.clear();
  read("k=" + huge, &notes);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(ms, 50.0);
  EXPECT_EQ(notes.size(), 1u);
}

TEST(StateKeys, TextAtTheCapReadsFast) {
  // The biggest input with every value edited, and the longest text of keys.
  std::string values;
  for (int i = 0; i < 8 * 32 * 32; ++i) values += (i > 0 ? "," : "") + std::to_string(i % 10);
  const std::string tensors = "in=32&cin=8&x=" + values;
  std::string keys;
  while (keys.size() + 8 < kMaxStateTextBytes) keys += "k=3&s=1&";
  for (const std::string& text : {tensors, keys}) {
    ASSERT_LE(text.size(), kMaxStateTextBytes);
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::string> notes;
    const PageState state = read(text, &notes);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(ms, 50.0) << text.substr(0, 20);
    EXPECT_TRUE(notes.empty()) << notes.size();
    if (text == tensors) {
      EXPECT_TRUE(state.doc.input_edited);
    }
  }
}

TEST(StateKeys, HashWriterStaysUnderTheCap) {
  std::vector<std::string> notes;
  PageState state = read("in=32&cin=8&cout=8&k=9", &notes);
  for (float& v : state.doc.input.edit()) v = -0.123456f;
  state.doc.input_edited = true;
  const std::string hash = format_hash(state);
  EXPECT_LE(hash.size(), kMaxStateTextBytes);
  EXPECT_EQ(hash.find("x="), std::string::npos) << "values that do not fit are left out";
  EXPECT_NE(hash.find("cin=8"), std::string::npos);
}

TEST(StateKeys, EmbedOptionsComeFromThePageQuery) {
  std::vector<std::string> notes;
  const ViewState plain = read("utm_source=blog", &notes, QueryKind::kPageQuery).view;
  EXPECT_FALSE(plain.embed);
  EXPECT_TRUE(plain.panels == PanelSet{});
  EXPECT_TRUE(notes.empty()) << "the host's own query keys are not ours to note";

  const ViewState embed = read("embed=1", &notes, QueryKind::kPageQuery).view;
  EXPECT_TRUE(embed.embed);
  EXPECT_TRUE(embed.panels == embed_default_panels());

  const ViewState listed = read("embed=1&panels=asconv,parameters", &notes, QueryKind::kPageQuery).view;
  EXPECT_TRUE(listed.panels.shown[static_cast<int>(PanelId::kScatter)]);
  EXPECT_TRUE(listed.panels.shown[static_cast<int>(PanelId::kParams)]);
  EXPECT_FALSE(listed.panels.shown[static_cast<int>(PanelId::kCompute)]);
  EXPECT_FALSE(listed.panels.shown[static_cast<int>(PanelId::kShapes)]);
  EXPECT_TRUE(notes.empty());

  // The query sets no document keys, and the hash no embed options.
  EXPECT_EQ(read("embed=1&op=conv_transpose2d", &notes, QueryKind::kPageQuery).doc.op, Op::kConv2d);
  EXPECT_FALSE(read("embed=1&panels=shapes", &notes).view.embed);
  EXPECT_TRUE(notes.empty());

  read("embed=1&panels=compute,bogus", &notes, QueryKind::kPageQuery);
  EXPECT_EQ(notes.size(), 1u);
}

}  // namespace
}  // namespace convplay::app
