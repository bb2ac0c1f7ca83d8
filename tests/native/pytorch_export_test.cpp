// The "Copy PyTorch code" script: what it names, that its numbers are exact, and that
// Debian's PyTorch (/usr/bin/python3) running it gives the engine's output for 50 states.
#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <sys/wait.h>

#include "app/model/compute.h"
#include "app/model/pytorch_export.h"
#include "app/model/repair.h"
#include "app/model/url_state.h"

namespace convplay::app {
namespace {

Document make_document(Op op) {
  Document doc;
  doc.op = op;
  conform_tensors(&doc);
  return doc;
}

void expect_contains(const std::string& script, const std::string& part) {
  EXPECT_NE(script.find(part), std::string::npos) << "missing `" << part << "` in:\n" << script;
}

void expect_lacks(const std::string& script, const std::string& part) {
  EXPECT_EQ(script.find(part), std::string::npos) << "unexpected `" << part << "` in:\n" << script;
}

TEST(PyTorchExport, Conv2dNamesEveryParameter) {
  Document doc = make_document(Op::kConv2d);
  doc.in = {7, 6};
  doc.in_channels = 2;
  doc.out_channels = 4;
  doc.kernel = {3, 2};
  doc.stride = {2, 2};
  doc.padding = {1, 0};
  doc.dilation = {1, 2};
  doc.groups = 2;
  doc.use_bias = true;
  doc.mode = PaddingMode::kReflect;
  conform_tensors(&doc);
  const std::string script = pytorch_script(doc);
  for (const char* part :
       {"import torch\n", "from torch import nn\n", "x = torch.tensor(", "conv = nn.Conv2d(",
        "in_channels=2,", "out_channels=4,", "kernel_size=(3, 2),", "stride=2,",
        "padding=(1, 0),", "dilation=(1, 2),", "groups=2,", "bias=True,",
        "padding_mode='reflect',", "# Input [N, C_in, H, W] = [1, 2, 7, 6]",
        "# Weight [C_out, C_in / groups, kH, kW] = [4, 1, 3, 2]",
        "# Bias [C_out] = [4]\nbias = torch.tensor([ 1, -1,  1, -1], dtype=torch.float32)\n",
        "with torch.no_grad():\n    conv.weight.copy_(weight)\n    conv.bias.copy_(bias)\n",
        "y = conv(x)\nprint(y.shape)\nprint(y)\n"}) {
    expect_contains(script, part);
  }
  expect_lacks(script, "output_padding");
}

TEST(PyTorchExport, ConvTranspose2dNamesEveryParameter) {
  Document doc = make_document(Op::kConvTranspose2d);
  doc.in = {3, 3};
  doc.in_channels = 4;
  doc.out_channels = 2;
  doc.kernel = {3, 3};
  doc.stride = {2, 3};
  doc.padding = {1, 1};
  doc.output_padding = {1, 2};
  doc.dilation = {2, 1};
  doc.groups = 2;
  doc.use_bias = true;
  conform_tensors(&doc);
  ASSERT_TRUE(check_document(doc).ok()) << check_document(doc).message;
  const std::string script = pytorch_script(doc);
  for (const char* part :
       {"conv = nn.ConvTranspose2d(", "in_channels=4,", "out_channels=2,", "kernel_size=3,",
        "stride=(2, 3),", "padding=1,", "output_padding=(1, 2),", "groups=2,", "bias=True,",
        "dilation=(2, 1),", "# Weight [C_in, C_out / groups, kH, kW] = [4, 1, 3, 3]",
        "conv.bias.copy_(bias)"}) {
    expect_contains(script, part);
  }
  // ConvTranspose2d accepts only 'zeros': the script leaves the default alone.
  expect_lacks(script, "padding_mode");
}

TEST(PyTorchExport, SameAndValidArePythonStrings) {
  Document doc = make_document(Op::kConv2d);
  doc.padding_kind = PaddingKind::kSame;
  expect_contains(pytorch_script(doc), "padding='same',");
  doc.padding_kind = PaddingKind::kValid;
  expect_contains(pytorch_script(doc), "padding='valid',");
  doc.padding_kind = PaddingKind::kExplicit;
  doc.padding = {2, 2};
  expect_contains(pytorch_script(doc), "padding=2,");
}

TEST(PyTorchExport, EveryPaddingModeIsNamed) {
  Document doc = make_document(Op::kConv2d);
  for (PaddingMode mode : {PaddingMode::kZeros, PaddingMode::kReflect, PaddingMode::kReplicate,
                           PaddingMode::kCircular}) {
    doc.mode = mode;
    expect_contains(pytorch_script(doc), std::string("padding_mode='") + padding_mode_name(mode) + "',");
  }
}

TEST(PyTorchExport, NoBiasLeavesTheModuleWithout) {
  for (Op op : {Op::kConv2d, Op::kConvTranspose2d}) {
    Document doc = make_document(op);
    doc.use_bias = false;
    const std::string script = pytorch_script(doc);
    expect_contains(script, "bias=False,");
    expect_lacks(script, "conv.bias");
    expect_lacks(script, "bias = torch.tensor");
  }
}

TEST(PyTorchExport, TensorsAreLaidOutRowByRow) {
  Document doc = make_document(Op::kConv2d);
  doc.in = {2, 3};
  doc.in_channels = 2;
  doc.out_channels = 2;
  doc.kernel = {1, 1};
  conform_tensors(&doc);
  doc.input = {1, 2, 3, 4, 5, 6, 0.5f, -10, 7, 8, 9, 0};
  // Right-aligned to the widest number; a blank line between channels.
  expect_contains(pytorch_script(doc),
                  "x = torch.tensor(\n"
                  "    [[[[  1,   2,   3],\n"
                  "       [  4,   5,   6]],\n"
                  "\n"
                  "      [[0.5, -10,   7],\n"
                  "       [  8,   9,   0]]]],\n"
                  "    dtype=torch.float32)\n");
}

TEST(PyTorchExport, FloatsAreShortAndExact) {
  EXPECT_EQ(python_float(1.0f), "1");
  EXPECT_EQ(python_float(-2.5f), "-2.5");
  EXPECT_EQ(python_float(0.1f), "0.1");
  EXPECT_EQ(python_float(1.0f / 3.0f), "0.33333334");
  EXPECT_EQ(python_float(-10.0f), "-10");
  EXPECT_EQ(python_float(-0.0f), "-0.0");
  EXPECT_EQ(python_float(1e10f), "10000000000");
  EXPECT_EQ(python_float(3e20f), "3e+20");
  EXPECT_EQ(python_float(1e-5f), "1e-05");
  EXPECT_EQ(python_float(std::nanf("")), "float('nan')");
  EXPECT_EQ(python_float(-INFINITY), "float('-inf')");
  std::mt19937 rng(7);
  std::vector<float> values = {FLT_MAX, FLT_MIN, FLT_TRUE_MIN, -FLT_EPSILON, 16777217.0f};
  for (int i = 0; i < 10000; ++i) {
    uint32_t bits = static_cast<uint32_t>(rng());
    float value = 0;
    std::memcpy(&value, &bits, sizeof value);
    if (std::isfinite(value)) values.push_back(value);
  }
  for (float value : values) {
    const std::string text = python_float(value);
    // Python's float(text) is strtod; torch.tensor then rounds to float32.
    EXPECT_EQ(static_cast<float>(std::strtod(text.c_str(), nullptr)), value) << text;
  }
}

// ---- Running the scripts with PyTorch ---------------------------------------------------

// One random valid state: every parameter drawn, then repaired as a link would be. The
// case number cycles op, padding kind, mode and bias so that 50 cases cover them all.
Document random_document(int case_number, std::mt19937* rng) {
  auto pick = [rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(*rng); };
  Document doc;
  doc.op = case_number % 2 == 0 ? Op::kConv2d : Op::kConvTranspose2d;
  doc.in = {pick(2, 9), pick(2, 9)};
  doc.in_channels = pick(1, 4);
  doc.out_channels = pick(1, 4);
  doc.groups = nearest_valid_groups(doc.in_channels, doc.out_channels, pick(1, 4));
  doc.kernel = {pick(1, 5), pick(1, 5)};
  doc.stride = {pick(1, 3), pick(1, 3)};
  doc.padding = {pick(0, 2), pick(0, 2)};
  doc.dilation = {pick(1, 3), pick(1, 3)};
  doc.output_padding = {pick(0, std::max(doc.stride.h, doc.dilation.h) - 1),
                        pick(0, std::max(doc.stride.w, doc.dilation.w) - 1)};
  const PaddingKind kinds[] = {PaddingKind::kExplicit, PaddingKind::kSame, PaddingKind::kValid};
  doc.padding_kind = kinds[(case_number / 2) % 3];
  if (doc.padding_kind == PaddingKind::kSame) doc.stride = {1, 1};  // 'same' needs stride 1
  doc.mode = static_cast<PaddingMode>((case_number / 6) % 4);
  doc.use_bias = (case_number / 2) % 2 == 1;
  std::vector<std::string> notes;
  repair_document(&doc, &notes);
  conform_tensors(&doc);
  std::uniform_real_distribution<float> value(-2.0f, 2.0f);
  for (TensorKind kind : {TensorKind::kInput, TensorKind::kWeight, TensorKind::kBias}) {
    for (float& v : tensor_values(&doc, kind)) v = value(*rng);
  }
  return doc;
}

// Exec's each script in one Python (one `import torch`), then checks x, weight and bias
// bit for bit and y against the engine. Exit 77: no torch here.
const char* const kRunner = R"PY(
import contextlib, io, json, sys
try:
    import torch
except ImportError as error:
    print('cannot import torch:', error)
    sys.exit(77)

def bits(tensor):
    return tensor.detach().contiguous().view(torch.int32).flatten().tolist()

failed = 0
cases = json.load(open(sys.argv[1]))
for case in cases:
    name = case['script']
    try:
        scope = {}
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(open(name).read(), name, 'exec'), scope)
        x, conv, y = scope['x'], scope['conv'], scope['y']
        expected = torch.tensor(case['output'], dtype=torch.float32).reshape(case['outputShape'])
        problems = []
        if x.dtype != torch.float32 or list(x.shape) != case['inputShape']:
            problems.append('x is %s %s' % (x.dtype, list(x.shape)))
        if bits(x) != case['inputBits']:
            problems.append('x differs from the input')
        if bits(conv.weight) != case['weightBits']:
            problems.append('conv.weight differs from the weight')
        if (conv.bias is None) != (case['biasBits'] is None) or (
                conv.bias is not None and bits(conv.bias) != case['biasBits']):
            problems.append('conv.bias differs from the bias')
        if y.shape != expected.shape:
            problems.append('y has shape %s, the engine %s' % (list(y.shape), case['outputShape']))
        elif not torch.allclose(y, expected, rtol=1e-5, atol=1e-4):
            problems.append('y differs by up to %g' % (y - expected).abs().max().item())
        if 'torch.Size(' not in printed.getvalue():
            problems.append('the script does not print y.shape')
    except Exception as error:
        problems = ['%s: %s' % (type(error).__name__, error)]
    if problems:
        failed += 1
        print('FAIL %s (%s): %s' % (name, case['state'], '; '.join(problems)))
print('checked %d scripts, %d failed' % (len(cases), failed))
sys.exit(1 if failed else 0)
)PY";

