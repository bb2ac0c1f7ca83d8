#include "golden_options.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace convplay::golden {

namespace {

using nlohmann::json;

// An int, or a list of ints of any length (make_pair judges the length).
std::vector<int64_t> int_list(const json& value) {
  if (value.is_array()) return value.get<std::vector<int64_t>>();
  return {value.get<int64_t>()};
}

// Sets *out from options[key] when present; the default stays otherwise. A tuple of
// the wrong length is deferred to plan_*, which reports it where PyTorch does.
void read_option_pair(const json& options, const char* key, const char* torch_name, Pair* out,
                      Status* deferred, std::vector<GivenTuple>* odd_tuples) {
  if (options.contains(key)) {
    read_pair(torch_name, int_list(options.at(key)), out, deferred, odd_tuples);
  }
}

}  // namespace

Status conv2d_params_from_options(const json& options, Conv2dParams* out) {
  Conv2dParams params;
  // nn.Conv2d's constructor rejects a bad padding_mode before anything else runs.
  if (options.contains("paddingMode")) {
    Status s = parse_padding_mode(options.at("paddingMode").get<std::string>(), &params.padding_mode);
    if (!s.ok()) return s;
  }
  Status* deferred = &params.deferred_tuple_error;
  read_option_pair(options, "stride", "stride", &params.stride, deferred, &params.odd_tuples);
  if (options.contains("padding") && options.at("padding").is_string()) {
    Status s = parse_padding_string(options.at("padding").get<std::string>(), &params.padding_kind);
    if (!s.ok()) return s;
  } else {
    read_option_pair(options, "padding", "padding", &params.padding, deferred, &params.odd_tuples);
  }
  read_option_pair(options, "dilation", "dilation", &params.dilation, deferred, &params.odd_tuples);
  if (options.contains("groups")) params.groups = options.at("groups").get<int64_t>();
  *out = params;
  return Status::Ok();
}

Status conv_transpose2d_params_from_options(const json& options, ConvTranspose2dParams* out) {
  ConvTranspose2dParams params;
  // nn.ConvTranspose2d's constructor refuses any mode but 'zeros' first; plan_* says so.
  if (options.contains("paddingMode")) {
    Status s = parse_padding_mode(options.at("paddingMode").get<std::string>(), &params.padding_mode);
    if (!s.ok()) return s;
  }
  // PyTorch's _convolution expands stride, padding, dilation, output_padding in that order.
  Status* deferred = &params.deferred_tuple_error;
  read_option_pair(options, "stride", "stride", &params.stride, deferred, &params.odd_tuples);
  read_option_pair(options, "padding", "padding", &params.padding, deferred, &params.odd_tuples);
  read_option_pair(options, "dilation", "dilation", &params.dilation, deferred, &params.odd_tuples);
  read_option_pair(options, "outputPadding", "output_padding", &params.output_padding, deferred, &params.odd_tuples);
  if (options.contains("groups")) params.groups = options.at("groups").get<int64_t>();
  if (options.contains("outputSize")) {
    params.output_size = options.at("outputSize").get<std::vector<int64_t>>();
  }
  *out = params;
  return Status::Ok();
}

std::vector<std::string> unknown_option_keys(const std::string& op, const json& options) {
  static const std::vector<std::string> conv2d_keys = {"stride", "padding", "dilation", "groups",
                                                       "paddingMode"};
  static const std::vector<std::string> transposed_keys = {
      "stride", "padding", "dilation", "groups", "outputPadding", "outputSize", "paddingMode"};
  const auto& known = op == "conv2d" ? conv2d_keys : transposed_keys;
  std::vector<std::string> unknown;
  for (const auto& item : options.items()) {
    if (std::find(known.begin(), known.end(), item.key()) == known.end()) unknown.push_back(item.key());
  }
  return unknown;
}

}  // namespace convplay::golden
