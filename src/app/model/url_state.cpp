// Reading and writing the URL hash.
#include "app/model/url_state.h"

#include <cerrno>
#include <cstdarg>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "engine/params.h"
#include "app/model/presets.h"
#include "app/model/ranges.h"
#include "app/model/repair.h"
#include "app/model/text.h"

namespace convplay::app {

namespace {

std::string printf_string(const char* format, ...) __attribute__((format(printf, 1, 2)));
std::string printf_string(const char* format, ...) {
  char buffer[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof buffer, format, args);
  va_end(args);
  return buffer;
}

// Percent-decoding, so that links pasted from chat apps still read.
std::string url_decode(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const std::string hex = text.substr(i + 1, 2);
      char* end = nullptr;
      const long value = std::strtol(hex.c_str(), &end, 16);
      if (end == hex.c_str() + 2) {
        out += static_cast<char>(value);
        i += 2;
        continue;
      }
    }
    out += text[i] == '+' ? ' ' : text[i];
  }
  return out;
}

std::map<std::string, std::string> split_query(const std::string& raw) {
  std::map<std::string, std::string> pairs;
  std::string text = raw;
  if (!text.empty() && text[0] == '#') text.erase(0, 1);
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('&', start);
    if (end == std::string::npos) end = text.size();
    const std::string item = text.substr(start, end - start);
    const size_t eq = item.find('=');
    if (eq != std::string::npos && eq > 0) {
      pairs[url_decode(item.substr(0, eq))] = url_decode(item.substr(eq + 1));
    }
    start = end + 1;
  }
  return pairs;
}

// A number as the nearest integer; false when the text is not a number at all.
bool parse_number(const std::string& text, double* out) {
  if (text.empty() || text.size() > 40) return false;
  char* end = nullptr;
  errno = 0;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || std::isnan(value)) return false;
  *out = value;
  return true;
}

int clamp_to(double value, const Range& range) {
  if (!(value >= range.min)) return range.min;  // also -inf
  if (value > range.max) return range.max;
  return static_cast<int>(std::lround(value));
}

// One integer key. A number out of range is clamped, anything else keeps `*value`.
void read_int(const std::map<std::string, std::string>& pairs, const char* key, const Range& range,
              int* value, std::vector<std::string>* notes) {
  const auto it = pairs.find(key);
  if (it == pairs.end()) return;
  double number = 0;
  if (!parse_number(it->second, &number)) {
    notes->push_back(printf_string(text().note_bad_value_fmt, key, it->second.c_str(),
                                   std::to_string(*value).c_str()));
    return;
  }
  const int used = clamp_to(number, range);
  if (used != number) {
    notes->push_back(printf_string(text().note_clamped_fmt, key, it->second.c_str(), range.min,
                                   range.max, std::to_string(used).c_str()));
  }
  *value = used;
}

// A per-axis key: "n", "hxw" (also "h,w" and "[h, w]" as JavaScript prints arrays).
void read_pair(const std::map<std::string, std::string>& pairs, const char* key,
               const Range& range, IntPair* value, std::vector<std::string>* notes) {
  const auto it = pairs.find(key);
  if (it == pairs.end()) return;
  std::string text_value = it->second;
  for (char& c : text_value) {
    if (c == ',' || c == 'X' || c == '*') c = 'x';
  }
  if (!text_value.empty() && text_value.front() == '[') text_value.erase(0, 1);
  if (!text_value.empty() && text_value.back() == ']') text_value.pop_back();
  std::string parts[2];
  const size_t cross = text_value.find('x');
  int count = 1;
  parts[0] = text_value.substr(0, cross);
  if (cross != std::string::npos) {
    parts[1] = text_value.substr(cross + 1);
    count = 2;
  }
  double numbers[2] = {0, 0};
  bool ok = parts[1].find('x') == std::string::npos;
  for (int i = 0; i < count && ok; ++i) {
    while (!parts[i].empty() && parts[i].front() == ' ') parts[i].erase(0, 1);
    ok = parse_number(parts[i], &numbers[i]);
  }
  if (!ok) {
    notes->push_back(printf_string(text().note_bad_value_fmt, key, it->second.c_str(),
                                   format_pair(*value).c_str()));
    return;
  }
  if (count == 1) numbers[1] = numbers[0];
  const IntPair used{clamp_to(numbers[0], range), clamp_to(numbers[1], range)};
  if (used.h != numbers[0] || used.w != numbers[1]) {
    notes->push_back(printf_string(text().note_clamped_fmt, key, it->second.c_str(), range.min,
                                   range.max, format_pair(used).c_str()));
  }
  *value = used;
}

void read_values(const std::map<std::string, std::string>& pairs, const char* key,
                 SharedValues* values, bool* edited, std::vector<std::string>* notes) {
  const auto it = pairs.find(key);
  if (it == pairs.end()) return;
  std::vector<float> parsed;
  std::string item;
  const std::string& list = it->second;
  bool ok = true;
  for (size_t i = 0; i <= list.size() && ok; ++i) {
    if (i == list.size() || list[i] == ',' || list[i] == '_') {
      double number = 0;
      ok = parse_number(item, &number) && std::isfinite(number);
      if (ok) {
        parsed.push_back(static_cast<float>(
            number > kValueLimit ? kValueLimit : number < -kValueLimit ? -kValueLimit : number));
      }
      item.clear();
    } else if (list[i] != '[' && list[i] != ']' && list[i] != ' ') {
      item += list[i];
    }
  }
  if (!ok || parsed.size() != values->size()) {
    notes->push_back(printf_string(text().note_data_length_fmt, key,
                                   ok ? std::to_string(parsed.size()).c_str() : "?",
                                   static_cast<int>(values->size())));
    return;
  }
  *values = std::move(parsed);
  *edited = true;
}

