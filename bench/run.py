#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""webnnc against ONNX Runtime on the reference networks.

  bench/run.py [--networks lenet5,resnet50] [--threads 1,2] [--rounds 7]
               [--markdown FILE] [--deterministic]

For each network and thread count, compiles the network's ONNX file with
webnnc and loads it in ONNX Runtime (npm onnxruntime-node, installed by
`scripts/setup --bench`), both on the same input. Each side runs in its own
process that warms up, then computes on request; the rounds alternate
between the two so that both see the same machine. Prints per network and
thread count both medians (over every compute of every round), the ratio
webnnc/ORT, webnnc's GFLOP/s and % of the machine's peak, and the largest
difference between the two outputs. Exits non-zero if an output differs by
more than 1e-3 of its largest magnitude.

The networks come from models/onnx/export_networks.py (torch, fixed seed, no
downloads), exported into the work directory once. NAME_dynamic is NAME
exported with dynamic_axes and compiled with those dimensions left open
(--dim-max), computed at the static network's size: put beside NAME, the
two rows give the cost of open dimensions. NAME_int8 is NAME quantized by
tools/quantize (QDQ, calibrated), NAME_int4 NAME with weight-only int4
weights (--int4-weights); besides the six default networks,
export_networks.py makes bert_base, gpt2_small, decoder_mlp, u2net,
u2net_1024, deeplabv3 and others on
request. --deterministic also times each
network compiled `--deterministic` in the same rounds (two more columns:
its median and its ratio to the default compile).
"""
import argparse
import math
import os
import subprocess
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NETWORKS = ["lenet5", "mobilenet_v2", "resnet18", "resnet50",
            "squeezenet1_1", "transformer_encoder"]
sys.path.insert(0, os.path.join(ROOT, "bench"))
from flops import count_flops  # noqa: E402
from machine import cpu_name, measure_peak_gflops  # noqa: E402


class Server:
    """A process answering "N" on stdin with N compute times (ms)."""

    def __init__(self, name, command, env=None):
        self.name = name
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, env=env)
        line = self.process.stdout.readline().strip()
        if line != "ready":
            self.fail(f"did not start ({line!r})")

    def fail(self, what):
        self.process.kill()
        error = self.process.stderr.read().strip()
        raise SystemExit(f"{self.name}: {what}: {error}")

    def time(self, count):
        self.process.stdin.write(f"{count}\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            self.fail("stopped")
        return [float(t) for t in line.split()]

    def finish(self):
        self.process.stdin.close()
        if self.process.wait() != 0:
            self.fail(f"exited with {self.process.returncode}")


def quantized(work, name, webnnc):
    """NAME_int8: the float network quantized by tools/quantize (QDQ),
    calibrated on eight seeded random inputs of the network's shape."""
    model = os.path.join(work, name + ".onnx")
    base, base_input = export(work, name[:-len("_int8")], webnnc)
    if not os.path.exists(model):
        calibration = os.path.join(work, name + ".calibration")
        os.makedirs(calibration, exist_ok=True)
        shape = np.load(base_input).shape
        rng = np.random.default_rng(8)
        for k in range(8):
            np.save(os.path.join(calibration, f"{k}.npy"),
                    rng.standard_normal(shape).astype(np.float32))
        subprocess.run(["/usr/bin/python3",
                        os.path.join(ROOT, "tools/quantize/quantize.py"),
                        base, "--calibrate", calibration, "-o", model,
                        "--webnnc", webnnc], check=True,
                       stdout=subprocess.DEVNULL)
    return model, base_input


def int4_weights(work, name, webnnc):
    """NAME_int4: the float network with weight-only blockwise int4
    weights (tools/quantize --int4-weights, blocks of 32)."""
    model = os.path.join(work, name + ".onnx")
    base, base_input = export(work, name[:-len("_int4")], webnnc)
    if not os.path.exists(model):
        subprocess.run(["/usr/bin/python3",
                        os.path.join(ROOT, "tools/quantize/quantize.py"),
                        base, "--int4-weights", "-o", model], check=True,
                       stdout=subprocess.DEVNULL)
    return model, base_input


