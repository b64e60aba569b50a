// SPDX-License-Identifier: Apache-2.0
// The webnn dialect's ops, part of WebNNOps.td (which includes this after
// the base classes and traits): the compiler-internal ops, made by webnnc's
// passes, never by the frontend.
#ifndef WEBNN_INTERNALOPS_TD
#define WEBNN_INTERNALOPS_TD

//===----------------------------------------------------------------------===//
// Compiler-internal ops: made by webnnc's passes, never by the frontend.
//===----------------------------------------------------------------------===//

def WebNN_FusedOp : Op<WebNN_Dialect, "fused",
    [IsolatedFromAbove, Pure, SingleBlock]> {
  let summary = "Ops compiled as one kernel (made by webnn-fuse)";
  let description = [{
    The region's ops become one kernel: their intermediate values never
    reach memory. The block arguments are the inputs; `webnn.yield` gives
    the result. A region of two stages (a non-element-wise op after the
    first) names where its first stage is computed (`producer`).

    ```mlir
    %y = webnn.fused (%x, %w, %b) : (tensor<1x3x8x8xf32>,
        tensor<8x3x3x3xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x6x6xf32> {
    ^bb0(%a: tensor<1x3x8x8xf32>, %f: tensor<8x3x3x3xf32>,
         %c: tensor<1x8x1x1xf32>):
      %0 = webnn.conv2d %a, %f : ...
      %1 = webnn.add %0, %c : ...
      %2 = webnn.relu %1 : ...
      webnn.yield %2 : tensor<1x8x6x6xf32>
    }
    ```
  }];
  let arguments = (ins Variadic<WebNN_Tensor>:$inputs,
                       OptionalAttr<WebNN_ProducerPlacementAttr>:$producer);
  let results = (outs WebNN_Tensor:$output);
  let regions = (region SizedRegion<1>:$body);
  let hasVerifier = 1;
  let assemblyFormat = [{
    `(` $inputs `)` attr-dict `:` functional-type($inputs, results) $body
  }];
}

def WebNN_YieldOp : Op<WebNN_Dialect, "yield",
    [Pure, Terminator, HasParent<"FusedOp">]> {
  let summary = "The result of a webnn.fused region";
  let arguments = (ins WebNN_Tensor:$value);
  let assemblyFormat = "$value attr-dict `:` type($value)";
}

def WebNN_PackedMatmulOp : Op<WebNN_Dialect, "packed_matmul", [Pure]> {
  let summary = "alpha * A' * B + beta * C with B packed in column panels";
  let description = [{
    Made by webnn-pack-weights from a matmul or gemm whose B is a constant
    `[K, N]` matrix: `packed_b` is `[ceil(N / P), K, P]` (panel `j / P`
    holds columns `j / P * P ...`, zero-padded), the layout the kernel
    streams, so no packing happens at compute time. `columns` is N; A is
    `[..., M, K]` (or `[K, M]` with `a_transpose`); the result is
    `[..., M, N]`.
  }];
  let arguments = (ins WebNN_Tensor:$a, WebNN_Tensor:$packed_b,
      Optional<WebNN_Tensor>:$c,
      I64Attr:$columns,
      DefaultValuedAttr<F64Attr, "1.0">:$alpha,
      DefaultValuedAttr<F64Attr, "1.0">:$beta,
      DefaultValuedAttr<BoolAttr, "false">:$a_transpose);
  let results = (outs WebNN_Tensor:$output);
  let hasVerifier = 1;
  let assemblyFormat = [{
    $a `,` $packed_b (`,` $c^)? attr-dict `:` functional-type(operands, results)
  }];
}