std::string format_values(const std::vector<float>& values) {
  std::string out;
  char number[32];
  for (size_t i = 0; i < values.size(); ++i) {
    std::snprintf(number, sizeof number, "%.6g", static_cast<double>(values[i]));
    if (i > 0) out += ',';
    out += number;
  }
  return out;
}

}  // namespace

std::string format_pair(const IntPair& pair) {
  if (pair.square()) return std::to_string(pair.h);
  return std::to_string(pair.h) + "x" + std::to_string(pair.w);
}

void apply_query(const std::string& raw, Document* doc, std::vector<std::string>* notes) {
  const std::map<std::string, std::string> pairs = split_query(raw);
  const Document before = *doc;

  if (auto it = pairs.find("op"); it != pairs.end()) {
    if (it->second == "conv2d") {
      doc->op = Op::kConv2d;
    } else if (it->second == "conv_transpose2d") {
      doc->op = Op::kConvTranspose2d;
    } else {
      notes->push_back(printf_string(text().note_bad_value_fmt, "op", it->second.c_str(),
                                     doc->op == Op::kConv2d ? "conv2d" : "conv_transpose2d"));
    }
  }
  read_pair(pairs, "in", kInputSizeRange, &doc->in, notes);
  read_int(pairs, "cin", kChannelRange, &doc->in_channels, notes);
  read_int(pairs, "cout", kChannelRange, &doc->out_channels, notes);
  read_pair(pairs, "k", kKernelRange, &doc->kernel, notes);
  read_pair(pairs, "s", kStrideRange, &doc->stride, notes);
  if (auto it = pairs.find("p"); it != pairs.end()) {
    if (it->second == "same" || it->second == "valid") {
      doc->padding_kind = it->second == "same" ? PaddingKind::kSame : PaddingKind::kValid;
    } else {
      doc->padding_kind = PaddingKind::kExplicit;
      read_pair(pairs, "p", kPaddingRange, &doc->padding, notes);
    }
  }
  read_pair(pairs, "d", kDilationRange, &doc->dilation, notes);
  read_pair(pairs, "op_pad", kOutputPaddingRange, &doc->output_padding, notes);
  read_int(pairs, "g", kGroupsRange, &doc->groups, notes);
  if (auto it = pairs.find("mode"); it != pairs.end()) {
    PaddingMode mode;
    if (parse_padding_mode(it->second, &mode).ok()) {
      doc->mode = mode;
    } else {
      notes->push_back(printf_string(text().note_bad_value_fmt, "mode", it->second.c_str(),
                                     padding_mode_name(doc->mode)));
    }
  }
  if (auto it = pairs.find("bias"); it != pairs.end()) {
    doc->use_bias = it->second == "1" || it->second == "true";
  }
  for (const auto& [key, target] : {std::pair<const char*, Preset*>{"xp", &doc->input_preset},
                                    std::pair<const char*, Preset*>{"wp", &doc->weight_preset}}) {
    if (auto it = pairs.find(key); it != pairs.end()) {
      if (!parse_preset(it->second.c_str(), target)) {
        notes->push_back(
            printf_string(text().note_bad_value_fmt, key, it->second.c_str(), preset_key(*target)));
      } else {
        (key[0] == 'x' ? doc->input_edited : doc->weight_edited) = false;
      }
    }
  }

  repair_document(doc, notes);
  // Tensors follow the shapes; a new preset refills.
  if (doc->input_preset != before.input_preset || !doc->input_edited) doc->input.clear();
  if (doc->weight_preset != before.weight_preset || !doc->weight_edited) doc->weight.clear();
  conform_tensors(doc, &before);
  read_values(pairs, "x", &doc->input, &doc->input_edited, notes);
  read_values(pairs, "w", &doc->weight, &doc->weight_edited, notes);
  read_values(pairs, "b", &doc->bias, &doc->bias_edited, notes);
}

std::string format_hash(const Document& doc) {
  const bool transposed = is_transposed(doc);
  std::string hash = transposed ? "op=conv_transpose2d" : "op=conv2d";
  hash += "&in=" + std::to_string(doc.in.h) + "x" + std::to_string(doc.in.w);
  hash += "&cin=" + std::to_string(doc.in_channels);
  hash += "&cout=" + std::to_string(doc.out_channels);
  hash += "&k=" + format_pair(doc.kernel);
  hash += "&s=" + format_pair(doc.stride);
  if (!transposed && doc.padding_kind == PaddingKind::kSame) {
    hash += "&p=same";
  } else if (!transposed && doc.padding_kind == PaddingKind::kValid) {
    hash += "&p=valid";
  } else {
    hash += "&p=" + format_pair(doc.padding);
  }
  hash += "&d=" + format_pair(doc.dilation);
  if (transposed) hash += "&op_pad=" + format_pair(doc.output_padding);
  hash += "&g=" + std::to_string(doc.groups);
  if (!transposed) hash += std::string("&mode=") + padding_mode_name(doc.mode);
  if (doc.use_bias) hash += "&bias=1";
  if (doc.input_preset != Preset::kRandom) hash += std::string("&xp=") + preset_key(doc.input_preset);
  if (doc.weight_preset != Preset::kRandom) hash += std::string("&wp=") + preset_key(doc.weight_preset);
  if (doc.input_edited) hash += "&x=" + format_values(doc.input);
  if (doc.weight_edited) hash += "&w=" + format_values(doc.weight);
  if (doc.use_bias && doc.bias_edited) hash += "&b=" + format_values(doc.bias);
  return hash;
}

}  // namespace convplay::app
