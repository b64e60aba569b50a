// SPDX-License-Identifier: Apache-2.0
// The webnn dialect's ops, part of WebNNOps.td (which includes this after
// the base classes and traits): recurrent networks.
#ifndef WEBNN_RECURRENTOPS_TD
#define WEBNN_RECURRENTOPS_TD

//===----------------------------------------------------------------------===//
// Recurrent networks
//===----------------------------------------------------------------------===//

def WebNN_GruCellOp : WebNN_Op<"gru_cell", [AttrSizedOperandSegments]> {
  let summary = "One gated recurrent unit step";
  let arguments = (ins WebNN_Tensor:$input, WebNN_Tensor:$weight,
      WebNN_Tensor:$recurrent_weight, WebNN_Tensor:$hidden_state,
      Optional<WebNN_Tensor>:$bias, Optional<WebNN_Tensor>:$recurrent_bias,
      I64Attr:$hidden_size,
      DefaultValuedAttr<BoolAttr, "true">:$reset_after,
      DefaultValuedAttr<WebNN_GruWeightLayoutAttr,
                        "::mlir::webnn::GruWeightLayout::zrn">:$layout,
      OptionalAttr<WebNN_ActivationsAttr>:$activations);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $weight `,` $recurrent_weight `,` $hidden_state
    (`bias` $bias^)? (`recurrent_bias` $recurrent_bias^)?
    attr-dict `:` functional-type(operands, results)
  }];
}

def WebNN_GruOp : WebNN_MultiResultOp<"gru", [AttrSizedOperandSegments]> {
  let summary = "Gated recurrent unit over steps";
  let description = [{
    Results: the last hidden state `[directions, batch, hidden_size]`, and
    with `return_sequence` every step's `[steps, directions, batch,
    hidden_size]`.
  }];
  let arguments = (ins WebNN_Tensor:$input, WebNN_Tensor:$weight,
      WebNN_Tensor:$recurrent_weight,
      Optional<WebNN_Tensor>:$bias, Optional<WebNN_Tensor>:$recurrent_bias,
      Optional<WebNN_Tensor>:$initial_hidden_state,
      I64Attr:$steps, I64Attr:$hidden_size,
      DefaultValuedAttr<BoolAttr, "true">:$reset_after,
      DefaultValuedAttr<BoolAttr, "false">:$return_sequence,
      DefaultValuedAttr<WebNN_RecurrentNetworkDirectionAttr,
                        "::mlir::webnn::RecurrentNetworkDirection::forward">:$direction,
      DefaultValuedAttr<WebNN_GruWeightLayoutAttr,
                        "::mlir::webnn::GruWeightLayout::zrn">:$layout,
      OptionalAttr<WebNN_ActivationsAttr>:$activations);
  let results = (outs Variadic<WebNN_Tensor>:$outputs);
  let assemblyFormat = [{
    $input `,` $weight `,` $recurrent_weight (`bias` $bias^)?
    (`recurrent_bias` $recurrent_bias^)?
    (`initial_hidden_state` $initial_hidden_state^)?
    attr-dict `:` functional-type(operands, results)
  }];
}

def WebNN_LstmCellOp
    : WebNN_MultiResultOp<"lstm_cell", [AttrSizedOperandSegments]> {
  let summary = "One long short-term memory step";
  let description = [{
    Results: the new hidden state and the new cell state, both
    `[batch, hidden_size]`.
  }];
  let arguments = (ins WebNN_Tensor:$input, WebNN_Tensor:$weight,
      WebNN_Tensor:$recurrent_weight, WebNN_Tensor:$hidden_state,
      WebNN_Tensor:$cell_state,
      Optional<WebNN_Tensor>:$bias, Optional<WebNN_Tensor>:$recurrent_bias,
      Optional<WebNN_Tensor>:$peephole_weight,
      I64Attr:$hidden_size,
      DefaultValuedAttr<WebNN_LstmWeightLayoutAttr,
                        "::mlir::webnn::LstmWeightLayout::iofg">:$layout,
      OptionalAttr<WebNN_ActivationsAttr>:$activations);
  let results = (outs Variadic<WebNN_Tensor>:$outputs);
  let assemblyFormat = [{
    $input `,` $weight `,` $recurrent_weight `,` $hidden_state `,` $cell_state
    (`bias` $bias^)? (`recurrent_bias` $recurrent_bias^)?
    (`peephole_weight` $peephole_weight^)?
    attr-dict `:` functional-type(operands, results)
  }];
}

def WebNN_LstmOp : WebNN_MultiResultOp<"lstm", [AttrSizedOperandSegments]> {
  let summary = "Long short-term memory over steps";
  let description = [{
    Results: the last hidden and cell states `[directions, batch,
    hidden_size]`, and with `return_sequence` every step's hidden state
    `[steps, directions, batch, hidden_size]`.
  }];
  let arguments = (ins WebNN_Tensor:$input, WebNN_Tensor:$weight,
      WebNN_Tensor:$recurrent_weight,
      Optional<WebNN_Tensor>:$bias, Optional<WebNN_Tensor>:$recurrent_bias,
      Optional<WebNN_Tensor>:$peephole_weight,
      Optional<WebNN_Tensor>:$initial_hidden_state,
      Optional<WebNN_Tensor>:$initial_cell_state,
      I64Attr:$steps, I64Attr:$hidden_size,
      DefaultValuedAttr<BoolAttr, "false">:$return_sequence,
      DefaultValuedAttr<WebNN_RecurrentNetworkDirectionAttr,
                        "::mlir::webnn::RecurrentNetworkDirection::forward">:$direction,
      DefaultValuedAttr<WebNN_LstmWeightLayoutAttr,
                        "::mlir::webnn::LstmWeightLayout::iofg">:$layout,
      OptionalAttr<WebNN_ActivationsAttr>:$activations);
  let results = (outs Variadic<WebNN_Tensor>:$outputs);
  let assemblyFormat = [{
    $input `,` $weight `,` $recurrent_weight (`bias` $bias^)?
    (`recurrent_bias` $recurrent_bias^)?
    (`peephole_weight` $peephole_weight^)?
    (`initial_hidden_state` $initial_hidden_state^)?
    (`initial_cell_state` $initial_cell_state^)?
    attr-dict `:` functional-type(operands, results)
  }];
}

#endif // WEBNN_RECURRENTOPS_TD
