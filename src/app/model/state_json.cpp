// Writing the state as JSON by hand: flat, small, and no third-party code in the app.
#include "app/model/state_json.h"

#include <cmath>
#include <cstdio>

#include "app/model/url_state.h"

namespace convplay::app {

namespace {

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
      out += buffer;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// A per-axis value as the hash writes it: 3 (a number) or "3x2".
std::string pair_value(const IntPair& pair) {
  return pair.square() ? std::to_string(pair.h) : quoted(format_pair(pair));
}

std::string numbers(const std::vector<float>& values) {
  std::string out = "[";
  char buffer[32];
  for (size_t i = 0; i < values.size(); ++i) {
    const float v = values[i];
    // JSON has no NaN/Infinity; the engine never makes them from finite inputs.
    std::snprintf(buffer, sizeof buffer, "%.9g", std::isfinite(v) ? static_cast<double>(v) : 0.0);
    if (i > 0) out += ',';
    out += buffer;
  }
  return out + "]";
}

std::string shape_json(const Shape& shape) {
  std::string out = "[";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(shape[i]);
  }
  return out + "]";
}

}  // namespace

std::string make_state_json(const Document& doc, const Computer& computer,
                            const std::vector<std::string>& notes, const std::string& hash) {
  const bool transposed = is_transposed(doc);
  std::string j = "{";
  j += "\"op\":" + quoted(transposed ? "conv_transpose2d" : "conv2d");
  j += ",\"in\":" + quoted(std::to_string(doc.in.h) + "x" + std::to_string(doc.in.w));
  j += ",\"cin\":" + std::to_string(doc.in_channels);
  j += ",\"cout\":" + std::to_string(doc.out_channels);
  j += ",\"k\":" + pair_value(doc.kernel);
  j += ",\"s\":" + pair_value(doc.stride);
  if (!transposed && doc.padding_kind == PaddingKind::kSame) {
    j += ",\"p\":\"same\"";
  } else if (!transposed && doc.padding_kind == PaddingKind::kValid) {
    j += ",\"p\":\"valid\"";
  } else {
    j += ",\"p\":" + pair_value(doc.padding);
  }
  j += ",\"d\":" + pair_value(doc.dilation);
  j += ",\"op_pad\":" + pair_value(doc.output_padding);
  j += ",\"g\":" + std::to_string(doc.groups);
  j += ",\"mode\":" + quoted(padding_mode_name(doc.mode));
  j += ",\"bias\":" + std::string(doc.use_bias ? "true" : "false");
  j += ",\"hash\":" + quoted(hash);

  // The output belongs to the current document when it is valid; otherwise the last
  // valid one is still on screen and `error` says why the current one is not.
  const bool valid = computer.status().ok() && computer.has_result();
  j += ",\"valid\":" + std::string(valid ? "true" : "false");
  if (!valid) j += ",\"error\":" + quoted(computer.status().message);
  j += ",\"inputShape\":" + shape_json(input_shape(doc));
  j += ",\"weightShape\":" + shape_json(weight_shape(doc));
  j += ",\"biasShape\":" + (doc.use_bias ? shape_json(bias_shape(doc)) : std::string("null"));
  if (computer.has_result()) {
    j += ",\"outputShape\":" + shape_json(computer.result().output.shape);
  } else {
    j += ",\"outputShape\":null";
  }
  j += ",\"input\":" + numbers(doc.input);
  j += ",\"weight\":" + numbers(doc.weight);
  j += ",\"biasValues\":" + (doc.use_bias ? numbers(doc.bias) : std::string("null"));
  j += ",\"output\":" +
       (computer.has_result() ? numbers(computer.result().output.data) : std::string("[]"));
  j += ",\"notes\":[";
  for (size_t i = 0; i < notes.size(); ++i) j += (i > 0 ? "," : "") + quoted(notes[i]);
  j += "]}";
  return j;
}

}  // namespace convplay::app