def export(work, name, webnnc):
    if name.endswith("_int8"):
        return quantized(work, name, webnnc)
    if name.endswith("_int4"):
        return int4_weights(work, name, webnnc)
    model = os.path.join(work, name + ".onnx")
    if not os.path.exists(model):
        subprocess.run(["/usr/bin/python3",
                        os.path.join(ROOT, "models/onnx/export_networks.py"),
                        work, name], check=True, stdout=subprocess.DEVNULL)
    return model, os.path.join(work, name + ".input.npy")


def tolerance(name):
    """Largest difference from ORT, relative to its largest output: an
    int8 network's rounding differs from ORT's integer kernels by a
    quantization step here and there, which grows through the layers; for
    int4 weights ORT quantizes the activations to int8 (its MatMulNBits
    default; ORT_MATMULNBITS_ACCURACY_LEVEL=0, see ort_bench.js, keeps
    them float32 and agrees to 1e-3)."""
    return 0.05 if name.endswith(("_int8", "_int4")) else 1e-3


def measure(args, name, threads):
    model, input_npy = export(args.work, name, args.webnnc)
    tag = f"{name}.t{threads}"
    webnnc_dir = os.path.join(args.work, tag + ".webnnc")
    ort_out = os.path.join(args.work, tag + ".ort.npy")
    keep_open = ["--dim-max", "batch=64", "--dim-max", "sequence=1024"] \
        if name.endswith("_dynamic") else []
    webnnc = Server("webnnc", [
        args.webnnc, "run", model, "--input", "input=" + input_npy,
        "--threads", str(threads), "--output-dir", webnnc_dir,
        "--bench-serve"] + keep_open)
    # --deterministic: the same model compiled deterministic, timed in the
    # same rounds.
    deterministic = Server("webnnc --deterministic", [
        args.webnnc, "run", model, "--input", "input=" + input_npy,
        "--threads", str(threads), "--output-dir", webnnc_dir + ".det",
        "--bench-serve", "--deterministic"] + keep_open) \
        if args.deterministic else None
    env = dict(os.environ, NODE_PATH=args.node_modules)
    ort = Server("onnxruntime", [
        "node", os.path.join(ROOT, "bench/ort_bench.js"), model, input_npy,
        ort_out, str(threads)], env=env)
    # Computes per round: about a quarter second of the slower side.
    probe = max(min(webnnc.time(3)), min(ort.time(3)))
    count = int(min(max(args.round_seconds * 1000 / max(probe, 1e-3), 3),
                    5000))
    ours, theirs, determined = [], [], []
    for _ in range(args.rounds):
        ours += webnnc.time(count)
        theirs += ort.time(count)
        if deterministic:
            determined += deterministic.time(count)
    webnnc.finish()
    ort.finish()
    if deterministic:
        deterministic.finish()

    written = [f for f in os.listdir(webnnc_dir) if f.endswith(".npy")]
    if len(written) != 1:
        raise SystemExit(f"{name}: webnnc wrote {written}, expected one output")
    actual = np.load(os.path.join(webnnc_dir, written[0])).astype(np.float64)
    expected = np.load(ort_out).astype(np.float64)
    if actual.shape != expected.shape:
        raise SystemExit(f"{name}: webnnc output {actual.shape}, ORT "
                         f"{expected.shape}")
    diff = float(np.abs(actual - expected).max())
    scale = float(np.abs(expected).max()) or 1.0
    # A dynamic export's shapes are symbolic: its static twin counts.
    flop = count_flops(export(args.work, name[:-len("_dynamic")], args.webnnc)[0]
                       if name.endswith("_dynamic") else model)
    ms, ort_ms = float(np.median(ours)), float(np.median(theirs))
    gflops = flop / ms / 1e6
    result = {
        "network": name, "threads": threads, "computes": len(ours),
        "webnnc_ms": ms, "ort_ms": ort_ms, "ratio": ms / ort_ms,
        "gflops": gflops,
        "peak_percent": 100 * gflops / (args.peak_gflops * threads),
        "max_diff": diff, "agrees": diff <= tolerance(name) * scale,
    }
    if deterministic:
        det_ms = float(np.median(determined))
        det = np.load(os.path.join(webnnc_dir + ".det", written[0]))
        det_diff = float(np.abs(det.astype(np.float64) - expected).max())
        result.update(deterministic_ms=det_ms, deterministic_ratio=det_ms / ms,
                      agrees=result["agrees"] and
                      det_diff <= tolerance(name) * scale)
    return result


