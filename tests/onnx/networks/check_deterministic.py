#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Checks `webnnc --deterministic` on one reference network: compiled for
x86-64-v3 (AVX2), x86-64-v4 (AVX-512) and host, each computed at 1, 2 and
3 threads, twice, every output must hold the same bits; the first must
also match torch's (max |webnnc - torch| <= 1e-3 * max |torch|).

  check_deterministic.py WEBNNC EXPORT_SCRIPT WORK_DIR NAME

Exports NAME with torch into WORK_DIR once (shared with check_network.py).
"""
import os
import subprocess
import sys

import numpy as np

TARGETS = ["x86-64-v3", "x86-64-v4", "host"]
THREADS = [1, 2, 3]


def main():
    webnnc, export_script, work, name = sys.argv[1:5]
    model = os.path.join(work, name + ".onnx")
    if not os.path.exists(model):
        subprocess.run(["/usr/bin/python3", export_script, work, name],
                       check=True, stdout=subprocess.DEVNULL)
    first, first_run = None, None
    for target in TARGETS:
        for repeat in range(2):
            for threads in THREADS:
                run = f"{target} at {threads} threads (run {repeat + 1})"
                out_dir = os.path.join(
                    work, f"{name}.deterministic.{target}.t{threads}")
                subprocess.run(
                    [webnnc, "run", model, "--deterministic",
                     "--target", target, "--threads", str(threads),
                     "--input", "input=" + os.path.join(work, name + ".input.npy"),
                     "--output-dir", out_dir],
                    check=True, stdout=subprocess.DEVNULL)
                actual = np.load(os.path.join(out_dir, "output.npy"))
                if first is None:
                    first, first_run = actual, run
                    continue
                differing = first.size if actual.shape != first.shape else \
                    int(np.count_nonzero(np.any(
                        actual.view(np.uint8).reshape(actual.size, -1) !=
                        first.view(np.uint8).reshape(first.size, -1), axis=1)))
                if differing:
                    raise SystemExit(
                        f"{name}: not deterministic: {run} differs from "
                        f"{first_run} in {differing} of {first.size} elements")
    expected = np.load(os.path.join(work, name + ".output.npy"))
    scale = float(np.abs(expected).max())
    error = float(np.abs(first.astype(np.float64) - expected).max())
    relative = error / scale if scale else error
    if not np.isfinite(relative) or relative > 1e-3:
        raise SystemExit(f"{name}: output differs from torch's by "
                         f"{relative:.3g} (relative), more than 1e-3")
    print(f"{name}: {len(TARGETS) * len(THREADS) * 2} runs, the same bits; "
          f"max |webnnc - torch| relative {relative:.3g}")
    print(f"{name}: deterministic")


if __name__ == "__main__":
    main()
