// SPDX-License-Identifier: Apache-2.0
// webnnc's passes over the webnn dialect. Keep sorted by flag.
#ifndef WEBNNC_TRANSFORMS_PASSES_TD
#define WEBNNC_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def WebNNChannelsLastPass : Pass<"webnn-channels-last", "::mlir::ModuleOp"> {
  let summary = "Compute convolutions and pooling channels-last (nhwc)";
  let description = [{
    Each nchw `conv2d` and pooling op becomes its nhwc form between two
    transposes (nchw -> nhwc before, back after), then the transposes move
    towards the graph's outputs through ops that do not care about the
    layout, and cancel where they meet:
    - element-wise ops whose operands are transposed alike, or constants
      (transposed at compile time), or values whose transpose only moves
      dimensions of size 1;
    - `concat`, `softmax`, `batch_normalization` and `cumulative_sum`
      (their axis follows the permutation), reductions (their axes do);
    - a transpose of a transpose is one transpose, or none;
    - a transpose that only moves dimensions of size 1 is a reshape, which
      costs nothing.
    Channels-last kernels vectorize over channels, which a network always
    has many of, where nchw vectorizes over rows, which shrink to 7 or 14
    values late in a network. What remains are the transposes where the
    graph's own layout meets the kernels': at its inputs and outputs, or
    before a reshape that flattens nchw data.
  }];
}

def WebNNDecomposePass : Pass<"webnn-decompose", "::mlir::ModuleOp"> {
  let summary = "Rewrite split and the recurrent ops into simpler ops";
  let description = [{
    `split` becomes one `slice` per part. `gruCell` and `lstmCell` become
    the gemm and element-wise ops of the spec's emulation; `gru` and `lstm`
    unroll their steps into one cell per step and direction, then stack
    the states. Over an open sequence length (nothing to unroll) each of
    their results that is read becomes a `webnn.recurrence`, one kernel
    looping over the steps. Afterwards every op has one result.
  }];
}

def WebNNWidenInt4Pass : Pass<"webnn-widen-int4", "::mlir::ModuleOp"> {
  let summary = "Compute int4/uint4 operands as int8/uint8";
  let description = [{
    Four-bit integers are storage types: kernels compute them one element
    per byte. Every `i4`/`ui4` tensor becomes `i8`/`ui8` with the same
    values: constants are widened (sign- or zero-extending each element's
    low nibble), a `quantize_linear` to a four-bit type is followed by a
    `clamp` to [-8, 7] or [0, 15] (clamping to int8 first, then to the
    narrower range, gives the same value), and data-movement ops just
    change their result type. Graph inputs and outputs of a four-bit type
    keep it at the API: they get `webnn.abi_data_type = "int4"` (or
    `"uint4"`), and the runtime unpacks such inputs and packs such outputs
    (two elements per byte) around the compute.
  }];
}

