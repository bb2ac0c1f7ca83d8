// Embind entry points of the engine module (build/site/convplay.js). The public JS
// API lives in convplay_api.js; these functions are its plumbing, built for speed:
// arguments arrive as a block of doubles in the wasm heap (written by the JS glue),
// tensors arrive as float arrays in a reusable scratch buffer, and results go back
// through the same block. Only the error path moves strings.
#include <emscripten/bind.h>
#include <malloc.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <type_traits>
#include <vector>

#include "engine/convplay.h"

namespace {

using convplay::ErrorCode;
using convplay::Pair;
using convplay::Shape;
using convplay::Status;
using convplay::Tensor;
using convplay::TensorView;

// ---- state that lives between calls -------------------------------------------------

// The last error, kept for the JS glue to read field by field.
Status g_error;
// Results stay here until the glue has copied them out (or until the next call).
Tensor g_results[4];
// Inputs and the argument block: one 16-byte aligned buffer, grown on demand.
void* g_scratch = nullptr;
size_t g_scratch_bytes = 0;
// Round-trip candidates as (input size, output padding, valid) triples.
std::vector<double> g_round_trip;

int fail(Status status) {
  g_error = std::move(status);
  return static_cast<int>(g_error.code);
}

// ---- reading the argument block -----------------------------------------------------

// Reads values in the order the glue writes them (the layout is at the top of
// api_arguments.js): doubles from the general path, int32s from conv2d's quick path
// (api_quick_conv2d.js), which takes only values that fit in one. Reading int32s spares
// the float-to-integer conversions and clamps, a good part of an 8x8 call (issue 5, W1).
template <typename Value>
class BlockReader {
 public:
  explicit BlockReader(const Value* block) : p_(block) {}

  // Integers come from JS as doubles already checked to be integral. Clamping keeps
  // absurd values (1e300) defined; the engine's limits then reject them by name.
  int64_t integer() {
    const Value v = *p_++;
    if constexpr (std::is_same_v<Value, int32_t>) {
      return v;
    } else {
      constexpr double kClamp = 4611686018427387904.0;  // 2^62
      if (!(v < kClamp)) return static_cast<int64_t>(kClamp);
      if (v < -kClamp) return static_cast<int64_t>(-kClamp);
      return static_cast<int64_t>(v);
    }
  }

  const float* pointer() { return reinterpret_cast<const float*>(static_cast<uintptr_t>(*p_++)); }

  // count, then count integers. Refills `values` in place: its capacity survives
  // from call to call, so the shapes of a small convolution cost no malloc.
  void list(std::vector<int64_t>* values) {
    int64_t n = integer();
    values->resize(static_cast<size_t>(n));
    for (auto& v : *values) v = integer();
  }

  // A PyTorch int-or-tuple argument: count, then values. A length other than 1 or 2 is
  // kept in *deferred (engine's read_pair), and plan_* reports it where PyTorch would.
  void pair(const char* name, Pair* out, Status* deferred,
            std::vector<convplay::GivenTuple>* odd_tuples) {
    int64_t n = integer();
    if (n == 1) {
      int64_t v = integer();
      *out = {v, v};
      return;
    }
    if (n == 2) {
      int64_t h = integer();
      *out = {h, integer()};
      return;
    }
    std::vector<int64_t> values(static_cast<size_t>(n));
    for (auto& v : values) v = integer();
    convplay::read_pair(name, values, out, deferred, odd_tuples);
  }

