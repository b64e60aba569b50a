#!/usr/bin/python3
"""Static post-training quantization of an ONNX float model to QDQ form.

  tools/quantize/quantize.py MODEL.onnx --calibrate DIR -o MODEL.qdq.onnx
      [--webnnc build/bin/webnnc] [--per-tensor]
  tools/quantize/quantize.py MODEL.onnx --int4-weights [--block-size 32]
      -o MODEL.int4.onnx

DIR holds the calibration inputs: one NAME.npy per model input in each
subdirectory of DIR (one sample set per subdirectory), or, for a model
with one input, any number of .npy files directly in DIR.

What it writes (the form ONNX Runtime's QDQ fusion also takes):
- every Conv, Gemm and MatMul whose weight is an initializer reads it as
  DequantizeLinear(int8 weight, per-output-channel scale, zero point 0):
  symmetric, scale = max|w| / 127 per channel;
- its activation input goes through QuantizeLinear -> DequantizeLinear
  with a uint8 scale and zero point from the calibration range (widened to
  hold 0), one pair per tensor whoever reads it;
- its result (or, if only a Relu or Clip reads it, that op's result) is
  quantized the same way, so consecutive layers meet in uint8;
- a bias becomes DequantizeLinear(int32 bias, input scale x weight scale).
Everything else stays float. Ranges come from computing the float model
with webnnc on the calibration inputs, asking for every tensor needed as
an output (`webnnc run --outputs`).

--int4-weights quantizes weights only (no calibration; activations stay
float): every MatMul and Gemm whose weight is a 2-D float initializer reads
it as DequantizeLinear(int4 weight, float scale, int4 zero point 0),
symmetric per block of --block-size rows along K (scale = max|w| / 7 per
block and column; a K that is no multiple of the block size takes one
block). Blockwise int4 needs opset 21; older models are refused.
"""
import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np
import onnx
from onnx import helper, numpy_helper

QUANTIZED_OPS = ("Conv", "Gemm", "MatMul")


def weight_axis(node, weight):
    """The axis of |weight| that holds the output channels."""
    if node.op_type == "Conv":
        return 0
    if node.op_type == "Gemm":
        trans_b = next((a.i for a in node.attribute if a.name == "transB"), 0)
        return 0 if trans_b else 1
    return weight.ndim - 1  # MatMul: [.., K, N]


def quantize_weight(weight, axis, per_tensor):
    """int8 values and float scales (one per channel along |axis|)."""
    moved = np.moveaxis(weight, axis, 0).reshape(weight.shape[axis], -1)
    peak = np.abs(moved).max(axis=1)
    if per_tensor:
        peak = np.full_like(peak, peak.max())
    scale = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
    shape = [1] * weight.ndim
    shape[axis] = -1
    q = np.clip(np.rint(weight / scale.reshape(shape)), -127, 127)
    return q.astype(np.int8), scale


