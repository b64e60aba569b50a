#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Hand-written ONNX graphs (onnx.helper) for the forms exporters write
that torch 1.13 does not: ops as opsets 18 to 25 define them, and graph
forms ONNX Runtime accepts (nodes out of order, empty optional inputs,
If on a shape check, computed Clip bounds, shape arithmetic with empty
lists, bool inputs). ONNX Runtime computes their expected outputs.

  handwritten.py NAME OUT_DIR

writes OUT_DIR/model.onnx and OUT_DIR/inputs/<input>.npy.
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto as T
from onnx import helper as h
from onnx import numpy_helper as nh

X = ("x", [2, 6, 5, 7])


def vi(name, shape, elem=T.FLOAT):
    return h.make_tensor_value_info(name, elem, shape)


def const(name, values, dtype):
    return nh.from_array(np.array(values, dtype=dtype), name)


def rand(name, shape, seed):
    return nh.from_array(np.random.default_rng(seed)
                         .standard_normal(shape).astype(np.float32), name)


def graph(nodes, inits=(), opset=18, outputs=("y",), inputs=(X,)):
    g = h.make_graph(nodes, "g", [vi(n, s) for n, s in inputs],
                     [vi(o, None) for o in outputs], list(inits))
    model = h.make_model(g, opset_imports=[h.make_opsetid("", opset)])
    model.ir_version = 8
    return model


def resize(name, attrs, opset=13, scales=None, sizes=None, roi=False):
    inputs = ["x", "roi" if roi else "", "scales" if scales else ""]
    inits = []
    if roi:
        inits.append(const("roi", np.zeros(0), np.float32))
    if scales:
        inits.append(const("scales", scales, np.float32))
    if sizes:
        inputs.append("sizes")
        inits.append(const("sizes", sizes, np.int64))
    return graph([h.make_node("Resize", inputs, ["y"], **attrs)], inits, opset)


def if_on_shape():
    then_branch = h.make_graph([h.make_node("Neg", ["x"], ["r"])], "then", [],
                               [vi("r", None)])
    else_branch = h.make_graph([h.make_node("Abs", ["x"], ["r2"])], "else", [],
                               [vi("r2", None)])
    return graph([
        h.make_node("Shape", ["x"], ["s"]),
        h.make_node("Gather", ["s", "i"], ["d"], axis=0),
        h.make_node("Equal", ["d", "c"], ["cond"]),
        h.make_node("If", ["cond"], ["y"], then_branch=then_branch,
                    else_branch=else_branch)],
        [const("i", 1, np.int64), const("c", 6, np.int64)], 13)


