// SPDX-License-Identifier: Apache-2.0
// Reads an op's attributes as the spec's options struct, so the verifier,
// the reference evaluator and kernel generation interpret them one way.
// Each function takes the op or its adaptor (same getters). They read the
// raw attributes: while a builder infers the result type, default-valued
// attributes are not yet filled in.
#ifndef WEBNNC_DIALECT_WEBNN_WEBNNSPECOPTIONS_H_
#define WEBNNC_DIALECT_WEBNN_WEBNNSPECOPTIONS_H_

#include <vector>

#include "webnnc/Dialect/WebNN/WebNNOps.h"
#include "webnnc/Dialect/WebNN/WebNNTypes.h"
#include "webnnc/Spec/Ops.h"

namespace mlir::webnn {

inline std::vector<int64_t> toVector(std::optional<ArrayRef<int64_t>> values) {
  if (!values)
    return {};
  return std::vector<int64_t>(values->begin(), values->end());
}

inline webnnc::spec::InputOperandLayout toSpec(InputOperandLayout layout) {
  return layout == InputOperandLayout::nchw
             ? webnnc::spec::InputOperandLayout::Nchw
             : webnnc::spec::InputOperandLayout::Nhwc;
}

inline webnnc::spec::Conv2dFilterOperandLayout
toSpec(Conv2dFilterOperandLayout layout) {
  switch (layout) {
  case Conv2dFilterOperandLayout::oihw:
    return webnnc::spec::Conv2dFilterOperandLayout::Oihw;
  case Conv2dFilterOperandLayout::hwio:
    return webnnc::spec::Conv2dFilterOperandLayout::Hwio;
  case Conv2dFilterOperandLayout::ohwi:
    return webnnc::spec::Conv2dFilterOperandLayout::Ohwi;
  case Conv2dFilterOperandLayout::ihwo:
    return webnnc::spec::Conv2dFilterOperandLayout::Ihwo;
  }
  return webnnc::spec::Conv2dFilterOperandLayout::Oihw;
}

inline InputOperandLayout fromSpec(webnnc::spec::InputOperandLayout layout) {
  return layout == webnnc::spec::InputOperandLayout::Nchw
             ? InputOperandLayout::nchw
             : InputOperandLayout::nhwc;
}

inline Conv2dFilterOperandLayout
fromSpec(webnnc::spec::Conv2dFilterOperandLayout layout) {
  switch (layout) {
  case webnnc::spec::Conv2dFilterOperandLayout::Oihw:
    return Conv2dFilterOperandLayout::oihw;
  case webnnc::spec::Conv2dFilterOperandLayout::Hwio:
    return Conv2dFilterOperandLayout::hwio;
  case webnnc::spec::Conv2dFilterOperandLayout::Ohwi:
    return Conv2dFilterOperandLayout::ohwi;
  case webnnc::spec::Conv2dFilterOperandLayout::Ihwo:
    return Conv2dFilterOperandLayout::ihwo;
  }
  return Conv2dFilterOperandLayout::oihw;
}

template <typename OpOrAdaptor>
webnnc::spec::Conv2dOptions conv2dOptions(OpOrAdaptor op) {
  webnnc::spec::Conv2dOptions options;
  options.padding = toVector(op.getPadding());
  options.strides = toVector(op.getStrides());
  options.dilations = toVector(op.getDilations());
  if (auto groups = op.getGroupsAttr())
    options.groups = groups.getInt();
  if (auto layout = op.getInputLayoutAttr())
    options.inputLayout = toSpec(layout.getValue());
  if (auto layout = op.getFilterLayoutAttr())
    options.filterLayout = toSpec(layout.getValue());
  if (Value bias = op.getBias())
    options.bias = getDescriptor(bias.getType());
  return options;
}

template <typename OpOrAdaptor>
webnnc::spec::Pool2dOptions pool2dOptions(OpOrAdaptor op) {
  webnnc::spec::Pool2dOptions options;
  options.windowDimensions = toVector(op.getWindowDimensions());
  options.padding = toVector(op.getPadding());
  options.strides = toVector(op.getStrides());
  options.dilations = toVector(op.getDilations());
  if (auto layout = op.getLayoutAttr())
    options.layout = toSpec(layout.getValue());
  if (auto rounding = op.getRoundingTypeAttr())
    options.roundingType = rounding.getValue() == RoundingType::ceil
                               ? webnnc::spec::RoundingType::Ceil
                               : webnnc::spec::RoundingType::Floor;
  options.outputSizes = toVector(op.getOutputSizes());
  return options;
}

template <typename OpOrAdaptor>
webnnc::spec::GemmOptions gemmOptions(OpOrAdaptor op) {
  webnnc::spec::GemmOptions options;
  if (Value c = op.getC())
    options.c = getDescriptor(c.getType());
  if (auto alpha = op.getAlphaAttr())
    options.alpha = alpha.getValueAsDouble();
  if (auto beta = op.getBetaAttr())
    options.beta = beta.getValueAsDouble();
  if (auto transpose = op.getATransposeAttr())
    options.aTranspose = transpose.getValue();
  if (auto transpose = op.getBTransposeAttr())
    options.bTranspose = transpose.getValue();
  return options;
}

template <typename OpOrAdaptor>
webnnc::spec::ClampOptions clampOptions(OpOrAdaptor op) {
  webnnc::spec::ClampOptions options;
  if (auto v = op.getMinValue())
    options.minValue = v->convertToDouble();
  if (auto v = op.getMaxValue())
    options.maxValue = v->convertToDouble();
  return options;
}

template <typename OpOrAdaptor>
webnnc::spec::TransposeOptions transposeOptions(OpOrAdaptor op) {
  return {toVector(op.getPermutation()), {}};
}

} // namespace mlir::webnn

#endif // WEBNNC_DIALECT_WEBNN_WEBNNSPECOPTIONS_H_
