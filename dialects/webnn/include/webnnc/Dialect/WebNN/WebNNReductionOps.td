// SPDX-License-Identifier: Apache-2.0
// The webnn dialect's ops, part of WebNNOps.td (which includes this after
// the base classes and traits): reductions, arg min/max, cumulative sum, softmax.
#ifndef WEBNN_REDUCTIONOPS_TD
#define WEBNN_REDUCTIONOPS_TD

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

class WebNN_ReduceOp<string mnemonic, string description>
    : WebNN_Op<mnemonic> {
  let summary = "Reduce axes by " # description;
  let description = [{
    Absent `axes` reduce every dimension; an empty list reduces none.
    `keep_dimensions` keeps reduced dimensions as size 1.
  }];
  let arguments = (ins WebNN_Tensor:$input,
      OptionalAttr<DenseI64ArrayAttr>:$axes,
      DefaultValuedAttr<BoolAttr, "false">:$keep_dimensions);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_ReduceL1Op : WebNN_ReduceOp<"reduce_l1", "sum of |x|">;
def WebNN_ReduceL2Op : WebNN_ReduceOp<"reduce_l2", "sqrt of the sum of x^2">;
def WebNN_ReduceLogSumOp : WebNN_ReduceOp<"reduce_log_sum", "ln of the sum">;
def WebNN_ReduceLogSumExpOp
    : WebNN_ReduceOp<"reduce_log_sum_exp", "ln of the sum of e^x">;
def WebNN_ReduceMaxOp : WebNN_ReduceOp<"reduce_max", "maximum">;
def WebNN_ReduceMeanOp : WebNN_ReduceOp<"reduce_mean", "mean">;
def WebNN_ReduceMinOp : WebNN_ReduceOp<"reduce_min", "minimum">;
def WebNN_ReduceProductOp : WebNN_ReduceOp<"reduce_product", "product">;
def WebNN_ReduceSumOp : WebNN_ReduceOp<"reduce_sum", "sum">;
def WebNN_ReduceSumSquareOp
    : WebNN_ReduceOp<"reduce_sum_square", "sum of x^2">;

class WebNN_ArgMinMaxOp<string mnemonic, string which> : WebNN_Op<mnemonic> {
  let summary = "Index of the " # which # " element along axis";
  let description = [{
    Ties pick the smallest index.
  }];
  let arguments = (ins WebNN_Tensor:$input, I64Attr:$axis,
      DefaultValuedAttr<BoolAttr, "false">:$keep_dimensions,
      DefaultValuedAttr<WebNN_OperandDataTypeAttr,
                        "::mlir::webnn::OperandDataType::int32">:$output_data_type);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_ArgMinOp : WebNN_ArgMinMaxOp<"arg_min", "smallest">;
def WebNN_ArgMaxOp : WebNN_ArgMinMaxOp<"arg_max", "largest">;

def WebNN_CumulativeSumOp : WebNN_Op<"cumulative_sum"> {
  let summary = "Running sum along axis";
  let arguments = (ins WebNN_Tensor:$input, I64Attr:$axis,
      DefaultValuedAttr<BoolAttr, "false">:$exclusive,
      DefaultValuedAttr<BoolAttr, "false">:$reversed);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_SoftmaxOp : WebNN_Op<"softmax"> {
  let summary = "Softmax along axis";
  let arguments = (ins WebNN_Tensor:$input, I64Attr:$axis);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

#endif // WEBNN_REDUCTIONOPS_TD
