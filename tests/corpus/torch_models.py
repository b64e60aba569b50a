#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""The corpus's torch networks: torchvision's classification and
segmentation families, recurrent stacks and transformer variants, with
random weights (fixed seeds, no downloads). Each is exported by Debian's
torch (torch.onnx.export) at a given opset and batch and computed by torch
once; see corpus.py for the list of variants.

  torch_models.py NAME OPSET BATCH OUT_DIR [--dynamic]

writes OUT_DIR/model.onnx, OUT_DIR/inputs/<input>.npy and
OUT_DIR/expected/<output>.npy. With --dynamic the batch (and a
transformer's sequence, an image's height and width) axes are exported as
dynamic_axes; expected
outputs are then also written for the other sizes in SIZES, as
OUT_DIR/sizes/<k>/{inputs,expected}/.
"""
import math
import os
import sys

import numpy as np
import torch
import torchvision

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "models", "onnx"))
from export_networks import LeNet5  # noqa: E402 (the reference network)
from export_networks import ResidualUBlock, resize_like  # noqa: E402


class U2Blocks(torch.nn.Module):
    """Two residual U-blocks of U^2-Net (pooled, then dilated) and a
    one-channel mask resized to the input."""

    def __init__(self):
        super().__init__()
        self.pooled = ResidualUBlock(5, 3, 8, 16)
        self.dilated = ResidualUBlock(4, 16, 8, 16, dilated=True)
        self.side = torch.nn.Conv2d(16, 1, 3, padding=1)

    def forward(self, x):
        h = torch.nn.functional.max_pool2d(self.pooled(x), 2, 2,
                                           ceil_mode=True)
        return torch.sigmoid(resize_like(self.side(self.dilated(h)), x))


def randomize_batchnorm(model):
    """Random running statistics, so folded batch norms are exercised."""
    for m in model.modules():
        if isinstance(m, (torch.nn.BatchNorm2d, torch.nn.BatchNorm1d)):
            m.running_mean.uniform_(-0.1, 0.1)
            m.running_var.uniform_(0.5, 1.5)
            m.weight.data.uniform_(0.5, 1.5)
            m.bias.data.uniform_(-0.1, 0.1)
    # Layers initialized to zeros (vit's classifier head) would make every
    # output 0 whatever the network computed.
    with torch.no_grad():
        for p in model.parameters():
            if p.dim() > 1 and not p.any():
                p.normal_(0.0, 0.02)
    return model


class OutTensor(torch.nn.Module):
    """Segmentation models return dicts; export their 'out' tensor."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, x):
        return self.model(x)["out"]


class GeluTanhMlp(torch.nn.Module):
    """A transformer feed-forward block with the tanh form of GELU."""

    def __init__(self, d=64):
        super().__init__()
        self.norm = torch.nn.LayerNorm(d)
        self.up = torch.nn.Linear(d, 4 * d)
        self.down = torch.nn.Linear(4 * d, d)

    def forward(self, x):
        h = torch.nn.functional.gelu(self.up(self.norm(x)), approximate="tanh")
        return x + self.down(h)


class ScatterAndIndexPut(torch.nn.Module):
    """In-place slice assignment (exported as ScatterND over index tensors
    built from shapes and ranges), gather and scatter along the last axis
    with indices computed from the input (ArgMax)."""

    def __init__(self, d=16):
        super().__init__()
        self.proj = torch.nn.Linear(d, d)

    def forward(self, x):
        h = self.proj(x)
        y = h.clone()
        y[:, 0] = h[:, -1] * 2
        y[:, :, :2] = 0.5
        index = h.argmax(-1, keepdim=True)
        picked = torch.gather(h, 2, index)
        return y.scatter(2, index, picked * 3) + 1


class TransposedConvDecoder(torch.nn.Module):
    """An upsampling decoder: strided, grouped and output-padded transposed
    convolutions between convolutions, as in autoencoders and U-Nets."""

    def __init__(self):
        super().__init__()
        self.down = torch.nn.Conv2d(8, 16, 3, stride=2, padding=1)
        self.up1 = torch.nn.ConvTranspose2d(16, 12, 4, stride=2, padding=1)
        self.up2 = torch.nn.ConvTranspose2d(12, 8, 3, stride=2, padding=1,
                                            output_padding=1, groups=4)
        self.out = torch.nn.ConvTranspose2d(8, 3, 3, padding=1)

    def forward(self, x):
        h = torch.relu(self.down(x))
        h = torch.relu(self.up1(h))
        return self.out(torch.relu(self.up2(h)))


