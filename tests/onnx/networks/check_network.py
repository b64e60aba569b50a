#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Exports one reference network with torch (into the build tree, once),
compiles and computes it with `webnnc run`, and checks the output against
torch's: max |webnnc - torch| <= 1e-3 * max |torch|.

  check_network.py WEBNNC EXPORT_SCRIPT WORK_DIR NAME
"""
import os
import subprocess
import sys

import numpy as np


def main():
    webnnc, export_script, work, name = sys.argv[1:5]
    model = os.path.join(work, name + ".onnx")
    if not os.path.exists(model):
        subprocess.run(["/usr/bin/python3", export_script, work, name],
                       check=True, stdout=subprocess.DEVNULL)
    out_dir = os.path.join(work, name + ".webnnc")
    subprocess.run([webnnc, "run", model,
                    "--input", "input=" + os.path.join(work, name + ".input.npy"),
                    "--output-dir", out_dir], check=True)
    actual = np.load(os.path.join(out_dir, "output.npy"))
    expected = np.load(os.path.join(work, name + ".output.npy"))
    if actual.shape != expected.shape:
        raise SystemExit(f"{name}: shape {actual.shape}, torch {expected.shape}")
    scale = float(np.abs(expected).max())
    error = float(np.abs(actual.astype(np.float64) - expected).max())
    relative = error / scale if scale else error
    print(f"{name}: max |webnnc - torch| = {error:.3g}, relative to max "
          f"|torch| {relative:.3g}")
    if not np.isfinite(relative) or relative > 1e-3:
        raise SystemExit(f"{name}: output differs from torch's by {relative:.3g}"
                         " (relative), more than 1e-3")
    print(f"{name}: matches torch")


if __name__ == "__main__":
    main()
