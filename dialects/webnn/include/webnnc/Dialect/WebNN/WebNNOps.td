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

// Every graph op is pure and follows the spec's rules.
class WebNN_Op<string mnemonic, list<Trait> traits = []>
    : Op<WebNN_Dialect, mnemonic, !listconcat(traits, [Pure, WebNN_SpecResult])> {
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
// Element-wise binary
//===----------------------------------------------------------------------===//

class WebNN_BinaryOp<string mnemonic, string specName>
    : WebNN_Op<mnemonic> {
  let summary = "Element-wise " # specName # " with bidirectional broadcasting";
  let arguments = (ins WebNN_Tensor:$a, WebNN_Tensor:$b);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$a `,` $b attr-dict `:` functional-type(operands, results)";
}

def WebNN_AddOp : WebNN_BinaryOp<"add", "add">;
def WebNN_SubOp : WebNN_BinaryOp<"sub", "sub">;
def WebNN_MulOp : WebNN_BinaryOp<"mul", "mul">;
def WebNN_DivOp : WebNN_BinaryOp<"div", "div">;
def WebNN_MaxOp : WebNN_BinaryOp<"max", "max">;
def WebNN_MinOp : WebNN_BinaryOp<"min", "min">;
def WebNN_PowOp : WebNN_BinaryOp<"pow", "pow">;

//===----------------------------------------------------------------------===//
// Element-wise unary and activations
//===----------------------------------------------------------------------===//

class WebNN_UnaryOp<string mnemonic, string specName>
    : WebNN_Op<mnemonic> {
  let summary = "Element-wise " # specName;
  let arguments = (ins WebNN_Tensor:$input);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_ReluOp : WebNN_UnaryOp<"relu", "relu: max(0, x)">;
def WebNN_SigmoidOp : WebNN_UnaryOp<"sigmoid", "sigmoid: 1 / (1 + exp(-x))">;
def WebNN_TanhOp : WebNN_UnaryOp<"tanh", "hyperbolic tangent">;

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

//===----------------------------------------------------------------------===//
// Convolution and pooling
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

class WebNN_Pool2dOp<string mnemonic, string specName>
    : WebNN_Op<mnemonic> {
  let summary = "2-D " # specName # " pooling";
  let description = [{
    Options follow `MLPool2dOptions`. Without `window_dimensions` the window
    covers the whole spatial input (global pooling); `output_sizes`, when
    given, must be the floor or the ceil of the computed sizes and takes
    precedence over `rounding_type`. Padding never contributes a value.
  }];
  let arguments = (ins WebNN_Tensor:$input,
      OptionalAttr<DenseI64ArrayAttr>:$window_dimensions,
      OptionalAttr<DenseI64ArrayAttr>:$padding,
      OptionalAttr<DenseI64ArrayAttr>:$strides,
      OptionalAttr<DenseI64ArrayAttr>:$dilations,
      DefaultValuedAttr<WebNN_InputOperandLayoutAttr,
                        "::mlir::webnn::InputOperandLayout::nchw">:$layout,
      DefaultValuedAttr<WebNN_RoundingTypeAttr,
                        "::mlir::webnn::RoundingType::floor">:$rounding_type,
      OptionalAttr<DenseI64ArrayAttr>:$output_sizes);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

def WebNN_AveragePool2dOp : WebNN_Pool2dOp<"average_pool2d", "average">;
def WebNN_L2Pool2dOp : WebNN_Pool2dOp<"l2_pool2d", "L2-norm">;
def WebNN_MaxPool2dOp : WebNN_Pool2dOp<"max_pool2d", "max">;

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
// Shape and normalization
//===----------------------------------------------------------------------===//

def WebNN_ReshapeOp : WebNN_Op<"reshape"> {
  let summary = "Reshape to new_shape (same element count)";
  let arguments = (ins WebNN_Tensor:$input, DenseI64ArrayAttr:$new_shape);
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

def WebNN_SoftmaxOp : WebNN_Op<"softmax"> {
  let summary = "Softmax along axis";
  let arguments = (ins WebNN_Tensor:$input, I64Attr:$axis);
  let results = (outs WebNN_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` functional-type(operands, results)";
}

#endif // WEBNN_OPS_TD
