// "Copy PyTorch code": the document as a Python script that rebuilds x, conv and y with
// PyTorch (>= 1.13), with exactly the values the playground shows (CONTRACT.md §6).
#pragma once

#include <string>

#include "app/model/document.h"

namespace convplay::app {

// The whole script: imports, x, conv (every parameter), its weight and bias, y = conv(x),
// and prints of y's shape and values.
std::string pytorch_script(const Document& doc);

// The shortest decimal text that Python reads back (as a double, then as float32 in
// torch.tensor) to exactly `value`: "1", "0.1", "-2.5e-08"; nan/inf as float('...').
std::string python_float(float value);

}  // namespace convplay::app
