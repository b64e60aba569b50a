// SPDX-License-Identifier: Apache-2.0
// The webnn dialect's ops, part of WebNNOps.td (which includes this after
// the base classes and traits): element-wise ops: arithmetic, comparisons, logic, activations, cast.
#ifndef WEBNN_ELEMENTWISEOPS_TD
#define WEBNN_ELEMENTWISEOPS_TD

//===----------------------------------------------------------------------===//
// Element-wise binary, comparison and logical
//===----------------------------------------------------------------------===//

class WebNN_BinaryOp<string mnemonic, string description>
    : WebNN_Op<mnemonic, [WebNN_Elementwise]> {
  let summary = description # ", with bidirectional broadcasting";
  let arguments = (ins WebNN_Tensor:$a, WebNN_Tensor:$b);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$a `,` $b attr-dict `:` functional-type(operands, results)";
}

def WebNN_AddOp : WebNN_BinaryOp<"add", "Element-wise a + b">;
def WebNN_SubOp : WebNN_BinaryOp<"sub", "Element-wise a - b">;
def WebNN_MulOp : WebNN_BinaryOp<"mul", "Element-wise a * b">;
def WebNN_DivOp : WebNN_BinaryOp<"div", "Element-wise a / b">;
def WebNN_MaxOp : WebNN_BinaryOp<"max", "Element-wise maximum">;
def WebNN_MinOp : WebNN_BinaryOp<"min", "Element-wise minimum">;
def WebNN_PowOp : WebNN_BinaryOp<"pow", "Element-wise a to the power b">;

// Comparisons and logical ops produce ui8 0 or 1.
def WebNN_EqualOp : WebNN_BinaryOp<"equal", "a == b as ui8">;
def WebNN_NotEqualOp : WebNN_BinaryOp<"not_equal", "a != b as ui8">;
def WebNN_GreaterOp : WebNN_BinaryOp<"greater", "a > b as ui8">;
def WebNN_GreaterOrEqualOp
    : WebNN_BinaryOp<"greater_or_equal", "a >= b as ui8">;
def WebNN_LesserOp : WebNN_BinaryOp<"lesser", "a < b as ui8">;
def WebNN_LesserOrEqualOp : WebNN_BinaryOp<"lesser_or_equal", "a <= b as ui8">;
def WebNN_LogicalAndOp
    : WebNN_BinaryOp<"logical_and", "Logical and of ui8 truth values">;
def WebNN_LogicalOrOp
    : WebNN_BinaryOp<"logical_or", "Logical or of ui8 truth values">;
def WebNN_LogicalXorOp
    : WebNN_BinaryOp<"logical_xor", "Logical xor of ui8 truth values">;

//===----------------------------------------------------------------------===//
// Element-wise unary and activations
//===----------------------------------------------------------------------===//

