#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Exports the reference networks to ONNX with Debian's python3-torch and
python3-torchvision: weights are made here (fixed seed, no downloads), and
one input/output pair is computed by torch.

  export_networks.py OUT_DIR [NAME ...]

writes OUT_DIR/NAME.onnx, NAME.input.npy and NAME.output.npy for each of
lenet5, mobilenet_v2, resnet18, resnet50, squeezenet1_1, transformer_encoder
(default: all), unet_small (on request: a U-Net whose decoder upsamples
with transposed convolutions), u2net and u2net_1024 (on request: U^2-Net,
nested U-blocks with dilated convs, ceil max pooling and bilinear resizes,
at 512x512 or 1024x1024), deeplabv3 (on request: torchvision's
DeepLabV3-ResNet-50 at 512x512) and cnn_attention (on request: a 10 MB conv
stem with two attention layers, for bench/compile_times.py) and
bert_base and bert_base_seq384 (on request: BERT-base's 12 encoder layers
over 128 or 384 embeddings), gpt2_small (on request: a GPT-2-small-shaped
stack of 12 causal pre-norm layers over 256 embeddings), decoder_mlp (on
request: a decoder's feed-forward block at one token,
built with onnx.helper at opset 21 for its int4-weight variant, its output
computed with numpy); NAME_opsetN exports NAME at opset N instead (e.g.
transformer_encoder_opset13, whose layer norms are basic ops). The ONNX
graph's input is named "input", its output "output".
LeNet-5 also writes lenet5.feature.npy, the ReLU after its second fully
connected layer (ONNX value /classifier/classifier.3/Relu_output_0).
"""
import math
import os
import sys

import numpy as np
import onnx
import torch
import torchvision
from onnx import helper, numpy_helper


class LeNet5(torch.nn.Module):
    """LeNet-5 as in LeCun et al. 1998, with ReLU and max pooling."""

    def __init__(self):
        super().__init__()
        self.features = torch.nn.Sequential(
            torch.nn.Conv2d(1, 6, 5, padding=2), torch.nn.ReLU(),
            torch.nn.MaxPool2d(2),
            torch.nn.Conv2d(6, 16, 5), torch.nn.ReLU(), torch.nn.MaxPool2d(2))
        self.classifier = torch.nn.Sequential(
            torch.nn.Linear(16 * 5 * 5, 120), torch.nn.ReLU(),
            torch.nn.Linear(120, 84), torch.nn.ReLU(), torch.nn.Linear(84, 10))

    def forward(self, x):
        return self.classifier(torch.flatten(self.features(x), 1))


def randomize_batchnorm(model):
    """Random running statistics, so folding them into convs is exercised."""
    for m in model.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.running_mean.uniform_(-0.1, 0.1)
            m.running_var.uniform_(0.5, 1.5)
            m.weight.data.uniform_(0.5, 1.5)
            m.bias.data.uniform_(-0.1, 0.1)
    return model


class SmallUNet(torch.nn.Module):
    """A U-Net: two encoder stages, a bottleneck, two decoder stages that
    upsample with stride-2 transposed convolutions and concatenate the
    encoder's maps, a 1x1 head (Ronneberger et al. 2015, narrower)."""

    def __init__(self):
        super().__init__()

        def block(cin, cout):
            return torch.nn.Sequential(
                torch.nn.Conv2d(cin, cout, 3, padding=1), torch.nn.ReLU(),
                torch.nn.Conv2d(cout, cout, 3, padding=1), torch.nn.ReLU())
        self.enc1, self.enc2 = block(3, 32), block(32, 64)
        self.bottleneck = block(64, 128)
        self.up2 = torch.nn.ConvTranspose2d(128, 64, 2, stride=2)
        self.dec2 = block(128, 64)
        self.up1 = torch.nn.ConvTranspose2d(64, 32, 2, stride=2)
        self.dec1 = block(64, 32)
        self.head = torch.nn.Conv2d(32, 2, 1)

    def forward(self, x):
        e1 = self.enc1(x)
        e2 = self.enc2(torch.nn.functional.max_pool2d(e1, 2))
        b = self.bottleneck(torch.nn.functional.max_pool2d(e2, 2))
        d2 = self.dec2(torch.cat([self.up2(b), e2], 1))
        d1 = self.dec1(torch.cat([self.up1(d2), e1], 1))
        return self.head(d1)


