#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Trains the bundled demo model: LeNet-5 on Fashion-MNIST.

Run once by a developer (needs Debian's python3-torch and
dataset-fashion-mnist); building and testing webnnc never runs it. Writes
fashion_lenet5.bin: little-endian float32 tensors, concatenated in this
order (PyTorch layouts):

  conv1.weight [6,1,5,5]    conv1.bias [6]      (5x5, padding 2)
  conv2.weight [16,6,5,5]   conv2.bias [16]     (5x5, no padding)
  fc1.weight   [120,400]    fc1.bias   [120]    (out, in)
  fc2.weight   [84,120]     fc2.bias   [84]
  fc3.weight   [10,84]      fc3.bias   [10]

The network takes raw pixels (0..255) and scales them by 1/255 itself.
"""
import argparse
import gzip
import struct

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

DATA = "/usr/share/datasets/fashion-mnist"


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, count = struct.unpack(">II", data[:8])
    if magic == 0x803:
        rows, cols = struct.unpack(">II", data[8:16])
        return np.frombuffer(data, np.uint8, offset=16).reshape(count, 1, rows, cols)
    if magic == 0x801:
        return np.frombuffer(data, np.uint8, offset=8)
    raise ValueError(f"{path}: unknown IDX magic {magic:#x}")


class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(400, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):  # x: raw pixels 0..255
        x = x * (1.0 / 255.0)
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.reshape(x.shape[0], 400)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--output", default="fashion_lenet5.bin")
    args = parser.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(2)

    train_x = torch.tensor(read_idx(f"{DATA}/train-images-idx3-ubyte.gz"), dtype=torch.float32)
    train_y = torch.tensor(read_idx(f"{DATA}/train-labels-idx1-ubyte.gz"), dtype=torch.int64)
    test_x = torch.tensor(read_idx(f"{DATA}/t10k-images-idx3-ubyte.gz"), dtype=torch.float32)
    test_y = torch.tensor(read_idx(f"{DATA}/t10k-labels-idx1-ubyte.gz"), dtype=torch.int64)

    model = LeNet5()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=4, gamma=0.5)
    generator = torch.Generator().manual_seed(0)
    for epoch in range(args.epochs):
        model.train()
        order = torch.randperm(len(train_x), generator=generator)
        for start in range(0, len(order), 128):
            batch = order[start:start + 128]
            optimizer.zero_grad()
            loss = F.cross_entropy(model(train_x[batch]), train_y[batch])
            loss.backward()
            optimizer.step()
        scheduler.step()
        model.eval()
        with torch.no_grad():
            accuracy = (model(test_x).argmax(1) == test_y).float().mean().item()
        print(f"epoch {epoch + 1}: loss {loss.item():.4f}, test accuracy {accuracy:.4f}")

    tensors = [model.conv1.weight, model.conv1.bias, model.conv2.weight, model.conv2.bias,
               model.fc1.weight, model.fc1.bias, model.fc2.weight, model.fc2.bias,
               model.fc3.weight, model.fc3.bias]
    with open(args.output, "wb") as f:
        for t in tensors:
            f.write(t.detach().numpy().astype("<f4").tobytes())
    print(f"wrote {args.output}; torch test accuracy {accuracy:.4f}")


if __name__ == "__main__":
    main()
