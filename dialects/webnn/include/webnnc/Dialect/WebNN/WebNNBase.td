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

    A graph input may have open dimensions (`?`), whose sizes are given at
    compute. Its `webnn.open_dims` (array of strings) names them in order;
    open dimensions of one name have one size. `webnn.open_dim_max`
    (array<i64>, 0 = unbounded) bounds them. Unnamed open dimensions are
    each their own size.
  }];
  let useDefaultAttributePrinterParser = 1;
  let hasConstantMaterializer = 1;
  let extraClassDeclaration = [{
    /// Name of the argument/result attribute holding a graph operand's name.
    static constexpr ::llvm::StringLiteral kNameAttr = "webnn.name";
    /// Argument attributes naming and bounding an input's open dimensions.
    static constexpr ::llvm::StringLiteral kOpenDimNamesAttr =
        "webnn.open_dims";
    static constexpr ::llvm::StringLiteral kOpenDimMaxAttr =
        "webnn.open_dim_max";
  }];
}

// Element types of WebNN operands (MLOperandDataType).
// i4/ui4 (int4/uint4) appear only before webnn-widen-int4.
def WebNN_ElementType : AnyTypeOf<[F32, F16, I32, UI32, I64, UI64, I8, UI8,
                                   I<4>, UI<4>],
                                  "WebNN data type">;
def WebNN_Tensor : RankedTensorOf<[F32, F16, I32, UI32, I64, UI64, I8, UI8,
                                   I<4>, UI<4>]>;

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

// Where a fused kernel of two stages computes its first: inside the
// pooling's tiles, a few rows at a time; slid down the rows of the
// depthwise conv it feeds; or inlined into the reduction it feeds, each
// element read once. webnn-fuse decides; the kernel generator follows.
def WebNN_ProducerPlacement : I32EnumAttr<"ProducerPlacement",
    "where a fused kernel's first stage is computed", [
      I32EnumAttrCase<"pool_tiles", 0>,
      I32EnumAttrCase<"sliding_rows", 1>,
      I32EnumAttrCase<"inlined", 2>]> {
  let cppNamespace = "::mlir::webnn";
  let genSpecializedAttr = 0;
}
def WebNN_ProducerPlacementAttr
    : EnumAttr<WebNN_Dialect, WebNN_ProducerPlacement, "producer">;

// MLRoundingType.
def WebNN_RoundingType : I32EnumAttr<"RoundingType", "MLRoundingType", [
      I32EnumAttrCase<"floor", 0>,
      I32EnumAttrCase<"ceil", 1>]> {
  let cppNamespace = "::mlir::webnn";
  let genSpecializedAttr = 0;
}
def WebNN_RoundingTypeAttr
    : EnumAttr<WebNN_Dialect, WebNN_RoundingType, "rounding">;

// MLConvTranspose2dFilterOperandLayout.
def WebNN_ConvTranspose2dFilterOperandLayout
    : I32EnumAttr<"ConvTranspose2dFilterOperandLayout",
                  "MLConvTranspose2dFilterOperandLayout", [
      I32EnumAttrCase<"iohw", 0>,
      I32EnumAttrCase<"hwoi", 1>,
      I32EnumAttrCase<"ohwi", 2>]> {
  let cppNamespace = "::mlir::webnn";
  let genSpecializedAttr = 0;
}
def WebNN_ConvTranspose2dFilterOperandLayoutAttr
    : EnumAttr<WebNN_Dialect, WebNN_ConvTranspose2dFilterOperandLayout,
               "conv_transpose_filter_layout">;

// MLOperandDataType, for cast and argMin/argMax. Values match the runtime
// ABI's webnnc_data_type_t.
def WebNN_OperandDataType : I32EnumAttr<"OperandDataType",
    "MLOperandDataType", [
      I32EnumAttrCase<"float32", 1>,
      I32EnumAttrCase<"float16", 2>,
      I32EnumAttrCase<"int32", 3>,
      I32EnumAttrCase<"uint32", 4>,
      I32EnumAttrCase<"int64", 5>,
      I32EnumAttrCase<"uint64", 6>,
      I32EnumAttrCase<"int8", 7>,
      I32EnumAttrCase<"uint8", 8>]> {
  let cppNamespace = "::mlir::webnn";
  let genSpecializedAttr = 0;
}
def WebNN_OperandDataTypeAttr
    : EnumAttr<WebNN_Dialect, WebNN_OperandDataType, "data_type">;