def WebNN_PackedInt4MatmulOp
    : Op<WebNN_Dialect, "packed_int4_matmul", [Pure]> {
  let summary = "A * dequantizeLinear(B) (+ C) with B's 4-bit codes packed";
  let description = [{
    Made by webnn-pack-int4-weights from a matmul or gemm whose B is the
    dequantization of a constant `[K, N]` (or transposed `[N, K]`) matrix
    of 4-bit values with float32 scales and zero points per tensor, per
    column or per block of rows (blockwise). `packed_b` is uint8
    `[ceil(N / P), K, P / 2]`: byte `q` of row `k` of a panel holds the
    code of column `q` in its low four bits and of column `q + P / 2` in
    its high four (the code is the value, plus 8 for int4), zero beyond N.
    `zero` and `scale` are float32 `[ceil(N / P), K / block_size, P]`, the
    zero point (as a code) and scale of each block of `block_size` rows
    and each column. B's element `(k, j)` is `(code - zero) * scale`, the
    value dequantizeLinear gives (the difference is an exact integer, so
    one rounding), computed in the kernel from the codes. `columns` is N;
    A is float32 `[..., M, K]`, the result `[..., M, N]`; `c`, if present,
    is added (gemm's C with beta 1).
  }];
  let arguments = (ins WebNN_Tensor:$a, WebNN_Tensor:$packed_b,
      WebNN_Tensor:$zero, WebNN_Tensor:$scale, Optional<WebNN_Tensor>:$c,
      I64Attr:$columns, I64Attr:$block_size);
  let results = (outs WebNN_Tensor:$output);
  let hasVerifier = 1;
  let assemblyFormat = [{
    $a `,` $packed_b `,` $zero `,` $scale (`,` $c^)? attr-dict `:` functional-type(operands, results)
  }];
}

def WebNN_PackedConv2dOp : Op<WebNN_Dialect, "packed_conv2d", [Pure]> {
  let summary = "Channels-last conv2d with the filter packed in panels";
  let description = [{
    Made by webnn-pack-weights from a `conv2d` of an nhwc input with a
    constant filter and one group: `packed_filter` is
    `[ceil(O / P), height, width, I, P]`, each panel `P` output channels
    wide (zero-padded), so a kernel tile that computes `P` output channels
    reads its filter as one contiguous stream. `output_channels` is O;
    `padding`, `strides` and `dilations` are the conv's (given in full).
    The result is the conv's, `[N, H', W', O]`.
  }];
  let arguments = (ins WebNN_Tensor:$input, WebNN_Tensor:$packed_filter,
      Optional<WebNN_Tensor>:$bias,
      DenseI64ArrayAttr:$padding,
      DenseI64ArrayAttr:$strides,
      DenseI64ArrayAttr:$dilations,
      I64Attr:$output_channels);
  let results = (outs WebNN_Tensor:$output);
  let hasVerifier = 1;
  let assemblyFormat = [{
    $input `,` $packed_filter (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
  let extraClassDeclaration = [{
    /// The conv's options and its filter as the hwio operand it packs, for
    /// the spec's shape rules.
    ::webnnc::spec::Conv2dOptions conv2dOptions();
    ::webnnc::spec::OperandDescriptor unpackedFilter();
  }];
}

def WebNN_QuantizedConv2dOp : Op<WebNN_Dialect, "quantized_conv2d", [Pure]> {
  let summary = "Channels-last conv2d of 8-bit integers, requantized";
  let description = [{
    Made by webnn-quantized-ops from `quantizeLinear(act(conv2d(
    dequantizeLinear(x), dequantizeLinear(w), bias)))` with constant 8-bit
    weights (their differences from their zero points, as int8). The input
    is `[N, H, W, I]` uint8 or int8 (int8 is read as uint8 by adding 128,
    its zero point shifted alike), `I` a multiple of `T`; `packed_filter`
    is int8 `[ceil(O / P), height, width, I / T, P, T]` (panels of `P`
    output channels, `T` = 4 or 2 input channels innermost: the operands
    of one integer dot-product instruction), or, for a depthwise conv
    (one filter per channel, `O == I`), `[height, width, O]`. Per output
    channel `o`:

      acc = accumulator_offset[o] + sum(u8(x) * w)     (exact, int32)
      y   = clamp(roundEven(acc * scale[o] + offset[o]) + output_zero_point,
                  output_min, output_max)

    `accumulator_offset` is `-input_zero_point * sum(w[o])`, `scale` the
    input scale times the weight scale over the output scale, `offset` the
    bias over the output scale; `output_min`/`output_max` hold the output
    type's range narrowed by a folded relu or clamp. The input is padded
    with `input_zero_point` (the quantized zero). The result is uint8 or
    int8 `[N, H', W', O]`, or float32 (`y = acc * scale[o] + offset[o]`,
    the scales and bias not divided by an output scale, the bounds unused)
    when the conv's result is not quantized. A matmul or gemm with a
    constant int8 matrix is such a conv too, 1x1 over `[1, 1, M, K]`.
  }];
  let arguments = (ins WebNN_Tensor:$input, WebNN_Tensor:$packed_filter,
      WebNN_Tensor:$accumulator_offset, WebNN_Tensor:$scale,
      WebNN_Tensor:$offset,
      DenseI64ArrayAttr:$padding,
      DenseI64ArrayAttr:$strides,
      DenseI64ArrayAttr:$dilations,
      I64Attr:$output_channels,
      I64Attr:$input_zero_point,
      I64Attr:$output_zero_point,
      I64Attr:$output_min,
      I64Attr:$output_max);
  let results = (outs WebNN_Tensor:$output);
  let hasVerifier = 1;
  let assemblyFormat = [{
    $input `,` $packed_filter `,` $accumulator_offset `,` $scale `,` $offset
    attr-dict `:` functional-type(operands, results)
  }];
  let extraClassDeclaration = [{
    /// The conv's options and its filter as a float32 hwio operand, for
    /// the spec's shape rules.
    ::webnnc::spec::Conv2dOptions conv2dOptions();
    ::webnnc::spec::OperandDescriptor unpackedFilter();
    /// Whether the filter is a depthwise conv's ([height, width, C]).
    bool isDepthwise();
  }];
}

def WebNN_QuantizedAddOp
    : Op<WebNN_Dialect, "quantized_add", [Pure, WebNN_Elementwise]> {
  let summary = "Sum of two 8-bit quantized tensors, requantized";
  let description = [{
    Made by webnn-quantized-ops from `quantizeLinear(act(add(
    dequantizeLinear(a), dequantizeLinear(b))))` with per-tensor
    parameters (a residual connection):

      y = clamp(roundEven((a - a_zero_point) * a_scale +
                          (b - b_zero_point) * b_scale) + output_zero_point,
                output_min, output_max)

    where each scale is the operand's over the output's, and the bounds
    hold the output type's range narrowed by a folded relu or clamp. `a`
    and `b` broadcast as the add did; the result is uint8 or int8.
  }];
  let arguments = (ins WebNN_Tensor:$a, WebNN_Tensor:$b,
      F64Attr:$a_scale, I64Attr:$a_zero_point,
      F64Attr:$b_scale, I64Attr:$b_zero_point,
      I64Attr:$output_zero_point, I64Attr:$output_min, I64Attr:$output_max);
  let results = (outs WebNN_Tensor:$output);
  let hasVerifier = 1;
  let assemblyFormat = [{
    $a `,` $b attr-dict `:` functional-type(operands, results)
  }];
}

def WebNN_WinogradConv2dOp : Op<WebNN_Dialect, "winograd_conv2d", [Pure]> {
  let summary = "Channels-last 3x3 conv2d by Winograd F(m x m, 3 x 3)";
  let description = [{
    Made by webnn-pack-weights from a `conv2d` of an nhwc input with a
    constant 3x3 filter, stride and dilation 1 and one group (when
    `webnnc/KernelSpec/Winograd.h` says it pays). `transformed_filter` is the
    filter in the Winograd domain, `G g G^T` for each pair of channels, as
    `[alpha * alpha, ceil(O / P), I, P]` with `alpha = tile + 2` (panels of
    `P` output channels, zero-padded). `output_channels` is O, `padding`
    the conv's (given in full). The result is the conv's, `[N, H', W', O]`,
    up to rounding.
  }];
  let arguments = (ins WebNN_Tensor:$input, WebNN_Tensor:$transformed_filter,
      Optional<WebNN_Tensor>:$bias,
      DenseI64ArrayAttr:$padding,
      I64Attr:$output_channels,
      I64Attr:$tile);
  let results = (outs WebNN_Tensor:$output);
  let hasVerifier = 1;
  let assemblyFormat = [{
    $input `,` $transformed_filter (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
  let extraClassDeclaration = [{
    /// The conv's options and its 3x3 hwio filter's descriptor, for the
    /// spec's shape rules.
    ::webnnc::spec::Conv2dOptions conv2dOptions();
    ::webnnc::spec::OperandDescriptor unpackedFilter();
  }];
}

def WebNN_RecurrenceOp : Op<WebNN_Dialect, "recurrence",
    [Pure, AttrSizedOperandSegments]> {
  let summary = "One result of a gru or lstm over an open sequence length";
  let description = [{
    Made by webnn-decompose from a `gru` (`lstm` = false) or `lstm` whose
    input's sequence length is open: steps that cannot be unrolled run as
    one kernel's loop, the length read from the input at compute. `computes`
    picks what it computes: 0 the last hidden state, 1 the last cell state
    (lstm), both `[directions, batch, hidden_size]`; 2 every step's hidden
    state, `[steps, directions, batch, hidden_size]`. The other attributes
    are the op's, as integers: `direction` and `layout` the spec enums'
    values, `activations` resolved to the op's full list (gru: gate,
    candidate; lstm: gates, cell, output).
  }];
  let arguments = (ins WebNN_Tensor:$input, WebNN_Tensor:$weight,
      WebNN_Tensor:$recurrent_weight,
      Optional<WebNN_Tensor>:$bias, Optional<WebNN_Tensor>:$recurrent_bias,
      Optional<WebNN_Tensor>:$peephole_weight,
      Optional<WebNN_Tensor>:$initial_hidden_state,
      Optional<WebNN_Tensor>:$initial_cell_state,
      BoolAttr:$lstm, I64Attr:$hidden_size, I64Attr:$direction,
      I64Attr:$layout, DenseI64ArrayAttr:$activations, BoolAttr:$reset_after,
      I64Attr:$computes);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $weight `,` $recurrent_weight (`bias` $bias^)?
    (`recurrent_bias` $recurrent_bias^)?
    (`peephole_weight` $peephole_weight^)?
    (`initial_hidden_state` $initial_hidden_state^)?
    (`initial_cell_state` $initial_cell_state^)?
    attr-dict `:` functional-type(operands, results)
  }];
}

#endif // WEBNN_INTERNALOPS_TD
