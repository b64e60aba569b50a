// SPDX-License-Identifier: Apache-2.0
// The spec results of the convolutions, pooling and resampling.
#include "Verification.h"

using namespace mlir;
using namespace mlir::webnn;
namespace spec = webnnc::spec;

spec::Expected<spec::OperandDescriptor> Conv2dOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_OPERAND(filter, adaptor.getFilter(), "filter");
  WEBNN_OPTIONAL_OPERAND(adaptor.getBias(), "bias");
  return spec::conv2d(input, filter, optionsOf<spec::Conv2dOptions>(adaptor));
}

spec::Expected<spec::OperandDescriptor>
ConvTranspose2dOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_OPERAND(filter, adaptor.getFilter(), "filter");
  WEBNN_OPTIONAL_OPERAND(adaptor.getBias(), "bias");
  return spec::convTranspose2d(input, filter, optionsOf<spec::ConvTranspose2dOptions>(adaptor));
}

namespace {
template <typename Adaptor>
spec::Expected<spec::OperandDescriptor> pool(Adaptor adaptor,
                                             spec::PoolKind kind) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  return spec::pool2d(kind, input, optionsOf<spec::Pool2dOptions>(adaptor));
}
} // namespace

spec::Expected<spec::OperandDescriptor>
AveragePool2dOp::specResult(Adaptor adaptor) {
  return pool(adaptor, spec::PoolKind::Average);
}
spec::Expected<spec::OperandDescriptor> L2Pool2dOp::specResult(Adaptor adaptor) {
  return pool(adaptor, spec::PoolKind::L2);
}
spec::Expected<spec::OperandDescriptor>
MaxPool2dOp::specResult(Adaptor adaptor) {
  return pool(adaptor, spec::PoolKind::Max);
}

spec::Expected<spec::OperandDescriptor>
Resample2dOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  return spec::resample2d(input, optionsOf<spec::Resample2dOptions>(adaptor));
}
