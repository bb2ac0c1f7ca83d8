#!/usr/bin/python3
"""The benchmark workloads (bench/workloads.js) in PyTorch on one thread: a native
reference point for bench/run.sh, not a peer of the WebAssembly table."""
import argparse
import statistics
import time

import torch
import torch.nn.functional as F

WORKLOADS = [  # id, name, op, input, weight, stride, padding, groups
    ("W1", "cell", "conv2d", (1, 1, 8, 8), (1, 1, 3, 3), 1, 1, 1),
    ("W2", "image", "conv2d", (1, 3, 512, 512), (3, 3, 5, 5), 1, 2, 1),
    ("W3", "decoder", "conv_transpose2d", (1, 64, 64, 64), (64, 32, 4, 4), 2, 1, 1),
    ("W4", "layer", "conv2d", (1, 64, 56, 56), (64, 64, 3, 3), 1, 1, 1),
    ("W5", "depthwise", "conv2d", (1, 64, 56, 56), (64, 1, 3, 3), 1, 1, 64),
]


def flops(op, x, w, y):
    if op == "conv2d":
        return 2 * y.numel() * w.shape[1] * w.shape[2] * w.shape[3]
    return 2 * x.numel() * w.shape[1] * w.shape[2] * w.shape[3]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    torch.set_num_threads(1)
    print(f"torch {torch.__version__}, threads={torch.get_num_threads()}")
    for wid, name, op, xs, ws, stride, padding, groups in WORKLOADS:
        x, w = torch.rand(xs) * 2 - 1, torch.rand(ws) * 2 - 1
        fn = F.conv2d if op == "conv2d" else F.conv_transpose2d
        call = lambda: fn(x, w, None, stride=stride, padding=padding, groups=groups)
        batch = 2000 if wid == "W1" else 1
        with torch.no_grad():
            y = call()
            for _ in range(3 * batch):
                call()
            samples = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                for _ in range(batch):
                    call()
                samples.append((time.perf_counter() - t0) / batch)
        t = statistics.median(samples)
        if wid == "W1":
            print(f"{wid} {name:10s} {t * 1e6:8.2f} us per call")
        else:
            print(f"{wid} {name:10s} {flops(op, x, w, y) / t * 1e-9:8.1f} GFLOP/s")


if __name__ == "__main__":
    main()
