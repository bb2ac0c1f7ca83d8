#include "params.h"

#include "format.h"

namespace convplay {

namespace {

// The JS API's name for a PyTorch parameter name.
std::string api_param_name(const std::string& torch_name) {
  if (torch_name == "output_padding") return "outputPadding";
  if (torch_name == "output_size") return "outputSize";
  if (torch_name == "padding_mode") return "paddingMode";
  return torch_name;
}

}  // namespace

Status make_pair(const char* name, const std::vector<int64_t>& values, Pair* out) {
  if (values.size() == 1) {
    *out = {values[0], values[0]};
    return Status::Ok();
  }
  if (values.size() == 2) {
    *out = {values[0], values[1]};
    return Status::Ok();
  }
  return Status::Error(ErrorCode::kBadTupleLength, api_param_name(name),
                       cat("expected ", name,
                           " to be a single integer value or a list of 2 values to match the "
                           "convolution dimensions, but got ",
                           name, "=", format_list(values)));
}

void read_pair(const char* name, const std::vector<int64_t>& values, Pair* out, Status* deferred,
               std::vector<GivenTuple>* odd_tuples) {
  Status s = make_pair(name, values, out);
  if (s.ok()) return;
  if (odd_tuples) odd_tuples->push_back({name, values});
  if (deferred->ok()) *deferred = std::move(s);
}

Status parse_padding_string(const std::string& text, PaddingKind* out) {
  if (text == "same") {
    *out = PaddingKind::kSame;
    return Status::Ok();
  }
  if (text == "valid") {
    *out = PaddingKind::kValid;
    return Status::Ok();
  }
  return Status::Error(ErrorCode::kBadPaddingString, "padding",
                       cat("Invalid padding string: '", text, "'"));
}

Status parse_padding_mode(const std::string& text, PaddingMode* out) {
  for (PaddingMode mode : {PaddingMode::kZeros, PaddingMode::kReflect, PaddingMode::kReplicate,
                           PaddingMode::kCircular}) {
    if (text == padding_mode_name(mode)) {
      *out = mode;
      return Status::Ok();
    }
  }
  // PyTorch prints a Python set here, whose order varies per process; this is one of them.
  return Status::Error(ErrorCode::kBadPaddingMode, "paddingMode",
                       cat("padding_mode must be one of {'zeros', 'reflect', 'replicate', "
                           "'circular'}, but got padding_mode='",
                           text, "'"),
                       "ValueError");
}

const char* padding_mode_name(PaddingMode mode) {
  switch (mode) {
    case PaddingMode::kZeros:
      return "zeros";
    case PaddingMode::kReflect:
      return "reflect";
    case PaddingMode::kReplicate:
      return "replicate";
    case PaddingMode::kCircular:
      return "circular";
  }
  return "zeros";
}

}  // namespace convplay
