// SPDX-License-Identifier: Apache-2.0
// The webnn graph operations: one per MLGraphBuilder method.
#ifndef WEBNN_OPS_TD
#define WEBNN_OPS_TD

include "webnnc/Dialect/WebNN/WebNNBase.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

// Each op defines one function, `specResult(Adaptor)`: the spec's output
// descriptor for its operands and attributes, or the first validation rule
// they break (webnnc/Spec/Ops.h). From it this trait derives
// - verify(): reports the broken rule, then checks the declared result type;
// - inferReturnTypes(): builders that need no result type;
// - refineReturnTypes(): when MLIR verifies an existing op it defers to
//   verify(), so an invalid op gets one error naming the rule rather than
//   a second, generic "failed to infer returned types".
def WebNN_SpecResult : TraitList<[
  DeclareOpInterfaceMethods<InferTypeOpInterface, ["refineReturnTypes"]>,
  NativeOpTrait<"SpecResult", [], [{
    /// The spec's output descriptor, or the rule the op breaks.
    static ::webnnc::spec::Expected<::webnnc::spec::OperandDescriptor>
    specResult(Adaptor adaptor);
  }], [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *context, ::std::optional<::mlir::Location> location,
        ::mlir::ValueRange operands, ::mlir::DictionaryAttr attributes,
        ::mlir::OpaqueProperties properties, ::mlir::RegionRange regions,
        ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      $cppClass::Adaptor adaptor(operands, attributes, properties, regions);
      return ::mlir::webnn::detail::appendSpecResult(
          context, location, getOperationName(), specResult(adaptor), types);
    }
    ::llvm::LogicalResult $cppClass::refineReturnTypes(
        ::mlir::MLIRContext *context, ::std::optional<::mlir::Location> location,
        ::mlir::ValueRange operands, ::mlir::DictionaryAttr attributes,
        ::mlir::OpaqueProperties properties, ::mlir::RegionRange regions,
        ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      if (!types.empty())
        return ::mlir::success(); // an existing op: verify() checks it
      return inferReturnTypes(context, location, operands, attributes,
                              properties, regions, types);
    }
    ::llvm::LogicalResult $cppClass::verify() {
      return ::mlir::webnn::detail::verifySpecResult(
          getOperation(), specResult(Adaptor(*this)));
    }
  }]>
]>;

// The same for ops with several results: `specResults(Adaptor)` returns
// one descriptor per result.
def WebNN_SpecResults : TraitList<[
  DeclareOpInterfaceMethods<InferTypeOpInterface, ["refineReturnTypes"]>,
  NativeOpTrait<"SpecResult", [], [{
    /// The spec's output descriptors, or the rule the op breaks.
    static ::webnnc::spec::Expected<
        ::std::vector<::webnnc::spec::OperandDescriptor>>
    specResults(Adaptor adaptor);
  }], [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *context, ::std::optional<::mlir::Location> location,
        ::mlir::ValueRange operands, ::mlir::DictionaryAttr attributes,
        ::mlir::OpaqueProperties properties, ::mlir::RegionRange regions,
        ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      $cppClass::Adaptor adaptor(operands, attributes, properties, regions);
      return ::mlir::webnn::detail::appendSpecResults(
          context, location, getOperationName(), specResults(adaptor), types);
    }
    ::llvm::LogicalResult $cppClass::refineReturnTypes(
        ::mlir::MLIRContext *context, ::std::optional<::mlir::Location> location,
        ::mlir::ValueRange operands, ::mlir::DictionaryAttr attributes,
        ::mlir::OpaqueProperties properties, ::mlir::RegionRange regions,
        ::llvm::SmallVectorImpl<::mlir::Type> &types) {
      if (!types.empty())
        return ::mlir::success();
      return inferReturnTypes(context, location, operands, attributes,
                              properties, regions, types);
    }
    ::llvm::LogicalResult $cppClass::verify() {
      return ::mlir::webnn::detail::verifySpecResults(
          getOperation(), specResults(Adaptor(*this)));
    }
  }]>
]>;