std::string json_numbers(const std::vector<float>& values) {
  std::string out = "[";
  char buffer[32];
  for (size_t i = 0; i < values.size(); ++i) {
    std::snprintf(buffer, sizeof buffer, "%s%.9g", i > 0 ? "," : "", static_cast<double>(values[i]));
    out += buffer;
  }
  return out + "]";
}

std::string json_bits(const std::vector<float>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) {
    int32_t bits = 0;
    std::memcpy(&bits, &values[i], sizeof bits);
    out += (i > 0 ? "," : "") + std::to_string(bits);
  }
  return out + "]";
}

std::string json_shape(const Shape& shape) {
  std::string out = "[";
  for (size_t i = 0; i < shape.size(); ++i) out += (i > 0 ? "," : "") + std::to_string(shape[i]);
  return out + "]";
}

std::string run_command(const std::string& command, int* exit_code) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    *exit_code = -1;
    return "popen failed";
  }
  char buffer[4096];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  const int status = pclose(pipe);
  *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return output;
}

TEST(PyTorchExport, FiftyRandomStatesMatchPyTorch) {
  namespace fs = std::filesystem;
  constexpr int kCases = 50;
  const fs::path dir = fs::temp_directory_path() /
                       ("convplay_pytorch_export_" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  std::mt19937 rng(20261202);
  std::string cases = "[";
  int transposed = 0, same = 0, valid = 0, with_bias = 0, grouped = 0;
  int modes[4] = {0, 0, 0, 0};
  for (int i = 0; i < kCases; ++i) {
    const Document doc = random_document(i, &rng);
    Computer computer;
    computer.update(doc);
    ASSERT_TRUE(computer.status().ok()) << computer.status().message;
    const Tensor& output = computer.result().output;
    transposed += is_transposed(doc);
    same += doc.padding_kind == PaddingKind::kSame;
    valid += doc.padding_kind == PaddingKind::kValid;
    with_bias += doc.use_bias;
    grouped += doc.groups > 1;
    if (!is_transposed(doc)) ++modes[static_cast<int>(doc.mode)];

    const fs::path script = dir / ("case_" + std::to_string(i) + ".py");
    std::ofstream(script) << pytorch_script(doc);
    // The failing state in the hash's words, for the failure message.
    const std::string padding = doc.padding_kind == PaddingKind::kSame    ? "same"
                                : doc.padding_kind == PaddingKind::kValid ? "valid"
                                                                          : format_pair(doc.padding);
    char state[200];
    std::snprintf(state, sizeof state, "%s cin=%d cout=%d g=%d in=%dx%d k=%dx%d s=%dx%d p=%s d=%dx%d op_pad=%dx%d mode=%s bias=%d",
                  is_transposed(doc) ? "conv_transpose2d" : "conv2d", doc.in_channels,
                  doc.out_channels, doc.groups, doc.in.h, doc.in.w, doc.kernel.h, doc.kernel.w,
                  doc.stride.h, doc.stride.w, padding.c_str(), doc.dilation.h, doc.dilation.w,
                  doc.output_padding.h, doc.output_padding.w, padding_mode_name(doc.mode),
                  doc.use_bias ? 1 : 0);
    cases += std::string(i > 0 ? ",\n" : "") + "{\"script\":\"" + script.string() +
             "\",\"state\":\"" + state + "\",\"inputShape\":" + json_shape(input_shape(doc)) +
             ",\"inputBits\":" + json_bits(doc.input) +
             ",\"weightBits\":" + json_bits(doc.weight) +
             ",\"biasBits\":" + (doc.use_bias ? json_bits(doc.bias) : "null") +
             ",\"outputShape\":" + json_shape(output.shape) +
             ",\"output\":" + json_numbers(output.data) + "}";
  }
  cases += "]";
  // The draw must cover what the script can say, or the run proves little.
  EXPECT_GE(transposed, 10);
  EXPECT_GE(kCases - transposed, 10);
  EXPECT_GE(same, 1);
  EXPECT_GE(valid, 1);
  EXPECT_GE(with_bias, 10);
  EXPECT_GE(kCases - with_bias, 10);
  EXPECT_GE(grouped, 3);
  for (int mode = 0; mode < 4; ++mode) EXPECT_GE(modes[mode], 1) << "padding mode " << mode;

  std::ofstream(dir / "cases.json") << cases;
  std::ofstream(dir / "runner.py") << kRunner;
  int exit_code = 0;
  const std::string output =
      run_command("/usr/bin/python3 " + (dir / "runner.py").string() + " " +
                      (dir / "cases.json").string() + " 2>&1",
                  &exit_code);
  fs::remove_all(dir);
  if (exit_code == 77 || exit_code == 127) {
    GTEST_SKIP() << "/usr/bin/python3 cannot import torch (install python3-torch): " << output;
  }
  EXPECT_EQ(exit_code, 0) << output;
  EXPECT_NE(output.find("checked 50 scripts, 0 failed"), std::string::npos) << output;
}

}  // namespace
}  // namespace convplay::app
