// SPDX-License-Identifier: Apache-2.0
// The webnn dialect's ops, part of WebNNOps.td (which includes this after
// the base classes and traits): convolution, pooling and resampling.
#ifndef WEBNN_CONVOPS_TD
#define WEBNN_CONVOPS_TD

//===----------------------------------------------------------------------===//
// Convolution, pooling and resampling
//===----------------------------------------------------------------------===//

def WebNN_Conv2dOp : WebNN_Op<"conv2d"> {
  let summary = "2-D convolution (MLGraphBuilder.conv2d)";
  let description = [{
    Options follow `MLConv2dOptions`: `padding` is
    `[beginHeight, endHeight, beginWidth, endWidth]`, `strides` and
    `dilations` are `[height, width]`; absent lists take the spec defaults
    (zeros, ones, ones).

    ```mlir
    %y = webnn.conv2d %x, %w, %b {padding = array<i64: 1, 1, 1, 1>}
        : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>)
        -> tensor<1x16x8x8xf32>
    ```
  }];
  let arguments = (ins WebNN_Tensor:$input, WebNN_Tensor:$filter,
      Optional<WebNN_Tensor>:$bias,
      OptionalAttr<DenseI64ArrayAttr>:$padding,
      OptionalAttr<DenseI64ArrayAttr>:$strides,
      OptionalAttr<DenseI64ArrayAttr>:$dilations,
      DefaultValuedAttr<I64Attr, "1">:$groups,
      DefaultValuedAttr<WebNN_InputOperandLayoutAttr,
                        "::mlir::webnn::InputOperandLayout::nchw">:$input_layout,
      DefaultValuedAttr<WebNN_Conv2dFilterOperandLayoutAttr,
                        "::mlir::webnn::Conv2dFilterOperandLayout::oihw">:$filter_layout);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $filter (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
}

def WebNN_ConvTranspose2dOp : WebNN_Op<"conv_transpose2d"> {
  let summary = "2-D transposed convolution (MLGraphBuilder.convTranspose2d)";
  let description = [{
    Options follow `MLConvTranspose2dOptions`. The filter is
    `[inputChannels, outputChannels / groups, height, width]` in the default
    `iohw` layout; `output_sizes`, when given, overrides `output_padding`
    and must lie in `[computed, computed + stride)`.
  }];
  let arguments = (ins WebNN_Tensor:$input, WebNN_Tensor:$filter,
      Optional<WebNN_Tensor>:$bias,
      OptionalAttr<DenseI64ArrayAttr>:$padding,
      OptionalAttr<DenseI64ArrayAttr>:$strides,
      OptionalAttr<DenseI64ArrayAttr>:$dilations,
      OptionalAttr<DenseI64ArrayAttr>:$output_padding,
      OptionalAttr<DenseI64ArrayAttr>:$output_sizes,
      DefaultValuedAttr<I64Attr, "1">:$groups,
      DefaultValuedAttr<WebNN_InputOperandLayoutAttr,
                        "::mlir::webnn::InputOperandLayout::nchw">:$input_layout,
      DefaultValuedAttr<WebNN_ConvTranspose2dFilterOperandLayoutAttr,
                        "::mlir::webnn::ConvTranspose2dFilterOperandLayout::iohw">:$filter_layout);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $filter (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
}

class WebNN_Pool2dOp<string mnemonic, string specName>
    : WebNN_Op<mnemonic> {
  let summary = "2-D " # specName # " pooling";
  let description = [{
    Options follow `MLPool2dOptions`. Without `window_dimensions` the window
    covers the whole spatial input (global pooling). `output_sizes`, when
    given, must be both computed sizes (with the padding) rounded down or
    both rounded up; it takes precedence over `output_shape_rounding` (the
    spec's `outputShapeRounding`, once `roundingType`). Padding never
    contributes a value.
  }];
  let arguments = (ins WebNN_Tensor:$input,
      OptionalAttr<DenseI64ArrayAttr>:$window_dimensions,
      OptionalAttr<DenseI64ArrayAttr>:$padding,
      OptionalAttr<DenseI64ArrayAttr>:$strides,
      OptionalAttr<DenseI64ArrayAttr>:$dilations,
      DefaultValuedAttr<WebNN_InputOperandLayoutAttr,
                        "::mlir::webnn::InputOperandLayout::nchw">:$layout,
      DefaultValuedAttr<WebNN_RoundingTypeAttr,
                        "::mlir::webnn::RoundingType::floor">:$output_shape_rounding,
      OptionalAttr<DenseI64ArrayAttr>:$output_sizes);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_AveragePool2dOp : WebNN_Pool2dOp<"average_pool2d", "average">;
def WebNN_L2Pool2dOp : WebNN_Pool2dOp<"l2_pool2d", "L2-norm">;
def WebNN_MaxPool2dOp : WebNN_Pool2dOp<"max_pool2d", "max">;

def WebNN_Resample2dOp : WebNN_Op<"resample2d"> {
  let summary = "Resize two axes by nearest-neighbor or bilinear sampling";
  let description = [{
    `sizes` (output sizes) override `scales`; `axes` defaults to `[2, 3]`.
    Output coordinate `o` samples input coordinate
    `(o + 0.5) / scale - 0.5`, clamped to the input.
  }];
  let arguments = (ins WebNN_Tensor:$input,
      DefaultValuedAttr<WebNN_InterpolationModeAttr,
                        "::mlir::webnn::InterpolationMode::nearest_neighbor">:$mode,
      OptionalAttr<DenseF64ArrayAttr>:$scales,
      OptionalAttr<DenseI64ArrayAttr>:$sizes,
      OptionalAttr<DenseI64ArrayAttr>:$axes);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

#endif // WEBNN_CONVOPS_TD
