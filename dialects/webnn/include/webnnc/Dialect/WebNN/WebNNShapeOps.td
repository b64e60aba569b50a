// SPDX-License-Identifier: Apache-2.0
// The webnn dialect's ops, part of WebNNOps.td (which includes this after
// the base classes and traits): shape and data movement.
#ifndef WEBNN_SHAPEOPS_TD
#define WEBNN_SHAPEOPS_TD

//===----------------------------------------------------------------------===//
// Shape and data movement
//===----------------------------------------------------------------------===//

def WebNN_ReshapeOp : WebNN_Op<"reshape"> {
  let summary = "Reshape to new_shape (same element count)";
  let description = [{
    A `new_shape` entry of -1 is a size known only at compute: the
    matching entry of `open_sizes` gives it as an expression over the
    graph inputs' open dimensions (webnnc/Spec/DimExpr.h), e.g.
    `"batch * 8"`. The element count is then checked at compute.
  }];
  let arguments = (ins WebNN_Tensor:$input, DenseI64ArrayAttr:$new_shape,
                       OptionalAttr<StrArrayAttr>:$open_sizes);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def WebNN_TransposeOp : WebNN_Op<"transpose"> {
  let summary = "Permute dimensions (default: reverse them)";
  let arguments = (ins WebNN_Tensor:$input,
                       OptionalAttr<DenseI64ArrayAttr>:$permutation);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_ConcatOp : WebNN_Op<"concat"> {
  let summary = "Join inputs along axis";
  let arguments = (ins Variadic<WebNN_Tensor>:$inputs, I64Attr:$axis);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$inputs attr-dict `:` functional-type(operands, results)";
}

def WebNN_ExpandOp : WebNN_Op<"expand"> {
  let summary = "Broadcast the input to new_shape";
  let description = [{
    `new_shape` entries of -1 are given by `open_sizes`, as for `reshape`.
  }];
  let arguments = (ins WebNN_Tensor:$input, DenseI64ArrayAttr:$new_shape,
                       OptionalAttr<StrArrayAttr>:$open_sizes);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_PadOp : WebNN_Op<"pad"> {
  let summary = "Pad each dimension (constant, edge or reflection)";
  let arguments = (ins WebNN_Tensor:$input,
      DenseI64ArrayAttr:$beginning_padding,
      DenseI64ArrayAttr:$ending_padding,
      DefaultValuedAttr<WebNN_PaddingModeAttr,
                        "::mlir::webnn::PaddingMode::constant">:$mode,
      DefaultValuedAttr<F64Attr, "0.0">:$value);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_ReverseOp : WebNN_Op<"reverse"> {
  let summary = "Reverse the order of elements along axes (default: all)";
  let arguments = (ins WebNN_Tensor:$input,
                       OptionalAttr<DenseI64ArrayAttr>:$axes);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_SliceOp : WebNN_Op<"slice"> {
  let summary = "The window [starts, starts + sizes) with optional strides";
  let description = [{
    A `sizes` entry of -1 is known only at compute: the matching entry of
    `open_sizes` gives it as an expression (as for `reshape`), or, if that
    entry is empty, the slice runs to the end of the input's dimension.
  }];
  let arguments = (ins WebNN_Tensor:$input, DenseI64ArrayAttr:$starts,
                       DenseI64ArrayAttr:$sizes,
                       OptionalAttr<DenseI64ArrayAttr>:$strides,
                       OptionalAttr<StrArrayAttr>:$open_sizes);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_SplitOp : WebNN_MultiResultOp<"split"> {
  let summary = "Split along axis into parts of the given sizes";
  let description = [{
    `splits` holds the size of each part (the frontend resolves the spec's
    count form into equal sizes).
  }];
  let arguments = (ins WebNN_Tensor:$input, DenseI64ArrayAttr:$splits,
                       DefaultValuedAttr<I64Attr, "0">:$axis);
  let results = (outs Variadic<WebNN_Tensor>:$outputs);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_TileOp : WebNN_Op<"tile"> {
  let summary = "Repeat the input along each dimension";
  let arguments = (ins WebNN_Tensor:$input, DenseI64ArrayAttr:$repetitions);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_TriangularOp : WebNN_Op<"triangular"> {
  let summary = "Keep the upper or lower triangle of the last two dimensions";
  let description = [{
    `upper` keeps elements with `column - row >= diagonal`, otherwise those
    with `column - row <= diagonal`; the rest become 0.
  }];
  let arguments = (ins WebNN_Tensor:$input,
                       DefaultValuedAttr<BoolAttr, "true">:$upper,
                       DefaultValuedAttr<I64Attr, "0">:$diagonal);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

#endif // WEBNN_SHAPEOPS_TD
