# SPDX-License-Identifier: Apache-2.0
"""Floating-point operations of one compute of an ONNX model: 2 per
multiply-add of its Conv, ConvTranspose, Gemm and MatMul nodes (what GFLOP/s
figures conventionally count; element-wise work is left out)."""
import numpy as np
import onnx
from onnx import shape_inference


def _shapes(model):
    shapes = {}
    graph = model.graph
    for info in list(graph.input) + list(graph.output) + list(graph.value_info):
        dims = info.type.tensor_type.shape.dim
        if all(d.HasField("dim_value") for d in dims):
            shapes[info.name] = [d.dim_value for d in dims]
    for tensor in graph.initializer:
        shapes[tensor.name] = list(tensor.dims)
    return shapes


def count_flops(path):
    model = shape_inference.infer_shapes(onnx.load(path))
    shapes = _shapes(model)
    flops = 0
    for node in model.graph.node:
        out = shapes.get(node.output[0])
        ins = [shapes.get(name) for name in node.input]
        if out is None or any(s is None for s in ins[:2]):
            continue
        if node.op_type == "Conv":
            # weights [O, I/groups, kh, kw]: each output element reads
            # I/groups * kh * kw inputs.
            flops += 2 * int(np.prod(out)) * int(np.prod(ins[1][1:]))
        elif node.op_type == "ConvTranspose":
            # weights [I, O/groups, kh, kw]: each input element feeds
            # O/groups * kh * kw outputs.
            flops += 2 * int(np.prod(ins[0])) * int(np.prod(ins[1][1:]))
        elif node.op_type == "Gemm":
            trans_a = any(a.name == "transA" and a.i for a in node.attribute)
            k = ins[0][0] if trans_a else ins[0][1]
            flops += 2 * int(np.prod(out)) * k
        elif node.op_type == "MatMul":
            flops += 2 * int(np.prod(out)) * ins[0][-1]
    return flops