class CnnAttention(torch.nn.Module):
    """A hybrid image classifier of about 10 MB: a strided conv stem (to an
    8x8 map of 256 channels at 128x128 input), the map as 64 tokens
    through two transformer encoder layers, mean-pooled into a linear
    head. The shape of small detection and classification models that put
    attention after a CNN."""

    def __init__(self):
        super().__init__()
        layers, cin = [], 3
        for cout in (32, 64, 128, 256):
            layers += [torch.nn.Conv2d(cin, cout, 3, stride=2, padding=1),
                       torch.nn.BatchNorm2d(cout), torch.nn.ReLU()]
            cin = cout
        self.stem = torch.nn.Sequential(*layers)
        self.blocks = torch.nn.Sequential(*[
            torch.nn.TransformerEncoderLayer(
                d_model=256, nhead=8, dim_feedforward=1024, dropout=0.0,
                batch_first=True) for _ in range(2)])
        self.head = torch.nn.Linear(256, 1000)

    def forward(self, x):
        tokens = self.stem(x).flatten(2).transpose(1, 2)
        return self.head(self.blocks(tokens).mean(1))


class ConvBnRelu(torch.nn.Sequential):
    """3x3 convolution (dilated by `dilation`, padded to keep the size),
    batch norm, ReLU."""

    def __init__(self, cin, cout, dilation=1):
        super().__init__(
            torch.nn.Conv2d(cin, cout, 3, padding=dilation, dilation=dilation),
            torch.nn.BatchNorm2d(cout), torch.nn.ReLU())


def resize_like(x, target):
    return torch.nn.functional.interpolate(
        x, size=target.shape[2:], mode="bilinear", align_corners=False)


class ResidualUBlock(torch.nn.Module):
    """A residual U-block of U^2-Net (Qin et al. 2020): an inner U-Net of
    `depth` levels (max pooling with ceil rounding down, bilinear resizes
    up, concatenations across), a dilated conv at the bottom, its output
    added to the block's input conv. `dilated` replaces the pooling by
    growing dilations (the blocks of the coarsest maps)."""

    def __init__(self, depth, cin, mid, cout, dilated=False):
        super().__init__()
        self.dilated = dilated
        self.input = ConvBnRelu(cin, cout)
        rates = [2 ** i if dilated else 1 for i in range(depth - 1)]
        self.down = torch.nn.ModuleList(
            [ConvBnRelu(cout if i == 0 else mid, mid, rate)
             for i, rate in enumerate(rates)])
        self.bottom = ConvBnRelu(mid, mid, 2 * rates[-1])
        self.up = torch.nn.ModuleList(
            [ConvBnRelu(2 * mid, cout if i == 0 else mid, rate)
             for i, rate in enumerate(rates)])

    def forward(self, x):
        x = self.input(x)
        skips, h = [], x
        for i, conv in enumerate(self.down):
            if i > 0 and not self.dilated:
                h = torch.nn.functional.max_pool2d(h, 2, 2, ceil_mode=True)
            h = conv(h)
            skips.append(h)
        h = self.bottom(h)
        for conv, skip in zip(reversed(self.up), reversed(skips)):
            if h.shape[2:] != skip.shape[2:]:
                h = resize_like(h, skip)
            h = conv(torch.cat([h, skip], 1))
        return h + x


class U2Net(torch.nn.Module):
    """U^2-Net (Qin et al. 2020, about 44 M parameters): six encoder stages
    of residual U-blocks, five decoder stages, a 3x3 side output per stage
    resized to the input and fused by a 1x1 conv into a sigmoid mask. The
    shape of salient-object and background-removal models."""

    def __init__(self):
        super().__init__()
        R = ResidualUBlock
        self.encoder = torch.nn.ModuleList([
            R(7, 3, 32, 64), R(6, 64, 32, 128), R(5, 128, 64, 256),
            R(4, 256, 128, 512), R(4, 512, 256, 512, True),
            R(4, 512, 256, 512, True)])
        self.decoder = torch.nn.ModuleList([
            R(4, 1024, 256, 512, True), R(4, 1024, 128, 256),
            R(5, 512, 64, 128), R(6, 256, 32, 64), R(7, 128, 16, 64)])
        self.sides = torch.nn.ModuleList(
            [torch.nn.Conv2d(c, 1, 3, padding=1)
             for c in (64, 64, 128, 256, 512, 512)])
        self.fuse = torch.nn.Conv2d(6, 1, 1)

    def forward(self, x):
        skips, h = [], x
        for i, stage in enumerate(self.encoder):
            if i > 0:
                h = torch.nn.functional.max_pool2d(h, 2, 2, ceil_mode=True)
            h = stage(h)
            skips.append(h)
        outputs = [h]
        for stage, skip in zip(self.decoder, reversed(skips[:-1])):
            h = stage(torch.cat([resize_like(h, skip), skip], 1))
            outputs.append(h)
        sides = [resize_like(side(o), x) for side, o in
                 zip(self.sides, reversed(outputs))]
        return torch.sigmoid(self.fuse(torch.cat(sides, 1)))


