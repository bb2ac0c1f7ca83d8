// Turns a golden case's option object (the JS API's keys, CONTRACT.md §3) into engine
// params, through the engine's own parsers so that tuple-length and string errors are the
// engine's. Pairs are parsed in PyTorch's order, so that of two malformed tuples the one
// PyTorch reports is the one that fails here.
#pragma once

#include <nlohmann/json.hpp>

#include "engine/params.h"
#include "engine/status.h"

namespace convplay::golden {

// conv2d keys: stride, padding (int, [h, w], 'same', 'valid'), dilation, groups, paddingMode.
Status conv2d_params_from_options(const nlohmann::json& options, Conv2dParams* out);

// conv_transpose2d keys: stride, padding, outputPadding, dilation, groups, outputSize,
// paddingMode (only 'zeros' is valid, as in nn.ConvTranspose2d).
Status conv_transpose2d_params_from_options(const nlohmann::json& options,
                                            ConvTranspose2dParams* out);

// Option keys the op does not know (a fixture the harness cannot map must fail loudly).
std::vector<std::string> unknown_option_keys(const std::string& op, const nlohmann::json& options);

}  // namespace convplay::golden
