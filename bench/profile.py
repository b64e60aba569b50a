#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Where a compiled network spends its time, kernel by kernel.

  bench/profile.py MODEL(.onnx|.mlir) [--threads 1] [--computes 200]
                   [--top 30] [--sizes AxB] [-- WEBNNC_FLAGS...]

Compiles MODEL with webnnc into an object, links it into a small app
(bench/profile_app.c) with the runtime library, computes it COMPUTES times
under `perf record` and prints, per kernel: its share of the samples, its
time per compute (share x median), the multiply-add FLOPs of its
convolutions and matrix products, and their rate. Needs Linux perf.

Winograd convs count the FLOPs of the direct convolution they replace, so
their rate can exceed the machine's peak; integer convs count
their multiply-adds as two operations, like float ones; depthwise convs and
memory-bound kernels show low rates by nature.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAME = "profiled"


def shape(text):
    # An open dimension ("?") counts 0: its kernels show no FLOP rate.
    return [0 if d == "?" else int(d) for d in text.split("x")[:-1]]


def kernel_flops(mlir):
    """FLOPs of each kernel function's conv and matmul ops, call counts and
    full names."""
    calls, names = {}, {}
    for m in re.finditer(r"call @(%s_k\d+)_" % NAME, mlir):
        calls[m.group(1)] = calls.get(m.group(1), 0) + 1
    flops = {}
    op = re.compile(r"webnn\.(quantized_conv2d|packed_conv2d|"
                    r"winograd_conv2d|conv2d|packed_matmul|matmul|gemm) [^\n]*: \(([^)]*)\) -> "
                    r"tensor<([^>]*)>")
    for fn in re.finditer(r"func\.func private @(%s_k\d+)_\w+\((.*?)\n  }"
                          % NAME, mlir, re.S):
        kernel, body, total = fn.group(1), fn.group(2), 0
        names[kernel] = fn.group(0).split("@", 1)[1].split("(", 1)[0]
        for m in op.finditer(body):
            kind = m.group(1)
            ins = [shape(t) for t in re.findall(r"tensor<([^>]*)>", m.group(2))]
            out = shape(m.group(3))
            outputs = 1
            for d in out:
                outputs *= d
            line = m.group(0)
            if kind == "quantized_conv2d":
                # dense [O/P, h, w, I/4, P, 4] or depthwise [h, w, C]
                w = ins[1]
                f = w[1] * w[2] * w[3] * 4 if len(w) == 6 else w[0] * w[1]
            elif kind == "packed_conv2d":  # [O/P, h, w, i, P]
                f = ins[1][1] * ins[1][2] * ins[1][3]
            elif kind == "winograd_conv2d":  # [alpha^2, O/P, i, P]
                f = 9 * ins[1][2]
            elif kind == "conv2d":
                w = ins[1]
                if "hwio" in line:
                    f = w[0] * w[1] * w[2]
                elif "ohwi" in line:
                    f = w[1] * w[2] * w[3]
                elif "ihwo" in line:
                    f = w[1] * w[2] * w[0]
                else:  # oihw
                    f = w[1] * w[2] * w[3]
            else:  # products: K is a's last dimension (or first, transposed)
                f = ins[0][0] if "a_transpose = true" in line else ins[0][-1]
            total += 2 * outputs * f
        flops[kernel] = total * calls.get(kernel, 1)
    return flops, calls, names


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--computes", type=int, default=200)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--work", default=os.path.join(ROOT, "build/bench/profile"))
    parser.add_argument("--webnnc", default=os.path.join(ROOT, "build/bin/webnnc"))
    parser.add_argument("--runtime", default=os.path.join(
        ROOT, "build/runtime/libwebnnc_runtime.a"))
    parser.add_argument("--sizes", default="",
                        help="open input dimensions at compute, AxB... in "
                             "input order")
    # Flags after "--" go to webnnc as they are.
    argv = sys.argv[1:]
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    args = parser.parse_args(argv[:argv.index("--")] if "--" in argv else argv)
    args.flags = extra
    if not shutil.which("perf"):
        raise SystemExit("profile.py needs Linux perf (Debian: linux-perf)")
    os.makedirs(args.work, exist_ok=True)
    obj = os.path.join(args.work, "model.o")
    compile_flags = ["--name", NAME] + args.flags
    subprocess.run([args.webnnc, args.model, "-o", obj] + compile_flags,
                   check=True)
    mlir = subprocess.run([args.webnnc, args.model, "--emit=mlir", "-o", "-"]
                          + compile_flags, check=True, capture_output=True,
                          text=True).stdout
    app = os.path.join(args.work, "app")
    subprocess.run(["cc", "-O2", "-DMODEL_SYMBOL=webnnc_%s_model" % NAME,
                    "-I", os.path.join(ROOT, "runtime/include"),
                    os.path.join(ROOT, "bench/profile_app.c"), obj,
                    args.runtime, "-lpthread", "-lm", "-o", app], check=True)
    data = os.path.join(args.work, "perf.data")
    run = subprocess.run(["perf", "record", "-q", "-o", data, app,
                          str(args.computes), str(args.threads), args.sizes],
                         capture_output=True, text=True)
    if run.returncode:
        raise SystemExit("profile_app failed: " + run.stderr.strip())
    median = float(re.search(r"median_ms: (\S+)", run.stdout).group(1))
    report = subprocess.run(["perf", "report", "-i", data, "--no-children",
                             "--sort", "sym"], check=True,
                            capture_output=True, text=True).stdout
    share, other = {}, 0.0
    for line in report.splitlines():
        m = re.match(r"\s*([\d.]+)%\s+\[.\]\s+(\S+)", line)
        if not m:
            continue
        k = re.match(r"(%s_k\d+)_" % NAME, m.group(2))
        if k:
            share[k.group(1)] = share.get(k.group(1), 0.0) + float(m.group(1))
        else:
            other += float(m.group(1))
    flops, calls, names = kernel_flops(mlir)
    print(f"{args.model}: median {median:.3f} ms on {args.threads} "
          f"thread(s); kernels {sum(share.values()):.1f}% of the samples, "
          f"the rest (runtime, waiting) {other:.1f}%")
    print("| kernel | calls | share | ms | MFLOP | GFLOP/s |\n"
          "|---|---:|---:|---:|---:|---:|")
    for kernel, s in sorted(share.items(), key=lambda kv: -kv[1])[:args.top]:
        ms = median * s / 100
        f = flops.get(kernel, 0)
        rate = f"{f / ms / 1e6:.1f}" if f and ms > 0 else "-"
        print(f"| {names.get(kernel, kernel)} | {calls.get(kernel, 1)} | "
              f"{s:.1f}% | {ms:.3f} | "
              f"{f / 1e6:.1f} | {rate} |")


if __name__ == "__main__":
    sys.exit(main())
