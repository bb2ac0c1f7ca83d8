#!/usr/bin/python3
"""Differential audit against torch 1.13 (issue 12): random configurations, most of them
odd (zero and negative sizes and parameters, tuples of the wrong length, wrong ranks, bad
biases, every padding kind and mode, outputSize), each answered by torch through the same
calls as the golden fixture (generate.build_case), written to build/differential/cases.json.
Replay with `node tests/golden/differential_compare.js` (needs build/site). Not run by ./test.

    /usr/bin/python3 tests/golden/differential.py [SEED] [COUNT]
"""

import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402  (pins torch's backend and the hash seed, as the fixture does)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT_PATH = os.path.join(ROOT, "build", "differential", "cases.json")


def random_case(rng, index):
    def size():
        return rng.choice([0, 1, 1, 2, 3, 4, 5]) if rng.random() < 0.3 else rng.randint(1, 4)

    def tup(lo, hi):
        r = rng.random()
        if r < 0.5:
            return rng.randint(lo, hi)
        if r < 0.9:
            return [rng.randint(lo, hi), rng.randint(lo, hi)]
        return [rng.randint(lo, hi) for _ in range(rng.choice([1, 3]))]

    op = rng.choice(["conv2d", "conv_transpose2d"])
    groups = rng.choice([1, 1, 1, 2, 3, 0, -1])
    g = max(groups, 1)
    cin = g * rng.randint(0, 2) if rng.random() < 0.8 else rng.randint(0, 4)
    cout = g * rng.randint(0, 2) if rng.random() < 0.8 else rng.randint(0, 4)
    batched = rng.random() < 0.7
    h, w = size(), size()
    x = [rng.choice([0, 1, 2]), cin, h, w] if batched else [cin, h, w]
    if rng.random() < 0.05:
        x = x[1:] if batched else [1] + x + [2]
    kernel = [rng.choice([0, 1, 2, 3]), rng.choice([0, 1, 2, 3])]
    per_group = (cin if op == "conv2d" else cout) // g if rng.random() < 0.85 else rng.randint(0, 3)
    weight = [cout if op == "conv2d" else cin, per_group] + kernel
    if rng.random() < 0.05:
        weight = weight[:rng.randint(0, 3)] if rng.random() < 0.5 else weight + [2]
    options = {}
    if rng.random() < 0.5:
        options["stride"] = tup(-1, 3)
    if rng.random() < 0.5:
        options["padding"] = tup(-1, 3)
    if rng.random() < 0.4:
        options["dilation"] = tup(-1, 3)
    if groups != 1:
        options["groups"] = groups
    if op == "conv2d":
        if rng.random() < 0.15:
            options["padding"] = rng.choice(["same", "valid"])
        if rng.random() < 0.3:
            options["paddingMode"] = rng.choice(["reflect", "replicate", "circular"])
        if options.get("paddingMode") == "circular" and not batched:
            del options["paddingMode"]  # torch 1.13's known bug (PYTORCH.md §4.7)
    else:
        if rng.random() < 0.4:
            options["outputPadding"] = tup(-1, 2)
        if rng.random() < 0.15:
            options["outputSize"] = [rng.randint(0, 12) for _ in range(rng.choice([2, 2, 3, 4]))]
    bias = None
    if rng.random() < 0.4:
        bias = [cout] if rng.random() < 0.85 else rng.choice([[], [cout + 1], [cout, 1]])
    return {"name": f"differential_{index}", "op": op, "input": x, "weight": weight, "bias": bias,
            "options": options, "fill": "random", "expect": None}


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    rng = random.Random(seed)
    entries, other = [], 0
    for index in range(count):
        case = random_case(rng, index)
        try:
            entries.append(generate.build_case(case))
        except Exception as error:  # torch's own IndexErrors, messages without a rule
            other += 1
            print("torch-other", json.dumps([case["op"], case["input"], case["weight"], case["bias"],
                                             case["options"]]), f"{type(error).__name__}: {error}"[:240])
    os.makedirs(os.path.dirname(OUT_PATH), exist_ok=True)
    with open(OUT_PATH, "w") as out:
        out.write('{"cases":[\n' + ",\n".join(generate.to_json(e) for e in entries) + "\n]}\n")
    print(f"wrote {OUT_PATH}: {len(entries)} cases ({other} more that torch answered otherwise)")


if __name__ == "__main__":
    main()