class SegmentationOutput(torch.nn.Module):
    """torchvision's segmentation models return a dict; this keeps 'out'."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, x):
        return self.model(x)["out"]


def distinct_layers(stack):
    """TransformerEncoder copies one layer's weights into every layer (and
    the exporter would store them once); each layer gets its own."""
    for layer in stack.layers:
        for module in layer.modules():
            if module is not layer and hasattr(module, "_reset_parameters"):
                module._reset_parameters()
            elif module is not layer and hasattr(module, "reset_parameters"):
                module.reset_parameters()
    return stack


class CausalStack(torch.nn.Module):
    """A GPT-2-small-shaped decoder stack: 12 pre-norm layers (d 768, 12
    heads, GELU MLP of 3072) under a causal mask, over a sequence of 256
    embeddings (the token and position embeddings left out)."""

    def __init__(self, seq=256, d=768, heads=12, layers=12):
        super().__init__()
        layer = torch.nn.TransformerEncoderLayer(
            d_model=d, nhead=heads, dim_feedforward=4 * d, dropout=0.0,
            activation="gelu", batch_first=True, norm_first=True)
        self.stack = distinct_layers(torch.nn.TransformerEncoder(layer, layers))
        self.register_buffer("mask", torch.triu(
            torch.full((seq, seq), float("-inf")), diagonal=1))

    def forward(self, x):
        return self.stack(x, mask=self.mask)


def bert_base():
    """A BERT-base encoder: 12 post-norm layers, d 768, 12 heads, GELU
    MLP of 3072 (the embeddings and pooler left out)."""
    layer = torch.nn.TransformerEncoderLayer(
        d_model=768, nhead=12, dim_feedforward=3072, dropout=0.0,
        activation="gelu", batch_first=True)
    return distinct_layers(torch.nn.TransformerEncoder(layer, 12))


def network(name):
    """(model, input shape, opset)"""
    if name == "lenet5":
        return LeNet5(), (1, 1, 28, 28), 13
    if name == "mobilenet_v2":
        return randomize_batchnorm(torchvision.models.mobilenet_v2()), \
            (1, 3, 224, 224), 13
    if name == "resnet18":
        return randomize_batchnorm(torchvision.models.resnet18()), \
            (1, 3, 224, 224), 13
    if name == "resnet50":
        return randomize_batchnorm(torchvision.models.resnet50()), \
            (1, 3, 224, 224), 13
    if name == "squeezenet1_1":
        return torchvision.models.squeezenet1_1(), (1, 3, 224, 224), 13
    if name == "transformer_encoder":
        layer = torch.nn.TransformerEncoderLayer(
            d_model=256, nhead=8, dim_feedforward=1024, dropout=0.0,
            batch_first=True)
        return layer, (1, 128, 256), 17
    if name == "cnn_attention":
        return randomize_batchnorm(CnnAttention()), (1, 3, 128, 128), 17
    if name == "unet_small":
        return SmallUNet(), (1, 3, 128, 128), 13
    if name in ("u2net", "u2net_1024"):
        size = 1024 if name == "u2net_1024" else 512
        return randomize_batchnorm(U2Net()), (1, 3, size, size), 13
    if name == "deeplabv3":
        model = torchvision.models.segmentation.deeplabv3_resnet50(
            weights=None, weights_backbone=None, num_classes=21)
        return SegmentationOutput(randomize_batchnorm(model)), \
            (1, 3, 512, 512), 13
    if name == "bert_base":
        return bert_base(), (1, 128, 768), 17
    if name == "bert_base_seq384":
        return bert_base(), (1, 384, 768), 17
    if name == "gpt2_small":
        return CausalStack(), (1, 256, 768), 17
    raise SystemExit(f"unknown network '{name}'")


NAMES = ["lenet5", "mobilenet_v2", "resnet18", "resnet50", "squeezenet1_1",
         "transformer_encoder"]


def export_decoder_mlp(out_dir, d=1024, hidden=4096):
    """x + W2 gelu(W1 x + b1) + b2 for one token x [1, 1, d]: the weights
    (4 M per matrix) stream from memory once per token, as in a language
    model's decoding; torch here exports at most opset 17."""
    rng = np.random.default_rng(0)
    w1 = (rng.standard_normal((d, hidden)) / math.sqrt(d)).astype(np.float32)
    w2 = (rng.standard_normal((hidden, d)) / math.sqrt(hidden)).astype(
        np.float32)
    b1 = (0.1 * rng.standard_normal(hidden)).astype(np.float32)
    b2 = (0.1 * rng.standard_normal(d)).astype(np.float32)
    x = rng.standard_normal((1, 1, d)).astype(np.float32)
    nodes = [helper.make_node("MatMul", ["input", "w1"], ["h0"]),
             helper.make_node("Add", ["h0", "b1"], ["h1"]),
             helper.make_node("Gelu", ["h1"], ["h2"]),
             helper.make_node("MatMul", ["h2", "w2"], ["h3"]),
             helper.make_node("Add", ["h3", "b2"], ["h4"]),
             helper.make_node("Add", ["h4", "input"], ["output"])]
    inits = [numpy_helper.from_array(v, n)
             for n, v in [("w1", w1), ("b1", b1), ("w2", w2), ("b2", b2)]]
    vi = [helper.make_tensor_value_info(n, onnx.TensorProto.FLOAT, [1, 1, d])
          for n in ("input", "output")]
    graph = helper.make_graph(nodes, "decoder_mlp", vi[:1], vi[1:], inits)
    model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", 21)])
    model.ir_version = 10  # opset 21's
    h = x.astype(np.float64) @ w1 + b1
    h = h * 0.5 * (1.0 + np.vectorize(math.erf)(h / math.sqrt(2.0)))
    y = (x + h @ w2 + b2).astype(np.float32)
    path = os.path.join(out_dir, "decoder_mlp.onnx")
    onnx.save(model, path)
    np.save(os.path.join(out_dir, "decoder_mlp.input.npy"), x)
    np.save(os.path.join(out_dir, "decoder_mlp.output.npy"), y)
    print(f"decoder_mlp: {path} ({os.path.getsize(path)} bytes)")


