// SPDX-License-Identifier: Apache-2.0
// The webnn dialect's ops, part of WebNNOps.td (which includes this after
// the base classes and traits): quantization.
#ifndef WEBNN_QUANTIZEOPS_TD
#define WEBNN_QUANTIZEOPS_TD

//===----------------------------------------------------------------------===//
// Quantization
//===----------------------------------------------------------------------===//

def WebNN_QuantizeLinearOp : WebNN_Op<"quantize_linear"> {
  let summary = "saturate(roundEven(x / scale) + zero_point)";
  let description = [{
    `scale` and `zero_point` broadcast blockwise: each of their dimensions
    divides the input's, and covers a block of it.
  }];
  let arguments = (ins WebNN_Tensor:$input, WebNN_Tensor:$scale,
                       WebNN_Tensor:$zero_point);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $scale `,` $zero_point attr-dict `:` functional-type(operands, results)
  }];
}

def WebNN_DequantizeLinearOp : WebNN_Op<"dequantize_linear"> {
  let summary = "(x - zero_point) * scale";
  let arguments = (ins WebNN_Tensor:$input, WebNN_Tensor:$scale,
                       WebNN_Tensor:$zero_point);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $scale `,` $zero_point attr-dict `:` functional-type(operands, results)
  }];
}

#endif // WEBNN_QUANTIZEOPS_TD