CASES = {
    # Opset 18-21 forms.
    "split_num_outputs_18": lambda: graph(
        [h.make_node("Split", ["x"], ["a", "b", "c"], axis=3, num_outputs=3)],
        outputs=("a", "b", "c")),
    "reduce_mean_axes_input_18": lambda: graph(
        [h.make_node("ReduceMean", ["x", "axes"], ["y"], keepdims=0)],
        [const("axes", [1, 3], np.int64)]),
    "reduce_max_no_axes_18": lambda: graph(
        [h.make_node("ReduceMax", ["x"], ["y"], keepdims=1)]),
    "pad_axes_18": lambda: graph(
        [h.make_node("Pad", ["x", "pads", "value", "axes"], ["y"])],
        [const("pads", [1, 2, 0, -1], np.int64), const("value", 0.5, np.float32),
         const("axes", [2, 3], np.int64)]),
    "resize_axes_align_corners_18": lambda: resize(
        "", {"mode": "linear", "coordinate_transformation_mode": "align_corners",
             "axes": [2, 3]}, opset=18, sizes=[9, 4]),
    "resize_not_larger_18": lambda: resize(
        "", {"mode": "nearest", "keep_aspect_ratio_policy": "not_larger",
             "axes": [2, 3]}, opset=18, sizes=[10, 10]),
    "resize_half_pixel_symmetric_19": lambda: resize(
        "", {"mode": "linear",
             "coordinate_transformation_mode": "half_pixel_symmetric"},
        opset=19, scales=[1, 1, 1.7, 0.6]),
    "group_normalization_18": lambda: graph(
        [h.make_node("GroupNormalization", ["x", "s", "b"], ["y"],
                     num_groups=3, epsilon=1e-3)],
        [rand("s", [3], 1), rand("b", [3], 2)]),
    "group_normalization_21": lambda: graph(
        [h.make_node("GroupNormalization", ["x", "s", "b"], ["y"],
                     num_groups=2)],
        [rand("s", [6], 1), rand("b", [6], 2)], opset=21),
    "gelu_both_forms_20": lambda: graph(
        [h.make_node("Gelu", ["x"], ["a"]),
         h.make_node("Gelu", ["x"], ["b"], approximate="tanh"),
         h.make_node("Add", ["a", "b"], ["y"])], opset=20),
    "mish_18": lambda: graph([h.make_node("Mish", ["x"], ["y"])]),
    "cast_saturate_19": lambda: graph(
        [h.make_node("Cast", ["x"], ["h"], to=T.FLOAT16, saturate=1),
         h.make_node("Cast", ["h"], ["y"], to=T.FLOAT)], opset=19),
    "average_pool_dilations_19": lambda: graph(
        [h.make_node("AveragePool", ["x"], ["y"], kernel_shape=[2, 2],
                     dilations=[2, 1], ceil_mode=1, strides=[2, 2])],
        opset=19),
    "dequantize_block_21": lambda: graph(
        [h.make_node("QuantizeLinear", ["x", "qs", "qz"], ["q"], axis=1,
                     block_size=3),
         h.make_node("DequantizeLinear", ["q", "qs", "qz"], ["y"], axis=1,
                     block_size=3)],
        [nh.from_array(np.full([2, 2, 5, 7], 0.02, np.float32), "qs"),
         nh.from_array(np.full([2, 2, 5, 7], 3, np.int8), "qz")], opset=21),
    # Graph forms from other exporters.
    "nodes_out_of_order": lambda: graph(
        [h.make_node("Relu", ["t"], ["y"]),
         h.make_node("Mul", ["x", "x"], ["t"])], opset=13),
    "resize_empty_roi_scales": lambda: resize(
        "", {"mode": "nearest"}, roi=True, sizes=[2, 6, 10, 14]),
    "resize_nearest_round_prefer_ceil": lambda: resize(
        "", {"mode": "nearest", "coordinate_transformation_mode": "asymmetric",
             "nearest_mode": "round_prefer_ceil"}, roi=True,
        scales=[1, 1, 2.5, 1.5]),
    "resize_cubic_exclude_outside": lambda: resize(
        "", {"mode": "cubic", "cubic_coeff_a": -0.5, "exclude_outside": 1},
        sizes=[2, 6, 8, 11]),
    "resize_linear_pytorch_half_pixel": lambda: resize(
        "", {"mode": "linear",
             "coordinate_transformation_mode": "pytorch_half_pixel"},
        sizes=[2, 6, 1, 3]),
    "if_on_a_shape_check": if_on_shape,
    "clip_computed_bounds": lambda: graph(
        [h.make_node("ReduceMin", ["x"], ["lo"], keepdims=0),
         h.make_node("Mul", ["lo", "half"], ["low"]),
         h.make_node("Clip", ["x", "low", "high"], ["y"])],
        [const("half", 0.5, np.float32), const("high", 1.0, np.float32)], 13),
    "concat_empty_shape_list": lambda: graph(
        [h.make_node("Shape", ["x"], ["s"]),
         h.make_node("Slice", ["s", "zero", "zero"], ["e"]),
         h.make_node("Concat", ["e", "m1", "tail"], ["shape"], axis=0),
         h.make_node("Reshape", ["x", "shape"], ["y"])],
        [const("zero", [0], np.int64), const("m1", [-1], np.int64),
         const("tail", [7], np.int64)], 13),
    "weights_as_constant_nodes": lambda: graph(
        [h.make_node("Constant", [], ["w"], value=rand("w", [4, 6, 3, 3], 3)),
         h.make_node("Constant", [], ["b"], value=rand("b", [4], 4)),
         h.make_node("Conv", ["x", "w", "b"], ["c"], pads=[1, 1, 1, 1]),
         h.make_node("LeakyRelu", ["c"], ["y"], alpha=0.1)], opset=13),
    "where_bool_mask_input": lambda: graph(
        [h.make_node("Where", ["m", "x", "zero"], ["y"])],
        [const("zero", 0.0, np.float32)], 13,
        inputs=(X, ("m", [2, 6, 5, 7]))),
}

