// Conv2d: torch.nn.functional.conv2d, and nn.Conv2d with a padding_mode.
#pragma once

#include "params.h"
#include "status.h"
#include "tensor.h"

namespace convplay {

// bias may be null. On success *out holds a fresh tensor; on error *out is untouched.
Status conv2d(const TensorView& input, const TensorView& weight, const TensorView* bias,
              const Conv2dParams& params, Tensor* out);

// The readable loops every fast path is tested against. Same contract as conv2d.
Status conv2d_reference(const TensorView& input, const TensorView& weight, const TensorView* bias,
                        const Conv2dParams& params, Tensor* out);

}  // namespace convplay