class GptBlock(torch.nn.Module):
    """A GPT-style decoder: token and learned position embeddings (Gather),
    pre-norm causal self-attention written out (matmul, scale, mask,
    softmax, matmul), a GELU MLP, a final norm and the tied logits."""

    def __init__(self, vocab=97, d=64, heads=4, max_len=512):
        super().__init__()
        self.heads = heads
        self.tokens = torch.nn.Embedding(vocab, d)
        self.positions = torch.nn.Embedding(max_len, d)
        self.norm1 = torch.nn.LayerNorm(d)
        self.qkv = torch.nn.Linear(d, 3 * d)
        self.proj = torch.nn.Linear(d, d)
        self.norm2 = torch.nn.LayerNorm(d)
        self.up = torch.nn.Linear(d, 4 * d)
        self.down = torch.nn.Linear(4 * d, d)
        self.norm3 = torch.nn.LayerNorm(d)
        self.register_buffer("causal", torch.triu(
            torch.ones(max_len, max_len, dtype=torch.bool), diagonal=1))

    def forward(self, ids):
        b, t = ids.shape
        positions = torch.arange(t, device=ids.device).unsqueeze(0)
        x = self.tokens(ids) + self.positions(positions)
        q, k, v = self.qkv(self.norm1(x)).split(x.shape[-1], dim=-1)
        hd = x.shape[-1] // self.heads
        q = q.reshape(b, t, self.heads, hd).transpose(1, 2)
        k = k.reshape(b, t, self.heads, hd).transpose(1, 2)
        v = v.reshape(b, t, self.heads, hd).transpose(1, 2)
        scores = q @ k.transpose(-2, -1) / math.sqrt(hd)
        scores = scores.masked_fill(self.causal[:t, :t], float("-inf"))
        att = torch.softmax(scores, dim=-1) @ v
        x = x + self.proj(att.transpose(1, 2).reshape(b, t, -1))
        x = x + self.down(torch.nn.functional.gelu(self.up(self.norm2(x))))
        return self.norm3(x) @ self.tokens.weight.t()


class DecoderWithCausalMask(torch.nn.Module):
    """nn.TransformerDecoderLayer with a causal target mask and memory."""

    def __init__(self, d=64, max_len=64):
        super().__init__()
        self.layer = torch.nn.TransformerDecoderLayer(
            d, 4, 128, dropout=0.0, batch_first=True)
        self.register_buffer("causal", torch.triu(
            torch.full((max_len, max_len), float("-inf")), diagonal=1))

    def forward(self, tgt, memory):
        t = tgt.shape[1]
        return self.layer(tgt, memory, tgt_mask=self.causal[:t, :t])


class EncoderWithPaddingMask(torch.nn.Module):
    """An encoder layer with a key padding mask given as a bool input."""

    def __init__(self, d=64):
        super().__init__()
        self.layer = torch.nn.TransformerEncoderLayer(
            d, 4, 128, dropout=0.0, batch_first=True)

    def forward(self, x, padding):
        return self.layer(x, src_key_padding_mask=padding)


class Recurrent(torch.nn.Module):
    def __init__(self, cell, bidirectional, layers):
        super().__init__()
        kind = torch.nn.LSTM if cell == "lstm" else torch.nn.GRU
        self.rnn = kind(16, 32, num_layers=layers, batch_first=True,
                        bidirectional=bidirectional)

    def forward(self, x):
        out, _ = self.rnn(x)
        return out


def tv(name, **kwargs):
    return randomize_batchnorm(getattr(torchvision.models, name)(**kwargs))


def seg(name, **kwargs):
    model = getattr(torchvision.models.segmentation, name)(
        weights=None, weights_backbone=None, **kwargs)
    return OutTensor(randomize_batchnorm(model))


