#!/usr/bin/python3
"""Writes tests/golden/cases.json: what PyTorch computes (or which error it raises) for
several hundred Conv2d / ConvTranspose2d configurations. The native and Node suites replay
the file against the engine; they never need torch themselves.

Run with Debian's torch:  /usr/bin/python3 tests/golden/generate.py
The output is deterministic: every tensor comes from a generator seeded by the case name,
so adding a case never changes the others.
"""

import json
import os
import random
import sys
import warnings
import zlib

# PyTorch prints some Python sets in its messages (padding_mode must be one of {...}), whose
# order follows the string hash seed: fix it so that the file is byte-for-byte reproducible.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED="0"))

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden_cases import all_cases  # noqa: E402  (the case list lives next door)

SEED = 20261124
OUT_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases.json")
UNIT_ROUNDOFF = 2.0 ** -24  # float32, round to nearest

# Error wording depends on which CPU backend torch picks (its oneDNN path says
# "non-positive dilation is not supported" for some shapes, the native path
# "dilation should be greater than zero, ..."), and the pick depends on the thread count.
# Pin both so the recorded messages are the native ones that PYTORCH.md documents.
torch.backends.mkldnn.enabled = False
torch.set_num_threads(1)
# 'same' with an even kernel warns once per process; the warning is not part of the result.
warnings.simplefilter("ignore")


# ---------------------------------------------------------------------------- tensors

def make_tensor(shape, fill, seed):
    """float32 data for a case: 'ones', 'random' (uniform in [-1, 1)) or 'ramp' (1, 2, 3, ...)."""
    count = int(np.prod(shape)) if len(shape) else 1
    if fill == "ones":
        return torch.ones(shape, dtype=torch.float32)
    if fill == "ramp":
        return torch.arange(1, count + 1, dtype=torch.float32).reshape(shape)
    if fill == "random":
        gen = torch.Generator().manual_seed(seed)
        return (torch.rand(shape, generator=gen, dtype=torch.float32) * 2 - 1).to(torch.float32)
    raise ValueError(f"unknown fill {fill!r}")


def case_tensors(case):
    """Input, weight and bias (or None) of a case. 'ramp' ramps the input only: with an
    all-ones kernel every output is a sum of distinct integers, checkable by eye."""
    base = zlib.crc32(case["name"].encode()) ^ SEED
    fill = case.get("fill", "random")
    x = make_tensor(case["input"], "ramp" if fill == "ramp" else fill, base + 1)
    w = make_tensor(case["weight"], "ones" if fill == "ramp" else fill, base + 2)
    b = None
    if case.get("bias") is not None:
        b = make_tensor(case["bias"], "ones" if fill == "ramp" else fill, base + 3)
    return x, w, b


# ---------------------------------------------------------------------------- torch calls

def run_torch(op, options, x, w, b):
    """The PyTorch call the contract's options stand for (CONTRACT.md §3, PYTORCH.md §4)."""
    stride = options.get("stride", 1)
    padding = options.get("padding", 0)
    dilation = options.get("dilation", 1)
    groups = options.get("groups", 1)
    with torch.no_grad():
        if op == "conv2d":
            mode = options.get("paddingMode", "zeros")
            if mode == "zeros":
                return F.conv2d(x, w, b, stride, padding, dilation, groups)
            # nn.Conv2d with a padding_mode: its constructor's checks, then
            # F.conv2d(F.pad(x, _reversed_padding_repeated_twice, mode), ..., padding=0, ...).
            module = nn.Conv2d(w.shape[1] * groups, w.shape[0], tuple(w.shape[2:]), stride, padding,
                               dilation, groups, bias=b is not None, padding_mode=mode,
                               dtype=x.dtype)
            module.weight = nn.Parameter(w, requires_grad=False)
            if b is not None:
                module.bias = nn.Parameter(b, requires_grad=False)
            if mode == "circular" and x.dim() == 3:
                # torch 1.13 rejects unbatched circular input (pytorch#104860); convplay
                # computes it as a batch of one (PYTORCH.md §4.7).
                return module(x.unsqueeze(0)).squeeze(0)
            return module(x)
        if op == "conv_transpose2d":
            output_padding = options.get("outputPadding", 0)
            if "outputSize" not in options and "paddingMode" not in options:
                return F.conv_transpose2d(x, w, b, stride, padding, output_padding, groups, dilation)
            # output_size and padding_mode exist only on the module:
            # nn.ConvTranspose2d(..., padding_mode).forward(input, output_size).
            module = nn.ConvTranspose2d(w.shape[0], w.shape[1] * groups, tuple(w.shape[2:]), stride,
                                        padding, output_padding, groups, bias=b is not None,
                                        dilation=dilation, padding_mode=options.get("paddingMode", "zeros"),
                                        dtype=x.dtype)
            module.weight = nn.Parameter(w, requires_grad=False)
            if b is not None:
                module.bias = nn.Parameter(b, requires_grad=False)
            if "outputSize" not in options:
                return module(x)
            return module(x, output_size=list(options["outputSize"]))
    raise ValueError(f"unknown op {op!r}")


