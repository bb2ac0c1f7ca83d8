// The PyTorch golden cases (tests/golden/cases.json, written by tests/golden/generate.py
// with torch 1.13), loaded once into plain structs for golden_test.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/tensor.h"

namespace convplay::golden {

struct GoldenTensor {
  Shape shape;
  std::vector<float> data;

  TensorView view() const { return {data.data(), shape}; }
};

// What PyTorch raised: its exact str(exception), the contract parameter it blames and
// the Python exception class.
struct GoldenError {
  std::string message;
  std::string param;
  std::string type;
  bool message_varies = false;  // PyTorch printed a Python set: compare param and type only
  // convplay's sentence after PyTorch's words when those blame the wrong parameter
  // (a weight of the wrong rank); empty when convplay says exactly what PyTorch says.
  std::string culprit;
  // The engine's full message: PyTorch's, then the culprit sentence if any.
  std::string engine_message() const { return culprit.empty() ? message : message + " " + culprit; }
};

struct GoldenCase {
  std::string name;
  std::string op;  // "conv2d" or "conv_transpose2d"
  GoldenTensor input, weight;
  std::optional<GoldenTensor> bias;
  nlohmann::json options;  // the JS API's option object (CONTRACT.md §3)

  // A valid case has `expected`; a rejected one has `error`.
  std::optional<GoldenTensor> expected;
  int64_t terms = 0;     // bound on the products summed into one output
  double magnitude = 0;  // largest sum of |products| (and |bias|) over the outputs
  std::optional<GoldenError> error;
};

struct GoldenFixture {
  std::string load_error;  // empty when the file loaded and every case is well formed
  std::string torch_version;
  std::vector<GoldenCase> cases;
};

// Reads CONVPLAY_GOLDEN_FILE on first use.
const GoldenFixture& golden_fixture();
const GoldenCase* find_golden_case(const std::string& name);
std::vector<std::string> golden_case_names();

}  // namespace convplay::golden
