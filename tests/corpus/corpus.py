#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""The model corpus: networks exported by torch (torch_models.py) at
opsets 13 and 17, batch 1 and more, statically and with dynamic axes, and
hand-written graphs (handwritten.py), each compiled by webnnc and computed
on one and two threads against torch's outputs (ONNX Runtime's for the
hand-written graphs): max |webnnc - expected| <= 1e-3 * max |expected|.
A dynamic export (dynamic_axes over batch and sequence) is compiled with
those dimensions left open (--dim-max) and computed at several (batch,
sequence) sizes, each against torch.

  corpus.py WEBNNC WORK_DIR [--tier fast|full] [--filter REGEX]
            [--source torch|handwritten] [--checked] [--table FILE]

Exports and expected outputs are made once into WORK_DIR and reused.
--checked compiles with checked kernels (every buffer access tested).
Prints one line per model and ends with "N passed, N failed"; --table
writes the results as a Markdown table (docs/corpus.md holds the full
tier's). The hand-written graphs need ONNX Runtime (scripts/setup
--bench); without it they are skipped, and a run with nothing else to do
exits 77 (skipped).
"""
import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ORT_RUN = os.path.join(ROOT, "tests", "tools", "ort_run.js")
PYTHON = "/usr/bin/python3"  # Debian's, with torch, torchvision and onnx


class Variant:
    def __init__(self, network, opset, batch, tier, dynamic=False,
                 source="torch"):
        self.network, self.opset, self.batch = network, opset, batch
        self.tier, self.dynamic, self.source = tier, dynamic, source
        if source == "torch":
            self.name = f"{network}_op{opset}_b{batch}" + \
                ("_dynamic" if dynamic else "")
        else:
            self.name = network


def variants():
    import handwritten
    out = []
    fast = {  # small enough for every CI run, together a few minutes
        "resnet18_96": [(13, 2)],
        "mobilenet_v3_small_128": [(17, 3)],
        "shufflenet_v2_x0_5_96": [(13, 1)],
        "squeezenet1_1": [(13, 1)],
        "lstm_bidirectional_2": [(13, 2)],
        "gru_2": [(17, 1)],
        "encoder_post_norm_relu": [(13, 2)],  # (17, 1): dynamic, below
        "encoder_pre_norm_gelu": [(17, 2)],
        "encoder_padding_mask": [(17, 2)],
        "decoder_causal": [(13, 1)],
        "mlp_gelu_tanh": [(13, 3)],
        "gpt_block": [(17, 2)],  # (13, 1): dynamic, below
        "scatter_index_put": [(13, 2)],
        "transposed_conv_decoder": [(17, 3)],
        "u2net_blocks_70x58": [(13, 2)],
    }
    from torch_models import NETWORKS
    for network in NETWORKS:
        for opset in (13, 17):
            for batch in (1, 2):
                tier = "fast" if (opset, batch) in fast.get(network, []) \
                    else "full"
                out.append(Variant(network, opset, batch, tier))
        for opset, batch in fast.get(network, []):
            if batch > 2:
                out.append(Variant(network, opset, batch, "fast"))
    # Dynamic exports: every network at opset 17 in the full tier, a few
    # in the fast one (LeNet-5, ResNet-18 over open batch, height and
    # width, the transformer shapes, the recurrent stacks over an open
    # sequence length).
    fast_dynamic = {"resnet18_hw": 17, "encoder_post_norm_relu": 17,
                    "gpt_block": 13, "encoder_padding_mask": 17,
                    "scatter_index_put": 16, "transposed_conv_decoder": 13,
                    "lstm_bidirectional_2": 17, "gru_2": 13, "lenet5": 13}
    for network in NETWORKS:
        opset = fast_dynamic.get(network, 17)
        tier = "fast" if network in fast_dynamic else "full"
        out.append(Variant(network, opset, 1, tier, dynamic=True))
    for case in handwritten.CASES:
        out.append(Variant(case, 0, 1, "fast", source="handwritten"))
    return out


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


def prepare(v, work):
    """Exports the model and its expected outputs once; returns its dir."""
    directory = os.path.join(work, v.name)
    # Written after the export, holding the exporting script's hash: an
    # edited script exports again.
    done = os.path.join(directory, "complete")
    script = "torch_models.py" if v.source == "torch" else "handwritten.py"
    with open(os.path.join(HERE, script), "rb") as f:
        stamp = hashlib.sha256(f.read()).hexdigest()
    if os.path.exists(done):
        with open(done) as f:
            if f.read() == stamp:
                return directory
        shutil.rmtree(directory)
    if v.source == "torch":
        command = [PYTHON, os.path.join(HERE, "torch_models.py"), v.network,
                   str(v.opset), str(v.batch), directory]
        if v.dynamic:
            command.append("--dynamic")
        made = run(command)
        if made.returncode:
            raise RuntimeError("export failed: " + last_line(made.stderr))
    else:
        made = run([PYTHON, os.path.join(HERE, "handwritten.py"), v.network,
                    directory])
        if made.returncode:
            raise RuntimeError("writing the graph failed: " +
                               last_line(made.stderr))
        computed = run(["node", ORT_RUN, os.path.join(directory, "model.onnx"),
                        os.path.join(directory, "expected")] +
                       input_args(directory))
        if computed.returncode:
            raise RuntimeError("ONNX Runtime failed: " +
                               last_line(computed.stderr))
    with open(done, "w") as f:
        f.write(stamp)
    return directory


def last_line(text):
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "(no output)"


def input_args(directory):
    folder = os.path.join(directory, "inputs")
    return [f"{name[:-4]}={os.path.join(folder, name)}"
            for name in sorted(os.listdir(folder))]


def compare(expected_dir, actual_dir):
    """The largest relative error over every output, or raises."""
    worst = 0.0
    for name in sorted(os.listdir(expected_dir)):
        expected = np.load(os.path.join(expected_dir, name))
        path = os.path.join(actual_dir, name)
        if not os.path.exists(path):
            raise RuntimeError(f"no output {name[:-4]}")
        actual = np.load(path)
        if actual.shape != expected.shape:
            raise RuntimeError(f"{name[:-4]}: shape {actual.shape}, expected "
                               f"{expected.shape}")
        if expected.dtype == np.bool_:
            actual = actual.astype(np.bool_)
        a, e = actual.astype(np.float64), expected.astype(np.float64)
        # NaNs and infinities must be where expected; the tolerance is
        # relative to the largest finite value.
        if not (np.array_equal(np.isnan(a), np.isnan(e)) and
                np.array_equal(np.isinf(a), np.isinf(e)) and
                np.array_equal(a[np.isinf(e)], e[np.isinf(e)])):
            raise RuntimeError(f"{name[:-4]}: NaNs or infinities differ")
        finite = np.isfinite(e)
        scale = float(np.abs(e[finite]).max()) if finite.any() else 0.0
        error = float(np.abs(a[finite] - e[finite]).max()) \
            if finite.any() else 0.0
        relative = error / scale if scale else error
        if not np.isfinite(relative) or relative > 1e-3:
            raise RuntimeError(f"{name[:-4]}: differs by {relative:.3g} "
                               "(relative to max |expected|)")
        worst = max(worst, relative)
    return worst


def compute(webnnc, model, directory, out, threads, checked, extra=()):
    command = [webnnc, "run", model, "--threads", str(threads),
               "--output-dir", out] + list(extra)
    for arg in input_args(directory):
        command += ["--input", arg]
    if checked:
        command.append("--checked-kernels")
    computed = run(command)
    if computed.returncode:
        raise RuntimeError(last_line(computed.stderr or computed.stdout))
    return compare(os.path.join(directory, "expected"), out)


# Bounds that keep a dynamic export's dimensions open (rather than sized
# from the inputs' shapes) while every checked size fits. gru and lstm
# unroll their steps at compile time: their sequence is sized from the
# inputs (a compile per size), their batch stays open.
OPEN = ["--dim-max", "batch=16", "--dim-max", "sequence=512"]
STATIC_SEQUENCE = {"lstm_bidirectional_2", "gru_2"}


def check(v, work, webnnc, checked):
    directory = prepare(v, work)
    model = os.path.join(directory, "model.onnx")
    started = time.time()
    worst = 0.0
    if v.dynamic:
        sizes = os.path.join(directory, "sizes")
        for k, size in enumerate(sorted(os.listdir(sizes))):
            at = os.path.join(sizes, size)
            threads = 2 if k == 1 else 1
            worst = max(worst, compute(webnnc, model, at,
                                       os.path.join(at, "webnnc"), threads,
                                       checked,
                                       OPEN[:2] if v.network in
                                       STATIC_SEQUENCE else OPEN))
        return worst, time.time() - started
    for threads in (1, 2):
        out = os.path.join(directory, f"webnnc_t{threads}")
        worst = max(worst, compute(webnnc, model, directory, out, threads,
                                   checked))
    return worst, time.time() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("webnnc")
    parser.add_argument("work")
    parser.add_argument("--tier", default="fast", choices=["fast", "full"])
    parser.add_argument("--filter", default="")
    parser.add_argument("--source", choices=["torch", "handwritten"])
    parser.add_argument("--checked", action="store_true")
    parser.add_argument("--table")
    args = parser.parse_args()
    sys.path.insert(0, HERE)
    selected = [v for v in variants()
                if (args.tier == "full" or v.tier == "fast")
                and re.search(args.filter, v.name)
                and args.source in (None, v.source)]
    ort = os.path.join(ROOT, "bench", "node_modules", "onnxruntime-node")
    if not os.path.isdir(ort):
        skipped = [v for v in selected if v.source == "handwritten"]
        if skipped:
            print(f"SKIPPED {len(skipped)} hand-written graphs: ONNX Runtime "
                  "computes their expected outputs and is not installed "
                  "(scripts/setup --bench)")
        selected = [v for v in selected if v.source != "handwritten"]
        if not selected:
            return 77
    os.makedirs(args.work, exist_ok=True)
    rows, passed, failed = [], 0, 0
    for v in selected:
        try:
            worst, seconds = check(v, args.work, args.webnnc, args.checked)
            passed += 1
            status = f"ok (max relative error {worst:.2g}, {seconds:.1f} s)"
            rows.append((v, "pass", f"{worst:.1e}", ""))
        except Exception as e:  # one model's failure is its row, not the end
            failed += 1
            status = f"FAILED: {e}"
            rows.append((v, "fail", "", str(e)))
        print(f"{v.name}: {status}", flush=True)
    if args.table:
        with open(args.table, "w") as table:
            table.write("| model | source | opset | batch | result | max rel. "
                        "error | reason |\n|---|---|---|---|---|---|---|\n")
            for v, result, error, reason in rows:
                opset = str(v.opset) if v.opset else "-"
                table.write(f"| {v.network} | {v.source} | {opset} | "
                            f"{v.batch}{' (dynamic)' if v.dynamic else ''} | "
                            f"{result} | {error} | {reason} |\n")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
