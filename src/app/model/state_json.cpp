// Writing the state as JSON by hand: flat, small, and no third-party code in the app.
#include "app/model/state_json.h"

#include <cmath>
#include <cstdio>


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

bool is_plain_number(const std::string& text) {
  if (text.empty()) return false;
  size_t i = text[0] == '-' ? 1 : 0;
  bool digits = false, dot = false;
  for (; i < text.size(); ++i) {
    if (text[i] >= '0' && text[i] <= '9') {
      digits = true;
    } else if (text[i] == '.' && !dot) {
      dot = true;
    } else {
      return false;
    }
  }
  return digits;
}

std::string shape_json(const Shape& shape) {
  std::string out = "[";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(shape[i]);
  }
  return out + "]";
}

constexpr const char* kDerivedKeys[] = {"hash",       "valid",      "error",
                                        "inputShape", "weightShape", "biasShape",
                                        "outputShape", "output",    "notes"};

}  // namespace

std::string json_quoted(const std::string& text) { return quoted(text); }

bool is_derived_state_json_key(const std::string& name) {
  for (const char* key : kDerivedKeys) {
    if (name == key) return true;
  }
  return false;
}

std::string make_state_json(PageStateRef state, const Computer& computer,
                            const std::vector<std::string>& notes, const std::string& hash) {
  const Document& doc = state.doc;
  std::string j = "{";
  for (const StateKey& key : state_keys()) {
    if (key.scope == KeyScope::kEmbed) continue;
    if (j.size() > 1) j += ',';
    j += quoted(key.alias != nullptr ? key.alias : key.name) + ":";
    if (key.json != nullptr) {
      j += key.json(state);
    } else {
      const std::string value = key.format(state);
      j += is_plain_number(value) ? value : quoted(value);
    }
  }
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
  j += ",\"output\":" +
       (computer.has_result() ? json_numbers(computer.result().output.data) : std::string("[]"));
  j += ",\"notes\":[";
  for (size_t i = 0; i < notes.size(); ++i) j += (i > 0 ? "," : "") + quoted(notes[i]);
  j += "]}";
  return j;
}

}  // namespace convplay::app
