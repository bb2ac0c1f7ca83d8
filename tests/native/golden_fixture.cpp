// Loads tests/golden/cases.json. Any malformed entry makes load_error non-empty (a test
// reports it) rather than throwing during test registration.
#include "golden_fixture.h"

#include <fstream>
#include <stdexcept>

#ifndef CONVPLAY_GOLDEN_FILE
#error "tests/native/CMakeLists.txt defines CONVPLAY_GOLDEN_FILE as the fixture's path"
#endif

namespace convplay::golden {

namespace {

using nlohmann::json;

GoldenTensor parse_tensor(const json& value) {
  GoldenTensor tensor;
  tensor.shape = value.at("shape").get<Shape>();
  const json& data = value.at("data");
  tensor.data.reserve(data.size());
  // JSON holds the shortest decimal of each float32; reading it as a double and rounding
  // to float gives back the same float32 (the generator checks this for every value).
  for (const json& v : data) tensor.data.push_back(static_cast<float>(v.get<double>()));
  if (static_cast<int64_t>(tensor.data.size()) != element_count(tensor.shape)) {
    throw std::runtime_error("data length does not match shape " + value.at("shape").dump());
  }
  return tensor;
}

GoldenCase parse_case(const json& entry) {
  GoldenCase c;
  c.name = entry.at("name").get<std::string>();
  try {
    c.op = entry.at("op").get<std::string>();
    c.input = parse_tensor(entry.at("input"));
    c.weight = parse_tensor(entry.at("weight"));
    if (!entry.at("bias").is_null()) c.bias = parse_tensor(entry.at("bias"));
    c.options = entry.at("options");
    if (entry.contains("expected")) {
      const json& expected = entry.at("expected");
      c.expected = parse_tensor(expected);
      c.terms = expected.at("terms").get<int64_t>();
      c.magnitude = expected.at("magnitude").get<double>();
    }
    if (entry.contains("error")) {
      const json& error = entry.at("error");
      c.error = GoldenError{error.at("message").get<std::string>(),
                            error.at("param").get<std::string>(),
                            error.at("type").get<std::string>(),
                            error.value("message_varies", false),
                            error.value("culprit", std::string())};
    }
  } catch (const std::exception& e) {
    throw std::runtime_error("case " + c.name + ": " + e.what());
  }
  if (c.expected.has_value() == c.error.has_value()) {
    throw std::runtime_error("case " + c.name + ": needs exactly one of expected / error");
  }
  return c;
}

GoldenFixture load() {
  GoldenFixture fixture;
  std::ifstream file(CONVPLAY_GOLDEN_FILE);
  if (!file) {
    fixture.load_error = std::string("cannot open ") + CONVPLAY_GOLDEN_FILE;
    return fixture;
  }
  try {
    const json root = json::parse(file);
    fixture.torch_version = root.at("torch").get<std::string>();
    for (const json& entry : root.at("cases")) fixture.cases.push_back(parse_case(entry));
  } catch (const std::exception& e) {
    fixture.load_error = std::string(CONVPLAY_GOLDEN_FILE) + ": " + e.what();
    fixture.cases.clear();
  }
  return fixture;
}

}  // namespace

const GoldenFixture& golden_fixture() {
  static const GoldenFixture fixture = load();
  return fixture;
}

const GoldenCase* find_golden_case(const std::string& name) {
  for (const GoldenCase& c : golden_fixture().cases) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::vector<std::string> golden_case_names() {
  std::vector<std::string> names;
  for (const GoldenCase& c : golden_fixture().cases) names.push_back(c.name);
  return names;
}

}  // namespace convplay::golden
