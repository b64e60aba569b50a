// SPDX-License-Identifier: Apache-2.0
// The webnn dialect, its data types and attribute enums.
#ifndef WEBNN_BASE_TD
#define WEBNN_BASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/BuiltinTypes.td"

def WebNN_Dialect : Dialect {
  let name = "webnn";
  let cppNamespace = "::mlir::webnn";
  let summary = "The operations of the W3C Web Neural Network API";
  let description = [{
    One op per `MLGraphBuilder` method, with the spec's options as
    attributes and its validation steps as verifiers. Operands are ranked
    builtin tensors of the WebNN data types: `f32` (float32), `f16`
    (float16), `i32`/`ui32`, `i64`/`ui64`, `i8`/`ui8`.

    A graph is a `func.func` whose arguments are the graph inputs and whose
    results are the graph outputs; both carry their WebNN names in a
    `webnn.name` attribute. An op's `loc("label")` carries its
    `MLOperatorOptions.label`, which is also how an intermediate operand
    can be requested as an output.
  }];
  let useDefaultAttributePrinterParser = 1;
  let hasConstantMaterializer = 1;
  let extraClassDeclaration = [{
    /// Name of the argument/result attribute holding a graph operand's name.
    static constexpr ::llvm::StringLiteral kNameAttr = "webnn.name";
  }];
}

// Element types of WebNN operands (MLOperandDataType).
def WebNN_ElementType : AnyTypeOf<[F32, F16, I32, UI32, I64, UI64, I8, UI8],
                                  "WebNN data type">;
def WebNN_Tensor : RankedTensorOf<[F32, F16, I32, UI32, I64, UI64, I8, UI8]>;

// MLInputOperandLayout.
def WebNN_InputOperandLayout : I32EnumAttr<"InputOperandLayout",
    "MLInputOperandLayout", [
      I32EnumAttrCase<"nchw", 0>,
      I32EnumAttrCase<"nhwc", 1>]> {
  let cppNamespace = "::mlir::webnn";
  let genSpecializedAttr = 0;
}
def WebNN_InputOperandLayoutAttr
    : EnumAttr<WebNN_Dialect, WebNN_InputOperandLayout, "layout">;

// MLConv2dFilterOperandLayout.
def WebNN_Conv2dFilterOperandLayout : I32EnumAttr<"Conv2dFilterOperandLayout",
    "MLConv2dFilterOperandLayout", [
      I32EnumAttrCase<"oihw", 0>,
      I32EnumAttrCase<"hwio", 1>,
      I32EnumAttrCase<"ohwi", 2>,
      I32EnumAttrCase<"ihwo", 3>]> {
  let cppNamespace = "::mlir::webnn";
  let genSpecializedAttr = 0;
}
def WebNN_Conv2dFilterOperandLayoutAttr
    : EnumAttr<WebNN_Dialect, WebNN_Conv2dFilterOperandLayout, "filter_layout">;

// MLRoundingType.
def WebNN_RoundingType : I32EnumAttr<"RoundingType", "MLRoundingType", [
      I32EnumAttrCase<"floor", 0>,
      I32EnumAttrCase<"ceil", 1>]> {
  let cppNamespace = "::mlir::webnn";
  let genSpecializedAttr = 0;
}
def WebNN_RoundingTypeAttr
    : EnumAttr<WebNN_Dialect, WebNN_RoundingType, "rounding">;

#endif // WEBNN_BASE_TD
