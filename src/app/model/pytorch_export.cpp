// Writing the document as a PyTorch script: nested tensor literals laid out like NumPy
// prints them, and the module with every parameter spelled out as a keyword.
#include "app/model/pytorch_export.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace convplay::app {

std::string python_float(float value) {
  if (std::isnan(value)) return "float('nan')";
  if (std::isinf(value)) return value > 0 ? "float('inf')" : "float('-inf')";
  if (value == 0 && std::signbit(value)) return "-0.0";  // "-0" would be the int 0
  // Python parses the text to a double and torch rounds that to float32: check exactly
  // that path, so "0.1" is used for 0.1f instead of "0.100000001".
  char buffer[32];
  for (int digits = 1; digits <= 9; ++digits) {
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, static_cast<double>(value));
    if (static_cast<float>(std::strtod(buffer, nullptr)) == value) {
      // %g writes 10 as "1e+01"; like Python, keep exponents for very large numbers only.
      const char* e = std::strchr(buffer, 'e');
      const int exponent = e != nullptr ? std::atoi(e + 1) : 0;
      if (exponent >= digits && exponent < 16) {
        std::snprintf(buffer, sizeof buffer, "%.*g", exponent + 1, static_cast<double>(value));
      }
      break;
    }
  }
  return buffer;
}

namespace {

std::string shape_text(const Shape& shape) {
  std::string out = "[";
  for (size_t i = 0; i < shape.size(); ++i) out += (i > 0 ? ", " : "") + std::to_string(shape[i]);
  return out + "]";
}

// One row per line, a blank line between planes, numbers right-aligned to one width so
// that the columns line up: `indent` is the column of the opening bracket.
std::string tensor_literal(const std::vector<float>& values, const Shape& shape, size_t indent) {
  std::vector<std::string> texts;
  size_t width = 0;
  for (float v : values) {
    texts.push_back(python_float(v));
    width = std::max(width, texts.back().size());
  }
  size_t next = 0;
  std::string out;
  // Writes dimension `dim` (its opening bracket is at column indent + dim).
  auto write = [&](auto&& self, size_t dim) -> void {
    out += '[';
    const int64_t count = shape[dim];
    for (int64_t i = 0; i < count; ++i) {
      if (dim + 1 == shape.size()) {
        if (i > 0) out += ", ";
        out += std::string(width - texts[next].size(), ' ') + texts[next];
        ++next;
        continue;
      }
      if (i > 0) {
        out += dim + 2 == shape.size() ? ",\n" : ",\n\n";
        out += std::string(indent + dim + 1, ' ');
      }
      self(self, dim + 1);
    }
    out += ']';
  };
  write(write, 0);
  return out;
}

// `name = torch.tensor(...)` with a comment naming the dims.
std::string tensor_assignment(const char* name, const char* dims, const std::vector<float>& values,
                              const Shape& shape) {
  std::string out = std::string("# ") + dims + " = " + shape_text(shape) + "\n";
  if (shape.size() == 1) {  // a bias fits on one line
    return out + name + " = torch.tensor(" + tensor_literal(values, shape, 0) +
           ", dtype=torch.float32)\n";
  }
  out += std::string(name) + " = torch.tensor(\n    ";
  out += tensor_literal(values, shape, 4);
  return out + ",\n    dtype=torch.float32)\n";
}

// 3, or (3, 2) when the axes differ: what a reader would type.
std::string pair_arg(const IntPair& pair) {
  if (pair.square()) return std::to_string(pair.h);
  return "(" + std::to_string(pair.h) + ", " + std::to_string(pair.w) + ")";
}

std::string padding_arg(const Document& doc) {
  if (doc.padding_kind == PaddingKind::kSame) return "'same'";
  if (doc.padding_kind == PaddingKind::kValid) return "'valid'";
  return pair_arg(doc.padding);
}

// nn.Conv2d(...) / nn.ConvTranspose2d(...): every argument, in PyTorch's order.
std::string module_constructor(const Document& doc) {
  const bool transposed = is_transposed(doc);
  std::vector<std::pair<const char*, std::string>> args = {
      {"in_channels", std::to_string(doc.in_channels)},
      {"out_channels", std::to_string(doc.out_channels)},
      {"kernel_size", pair_arg(doc.kernel)},
      {"stride", pair_arg(doc.stride)},
      {"padding", transposed ? pair_arg(doc.padding) : padding_arg(doc)},
  };
  if (transposed) {
    args.push_back({"output_padding", pair_arg(doc.output_padding)});
    args.push_back({"groups", std::to_string(doc.groups)});
    args.push_back({"bias", doc.use_bias ? "True" : "False"});
    args.push_back({"dilation", pair_arg(doc.dilation)});
  } else {
    args.push_back({"dilation", pair_arg(doc.dilation)});
    args.push_back({"groups", std::to_string(doc.groups)});
    args.push_back({"bias", doc.use_bias ? "True" : "False"});
    args.push_back({"padding_mode", std::string("'") + padding_mode_name(doc.mode) + "'"});
  }
  std::string out = transposed ? "conv = nn.ConvTranspose2d(\n" : "conv = nn.Conv2d(\n";
  for (const auto& [name, value] : args) out += std::string("    ") + name + "=" + value + ",\n";
  return out + ")\n";
}

}  // namespace

std::string pytorch_script(const Document& doc) {
  const bool transposed = is_transposed(doc);
  std::string out = std::string("# ") + (transposed ? "ConvTranspose2d" : "Conv2d") +
                    " from convplay: runs as is with PyTorch >= 1.13.\n"
                    "import torch\n"
                    "from torch import nn\n\n";
  out += tensor_assignment("x", "Input [N, C_in, H, W]", doc.input, input_shape(doc));
  out += "\n" + module_constructor(doc) + "\n";
  out += tensor_assignment(
      "weight", transposed ? "Weight [C_in, C_out / groups, kH, kW]" : "Weight [C_out, C_in / groups, kH, kW]",
      doc.weight, weight_shape(doc));
  if (doc.use_bias) out += "\n" + tensor_assignment("bias", "Bias [C_out]", doc.bias, bias_shape(doc));
  out += "\nwith torch.no_grad():\n    conv.weight.copy_(weight)\n";
  if (doc.use_bias) out += "    conv.bias.copy_(bias)\n";
  out += "\ny = conv(x)\nprint(y.shape)\nprint(y)\n";
  return out;
}

}  // namespace convplay::app