HEADER = ("| network | threads | webnnc ms | ORT ms | webnnc/ORT | GFLOP/s "
          "| % of peak | max abs diff |\n"
          "|---|---:|---:|---:|---:|---:|---:|---:|")


DETERMINISTIC_HEADER = (" deterministic ms | deterministic/default |",
                        "---:|---:|")


def header(deterministic):
    if not deterministic:
        return HEADER
    top, rule = HEADER.split("\n")
    return (top + DETERMINISTIC_HEADER[0] + "\n" + rule +
            DETERMINISTIC_HEADER[1])


def row(r):
    text = (f"| {r['network']} | {r['threads']} | {r['webnnc_ms']:.3f} | "
            f"{r['ort_ms']:.3f} | {r['ratio']:.2f} | {r['gflops']:.1f} | "
            f"{r['peak_percent']:.1f} | {r['max_diff']:.2g} |")
    if "deterministic_ms" in r:
        text += (f" {r['deterministic_ms']:.3f} | "
                 f"{r['deterministic_ratio']:.2f} |")
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--networks", default=",".join(NETWORKS))
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--round-seconds", type=float, default=0.25)
    parser.add_argument("--peak-gflops", type=float,
                        help="one core's fp32 FMA peak (default: measured "
                        "by bench/peak.c)")
    parser.add_argument("--work", default=os.path.join(ROOT, "build/bench"))
    parser.add_argument("--webnnc",
                        default=os.path.join(ROOT, "build/bin/webnnc"))
    parser.add_argument("--node-modules",
                        default=os.path.join(ROOT, "bench/node_modules"))
    parser.add_argument("--markdown", help="also write the table here")
    parser.add_argument("--deterministic", action="store_true",
                        help="also time each network compiled "
                             "--deterministic, in the same rounds")
    args = parser.parse_args()
    if not os.path.isdir(os.path.join(args.node_modules, "onnxruntime-node")):
        # 77: what the test suite counts as skipped.
        print(f"SKIPPED: no onnxruntime-node in {args.node_modules}; run "
              "scripts/setup --bench", file=sys.stderr)
        sys.exit(77)
    os.makedirs(args.work, exist_ok=True)
    if args.peak_gflops is None:
        args.peak_gflops = measure_peak_gflops(args.work)
    machine = (f"{cpu_name()}, {os.cpu_count()} cores, measured peak "
               f"{args.peak_gflops:.1f} GFLOP/s per core (fp32 FMA)")
    print(machine, flush=True)
    print(header(args.deterministic), flush=True)
    results = []
    for name in args.networks.split(","):
        for threads in [int(t) for t in args.threads.split(",")]:
            results.append(measure(args, name, threads))
            print(row(results[-1]), flush=True)
    geomean = math.exp(sum(math.log(r["ratio"]) for r in results) /
                       len(results))
    print(f"geometric mean webnnc/ORT: {geomean:.2f}")
    if args.markdown:
        with open(args.markdown, "w") as out:
            out.write(f"{time.strftime('%Y-%m-%d')}, {machine}\n\n")
            out.write(header(args.deterministic) + "\n")
            out.writelines(row(r) + "\n" for r in results)
            out.write(f"\ngeometric mean webnnc/ORT: {geomean:.2f}\n")
    disagree = [f"{r['network']} ({r['threads']} threads)" for r in results
                if not r["agrees"]]
    if disagree:
        raise SystemExit("outputs differ from ONNX Runtime's by more than "
                         "their tolerance (relative): " + ", ".join(disagree))
    print("outputs agree with ONNX Runtime")


if __name__ == "__main__":
    main()