# name -> (builder, {input: (shape with "B"/"T" for batch/sequence, dtype)})
IMAGE = {"input": (("B", 3, 224, 224), "float32")}
NETWORKS = {
    "alexnet": (lambda: tv("alexnet"), IMAGE),
    "vgg11": (lambda: tv("vgg11"), IMAGE),
    "vgg16_bn": (lambda: tv("vgg16_bn"), IMAGE),
    "resnet18": (lambda: tv("resnet18"), IMAGE),
    "resnet34": (lambda: tv("resnet34"), IMAGE),
    "resnet50": (lambda: tv("resnet50"), IMAGE),
    "resnext50_32x4d": (lambda: tv("resnext50_32x4d"), IMAGE),
    "wide_resnet50_2": (lambda: tv("wide_resnet50_2"), IMAGE),
    "densenet121": (lambda: tv("densenet121"), IMAGE),
    "googlenet": (lambda: tv("googlenet", aux_logits=False, init_weights=True),
                  IMAGE),
    "inception_v3": (lambda: tv("inception_v3", aux_logits=False,
                                init_weights=True),
                     {"input": (("B", 3, 299, 299), "float32")}),
    "mobilenet_v2": (lambda: tv("mobilenet_v2"), IMAGE),
    "mobilenet_v3_small": (lambda: tv("mobilenet_v3_small"), IMAGE),
    "mobilenet_v3_large": (lambda: tv("mobilenet_v3_large"), IMAGE),
    "mnasnet0_5": (lambda: tv("mnasnet0_5"), IMAGE),
    "shufflenet_v2_x0_5": (lambda: tv("shufflenet_v2_x0_5"), IMAGE),
    "shufflenet_v2_x1_0": (lambda: tv("shufflenet_v2_x1_0"), IMAGE),
    "squeezenet1_0": (lambda: tv("squeezenet1_0"), IMAGE),
    "squeezenet1_1": (lambda: tv("squeezenet1_1"), IMAGE),
    "efficientnet_b0": (lambda: tv("efficientnet_b0"), IMAGE),
    "regnet_x_400mf": (lambda: tv("regnet_x_400mf"), IMAGE),
    "regnet_y_400mf": (lambda: tv("regnet_y_400mf"), IMAGE),
    "convnext_tiny": (lambda: tv("convnext_tiny"), IMAGE),
    "vit_b_16": (lambda: tv("vit_b_16"), IMAGE),
    "swin_t": (lambda: tv("swin_t"), IMAGE),
    "lenet5": (LeNet5, {"input": (("B", 1, 28, 28), "float32")}),
    # Small inputs keep the fast tier fast; the same graphs at other sizes.
    "resnet18_96": (lambda: tv("resnet18"),
                    {"input": (("B", 3, 96, 96), "float32")}),
    # Open batch, height and width in its dynamic export ("H" and "W"
    # follow the sequence size, so each size of the check differs).
    "resnet18_hw": (lambda: tv("resnet18"),
                    {"input": (("B", 3, "H", "W"), "float32")}),
    "mobilenet_v3_small_128": (lambda: tv("mobilenet_v3_small"),
                               {"input": (("B", 3, 128, 128), "float32")}),
    "shufflenet_v2_x0_5_96": (lambda: tv("shufflenet_v2_x0_5"),
                              {"input": (("B", 3, 96, 96), "float32")}),
    # U^2-Net's blocks at odd sizes (ceil pooling, bilinear resizes back
    # to odd sizes, concats, dilated convs, a one-channel head).
    "u2net_blocks_70x58": (lambda: randomize_batchnorm(U2Blocks()),
                           {"input": (("B", 3, 70, 58), "float32")}),
    "fcn_resnet50": (lambda: seg("fcn_resnet50", aux_loss=False),
                     {"input": (("B", 3, 256, 256), "float32")}),
    "deeplabv3_mobilenet_v3_large": (
        lambda: seg("deeplabv3_mobilenet_v3_large", aux_loss=False),
        {"input": (("B", 3, 256, 256), "float32")}),
    "lraspp_mobilenet_v3_large": (
        lambda: seg("lraspp_mobilenet_v3_large"),
        {"input": (("B", 3, 256, 256), "float32")}),
    "lstm_bidirectional_2": (lambda: Recurrent("lstm", True, 2),
                             {"input": (("B", "T", 16), "float32")}),
    "gru_2": (lambda: Recurrent("gru", False, 2),
              {"input": (("B", "T", 16), "float32")}),
    "encoder_post_norm_relu": (
        lambda: torch.nn.TransformerEncoderLayer(
            64, 4, 128, dropout=0.0, batch_first=True),
        {"input": (("B", "T", 64), "float32")}),
    "encoder_pre_norm_gelu": (
        lambda: torch.nn.TransformerEncoderLayer(
            64, 4, 128, dropout=0.0, batch_first=True, activation="gelu",
            norm_first=True),
        {"input": (("B", "T", 64), "float32")}),
    "encoder_padding_mask": (
        lambda: EncoderWithPaddingMask(),
        {"input": (("B", "T", 64), "float32"),
         "padding": (("B", "T"), "bool")}),
    "decoder_causal": (
        lambda: DecoderWithCausalMask(),
        {"input": (("B", "T", 64), "float32"),
         "memory": (("B", 11, 64), "float32")}),
    "mlp_gelu_tanh": (lambda: GeluTanhMlp(),
                      {"input": (("B", "T", 64), "float32")}),
    "scatter_index_put": (lambda: ScatterAndIndexPut(),
                          {"input": (("B", "T", 16), "float32")}),
    # "T" sizes both spatial axes of a dynamic export.
    "transposed_conv_decoder": (lambda: TransposedConvDecoder(),
                                {"input": (("B", 8, "T", "T"), "float32")}),
    "gpt_block": (lambda: GptBlock(),
                  {"input": (("B", "T"), "int64")}),
}

