// SPDX-License-Identifier: Apache-2.0
// The webnn dialect's ops, part of WebNNOps.td (which includes this after
// the base classes and traits): gather and scatter.
#ifndef WEBNN_GATHEROPS_TD
#define WEBNN_GATHEROPS_TD

//===----------------------------------------------------------------------===//
// Gather and scatter
//===----------------------------------------------------------------------===//

def WebNN_GatherOp : WebNN_Op<"gather"> {
  let summary = "Select slices of the input along axis by indices";
  let description = [{
    Negative indices count from the end; out-of-range indices clamp.
  }];
  let arguments = (ins WebNN_Tensor:$input, WebNN_Tensor:$indices,
                       DefaultValuedAttr<I64Attr, "0">:$axis);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input `,` $indices attr-dict `:` functional-type(operands, results)";
}

def WebNN_GatherElementsOp : WebNN_Op<"gather_elements"> {
  let summary = "out[i] = input[i with axis coordinate indices[i]]";
  let arguments = (ins WebNN_Tensor:$input, WebNN_Tensor:$indices,
                       DefaultValuedAttr<I64Attr, "0">:$axis);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input `,` $indices attr-dict `:` functional-type(operands, results)";
}

def WebNN_GatherNDOp : WebNN_Op<"gather_nd"> {
  let summary = "Gather slices addressed by the last dimension of indices";
  let arguments = (ins WebNN_Tensor:$input, WebNN_Tensor:$indices);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input `,` $indices attr-dict `:` functional-type(operands, results)";
}

def WebNN_ScatterElementsOp : WebNN_Op<"scatter_elements"> {
  let summary = "A copy of input with updates written where indices point";
  let arguments = (ins WebNN_Tensor:$input, WebNN_Tensor:$indices,
                       WebNN_Tensor:$updates,
                       DefaultValuedAttr<I64Attr, "0">:$axis);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $indices `,` $updates attr-dict `:` functional-type(operands, results)
  }];
}

def WebNN_ScatterNDOp : WebNN_Op<"scatter_nd"> {
  let summary = "A copy of input with update slices written at indices";
  let arguments = (ins WebNN_Tensor:$input, WebNN_Tensor:$indices,
                       WebNN_Tensor:$updates);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $indices `,` $updates attr-dict `:` functional-type(operands, results)
  }];
}

#endif // WEBNN_GATHEROPS_TD
