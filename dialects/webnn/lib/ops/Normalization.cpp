// SPDX-License-Identifier: Apache-2.0
// The spec results of the normalizations.
#include "Verification.h"

using namespace mlir;
using namespace mlir::webnn;
namespace spec = webnnc::spec;

spec::Expected<spec::OperandDescriptor>
BatchNormalizationOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_OPERAND(mean, adaptor.getMean(), "mean");
  WEBNN_OPERAND(variance, adaptor.getVariance(), "variance");
  WEBNN_OPTIONAL_OPERAND(adaptor.getScale(), "scale");
  WEBNN_OPTIONAL_OPERAND(adaptor.getBias(), "bias");
  return spec::batchNormalization(input, mean, variance,
                                  optionsOf<spec::BatchNormalizationOptions>(adaptor));
}

spec::Expected<spec::OperandDescriptor>
InstanceNormalizationOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_OPTIONAL_OPERAND(adaptor.getScale(), "scale");
  WEBNN_OPTIONAL_OPERAND(adaptor.getBias(), "bias");
  return spec::instanceNormalization(input,
                                     optionsOf<spec::InstanceNormalizationOptions>(adaptor));
}

spec::Expected<spec::OperandDescriptor>
LayerNormalizationOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_OPTIONAL_OPERAND(adaptor.getScale(), "scale");
  WEBNN_OPTIONAL_OPERAND(adaptor.getBias(), "bias");
  return spec::layerNormalization(input, optionsOf<spec::LayerNormalizationOptions>(adaptor));
}
