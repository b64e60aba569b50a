#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Single-kernel microbenchmarks: GFLOP/s and % of peak per op and shape.

  bench/kernels.py [--only NAME,...] [--threads 1] [--computes 50]

Each case is a one-op `webnn` graph with constant weights (so the weight
packing pass runs as it does in a network), compiled and timed by
`webnnc run --bench`. The shapes are the ones the reference networks spend
their time in, so a regression shows in the kernel that caused it.
"""
import argparse
import os
import re
import subprocess
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from machine import cpu_name, measure_peak_gflops  # noqa: E402


def conv(name, c, o, size, k, stride=1, groups=1, flags=()):
    """A conv + bias + relu on channels-last data (the layout webnnc's
    kernels use, so no transposes are timed), with the FLOPs of the direct
    convolution (a Winograd conv does fewer)."""
    pad = k // 2
    out = (size + 2 * pad - k) // stride + 1
    flop = 2 * o * out * out * (c // groups) * k * k
    x_type = f"tensor<1x{size}x{size}x{c}xf32>"
    y_type = f"tensor<1x{out}x{out}x{o}xf32>"
    w_type = f"tensor<{o}x{c // groups}x{k}x{k}xf32>"
    text = f"""func.func @main(%x: {x_type} {{webnn.name = "x"}}) -> ({y_type} {{webnn.name = "y"}}) {{
  %w = webnn.constant dense<0.01> : {w_type}
  %b = webnn.constant dense<0.5> : tensor<{o}xf32>
  %0 = webnn.conv2d %x, %w, %b {{padding = array<i64: {pad}, {pad}, {pad}, {pad}>, strides = array<i64: {stride}, {stride}>, groups = {groups} : i64, input_layout = #webnn<layout nhwc>}} : ({x_type}, {w_type}, tensor<{o}xf32>) -> {y_type}
  %1 = webnn.relu %0 : ({y_type}) -> {y_type}
  return %1 : {y_type}
}}
"""
    return name, text, {"x": (1, size, size, c)}, flop, list(flags)


def matmul(name, m, k, n, batch=None, constant_b=True):
    lead = f"{batch}x" if batch else ""
    a_type = f"tensor<{lead}{m}x{k}xf32>"
    b_type = f"tensor<{lead}{k}x{n}xf32>"
    y_type = f"tensor<{lead}{m}x{n}xf32>"
    flop = 2 * (batch or 1) * m * n * k
    inputs = {"a": ((batch,) if batch else ()) + (m, k)}
    if constant_b:
        b_def = f"  %b = webnn.constant dense<0.01> : {b_type}\n"
        args = f"%a: {a_type} {{webnn.name = \"a\"}}"
    else:
        b_def = ""
        args = (f"%a: {a_type} {{webnn.name = \"a\"}}, "
                f"%b: {b_type} {{webnn.name = \"b\"}}")
        inputs["b"] = ((batch,) if batch else ()) + (k, n)
    text = f"""func.func @main({args}) -> ({y_type} {{webnn.name = "y"}}) {{
{b_def}  %0 = webnn.matmul %a, %b : ({a_type}, {b_type}) -> {y_type}
  return %0 : {y_type}
}}
"""
    return name, text, inputs, flop, []


CASES = [
    matmul("sgemm_512", 512, 512, 512),
    conv("resnet50_conv3x3_64_56", 64, 64, 56, 3),
    conv("resnet50_conv3x3_128_28", 128, 128, 28, 3),
    conv("resnet50_conv3x3_256_14", 256, 256, 14, 3),
    conv("resnet50_conv3x3_512_7", 512, 512, 7, 3),
    conv("resnet50_conv3x3_64_56_direct", 64, 64, 56, 3,
         flags=["--no-winograd"]),
    conv("resnet50_conv3x3_128_28_direct", 128, 128, 28, 3,
         flags=["--no-winograd"]),
    conv("resnet50_conv3x3_256_14_direct", 256, 256, 14, 3,
         flags=["--no-winograd"]),
    conv("resnet50_conv3x3_512_7_direct", 512, 512, 7, 3,
         flags=["--no-winograd"]),
    conv("resnet50_conv3x3_s2_128_56", 128, 128, 56, 3, stride=2),
    conv("resnet50_conv1x1_64_256_56", 64, 256, 56, 1),
    conv("resnet50_conv1x1_1024_256_14", 1024, 256, 14, 1),
    conv("resnet50_stem_7x7s2", 3, 64, 224, 7, stride=2),
    conv("mobilenet_stem_3x3s2", 3, 32, 224, 3, stride=2),
    conv("mobilenet_depthwise_144_56", 144, 144, 56, 3, groups=144),
    conv("mobilenet_depthwise_s2_96_112", 96, 96, 112, 3, stride=2,
         groups=96),
    conv("mobilenet_conv1x1_144_24_56", 144, 24, 56, 1),
    matmul("transformer_qkv_128x256x768", 128, 256, 768),
    matmul("transformer_ffn_128x256x2048", 128, 256, 2048),
    matmul("transformer_attention_8x128x32x128", 128, 32, 128, batch=8,
           constant_b=False),
]


def run(args, name, text, inputs, flop, flags):
    work = os.path.join(args.work, name)
    os.makedirs(work, exist_ok=True)
    graph = os.path.join(work, name + ".mlir")
    with open(graph, "w") as out:
        out.write(text)
    command = [args.webnnc, "run", graph, "--output-dir", work,
               "--threads", str(args.threads), "--bench", str(args.computes)]
    command += flags
    rng = np.random.default_rng(0)
    for input_name, shape in inputs.items():
        path = os.path.join(work, input_name + ".npy")
        np.save(path, rng.standard_normal(shape).astype(np.float32))
        command += ["--input", f"{input_name}={path}"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{name}: {result.stderr.strip()}")
    ms = float(re.search(r"^median_ms: (\S+)$", result.stdout, re.M).group(1))
    gflops = flop / ms / 1e6
    peak = args.peak_gflops * args.threads
    print(f"| {name} | {args.threads} | {ms:.3f} | {gflops:.1f} | "
          f"{100 * gflops / peak:.1f} |", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="comma-separated case names")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--computes", type=int, default=50)
    parser.add_argument("--peak-gflops", type=float,
                        help="one core's fp32 FMA peak (default: measured "
                        "by bench/peak.c)")
    parser.add_argument("--work",
                        default=os.path.join(ROOT, "build/bench/kernels"))
    parser.add_argument("--webnnc",
                        default=os.path.join(ROOT, "build/bin/webnnc"))
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    wanted = set(args.only.split(",")) if args.only else None
    if args.list:
        print("\n".join(case[0] for case in CASES))
        return
    unknown = (wanted or set()) - {case[0] for case in CASES}
    if unknown:
        raise SystemExit(f"unknown cases: {', '.join(sorted(unknown))}")
    os.makedirs(args.work, exist_ok=True)
    if args.peak_gflops is None:
        args.peak_gflops = measure_peak_gflops(args.work)
    print(f"{cpu_name()}: measured peak {args.peak_gflops:.1f} GFLOP/s per "
          "core (fp32 FMA)")
    print("| kernel | threads | median ms | GFLOP/s | % of peak |\n"
          "|---|---:|---:|---:|---:|", flush=True)
    for case in CASES:
        if wanted is None or case[0] in wanted:
            run(args, *case)


if __name__ == "__main__":
    sys.exit(main())
