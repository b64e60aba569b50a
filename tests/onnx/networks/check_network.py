#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Exports one reference network with torch (into the build tree, once),
compiles and computes it with `webnnc run`, and checks the output against
torch's: max |webnnc - torch| <= 1e-3 * max |torch|.

  check_network.py WEBNNC EXPORT_SCRIPT WORK_DIR NAME [FEATURE_VALUE]
                   [--target=TARGET] [--threads=N]

With FEATURE_VALUE (an intermediate ONNX value), the model is compiled for
that value alone (`--outputs`) and compared with NAME.feature.npy. With
--target, it is compiled for that target (aarch64: computed under qemu).
"""
import os
import subprocess
import sys

import numpy as np


def main():
    flags = [a for a in sys.argv[1:] if a.startswith("--")]
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    webnnc, export_script, work, name = args[:4]
    feature = args[4] if len(args) > 4 else None
    model = os.path.join(work, name + ".onnx")
    if not os.path.exists(model):
        subprocess.run(["/usr/bin/python3", export_script, work, name],
                       check=True, stdout=subprocess.DEVNULL)
    suffix = "".join("." + f[2:].replace("=", "_") for f in flags)
    out_dir = os.path.join(work, name + (".feature" if feature else ".webnnc")
                           + suffix)
    command = [webnnc, "run", model,
               "--input", "input=" + os.path.join(work, name + ".input.npy"),
               "--output-dir", out_dir] + flags
    if feature:
        command += ["--outputs", feature]
    listing = subprocess.run(command, check=True, capture_output=True,
                             text=True).stdout
    print(listing, end="")
    written = [line.split(" -> ")[1] for line in listing.splitlines()
               if " -> " in line]
    if len(written) != 1:
        raise SystemExit(f"{name}: expected one output, got {written}")
    actual = np.load(written[0])
    expected = np.load(os.path.join(
        work, name + (".feature.npy" if feature else ".output.npy")))
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
