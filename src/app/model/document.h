// The playground's one state: what the URL hash, window.convplay, undo/redo and every
// panel read and write. Plain data; the rules for making it valid live in repair.cpp.
#pragma once

#include <cstdint>
#include <vector>

#include "app/model/shared_values.h"
#include "engine/params.h"
#include "engine/tensor.h"

namespace convplay::app {

enum class Op { kConv2d, kConvTranspose2d };
enum class Preset { kImpulse, kOnes, kRamp, kRandom, kCheckerboard };
enum class TensorKind { kInput, kWeight, kBias };

struct IntPair {
  int h = 1;
  int w = 1;
  bool operator==(const IntPair& o) const { return h == o.h && w == o.w; }
  bool operator!=(const IntPair& o) const { return !(*this == o); }
  bool square() const { return h == w; }
};

struct Document {
  Op op = Op::kConv2d;
  IntPair in{5, 5};
  int in_channels = 1;
  int out_channels = 1;
  IntPair kernel{3, 3};
  IntPair stride{1, 1};
  IntPair padding{0, 0};  // when padding_kind is explicit
  PaddingKind padding_kind = PaddingKind::kExplicit;  // 'same' / 'valid': Conv2d only
  IntPair dilation{1, 1};
  IntPair output_padding{0, 0};  // ConvTranspose2d only
  int groups = 1;
  bool use_bias = false;
  PaddingMode mode = PaddingMode::kZeros;  // Conv2d only

  // Row-major values, sized by conform_tensors() to the shapes below. Shared between
  // copies (history, the last result) until written: a copy of a document is O(1).
  SharedValues input, weight, bias;
  Preset input_preset = Preset::kRandom;
  Preset weight_preset = Preset::kRandom;
  // Values differ from their preset: the hash then carries them (so a link shows them).
  bool input_edited = false;
  bool weight_edited = false;
  bool bias_edited = false;

  bool operator==(const Document& o) const;
  bool operator!=(const Document& o) const { return !(*this == o); }
};

bool is_transposed(const Document& doc);
Shape input_shape(const Document& doc);   // [1, C_in, H, W]
Shape weight_shape(const Document& doc);  // PyTorch layout of the op
Shape bias_shape(const Document& doc);    // [C_out]
// Writable values: takes the document's own copy first if the buffer is shared, so fetch
// them only to write (reads go through the const overload).
std::vector<float>& tensor_values(Document* doc, TensorKind kind);
const std::vector<float>& tensor_values(const Document& doc, TensorKind kind);
SharedValues& tensor_storage(Document* doc, TensorKind kind);
const SharedValues& tensor_storage(const Document& doc, TensorKind kind);

// Sizes every tensor to its shape. Given the document before a change of shape, edited
// tensors keep the values of the cells that still exist; the rest comes from the preset.
void conform_tensors(Document* doc, const Document* before = nullptr);
// Replaces a tensor's values by a preset and marks it as not edited.
void apply_preset(Document* doc, TensorKind kind, Preset preset);

// Engine parameters for the document (the op's own fields only).
Conv2dParams conv2d_params(const Document& doc);
ConvTranspose2dParams conv_transpose2d_params(const Document& doc);

}  // namespace convplay::app
