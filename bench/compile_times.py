#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""How long webnnc takes to compile the reference networks, cold and warm.

  bench/compile_times.py [--networks resnet50,mobilenet_v2] [--jobs 2]
                         [--markdown FILE]

For each network (the ONNX exports bench/run.py uses, and cnn_attention,
a 10 MB conv stem with two attention layers), compiles it to an
object three times with one fresh cache: cold (the cache empty, every
kernel generated), warm with every kernel from the cache (`--stats`, which
reports a compile, makes webnnc compile rather than reuse the object),
and warm again, when the whole object comes from the cache. Measures wall
time and peak memory (resident set, the largest process) with
/usr/bin/time. Prints a table with the weights' size beside them.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from run import NETWORKS, export  # noqa: E402


def timed(command):
    """(seconds, peak MB) of |command| under /usr/bin/time."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + command,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stderr}")
    seconds, kilobytes = result.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kilobytes) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # cnn_attention: a 10 MB model, conv stem and two attention layers
    parser.add_argument("--networks",
                        default=",".join(NETWORKS + ["cnn_attention"]))
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--work", default=os.path.join(ROOT, "build/bench"))
    parser.add_argument("--webnnc",
                        default=os.path.join(ROOT, "build/bin/webnnc"))
    parser.add_argument("--markdown", help="also write the table here")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)

    lines = ["| network | weights MB | cold s | cold peak MB | kernels cached s "
             "| kernels cached peak MB | object cached s | object cached "
             "peak MB |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
    print("\n".join(lines), flush=True)
    for name in args.networks.split(","):
        model, _ = export(args.work, name, args.webnnc)
        cache = tempfile.mkdtemp(prefix="webnnc-cache-", dir=args.work)
        output = os.path.join(args.work, name + ".compile.o")
        command = [args.webnnc, model, "-o", output, "--cache-dir", cache,
                   "-j", str(args.jobs), "--quiet"]
        if name.endswith("_dynamic"):
            command += ["--dim-max", "batch=64", "--dim-max", "sequence=1024"]
        cold = timed(command + ["--stats"])
        kernels = timed(command + ["--stats"])
        timed(command)  # stores the object
        whole = timed(command)
        shutil.rmtree(cache)
        weights = os.path.getsize(model) / 2**20
        line = (f"| {name} | {weights:.1f} | {cold[0]:.2f} | {cold[1]:.0f} | "
                f"{kernels[0]:.2f} | {kernels[1]:.0f} | {whole[0]:.2f} | "
                f"{whole[1]:.0f} |")
        lines.append(line)
        print(line, flush=True)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
