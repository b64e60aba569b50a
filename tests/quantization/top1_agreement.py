#!/usr/bin/python3
"""Quantized networks keep their float model's answers.

  top1_agreement.py WEBNNC WORKDIR [--networks small,resnet50] [--samples N]
      [--min-agreement 0.95]

Each network is exported in float (models/onnx/export_networks.py, or
`small`: a conv net defined here, batch 2, with a residual add, a
depthwise conv, a concat and a linear head), quantized by
tools/quantize/quantize.py on eight seeded random inputs, and both are
computed by webnnc on N other seeded inputs: the class each picks (argmax
over the last dimension, per batch row) must agree on at least the given
share. Prints one line per network and fails naming those below it.
"""
import argparse
import os
import subprocess
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))


def export_small(path, input_path):
    import torch

    class Small(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.stem = torch.nn.Conv2d(3, 16, 3, stride=2, padding=1)
            self.body = torch.nn.Conv2d(16, 16, 3, padding=1)
            self.depthwise = torch.nn.Conv2d(16, 16, 3, padding=1, groups=16)
            self.branch = torch.nn.Conv2d(16, 8, 1)
            self.head = torch.nn.Linear(24, 10)

        def forward(self, x):
            a = torch.relu(self.stem(x))
            b = torch.relu(self.body(a) + a)
            c = torch.cat([torch.relu(self.depthwise(b))[:, :16],
                           torch.relu(self.branch(b))], 1)
            return self.head(c.mean((2, 3)))

    torch.manual_seed(0)
    model = Small().eval()
    x = torch.randn(2, 3, 19, 17, generator=torch.Generator().manual_seed(1))
    torch.onnx.export(model, (x,), path, input_names=["input"],
                      output_names=["output"], opset_version=13)
    np.save(input_path, x.numpy())


def export(work, name):
    model = os.path.join(work, name + ".onnx")
    sample = os.path.join(work, name + ".input.npy")
    if not os.path.exists(model):
        if name == "small":
            export_small(model, sample)
        else:
            subprocess.run(["/usr/bin/python3",
                            os.path.join(ROOT, "models/onnx/export_networks.py"),
                            work, name], check=True, stdout=subprocess.DEVNULL)
    return model, np.load(sample).shape


def run(webnnc, model, x, work):
    np.save(os.path.join(work, "x.npy"), x)
    out = os.path.join(work, "out")
    subprocess.run([webnnc, "run", model, "--quiet", "--output-dir", out,
                    "--input", "input=" + os.path.join(work, "x.npy")],
                   check=True, stdout=subprocess.DEVNULL)
    return np.load(os.path.join(out, "output.npy"))


def agreement(webnnc, work, name, samples):
    model, shape = export(work, name)
    calibration = os.path.join(work, name + ".calibration")
    os.makedirs(calibration, exist_ok=True)
    rng = np.random.default_rng(8)
    for k in range(8):
        np.save(os.path.join(calibration, f"{k}.npy"),
                rng.standard_normal(shape).astype(np.float32))
    quantized = os.path.join(work, name + ".qdq.onnx")
    subprocess.run(["/usr/bin/python3",
                    os.path.join(ROOT, "tools/quantize/quantize.py"), model,
                    "--calibrate", calibration, "-o", quantized,
                    "--webnnc", webnnc], check=True, stdout=subprocess.DEVNULL)
    rng = np.random.default_rng(123)
    same = total = 0
    for _ in range(samples):
        x = rng.standard_normal(shape).astype(np.float32)
        a = run(webnnc, model, x, work)
        b = run(webnnc, quantized, x, work)
        rows_a = a.reshape(-1, a.shape[-1]).argmax(1)
        rows_b = b.reshape(-1, b.shape[-1]).argmax(1)
        same += int((rows_a == rows_b).sum())
        total += rows_a.size
    return same, total


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("webnnc")
    parser.add_argument("work")
    parser.add_argument("--networks", default="small")
    parser.add_argument("--samples", type=int, default=10)
    parser.add_argument("--min-agreement", type=float, default=0.95)
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    failed = []
    for name in args.networks.split(","):
        same, total = agreement(args.webnnc, args.work, name, args.samples)
        print(f"{name}: top-1 agrees with float32 on {same} of {total}")
        if same < args.min_agreement * total:
            failed.append(name)
    if failed:
        sys.exit("below " + str(args.min_agreement) + ": " + ", ".join(failed))


if __name__ == "__main__":
    main()