def WebNNPhaseConvTransposePass
    : Pass<"webnn-phase-conv-transpose", "::mlir::ModuleOp"> {
  let summary = "A strided convTranspose2d as one conv2d over its phases";
  let description = [{
    Output element `q * s + r` of a transposed convolution (stride `s`)
    receives input `q - j` through filter tap `r + j * s`: each stride
    phase `r` is an ordinary correlation with the phase's taps reversed.
    A `conv_transpose2d` with a constant `iohw` filter (and constant bias),
    an `nchw` input static off the batch and no dilation becomes one
    channels-last `conv2d` whose output channels are every (group, phase,
    channel), then a reshape and a transpose that interleave the phases, a
    slice that applies the padding and a transpose back to `nchw` (which
    `webnn-channels-last` cancels against its neighbours' transposes): the
    fast conv kernels instead of the gather form,
    which multiplies by zero on all but one in `s * s` taps. Other forms
    keep the direct kernel.
  }];
}

def WebNNSinkReshapesPass
    : Pass<"webnn-sink-reshapes", "::mlir::ModuleOp"> {
  let summary = "Element-wise ops move before the reshapes they read";
  let description = [{
    `op(reshape(x), c)` becomes `reshape(op(x, c))` for an element-wise
    op whose result has the reshape's shape, when every other operand
    varies only along trailing dimensions that the reshape keeps (a bias
    over the last dimension, a scalar). A reshape between a kernel and the
    element-wise ops after it (a matmul computed as a 1x1 conv, a flatten
    before a classifier's activation) keeps them from joining its kernel as
    an epilogue; below them, it separates nothing. Static shapes only.
  }];
}

def WebNNQuantizedOpsPass
    : Pass<"webnn-quantized-ops", "::mlir::ModuleOp"> {
  let summary = "Quantized conv2d computed on 8-bit integers";
  let description = [{
    `quantize_linear(act(conv2d(dequantize_linear(x), dequantize_linear(w),
    bias)))`, with constant 8-bit weights (per-tensor or per-output-channel
    scales and zero points, every difference from the zero point an int8:
    int8 weights with zero point 0, uint8 ones near 128), per-tensor 8-bit
    input and output parameters, one group (or one filter per channel) and
    `act` absent, `relu` or `clamp`, becomes `webnn.quantized_conv2d` on
    the 8-bit input in channels-last layout (transposes around it for an
    nchw conv), and so do matmuls and gemms with such weights: the weights
    packed for the target's integer dot products (`dot-terms` input
    channels each, the input's channels padded to whole ones), the input's
    zero point and the weight sums folded into the accumulator's start,
    scales and bias into one float multiply-add per output, the activation
    into the output's clamp bounds. Results match the float formula within
    one quantization step (the float path rounds its sum differently).
    Convs that do not match stay float.
  }];
  let options = [
    Option<"panelWidth", "panel-width", "int64_t", "32",
           "Output channels per filter panel (two int32 vectors)">,
    Option<"dotTerms", "dot-terms", "int64_t", "4",
           "Input channels per integer dot product: 4 (AVX-512 VNNI's "
           "vpdpbusd), 2 (AVX2's vpmaddwd), 0 leaves convs and matrices "
           "float">,
  ];
}

def WebNNExpandQuantizationPass
    : Pass<"webnn-expand-quantization", "::mlir::ModuleOp"> {
  let summary = "Per-tensor quantizeLinear/dequantizeLinear as element-wise ops";
  let description = [{
    A `dequantize_linear` or `quantize_linear` whose scale and zero point
    are compile-time constants, one value each (a scalar or a tensor of
    equal elements), float32 scales of an 8-bit type, becomes element-wise
    ops that fuse with their neighbours and let layout transposes pass:
    `(cast(x) - z) * s` and `cast(clamp(roundEven(x / s) + z, lo, hi))`.
    Each step rounds as the reference does, so results are unchanged.
    Blockwise and per-channel forms keep their kernel.
  }];
}

def WebNNFoldConstantsPass : Pass<"webnn-fold-constants", "::mlir::ModuleOp"> {
  let summary = "Compute ops whose operands are all constants";
  let description = [{
    Replaces every op whose operands are all `webnn.constant`s (a transpose
    of a weight, a cast, arithmetic on constants, ...) by constants holding
    its results, computed with the reference evaluator's semantics. Ops
    whose results are graph outputs stay, and so do ops whose results would
    be larger than `max-elements` and than their operands store together
    (an `expand` of a weight would otherwise store every copy; a splat
    constant stores one element), and ops reading a splat constant of more
    than `max-elements` elements (folding would expand it on the host).
  }];
  let options = [
    Option<"maxElements", "max-elements", "int64_t", "1 << 16",
           "Results up to this many elements fold even if larger than "
           "their operands">,
  ];
}

def WebNNFusePass : Pass<"webnn-fuse", "::mlir::ModuleOp"> {
  let summary = "Group ops that one kernel computes into webnn.fused regions";
  let description = [{
    Forms kernel groups in program order:
    - an element-wise op joins the group computing one of its operands (an
      anchor such as conv2d, convTranspose2d, gemm, matmul, pooling, a
      reduction or a normalization followed by bias adds and activations;
      or element-wise ops) when that value has the op's shape; values
      inside a group may have several readers (x * sigmoid(x)), and a
      group keeps the longest prefix whose only value read outside it is
      its last op's result;
    - a pooling op joins a conv2d group or an element-wise chain as a
      second stage, computed a few rows at a time inside the pooling loop;
    - a reduction joins an element-wise chain, which it reads inline;
    - a channels-last depthwise conv joins the packed conv group feeding it
      when the tensor between them exceeds 1 MB (not kept in cache from one
      kernel to the next); the producer slides down the depthwise rows.
    Values requested as outputs are never internal to a group: fusion never
    crosses them. Groups of more than one op become `webnn.fused` regions;
    webnn-outline-kernels makes each one kernel.
  }];
}

def WebNNOutlineKernelsPass : Pass<"webnn-outline-kernels", "::mlir::ModuleOp"> {
  let summary = "Move each compute op into its own kernel function";
  let description = [{
    Every op that needs a kernel (all but constants and reshapes, which
    only relabel memory) moves into a private `func.func` marked
    `webnn.kernel`, named `<model>_k<N>_<op>`, and the graph calls it.
    Splat constants move into the kernels that read them, where they become
    literals. Kernels whose bodies are identical (same ops, attributes and
    types) are emitted once and called from every site.
  }];
  let options = [
    Option<"modelName", "model-name", "std::string", "\"model\"",
           "Prefix of the kernel symbols (a C identifier)">,
  ];
  let dependentDialects = ["::mlir::func::FuncDialect"];
}

def WebNNPackInt4WeightsPass
    : Pass<"webnn-pack-int4-weights", "::mlir::ModuleOp"> {
  let summary = "Keep 4-bit matmul weights 4-bit: dequantized in the kernel";
  let description = [{
    A float32 `matmul(a, dequantize_linear(w, scale, zero_point))` (or a
    gemm with alpha and beta 1, a not transposed, B possibly transposed)
    whose `w` is a constant 2-D matrix of 4-bit values (int4/uint4, or 8-bit
    values within such a range; `webnn-widen-int4` has made them bytes)
    with constant float32 scales and zero points (per tensor, per column,
    or blockwise along K) becomes `webnn.packed_int4_matmul`: two codes per
    byte in column panels, the scale and zero point of each block of rows
    and column beside them. The kernel dequantizes each panel as it reads
    it, so the weights stay an eighth of their float32 size in the object
    and in memory traffic. Products of more than `max-rows` rows (a's
    elements over K, when static) keep the float path: folding the
    dequantization once at compile time is cheaper for them than
    dequantizing a panel per row band. Runs before folding, which would
    make B a float constant.
  }];
  let options = [
    Option<"panelWidth", "panel-width", "int64_t", "32",
           "Columns per panel (even): the kernel's tile width (two vectors)">,
    Option<"maxRows", "max-rows", "int64_t", "64",
           "Static row counts above this keep the float matmul">,
  ];
}

def WebNNPackWeightsPass : Pass<"webnn-pack-weights", "::mlir::ModuleOp"> {
  let summary = "Store constant weights in the layout their kernels read";
  let description = [{
    At compile time, so no packing happens at compute time:
    - a float32 channels-last 3x3 `conv2d` with stride and dilation 1, one
      group and enough channels (`webnnc/KernelSpec/Winograd.h`) becomes
      `webnn.winograd_conv2d`, its filter transformed to Winograd's domain
      (with `winograd`);
    - another channels-last (`nhwc`) `conv2d` with one group and a constant
      filter becomes `webnn.packed_conv2d`, its filter in panels
      `[ceil(O / P), height, width, I, P]` (zero-padded), P output channels
      being the kernel's register tile (`vector-lanes` times the vectors the
      tile planner picks for the conv's shape);
    - other convs' constant filters are rewritten to the `hwio` layout
      (output channels innermost, as the kernels' tiles read them);
    - a matmul's or gemm's constant 2-D B becomes column panels
      `[ceil(N / P), K, P]` (zero-padded) read by a `webnn.packed_matmul`.
    Packed constants carry `webnn.packed`; originals nothing else reads are
    removed, so only the packed copy is stored.
  }];
  let options = [
    Option<"panelWidth", "panel-width", "int64_t", "32",
           "Columns per matmul panel: the kernel's tile width (two vectors)">,
    Option<"vectorLanes", "vector-lanes", "int64_t", "16",
           "Floats per vector register of the target (conv panels are a "
           "multiple)">,
    Option<"vectorRegisters", "vector-registers", "int64_t", "32",
           "Vector registers of the target (a conv panel's tile holds its "
           "sums in three quarters of them)">,
    Option<"winograd", "winograd", "bool", "true",
           "Compute 3x3 convs that pay for it by Winograd's algorithm">,
  ];
}

def WebNNPlanMemoryPass : Pass<"webnn-plan-memory", "::mlir::ModuleOp"> {
  let summary = "Place every intermediate tensor in one arena";
  let description = [{
    Each kernel result gets `webnn.result_offsets`: a byte offset into the
    working arena, or `-(k+1)` when it is written straight into graph output
    `k`. Results whose lifetimes do not overlap share bytes; offsets are
    64-byte aligned. The graph function gets `webnn.arena_size`.

    With `in-place`, a kernel made only of element-wise ops writes its
    result over an operand of the same shape and size that it is the last
    reader of (the call gets `webnn.in_place`, and so does the kernel,
    which then never reads an element after writing it).
  }];
  let options = [
    Option<"inPlace", "in-place", "bool", "true",
           "Let element-wise kernels overwrite an input they read last">,
  ];
}

def WebNNPruneSubgraphsPass : Pass<"webnn-prune-subgraphs", "::mlir::ModuleOp"> {
  let summary = "Keep only what the requested outputs need";
  let description = [{
    With `outputs`, the graph returns exactly the named operands: graph
    outputs, or any intermediate operand named by its op's label location
    (`loc("name")`), in the order given. Operations and inputs that no
    output needs are removed; each removed input is reported as a warning.
  }];
  let options = [
    ListOption<"outputs", "outputs", "std::string",
               "Operands to compute (default: the graph's outputs)">,
  ];
}

def WebNNRecognizePass : Pass<"webnn-recognize", "::mlir::ModuleOp"> {
  let summary = "Rewrite ops written out as basic ops to the op itself";
  let description = [{
    Exporters write some operations as several basic ops. Those that
    fusion cannot compute in one kernel are recognized whatever their
    spelling and rewritten: `(x - mean(x)) / sqrt(mean((x - mean(x))^2) +
    eps)` (also with a reciprocal, the square as a power, epsilon on
    either side) becomes `layer_normalization` over the mean's axes, which
    covers layer, instance and group normalization written out. Element-
    wise spellings (GELU, SiLU, hard-swish) need nothing: fusion computes
    them in their producer's kernel.
  }];
}

#endif // WEBNNC_TRANSFORMS_PASSES_TD