def terms_per_output(case):
    """Upper bound on the products summed into one output value (bias not counted)."""
    weight = case["weight"]
    groups = case.get("options", {}).get("groups", 1)
    if case["op"] == "conv2d":
        return weight[1] * weight[2] * weight[3]
    return (weight[0] // groups) * weight[2] * weight[3]


# ---------------------------------------------------------------------------- errors

# Which contract parameter an error blames, decided from PyTorch's own message so that
# check-order interactions blame whatever PyTorch reports first.
PARAM_RULES = [
    ("Expected 3D (unbatched) or 4D (batched) input", "input"),
    ("weight should have at least three dimensions", "weight"),
    ("-dimensional input for", "weight"),  # a weight of the wrong rank with padding='same'

    ("non-positive groups", "groups"),
    ("groups must be a positive integer", "groups"),
    ("negative output_padding", "outputPadding"),
    ("negative padding", "padding"),
    ("non-positive stride", "stride"),
    ("expected weight to be at least", "weight"),
    ("expected weight to be divisible by", "weight"),
    ("out_channels must be divisible by groups", "weight"),  # nn.Conv2d's constructor
    ("in_channels must be divisible by groups", "weight"),  # nn.ConvTranspose2d's
    ("to have", "input"),  # "expected input[...] to have 2 channels"
    ("expected bias", "bias"),
    ("Kernel size can't be greater", "weight"),
    ("kernel size should be greater than zero", "weight"),
    ("dilation should be greater than zero", "dilation"),
    ("non-positive dilation", "dilation"),
    ("output padding must be smaller", "outputPadding"),
    ("Output size is too small", "padding"),
    ("Only zero batch or zero channel inputs", "input"),
    ("non-empty 2D or 4D weight tensor expected", "weight"),
    ("3D or 4D (batch mode) tensor expected for input", "input"),  # F.pad reflect, empty plane
    ("tensor with possibly 0 batch size and other non-zero dimensions", "input"),  # replicate
    ("Invalid padding string", "padding"),
    ("padding='same' is not supported for strided", "padding"),
    ("stride cannot broadcast", "stride"),  # F.conv2d(padding='same'), a tuple of 3
    ("dilation cannot broadcast", "dilation"),
    ("Padding size should be less than", "padding"),
    ("wrapping around more than once", "padding"),
    ("padding_mode must be one of", "paddingMode"),
    ("padding mode is supported for ConvTranspose2d", "paddingMode"),
    ("output_size must have", "outputSize"),
    ("requested an output size", "outputSize"),
]
TUPLE_PARAMS = {"stride": "stride", "padding": "padding", "dilation": "dilation",
                "output_padding": "outputPadding"}


def param_for_message(message):
    if message.startswith("expected ") and "to be a single integer value or a list of" in message:
        name = message.split()[1]
        # "a list of 1 values" / "3 values": torch inferred the dimensionality from a
        # weight of the wrong rank, so the weight is at fault, not the tuple.
        if "a list of 2 values" not in message:
            return "weight"
        return TUPLE_PARAMS[name]
    for needle, param in PARAM_RULES:
        if needle in message:
            return param
    raise AssertionError(f"no parameter rule for message: {message!r}")


def weight_rank_culprit(case, message):
    """The sentence convplay adds after PyTorch's words when the weight's rank is at fault:
    PyTorch may blame stride, padding or the input instead (issue 12). None otherwise."""
    if param_for_message(message) != "weight":
        return None
    rank_messages = ("weight should have at least three dimensions", "-dimensional input for",
                     "to be a single integer value or a list of")
    if not any(needle in message for needle in rank_messages):
        return None
    layout = ("[in_channels, out_channels/groups, kH, kW]" if case["op"] == "conv_transpose2d"
              else "[out_channels, in_channels/groups, kH, kW]")
    weight = "[" + ", ".join(str(v) for v in case["weight"]) + "]"
    return f"(weight must be 4-D for {case['op']}: {layout}; got {weight})"


# Messages whose text changes from process to process (a Python set is printed).
VARYING_MESSAGES = ("padding_mode must be one of", "should be one of {")


# ---------------------------------------------------------------------------- one case

def format_float(value):
    """Shortest decimal that reads back (as a double, then rounded to float32, which is
    what JSON.parse + Float32Array and nlohmann + float do) to the same float32."""
    f32 = np.float32(value)
    assert np.isfinite(f32), value
    text = str(f32)
    if text.endswith(".0"):
        text = text[:-2]
    if np.float32(float(text)).tobytes() != f32.tobytes():
        text = repr(float(f32))  # exact double of the float32: always reads back
    return RawNumber(text)


class RawNumber(str):
    """A number already formatted for JSON."""


def tensor_json(t):
    return {"shape": list(t.shape), "data": [format_float(v) for v in t.reshape(-1).tolist()]}


def build_case(case):
    x, w, b = case_tensors(case)
    options = case.get("options", {})
    entry = {"name": case["name"], "op": case["op"], "input": tensor_json(x),
             "weight": tensor_json(w), "bias": None if b is None else tensor_json(b),
             "options": options}
    try:
        got32 = run_torch(case["op"], options, x, w, b)
    except (RuntimeError, ValueError, TypeError) as error:
        message = str(error)
        entry["error"] = {"message": message, "param": param_for_message(message),
                          "type": type(error).__name__}
        if any(needle in message for needle in VARYING_MESSAGES):
            entry["error"]["message_varies"] = True
        culprit = weight_rank_culprit(case, message)
        if culprit:
            entry["error"]["culprit"] = culprit
        if case.get("expect") == "valid":
            raise AssertionError(f"{case['name']}: expected a result, torch says {message!r}")
        return entry
    if case.get("expect") == "error":
        raise AssertionError(f"{case['name']}: expected an error, torch computed a result")

    # The golden value is the exact result rounded once to float32: torch in float64,
    # then rounded. "magnitude" is the largest sum of |terms| over the outputs (also in
    # float64): any float32 summation order stays within
    #   (terms + 1) * 2^-24 * magnitude  of the exact value (Higham's dot-product bound).
    to64 = lambda t: None if t is None else t.to(torch.float64)
    got64 = run_torch(case["op"], options, to64(x), to64(w), to64(b))
    abs64 = run_torch(case["op"], options, to64(x).abs(), to64(w).abs(),
                      None if b is None else to64(b).abs())
    expected = got64.to(torch.float32)
    magnitude = float(abs64.max()) if abs64.numel() else 0.0
    terms = terms_per_output(case)
    # Sanity check of that bound on torch's own float32 result.
    tolerance = UNIT_ROUNDOFF * ((terms + 2) * magnitude + 2 * expected.abs())
    assert got32.shape == expected.shape, case["name"]
    assert bool(((got32.double() - expected.double()).abs() <= tolerance).all()), case["name"]
    assert expected.numel() <= 1200, f"{case['name']}: keep cases small ({expected.numel()})"
    entry["expected"] = tensor_json(expected)
    entry["expected"]["terms"] = terms
    magnitude32 = np.float32(magnitude)
    if float(magnitude32) < magnitude:  # round up: the bound must not shrink
        magnitude32 = np.nextafter(magnitude32, np.float32(np.inf))
    entry["expected"]["magnitude"] = format_float(magnitude32)
    return entry


# ---------------------------------------------------------------------------- output

def to_json(value):
    """Compact JSON that keeps RawNumber text as is."""
    if isinstance(value, RawNumber):
        return str(value)
    if isinstance(value, dict):
        return "{" + ",".join(json.dumps(k) + ":" + to_json(v) for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(to_json(v) for v in value) + "]"
    return json.dumps(value)


def main():
    cases = all_cases(random.Random(SEED), run_torch, case_tensors)
    names = [c["name"] for c in cases]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    assert not duplicates, f"duplicate case names: {duplicates}"
    entries = [build_case(c) for c in cases]
    valid = sum("expected" in e for e in entries)
    lines = ["{" + f'"generator":"tests/golden/generate.py","torch":{json.dumps(torch.__version__)},'
             + '"tolerance":"|got - expected| <= 2^-24 * ((terms + 2) * magnitude + 2 * |expected|)",'
             + '"cases":[']
    lines += [to_json(e) + ("," if i + 1 < len(entries) else "") for i, e in enumerate(entries)]
    lines.append("]}")
    text = "\n".join(lines) + "\n"
    json.loads(text)  # well-formed
    with open(OUT_PATH, "w") as out:
        out.write(text)
    print(f"wrote {OUT_PATH}: {valid} valid, {len(entries) - valid} error cases, "
          f"{len(text) / 1e6:.2f} MB")
    assert valid >= 300, "the golden suite must hold at least 300 PyTorch results"


if __name__ == "__main__":
    main()