 private:
  const Value* p_;
};

// The tensors of one call: data pointers (null for shape-only calls) and shapes.
struct Operands {
  TensorView input, weight, bias;
  bool has_bias = false;
};

// Reused by every call (the module is single-threaded and no call re-enters another).
Operands g_operands;

template <typename Reader>
void read_operands(Reader& in, Operands* ops) {
  ops->input.data = in.pointer();
  ops->weight.data = in.pointer();
  ops->bias.data = in.pointer();
  in.list(&ops->input.shape);
  in.list(&ops->weight.shape);
  ops->has_bias = in.integer() != 0;
  if (ops->has_bias) in.list(&ops->bias.shape);
}

// Conv2d options: stride, padding (kind + values), dilation, groups, padding mode.
template <typename Reader>
void read_conv2d_params(Reader& in, convplay::Conv2dParams* params) {
  Status* deferred = &params->deferred_tuple_error;
  auto* odd = &params->odd_tuples;
  in.pair("stride", &params->stride, deferred, odd);
  params->padding_kind = static_cast<convplay::PaddingKind>(in.integer());
  in.pair("padding", &params->padding, deferred, odd);  // 'same'/'valid' arrive as [0]
  in.pair("dilation", &params->dilation, deferred, odd);
  params->groups = in.integer();
  params->padding_mode = static_cast<convplay::PaddingMode>(in.integer());
}

// ConvTranspose2d options: stride, padding, dilation, output padding (the order in which
// PyTorch's _convolution expands them), groups, output size.
template <typename Reader>
void read_conv_transpose2d_params(Reader& in, convplay::ConvTranspose2dParams* params) {
  Status* deferred = &params->deferred_tuple_error;
  auto* odd = &params->odd_tuples;
  in.pair("stride", &params->stride, deferred, odd);
  in.pair("padding", &params->padding, deferred, odd);
  in.pair("dilation", &params->dilation, deferred, odd);
  in.pair("output_padding", &params->output_padding, deferred, odd);
  params->groups = in.integer();
  if (in.integer() != 0) {
    params->output_size.emplace();
    in.list(&*params->output_size);
  }
}

// ---- writing results into the block ------------------------------------------------

double* write_shape(double* out, const Shape& shape) {
  *out++ = static_cast<double>(shape.size());
  for (int64_t d : shape) *out++ = static_cast<double>(d);
  return out;
}

double* write_tensor(double* out, const Tensor& tensor) {
  *out++ = static_cast<double>(reinterpret_cast<uintptr_t>(tensor.data.data()));
  return write_shape(out, tensor.shape);
}

double* block_at(uintptr_t address) { return reinterpret_cast<double*>(address); }

// ---- entry points -------------------------------------------------------------------

// Makes the scratch buffer at least `bytes` long; returns its address, or 0 when the
// wasm heap cannot grow that far (the glue reports it as too_large).
uintptr_t reserve_scratch(uint32_t bytes) {
  if (bytes <= g_scratch_bytes) return reinterpret_cast<uintptr_t>(g_scratch);
  std::free(g_scratch);
  g_scratch = std::aligned_alloc(16, (bytes + 15u) & ~size_t{15});
  g_scratch_bytes = g_scratch ? bytes : 0;
  return reinterpret_cast<uintptr_t>(g_scratch);
}

// Gives back memory held between calls (after a large call, so that a page that once
// convolved a big image does not keep that much heap).
void release_memory() {
  std::free(g_scratch);
  g_scratch = nullptr;
  g_scratch_bytes = 0;
  for (Tensor& t : g_results) t = Tensor{};
  std::vector<double>().swap(g_round_trip);
}

// Value: double for the general path's request, int32_t for the quick path's.
template <typename Value>
int run_conv2d(uintptr_t block) {
  BlockReader<Value> in(reinterpret_cast<const Value*>(block));
  Operands& ops = g_operands;
  read_operands(in, &ops);
  convplay::Conv2dParams params;
  read_conv2d_params(in, &params);
  Status status = convplay::conv2d(ops.input, ops.weight, ops.has_bias ? &ops.bias : nullptr,
                                   params, &g_results[0]);
  if (!status.ok()) return fail(std::move(status));
  write_tensor(block_at(block), g_results[0]);
  return 0;
}

int run_conv_transpose2d(uintptr_t block) {
  BlockReader<double> in(block_at(block));
  Operands& ops = g_operands;
  read_operands(in, &ops);
  convplay::ConvTranspose2dParams params;
  read_conv_transpose2d_params(in, &params);
  Status status = convplay::conv_transpose2d(
      ops.input, ops.weight, ops.has_bias ? &ops.bias : nullptr, params, &g_results[0]);
  if (!status.ok()) return fail(std::move(status));
  write_tensor(block_at(block), g_results[0]);
  return 0;
}

int run_conv2d_output_shape(uintptr_t block) {
  BlockReader<double> in(block_at(block));
  Operands& ops = g_operands;
  read_operands(in, &ops);
  convplay::Conv2dParams params;
  read_conv2d_params(in, &params);
  convplay::Conv2dGeometry geometry;
  Status status =
      convplay::plan_conv2d(ops.input.shape, ops.weight.shape, nullptr, params, &geometry);
  if (!status.ok()) return fail(std::move(status));
  write_shape(block_at(block), geometry.output_shape());
  return 0;
}

int run_conv_transpose2d_output_shape(uintptr_t block) {
  BlockReader<double> in(block_at(block));
  Operands& ops = g_operands;
  read_operands(in, &ops);
  convplay::ConvTranspose2dParams params;
  read_conv_transpose2d_params(in, &params);
  convplay::ConvTranspose2dGeometry geometry;
  Status status = convplay::plan_conv_transpose2d(ops.input.shape, ops.weight.shape, nullptr,
                                                  params, &geometry);
  if (!status.ok()) return fail(std::move(status));
  write_shape(block_at(block), geometry.output_shape());
  return 0;
}

// Writes spread, padded, equivalent kernel, output (4 tensors), then the four pads.
int run_conv_transpose2d_as_conv(uintptr_t block) {
  BlockReader<double> in(block_at(block));
  Operands& ops = g_operands;
  read_operands(in, &ops);
  convplay::ConvTranspose2dParams params;
  read_conv_transpose2d_params(in, &params);
  convplay::TransposedAsConv steps;
  Status status = convplay::conv_transpose2d_as_conv(
      ops.input, ops.weight, ops.has_bias ? &ops.bias : nullptr, params, &steps);
  if (!status.ok()) return fail(std::move(status));
  g_results[0] = std::move(steps.spread);
  g_results[1] = std::move(steps.padded);
  g_results[2] = std::move(steps.equivalent_kernel);
  g_results[3] = std::move(steps.output);
  double* out = block_at(block);
  for (const Tensor& t : g_results) out = write_tensor(out, t);
  *out++ = static_cast<double>(steps.pad_top);
  *out++ = static_cast<double>(steps.pad_bottom);
  *out++ = static_cast<double>(steps.pad_left);
  *out++ = static_cast<double>(steps.pad_right);
  return 0;
}

// One axis of the round trip. In: input size, kernel, stride, padding, dilation.
// Out: output size, candidate count, and the address of (input size, output padding,
// valid) triples, kept in g_round_trip because the count depends on the stride.
int run_conv2d_round_trip(uintptr_t block) {
  BlockReader<double> in(block_at(block));
  int64_t input_size = in.integer();
  int64_t kernel = in.integer();
  int64_t stride = in.integer();
  int64_t padding = in.integer();
  int64_t dilation = in.integer();
  convplay::RoundTripAxis axis;
  Status status = convplay::conv2d_round_trip(input_size, kernel, stride, padding, dilation, &axis);
  if (!status.ok()) return fail(std::move(status));
  g_round_trip.clear();
  for (const auto& c : axis.candidates) {
    g_round_trip.push_back(static_cast<double>(c.input_size));
    g_round_trip.push_back(static_cast<double>(c.output_padding));
    g_round_trip.push_back(c.output_padding_valid ? 1.0 : 0.0);
  }
  double* out = block_at(block);
  out[0] = static_cast<double>(axis.output_size);
  out[1] = static_cast<double>(axis.candidates.size());
  out[2] = static_cast<double>(reinterpret_cast<uintptr_t>(g_round_trip.data()));
  return 0;
}

// Error path only: run the engine's parsers on a string the glue did not recognize,
// so that the error carries PyTorch's words.
int reject_padding_string(std::string text) {
  convplay::PaddingKind kind;
  Status status = convplay::parse_padding_string(text, &kind);
  return status.ok() ? 0 : fail(std::move(status));
}

int reject_padding_mode(std::string text) {
  convplay::PaddingMode mode;
  Status status = convplay::parse_padding_mode(text, &mode);
  return status.ok() ? 0 : fail(std::move(status));
}

std::string error_message() { return g_error.message; }
std::string error_param() { return g_error.param; }
std::string error_python_type() { return g_error.python_type; }
std::string error_code() { return convplay::error_code_name(g_error.code); }

// Bytes malloc has handed out and not taken back: what the leak test watches.
uint32_t heap_bytes_in_use() { return static_cast<uint32_t>(mallinfo().uordblks); }

}  // namespace

EMSCRIPTEN_BINDINGS(convplay) {
  using emscripten::function;
  function("_cpReserveScratch", &reserve_scratch);
  function("_cpReleaseMemory", &release_memory);
  function("_cpConv2d", &run_conv2d<double>);
  // conv2d's quick path (api_quick_conv2d.js): the same call, its request as int32s.
  function("_cpConv2dQuick", &run_conv2d<int32_t>);
  function("_cpConvTranspose2d", &run_conv_transpose2d);
  function("_cpConv2dOutputShape", &run_conv2d_output_shape);
  function("_cpConvTranspose2dOutputShape", &run_conv_transpose2d_output_shape);
  function("_cpConvTranspose2dAsConv", &run_conv_transpose2d_as_conv);
  function("_cpConv2dRoundTrip", &run_conv2d_round_trip);
  function("_cpRejectPaddingString", &reject_padding_string);
  function("_cpRejectPaddingMode", &reject_padding_mode);
  function("_cpErrorMessage", &error_message);
  function("_cpErrorParam", &error_param);
  function("_cpErrorPythonType", &error_python_type);
  function("_cpErrorCode", &error_code);
  function("_cpHeapBytesInUse", &heap_bytes_in_use);
}
