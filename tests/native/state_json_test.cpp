// getState()'s JSON: every key of the table under getState's names, with the hash's
// values, plus the shapes, tensors and notes; and setState accepting what getState gives.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/model/state_json.h"
#include "app/model/url_state.h"

namespace convplay::app {
namespace {

nlohmann::json state_of(const std::string& hash, PageState* state) {
  conform_tensors(&state->doc);
  std::vector<std::string> notes;
  apply_query(hash, state, &notes);
  Computer computer;
  computer.update(state->doc);
  return nlohmann::json::parse(make_state_json(*state, computer, notes, format_hash(*state)));
}

// What shell.js's toQuery does with an object: arrays joined by commas, booleans as 1/0.
std::string to_query(const nlohmann::json& object) {
  std::string query;
  for (const auto& [key, value] : object.items()) {
    if (value.is_null()) continue;
    std::string text;
    if (value.is_array()) {
      for (size_t i = 0; i < value.size(); ++i) text += (i > 0 ? "," : "") + value[i].dump();
    } else if (value.is_boolean()) {
      text = value.get<bool>() ? "1" : "0";
    } else {
      text = value.is_string() ? value.get<std::string>() : value.dump();
    }
    query += (query.empty() ? "" : "&") + key + "=" + text;
  }
  return query;
}

// setState(object) on a fresh page; no note expected.
PageState set_state_on_defaults(const nlohmann::json& object) {
  PageState state;
  conform_tensors(&state.doc);
  std::vector<std::string> notes;
  apply_query(to_query(object), &state, &notes);
  EXPECT_TRUE(notes.empty()) << notes[0];
  return state;
}

TEST(StateJson, HasEveryContractKey) {
  PageState state;
  const nlohmann::json json = state_of("op=conv2d&in=7x6&cin=2&cout=4&k=3x2&s=2&p=1x0&g=2", &state);
  for (const char* key : {"op", "in", "cin", "cout", "k", "s", "p", "d", "op_pad", "g", "mode",
                          "bias", "inputShape", "weightShape", "outputShape", "input", "weight",
                          "output", "biasValues", "hash", "notes", "valid", "tab", "anim", "speed",
                          "lang", "lesson", "step", "theme", "ui"}) {
    EXPECT_TRUE(json.contains(key)) << key;
  }
  EXPECT_FALSE(json.contains("panels"));
  EXPECT_EQ(json["in"], "7x6");
  EXPECT_EQ(json["k"], "3x2");
  EXPECT_EQ(json["s"], 2);
  EXPECT_EQ(json["p"], "1x0");
  EXPECT_EQ(json["cin"], 2);
  EXPECT_EQ(json["bias"], false);
  EXPECT_TRUE(json["biasValues"].is_null());
  EXPECT_TRUE(json["lesson"].is_null());
  EXPECT_EQ(json["speed"], 3);
  EXPECT_EQ(json["tab"], "compute");
  EXPECT_EQ(json["inputShape"], nlohmann::json::array({1, 2, 7, 6}));
  EXPECT_EQ(json["weightShape"], nlohmann::json::array({4, 1, 3, 2}));
  EXPECT_EQ(json["outputShape"], nlohmann::json::array({1, 4, 4, 3}));
  EXPECT_EQ(json["input"].size(), 2u * 7 * 6);
  EXPECT_EQ(json["output"].size(), 4u * 4 * 3);
  EXPECT_EQ(json["valid"], true);
}

TEST(StateJson, SetStateOfGetStateGivesTheSameDocument) {
  PageState state;
  const nlohmann::json json = state_of(
      "op=conv_transpose2d&in=3x4&cin=2&cout=2&k=3x2&s=2x1&p=1&op_pad=1x0&bias=1&x=" +
          std::string("1,2,3,4,5,6,7,8,9,10,11,12,-1,-2,-3,-4,-5,-6,-7,-8,-9,-10,-11,-12") +
          "&b=0.5,-0.25&lesson=strides&step=2&tab=scatter&speed=7.5",
      &state);
  // Only the keys setState reads: what a caller would pass back.
  nlohmann::json partial;
  for (const char* key : {"op", "in", "cin", "cout", "k", "s", "p", "d", "op_pad", "g", "bias",
                          "input", "weight", "biasValues", "tab", "anim", "speed", "lesson", "step"}) {
    partial[key] = json[key];
  }
  PageState again = set_state_on_defaults(partial);
  EXPECT_TRUE(again.doc.input == state.doc.input);
  EXPECT_TRUE(again.doc.weight == state.doc.weight);
  EXPECT_TRUE(again.doc.bias == state.doc.bias);
  again.doc.weight_edited = false;  // passed back, the preset's values count as edited
  EXPECT_EQ(format_hash(again), format_hash(state));
  EXPECT_EQ(json["biasValues"], nlohmann::json::array({0.5, -0.25}));
  EXPECT_EQ(json["lesson"], "strides");
  EXPECT_EQ(json["step"], 2);
  EXPECT_EQ(json["speed"], 7.5);
}

TEST(StateJson, SetStateOfTheWholeGetStateNeedsNoNote) {
  PageState state;
  const nlohmann::json json = state_of("op=conv2d&in=4&k=2&bias=1&xp=ramp", &state);
  PageState again = set_state_on_defaults(json);
  EXPECT_TRUE(again.doc.input == state.doc.input);
  // Every key getState writes is either a state key or one of its derived values.
  for (const auto& item : json.items()) {
    EXPECT_TRUE(find_state_key(item.key()) != nullptr || is_derived_state_json_key(item.key()))
        << item.key();
  }
}

TEST(StateJson, NotesAreEscaped) {
  PageState state;
  const nlohmann::json json = state_of("mode=%22%5C%0A", &state);
  ASSERT_EQ(json["notes"].size(), 1u);
  EXPECT_NE(json["notes"][0].get<std::string>().find("\"\\\n"), std::string::npos);
}

}  // namespace
}  // namespace convplay::app