def symbolic_batch():
    """A dynamic batch as exporters write it: Flatten, and a Reshape whose
    shape is computed from Shape (webnnc run sizes it from its input)."""
    g = h.make_graph(
        [h.make_node("Flatten", ["x"], ["f"], axis=1),
         h.make_node("Shape", ["x"], ["s"]),
         h.make_node("Slice", ["s", "zero", "one"], ["b"]),
         h.make_node("Concat", ["b", "m1", "seven"], ["shape"], axis=0),
         h.make_node("Reshape", ["f", "shape"], ["r"]),
         h.make_node("ReduceSum", ["r", "axes"], ["y"], keepdims=0)],
        "g", [vi("x", ["N", 6, 5, 7])], [vi("y", None)],
        [const("zero", [0], np.int64), const("one", [1], np.int64),
         const("m1", [-1], np.int64), const("seven", [7], np.int64),
         const("axes", [1], np.int64)])
    model = h.make_model(g, opset_imports=[h.make_opsetid("", 13)])
    model.ir_version = 8
    return model


CASES["symbolic_batch_sized_by_input"] = symbolic_batch


def ints(name, shape, dtype, seed, low, high):
    values = np.random.default_rng(seed).integers(low, high + 1, shape)
    return nh.from_array(values.astype(dtype), name)


def dynamic_quantized():
    """Dynamic quantization as ONNX Runtime's quantize_dynamic writes it:
    activations quantized at compute (DynamicQuantizeLinear), int8 and
    uint8 weights, ConvInteger and MatMulInteger, rescaled in float; the
    batch is symbolic."""
    return graph([
        h.make_node("DynamicQuantizeLinear", ["x"], ["xq", "xs", "xz"]),
        h.make_node("ConvInteger", ["xq", "w", "xz", "wz"], ["acc"],
                    pads=[1, 1, 1, 1], strides=[1, 2]),
        h.make_node("Cast", ["acc"], ["accf"], to=T.FLOAT),
        h.make_node("Mul", ["xs", "ws"], ["cs"]),
        h.make_node("Mul", ["accf", "cs"], ["c0"]),
        h.make_node("Add", ["c0", "cb"], ["c1"]),
        h.make_node("Relu", ["c1"], ["c"]),
        h.make_node("Flatten", ["c"], ["f"], axis=1),
        h.make_node("DynamicQuantizeLinear", ["f"], ["fq", "fs", "fz"]),
        h.make_node("MatMulInteger", ["fq", "m", "fz", "mz"], ["macc"]),
        h.make_node("Cast", ["macc"], ["maccf"], to=T.FLOAT),
        h.make_node("Mul", ["fs", "ms"], ["mscale"]),
        h.make_node("Mul", ["maccf", "mscale"], ["y0"]),
        h.make_node("Add", ["y0", "mb"], ["y"])],
        [ints("w", [5, 6, 3, 3], np.uint8, 1, 0, 255),
         const("wz", 131, np.uint8), const("ws", 0.004, np.float32),
         rand("cb", [5, 1, 1], 2),
         ints("m", [100, 9], np.int8, 3, -127, 127),
         ints("mz", [9], np.int8, 4, -3, 3), const("ms", 0.01, np.float32),
         rand("mb", [9], 5)], 13, inputs=(("x", ["N", 6, 5, 7]),))


def qlinear():
    """Static QOperator form: QLinearConv with per-channel weight scales
    and an int32 bias, QLinearMatMul, dequantized at the end."""
    return graph([
        h.make_node("QuantizeLinear", ["x", "xs", "xz"], ["xq"]),
        h.make_node("QLinearConv", ["xq", "xs", "xz", "w", "ws", "wz", "cs",
                                    "cz", "b"], ["cq"],
                    pads=[0, 1, 0, 1], strides=[2, 1], group=2),
        h.make_node("Reshape", ["cq", "shape"], ["rq"]),
        h.make_node("QLinearMatMul", ["rq", "cs", "cz", "m", "ms", "mz",
                                      "ys", "yz"], ["yq"]),
        h.make_node("DequantizeLinear", ["yq", "ys", "yz"], ["y"])],
        [const("xs", 0.02, np.float32), const("xz", 128, np.uint8),
         ints("w", [4, 3, 3, 3], np.int8, 6, -127, 127),
         const("ws", [0.003, 0.005, 0.004, 0.006], np.float32),
         const("wz", [0, 0, 0, 0], np.int8),
         const("cs", 0.05, np.float32), const("cz", 120, np.uint8),
         ints("b", [4], np.int32, 7, -2000, 2000),
         const("shape", [2, 4, -1], np.int64),
         ints("m", [14, 6], np.uint8, 8, 0, 255),
         const("ms", 0.002, np.float32), const("mz", 130, np.uint8),
         const("ys", 0.1, np.float32), const("yz", 100, np.uint8)], 13)


