// SPDX-License-Identifier: Apache-2.0
// The webnn dialect's ops, part of WebNNOps.td (which includes this after
// the base classes and traits): matrix multiplication.
#ifndef WEBNN_MATMULOPS_TD
#define WEBNN_MATMULOPS_TD

//===----------------------------------------------------------------------===//
// Matrix multiplication
//===----------------------------------------------------------------------===//

def WebNN_MatmulOp : WebNN_Op<"matmul"> {
  let summary = "Batched matrix product with broadcasting batch dimensions";
  let arguments = (ins WebNN_Tensor:$a, WebNN_Tensor:$b);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$a `,` $b attr-dict `:` functional-type(operands, results)";
}

def WebNN_GemmOp : WebNN_Op<"gemm"> {
  let summary = "General matrix multiply: alpha * A' * B' + beta * C";
  let arguments = (ins WebNN_Tensor:$a, WebNN_Tensor:$b,
      Optional<WebNN_Tensor>:$c,
      DefaultValuedAttr<F64Attr, "1.0">:$alpha,
      DefaultValuedAttr<F64Attr, "1.0">:$beta,
      DefaultValuedAttr<BoolAttr, "false">:$a_transpose,
      DefaultValuedAttr<BoolAttr, "false">:$b_transpose);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = [{
    $a `,` $b (`,` $c^)? attr-dict `:` functional-type(operands, results)
  }];
}

#endif // WEBNN_MATMULOPS_TD
