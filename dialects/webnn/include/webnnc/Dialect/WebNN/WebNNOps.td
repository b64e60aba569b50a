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

// Element i of the result depends only on element i of each (broadcast)
// operand: fusion computes it inside any loop nest, the shape program
// broadcasts its operands' sizes, kernels write it in place. A constant
// is one too (a splat is a literal wherever it is read).
def WebNN_Elementwise : NativeOpTrait<"Elementwise"> {
  let cppNamespace = "::mlir::webnn::OpTrait";
}

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
    [ConstantLike, Pure, WebNN_Elementwise,
     AllTypesMatch<["value", "output"]>]> {
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

// The ops, one file per family.
include "webnnc/Dialect/WebNN/WebNNElementwiseOps.td"
include "webnnc/Dialect/WebNN/WebNNConvOps.td"
include "webnnc/Dialect/WebNN/WebNNMatmulOps.td"
include "webnnc/Dialect/WebNN/WebNNNormalizationOps.td"
include "webnnc/Dialect/WebNN/WebNNReductionOps.td"
include "webnnc/Dialect/WebNN/WebNNShapeOps.td"
include "webnnc/Dialect/WebNN/WebNNGatherOps.td"
include "webnnc/Dialect/WebNN/WebNNQuantizeOps.td"
include "webnnc/Dialect/WebNN/WebNNRecurrentOps.td"
include "webnnc/Dialect/WebNN/WebNNInternalOps.td"

#endif // WEBNN_OPS_TD
