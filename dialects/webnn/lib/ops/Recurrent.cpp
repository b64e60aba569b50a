// SPDX-License-Identifier: Apache-2.0
// The spec results of gru, gruCell, lstm and lstmCell.
#include "Verification.h"

using namespace mlir;
using namespace mlir::webnn;
namespace spec = webnnc::spec;

namespace {
// A required integer attribute, or an error naming it.
#define WEBNN_REQUIRED_INT(var, attr, name)                                    \
  if (!(attr))                                                                 \
    return spec::Error{name, "is required"};                                   \
  int64_t var = (attr).getInt()
} // namespace

spec::Expected<spec::OperandDescriptor> GruCellOp::specResult(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_OPERAND(weight, adaptor.getWeight(), "weight");
  WEBNN_OPERAND(recurrentWeight, adaptor.getRecurrentWeight(),
                "recurrentWeight");
  WEBNN_OPERAND(hiddenState, adaptor.getHiddenState(), "hiddenState");
  WEBNN_OPTIONAL_OPERAND(adaptor.getBias(), "bias");
  WEBNN_OPTIONAL_OPERAND(adaptor.getRecurrentBias(), "recurrentBias");
  WEBNN_REQUIRED_INT(hiddenSize, adaptor.getHiddenSizeAttr(), "hidden_size");
  return spec::gruCell(input, weight, recurrentWeight, hiddenState, hiddenSize,
                       optionsOf<spec::GruCellOptions>(adaptor));
}

spec::Expected<std::vector<spec::OperandDescriptor>>
GruOp::specResults(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_OPERAND(weight, adaptor.getWeight(), "weight");
  WEBNN_OPERAND(recurrentWeight, adaptor.getRecurrentWeight(),
                "recurrentWeight");
  WEBNN_OPTIONAL_OPERAND(adaptor.getBias(), "bias");
  WEBNN_OPTIONAL_OPERAND(adaptor.getRecurrentBias(), "recurrentBias");
  WEBNN_OPTIONAL_OPERAND(adaptor.getInitialHiddenState(), "initialHiddenState");
  WEBNN_REQUIRED_INT(steps, adaptor.getStepsAttr(), "steps");
  WEBNN_REQUIRED_INT(hiddenSize, adaptor.getHiddenSizeAttr(), "hidden_size");
  return spec::gru(input, weight, recurrentWeight, steps, hiddenSize,
                   optionsOf<spec::GruOptions>(adaptor));
}

spec::Expected<std::vector<spec::OperandDescriptor>>
LstmCellOp::specResults(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_OPERAND(weight, adaptor.getWeight(), "weight");
  WEBNN_OPERAND(recurrentWeight, adaptor.getRecurrentWeight(),
                "recurrentWeight");
  WEBNN_OPERAND(hiddenState, adaptor.getHiddenState(), "hiddenState");
  WEBNN_OPERAND(cellState, adaptor.getCellState(), "cellState");
  WEBNN_OPTIONAL_OPERAND(adaptor.getBias(), "bias");
  WEBNN_OPTIONAL_OPERAND(adaptor.getRecurrentBias(), "recurrentBias");
  WEBNN_OPTIONAL_OPERAND(adaptor.getPeepholeWeight(), "peepholeWeight");
  WEBNN_REQUIRED_INT(hiddenSize, adaptor.getHiddenSizeAttr(), "hidden_size");
  return spec::lstmCell(input, weight, recurrentWeight, hiddenState, cellState,
                        hiddenSize, optionsOf<spec::LstmCellOptions>(adaptor));
}

spec::Expected<std::vector<spec::OperandDescriptor>>
LstmOp::specResults(Adaptor adaptor) {
  WEBNN_OPERAND(input, adaptor.getInput(), "input");
  WEBNN_OPERAND(weight, adaptor.getWeight(), "weight");
  WEBNN_OPERAND(recurrentWeight, adaptor.getRecurrentWeight(),
                "recurrentWeight");
  WEBNN_OPTIONAL_OPERAND(adaptor.getBias(), "bias");
  WEBNN_OPTIONAL_OPERAND(adaptor.getRecurrentBias(), "recurrentBias");
  WEBNN_OPTIONAL_OPERAND(adaptor.getPeepholeWeight(), "peepholeWeight");
  WEBNN_OPTIONAL_OPERAND(adaptor.getInitialHiddenState(), "initialHiddenState");
  WEBNN_OPTIONAL_OPERAND(adaptor.getInitialCellState(), "initialCellState");
  WEBNN_REQUIRED_INT(steps, adaptor.getStepsAttr(), "steps");
  WEBNN_REQUIRED_INT(hiddenSize, adaptor.getHiddenSizeAttr(), "hidden_size");
  return spec::lstm(input, weight, recurrentWeight, steps, hiddenSize,
                    optionsOf<spec::LstmOptions>(adaptor));
}