// Every graph op is pure and follows the spec's rules.
class WebNN_Op<string mnemonic, list<Trait> traits = []>
    : Op<WebNN_Dialect, mnemonic, !listconcat(traits, [Pure, WebNN_SpecResult])> {
  let hasVerifier = 1;
}
class WebNN_MultiResultOp<string mnemonic, list<Trait> traits = []>
    : Op<WebNN_Dialect, mnemonic, !listconcat(traits, [Pure, WebNN_SpecResults])> {
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

// The result type is the value's (AllTypesMatch infers it); the verifier
// checks it is a valid WebNN operand.
def WebNN_ConstantOp : Op<WebNN_Dialect, "constant",
    [ConstantLike, Pure, AllTypesMatch<["value", "output"]>]> {
  let summary = "A constant operand (MLGraphBuilder.constant)";
  let description = [{
    Large weights should use `dense_resource` blobs, which the parser and
    printer handle without materializing every element:

    ```mlir
    %w = webnn.constant dense_resource<conv1_filter> : tensor<20x1x5x5xf32>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "attr-dict $value";
  let hasFolder = 1;
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The value's raw little-endian bytes: all elements, or one element if
    /// the value is a splat. Fails if a resource blob has no data.
    ::mlir::FailureOr<::llvm::ArrayRef<char>> getRawData();
    /// Whether the value stores one element for the whole tensor.
    bool isSplat();
  }];
}

//===----------------------------------------------------------------------===//
// Element-wise binary, comparison and logical
//===----------------------------------------------------------------------===//

class WebNN_BinaryOp<string mnemonic, string description>
    : WebNN_Op<mnemonic> {
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
    : WebNN_Op<mnemonic> {
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

def WebNN_EluOp : WebNN_Op<"elu"> {
  let summary = "elu: max(0, x) + alpha (exp(min(0, x)) - 1)";
  let arguments = (ins WebNN_Tensor:$input,
                       DefaultValuedAttr<F64Attr, "1.0">:$alpha);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_HardSigmoidOp : WebNN_Op<"hard_sigmoid"> {
  let summary = "hardSigmoid: max(0, min(1, alpha x + beta))";
  let arguments = (ins WebNN_Tensor:$input,
                       DefaultValuedAttr<F64Attr, "0.2">:$alpha,
                       DefaultValuedAttr<F64Attr, "0.5">:$beta);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_LeakyReluOp : WebNN_Op<"leaky_relu"> {
  let summary = "leakyRelu: max(0, x) + alpha min(0, x)";
  let arguments = (ins WebNN_Tensor:$input,
                       DefaultValuedAttr<F64Attr, "0.01">:$alpha);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_LinearOp : WebNN_Op<"linear"> {
  let summary = "linear: alpha x + beta";
  let arguments = (ins WebNN_Tensor:$input,
                       DefaultValuedAttr<F64Attr, "1.0">:$alpha,
                       DefaultValuedAttr<F64Attr, "0.0">:$beta);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_ClampOp : WebNN_Op<"clamp"> {
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

def WebNN_PreluOp : WebNN_Op<"prelu"> {
  let summary = "prelu: max(0, x) + slope min(0, x), slope broadcast";
  let arguments = (ins WebNN_Tensor:$input, WebNN_Tensor:$slope);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input `,` $slope attr-dict `:` functional-type(operands, results)";
}

def WebNN_WhereOp : WebNN_Op<"where"> {
  let summary = "condition ? true_value : false_value, all three broadcast";
  let arguments = (ins WebNN_Tensor:$condition, WebNN_Tensor:$true_value,
                       WebNN_Tensor:$false_value);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = [{
    $condition `,` $true_value `,` $false_value attr-dict `:`
    functional-type(operands, results)
  }];
}

def WebNN_CastOp : WebNN_Op<"cast"> {
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

//===----------------------------------------------------------------------===//
// Compiler-internal ops: made by webnnc's passes, never by the frontend.
//===----------------------------------------------------------------------===//

def WebNN_FusedOp : Op<WebNN_Dialect, "fused",
    [IsolatedFromAbove, Pure, SingleBlock]> {
  let summary = "Ops compiled as one kernel (made by webnn-fuse)";
  let description = [{
    The region's ops become one kernel: their intermediate values never
    reach memory. The block arguments are the inputs; `webnn.yield` gives
    the result.

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
  let arguments = (ins Variadic<WebNN_Tensor>:$inputs);
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

#endif // WEBNN_OPS_TD
