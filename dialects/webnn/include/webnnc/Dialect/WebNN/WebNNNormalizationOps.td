// SPDX-License-Identifier: Apache-2.0
// The webnn dialect's ops, part of WebNNOps.td (which includes this after
// the base classes and traits): normalization.
#ifndef WEBNN_NORMALIZATIONOPS_TD
#define WEBNN_NORMALIZATIONOPS_TD

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

def WebNN_BatchNormalizationOp
    : WebNN_Op<"batch_normalization", [AttrSizedOperandSegments]> {
  let summary = "(x - mean) / sqrt(variance + epsilon) * scale + bias";
  let description = [{
    `mean`, `variance`, `scale` and `bias` are 1-D, indexed along `axis`.
  }];
  let arguments = (ins WebNN_Tensor:$input, WebNN_Tensor:$mean,
      WebNN_Tensor:$variance,
      Optional<WebNN_Tensor>:$scale, Optional<WebNN_Tensor>:$bias,
      DefaultValuedAttr<I64Attr, "1">:$axis,
      DefaultValuedAttr<F64Attr, "1e-5">:$epsilon);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $mean `,` $variance (`scale` $scale^)? (`bias` $bias^)?
    attr-dict `:` functional-type(operands, results)
  }];
}

def WebNN_InstanceNormalizationOp
    : WebNN_Op<"instance_normalization", [AttrSizedOperandSegments]> {
  let summary = "Normalize each channel of each batch over its spatial dims";
  let arguments = (ins WebNN_Tensor:$input,
      Optional<WebNN_Tensor>:$scale, Optional<WebNN_Tensor>:$bias,
      DefaultValuedAttr<F64Attr, "1e-5">:$epsilon,
      DefaultValuedAttr<WebNN_InputOperandLayoutAttr,
                        "::mlir::webnn::InputOperandLayout::nchw">:$layout);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = [{
    $input (`scale` $scale^)? (`bias` $bias^)? attr-dict `:`
    functional-type(operands, results)
  }];
}

def WebNN_LayerNormalizationOp
    : WebNN_Op<"layer_normalization", [AttrSizedOperandSegments]> {
  let summary = "Normalize over axes (default: all but the first)";
  let description = [{
    `scale` and `bias` have the shape of the normalized axes, in `axes`
    order.
  }];
  let arguments = (ins WebNN_Tensor:$input,
      Optional<WebNN_Tensor>:$scale, Optional<WebNN_Tensor>:$bias,
      OptionalAttr<DenseI64ArrayAttr>:$axes,
      DefaultValuedAttr<F64Attr, "1e-5">:$epsilon);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = [{
    $input (`scale` $scale^)? (`bias` $bias^)? attr-dict `:`
    functional-type(operands, results)
  }];
}

#endif // WEBNN_NORMALIZATIONOPS_TD