// MLInterpolationMode ("nearest-neighbor" is spelled nearest_neighbor).
def WebNN_InterpolationMode : I32EnumAttr<"InterpolationMode",
    "MLInterpolationMode", [
      I32EnumAttrCase<"nearest_neighbor", 0>,
      I32EnumAttrCase<"linear", 1>]> {
  let cppNamespace = "::mlir::webnn";
  let genSpecializedAttr = 0;
}
def WebNN_InterpolationModeAttr
    : EnumAttr<WebNN_Dialect, WebNN_InterpolationMode, "interpolation">;

// MLPaddingMode.
def WebNN_PaddingMode : I32EnumAttr<"PaddingMode", "MLPaddingMode", [
      I32EnumAttrCase<"constant", 0>,
      I32EnumAttrCase<"edge", 1>,
      I32EnumAttrCase<"reflection", 2>]> {
  let cppNamespace = "::mlir::webnn";
  let genSpecializedAttr = 0;
}
def WebNN_PaddingModeAttr
    : EnumAttr<WebNN_Dialect, WebNN_PaddingMode, "padding_mode">;

// MLRecurrentNetworkDirection.
def WebNN_RecurrentNetworkDirection : I32EnumAttr<"RecurrentNetworkDirection",
    "MLRecurrentNetworkDirection", [
      I32EnumAttrCase<"forward", 0>,
      I32EnumAttrCase<"backward", 1>,
      I32EnumAttrCase<"both", 2>]> {
  let cppNamespace = "::mlir::webnn";
  let genSpecializedAttr = 0;
}
def WebNN_RecurrentNetworkDirectionAttr
    : EnumAttr<WebNN_Dialect, WebNN_RecurrentNetworkDirection, "direction">;

// MLRecurrentNetworkActivation.
def WebNN_RecurrentNetworkActivation : I32EnumAttr<
    "RecurrentNetworkActivation", "MLRecurrentNetworkActivation", [
      I32EnumAttrCase<"relu", 0>,
      I32EnumAttrCase<"sigmoid", 1>,
      I32EnumAttrCase<"tanh", 2>]> {
  let cppNamespace = "::mlir::webnn";
  let genSpecializedAttr = 0;
}
def WebNN_RecurrentNetworkActivationAttr
    : EnumAttr<WebNN_Dialect, WebNN_RecurrentNetworkActivation, "activation">;
def WebNN_ActivationsAttr
    : TypedArrayAttrBase<WebNN_RecurrentNetworkActivationAttr,
                         "recurrent network activations">;

// MLGruWeightLayout.
def WebNN_GruWeightLayout : I32EnumAttr<"GruWeightLayout",
    "MLGruWeightLayout", [
      I32EnumAttrCase<"zrn", 0>,
      I32EnumAttrCase<"rzn", 1>]> {
  let cppNamespace = "::mlir::webnn";
  let genSpecializedAttr = 0;
}
def WebNN_GruWeightLayoutAttr
    : EnumAttr<WebNN_Dialect, WebNN_GruWeightLayout, "gru_layout">;

// MLLstmWeightLayout.
def WebNN_LstmWeightLayout : I32EnumAttr<"LstmWeightLayout",
    "MLLstmWeightLayout", [
      I32EnumAttrCase<"iofg", 0>,
      I32EnumAttrCase<"ifgo", 1>]> {
  let cppNamespace = "::mlir::webnn";
  let genSpecializedAttr = 0;
}
def WebNN_LstmWeightLayoutAttr
    : EnumAttr<WebNN_Dialect, WebNN_LstmWeightLayout, "lstm_layout">;

#endif // WEBNN_BASE_TD