def einsum_forms():
    """Einsum as exporters write it: batched matmuls (attention's QK^T and
    PV), transposes and sums, vectors, implicit outputs, ellipses, three
    operands, and a symbolic batch."""
    forms = [  # (equation, operand names)
        ("bij,bjk->bik", ["a", "b"]),
        ("nhid,nhjd->nhij", ["q", "k"]),
        ("nhij,nhjd->nhid", ["p", "v"]),
        ("...ij,...jk", ["g", "h"]),
        ("...ij,jk", ["q", "d"]),
        ("ij->ji", ["m"]),
        ("nhid->", ["q"]),
        ("i,i", ["u", "u"]),
        ("i,j->ij", ["u", "w"]),
        ("abc,cd,de->abe", ["a", "d", "e"]),
        ("nhid,d->nhi", ["q", "u4"]),
    ]
    shapes = {"a": [2, 3, 4], "b": [2, 4, 5], "q": ["N", 2, 3, 4],
              "k": ["N", 2, 5, 4], "p": ["N", 2, 3, 5], "v": ["N", 2, 5, 4],
              "g": [3, 2, 3, 4], "h": [3, 2, 4, 6], "m": [3, 5], "u": [5], "w": [4], "d": [4, 3],
              "e": [3, 6], "u4": [4]}
    nodes = [h.make_node("Einsum", names, [f"y{i}"], equation=eq)
             for i, (eq, names) in enumerate(forms)]
    return graph(nodes, opset=12, inputs=list(shapes.items()),
                 outputs=[f"y{i}" for i in range(len(forms))])


def composed_ops():
    """ONNX ops WebNN composes from several: Hardmax as opset 11 defines it
    (maxima of the input seen as 2-D), OneHot of computed, partly negative
    and out-of-range indices along a middle axis, MeanVarianceNormalization
    over chosen axes, Shrink, and the hyperbolic functions over values
    near 0 and far from it."""
    return graph([
        h.make_node("Hardmax", ["x"], ["y0"], axis=2),
        h.make_node("ArgMax", ["x"], ["am"], axis=1, keepdims=0),
        h.make_node("Mul", ["am", "two"], ["am2"]),
        h.make_node("Sub", ["am2", "seven"], ["idx"]),
        h.make_node("OneHot", ["idx", "depth", "values"], ["hot"], axis=1),
        h.make_node("Add", ["hot", "x"], ["y1"]),
        h.make_node("MeanVarianceNormalization", ["x"], ["y2"], axes=[1, 3]),
        h.make_node("Shrink", ["x"], ["y3"], bias=0.25, lambd=0.75),
        h.make_node("Mul", ["x", "small"], ["xs"]),
        h.make_node("Sinh", ["xs"], ["y4"]),
        h.make_node("Asinh", ["xs"], ["y5"]),
        h.make_node("Atanh", ["xs"], ["y6"]),
        h.make_node("Sinh", ["x"], ["y7"]),
        h.make_node("Cosh", ["x"], ["y8"]),
        h.make_node("Asinh", ["x"], ["y9"])],
        [const("two", 2, np.int64), const("seven", 7, np.int64),
         const("depth", 6, np.int64),
         const("values", [-1.5, 2.0], np.float32),
         const("small", 0.05, np.float32)], 11,
        outputs=[f"y{i}" for i in range(10)])