def export(name, out_dir):
    if name == "decoder_mlp":
        return export_decoder_mlp(out_dir)
    torch.manual_seed(0)
    # NAME_dynamic: exported with dynamic_axes (the batch; the sequence of
    # the transformer), so webnnc compiles it with open dimensions.
    dynamic = name.endswith("_dynamic")
    full_name = name
    name = name[:-len("_dynamic")] if dynamic else name
    # NAME_opsetN: the same network exported at another opset (below 17,
    # torch writes layer normalization out as reductions and arithmetic).
    base, _, suffix = name.rpartition("_opset")
    model, shape, opset = network(base if base and suffix.isdigit() else name)
    if base and suffix.isdigit():
        opset = int(suffix)
    model.eval()
    x = torch.randn(*shape, generator=torch.Generator().manual_seed(1))
    # LeNet-5 also keeps its penultimate features (after the second fully
    # connected layer's ReLU), to check an intermediate ONNX value as output.
    features = {}
    if name == "lenet5":
        model.classifier[3].register_forward_hook(
            lambda module, args, out: features.update(value=out.detach()))
    # Gradients stay enabled: without them torch takes the transformer
    # layer's fused fast path, which has no ONNX export.
    y = model(x).detach()
    if features:
        np.save(os.path.join(out_dir, name + ".feature.npy"),
                features["value"].numpy())
    name = full_name
    axes = None
    if dynamic:
        open_input = {0: "batch", 1: "sequence"} if len(shape) == 3 \
            else {0: "batch"}
        axes = {"input": open_input, "output": open_input}
    path = os.path.join(out_dir, name + ".onnx")
    torch.onnx.export(model, (x,), path, input_names=["input"],
                      output_names=["output"], opset_version=opset,
                      do_constant_folding=True, dynamic_axes=axes)
    np.save(os.path.join(out_dir, name + ".input.npy"), x.numpy())
    np.save(os.path.join(out_dir, name + ".output.npy"), y.numpy())
    print(f"{name}: {path} ({os.path.getsize(path)} bytes)")


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    torch.set_num_threads(1)
    for name in sys.argv[2:] or NAMES:
        export(name, out_dir)


if __name__ == "__main__":
    main()
