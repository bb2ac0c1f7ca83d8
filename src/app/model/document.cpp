// Shapes of the document's tensors and keeping their values in step with the shapes.
#include "app/model/document.h"

#include <algorithm>

#include "app/model/presets.h"

namespace convplay::app {

bool Document::operator==(const Document& o) const {
  return op == o.op && in == o.in && in_channels == o.in_channels &&
         out_channels == o.out_channels && kernel == o.kernel && stride == o.stride &&
         padding == o.padding && padding_kind == o.padding_kind && dilation == o.dilation &&
         output_padding == o.output_padding && groups == o.groups && use_bias == o.use_bias &&
         mode == o.mode && input == o.input && weight == o.weight && bias == o.bias &&
         input_preset == o.input_preset && weight_preset == o.weight_preset &&
         input_edited == o.input_edited && weight_edited == o.weight_edited &&
         bias_edited == o.bias_edited;
}

bool is_transposed(const Document& doc) { return doc.op == Op::kConvTranspose2d; }

Shape input_shape(const Document& doc) { return {1, doc.in_channels, doc.in.h, doc.in.w}; }

Shape weight_shape(const Document& doc) {
  const int groups = std::max(doc.groups, 1);
  if (is_transposed(doc)) {
    return {doc.in_channels, std::max(doc.out_channels / groups, 1), doc.kernel.h, doc.kernel.w};
  }
  return {doc.out_channels, std::max(doc.in_channels / groups, 1), doc.kernel.h, doc.kernel.w};
}

Shape bias_shape(const Document& doc) { return {doc.out_channels}; }

SharedValues& tensor_storage(Document* doc, TensorKind kind) {
  switch (kind) {
    case TensorKind::kInput: return doc->input;
    case TensorKind::kWeight: return doc->weight;
    case TensorKind::kBias: return doc->bias;
  }
  return doc->input;
}

const SharedValues& tensor_storage(const Document& doc, TensorKind kind) {
  return tensor_storage(const_cast<Document*>(&doc), kind);
}

std::vector<float>& tensor_values(Document* doc, TensorKind kind) {
  return tensor_storage(doc, kind).edit();
}

const std::vector<float>& tensor_values(const Document& doc, TensorKind kind) {
  return tensor_storage(doc, kind).values();
}

namespace {

Shape shape_of(const Document& doc, TensorKind kind) {
  switch (kind) {
    case TensorKind::kInput: return input_shape(doc);
    case TensorKind::kWeight: return weight_shape(doc);
    case TensorKind::kBias: return bias_shape(doc);
  }
  return {};
}

// Copies the overlapping block of two 4-D (or 1-D) row-major tensors.
void copy_overlap(const std::vector<float>& from, const Shape& from_shape, std::vector<float>* to,
                  const Shape& to_shape) {
  if (from_shape.size() != to_shape.size()) return;
  if (to_shape.size() == 1) {
    const int64_t n = std::min(from_shape[0], to_shape[0]);
    std::copy_n(from.begin(), n, to->begin());
    return;
  }
  if (to_shape.size() != 4) return;
  const int64_t a = std::min(from_shape[0], to_shape[0]);
  const int64_t b = std::min(from_shape[1], to_shape[1]);
  const int64_t h = std::min(from_shape[2], to_shape[2]);
  const int64_t w = std::min(from_shape[3], to_shape[3]);
  for (int64_t i = 0; i < a; ++i)
    for (int64_t j = 0; j < b; ++j)
      for (int64_t y = 0; y < h; ++y)
        for (int64_t x = 0; x < w; ++x) {
          const int64_t src = ((i * from_shape[1] + j) * from_shape[2] + y) * from_shape[3] + x;
          const int64_t dst = ((i * to_shape[1] + j) * to_shape[2] + y) * to_shape[3] + x;
          (*to)[static_cast<size_t>(dst)] = from[static_cast<size_t>(src)];
        }
}

Preset preset_of(const Document& doc, TensorKind kind) {
  switch (kind) {
    case TensorKind::kInput: return doc.input_preset;
    case TensorKind::kWeight: return doc.weight_preset;
    case TensorKind::kBias: return Preset::kRandom;
  }
  return Preset::kRandom;
}

bool edited(const Document& doc, TensorKind kind) {
  switch (kind) {
    case TensorKind::kInput: return doc.input_edited;
    case TensorKind::kWeight: return doc.weight_edited;
    case TensorKind::kBias: return doc.bias_edited;
  }
  return false;
}

// Unedited tensors are refilled from their preset (a ramp stays a ramp at any size);
// edited ones keep the values of the cells that still exist.
void conform_tensor(Document* doc, TensorKind kind, const Shape* previous_shape) {
  const Shape shape = shape_of(*doc, kind);
  SharedValues& values = tensor_storage(doc, kind);
  const bool same_shape = previous_shape != nullptr ? *previous_shape == shape
                                                    : static_cast<int64_t>(values.size()) ==
                                                          element_count(shape);
  if (same_shape && static_cast<int64_t>(values.size()) == element_count(shape)) return;
  std::vector<float> fresh;
  fill_preset(preset_of(*doc, kind), kind, shape, &fresh);
  if (edited(*doc, kind) && previous_shape != nullptr &&
      static_cast<int64_t>(values.size()) == element_count(*previous_shape)) {
    copy_overlap(values, *previous_shape, &fresh, shape);
  }
  values = std::move(fresh);
}

}  // namespace

void conform_tensors(Document* doc, const Document* before) {
  for (TensorKind kind : {TensorKind::kInput, TensorKind::kWeight, TensorKind::kBias}) {
    if (before != nullptr) {
      const Shape previous = shape_of(*before, kind);
      conform_tensor(doc, kind, &previous);
    } else {
      conform_tensor(doc, kind, nullptr);
    }
  }
}

void apply_preset(Document* doc, TensorKind kind, Preset preset) {
  switch (kind) {
    case TensorKind::kInput:
      doc->input_preset = preset;
      doc->input_edited = false;
      break;
    case TensorKind::kWeight:
      doc->weight_preset = preset;
      doc->weight_edited = false;
      break;
    case TensorKind::kBias:
      doc->bias_edited = false;
      break;
  }
  std::vector<float> fresh;
  fill_preset(preset, kind, shape_of(*doc, kind), &fresh);
  tensor_storage(doc, kind) = std::move(fresh);
}

Conv2dParams conv2d_params(const Document& doc) {
  Conv2dParams p;
  p.stride = {doc.stride.h, doc.stride.w};
  p.padding = {doc.padding.h, doc.padding.w};
  p.padding_kind = doc.padding_kind;
  p.dilation = {doc.dilation.h, doc.dilation.w};
  p.groups = doc.groups;
  p.padding_mode = doc.mode;
  return p;
}

ConvTranspose2dParams conv_transpose2d_params(const Document& doc) {
  ConvTranspose2dParams p;
  p.stride = {doc.stride.h, doc.stride.w};
  p.padding = {doc.padding.h, doc.padding.w};
  p.output_padding = {doc.output_padding.h, doc.output_padding.w};
  p.dilation = {doc.dilation.h, doc.dilation.w};
  p.groups = doc.groups;
  return p;
}

}  // namespace convplay::app
