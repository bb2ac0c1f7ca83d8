// ConvTranspose2d: torch.nn.functional.conv_transpose2d, and nn.ConvTranspose2d's
// forward(input, output_size).
#pragma once

#include "params.h"
#include "status.h"
#include "tensor.h"

namespace convplay {

Status conv_transpose2d(const TensorView& input, const TensorView& weight, const TensorView* bias,
                        const ConvTranspose2dParams& params, Tensor* out);

// Direct scatter: each input pixel adds its weighted kernel into the output.
Status conv_transpose2d_reference(const TensorView& input, const TensorView& weight,
                                  const TensorView* bias, const ConvTranspose2dParams& params,
                                  Tensor* out);

}  // namespace convplay
