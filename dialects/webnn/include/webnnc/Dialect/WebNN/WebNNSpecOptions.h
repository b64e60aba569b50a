// SPDX-License-Identifier: Apache-2.0
// Reads an op's attributes as the spec's options struct, so the verifier,
// the reference evaluator, the decompositions and kernel generation
// interpret them one way. Each function takes the op or its adaptor (same
// getters). They read the raw attributes: while a builder infers the
// result type, default-valued attributes are not yet filled in, so each
// absent attribute leaves the options struct's (the spec's) default.
#ifndef WEBNNC_DIALECT_WEBNN_WEBNNSPECOPTIONS_H_
#define WEBNNC_DIALECT_WEBNN_WEBNNSPECOPTIONS_H_

#include <type_traits>
#include <vector>

#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"
#include "webnnc/Spec/Ops.h"

namespace mlir::webnn {

namespace spec = ::webnnc::spec;

inline std::vector<int64_t> toVector(std::optional<ArrayRef<int64_t>> values) {
  if (!values)
    return {};
  return std::vector<int64_t>(values->begin(), values->end());
}

inline std::optional<std::vector<int64_t>>
toOptionalVector(std::optional<ArrayRef<int64_t>> values) {
  if (!values)
    return std::nullopt;
  return toVector(values);
}

// The dialect's enums list their cases in the spec's order (and
// OperandDataType uses DataType's values), so conversion is a cast.
template <typename To, typename From> To enumCast(From value) {
  static_assert(std::is_enum_v<To> && std::is_enum_v<From>);
  return static_cast<To>(static_cast<std::underlying_type_t<From>>(value));
}

inline spec::InputOperandLayout toSpec(InputOperandLayout layout) {
  return enumCast<spec::InputOperandLayout>(layout);
}
inline InputOperandLayout fromSpec(spec::InputOperandLayout layout) {
  return enumCast<InputOperandLayout>(layout);
}

// Reads enum attribute |attr| into |out| if present.
template <typename SpecEnum, typename Attr>
void readEnum(Attr attr, SpecEnum &out) {
  if (attr)
    out = enumCast<SpecEnum>(attr.getValue());
}
template <typename Attr> void readDouble(Attr attr, double &out) {
  if (attr)
    out = attr.getValueAsDouble();
}
template <typename Attr> void readBool(Attr attr, bool &out) {
  if (attr)
    out = attr.getValue();
}
template <typename Attr> void readInt(Attr attr, int64_t &out) {
  if (attr)
    out = attr.getInt();
}

inline std::optional<spec::OperandDescriptor> descriptorOf(Value value) {
  if (!value)
    return std::nullopt;
  return getDescriptor(value.getType());
}

inline std::vector<spec::RecurrentNetworkActivation>
activationsOf(std::optional<ArrayAttr> activations) {
  std::vector<spec::RecurrentNetworkActivation> out;
  if (activations)
    for (Attribute a : *activations)
      if (auto activation = dyn_cast<RecurrentNetworkActivationAttr>(a))
        out.push_back(
            enumCast<spec::RecurrentNetworkActivation>(activation.getValue()));
  return out;
}

template <typename OpOrAdaptor>
spec::Conv2dOptions conv2dOptions(OpOrAdaptor op) {
  spec::Conv2dOptions options;
  options.padding = toVector(op.getPadding());
  options.strides = toVector(op.getStrides());
  options.dilations = toVector(op.getDilations());
  readInt(op.getGroupsAttr(), options.groups);
  readEnum(op.getInputLayoutAttr(), options.inputLayout);
  readEnum(op.getFilterLayoutAttr(), options.filterLayout);
  options.bias = descriptorOf(op.getBias());
  return options;
}

template <typename OpOrAdaptor>
spec::ConvTranspose2dOptions convTranspose2dOptions(OpOrAdaptor op) {
  spec::ConvTranspose2dOptions options;
  options.padding = toVector(op.getPadding());
  options.strides = toVector(op.getStrides());
  options.dilations = toVector(op.getDilations());
  options.outputPadding = toVector(op.getOutputPadding());
  options.outputSizes = toVector(op.getOutputSizes());
  readInt(op.getGroupsAttr(), options.groups);
  readEnum(op.getInputLayoutAttr(), options.inputLayout);
  readEnum(op.getFilterLayoutAttr(), options.filterLayout);
  options.bias = descriptorOf(op.getBias());
  return options;
}

template <typename OpOrAdaptor>
spec::Pool2dOptions pool2dOptions(OpOrAdaptor op) {
  spec::Pool2dOptions options;
  options.windowDimensions = toVector(op.getWindowDimensions());
  options.padding = toVector(op.getPadding());
  options.strides = toVector(op.getStrides());
  options.dilations = toVector(op.getDilations());
  readEnum(op.getLayoutAttr(), options.layout);
  readEnum(op.getOutputShapeRoundingAttr(), options.outputShapeRounding);
  options.outputSizes = toVector(op.getOutputSizes());
  return options;
}

template <typename OpOrAdaptor>
spec::Resample2dOptions resample2dOptions(OpOrAdaptor op) {
  spec::Resample2dOptions options;
  readEnum(op.getModeAttr(), options.mode);
  if (auto scales = op.getScales())
    options.scales.assign(scales->begin(), scales->end());
  options.sizes = toVector(op.getSizes());
  options.axes = toVector(op.getAxes());
  return options;
}

template <typename OpOrAdaptor>
spec::GemmOptions gemmOptions(OpOrAdaptor op) {
  spec::GemmOptions options;
  options.c = descriptorOf(op.getC());
  readDouble(op.getAlphaAttr(), options.alpha);
  readDouble(op.getBetaAttr(), options.beta);
  readBool(op.getATransposeAttr(), options.aTranspose);
  readBool(op.getBTransposeAttr(), options.bTranspose);
  return options;
}

template <typename OpOrAdaptor>
spec::ClampOptions clampOptions(OpOrAdaptor op) {
  spec::ClampOptions options;
  if (auto v = op.getMinValue())
    options.minValue = v->convertToDouble();
  if (auto v = op.getMaxValue())
    options.maxValue = v->convertToDouble();
  return options;
}

template <typename OpOrAdaptor>
spec::BatchNormalizationOptions batchNormalizationOptions(OpOrAdaptor op) {
  spec::BatchNormalizationOptions options;
  options.scale = descriptorOf(op.getScale());
  options.bias = descriptorOf(op.getBias());
  readInt(op.getAxisAttr(), options.axis);
  readDouble(op.getEpsilonAttr(), options.epsilon);
  return options;
}

template <typename OpOrAdaptor>
spec::InstanceNormalizationOptions instanceNormalizationOptions(OpOrAdaptor op) {
  spec::InstanceNormalizationOptions options;
  options.scale = descriptorOf(op.getScale());
  options.bias = descriptorOf(op.getBias());
  readDouble(op.getEpsilonAttr(), options.epsilon);
  readEnum(op.getLayoutAttr(), options.layout);
  return options;
}

template <typename OpOrAdaptor>
spec::LayerNormalizationOptions layerNormalizationOptions(OpOrAdaptor op) {
  spec::LayerNormalizationOptions options;
  options.scale = descriptorOf(op.getScale());
  options.bias = descriptorOf(op.getBias());
  options.axes = toOptionalVector(op.getAxes());
  readDouble(op.getEpsilonAttr(), options.epsilon);
  return options;
}

template <typename OpOrAdaptor>
spec::ReduceOptions reduceOptions(OpOrAdaptor op) {
  spec::ReduceOptions options;
  options.axes = toOptionalVector(op.getAxes());
  readBool(op.getKeepDimensionsAttr(), options.keepDimensions);
  return options;
}

template <typename OpOrAdaptor>
spec::ArgMinMaxOptions argMinMaxOptions(OpOrAdaptor op) {
  spec::ArgMinMaxOptions options;
  readBool(op.getKeepDimensionsAttr(), options.keepDimensions);
  readEnum(op.getOutputDataTypeAttr(), options.outputDataType);
  return options;
}

template <typename OpOrAdaptor>
spec::CumulativeSumOptions cumulativeSumOptions(OpOrAdaptor op) {
  spec::CumulativeSumOptions options;
  readBool(op.getExclusiveAttr(), options.exclusive);
  readBool(op.getReversedAttr(), options.reversed);
  return options;
}

template <typename OpOrAdaptor>
spec::TransposeOptions transposeOptions(OpOrAdaptor op) {
  return {toVector(op.getPermutation()), {}};
}

template <typename OpOrAdaptor> spec::PadOptions padOptions(OpOrAdaptor op) {
  spec::PadOptions options;
  readEnum(op.getModeAttr(), options.mode);
  readDouble(op.getValueAttr(), options.value);
  return options;
}

template <typename OpOrAdaptor>
spec::ReverseOptions reverseOptions(OpOrAdaptor op) {
  return {toOptionalVector(op.getAxes()), {}};
}

template <typename OpOrAdaptor>
spec::SliceOptions sliceOptions(OpOrAdaptor op) {
  return {toVector(op.getStrides()), {}};
}

template <typename OpOrAdaptor>
spec::TriangularOptions triangularOptions(OpOrAdaptor op) {
  spec::TriangularOptions options;
  readBool(op.getUpperAttr(), options.upper);
  readInt(op.getDiagonalAttr(), options.diagonal);
  return options;
}

// gather, gatherElements and scatterElements: the axis.
template <typename OpOrAdaptor>
spec::GatherOptions axisOptions(OpOrAdaptor op) {
  spec::GatherOptions options;
  readInt(op.getAxisAttr(), options.axis);
  return options;
}

template <typename OpOrAdaptor>
spec::GruCellOptions gruCellOptions(OpOrAdaptor op) {
  spec::GruCellOptions options;
  options.bias = descriptorOf(op.getBias());
  options.recurrentBias = descriptorOf(op.getRecurrentBias());
  readBool(op.getResetAfterAttr(), options.resetAfter);
  readEnum(op.getLayoutAttr(), options.layout);
  options.activations = activationsOf(op.getActivations());
  return options;
}

template <typename OpOrAdaptor> spec::GruOptions gruOptions(OpOrAdaptor op) {
  spec::GruOptions options;
  options.bias = descriptorOf(op.getBias());
  options.recurrentBias = descriptorOf(op.getRecurrentBias());
  options.initialHiddenState = descriptorOf(op.getInitialHiddenState());
  readBool(op.getResetAfterAttr(), options.resetAfter);
  readBool(op.getReturnSequenceAttr(), options.returnSequence);
  readEnum(op.getDirectionAttr(), options.direction);
  readEnum(op.getLayoutAttr(), options.layout);
  options.activations = activationsOf(op.getActivations());
  return options;
}

template <typename OpOrAdaptor>
spec::LstmCellOptions lstmCellOptions(OpOrAdaptor op) {
  spec::LstmCellOptions options;
  options.bias = descriptorOf(op.getBias());
  options.recurrentBias = descriptorOf(op.getRecurrentBias());
  options.peepholeWeight = descriptorOf(op.getPeepholeWeight());
  readEnum(op.getLayoutAttr(), options.layout);
  options.activations = activationsOf(op.getActivations());
  return options;
}

template <typename OpOrAdaptor> spec::LstmOptions lstmOptions(OpOrAdaptor op) {
  spec::LstmOptions options;
  options.bias = descriptorOf(op.getBias());
  options.recurrentBias = descriptorOf(op.getRecurrentBias());
  options.peepholeWeight = descriptorOf(op.getPeepholeWeight());
  options.initialHiddenState = descriptorOf(op.getInitialHiddenState());
  options.initialCellState = descriptorOf(op.getInitialCellState());
  readBool(op.getReturnSequenceAttr(), options.returnSequence);
  readEnum(op.getDirectionAttr(), options.direction);
  readEnum(op.getLayoutAttr(), options.layout);
  options.activations = activationsOf(op.getActivations());
  return options;
}

// The double attribute |attr| of a coefficient option, or |fallback|.
template <typename Attr> double doubleOr(Attr attr, double fallback) {
  return attr ? attr.getValueAsDouble() : fallback;
}

} // namespace mlir::webnn

#endif // WEBNNC_DIALECT_WEBNN_WEBNNSPECOPTIONS_H_
