// Errors the engine reports: a stable code, the parameter at fault, and a message
// worded as PyTorch 1.13 words it, so a learner can search for it.
#pragma once

#include <string>

namespace convplay {

// One row per kind of rejection. The names are stable: bindings and tests use them.
#define CONVPLAY_ERROR_CODES(X)                                                        \
  X(kOk, "ok")                                                                         \
  X(kBadInputRank, "bad_input_rank")                 /* input is not 3-D or 4-D */     \
  X(kBadWeightRank, "bad_weight_rank")               /* weight is not 4-D */           \
  X(kBadTupleLength, "bad_tuple_length")             /* stride=[1,1,1] */              \
  X(kNonPositiveGroups, "non_positive_groups")                                         \
  X(kNegativePadding, "negative_padding")                                              \
  X(kNegativeOutputPadding, "negative_output_padding")                                 \
  X(kNonPositiveStride, "non_positive_stride")                                         \
  X(kNonPositiveDilation, "non_positive_dilation")                                     \
  X(kNonPositiveKernel, "non_positive_kernel")                                         \
  X(kWeightGroupsMismatch, "weight_groups_mismatch") /* weight[0] vs groups */         \
  X(kChannelMismatch, "channel_mismatch")            /* input channels vs weight */    \
  X(kBiasMismatch, "bias_mismatch")                                                    \
  X(kKernelTooLarge, "kernel_too_large")             /* padded input < kernel */       \
  X(kOutputTooSmall, "output_too_small")             /* transposed output <= 0 */      \
  X(kOutputPaddingTooLarge, "output_padding_too_large")                                \
  X(kBadOutputSize, "bad_output_size")               /* output_size length / range */  \
  X(kBadPaddingString, "bad_padding_string")                                           \
  X(kSameWithStride, "same_with_stride")                                               \
  X(kBadPaddingMode, "bad_padding_mode")                                               \
  X(kPaddingModeNotSupported, "padding_mode_not_supported") /* transposed, not zeros */ \
  X(kPaddingTooLargeForMode, "padding_too_large_for_mode")  /* reflect / circular */   \
  X(kBadArgument, "bad_argument")                    /* wrong type, bad data length */ \
  X(kTooLarge, "too_large")                          /* beyond convplay's limits */     \
  X(kEmptyWeight, "empty_weight")                    /* transposed, weight[1] == 0 */

enum class ErrorCode {
#define CONVPLAY_ENUM_ROW(name, text) name,
  CONVPLAY_ERROR_CODES(CONVPLAY_ENUM_ROW)
#undef CONVPLAY_ENUM_ROW
};

// The stable snake_case name of a code, e.g. "channel_mismatch".
const char* error_code_name(ErrorCode code);

struct Status {
  ErrorCode code = ErrorCode::kOk;
  std::string param;        // the offending parameter: "stride", "weight", "input", ...
  std::string message;      // PyTorch's wording
  std::string python_type;  // the exception class PyTorch raises: RuntimeError, ValueError, TypeError

  bool ok() const { return code == ErrorCode::kOk; }

  static Status Ok() { return {}; }
  static Status Error(ErrorCode code, std::string param, std::string message,
                      std::string python_type = "RuntimeError") {
    return {code, std::move(param), std::move(message), std::move(python_type)};
  }
};

}  // namespace convplay