def rnn_bidirectional():
    """RNN (unrolled here; WebNN has none), bidirectional, with biases and
    an initial state, over a batch of 3, beside an LSTM that reads it.
    (Batch-first layouts: the ONNX node tests; ONNX Runtime has none.)"""
    seq = ("s", [4, 3, 5])  # [steps, batch, input]
    return graph([
        h.make_node("RNN", ["s", "w", "r", "b", "", "h0"], ["y", "yh"],
                    hidden_size=6, direction="bidirectional"),
        h.make_node("Reshape", ["y", "shape"], ["ys"]),
        h.make_node("LSTM", ["ys", "lw", "lr", "lb"], ["ly", "lyh", "lyc"],
                    hidden_size=6)],
        [rand("w", [2, 6, 5], 11), rand("r", [2, 6, 6], 12),
         rand("b", [2, 12], 13), rand("h0", [2, 3, 6], 14),
         const("shape", [4, 3, 12], np.int64),
         rand("lw", [1, 24, 12], 15), rand("lr", [1, 24, 6], 16),
         rand("lb", [1, 48], 17)], 14,
        outputs=("yh", "ly", "lyh", "lyc"), inputs=(seq,))


def top_k():
    """TopK along a middle axis, largest and smallest, values and int64
    indices."""
    model = graph([
        h.make_node("TopK", ["x", "k"], ["v", "i"], axis=1),
        h.make_node("TopK", ["x", "k"], ["sv", "si"], axis=-1, largest=0)],
        [const("k", [4], np.int64)], 11, outputs=("v", "i", "sv", "si"))
    for out in model.graph.output:
        if out.name in ("i", "si"):
            out.type.tensor_type.elem_type = T.INT64
    return model


def grid_sample():
    """GridSample over a batch of 2 with a grid reaching up to twice the
    image's size outside it (so reflection folds more than once): every
    mode (bilinear, nearest, bicubic) with every padding (zeros, border,
    reflection), corners aligned and not, at opset 16's names."""
    grid = nh.from_array((np.random.default_rng(21).random([2, 4, 9, 2]) *
                          5.2 - 2.6).astype(np.float32), "grid")
    nodes, outputs = [], []
    for mode in ("bilinear", "nearest", "bicubic"):
        for padding in ("zeros", "border", "reflection"):
            for align in (0, 1):
                out = f"{mode}_{padding}_{align}"
                nodes.append(h.make_node("GridSample", ["x", "grid"], [out],
                                         mode=mode, padding_mode=padding,
                                         align_corners=align))
                outputs.append(out)
    return graph(nodes, [grid], 16, outputs=tuple(outputs))


def grid_sample_opset20():
    """GridSample at opset 20, where the modes are named linear and cubic
    (and linear is the default)."""
    grid = nh.from_array((np.random.default_rng(22).random([2, 3, 5, 2]) *
                          3 - 1.5).astype(np.float32), "grid")
    return graph([
        h.make_node("GridSample", ["x", "grid"], ["y"]),
        h.make_node("GridSample", ["x", "grid"], ["yc"], mode="cubic",
                    padding_mode="reflection")],
        [grid], 20, outputs=("y", "yc"))


def top_k_infinities():
    """TopK over inputs that hold -inf (largest) and +inf (smallest) where
    k exceeds the finite values along the axis: after the finite values,
    the infinities in index order."""
    neg = const("neg", [-np.inf], np.float32)
    pos = const("pos", [np.inf], np.float32)
    cut = const("cut", [0.3], np.float32)
    ncut = const("ncut", [-0.3], np.float32)
    model = graph([
        h.make_node("Less", ["x", "cut"], ["low"]),
        h.make_node("Where", ["low", "neg", "x"], ["xl"]),
        h.make_node("Greater", ["x", "ncut"], ["high"]),
        h.make_node("Where", ["high", "pos", "x"], ["xs"]),
        h.make_node("TopK", ["xl", "k"], ["v", "i"], axis=1),
        h.make_node("TopK", ["xs", "k"], ["sv", "si"], axis=-1, largest=0)],
        [const("k", [5], np.int64), neg, pos, cut, ncut], 11,
        outputs=("v", "i", "sv", "si"))
    for out in model.graph.output:
        if out.name in ("i", "si"):
            out.type.tensor_type.elem_type = T.INT64
    return model


def spectral():
    """DFT and STFT (opset 17): a real signal one-sided, a complex one
    zero-padded and, inverse, truncated along a middle axis; a windowed
    STFT over a batch of 2."""
    window = np.hanning(10).astype(np.float32)
    model = graph([
        h.make_node("DFT", ["s"], ["real_onesided"], onesided=1),
        h.make_node("DFT", ["c", "twelve"], ["padded"], axis=1),
        h.make_node("DFT", ["c", "two"], ["cut_inverse"], axis=2, inverse=1),
        h.make_node("STFT", ["s", "step", "window"], ["stft"])],
        [const("twelve", 12, np.int64), const("two", 2, np.int64),
         const("step", 4, np.int64), const("window", window, np.float32)],
        17, outputs=("real_onesided", "padded", "cut_inverse", "stft"),
        inputs=(("s", [2, 30, 1]), ("c", [2, 9, 3, 2])))
    return model


