// SPDX-License-Identifier: Apache-2.0
// The spec results of gather, scatter, quantizeLinear and dequantizeLinear.
#include "Verification.h"

using namespace mlir;
using namespace mlir::webnn;
namespace spec = webnnc::spec;

spec::Expected<spec::OperandDescriptor> GatherOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_OPERAND(indices, adaptor.getIndices(), "indices");
  return spec::gather(input, indices, optionsOf<spec::GatherOptions>(adaptor));
}

spec::Expected<spec::OperandDescriptor>
GatherElementsOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_OPERAND(indices, adaptor.getIndices(), "indices");
  return spec::gatherElements(input, indices, optionsOf<spec::GatherOptions>(adaptor));
}

spec::Expected<spec::OperandDescriptor>
GatherNDOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_OPERAND(indices, adaptor.getIndices(), "indices");
  return spec::gatherND(input, indices);
}

spec::Expected<spec::OperandDescriptor>
ScatterElementsOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_OPERAND(indices, adaptor.getIndices(), "indices");
  WEBNN_OPERAND(updates, adaptor.getUpdates(), "updates");
  return spec::scatterElements(input, indices, updates, optionsOf<spec::GatherOptions>(adaptor));
}

spec::Expected<spec::OperandDescriptor>
ScatterNDOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_OPERAND(indices, adaptor.getIndices(), "indices");
  WEBNN_OPERAND(updates, adaptor.getUpdates(), "updates");
  return spec::scatterND(input, indices, updates);
}

spec::Expected<spec::OperandDescriptor>
QuantizeLinearOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_OPERAND(scale, adaptor.getScale(), "scale");
  WEBNN_OPERAND(zeroPoint, adaptor.getZeroPoint(), "zeroPoint");
  return spec::quantizeLinear(input, scale, zeroPoint);
}

spec::Expected<spec::OperandDescriptor>
DequantizeLinearOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_OPERAND(scale, adaptor.getScale(), "scale");
  WEBNN_OPERAND(zeroPoint, adaptor.getZeroPoint(), "zeroPoint");
  return spec::dequantizeLinear(input, scale, zeroPoint);
}
