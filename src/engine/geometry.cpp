// The parts of a resolved geometry that both ops share.
#include "geometry.h"

namespace convplay {

Shape ConvGeometry::output_shape() const {
  if (!batched) return {out_channels, out_h, out_w};
  return {batch, out_channels, out_h, out_w};
}

void ConvGeometry::set_from(const Shape& input_shape, const Dims4& input4,
                            const Shape& weight_shape, int64_t out_channels_, int64_t groups_,
                            Pair stride_, Pair dilation_) {
  batched = input_shape.size() == 4;
  batch = input4[0];
  in_channels = input4[1];
  in_h = input4[2];
  in_w = input4[3];
  out_channels = out_channels_;
  kernel_h = weight_shape[2];
  kernel_w = weight_shape[3];
  groups = groups_;
  stride = stride_;
  dilation = dilation_;
}

}  // namespace convplay