def quantize_int4(weight, block):
    """Blockwise symmetric int4 of a [K, N] weight along K: values in
    [-8, 7] (as int8) and scales [K / block, N]."""
    k, n = weight.shape
    blocks = weight.reshape(k // block, block, n)
    peak = np.abs(blocks).max(axis=1)
    scale = np.where(peak > 0, peak / 7.0, 1.0).astype(np.float32)
    q = np.clip(np.rint(blocks / scale[:, None, :]), -8, 7)
    return q.reshape(k, n).astype(np.int8), scale


def int4_tensor(name, values):
    """An INT4 TensorProto (two values per byte, the first in the low four
    bits); built by hand: this onnx's numpy_helper predates INT4."""
    tensor = onnx.TensorProto()
    tensor.name = name
    tensor.data_type = 22  # INT4
    tensor.dims.extend(values.shape)
    nibbles = (values.reshape(-1).astype(np.int16) & 15).astype(np.uint8)
    if nibbles.size % 2:
        nibbles = np.append(nibbles, np.uint8(0))
    tensor.raw_data = (nibbles[0::2] | (nibbles[1::2] << 4)).tobytes()
    return tensor


def activation_params(low, high):
    """uint8 scale and zero point covering [low, high] and 0."""
    low, high = min(float(low), 0.0), max(float(high), 0.0)
    scale = (high - low) / 255.0 if high > low else 1.0
    zero = int(np.clip(np.rint(-low / scale), 0, 255))
    return np.float32(scale), np.uint8(zero)


def calibration_sets(directory, input_names):
    """[{input name: array}], one per sample set."""
    entries = sorted(os.listdir(directory))
    subdirs = [e for e in entries
               if os.path.isdir(os.path.join(directory, e))]
    if subdirs:
        return [{name: np.load(os.path.join(directory, d, name + ".npy"))
                 for name in input_names} for d in subdirs]
    if len(input_names) != 1:
        raise SystemExit("quantize: a model with several inputs needs one "
                         "subdirectory of NAME.npy files per sample set")
    files = [e for e in entries if e.endswith(".npy")]
    if not files:
        raise SystemExit(f"quantize: no .npy files in {directory}")
    return [{input_names[0]: np.load(os.path.join(directory, f))}
            for f in files]


def calibrate(model_path, webnnc, samples, tensors):
    """{tensor: (min, max)} over every sample, computed by webnnc."""
    ranges = {}
    with tempfile.TemporaryDirectory() as work:
        for k, sample in enumerate(samples):
            args = [webnnc, "run", model_path, "--quiet",
                    "--output-dir", os.path.join(work, f"out{k}")]
            for name, value in sample.items():
                path = os.path.join(work, f"{k}.{len(args)}.npy")
                np.save(path, value)
                args += ["--input", f"{name}={path}"]
            args += ["--outputs"] + sorted(tensors)
            if len({safe_file_name(t) for t in tensors}) != len(tensors):
                raise SystemExit("quantize: two tensors share a file name")
            subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
            for name in tensors:
                value = np.load(os.path.join(work, f"out{k}",
                                             safe_file_name(name) + ".npy"))
                low, high = float(value.min()), float(value.max())
                if name in ranges:
                    low = min(low, ranges[name][0])
                    high = max(high, ranges[name][1])
                ranges[name] = (low, high)
    return ranges


C_KEYWORDS = set("""auto break case char const continue default do double else
enum extern float for goto if inline int long register restrict return short
signed sizeof static struct switch typedef union unsigned void volatile while
bool true false class delete new this template""".split())


def safe_file_name(name):
    """The file name `webnnc run` writes a value to: its C identifier."""
    out = "".join(c if c.isascii() and c.isalnum() else "_" for c in name)
    if not out or out[0].isdigit():
        out = "_" + out
    return out + "_" if out in C_KEYWORDS else out


class Rewriter:
    def __init__(self, model):
        self.model = model
        self.graph = model.graph
        self.initializers = {i.name: i for i in self.graph.initializer}
        self.readers = {}
        for node in self.graph.node:
            for name in node.input:
                self.readers.setdefault(name, []).append(node)
        self.outputs = {o.name for o in self.graph.output}
        self.new_initializers = []
        self.dequantized = {}  # float tensor -> its QDQ'd name

    def constant(self, name, array):
        self.new_initializers.append(numpy_helper.from_array(array, name))
        return name

    def quantizable(self):
        """(node, weight name) for every node to quantize."""
        found = []
        for node in self.graph.node:
            if node.op_type not in QUANTIZED_OPS or len(node.input) < 2:
                continue
            weight = self.initializers.get(node.input[1])
            if weight is None or weight.data_type != onnx.TensorProto.FLOAT:
                continue
            found.append(node)
        return found

    def result_of(self, node):
        """The value quantized after |node|: its Relu/Clip's if that is
        its only reader."""
        out = node.output[0]
        readers = self.readers.get(out, [])
        if len(readers) == 1 and out not in self.outputs and \
                readers[0].op_type in ("Relu", "Clip"):
            return readers[0].output[0]
        return out

    def qdq(self, tensor, scale, zero):
        """Q -> DQ of |tensor|; returns the dequantized name."""
        s = self.constant(tensor + "_scale", np.array(scale, np.float32))
        z = self.constant(tensor + "_zero_point", np.array(zero, np.uint8))
        q, dq = tensor + "_quantized", tensor + "_dequantized"
        self.pending.append((tensor, [
            helper.make_node("QuantizeLinear", [tensor, s, z], [q],
                             name=tensor + "_QuantizeLinear"),
            helper.make_node("DequantizeLinear", [q, s, z], [dq],
                             name=tensor + "_DequantizeLinear")]))
        self.dequantized[tensor] = (dq, scale)
        return dq

    def rewrite(self, nodes, ranges, per_tensor):
        self.pending = []
        for tensor in {n.input[0] for n in nodes} | \
                {self.result_of(n) for n in nodes}:
            self.qdq(tensor, *activation_params(*ranges[tensor]))
        for node in nodes:
            self.quantize_node(node, per_tensor)
        # Readers of a quantized tensor read its dequantized copy (the
        # graph's outputs keep the float value).
        for tensor, (dq, _) in self.dequantized.items():
            for reader in self.readers.get(tensor, []):
                for i, name in enumerate(reader.input):
                    if name == tensor:
                        reader.input[i] = dq
        self.insert_pending()
        self.graph.initializer.extend(self.new_initializers)

    def quantize_node(self, node, per_tensor):
        weight = numpy_helper.to_array(self.initializers[node.input[1]])
        axis = weight_axis(node, weight)
        q, scale = quantize_weight(weight, axis, per_tensor)
        node.input[1] = self.dequantized_constant(node.input[1], q, scale,
                                                  axis)
        if len(node.input) > 2 and node.input[2] in self.initializers:
            bias = numpy_helper.to_array(self.initializers[node.input[2]])
            input_scale = self.dequantized[node.input[0]][1]
            bias_scale = (scale * input_scale).astype(np.float32)
            node.input[2] = self.dequantized_constant(
                node.input[2], np.rint(bias / bias_scale).astype(np.int32),
                bias_scale, 0)

    def dequantized_constant(self, name, values, scales, axis):
        """DequantizeLinear(values, scales, 0) along |axis|, for the
        initializer |name|; returns the dequantized value's name."""
        q = self.constant(name + "_quantized", values)
        s = self.constant(name + "_scale", scales)
        z = self.constant(name + "_zero_point",
                          np.zeros(scales.shape, values.dtype))
        dq = name + "_dequantized"
        self.pending.append((None, [helper.make_node(
            "DequantizeLinear", [q, s, z], [dq], axis=axis,
            name=name + "_DequantizeLinear")]))
        return dq

    def rewrite_int4(self, nodes, block):
        """Weight-only blockwise int4 of each node's 2-D weight; returns
        how many were rewritten."""
        self.pending = []
        count = 0
        for node in nodes:
            weight = numpy_helper.to_array(self.initializers[node.input[1]])
            if node.op_type not in ("MatMul", "Gemm") or weight.ndim != 2:
                continue
            transposed = weight_axis(node, weight) == 0  # Gemm transB
            kn = weight.T if transposed else weight
            size = block if kn.shape[0] % block == 0 else kn.shape[0]
            q, scale = quantize_int4(kn, size)
            if transposed:
                q, scale = q.T, scale.T
            name = node.input[1]
            self.new_initializers += [
                int4_tensor(name + "_int4", q),
                numpy_helper.from_array(np.ascontiguousarray(scale),
                                        name + "_scale"),
                int4_tensor(name + "_zero_point",
                            np.zeros(scale.shape, np.int8))]
            dq = name + "_dequantized"
            self.pending.append((None, [helper.make_node(
                "DequantizeLinear",
                [name + "_int4", name + "_scale", name + "_zero_point"],
                [dq], axis=1 if transposed else 0, block_size=size,
                name=name + "_DequantizeLinear")]))
            node.input[1] = dq
            count += 1
        self.insert_pending()
        # The float weights nothing reads any more go.
        read = {name for node in self.graph.node for name in node.input}
        kept = [i for i in self.graph.initializer if i.name in read]
        del self.graph.initializer[:]
        self.graph.initializer.extend(kept + self.new_initializers)
        return count

    def insert_pending(self):
        """Each Q/DQ pair right after its tensor's producer (graph inputs
        and weights first), keeping the node list in order."""
        produced_by = {}
        for i, node in enumerate(self.graph.node):
            for out in node.output:
                produced_by[out] = i
        after = {}
        for tensor, nodes in self.pending:
            at = produced_by.get(tensor, -1) if tensor else -1
            after.setdefault(at, []).extend(nodes)
        ordered = list(after.get(-1, []))
        for i, node in enumerate(self.graph.node):
            ordered.append(node)
            ordered.extend(after.get(i, []))
        del self.graph.node[:]
        self.graph.node.extend(ordered)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model")
    parser.add_argument("--calibrate", metavar="DIR")
    parser.add_argument("--int4-weights", action="store_true",
                        help="weight-only blockwise int4 (no calibration)")
    parser.add_argument("--block-size", type=int, default=32,
                        help="rows of K per int4 scale (--int4-weights)")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--webnnc", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "../../build/bin/webnnc"))
    parser.add_argument("--per-tensor", action="store_true",
                        help="one weight scale per tensor, not per channel")
    args = parser.parse_args()

    model = onnx.load(args.model)
    opset = next((o.version for o in model.opset_import
                  if o.domain in ("", "ai.onnx")), 0)
    if opset < 13:
        raise SystemExit(f"quantize: {args.model} is opset {opset}; "
                         "per-channel DequantizeLinear needs opset 13+")
    rewriter = Rewriter(model)
    nodes = rewriter.quantizable()
    if not nodes:
        raise SystemExit("quantize: no Conv, Gemm or MatMul with a constant "
                         "float weight")
    if args.int4_weights:
        if opset < 21:
            raise SystemExit(f"quantize: {args.model} is opset {opset}; "
                             "blockwise int4 DequantizeLinear needs opset 21")
        if args.block_size < 1:
            raise SystemExit("quantize: --block-size must be positive")
        count = rewriter.rewrite_int4(nodes, args.block_size)
        onnx.save(model, args.output)  # (this onnx's checker lacks INT4)
        print(f"quantize: {count} weights to int4 -> {args.output}")
        return 0
    if not args.calibrate:
        raise SystemExit("quantize: --calibrate DIR is needed (or "
                         "--int4-weights)")
    tensors = {n.input[0] for n in nodes} | \
        {rewriter.result_of(n) for n in nodes}
    inputs = [i.name for i in model.graph.input
              if i.name not in rewriter.initializers]
    samples = calibration_sets(args.calibrate, inputs)
    ranges = calibrate(args.model, args.webnnc, samples, tensors)
    rewriter.rewrite(nodes, ranges, args.per_tensor)
    onnx.checker.check_model(model)
    onnx.save(model, args.output)
    print(f"quantize: {len(nodes)} ops quantized from {len(samples)} "
          f"calibration sets -> {args.output}")


if __name__ == "__main__":
    sys.exit(main())
