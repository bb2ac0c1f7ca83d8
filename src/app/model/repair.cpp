// Repairing a document the engine rejects: move the least trusted per-axis value into its
// valid range (ranges.h), one axis at a time; where no single value can help, each engine
// error code has one small fix; repeat until the engine agrees.
#include "app/model/repair.h"

#include <algorithm>
#include <cstdio>

#include "engine/geometry.h"
#include "app/model/state_keys.h"
#include "app/model/text.h"

namespace convplay::app {

Status check_document(const Document& doc) {
  const Shape in = input_shape(doc);
  const Shape weight = weight_shape(doc);
  const Shape bias = bias_shape(doc);
  const Shape* bias_ptr = doc.use_bias ? &bias : nullptr;
  if (is_transposed(doc)) {
    ConvTranspose2dGeometry geometry;
    return plan_conv_transpose2d(in, weight, bias_ptr, conv_transpose2d_params(doc), &geometry);
  }
  Conv2dGeometry geometry;
  return plan_conv2d(in, weight, bias_ptr, conv2d_params(doc), &geometry);
}

namespace {

// The fields in the order repair tries them within one trust level: the padding before
// the sizes a link is about (so `in=3&k=9` keeps both and pads), and the kernel before the
// input (the data stays as the link has it).
constexpr AxisField kRepairOrder[] = {AxisField::kPadding, AxisField::kOutputPadding,
                                      AxisField::kDilation, AxisField::kStride,
                                      AxisField::kKernel, AxisField::kInput};

// Moves one axis of the least trusted field that can fix it to its nearest valid value.
// False when no single per-axis value helps.
bool fix_axis(Document* doc, const FieldTrust& trust) {
  for (KeyTrust level : {KeyTrust::kRepaired, KeyTrust::kAbsent, KeyTrust::kGiven}) {
    for (AxisField field : kRepairOrder) {
      if (trust.of[static_cast<int>(field)] != level) continue;
      for (int axis = 0; axis < 2; ++axis) {
        if (axis_accepted(*doc, axis)) continue;
        const Range valid = valid_range(*doc, field, axis);
        if (valid.empty()) continue;
        IntPair& pair = axis_field(doc, field);
        int& value = axis == 0 ? pair.h : pair.w;
        value = valid.clamp(value);
        return true;
      }
    }
  }
  return false;
}

// Shrinks a per-axis value by one on the axes where it is above `floor`. False when
// nothing could shrink.
bool shrink(IntPair* pair, int floor) {
  bool changed = false;
  if (pair->h > floor) --pair->h, changed = true;
  if (pair->w > floor) --pair->w, changed = true;
  return changed;
}

// One step towards validity for the error at hand. False when it knows no fix.
bool fix_one(const Status& status, Document* doc) {
  switch (status.code) {
    case ErrorCode::kNonPositiveGroups:
    case ErrorCode::kWeightGroupsMismatch:
    case ErrorCode::kChannelMismatch:
    case ErrorCode::kBiasMismatch: {
      const int g = nearest_valid_groups(doc->in_channels, doc->out_channels, doc->groups);
      if (g == doc->groups) return false;
      doc->groups = g;
      return true;
    }
    case ErrorCode::kKernelTooLarge:
      // The nearest valid configuration keeps the input and shrinks the (dilated) kernel.
      if (shrink(&doc->dilation, 1)) return true;
      return shrink(&doc->kernel, 1);
    case ErrorCode::kOutputTooSmall:
      if (shrink(&doc->padding, 0)) return true;
      return shrink(&doc->dilation, 1) || shrink(&doc->stride, 1);
    case ErrorCode::kOutputPaddingTooLarge: {
      const IntPair before = doc->output_padding;
      doc->output_padding.h =
          std::min(doc->output_padding.h, std::max(doc->stride.h, doc->dilation.h) - 1);
      doc->output_padding.w =
          std::min(doc->output_padding.w, std::max(doc->stride.w, doc->dilation.w) - 1);
      return doc->output_padding != before;
    }
    case ErrorCode::kSameWithStride:
      if (doc->stride == IntPair{1, 1}) return false;
      doc->stride = {1, 1};
      return true;
    case ErrorCode::kPaddingModeNotSupported:
    case ErrorCode::kBadPaddingMode:
      if (doc->mode == PaddingMode::kZeros) return false;
      doc->mode = PaddingMode::kZeros;
      return true;
    case ErrorCode::kPaddingTooLargeForMode: {
      // reflect needs pad < size, circular pad <= size.
      const int slack = doc->mode == PaddingMode::kReflect ? 1 : 0;
      const IntPair before = doc->padding;
      if (doc->padding_kind != PaddingKind::kExplicit) {
        doc->padding_kind = PaddingKind::kExplicit;
        doc->padding = {0, 0};
        return true;
      }
      doc->padding.h = std::max(0, std::min(doc->padding.h, doc->in.h - slack));
      doc->padding.w = std::max(0, std::min(doc->padding.w, doc->in.w - slack));
      if (doc->padding != before) return true;
      doc->mode = PaddingMode::kZeros;
      return true;
    }
    default:
      return false;
  }
}

}  // namespace

// "k=9 → 5, d=2 → 1": what repair changed, in the hash's own words.
std::string describe_changes(const Document& a, const Document& b) {
  std::string out;
  auto add = [&out](const char* key, const IntPair& from, const IntPair& to) {
    if (from == to) return;
    if (!out.empty()) out += ", ";
    out += std::string(key) + "=" + format_pair(from) + " \u2192 " + format_pair(to);
  };
  add("in", a.in, b.in);
  add("k", a.kernel, b.kernel);
  add("s", a.stride, b.stride);
  add("p", a.padding, b.padding);
  add("d", a.dilation, b.dilation);
  add("op_pad", a.output_padding, b.output_padding);
  add("g", {a.groups, a.groups}, {b.groups, b.groups});
  if (a.mode != b.mode) {
    if (!out.empty()) out += ", ";
    out += std::string("mode=") + padding_mode_name(a.mode) + " \u2192 " + padding_mode_name(b.mode);
  }
  if (a.padding_kind != b.padding_kind) {
    if (!out.empty()) out += ", ";
    out += "p=" + std::string(a.padding_kind == PaddingKind::kSame ? "same" : "valid") +
           " \u2192 " + format_pair(b.padding);
  }
  return out;
}

void repair_document(Document* doc, std::vector<std::string>* notes, const FieldTrust& trust) {
  // ConvTranspose2d knows neither 'same'/'valid' nor padding modes, and Conv2d has no
  // output_padding: those fields are not part of the other op's hash, so reset quietly.
  if (is_transposed(*doc)) {
    doc->padding_kind = PaddingKind::kExplicit;
    doc->mode = PaddingMode::kZeros;
  } else {
    doc->output_padding = {0, 0};
  }
  const Document original = *doc;
  Status first_error;
  // Each step moves a value towards validity; 256 is far more than the ranges allow.
  for (int attempt = 0; attempt < 256; ++attempt) {
    const Status status = check_document(*doc);
    if (status.ok()) break;
    if (first_error.ok()) first_error = status;
    if (fix_axis(doc, trust)) continue;
    if (!fix_one(status, doc)) {
      // No targeted fix: the parameters' defaults, keeping the op and the sizes.
      Document fresh;
      fresh.op = doc->op;
      fresh.in = doc->in;
      fresh.in_channels = doc->in_channels;
      fresh.out_channels = fresh.in_channels;
      *doc = fresh;
      break;
    }
  }
  if (first_error.ok()) return;
  char buffer[800];
  std::snprintf(buffer, sizeof buffer, text().note_fixed_fmt, first_error.message.c_str(),
                describe_changes(original, *doc).c_str());
  notes->push_back(buffer);
}

}  // namespace convplay::app
