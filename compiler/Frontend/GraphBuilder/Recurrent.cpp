// SPDX-License-Identifier: Apache-2.0
// GraphBuilder: gru, gruCell, lstm and lstmCell.
#include "BuilderImpl.h"
#include "webnnc/Spec/Ops.h"

namespace webnnc {
using namespace mlir;

AttrList &AttrList::activations(
    const std::vector<spec::RecurrentNetworkActivation> &values) {
  if (values.empty())
    return *this;
  SmallVector<Attribute> attrs;
  for (spec::RecurrentNetworkActivation value : values)
    attrs.push_back(webnn::RecurrentNetworkActivationAttr::get(
        b_.getContext(),
        webnn::enumCast<webnn::RecurrentNetworkActivation>(value)));
  return add("activations", b_.getArrayAttr(attrs));
}

std::vector<Operand> GraphBuilder::gru(const Operand &input,
                                       const Operand &weight,
                                       const Operand &recurrentWeight,
                                       uint32_t steps, uint32_t hiddenSize,
                                       const GruOptions &options) {
  OpCall call(*impl_, this, "gru", options.label);
  size_t outputs = options.returnSequence ? 2 : 1;
  if (!call.check("input", input) || !call.check("weight", weight) ||
      !call.check("recurrentWeight", recurrentWeight) ||
      !call.check("bias", options.bias) ||
      !call.check("recurrentBias", options.recurrentBias) ||
      !call.check("initialHiddenState", options.initialHiddenState))
    return call.failedMany(outputs);
  spec::GruOptions specOptions{
      .bias = descriptorOf(options.bias),
      .recurrentBias = descriptorOf(options.recurrentBias),
      .initialHiddenState = descriptorOf(options.initialHiddenState),
      .resetAfter = options.resetAfter,
      .returnSequence = options.returnSequence,
      .direction = options.direction,
      .layout = options.layout,
      .activations = options.activations,
      .label = options.label};
  auto result =
      spec::gru(input.descriptor(), weight.descriptor(),
                recurrentWeight.descriptor(), steps, hiddenSize, specOptions);
  if (!result) {
    call.fail(result.error());
    return call.failedMany(outputs);
  }
  OperandList operands(*impl_);
  operands.add(input)
      .add(weight)
      .add(recurrentWeight)
      .add(options.bias)
      .add(options.recurrentBias)
      .add(options.initialHiddenState);
  AttrList attrs(call.builder());
  attrs.i64("steps", steps)
      .i64("hidden_size", hiddenSize)
      .option("reset_after", options, &OptionsOf<decltype(options)>::resetAfter)
      .option("return_sequence", options,
              &OptionsOf<decltype(options)>::returnSequence)
      .option<webnn::RecurrentNetworkDirectionAttr>(
          "direction", options, &OptionsOf<decltype(options)>::direction)
      .option<webnn::GruWeightLayoutAttr>("layout", options,
                                          &OptionsOf<decltype(options)>::layout)
      .activations(options.activations)
      .segments(operands);
  return call.create<webnn::GruOp>(*result, operands.values(), attrs);
}

Operand GraphBuilder::gruCell(const Operand &input, const Operand &weight,
                              const Operand &recurrentWeight,
                              const Operand &hiddenState, uint32_t hiddenSize,
                              const GruCellOptions &options) {
  OpCall call(*impl_, this, "gruCell", options.label);
  if (!call.check("input", input) || !call.check("weight", weight) ||
      !call.check("recurrentWeight", recurrentWeight) ||
      !call.check("hiddenState", hiddenState) ||
      !call.check("bias", options.bias) ||
      !call.check("recurrentBias", options.recurrentBias))
    return call.failed();
  spec::GruCellOptions specOptions{.bias = descriptorOf(options.bias),
                                   .recurrentBias =
                                       descriptorOf(options.recurrentBias),
                                   .resetAfter = options.resetAfter,
                                   .layout = options.layout,
                                   .activations = options.activations,
                                   .label = options.label};
  auto result = spec::gruCell(
      input.descriptor(), weight.descriptor(), recurrentWeight.descriptor(),
      hiddenState.descriptor(), hiddenSize, specOptions);
  if (!result)
    return call.fail(result.error());
  OperandList operands(*impl_);
  operands.add(input)
      .add(weight)
      .add(recurrentWeight)
      .add(hiddenState)
      .add(options.bias)
      .add(options.recurrentBias);
  AttrList attrs(call.builder());
  attrs.i64("hidden_size", hiddenSize)
      .option("reset_after", options, &OptionsOf<decltype(options)>::resetAfter)
      .option<webnn::GruWeightLayoutAttr>("layout", options,
                                          &OptionsOf<decltype(options)>::layout)
      .activations(options.activations)
      .segments(operands);
  return call.create<webnn::GruCellOp>(*result, operands.values(), attrs);
}

std::vector<Operand> GraphBuilder::lstm(const Operand &input,
                                        const Operand &weight,
                                        const Operand &recurrentWeight,
                                        uint32_t steps, uint32_t hiddenSize,
                                        const LstmOptions &options) {
  OpCall call(*impl_, this, "lstm", options.label);
  size_t outputs = options.returnSequence ? 3 : 2;
  if (!call.check("input", input) || !call.check("weight", weight) ||
      !call.check("recurrentWeight", recurrentWeight) ||
      !call.check("bias", options.bias) ||
      !call.check("recurrentBias", options.recurrentBias) ||
      !call.check("peepholeWeight", options.peepholeWeight) ||
      !call.check("initialHiddenState", options.initialHiddenState) ||
      !call.check("initialCellState", options.initialCellState))
    return call.failedMany(outputs);
  spec::LstmOptions specOptions{
      .bias = descriptorOf(options.bias),
      .recurrentBias = descriptorOf(options.recurrentBias),
      .peepholeWeight = descriptorOf(options.peepholeWeight),
      .initialHiddenState = descriptorOf(options.initialHiddenState),
      .initialCellState = descriptorOf(options.initialCellState),
      .returnSequence = options.returnSequence,
      .direction = options.direction,
      .layout = options.layout,
      .activations = options.activations,
      .label = options.label};
  auto result =
      spec::lstm(input.descriptor(), weight.descriptor(),
                 recurrentWeight.descriptor(), steps, hiddenSize, specOptions);
  if (!result) {
    call.fail(result.error());
    return call.failedMany(outputs);
  }
  OperandList operands(*impl_);
  operands.add(input)
      .add(weight)
      .add(recurrentWeight)
      .add(options.bias)
      .add(options.recurrentBias)
      .add(options.peepholeWeight)
      .add(options.initialHiddenState)
      .add(options.initialCellState);
  AttrList attrs(call.builder());
  attrs.i64("steps", steps)
      .i64("hidden_size", hiddenSize)
      .option("return_sequence", options,
              &OptionsOf<decltype(options)>::returnSequence)
      .option<webnn::RecurrentNetworkDirectionAttr>(
          "direction", options, &OptionsOf<decltype(options)>::direction)
      .option<webnn::LstmWeightLayoutAttr>(
          "layout", options, &OptionsOf<decltype(options)>::layout)
      .activations(options.activations)
      .segments(operands);
  return call.create<webnn::LstmOp>(*result, operands.values(), attrs);
}

std::vector<Operand>
GraphBuilder::lstmCell(const Operand &input, const Operand &weight,
                       const Operand &recurrentWeight,
                       const Operand &hiddenState, const Operand &cellState,
                       uint32_t hiddenSize, const LstmCellOptions &options) {
  OpCall call(*impl_, this, "lstmCell", options.label);
  if (!call.check("input", input) || !call.check("weight", weight) ||
      !call.check("recurrentWeight", recurrentWeight) ||
      !call.check("hiddenState", hiddenState) ||
      !call.check("cellState", cellState) ||
      !call.check("bias", options.bias) ||
      !call.check("recurrentBias", options.recurrentBias) ||
      !call.check("peepholeWeight", options.peepholeWeight))
    return call.failedMany(2);
  spec::LstmCellOptions specOptions{
      .bias = descriptorOf(options.bias),
      .recurrentBias = descriptorOf(options.recurrentBias),
      .peepholeWeight = descriptorOf(options.peepholeWeight),
      .layout = options.layout,
      .activations = options.activations,
      .label = options.label};
  auto result =
      spec::lstmCell(input.descriptor(), weight.descriptor(),
                     recurrentWeight.descriptor(), hiddenState.descriptor(),
                     cellState.descriptor(), hiddenSize, specOptions);
  if (!result) {
    call.fail(result.error());
    return call.failedMany(2);
  }
  OperandList operands(*impl_);
  operands.add(input)
      .add(weight)
      .add(recurrentWeight)
      .add(hiddenState)
      .add(cellState)
      .add(options.bias)
      .add(options.recurrentBias)
      .add(options.peepholeWeight);
  AttrList attrs(call.builder());
  attrs.i64("hidden_size", hiddenSize)
      .option<webnn::LstmWeightLayoutAttr>(
          "layout", options, &OptionsOf<decltype(options)>::layout)
      .activations(options.activations)
      .segments(operands);
  return call.create<webnn::LstmCellOp>(*result, operands.values(), attrs);
}

} // namespace webnnc
