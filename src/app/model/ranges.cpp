// The per-axis validity rules, written once from the engine's checks, and the slider
// ranges derived from them by trying each value of a (small) static range.
#include "app/model/ranges.h"

#include <algorithm>

namespace convplay::app {

IntPair& axis_field(Document* doc, AxisField field) {
  switch (field) {
    case AxisField::kInput: return doc->in;
    case AxisField::kKernel: return doc->kernel;
    case AxisField::kStride: return doc->stride;
    case AxisField::kPadding: return doc->padding;
    case AxisField::kDilation: return doc->dilation;
    case AxisField::kOutputPadding: return doc->output_padding;
  }
  return doc->in;
}

const IntPair& axis_field(const Document& doc, AxisField field) {
  return axis_field(const_cast<Document*>(&doc), field);
}

Range static_range(AxisField field) {
  switch (field) {
    case AxisField::kInput: return kInputSizeRange;
    case AxisField::kKernel: return kKernelRange;
    case AxisField::kStride: return kStrideRange;
    case AxisField::kPadding: return kPaddingRange;
    case AxisField::kDilation: return kDilationRange;
    case AxisField::kOutputPadding: return kOutputPaddingRange;
  }
  return kInputSizeRange;
}

namespace {

// One axis of the geometry, indexed by AxisField (no tensors: cheap to copy and vary).
struct AxisValues {
  int v[kAxisFieldCount];
  int operator[](AxisField f) const { return v[static_cast<int>(f)]; }
};

AxisValues axis_values(const Document& doc, int axis) {
  AxisValues a{};
  for (int f = 0; f < kAxisFieldCount; ++f) {
    const IntPair& pair = axis_field(doc, static_cast<AxisField>(f));
    a.v[f] = axis == 0 ? pair.h : pair.w;
  }
  return a;
}

// plan_conv2d: padding-mode limits (reflect: each pad < size; circular: <= size), then the
// dilated kernel must fit the padded input; 'same' needs stride 1.
bool conv2d_accepted(const Document& doc, const AxisValues& a) {
  const int in = a[AxisField::kInput];
  const int kernel = a[AxisField::kKernel];
  const int stride = a[AxisField::kStride];
  const int dilation = a[AxisField::kDilation];
  if (in < 1 || kernel < 1 || stride < 1 || dilation < 1 || a[AxisField::kPadding] < 0) {
    return false;
  }
  const int dilated_kernel = dilation * (kernel - 1) + 1;
  int before = 0, after = 0;
  switch (doc.padding_kind) {
    case PaddingKind::kExplicit: before = after = a[AxisField::kPadding]; break;
    case PaddingKind::kValid: break;
    case PaddingKind::kSame:
      if (stride != 1) return false;
      before = (dilated_kernel - 1) / 2;
      after = dilated_kernel - 1 - before;
      break;
  }
  if (doc.mode == PaddingMode::kReflect && (before >= in || after >= in)) return false;
  if (doc.mode == PaddingMode::kCircular && (before > in || after > in)) return false;
  return in + before + after >= dilated_kernel;
}

// plan_conv_transpose2d: output_padding < stride or < dilation, and the output
// (in-1)s - 2p + d(k-1) + op + 1 is at least 1.
bool conv_transpose2d_accepted(const AxisValues& a) {
  const int in = a[AxisField::kInput];
  const int kernel = a[AxisField::kKernel];
  const int stride = a[AxisField::kStride];
  const int padding = a[AxisField::kPadding];
  const int dilation = a[AxisField::kDilation];
  const int output_padding = a[AxisField::kOutputPadding];
  if (in < 1 || kernel < 1 || stride < 1 || dilation < 1 || padding < 0 || output_padding < 0) {
    return false;
  }
  if (output_padding >= stride && output_padding >= dilation) return false;
  return (in - 1) * stride - 2 * padding + dilation * (kernel - 1) + output_padding + 1 > 0;
}

bool accepted(const Document& doc, const AxisValues& a) {
  return is_transposed(doc) ? conv_transpose2d_accepted(a) : conv2d_accepted(doc, a);
}

}  // namespace

bool axis_accepted(const Document& doc, int axis) { return accepted(doc, axis_values(doc, axis)); }

Range valid_range(const Document& doc, AxisField field, int axis) {
  const Range all = static_range(field);
  AxisValues trial = axis_values(doc, axis);
  Range found{all.max + 1, all.min - 1};  // empty until a value passes
  for (int v = all.min; v <= all.max; ++v) {
    trial.v[static_cast<int>(field)] = v;
    if (!accepted(doc, trial)) continue;
    found.min = std::min(found.min, v);
    found.max = v;
  }
  return found;
}

int nearest_valid_groups(int in_channels, int out_channels, int groups) {
  for (int g = std::max(groups, 1); g > 1; --g) {
    if (in_channels % g == 0 && out_channels % g == 0) return g;
  }
  return 1;
}

}  // namespace convplay::app