def inverse_trig():
    """Atan over a wide range (x * 30), Asin and Acos over (-1, 1)
    (tanh x), composed from WebNN ops."""
    return graph([
        h.make_node("Mul", ["x", "thirty"], ["wide"]),
        h.make_node("Atan", ["wide"], ["atan"]),
        h.make_node("Tanh", ["x"], ["unit"]),
        h.make_node("Asin", ["unit"], ["asin"]),
        h.make_node("Acos", ["unit"], ["acos"])],
        [const("thirty", [30.0], np.float32)], 13,
        outputs=("atan", "asin", "acos"))


def opset22_forms():
    """Ops opset 22 re-versioned (for bfloat16; the float semantics are
    opset 21's): conv, ceil-mode pooling, instance norm and activations
    at opset 22."""
    grid = nh.from_array((np.random.default_rng(23).random([2, 3, 4, 2]) *
                          2.4 - 1.2).astype(np.float32), "grid")
    return graph([
        h.make_node("Conv", ["x", "w"], ["conv"], pads=[1, 1, 1, 1]),
        h.make_node("MaxPool", ["conv"], ["maxpool"], kernel_shape=[2, 2],
                    strides=[2, 2], ceil_mode=1),
        h.make_node("AveragePool", ["x"], ["avgpool"], kernel_shape=[3, 3],
                    pads=[1, 1, 1, 1], count_include_pad=0),
        h.make_node("InstanceNormalization", ["x", "scale", "bias"],
                    ["instnorm"]),
        h.make_node("HardSwish", ["x"], ["hardswish"]),
        h.make_node("Softplus", ["x"], ["softplus"]),
        h.make_node("Elu", ["x"], ["elu"], alpha=0.5),
        h.make_node("Round", ["x"], ["round"]),
        h.make_node("GlobalAveragePool", ["x"], ["gap"]),
        h.make_node("GridSample", ["x", "grid"], ["gridsample"])],
        [rand("w", [4, 6, 3, 3], 31), rand("scale", [6], 32),
         rand("bias", [6], 33), grid], 22,
        outputs=("maxpool", "avgpool", "instnorm", "hardswish", "softplus",
                 "elu", "round", "gap", "gridsample"))


def opset24_forms():
    """Ops as opsets 23 to 25 define them: RMSNormalization (23) over the
    last two dimensions and over one, Swish (24) with an alpha, a
    QuantizeLinear whose precision says float32 (23), and ops re-versioned
    for new types only (Reshape, Transpose, Flatten, Pad, Squeeze)."""
    def ints(name, values):
        return const(name, values, np.int64)
    return graph([
        h.make_node("RMSNormalization", ["x", "s2"], ["rms2"], axis=-2,
                    epsilon=1e-3),
        h.make_node("RMSNormalization", ["x", "s1"], ["rms1"]),
        h.make_node("Swish", ["x"], ["swish"], alpha=1.7),
        h.make_node("QuantizeLinear", ["x", "qs", "qz"], ["q"],
                    precision=T.FLOAT),
        h.make_node("DequantizeLinear", ["q", "qs", "qz"], ["qdq"]),
        h.make_node("Transpose", ["x"], ["t"], perm=[0, 2, 3, 1]),
        h.make_node("Reshape", ["t", "shape"], ["r"]),
        h.make_node("Flatten", ["x"], ["flat"], axis=2),
        h.make_node("Pad", ["x", "pads"], ["pad"], mode="reflect"),
        h.make_node("Squeeze", ["one", "axes"], ["squeezed"])],
        [rand("s2", [5, 7], 41), rand("s1", [7], 42),
         const("qs", 0.03, np.float32), const("qz", 3, np.int8),
         ints("shape", [2, -1, 6]), ints("pads", [0, 0, 1, 2, 0, 0, 2, 1]),
         rand("one", [2, 1, 3], 43), ints("axes", [1])], 24,
        outputs=("rms2", "rms1", "swish", "qdq", "r", "flat", "pad",
                 "squeezed"))