SEQUENCE = 13  # "T" when exporting; dynamic exports compute other sizes too
SIZES = [(1, 1), (3, 7), (8, 13)]  # (batch, sequence) of dynamic checks
# Long sequences for the networks without a learned position table (whose
# 64 rows bound the others' sequence).
LONG_SIZES = [(2, 128), (1, 300)]
UNBOUNDED_SEQUENCE = {"encoder_post_norm_relu", "encoder_pre_norm_gelu",
                      "encoder_padding_mask", "mlp_gelu_tanh", "gpt_block"}


def make_inputs(spec, batch, sequence, rng):
    inputs = {}
    for name, (shape, dtype) in spec.items():
        sizes = {"B": batch, "T": sequence, "H": 32 + 8 * sequence,
                 "W": 40 + 4 * sequence}
        dims = [sizes.get(d, d) for d in shape]
        if dtype == "int64":
            inputs[name] = rng.integers(0, 97, size=dims).astype(np.int64)
        elif dtype == "bool":
            mask = rng.random(dims) < 0.3
            mask[..., 0] = False  # every row keeps a position
            inputs[name] = mask
        else:
            inputs[name] = rng.standard_normal(dims).astype(np.float32)
    return inputs


def run_torch(model, inputs):
    with torch.no_grad():
        out = model(*[torch.from_numpy(v) for v in inputs.values()])
    outs = out if isinstance(out, (tuple, list)) else [out]
    return [o.numpy() for o in outs]


def save(directory, inputs, outputs, output_names):
    os.makedirs(os.path.join(directory, "inputs"), exist_ok=True)
    os.makedirs(os.path.join(directory, "expected"), exist_ok=True)
    for name, value in inputs.items():
        np.save(os.path.join(directory, "inputs", name + ".npy"), value)
    for name, value in zip(output_names, outputs):
        np.save(os.path.join(directory, "expected", name + ".npy"), value)


def main():
    name, opset, batch, out_dir = sys.argv[1], int(sys.argv[2]), \
        int(sys.argv[3]), sys.argv[4]
    dynamic = "--dynamic" in sys.argv[5:]
    torch.manual_seed(0)
    build, spec = NETWORKS[name]
    model = build().eval()
    rng = np.random.default_rng(0)
    inputs = make_inputs(spec, batch, SEQUENCE, rng)
    outputs = run_torch(model, inputs)
    output_names = ["output"] if len(outputs) == 1 else \
        [f"output{i}" for i in range(len(outputs))]
    dynamic_axes = None
    if dynamic:
        dynamic_axes = {}
        for input_name, (shape, _) in spec.items():
            names = {"B": "batch", "T": "sequence", "H": "height",
                     "W": "width"}
            axes = {i: names[d] for i, d in enumerate(shape) if d in names}
            dynamic_axes[input_name] = axes
        for output_name in output_names:
            dynamic_axes[output_name] = {0: "batch"}
    os.makedirs(out_dir, exist_ok=True)
    # Not under no_grad: torch 1.13's transformer layers then take a fused
    # fast path that has no ONNX export.
    torch.onnx.export(
        model, tuple(torch.from_numpy(v) for v in inputs.values()),
        os.path.join(out_dir, "model.onnx"), opset_version=opset,
        input_names=list(inputs), output_names=output_names,
        dynamic_axes=dynamic_axes, do_constant_folding=True)
    save(out_dir, inputs, outputs, output_names)
    if dynamic:
        sizes = SIZES + (LONG_SIZES if name in UNBOUNDED_SEQUENCE else [])
        for k, (b, t) in enumerate(sizes):
            sized = make_inputs(spec, b, t, rng)
            save(os.path.join(out_dir, "sizes", str(k)), sized,
                 run_torch(model, sized), output_names)


if __name__ == "__main__":
    main()