class WebNN_UnaryOp<string mnemonic, string description>
    : WebNN_Op<mnemonic, [WebNN_Elementwise]> {
  let summary = description;
  let arguments = (ins WebNN_Tensor:$input);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_AbsOp : WebNN_UnaryOp<"abs", "Element-wise |x|">;
def WebNN_CeilOp : WebNN_UnaryOp<"ceil", "Element-wise ceiling">;
def WebNN_CosOp : WebNN_UnaryOp<"cos", "Element-wise cosine">;
def WebNN_ErfOp : WebNN_UnaryOp<"erf", "Element-wise error function">;
def WebNN_ExpOp : WebNN_UnaryOp<"exp", "Element-wise e^x">;
def WebNN_FloorOp : WebNN_UnaryOp<"floor", "Element-wise floor">;
def WebNN_IdentityOp : WebNN_UnaryOp<"identity", "A copy of the input">;
def WebNN_LogOp : WebNN_UnaryOp<"log", "Element-wise natural logarithm">;
def WebNN_NegOp : WebNN_UnaryOp<"neg", "Element-wise -x">;
def WebNN_ReciprocalOp : WebNN_UnaryOp<"reciprocal", "Element-wise 1 / x">;
def WebNN_RoundEvenOp
    : WebNN_UnaryOp<"round_even", "Round to nearest, ties to even">;
def WebNN_SignOp : WebNN_UnaryOp<"sign", "Element-wise -1, 0 or 1">;
def WebNN_SinOp : WebNN_UnaryOp<"sin", "Element-wise sine">;
def WebNN_SqrtOp : WebNN_UnaryOp<"sqrt", "Element-wise square root">;
def WebNN_TanOp : WebNN_UnaryOp<"tan", "Element-wise tangent">;
def WebNN_LogicalNotOp
    : WebNN_UnaryOp<"logical_not", "Logical not of ui8 truth values">;
def WebNN_IsNaNOp : WebNN_UnaryOp<"is_nan", "Whether x is NaN, as ui8">;
def WebNN_IsInfiniteOp
    : WebNN_UnaryOp<"is_infinite", "Whether x is infinite, as ui8">;

def WebNN_GeluOp : WebNN_UnaryOp<"gelu", "gelu: 0.5 x (1 + erf(x / sqrt 2))">;
def WebNN_HardSwishOp
    : WebNN_UnaryOp<"hard_swish", "hardSwish: x max(0, min(6, x + 3)) / 6">;
def WebNN_ReluOp : WebNN_UnaryOp<"relu", "relu: max(0, x)">;
def WebNN_SigmoidOp : WebNN_UnaryOp<"sigmoid", "sigmoid: 1 / (1 + exp(-x))">;
def WebNN_SoftplusOp : WebNN_UnaryOp<"softplus", "softplus: ln(1 + exp(x))">;
def WebNN_SoftsignOp : WebNN_UnaryOp<"softsign", "softsign: x / (1 + |x|)">;
def WebNN_TanhOp : WebNN_UnaryOp<"tanh", "Hyperbolic tangent">;

def WebNN_EluOp : WebNN_Op<"elu", [WebNN_Elementwise]> {
  let summary = "elu: max(0, x) + alpha (exp(min(0, x)) - 1)";
  let arguments = (ins WebNN_Tensor:$input,
                       DefaultValuedAttr<F64Attr, "1.0">:$alpha);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_HardSigmoidOp : WebNN_Op<"hard_sigmoid", [WebNN_Elementwise]> {
  let summary = "hardSigmoid: max(0, min(1, alpha x + beta))";
  let arguments = (ins WebNN_Tensor:$input,
                       DefaultValuedAttr<F64Attr, "0.2">:$alpha,
                       DefaultValuedAttr<F64Attr, "0.5">:$beta);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_LeakyReluOp : WebNN_Op<"leaky_relu", [WebNN_Elementwise]> {
  let summary = "leakyRelu: max(0, x) + alpha min(0, x)";
  let arguments = (ins WebNN_Tensor:$input,
                       DefaultValuedAttr<F64Attr, "0.01">:$alpha);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_LinearOp : WebNN_Op<"linear", [WebNN_Elementwise]> {
  let summary = "linear: alpha x + beta";
  let arguments = (ins WebNN_Tensor:$input,
                       DefaultValuedAttr<F64Attr, "1.0">:$alpha,
                       DefaultValuedAttr<F64Attr, "0.0">:$beta);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_ClampOp : WebNN_Op<"clamp", [WebNN_Elementwise]> {
  let summary = "Element-wise clamp to [min_value, max_value]";
  let description = [{
    An absent bound does not clamp. The bounds are cast to the input's data
    type, and `min_value` must not exceed `max_value`.
  }];
  let arguments = (ins WebNN_Tensor:$input,
                       OptionalAttr<F64Attr>:$min_value,
                       OptionalAttr<F64Attr>:$max_value);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_PreluOp : WebNN_Op<"prelu", [WebNN_Elementwise]> {
  let summary = "prelu: max(0, x) + slope min(0, x), slope broadcast";
  let arguments = (ins WebNN_Tensor:$input, WebNN_Tensor:$slope);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input `,` $slope attr-dict `:` functional-type(operands, results)";
}

def WebNN_WhereOp : WebNN_Op<"where", [WebNN_Elementwise]> {
  let summary = "condition ? true_value : false_value, all three broadcast";
  let arguments = (ins WebNN_Tensor:$condition, WebNN_Tensor:$true_value,
                       WebNN_Tensor:$false_value);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = [{
    $condition `,` $true_value `,` $false_value attr-dict `:`
    functional-type(operands, results)
  }];
}

def WebNN_CastOp : WebNN_Op<"cast", [WebNN_Elementwise]> {
  let summary = "Convert elements to data_type";
  let description = [{
    Float to integer truncates toward zero and saturates; integer to
    integer wraps (two's complement); NaN becomes 0.
  }];
  let arguments = (ins WebNN_Tensor:$input,
                       WebNN_OperandDataTypeAttr:$data_type);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

#endif // WEBNN_ELEMENTWISEOPS_TD