def opset25_forms():
    """Opset 25 (ONNX 1.20) re-versioned ops for 2-bit types only: their
    float forms, with RMSNormalization (23)."""
    return graph([
        h.make_node("Cast", ["x"], ["half"], to=T.FLOAT16),
        h.make_node("Cast", ["half"], ["cast"], to=T.FLOAT),
        h.make_node("Transpose", ["cast"], ["t"], perm=[0, 3, 1, 2]),
        h.make_node("RMSNormalization", ["t", "s"], ["y"], axis=1)],
        [rand("s", [7, 6, 5], 44)], 25)


def lp_normalization():
    """LpNormalization, L2 along the channels and L1 along the rows, over
    an input with a zeroed channel slice (zero norms give zeros)."""
    mask = np.ones([1, 6, 5, 1], np.float32)
    mask[0, :, 2, 0] = 0
    return graph([
        h.make_node("Mul", ["x", "mask"], ["masked"]),
        h.make_node("LpNormalization", ["masked"], ["l2"], axis=1, p=2),
        h.make_node("LpNormalization", ["masked"], ["l1"], axis=-1, p=1)],
        [nh.from_array(mask, "mask")], 13, outputs=("l2", "l1"))


def reverse_sequence():
    """ReverseSequence as tf2onnx writes bidirectional RNNs: time-major
    (2 steps, 6 entries) with lengths that differ per entry, 0 and 1
    included, and batch-major (2 entries, 6 steps), one entry reversed
    whole and one in part; every entry whole (one reverse)."""
    return graph([
        h.make_node("ReverseSequence", ["x", "lens_time"], ["time_major"],
                    batch_axis=1, time_axis=0),
        h.make_node("ReverseSequence", ["x", "lens_batch"], ["batch_major"],
                    batch_axis=0, time_axis=1),
        h.make_node("ReverseSequence", ["x", "lens_whole"], ["whole"],
                    batch_axis=1, time_axis=0)],
        [const("lens_time", [2, 1, 0, 2, 1, 2], np.int64),
         const("lens_batch", [6, 3], np.int64),
         const("lens_whole", [2] * 6, np.int64)], 13,
        outputs=("time_major", "batch_major", "whole"),
        inputs=(("x", [2, 6, 5, 7]),))


CASES["grid_sample"] = grid_sample
CASES["top_k_infinities"] = top_k_infinities
CASES["spectral"] = spectral
CASES["inverse_trig"] = inverse_trig
CASES["opset22_forms"] = opset22_forms
CASES["opset24_forms"] = opset24_forms
CASES["opset25_forms"] = opset25_forms
CASES["lp_normalization"] = lp_normalization
CASES["reverse_sequence"] = reverse_sequence
CASES["grid_sample_opset20"] = grid_sample_opset20
CASES["rnn_bidirectional"] = rnn_bidirectional
CASES["top_k"] = top_k
CASES["composed_ops"] = composed_ops
CASES["einsum_forms"] = einsum_forms
CASES["dynamic_quantized_conv_matmul"] = dynamic_quantized
CASES["qlinear_conv_matmul_per_channel"] = qlinear

# Inputs that are not float32 (name -> dtype).
INPUT_TYPES = {"where_bool_mask_input": {"m": np.bool_}}


def main():
    name, out_dir = sys.argv[1], sys.argv[2]
    model = CASES[name]()
    types = INPUT_TYPES.get(name, {})
    for value in model.graph.input:
        if types.get(value.name) is np.bool_:
            value.type.tensor_type.elem_type = T.BOOL
    os.makedirs(os.path.join(out_dir, "inputs"), exist_ok=True)
    onnx.save(model, os.path.join(out_dir, "model.onnx"))
    rng = np.random.default_rng(0)
    for value in model.graph.input:
        # A symbolic dimension gets size 3 in the input files.
        shape = [d.dim_value if d.HasField("dim_value") else 3
                 for d in value.type.tensor_type.shape.dim]
        if types.get(value.name) is np.bool_:
            data = rng.random(shape) < 0.5
        else:
            data = rng.standard_normal(shape).astype(np.float32)
        np.save(os.path.join(out_dir, "inputs", value.name + ".npy"), data)


if __name__ == "__main__":
    main()
