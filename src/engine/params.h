// The parameters of the two operations, with PyTorch's defaults, and the parsers
// that turn user-facing values ("same", "reflect", [h, w]) into them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "status.h"

namespace convplay {

// One value per spatial axis.
struct Pair {
  int64_t h = 0;
  int64_t w = 0;
};

// A tuple argument given with a length other than 1 or 2, as given: PyTorch judges its
// length again against a weight of the wrong rank (checks.h, check_weight_rank).
struct GivenTuple {
  std::string name;  // PyTorch's: "stride", "padding", "dilation", "output_padding"
  std::vector<int64_t> values;
};

enum class PaddingKind { kExplicit, kSame, kValid };
enum class PaddingMode { kZeros, kReflect, kReplicate, kCircular };

struct Conv2dParams {
  Pair stride{1, 1};
  Pair padding{0, 0};  // used when padding_kind == kExplicit
  PaddingKind padding_kind = PaddingKind::kExplicit;
  Pair dilation{1, 1};
  int64_t groups = 1;
  PaddingMode padding_mode = PaddingMode::kZeros;
  // A tuple of the wrong length met while reading the arguments (see read_pair).
  Status deferred_tuple_error;
  std::vector<GivenTuple> odd_tuples;
};

struct ConvTranspose2dParams {
  Pair stride{1, 1};
  Pair padding{0, 0};
  Pair output_padding{0, 0};
  Pair dilation{1, 1};
  int64_t groups = 1;
  // ConvTranspose2d accepts only kZeros; kept so the rejection has one home.
  PaddingMode padding_mode = PaddingMode::kZeros;
  // As nn.ConvTranspose2d.forward(input, output_size): 2 spatial sizes, or with the
  // leading dims of the input; when set it replaces output_padding entirely.
  std::optional<std::vector<int64_t>> output_size;
  Status deferred_tuple_error;
  std::vector<GivenTuple> odd_tuples;
};

// `stride=[1, 1, 1]` → PyTorch's "expected stride to be a single integer value or a
// list of 2 values ..." error. One value means the same for both axes.
Status make_pair(const char* name, const std::vector<int64_t>& values, Pair* out);

// make_pair for argument readers: a wrong length is kept in *deferred (the first one
// wins; read stride, padding, dilation, output_padding in that order, as PyTorch
// expands them) instead of returned, because PyTorch reports it only after the input
// rank, weight rank and groups checks. plan_* returns it at that point. The odd tuple
// itself goes to *odd_tuples (when given) for the weight-rank check.
void read_pair(const char* name, const std::vector<int64_t>& values, Pair* out, Status* deferred,
               std::vector<GivenTuple>* odd_tuples = nullptr);

// "same" / "valid" (case-sensitive, like PyTorch).
Status parse_padding_string(const std::string& text, PaddingKind* out);

// "zeros" | "reflect" | "replicate" | "circular".
Status parse_padding_mode(const std::string& text, PaddingMode* out);
const char* padding_mode_name(PaddingMode mode);

}  // namespace convplay
