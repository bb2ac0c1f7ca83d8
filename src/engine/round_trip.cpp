// Conv2d's output size floors (i + 2p - d(k-1) - 1)/s, so s consecutive input sizes
// share one output size; ConvTranspose2d's output_padding says which one to restore.
#include "round_trip.h"

#include "format.h"
#include "geometry.h"
#include "limits.h"

namespace convplay {

Status conv2d_round_trip(int64_t input_size, int64_t kernel, int64_t stride, int64_t padding,
                         int64_t dilation, RoundTripAxis* out) {
  // One axis of a [1, 1, H, 1] problem, so the messages are plan_conv2d's own.
  Conv2dParams params;
  params.stride = {stride, 1};
  params.padding = {padding, 0};
  params.dilation = {dilation, 1};
  Conv2dGeometry g;
  if (Status s = plan_conv2d({1, 1, input_size, 1}, {1, 1, kernel, 1}, nullptr, params, &g);
      !s.ok()) {
    return s;
  }
  if (stride > kMaxRoundTripCandidates) {
    return Status::Error(ErrorCode::kTooLarge, "stride",
                         cat("the round trip lists one input size per stride step, and stride ",
                             stride, " is more than convplay lists (", kMaxRoundTripCandidates,
                             ")"));
  }
  RoundTripAxis r;
  r.input_size = input_size;
  r.output_size = g.out_h;
  // The smallest input with this output is exactly what ConvTranspose2d gives with
  // output_padding 0; the next stride-1 sizes need output_padding 1, 2, ...
  const int64_t smallest = conv_transpose_output_size(r.output_size, kernel, stride, padding,
                                                      dilation, 0);
  for (int64_t op = 0; op < stride; ++op) {
    const int64_t size = smallest + op;
    if (size < 1) continue;
    r.candidates.push_back({size, op, op < stride || op < dilation});
  }
  *out = std::move(r);
  return Status::Ok();
}

}  // namespace convplay
